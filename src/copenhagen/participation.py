"""The participation profile of an initiative (paras 10-12, 16, Table 1, footnote 3).

From the facts of an `Initiative`, the profile says where along the data value chain citizens
take part and how much of it they cover (giving para 10's priority to the design stage), how the
document rates the degree and quality of their participation (para 11), what Table 1 describes
for each stage in the initiative's modality column, and where the initiative sits in the two
typologies the framework cites in footnote 3: Shirk et al. (2012)'s five models of public
participation and Haklay (2013)'s four levels.

Each placement is a cited rule set on the library's one rule engine (`PROFILE_RULE_SETS`): whether
citizens take part in the design stage (rules P1-P3), the degree and quality of participation
(P4), the Table 1 column (P5), the Shirk model (SH1-SH7) and the Haklay level (HK1-HK4). Unknown
facts give ``None``, never a guess: a placement is given only when every way of filling in the
unknown facts gives the same one. The interpretation register explains each rule (PART-1 to
PART-6). Coverage (the share of stages engaged) is a count, not a rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import cache
from typing import Any

import attrs

from copenhagen.framework.modalities import Modality, Table1Column, table1_cells_for
from copenhagen.framework.participation import (
    ParticipationAspect,
    ParticipationDimension,
    ParticipationLevel,
)
from copenhagen.framework.stages import Stage
from copenhagen.rules.conditions import (
    Always,
    AtLeast,
    Condition,
    DecidedAs,
    Facts,
    Has,
    In,
    Not,
    Only,
    all_of,
    any_of,
    verdict_of,
)
from copenhagen.rules.engine import Rule, RuleSet
from copenhagen.rules.facts import rating_key
from copenhagen.rules.modality import MODALITY_RULES
from copenhagen.rules.scope import CITIZEN_INITIATOR

__all__ = [
    "DEGREE_RULES",
    "DESIGN_STAGE_RULES",
    "HAKLAY_RULES",
    "PROFILE_RULE_SETS",
    "QUALITY_RULES",
    "SHIRK_RULES",
    "TABLE_1_COLUMN_RULES",
    "HaklayLevel",
    "ParticipationProfile",
    "ProfileRules",
    "ShirkModel",
    "Table1Row",
    "profile_of",
]


class ShirkModel(StrEnum):
    """Shirk et al. (2012)'s five models of public participation in research (footnote 3).

    From the least to the most public control: the public asks professionals to study a
    question (contractual), contributes data to a professionally designed project
    (contributory), also helps refine the design, analyse or share results (collaborative),
    designs the project together with professionals and takes part in most steps (co-created),
    or runs the research itself (collegial).
    """

    CONTRACTUAL = "contractual"
    CONTRIBUTORY = "contributory"
    COLLABORATIVE = "collaborative"
    CO_CREATED = "co_created"
    COLLEGIAL = "collegial"


class HaklayLevel(StrEnum):
    """Haklay (2013)'s four levels of participation in citizen science (footnote 3).

    Level 1, crowdsourcing: people act as sensors and contribute observations. Level 2,
    distributed intelligence: people also interpret and classify data. Level 3, participatory
    science: people help define the problem and the collection. Level 4, extreme citizen
    science: people take part in defining the problem, collecting and analysing the data.
    """

    CROWDSOURCING = "crowdsourcing"
    DISTRIBUTED_INTELLIGENCE = "distributed_intelligence"
    PARTICIPATORY_SCIENCE = "participatory_science"
    EXTREME_CITIZEN_SCIENCE = "extreme_citizen_science"

    @property
    def level(self) -> int:
        """Haklay's number for the level, 1 (crowdsourcing) to 4 (extreme citizen science)."""
        return _HAKLAY_NUMBER[self]


_HAKLAY_NUMBER: dict[HaklayLevel, int] = {level: n for n, level in enumerate(HaklayLevel, 1)}

_STAGES: tuple[Stage, ...] = tuple(Stage)
_ASPECTS: tuple[ParticipationAspect, ...] = tuple(ParticipationAspect)
_DEGREE_ASPECTS: tuple[ParticipationAspect, ...] = tuple(
    a for a in ParticipationAspect if a.dimension is ParticipationDimension.DEGREE
)
_QUALITY_ASPECTS: tuple[ParticipationAspect, ...] = tuple(
    a for a in ParticipationAspect if a.dimension is ParticipationDimension.QUALITY
)
# The stages where data are handled (collected, processed, analysed), as opposed to steering
# (design) or using and reviewing them (uptake, review).
_DATA_WORK: frozenset[Stage] = frozenset({Stage.COLLECTION, Stage.PROCESSING, Stage.ANALYSIS})
_INTERPRETING: frozenset[Stage] = frozenset({Stage.PROCESSING, Stage.ANALYSIS})
_STAGES_KEY = "engaged_stages"


# --------------------------------------------------------------------------------------------
# The rules, on the engine's conditions
# --------------------------------------------------------------------------------------------


def _engaged(stage: Stage) -> Condition:
    """Citizens take part in ``stage`` (for the design stage, also by starting it: rule P1)."""
    listed = Has(_STAGES_KEY, {stage})
    if stage is Stage.DESIGN:
        return any_of(CITIZEN_INITIATOR, listed)
    return listed


#: Citizens take part in the design stage (P1-P3; paras 10, 15, Box 2; register PART-1, PART-2).
DESIGN_STAGE_RULES = RuleSet(
    id="design_stage",
    subject="design-stage engagement",
    rules=(
        Rule(
            id="P1",
            statement=(
                "An initiative a citizen-side actor started counts as engaging citizens at the "
                "design stage, as scope rule S1 reads it."
            ),
            citations=("para 15", "Box 2"),
            when=CITIZEN_INITIATOR,
            then=True,
            title="design engaged by initiating",
            then_text="citizens take part in the design stage",
        ),
        Rule(
            id="P2",
            statement="Citizens take part in the design stage when the document lists it.",
            citations=("para 10", "para 12"),
            when=Has(_STAGES_KEY, {Stage.DESIGN}),
            then=True,
            title="design listed",
            then_text="citizens take part in the design stage",
        ),
        Rule(
            id="P3",
            statement=(
                "Otherwise citizens take no part in the design stage, which the framework puts "
                "first when not every stage can be engaged; unknown while the stages are not "
                "listed."
            ),
            citations=("para 10",),
            when=Always(),
            then=False,
            title="design not engaged",
            then_text="citizens take no part in the design stage",
        ),
    ),
    citations=("para 10", "para 12", "para 15"),
)


def _level_rules(prefix: str, dimension: str, aspects: tuple[ParticipationAspect, ...]) -> RuleSet:
    """The level that every aspect of a dimension reaches: its lowest rating (rule P4)."""
    keys = [rating_key(a) for a in aspects]
    rules = []
    levels = tuple(ParticipationLevel)
    for n, level in enumerate(levels, 1):
        last = level is levels[-1]
        when = (
            all_of(*(In(k, {level}) for k in keys))
            if last
            else any_of(*(In(k, {level}) for k in keys))
        )
        rules.append(
            Rule(
                id=f"{prefix}{n}",
                statement=(
                    f"The {dimension} of participation is {level.value} when every aspect of it "
                    f"is rated {level.value}."
                    if last
                    else f"The {dimension} of participation is {level.value} when some aspect of "
                    f"it is rated {level.value} and none lower; an unrated aspect could sit "
                    "lower, so it must be rated unless one is already rated none."
                ),
                citations=("para 11",),
                when=when,
                then=level,
                title=f"{dimension} {level.value}",
                then_text=f"the {dimension} of participation is {level.value}",
            )
        )
    return RuleSet(
        id=dimension, subject=f"{dimension} of participation", rules=rules, citations=("para 11",)
    )


#: The degree of participation: its lowest-rated aspect (P4; para 11; register PART-3).
DEGREE_RULES = _level_rules("PD", "degree", _DEGREE_ASPECTS)
#: The quality of participation: its lowest-rated aspect (P4; para 11; register PART-3).
QUALITY_RULES = _level_rules("PQ", "quality", _QUALITY_ASPECTS)


def _column_rules() -> RuleSet:
    rules = []
    for n, column in enumerate(Table1Column, 1):
        modalities = [m for m in Modality if m.table1_column is column]
        rules.append(
            Rule(
                id=f"P5.{n}",
                statement=(
                    f"The {column.title} column of Table 1 describes modalities "
                    f"{', '.join(str(m.value) for m in modalities)}."
                ),
                citations=("para 16", "Table 1"),
                when=any_of(*(DecidedAs(MODALITY_RULES, m) for m in modalities)),
                then=column,
                title=f"Table 1 column {column.value}",
                then_text=f"Table 1's {column.title} column describes it",
            )
        )
    return RuleSet(
        id="table_1_column",
        subject="Table 1 column",
        rules=rules,
        citations=("para 16", "Table 1"),
    )


#: The Table 1 column of the initiative's modality (P5; para 16, Table 1; register PART-4).
TABLE_1_COLUMN_RULES = _column_rules()

_LED_BY_OTHERS = any_of(
    DecidedAs(MODALITY_RULES, Modality.NSO_DRIVEN_COLLABORATION),
    DecidedAs(MODALITY_RULES, Modality.OTHER_ACTOR_DRIVEN_COLLABORATION),
)
_CIVIC_DRIVEN = DecidedAs(MODALITY_RULES, Modality.CIVIC_DRIVEN_COLLABORATION)
_BEYOND_COLLECTION = frozenset(_STAGES) - {Stage.COLLECTION}


def _placement(
    rule_id: str,
    outcome: ShirkModel | HaklayLevel,
    citations: tuple[str, ...],
    statement: str,
    when: Condition,
) -> Rule:
    """A crosswalk rule: the initiative sits at ``outcome`` of a typology footnote 3 cites."""
    if isinstance(outcome, ShirkModel):
        title = f"Shirk's {outcome.value.replace('_', '-')} model"
        then_text = f"it fits {title}"
    else:
        title = f"Haklay's level {outcome.level}"
        then_text = f"it sits at {title}"
    return Rule(
        id=rule_id,
        statement=statement,
        citations=citations,
        when=when,
        then=outcome,
        title=title,
        then_text=then_text,
    )


#: The crosswalk to Shirk et al. (2012)'s models, tried in order (footnote 3; register PART-5).
SHIRK_RULES = RuleSet(
    id="shirk_model",
    subject="Shirk et al. model",
    rules=(
        _placement(
            "SH1",
            ShirkModel.COLLEGIAL,
            ("para 15", "footnote 3"),
            "Civic action is run and owned by citizens themselves, which is Shirk's collegial "
            "model",
            DecidedAs(MODALITY_RULES, Modality.CIVIC_ACTION),
        ),
        _placement(
            "SH2",
            ShirkModel.CO_CREATED,
            ("para 15", "footnote 3"),
            "A jointly initiated collaboration is the framework's own example of co-creation, "
            "Shirk's co-created model",
            DecidedAs(MODALITY_RULES, Modality.JOINTLY_INITIATED_COLLABORATION),
        ),
        _placement(
            "SH3",
            ShirkModel.CONTRACTUAL,
            ("Table 1", "footnote 3"),
            "Citizens led a civic-driven collaboration but left collection, processing and "
            "analysis to their partners, which is Shirk's contractual model",
            all_of(_CIVIC_DRIVEN, Not(Has(_STAGES_KEY, _DATA_WORK))),
        ),
        _placement(
            "SH4",
            ShirkModel.CO_CREATED,
            ("Table 1", "footnote 3"),
            "Citizens led a civic-driven collaboration and also handle the data with their "
            "partners, which is Shirk's co-created model",
            all_of(_CIVIC_DRIVEN, Has(_STAGES_KEY, _DATA_WORK)),
        ),
        _placement(
            "SH5",
            ShirkModel.CO_CREATED,
            ("Table 1", "footnote 3"),
            "Led by an NSO or another actor, the initiative has citizens co-design it and take "
            "part in at least four of the six stages, which is Shirk's co-created model",
            all_of(
                _LED_BY_OTHERS,
                _engaged(Stage.DESIGN),
                AtLeast(_STAGES_KEY, 4, {Stage.DESIGN}, CITIZEN_INITIATOR),
            ),
        ),
        _placement(
            "SH6",
            ShirkModel.COLLABORATIVE,
            ("Table 1", "footnote 3"),
            "Led by an NSO or another actor, the initiative has citizens take part beyond "
            "collecting data, which is Shirk's collaborative model",
            all_of(_LED_BY_OTHERS, any_of(Has(_STAGES_KEY, _BEYOND_COLLECTION), CITIZEN_INITIATOR)),
        ),
        _placement(
            "SH7",
            ShirkModel.CONTRIBUTORY,
            ("Table 1", "footnote 3"),
            "Led by an NSO or another actor, the initiative has citizens take part only in "
            "collecting data, which is Shirk's contributory model",
            all_of(
                _LED_BY_OTHERS,
                Has(_STAGES_KEY, {Stage.COLLECTION}),
                Only(_STAGES_KEY, {Stage.COLLECTION}),
                Not(CITIZEN_INITIATOR),
            ),
        ),
    ),
    citations=("footnote 3", "Table 1"),
)


_DESIGN_ENGAGED = _engaged(Stage.DESIGN)

#: The crosswalk to Haklay (2013)'s levels, tried in order (footnote 3; register PART-6).
HAKLAY_RULES = RuleSet(
    id="haklay_level",
    subject="Haklay level",
    rules=(
        _placement(
            "HK1",
            HaklayLevel.EXTREME_CITIZEN_SCIENCE,
            ("para 12", "footnote 3"),
            "Citizens help define the problem at the design stage and also collect and analyse "
            "the data, which is Haklay's level 4, extreme citizen science",
            all_of(
                _DESIGN_ENGAGED,
                Has(_STAGES_KEY, {Stage.COLLECTION}),
                Has(_STAGES_KEY, {Stage.ANALYSIS}),
            ),
        ),
        _placement(
            "HK2",
            HaklayLevel.PARTICIPATORY_SCIENCE,
            ("para 10", "footnote 3"),
            "Citizens help set the objectives and methods at the design stage, which is "
            "Haklay's level 3, participatory science",
            _DESIGN_ENGAGED,
        ),
        _placement(
            "HK3",
            HaklayLevel.DISTRIBUTED_INTELLIGENCE,
            ("Table 1", "footnote 3"),
            "Without a part in the design, citizens process or analyse the data (classifying "
            "or validating it, say), which is Haklay's level 2, distributed intelligence",
            all_of(Not(_DESIGN_ENGAGED), Has(_STAGES_KEY, _INTERPRETING)),
        ),
        _placement(
            "HK4",
            HaklayLevel.CROWDSOURCING,
            ("Table 1", "footnote 3"),
            "Citizens only collect data, without a part in design, processing or analysis, "
            "which is Haklay's level 1, crowdsourcing",
            all_of(
                Not(_DESIGN_ENGAGED),
                Has(_STAGES_KEY, {Stage.COLLECTION}),
                Not(Has(_STAGES_KEY, _INTERPRETING)),
            ),
        ),
    ),
    citations=("footnote 3", "para 12"),
)


@attrs.frozen(slots=True)
class ProfileRules:
    """The rule sets a participation profile is decided by (one assessor's, layers applied).

    Attributes:
        design_stage: Whether citizens take part in the design stage (P1-P3).
        degree: The degree of participation (P4).
        quality: The quality of participation (P4).
        table_1_column: The Table 1 column (P5).
        shirk_model: The Shirk et al. model (SH1-SH7).
        haklay_level: The Haklay level (HK1-HK4).
        modality: The modality rules whose outcome the profile reads (Table 1's cells).
    """

    design_stage: RuleSet = DESIGN_STAGE_RULES
    degree: RuleSet = DEGREE_RULES
    quality: RuleSet = QUALITY_RULES
    table_1_column: RuleSet = TABLE_1_COLUMN_RULES
    shirk_model: RuleSet = SHIRK_RULES
    haklay_level: RuleSet = HAKLAY_RULES
    #: The modality rules the profile reads (the assessor's own, not one of the profile's).
    modality: RuleSet = MODALITY_RULES

    def __iter__(self) -> Iterator[RuleSet]:
        yield self.design_stage
        yield self.degree
        yield self.quality
        yield self.table_1_column
        yield self.shirk_model
        yield self.haklay_level


#: The profile's rule sets, in the order the profile reads them.
PROFILE_RULE_SETS: tuple[RuleSet, ...] = (
    DESIGN_STAGE_RULES,
    DEGREE_RULES,
    QUALITY_RULES,
    TABLE_1_COLUMN_RULES,
    SHIRK_RULES,
    HAKLAY_RULES,
)


# --------------------------------------------------------------------------------------------
# The profile
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Table1Row:
    """One stage of Table 1 for the initiative's modality column.

    Attributes:
        stage: The stage of the value chain.
        engaged: Whether citizens take part in it, or ``None`` if unknown.
        participation: What Table 1 describes for the stage in that column (our own summary).
    """

    stage: Stage
    engaged: bool | None
    participation: str

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        return {
            "stage": self.stage.value,
            "engaged": self.engaged,
            "participation": self.participation,
        }


@attrs.frozen(slots=True)
class ParticipationProfile:
    """Where and how citizens take part in an initiative (paras 10-12, 16, Table 1).

    Attributes:
        engaged_stages: The stages citizens take part in, in value-chain order (design added
            for a citizen-side initiator, rule P1), or ``None`` if the document does not say.
        listed_stages: The stages the document itself lists (``engaged_stages``), in order, or
            ``None`` when it does not list them.
        added_stages: The stages the library counts as engaged that the document does not list
            (the design stage, for a citizen-side initiator: rule P1), in order.
        coverage: The share of the six stages engaged (rule P2), or ``None``.
        design_stage_engaged: Whether citizens take part in design (rule P3), or ``None``.
        ratings: The document's ratings of the aspects of participation, in aspect order.
        degree: The combined degree of participation (rule P4), or ``None``.
        quality: The combined quality of participation (rule P4), or ``None``.
        table_1_column: The Table 1 column of the initiative's modality, or ``None``.
        table_1: That column's description of each stage, set against the stages engaged
            (empty when the modality is not known).
        shirk_model: The Shirk et al. model (`SHIRK_RULES`), or ``None``.
        haklay_level: The Haklay level (`HAKLAY_RULES`), or ``None``.
        notes: Plain sentences explaining the derived values, each cited.
        unengaged_stages: The stages citizens do not take part in, in order, or ``None`` if
            unknown (not part of `to_dict`).
        unrated_aspects: The aspects of participation (para 11) the document does not rate, in
            order (not part of `to_dict`).
    """

    engaged_stages: tuple[Stage, ...] | None
    listed_stages: tuple[Stage, ...] | None
    added_stages: tuple[Stage, ...]
    coverage: float | None
    design_stage_engaged: bool | None
    ratings: tuple[tuple[ParticipationAspect, ParticipationLevel], ...]
    degree: ParticipationLevel | None
    quality: ParticipationLevel | None
    table_1_column: Table1Column | None
    table_1: tuple[Table1Row, ...]
    shirk_model: ShirkModel | None
    haklay_level: HaklayLevel | None
    notes: tuple[str, ...]
    unengaged_stages: tuple[Stage, ...] | None
    unrated_aspects: tuple[ParticipationAspect, ...]

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain JSON-ready data (the ``participation`` part of `assess`)."""
        engaged, listed = self.engaged_stages, self.listed_stages
        degree, quality = self.degree, self.quality
        column, shirk, haklay = self.table_1_column, self.shirk_model, self.haklay_level
        return {
            "engaged_stages": None if engaged is None else [s.value for s in engaged],
            "listed_stages": None if listed is None else [s.value for s in listed],
            "added_stages": [s.value for s in self.added_stages],
            "coverage": self.coverage,
            "design_stage_engaged": self.design_stage_engaged,
            "ratings": {aspect.value: level.value for aspect, level in self.ratings},
            "degree": None if degree is None else degree.value,
            "quality": None if quality is None else quality.value,
            "table_1_column": None if column is None else column.value,
            "table_1": [row.to_dict() for row in self.table_1],
            "shirk_model": None if shirk is None else shirk.value,
            "haklay_level": None if haklay is None else haklay.value,
            "notes": list(self.notes),
        }


def _table_1(modality: Modality | None, engaged: frozenset[Stage] | None) -> tuple[Table1Row, ...]:
    if modality is None:
        return ()
    return tuple(
        Table1Row(
            stage,
            None if engaged is None else stage in engaged,
            _stage_text(modality, stage),
        )
        for stage in _STAGES
    )


@cache
def _stage_text(modality: Modality, stage: Stage) -> str:
    # Only the cells that speak of this modality: modality 3's note is not modality 2's.
    return " ".join(cell.summary for cell in table1_cells_for(stage, modality))


def _level_note(
    dimension: str,
    level: ParticipationLevel | None,
    ratings: Mapping[ParticipationAspect, ParticipationLevel],
    aspects: tuple[ParticipationAspect, ...],
) -> str | None:
    unrated = [a.value for a in aspects if a not in ratings]
    if level is not None:
        if unrated:
            return (
                f"The {dimension} of participation is none: an aspect is rated none, whatever "
                f"the unrated ones ({', '.join(unrated)}) are (para 11)."
            )
        return (
            f"The {dimension} of participation is {level.value}, its lowest-rated aspect (para 11)."
        )
    if len(unrated) == len(aspects):
        return None
    return (
        f"The {dimension} of participation is unknown until {', '.join(unrated)} "
        f"{'is' if len(unrated) == 1 else 'are'} rated too (para 11)."
    )


def _placement_note(typology: str, rule_set: RuleSet, rule_id: str) -> str:
    if not rule_id:
        return (
            f"No {typology} placement: the modality or the engaged stages are not known "
            "well enough to fit one (footnote 3)."
        )
    rule: Rule = rule_set.rule(rule_id)
    return f"{rule.id}: {rule.statement} ({', '.join(rule.citations)})."


def profile_of(facts: Facts, rules: ProfileRules) -> ParticipationProfile:
    """The participation profile from an initiative's facts (paras 10-12, 16, Table 1).

    Args:
        facts: The initiative's facts (`copenhagen.rules.FACTS` keys), read as needed.
        rules: The rule sets that decide it (an assessor's, with its layers).

    Returns:
        The profile; every value the facts do not settle is ``None``.
    """
    notes: list[str] = []
    stages: frozenset[Stage] | None = facts[_STAGES_KEY]
    design = verdict_of(facts, rules.design_stage)
    design_engaged: bool | None = design.outcome if design.determinate else None
    # P1: initiating is taking part in the design (contract rule S1).
    engaged = stages
    if stages is not None and design_engaged and Stage.DESIGN not in stages:
        engaged = stages | {Stage.DESIGN}
        notes.append(
            "The design stage counts as engaged because a citizen-side actor initiated the "
            "initiative (para 15)."
        )
    # P2 (coverage, a count) and P3 (the design stage).
    if engaged is None:
        ordered: tuple[Stage, ...] | None = None
        coverage: float | None = None
        if design_engaged:
            notes.append(
                "Citizens take part in the design stage, since a citizen-side actor initiated "
                "the initiative; the other stages are not listed (para 15)."
            )
    else:
        ordered = tuple(s for s in _STAGES if s in engaged)
        coverage = len(ordered) / len(_STAGES)
        if design_engaged is False and ordered:
            notes.append(
                "Citizens take no part in the design stage, which the framework puts first when "
                "not every stage can be engaged (para 10)."
            )
    # P4: degree and quality.
    ratings = {a: level for a in _ASPECTS if (level := facts[rating_key(a)]) is not None}
    levels = []
    for name, rule_set, aspects in (
        ("degree", rules.degree, _DEGREE_ASPECTS),
        ("quality", rules.quality, _QUALITY_ASPECTS),
    ):
        found = verdict_of(facts, rule_set)
        settled: ParticipationLevel | None = found.outcome if found.determinate else None
        levels.append(settled)
        note = _level_note(name, settled, ratings, aspects)
        if note is not None:
            notes.append(note)
    # P5: the Table 1 column, and its cells that speak of the initiative's modality.
    column_verdict = verdict_of(facts, rules.table_1_column)
    column: Table1Column | None = column_verdict.outcome if column_verdict.determinate else None
    decided = verdict_of(facts, rules.modality)
    modality: Modality | None = decided.outcome if decided.determinate else None
    # Crosswalks (footnote 3).
    placements = []
    for typology, rule_set in (
        ("Shirk et al.", rules.shirk_model),
        ("Haklay", rules.haklay_level),
    ):
        found = verdict_of(facts, rule_set)
        placed = found.determinate and found.outcome is not None
        placements.append(found.outcome if placed else None)
        notes.append(_placement_note(typology, rule_set, found.rule if placed else ""))
    # What the document listed and what the library added to it (P1), so reports show both.
    added = () if not design_engaged or (stages and Stage.DESIGN in stages) else (Stage.DESIGN,)
    return ParticipationProfile(
        engaged_stages=ordered,
        listed_stages=None if stages is None else tuple(s for s in _STAGES if s in stages),
        added_stages=added,
        coverage=coverage,
        design_stage_engaged=design_engaged,
        ratings=tuple((a, ratings[a]) for a in _ASPECTS if a in ratings),
        degree=levels[0],
        quality=levels[1],
        table_1_column=column,
        table_1=_table_1(modality if column is not None else None, engaged),
        shirk_model=placements[0],
        haklay_level=placements[1],
        notes=tuple(notes),
        unengaged_stages=None if ordered is None else tuple(s for s in _STAGES if s not in ordered),
        unrated_aspects=tuple(a for a in _ASPECTS if a not in ratings),
    )
