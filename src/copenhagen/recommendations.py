"""Recommendations: each gap an assessment finds, turned into a concrete, cited next step.

Recommendations are made by listed rules (`RECOMMENDATION_RULES`), each with a stable id, the
citation it rests on, a plain statement of when it applies, the parts of the assessment it reads
and a function that yields its recommendations. Rules run in their listed order, and a rule that
yields several recommendations (one per principle, say) yields them in the enums' declaration
order, so the same assessment always gives the same list. The interpretation register explains
the choices (PART-7).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import attrs

from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import Decision, Initiative, Scope, Status

if TYPE_CHECKING:
    from copenhagen.participation import ParticipationProfile
    from copenhagen.principles import PrincipleAssessment

__all__ = [
    "DECISION_RULES",
    "PRINCIPLE_CITATIONS",
    "PRINCIPLE_RULES",
    "RECOMMENDATION_RULES",
    "Findings",
    "Recommendation",
    "RecommendationRule",
    "recommend",
]


@attrs.frozen(slots=True)
class Recommendation:
    """One concrete next step for an initiative, with the framework's support for it.

    Attributes:
        id: Stable id: the rule's id, followed by ``.<principle>`` for a per-principle step.
        text: The step, in one or two plain sentences.
        citation: Where the framework supports it (``"para 10"``, ``"paras 32-34"``).
    """

    id: str
    text: str
    citation: str

    def to_dict(self) -> dict[str, str]:
        """The recommendation as plain data."""
        return {"id": self.id, "text": self.text, "citation": self.citation}


@attrs.frozen(slots=True)
class Findings:
    """What the recommendation rules read: the initiative and the assessment's parts.

    Attributes:
        initiative: The initiative assessed.
        scope: Its scope decision.
        modality: Its modality decision.
        nso_category: Its NSO category decision.
        principles: Its principle assessment.
        participation: Its participation profile.
    """

    initiative: Initiative
    scope: Decision
    modality: Decision
    nso_category: Decision
    principles: PrincipleAssessment
    participation: ParticipationProfile


@attrs.frozen(slots=True)
class RecommendationRule:
    """A rule that turns one kind of gap into next steps.

    Attributes:
        id: Stable rule id (``"engage_design_stage"``...).
        citation: Where the framework supports the step.
        statement: When the rule applies and what it asks, in one plain sentence.
        reads: The parts of the assessment it reads (``"scope"``, ``"participation"``...), or
            the single facts it reads (``"initiative.practices"``,
            ``"participation.engaged_stages"``).
        produce: Yields the rule's recommendations for the findings (none when it does not
            apply).
    """

    id: str
    citation: str
    statement: str
    reads: tuple[str, ...]
    produce: Callable[[Findings], Iterator[Recommendation]] = attrs.field(repr=False)

    def recommend(self, findings: Findings) -> tuple[Recommendation, ...]:
        """The rule's recommendations for ``findings``, in a fixed order."""
        return tuple(self.produce(findings))


#: The paragraph that says how each principle is put into practice (paras 19-31).
PRINCIPLE_CITATIONS: dict[Principle, str] = {p: f"para {p.value + 18}" for p in Principle}

_SHORTFALL: dict[Status, str] = {Status.NOT_MET: "not met", Status.PARTIAL: "only partly met"}


_PRINCIPLES: tuple[Principle, ...] = tuple(Principle)
# The member names, not catalogue text: the wording stays stable whatever the catalogue says.
_ID: dict[Principle, str] = {p: p.name.lower() for p in Principle}
_NAME: dict[Principle, str] = {p: p.name.lower().replace("_", " ") for p in Principle} | {
    Principle.SELF_IDENTIFICATION: "self-identification",  # a hyphenated word, not two
}


def _name(principle: Principle) -> str:
    return _NAME[principle]


def _keys(keys: tuple[str, ...]) -> str:
    return ", ".join(keys)


@cache
def _practices_of(principle: Principle) -> tuple[Practice, ...]:
    return tuple(p for p in Practice if p.principle is principle)


@cache
def _principle_of(practice: Practice) -> Principle:
    return practice.principle


@cache
def _titles(practices: tuple[Practice, ...]) -> str:
    return "; ".join(p.title for p in practices)


def _open_practices(findings: Findings, principle: Principle) -> tuple[Practice, ...]:
    answers = findings.initiative.practices
    if not answers:
        return _practices_of(principle)
    return tuple(p for p in _practices_of(principle) if answers.get(p) is not True)


# Equal recommendations are one shared object (bounded): a registry repeats the same steps.
_rec: Callable[[str, str, str], Recommendation] = lru_cache(maxsize=16_384)(Recommendation)


# --- the rules' producers, in the order of RECOMMENDATION_RULES -----------------------------


def _ask_for_missing(
    rule_id: str, decision: str, template: str, citation: str
) -> Callable[[Findings], Iterator[Recommendation]]:
    """A producer asking for the unknown facts that would settle one of the three decisions."""

    def produce(f: Findings) -> Iterator[Recommendation]:
        missing = getattr(f, decision).missing
        if missing:
            yield _rec(rule_id, template.format(keys=_keys(missing)), citation)

    return produce


_decide_scope = _ask_for_missing(
    "decide_scope",
    "scope",
    "Record {keys} in the initiative's document, so that it can be decided whether the "
    "initiative produces citizen data.",
    "Box 2",
)
_decide_modality = _ask_for_missing(
    "decide_modality",
    "modality",
    "Record {keys}, so that the collaboration modality can be decided.",
    "para 15",
)
_decide_nso_category = _ask_for_missing(
    "decide_nso_category",
    "nso_category",
    "Record {keys}, so that the data's relation to official statistics can be decided.",
    "para 32",
)


def _bring_into_scope(f: Findings) -> Iterator[Recommendation]:
    if f.scope.outcome is Scope.OUT_OF_SCOPE:
        yield _rec(
            "bring_into_scope",
            "Involve citizens, communities or CSOs actively and meaningfully in at least one "
            "stage of the data value chain; without that the data are not citizen data.",
            "Box 2",
        )


def _engage_design_stage(f: Findings) -> Iterator[Recommendation]:
    if f.participation.design_stage_engaged is False:
        yield _rec(
            "engage_design_stage",
            "Engage citizens at the design stage, where they can shape the objectives, the "
            "partners, the methods and who may use the data; it is the stage to put first when "
            "not every stage can be engaged.",
            "para 10",
        )


def _list_engaged_stages(f: Findings) -> Iterator[Recommendation]:
    if f.participation.engaged_stages is None and "engaged_stages" not in f.scope.missing:
        yield _rec(
            "list_engaged_stages",
            "Record the stages of the value chain where citizens take part (engaged_stages), so "
            "that the coverage of their participation can be judged.",
            "para 12",
        )


@cache
def _widen(unengaged: tuple[Stage, ...]) -> Recommendation:
    names = ", ".join(s.value for s in unengaged)
    return _rec(
        "widen_engagement",
        f"Where feasible, widen citizen engagement to the stages not yet engaged: {names}.",
        "para 10",
    )


def _widen_engagement(f: Findings) -> Iterator[Recommendation]:
    engaged, unengaged = f.participation.engaged_stages, f.participation.unengaged_stages
    if unengaged and f.participation.design_stage_engaged is False:
        # engage_design_stage already asks for the design stage, with its own reason.
        unengaged = tuple(s for s in unengaged if s is not Stage.DESIGN)
    if engaged and unengaged:
        yield _widen(unengaged)


def _make_engagement_meaningful(f: Findings) -> Iterator[Recommendation]:
    if f.initiative.meaningful_engagement is False:
        yield _rec(
            "make_engagement_meaningful",
            "Make the engagement meaningful: give citizens real influence over the issues that "
            "affect them, so that they act as data agents rather than only as respondents.",
            "para 11",
        )


@cache
def _rate(unrated: tuple[ParticipationAspect, ...]) -> Recommendation:
    names = ", ".join(a.value for a in unrated)
    return _rec(
        "rate_participation",
        f"Rate the aspects of participation not yet rated ({names}), so that its degree and "
        "quality can be judged.",
        "para 11",
    )


def _rate_participation(f: Findings) -> Iterator[Recommendation]:
    profile = f.participation
    unrated = profile.unrated_aspects
    if unrated and (profile.degree is None or profile.quality is None):
        yield _rate(unrated)


def _raise_participation(f: Findings) -> Iterator[Recommendation]:
    profile = f.participation
    low = [
        (name, level)
        for name, level in (("degree", profile.degree), ("quality", profile.quality))
        if level is not None and level is not ParticipationLevel.HIGH
    ]
    if low:
        said = " and ".join(f"{name} ({level.value})" for name, level in low)
        yield _rec(
            "raise_participation",
            f"Aim higher on the {said} of participation, starting with its lowest-rated aspects.",
            "para 10",
        )


def _seek_quality_assurance(f: Findings) -> Iterator[Recommendation]:
    if f.nso_category.outcome is NSOCategory.INDEPENDENT:
        yield _rec(
            "seek_quality_assurance",
            "Seek quality assurance of the data with the national statistical office, to move "
            "towards data that complement official statistics (category 2).",
            "paras 32-34",
        )


def _quality_assure_integrated_data(f: Findings) -> Iterator[Recommendation]:
    if f.nso_category.outcome is NSOCategory.INTEGRATED and f.initiative.quality_assured is False:
        yield _rec(
            "quality_assure_integrated_data",
            "The data are integrated into official statistics without being quality assured: "
            "agree a fit-for-purpose quality assurance with the national statistical office.",
            "para 43",
        )


def _open_practices_steps(f: Findings) -> Iterator[Recommendation]:
    status = f.principles.status
    short = [p for p in _PRINCIPLES if status(p) in _SHORTFALL]
    if not short:
        return  # the findings (with their explanations) are not needed: leave them unbuilt
    findings = f.principles.findings
    for principle in short:
        finding = findings[principle]
        open_practices = _open_practices(f, principle)
        parts = [
            f"Principle {principle.value} ({_NAME[principle]}) is {_SHORTFALL[status(principle)]}."
        ]
        if open_practices:
            parts.append(f"Still open: {_titles(open_practices)}.")
        if finding.held_down_by:
            held = ", ".join(_NAME[p] for p in finding.held_down_by)
            parts.append(f"It also depends on: {held}.")
        yield _rec(
            f"open_practices.{_ID[principle]}",
            " ".join(parts),
            PRINCIPLE_CITATIONS[principle],
        )


def _declare_principles(f: Findings) -> Iterator[Recommendation]:
    # A principle on which the initiative is silent: nothing declared and none of its
    # practices answered (the finding's ``from_practices`` is None exactly then).
    declared = f.initiative.principles
    spoken = {p for p in declared if declared[p] is not Status.UNKNOWN}
    spoken.update(_principle_of(q) for q in f.initiative.practices)
    silent = [p for p in _PRINCIPLES if p not in spoken]
    if silent:
        names = ", ".join(_NAME[p] for p in silent)
        yield _rec(
            "declare_principles",
            f"State how the initiative upholds these principles, or answer their practices: "
            f"{names}.",
            "para 17",
        )


def _consent_before_collection(f: Findings) -> Iterator[Recommendation]:
    engaged = f.participation.engaged_stages
    if (
        engaged is not None
        and Stage.COLLECTION in engaged
        and f.principles.status(Principle.INFORMED_CONSENT) is not Status.MET
        and f.initiative.practices.get(Practice.CONSENT_BEFORE_COLLECTION) is not True
    ):
        yield _rec(
            "consent_before_collection",
            "Citizens collect data here: make sure each person gives free, informed consent "
            "before their data are collected, knowing the purpose, the risks and the uses.",
            "para 22",
        )


def _secure_data_for_confidentiality(f: Findings) -> Iterator[Recommendation]:
    status = f.principles.status
    confidentiality = status(Principle.CONFIDENTIALITY)
    if (
        # Cheap test first: only then can data security be what holds confidentiality down.
        confidentiality is not Status.MET
        and status(Principle.DATA_SECURITY) is confidentiality
        and Principle.DATA_SECURITY in f.principles.findings[Principle.CONFIDENTIALITY].held_down_by
    ):
        yield _rec(
            "secure_data_for_confidentiality",
            "Put data security measures in place (secure storage, controlled access, agreed "
            "sharing): confidentiality cannot be kept without them.",
            "para 30",
        )


_PURSUED = frozenset({Status.MET, Status.PARTIAL})


def _balance_openness_and_confidentiality(f: Findings) -> Iterator[Recommendation]:
    if (
        f.principles.status(Principle.OPENNESS) in _PURSUED
        and f.principles.status(Principle.CONFIDENTIALITY) in _SHORTFALL
    ):
        yield _rec(
            "balance_openness_and_confidentiality",
            "The data are being opened up while confidentiality is not fully kept: anonymise and "
            "secure them before release, weighing openness against privacy.",
            "para 31",
        )


def _consent_with_transparency(f: Findings) -> Iterator[Recommendation]:
    consent = f.principles.status(Principle.INFORMED_CONSENT)
    transparency = f.principles.status(Principle.TRANSPARENCY)
    if (consent is Status.MET) != (transparency is Status.MET) and Status.UNKNOWN not in (
        consent,
        transparency,
    ):
        weak = "transparency" if consent is Status.MET else "informed consent"
        yield _rec(
            "consent_with_transparency",
            f"Bring {weak} up to the level of its partner principle: consent and transparency "
            "together build participants' trust.",
            "para 27",
        )


#: The recommendation rules, in the order their recommendations are listed.
RECOMMENDATION_RULES: tuple[RecommendationRule, ...] = (
    RecommendationRule(
        "decide_scope",
        "Box 2",
        "When scope is undecided, ask for the facts that would decide it.",
        ("scope",),
        _decide_scope,
    ),
    RecommendationRule(
        "decide_modality",
        "para 15",
        "When the modality is undecided, ask for the facts that would decide it.",
        ("modality",),
        _decide_modality,
    ),
    RecommendationRule(
        "decide_nso_category",
        "para 32",
        "When the NSO category is undecided, ask for the facts that would decide it.",
        ("nso_category",),
        _decide_nso_category,
    ),
    RecommendationRule(
        "bring_into_scope",
        "Box 2",
        "When the initiative is out of scope, ask for active, meaningful citizen engagement.",
        ("scope",),
        _bring_into_scope,
    ),
    RecommendationRule(
        "engage_design_stage",
        "para 10",
        "When citizens take no part in the design stage, ask for it first.",
        ("participation",),
        _engage_design_stage,
    ),
    RecommendationRule(
        "list_engaged_stages",
        "para 12",
        "When the engaged stages are unknown (and scope does not already ask), ask for them.",
        ("participation", "scope"),
        _list_engaged_stages,
    ),
    RecommendationRule(
        "widen_engagement",
        "para 10",
        "When citizens take part in some stages but not all, name the others.",
        ("participation",),
        _widen_engagement,
    ),
    RecommendationRule(
        "make_engagement_meaningful",
        "para 11",
        "When the engagement is said not to be meaningful, ask for real influence.",
        ("initiative.meaningful_engagement",),
        _make_engagement_meaningful,
    ),
    RecommendationRule(
        "rate_participation",
        "para 11",
        "When degree or quality is unknown for want of ratings, name the unrated aspects.",
        ("participation",),
        _rate_participation,
    ),
    RecommendationRule(
        "raise_participation",
        "para 10",
        "When degree or quality is known and below high, ask to aim higher.",
        ("participation",),
        _raise_participation,
    ),
    RecommendationRule(
        "seek_quality_assurance",
        "paras 32-34",
        "When the data are independent of official statistics (category 3), suggest quality "
        "assurance with the NSO to move towards category 2.",
        ("nso_category",),
        _seek_quality_assurance,
    ),
    RecommendationRule(
        "quality_assure_integrated_data",
        "para 43",
        "When the data are integrated but not quality assured (rule C1's warning), ask for "
        "quality assurance.",
        ("nso_category", "initiative.quality_assured"),
        _quality_assure_integrated_data,
    ),
    RecommendationRule(
        "open_practices",
        "paras 19-31",
        "For each principle not met or only partly met, list its practices still open and the "
        "principles holding it down.",
        ("principles", "initiative.practices"),
        _open_practices_steps,
    ),
    RecommendationRule(
        "declare_principles",
        "para 17",
        "Name the principles on which the initiative says nothing at all.",
        ("principles",),
        _declare_principles,
    ),
    RecommendationRule(
        "consent_before_collection",
        "para 22",
        "When citizens collect data and consent is not assured, ask for consent first.",
        ("participation.engaged_stages", "principles", "initiative.practices"),
        _consent_before_collection,
    ),
    RecommendationRule(
        "secure_data_for_confidentiality",
        "para 30",
        "When confidentiality is held down by data security, ask for security measures.",
        ("principles",),
        _secure_data_for_confidentiality,
    ),
    RecommendationRule(
        "balance_openness_and_confidentiality",
        "para 31",
        "When openness is pursued while confidentiality is not met or only partly met, ask to "
        "anonymise and secure before release.",
        ("principles",),
        _balance_openness_and_confidentiality,
    ),
    RecommendationRule(
        "consent_with_transparency",
        "para 27",
        "When exactly one of informed consent and transparency is met (the other known), ask to "
        "bring the other up to it.",
        ("principles",),
        _consent_with_transparency,
    ),
)


#: The rules that read the principle assessment (with the practice answers and whether citizens
#: collect data, and nothing else); they come last in `RECOMMENDATION_RULES`.
PRINCIPLE_RULES: tuple[RecommendationRule, ...] = tuple(
    r for r in RECOMMENDATION_RULES if "principles" in r.reads
)
#: The other rules: they read the decisions, the participation profile and a few facts.
DECISION_RULES: tuple[RecommendationRule, ...] = tuple(
    r for r in RECOMMENDATION_RULES if "principles" not in r.reads
)


def recommend(
    findings: Findings, rules: tuple[RecommendationRule, ...] = RECOMMENDATION_RULES
) -> tuple[Recommendation, ...]:
    """The next steps for an assessed initiative, in the rules' order.

    Args:
        findings: The initiative and the parts of its assessment.
        rules: The rules to apply (all of them unless told otherwise), in order.

    Returns:
        Every rule's recommendations, rule by rule in the order of ``rules``.
    """
    return tuple(r for rule in rules for r in rule.produce(findings))
