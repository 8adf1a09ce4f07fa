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


class Practice(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
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


def _entry(
    practice: Practice, principle: Principle, title: str, summary: str, *citations: str
) -> tuple[Practice, Entry, Principle]:
    return practice, Entry(practice.value, None, title, summary, citations), principle


_P = Principle
_ENTRIES: tuple[tuple[Practice, Entry, Principle], ...] = (
    # 1 Independence (paras 17, 19-20)
    _entry(
        Practice.AGENDA_FREE_OF_PRESSURE,
        _P.INDEPENDENCE,
        "Agenda set free of outside pressure",
        "The questions, methods and findings were decided by the initiative itself; no "
        "government, party, donor or other body could impose or alter them.",
        "para 17",
        "para 19",
    ),
    _entry(
        Practice.FUNDING_SOURCES_DISCLOSED,
        _P.INDEPENDENCE,
        "Funding sources disclosed",
        "Every funder is named publicly, with any conditions attached to its money, so that "
        "readers can judge whether donors shaped the work.",
        "para 17",
        "para 19",
    ),
    # 2 Relevance (paras 17, 20)
    _entry(
        Practice.ISSUES_CHOSEN_BY_COMMUNITY,
        _P.RELEVANCE,
        "Issues chosen by the community",
        "The community concerned, or an organisation representing it, chose the issues the "
        "data cover and the angle from which they are looked at.",
        "para 17",
        "para 20",
    ),
    _entry(
        Practice.RESULTS_ANSWER_COMMUNITY_NEEDS,
        _P.RELEVANCE,
        "Results answer the community's needs",
        "The outputs were checked with the community against the needs it stated at the start, "
        "and they address those needs directly.",
        "para 17",
        "para 20",
    ),
    # 3 Participation and inclusion (paras 17, 21)
    _entry(
        Practice.MARGINALISED_GROUPS_INVOLVED,
        _P.PARTICIPATION_AND_INCLUSION,
        "Marginalised groups involved",
        "Vulnerable and marginalised groups among the population of interest were identified "
        "and actively brought into the initiative.",
        "para 17",
    ),
    _entry(
        Practice.PARTICIPATION_OPEN_AND_ACCESSIBLE,
        _P.PARTICIPATION_AND_INCLUSION,
        "Participation open and accessible",
        "Anyone concerned can join freely and on equal terms, the barriers some face (language, "
        "disability, cost, technology) have been removed, and how to join is public.",
        "para 17",
        "para 21",
    ),
    _entry(
        Practice.SHARED_DECISION_MAKING,
        _P.PARTICIPATION_AND_INCLUSION,
        "Decisions shared with participants",
        "Participants take part in the initiative's decisions rather than only supplying data, "
        "and their own agency is acknowledged.",
        "para 21",
    ),
    # 4 Informed consent (paras 17, 22)
    _entry(
        Practice.CONSENT_BEFORE_COLLECTION,
        _P.INFORMED_CONSENT,
        "Consent obtained before collection",
        "Each person agreed, freely and before any data about them were gathered, to take part.",
        "para 17",
        "para 22",
    ),
    _entry(
        Practice.PURPOSE_AND_RISKS_EXPLAINED,
        _P.INFORMED_CONSENT,
        "Purpose, risks and use explained",
        "Before agreeing, people were told in plain terms why the data are gathered, what taking "
        "part involves, its possible risks and benefits, and how the data will be used and kept.",
        "para 22",
    ),
    _entry(
        Practice.WITHDRAWAL_POSSIBLE,
        _P.INFORMED_CONSENT,
        "Withdrawal possible",
        "People can later take back their consent and have their data removed or no longer "
        "used, and they know how to do so.",
        "para 17",
    ),
    # 5 Professional standards (paras 17, 23)
    _entry(
        Practice.METHODOLOGY_DOCUMENTED,
        _P.PROFESSIONAL_STANDARDS,
        "Methodology documented",
        "Sampling, instruments, processing and analysis are written down in enough detail for "
        "someone else to review or repeat them.",
        "para 17",
        "para 23",
    ),
    _entry(
        Practice.QUALITY_CHECKS_APPLIED,
        _P.PROFESSIONAL_STANDARDS,
        "Quality checks applied",
        "The data go through stated checks (validation, editing, plausibility checks) suited "
        "to the skills and means of those involved.",
        "para 17",
        "para 23",
    ),
    _entry(
        Practice.INTERNATIONAL_STANDARDS_REFERENCED,
        _P.PROFESSIONAL_STANDARDS,
        "International standards referenced",
        "The methods name the international standards they follow, such as the Fundamental "
        "Principles of Official Statistics or a national quality assurance framework.",
        "para 23",
    ),
    # 6 Data security (paras 17, 24)
    _entry(
        Practice.DATA_SHARING_AGREEMENT,
        _P.DATA_SECURITY,
        "Data sharing agreement in place",
        "Where data go beyond the initiative, a written agreement says who receives them, for "
        "what, and under which conditions, and it is applied.",
        "para 17",
        "para 24",
    ),
    _entry(
        Practice.SECURE_STORAGE,
        _P.DATA_SECURITY,
        "Data stored and managed securely",
        "Data are kept with access control, protected transfer and backups, and only the people "
        "who need them can reach them.",
        "para 17",
        "para 30",
    ),
    _entry(
        Practice.OWNERSHIP_AND_IP_DEFINED,
        _P.DATA_SECURITY,
        "Ownership and intellectual property defined",
        "Who holds copyright and other rights in the data and the research is settled in "
        "writing and protected.",
        "para 17",
        "para 24",
    ),
    # 7 Self-definition and self-identification (paras 17, 25)
    _entry(
        Practice.POPULATION_SELF_DEFINED,
        _P.SELF_IDENTIFICATION,
        "Population of interest self-defined",
        "The group the data describe drew its own boundaries, and that was agreed at the start "
        "of any partnership with the NSO or other public bodies.",
        "para 17",
        "para 25",
    ),
    _entry(
        Practice.CHARACTERISTICS_SELF_IDENTIFIED,
        _P.SELF_IDENTIFICATION,
        "Characteristics self-identified",
        "Identity and personal characteristics (such as ethnicity or gender) are recorded as "
        "each person states them, and giving them is optional.",
        "para 17",
    ),
    # 8 Data sovereignty (paras 17, 26)
    _entry(
        Practice.COMMUNITY_CONTROLS_DATA_USE,
        _P.DATA_SOVEREIGNTY,
        "Community controls how its data are used",
        "The people and communities concerned decide, at every stage from gathering to use, "
        "how their data are handled, and can check that this is done accurately and fittingly.",
        "para 17",
        "para 26",
    ),
    _entry(
        Practice.RIGHT_TO_REFUSE_USES,
        _P.DATA_SOVEREIGNTY,
        "Right to refuse uses",
        "The community can veto particular uses of its data, and a way to exercise that veto "
        "exists and is known to it.",
        "para 26",
    ),
    # 9 Transparency (paras 17, 27)
    _entry(
        Practice.METADATA_PUBLISHED,
        _P.TRANSPARENCY,
        "Metadata published",
        "A public, plainly written description of the data (design, concepts, coverage, "
        "methodology) is freely available.",
        "para 17",
        "para 27",
    ),
    _entry(
        Practice.PARADATA_PUBLISHED,
        _P.TRANSPARENCY,
        "Paradata published",
        "Facts about how the collection actually ran (when, by whom, with which tools, response "
        "and edits) are published alongside the data.",
        "para 17",
        "para 27",
    ),
    _entry(
        Practice.USE_AND_SHARING_DESCRIBED,
        _P.TRANSPARENCY,
        "Use and sharing described",
        "The initiative says publicly how the data will be used and with whom they will be "
        "shared, across the whole value chain.",
        "para 17",
        "para 27",
    ),
    # 10 Ethical and safe production and use (paras 17, 28)
    _entry(
        Practice.HARM_RISKS_ASSESSED,
        _P.ETHICAL_AND_SAFE_USE,
        "Risks of harm assessed",
        "Before collection and again before release, the risks that the data harm, discriminate "
        "against or stigmatise anyone were assessed, and steps taken against them.",
        "para 17",
        "para 28",
    ),
    # 11 Accountability (paras 17, 29)
    _entry(
        Practice.IMPACT_MONITORED,
        _P.ACCOUNTABILITY,
        "Impact monitored",
        "The effects of the data on the people and communities concerned, direct or indirect, "
        "are followed up and reported, whatever national rules require.",
        "para 17",
        "para 29",
    ),
    _entry(
        Practice.GRIEVANCE_CHANNEL,
        _P.ACCOUNTABILITY,
        "Complaints channel",
        "People affected have a known way to raise concerns or complaints about the data, and "
        "the initiative answers them.",
        "para 29",
    ),
    # 12 Confidentiality, privacy and data attribution (paras 17, 30)
    _entry(
        Practice.IDENTITIES_NEVER_DISCLOSED,
        _P.CONFIDENTIALITY,
        "Identities never disclosed",
        "Nothing released allows a person to be identified, directly or by combining details.",
        "para 17",
        "para 30",
    ),
    _entry(
        Practice.AGGREGATE_USE_ONLY,
        _P.CONFIDENTIALITY,
        "Used only in aggregate, for agreed purposes",
        "Individual records serve only aggregate findings on the issues agreed with "
        "participants, never to learn about or act on one person.",
        "para 17",
        "para 30",
    ),
    _entry(
        Practice.PRIVACY_PRESERVING_ATTRIBUTION,
        _P.CONFIDENTIALITY,
        "Contributors credited without exposing them",
        "Contributors are acknowledged, but in a form that keeps them private, such as a "
        "pseudonym or a credit to the community as a whole.",
        "para 17",
        "para 30",
    ),
    # 13 Openness and accessibility (paras 17, 31)
    _entry(
        Practice.RESULTS_OPENLY_PUBLISHED,
        _P.OPENNESS,
        "Results openly published",
        "Results and, where safe, the data are published free of charge under an open licence "
        "that allows reuse.",
        "para 17",
        "para 31",
    ),
    _entry(
        Practice.ACCESSIBLE_FORMATS,
        _P.OPENNESS,
        "Accessible formats",
        "Outputs come in formats and through tools usable by people with disabilities and by "
        "those with little access to technology.",
        "para 17",
        "para 31",
    ),
    _entry(
        Practice.ANONYMISED_BEFORE_RELEASE,
        _P.OPENNESS,
        "Anonymised before release",
        "Data are anonymised and secured before they are opened up, so that openness does not "
        "cost anyone their confidentiality.",
        "para 31",
    ),
)

_CATALOGUE: dict[Practice, Entry] = {practice: entry for practice, entry, _ in _ENTRIES}
_PRINCIPLE: dict[Practice, Principle] = {practice: p for practice, _, p in _ENTRIES}
