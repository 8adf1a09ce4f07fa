"""A checklist of concrete practices through which each principle shows (paras 17-31).

The framework states principles, not checklists; each practice here is the library's own
concrete, checkable reading of a principle, cited to the paragraphs it rests on (see the
interpretation register).
"""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.principles import Principle

__all__ = ["Practice"]


class Practice(CatalogueMember, StrEnum):
    """A checkable practice that shows one principle in action."""

    # 1 Independence
    AGENDA_FREE_OF_PRESSURE = "agenda_free_of_pressure"
    FUNDING_SOURCES_DISCLOSED = "funding_sources_disclosed"
    # 2 Relevance
    ISSUES_CHOSEN_BY_COMMUNITY = "issues_chosen_by_community"
    RESULTS_ANSWER_COMMUNITY_NEEDS = "results_answer_community_needs"
    # 3 Participation and inclusion
    MARGINALISED_GROUPS_INVOLVED = "marginalised_groups_involved"
    PARTICIPATION_OPEN_AND_ACCESSIBLE = "participation_open_and_accessible"
    SHARED_DECISION_MAKING = "shared_decision_making"
    # 4 Informed consent
    CONSENT_BEFORE_COLLECTION = "consent_before_collection"
    PURPOSE_AND_RISKS_EXPLAINED = "purpose_and_risks_explained"
    WITHDRAWAL_POSSIBLE = "withdrawal_possible"
    # 5 Professional standards
    METHODOLOGY_DOCUMENTED = "methodology_documented"
    QUALITY_CHECKS_APPLIED = "quality_checks_applied"
    INTERNATIONAL_STANDARDS_REFERENCED = "international_standards_referenced"
    # 6 Data security
    DATA_SHARING_AGREEMENT = "data_sharing_agreement"
    SECURE_STORAGE = "secure_storage"
    OWNERSHIP_AND_IP_DEFINED = "ownership_and_ip_defined"
    # 7 Self-definition and self-identification
    POPULATION_SELF_DEFINED = "population_self_defined"
    CHARACTERISTICS_SELF_IDENTIFIED = "characteristics_self_identified"
    # 8 Data sovereignty
    COMMUNITY_CONTROLS_DATA_USE = "community_controls_data_use"
    RIGHT_TO_REFUSE_USES = "right_to_refuse_uses"
    # 9 Transparency
    METADATA_PUBLISHED = "metadata_published"
    PARADATA_PUBLISHED = "paradata_published"
    USE_AND_SHARING_DESCRIBED = "use_and_sharing_described"
    # 10 Ethical and safe production and use
    HARM_RISKS_ASSESSED = "harm_risks_assessed"
    # 11 Accountability
    IMPACT_MONITORED = "impact_monitored"
    GRIEVANCE_CHANNEL = "grievance_channel"
    # 12 Confidentiality, privacy and data attribution
    IDENTITIES_NEVER_DISCLOSED = "identities_never_disclosed"
    AGGREGATE_USE_ONLY = "aggregate_use_only"
    PRIVACY_PRESERVING_ATTRIBUTION = "privacy_preserving_attribution"
    # 13 Openness and accessibility
    RESULTS_OPENLY_PUBLISHED = "results_openly_published"
    ACCESSIBLE_FORMATS = "accessible_formats"
    ANONYMISED_BEFORE_RELEASE = "anonymised_before_release"

    @property
    def entry(self) -> Entry:
        """The practice's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def principle(self) -> Principle:
        """The principle this practice shows."""
        return _PRINCIPLE[self]


# TODO(principles work): entries and principle links are filled in with the principle assessment.
_CATALOGUE: dict[Practice, Entry] = {}
_PRINCIPLE: dict[Practice, Principle] = {}
