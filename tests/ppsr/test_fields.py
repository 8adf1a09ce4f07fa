"""The mapping table: every PPSR-Core field once, mapped only to real document keys."""

from __future__ import annotations

from collections import Counter

from copenhagen.framework import Stage
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.ppsr import FIELDS, PARTY_ROLES, PROCESS_TERMS, FieldKind, PartyRole
from copenhagen.ppsr.fields import field_mapping

# PPSR-Core 2020.0's project attributes (docs/project/core-attributes.md and
# extension-attributes.md of its repository), in the standard's order.
CORE = [
    "projectId", "projectDateCreated", "projectLastUpdatedDate", "projectName", "projectAim",
    "projectDescription", "hasTag", "difficultyLevel", "keyword", "projectStatus",
    "projectStartDate", "projectEndDate", "projectDuration", "projectScienceType", "projectUrl",
    "unRegions", "language", "projectLocality", "projectResponsiblePartyName",
    "projectResponsiblePartyContactEmail", "contactPoint", "projectMedia",
    "projectGeographicLocation", "activity",
]  # fmt: skip
EXTENSION = [
    "projectExternalId", "cosi:belongsToProgramme", "projectOriginalRepository",
    "projectHowToParticipate", "projectTask", "projectIntendedOutcomes", "projectOutcome",
    "scientificProcessInvolved", "numberOfScientificPublications", "numberOfOtherPublications",
    "projectAdditionalInformation", "projectCountry", "projectEquipment", "projectExternalLinks",
    "projectPlannedEndDate", "projectPlannedStartDate", "projectResearchType",
    "projectScientificCollaborators", "projectAssociatedParty", "participationFees",
    "projectFunding", "projectParticipants",
]  # fmt: skip


def test_every_project_field_once_in_the_standards_order() -> None:
    project = [m for m in FIELDS if m.entity == "project"]
    assert [m.field for m in project if m.kind is FieldKind.CORE] == CORE
    assert [m.field for m in project if m.kind is FieldKind.EXTENSION] == EXTENSION
    assert not [k for k, n in Counter((m.entity, m.field) for m in FIELDS).items() if n > 1]


def test_mapped_fields_fill_document_keys() -> None:
    for mapping in FIELDS:
        if mapping.key is not None:
            assert set(mapping.key.split(", ")) <= set(DOCUMENT_KEYS), mapping
        assert mapping.how
        assert mapping.source.startswith("citizen-science-association/ppsr-core, docs/project/")


def test_the_issues_extensions_are_mapped() -> None:
    assert field_mapping("scientificProcessInvolved").key == "engaged_stages"  # type: ignore[union-attr]
    assert field_mapping("projectAssociatedParty").key == "partners, funders"  # type: ignore[union-attr]
    assert field_mapping("projectAim").key is None  # type: ignore[union-attr]
    assert field_mapping("nonsense") is None


def test_process_vocabulary_in_ppsr_cores_order() -> None:
    assert [t.term for t in PROCESS_TERMS] == [
        "Annotation", "Audio or video recording", "Classification or tagging",
        "DIY hacking/making", "Data analysis", "Data entry",
        "Download software for distributed computing", "Finding entities", "Geolocation",
        "Identification", "Learning", "Measurement", "Observation", "Photography",
        "Problem solving", "Sample analysis", "Site selection and/or description",
        "Specimen/sample collection", "Transcription",
    ]  # fmt: skip
    for term in PROCESS_TERMS:
        assert term.stage is None or isinstance(term.stage, Stage)
        assert term.why
    # No term reaches design, uptake or review: PPSR-Core's vocabulary does not speak of them.
    assert {t.stage for t in PROCESS_TERMS} == {
        None,
        Stage.COLLECTION,
        Stage.PROCESSING,
        Stage.ANALYSIS,
    }


def test_party_roles() -> None:
    assert [r.value for r in PartyRole] == [
        "Agent",
        "Collaborator",
        "Partner",
        "Sponsor/funder",
        "Stakeholder",
    ]
    assert PARTY_ROLES == {
        PartyRole.COLLABORATOR: "partners",
        PartyRole.PARTNER: "partners",
        PartyRole.SPONSOR_FUNDER: "funders",
    }
