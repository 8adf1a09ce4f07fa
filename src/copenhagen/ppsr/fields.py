"""PPSR-Core's project fields and what each becomes in an initiative document: the mapping table.

PPSR-Core (Public Participation in Scientific Research, the Citizen Science Association's
metadata standard) describes a project with core attributes and optional extension attributes
(approved version 2020.0). The field names, their multiplicities and vocabularies below are
facts of the standard, read from its repository; what each field becomes is our reading, in our
words (register PPSR-1 to PPSR-7). A field that does not say what the framework needs is not
mapped: nothing is guessed.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from copenhagen.framework import Stage

__all__ = [
    "FIELDS",
    "PARTY_ROLES",
    "PPSR_CORE_SOURCE",
    "PROCESS_TERMS",
    "FieldKind",
    "FieldMapping",
    "PartyRole",
    "ProcessTerm",
    "field_mapping",
]

#: Where the field definitions come from.
PPSR_CORE_SOURCE = (
    "PPSR-Core, Project Metadata Model, approved version 2020.0: repository "
    "citizen-science-association/ppsr-core, docs/project/core-attributes.md, "
    "docs/project/extension-attributes.md and docs/project/vocabulary.md"
)


class FieldKind(StrEnum):
    """Whether PPSR-Core lists a field among its core or its extension attributes."""

    CORE = "core"
    EXTENSION = "extension"


@attrs.frozen(slots=True)
class FieldMapping:
    """One PPSR-Core field and what it becomes.

    Attributes:
        entity: The PPSR-Core entity the field belongs to: ``project``, or a class within it
            such as ``projectAssociatedParty``.
        field: The field's name, as records spell it.
        kind: Core or extension attribute.
        key: The document key it fills, or ``None`` when it is not mapped.
        how: How its value is carried over, or why it is not, in our words.
    """

    entity: str
    field: str
    kind: FieldKind
    key: str | None
    how: str

    @property
    def source(self) -> str:
        """The page of PPSR-Core's repository that defines the field."""
        page = "core-attributes" if self.kind is FieldKind.CORE else "extension-attributes"
        return f"citizen-science-association/ppsr-core, docs/project/{page}.md"


C, E = FieldKind.CORE, FieldKind.EXTENSION
_NOT_FRAMEWORK = "not mapped: the framework has no key for it"


def _f(
    field: str, kind: FieldKind, key: str | None, how: str, entity: str = "project"
) -> FieldMapping:
    return FieldMapping(entity, field, kind, key, how)


#: Every project field of PPSR-Core 2020.0 (core, then extension, each in the standard's order),
#: then the fields of an associated party.
FIELDS: tuple[FieldMapping, ...] = (
    _f(
        "projectId",
        C,
        "extra",
        "kept as given, as extra.ppsr_core.projectId (text or a whole number)",
    ),
    _f("projectDateCreated", C, None, "not mapped: the date of the database record"),
    _f("projectLastUpdatedDate", C, None, "not mapped: the date of the database record"),
    _f("projectName", C, "name", "the initiative's name, as given (text)"),
    _f("projectAim", C, None, "not mapped: free text; reading objectives into it would be a guess"),
    _f("projectDescription", C, "description", "the description, as given (text)"),
    _f("hasTag", C, None, _NOT_FRAMEWORK),
    _f("difficultyLevel", C, None, _NOT_FRAMEWORK),
    _f("keyword", C, None, _NOT_FRAMEWORK),
    _f("projectStatus", C, None, _NOT_FRAMEWORK),
    _f("projectStartDate", C, None, _NOT_FRAMEWORK),
    _f("projectEndDate", C, None, _NOT_FRAMEWORK),
    _f("projectDuration", C, None, _NOT_FRAMEWORK),
    _f("projectScienceType", C, None, _NOT_FRAMEWORK),
    _f("projectUrl", C, None, "not mapped, and never opened"),
    _f("unRegions", C, None, "not mapped: a region is not a country"),
    _f("language", C, None, _NOT_FRAMEWORK),
    _f("projectLocality", C, None, "not mapped: a place, not a country code"),
    _f(
        "projectResponsiblePartyName",
        C,
        "initiated_by",
        "the initiator: the party's actor from the parties table (--parties); a name not in it "
        "leaves initiated_by unknown",
    ),
    _f("projectResponsiblePartyContactEmail", C, None, _NOT_FRAMEWORK),
    _f("contactPoint", C, None, _NOT_FRAMEWORK),
    _f("projectMedia", C, None, "not mapped, and no media file is ever opened"),
    _f("projectGeographicLocation", C, None, "not mapped: coordinates, not a country code"),
    _f("activity", C, None, "not mapped: the data collection protocols, not the initiative"),
    _f("projectExternalId", E, None, _NOT_FRAMEWORK),
    _f("cosi:belongsToProgramme", E, None, _NOT_FRAMEWORK),
    _f("projectOriginalRepository", E, None, _NOT_FRAMEWORK),
    _f("projectHowToParticipate", E, None, "not mapped: free text on joining"),
    _f("projectTask", E, None, "not mapped: free text on joining"),
    _f("projectIntendedOutcomes", E, None, "not mapped: free text; objectives would be a guess"),
    _f("projectOutcome", E, None, "not mapped: free text"),
    _f(
        "scientificProcessInvolved",
        E,
        "engaged_stages",
        "the stages where participants take part, from the terms of the table below; a term "
        "that names no stage is listed as unused",
    ),
    _f("numberOfScientificPublications", E, None, _NOT_FRAMEWORK),
    _f("numberOfOtherPublications", E, None, _NOT_FRAMEWORK),
    _f("projectAdditionalInformation", E, None, _NOT_FRAMEWORK),
    _f(
        "projectCountry",
        E,
        None,
        "not mapped: PPSR-Core gives country names, the document an ISO 3166-1 alpha-2 code",
    ),
    _f("projectEquipment", E, None, _NOT_FRAMEWORK),
    _f("projectExternalLinks", E, None, "not mapped, and never opened"),
    _f("projectPlannedEndDate", E, None, _NOT_FRAMEWORK),
    _f("projectPlannedStartDate", E, None, _NOT_FRAMEWORK),
    _f("projectResearchType", E, None, _NOT_FRAMEWORK),
    _f(
        "projectScientificCollaborators",
        E,
        None,
        "not mapped: people who use the data are not thereby partners carrying the work out",
    ),
    _f(
        "projectAssociatedParty",
        E,
        "partners, funders",
        "one party, or a list of them; each is read by its role and name (below)",
    ),
    _f("participationFees", E, None, _NOT_FRAMEWORK),
    _f(
        "projectFunding",
        E,
        None,
        "not mapped: a funding source's type (public, private) does not say which actor it is",
    ),
    _f("projectParticipants", E, None, "not mapped: counts of participants"),
    _f("projectAssociatedPartyId", E, None, "not mapped", "projectAssociatedParty"),
    _f(
        "projectAssociatedPartyName",
        E,
        "partners, funders",
        "the party's actor from the parties table; a name not in it leaves the key its role "
        "fills unknown",
        "projectAssociatedParty",
    ),
    _f(
        "projectUsFederalSponsor",
        E,
        "funders",
        "any value names a US federal entity that funds the project: the state is a funder",
        "projectAssociatedParty",
    ),
    _f(
        "projectAssociatedPartyRole",
        E,
        "partners, funders",
        "which key the party fills: see the roles below",
        "projectAssociatedParty",
    ),
)


def field_mapping(field: str, entity: str = "project") -> FieldMapping | None:
    """The mapping of PPSR-Core field ``field`` of ``entity``, or ``None`` if it has none."""
    for mapping in FIELDS:
        if mapping.field == field and mapping.entity == entity:
            return mapping
    return None


class PartyRole(StrEnum):
    """The roles of an associated party (PPSR-Core's ``projectAssociatedPartyRole`` vocabulary)."""

    AGENT = "Agent"
    COLLABORATOR = "Collaborator"
    PARTNER = "Partner"
    SPONSOR_FUNDER = "Sponsor/funder"
    STAKEHOLDER = "Stakeholder"


#: Which document key a party with each role fills; a role absent here fills none (PPSR-3).
PARTY_ROLES: dict[PartyRole, str] = {
    PartyRole.COLLABORATOR: "partners",
    PartyRole.PARTNER: "partners",
    PartyRole.SPONSOR_FUNDER: "funders",
}


@attrs.frozen(slots=True)
class ProcessTerm:
    """A term of PPSR-Core's ``scientificProcessInvolved`` vocabulary and the stage it shows.

    Attributes:
        term: The term, as the vocabulary spells it.
        stage: The value-chain stage participants take part in when they do this, or ``None``
            when the term names no stage (para 12).
        gsbpm: The GSBPM v5.1 sub-process the reading rests on, if any.
        why: One line on the reading, in our words.
    """

    term: str
    stage: Stage | None
    gsbpm: str | None
    why: str


def _t(term: str, stage: Stage | None, gsbpm: str | None, why: str) -> ProcessTerm:
    return ProcessTerm(term, stage, gsbpm, why)


_COLLECT = "participants gather the data themselves"
S = Stage

#: The vocabulary of ``scientificProcessInvolved``, in PPSR-Core's order (register PPSR-2).
PROCESS_TERMS: tuple[ProcessTerm, ...] = (
    _t("Annotation", S.PROCESSING, "5.2", "annotating records codes them"),
    _t("Audio or video recording", S.COLLECTION, "4.3", _COLLECT),
    _t("Classification or tagging", S.PROCESSING, "5.2", "classifying records codes them"),
    _t("DIY hacking/making", S.COLLECTION, "3.1", "making the instruments that collect"),
    _t("Data analysis", S.ANALYSIS, "6.3", "participants analyse the data"),
    _t("Data entry", S.COLLECTION, "4.3", "entering observations is part of gathering them"),
    _t(
        "Download software for distributed computing",
        None,
        None,
        "lending a computer's time is not taking an active part in a stage",
    ),
    _t("Finding entities", None, None, "it does not say whether in the field or in the data"),
    _t("Geolocation", S.COLLECTION, "4.3", _COLLECT),
    _t("Identification", S.PROCESSING, "5.2", "identifying what a record shows classifies it"),
    _t("Learning", None, None, "learning is no stage of the value chain"),
    _t("Measurement", S.COLLECTION, "4.3", _COLLECT),
    _t("Observation", S.COLLECTION, "4.3", _COLLECT),
    _t("Photography", S.COLLECTION, "4.3", _COLLECT),
    _t("Problem solving", None, None, "it does not say which stage's problems"),
    _t("Sample analysis", S.COLLECTION, "4.3", "analysing samples yields the measurements"),
    _t(
        "Site selection and/or description",
        S.COLLECTION,
        "4.3",
        "choosing and describing sites in the field; it does not show a say in the sampling design",
    ),
    _t("Specimen/sample collection", S.COLLECTION, "4.3", _COLLECT),
    _t(
        "Transcription", S.PROCESSING, None, "turning existing records into data is processing work"
    ),
)
