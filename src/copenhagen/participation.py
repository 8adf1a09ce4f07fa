"""The participation profile of an initiative (paras 10-12, 16, Table 1, footnote 3).

From the facts of an `Initiative` and its collaboration modality, the profile says where along
the data value chain citizens take part and how much of it they cover (giving para 10's
priority to the design stage), how the document rates the degree and quality of their
participation (para 11), what Table 1 describes for each stage in the initiative's modality
column, and where the initiative sits in the two typologies the framework cites in footnote 3:
Shirk et al. (2012)'s five models of public participation and Haklay (2013)'s four levels.

Every derivation is a listed rule with its citations (`PROFILE_RULES`, `SHIRK_RULES`,
`HAKLAY_RULES`); the interpretation register explains each one (PART-1 to PART-6). Unknown facts
give ``None``, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, Generic, TypeVar

import attrs

from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.framework.modalities import Modality, Table1Column, table1_cells_for
from copenhagen.framework.participation import (
    ParticipationAspect,
    ParticipationDimension,
    ParticipationLevel,
)
from copenhagen.framework.stages import Stage
from copenhagen.model import Initiative

__all__ = [
    "HAKLAY_RULES",
    "PROFILE_RULES",
    "SHIRK_RULES",
    "CrosswalkRule",
    "HaklayLevel",
    "ParticipationFacts",
    "ParticipationProfile",
    "ProfileRule",
    "ShirkModel",
    "Table1Row",
    "participation_profile",
    "profile_of_facts",
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
_COLLECTION_ONLY: frozenset[Stage] = frozenset({Stage.COLLECTION})
_INTERPRETING: frozenset[Stage] = frozenset({Stage.PROCESSING, Stage.ANALYSIS})
_EXTREME: frozenset[Stage] = frozenset({Stage.DESIGN, Stage.COLLECTION, Stage.ANALYSIS})
_LED_BY_OTHERS: frozenset[Modality] = frozenset(
    {Modality.NSO_DRIVEN_COLLABORATION, Modality.OTHER_ACTOR_DRIVEN_COLLABORATION}
)


# --------------------------------------------------------------------------------------------
# The facts the crosswalks read, and the crosswalk rules as data
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class ParticipationFacts:
    """The facts the crosswalk rules read.

    Attributes:
        modality: The initiative's collaboration modality (para 15), or ``None`` if undecided.
        engaged: The stages citizens take part in, design included where a citizen-side actor
            initiated (PART-1), or ``None`` if the document does not say.
        design: Whether citizens take part in the design stage, or ``None`` if unknown.
    """

    modality: Modality | None
    engaged: frozenset[Stage] | None
    design: bool | None


T = TypeVar("T", ShirkModel, HaklayLevel)


@attrs.frozen(slots=True)
class CrosswalkRule(Generic[T]):
    """One rule placing an initiative in a typology the framework cites (footnote 3).

    Rules are tried in order and the first whose condition holds decides. A condition holds
    only when the facts it reads are known, so an unknown fact gives no answer rather than a
    guess.

    Attributes:
        id: Stable rule id (``"SH1"``..., ``"HK1"``...).
        outcome: The model or level the rule concludes.
        citations: Where the framework supports the mapping.
        statement: The rule in one plain sentence.
        facts: The facts it reads (``"modality"``, ``"engaged_stages"``).
        condition: The test over `ParticipationFacts`.
    """

    id: str
    outcome: T
    citations: tuple[str, ...]
    statement: str
    facts: tuple[str, ...]
    condition: Callable[[ParticipationFacts], bool] = attrs.field(repr=False)

    def applies(self, facts: ParticipationFacts) -> bool:
        """Whether the rule's condition holds for ``facts``."""
        return self.condition(facts)

    def note(self) -> str:
        """A plain sentence saying what the rule concluded and why, with its citations."""
        return f"{self.statement} ({', '.join(self.citations)})"


def _civic_action(f: ParticipationFacts) -> bool:
    return f.modality is Modality.CIVIC_ACTION


def _jointly_initiated(f: ParticipationFacts) -> bool:
    return f.modality is Modality.JOINTLY_INITIATED_COLLABORATION


def _civic_driven_steering_only(f: ParticipationFacts) -> bool:
    return (
        f.modality is Modality.CIVIC_DRIVEN_COLLABORATION
        and f.engaged is not None
        and not (f.engaged & _DATA_WORK)
    )


def _civic_driven_hands_on(f: ParticipationFacts) -> bool:
    return (
        f.modality is Modality.CIVIC_DRIVEN_COLLABORATION
        and f.engaged is not None
        and bool(f.engaged & _DATA_WORK)
    )


def _led_by_others_co_designed(f: ParticipationFacts) -> bool:
    return (
        f.modality in _LED_BY_OTHERS
        and f.engaged is not None
        and Stage.DESIGN in f.engaged
        and len(f.engaged) >= 4
    )


def _led_by_others_beyond_collection(f: ParticipationFacts) -> bool:
    return (
        f.modality in _LED_BY_OTHERS
        and f.engaged is not None
        and bool(f.engaged - _COLLECTION_ONLY)
    )


def _led_by_others_collection_only(f: ParticipationFacts) -> bool:
    return f.modality in _LED_BY_OTHERS and f.engaged == _COLLECTION_ONLY


#: The crosswalk to Shirk et al. (2012)'s models, tried in order (register PART-5).
SHIRK_RULES: tuple[CrosswalkRule[ShirkModel], ...] = (
    CrosswalkRule(
        "SH1",
        ShirkModel.COLLEGIAL,
        ("para 15", "footnote 3"),
        "Civic action is run and owned by citizens themselves, which is Shirk's collegial model",
        ("modality",),
        _civic_action,
    ),
    CrosswalkRule(
        "SH2",
        ShirkModel.CO_CREATED,
        ("para 15", "footnote 3"),
        "A jointly initiated collaboration is the framework's own example of co-creation, "
        "Shirk's co-created model",
        ("modality",),
        _jointly_initiated,
    ),
    CrosswalkRule(
        "SH3",
        ShirkModel.CONTRACTUAL,
        ("Table 1", "footnote 3"),
        "Citizens led a civic-driven collaboration but left collection, processing and analysis "
        "to their partners, which is Shirk's contractual model",
        ("modality", "engaged_stages"),
        _civic_driven_steering_only,
    ),
    CrosswalkRule(
        "SH4",
        ShirkModel.CO_CREATED,
        ("Table 1", "footnote 3"),
        "Citizens led a civic-driven collaboration and also handle the data with their "
        "partners, which is Shirk's co-created model",
        ("modality", "engaged_stages"),
        _civic_driven_hands_on,
    ),
    CrosswalkRule(
        "SH5",
        ShirkModel.CO_CREATED,
        ("Table 1", "footnote 3"),
        "Led by an NSO or another actor, the initiative has citizens co-design it and take part "
        "in at least four of the six stages, which is Shirk's co-created model",
        ("modality", "engaged_stages"),
        _led_by_others_co_designed,
    ),
    CrosswalkRule(
        "SH6",
        ShirkModel.COLLABORATIVE,
        ("Table 1", "footnote 3"),
        "Led by an NSO or another actor, the initiative has citizens take part beyond "
        "collecting data, which is Shirk's collaborative model",
        ("modality", "engaged_stages"),
        _led_by_others_beyond_collection,
    ),
    CrosswalkRule(
        "SH7",
        ShirkModel.CONTRIBUTORY,
        ("Table 1", "footnote 3"),
        "Led by an NSO or another actor, the initiative has citizens take part only in "
        "collecting data, which is Shirk's contributory model",
        ("modality", "engaged_stages"),
        _led_by_others_collection_only,
    ),
)


def _extreme(f: ParticipationFacts) -> bool:
    return f.engaged is not None and f.engaged >= _EXTREME


def _participatory(f: ParticipationFacts) -> bool:
    return f.engaged is not None and Stage.DESIGN in f.engaged


def _interpreting(f: ParticipationFacts) -> bool:
    return (
        f.engaged is not None and Stage.DESIGN not in f.engaged and bool(f.engaged & _INTERPRETING)
    )


def _sensing(f: ParticipationFacts) -> bool:
    return (
        f.engaged is not None
        and Stage.DESIGN not in f.engaged
        and Stage.COLLECTION in f.engaged
        and not (f.engaged & _INTERPRETING)
    )


#: The crosswalk to Haklay (2013)'s levels, tried in order (register PART-6).
HAKLAY_RULES: tuple[CrosswalkRule[HaklayLevel], ...] = (
    CrosswalkRule(
        "HK1",
        HaklayLevel.EXTREME_CITIZEN_SCIENCE,
        ("para 12", "footnote 3"),
        "Citizens help define the problem at the design stage and also collect and analyse "
        "the data, which is Haklay's level 4, extreme citizen science",
        ("engaged_stages",),
        _extreme,
    ),
    CrosswalkRule(
        "HK2",
        HaklayLevel.PARTICIPATORY_SCIENCE,
        ("para 10", "footnote 3"),
        "Citizens help set the objectives and methods at the design stage, which is Haklay's "
        "level 3, participatory science",
        ("engaged_stages",),
        _participatory,
    ),
    CrosswalkRule(
        "HK3",
        HaklayLevel.DISTRIBUTED_INTELLIGENCE,
        ("Table 1", "footnote 3"),
        "Without a part in the design, citizens process or analyse the data (classifying or "
        "validating it, say), which is Haklay's level 2, distributed intelligence",
        ("engaged_stages",),
        _interpreting,
    ),
    CrosswalkRule(
        "HK4",
        HaklayLevel.CROWDSOURCING,
        ("Table 1", "footnote 3"),
        "Citizens only collect data, without a part in design, processing or analysis, which "
        "is Haklay's level 1, crowdsourcing",
        ("engaged_stages",),
        _sensing,
    ),
)


# --------------------------------------------------------------------------------------------
# The profile's own derivations, listed so that they can be cited, tested and explained
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class ProfileRule:
    """One derivation of the participation profile, listed for the docs and tests.

    Attributes:
        id: Stable rule id (``"P1"``...).
        citations: Where the framework supports it.
        statement: The derivation in one plain sentence.
        register: The interpretation register entry that explains it.
    """

    id: str
    citations: tuple[str, ...]
    statement: str
    register: str


#: The profile's derivations, in the order the profile computes them.
PROFILE_RULES: tuple[ProfileRule, ...] = (
    ProfileRule(
        "P1",
        ("para 15", "Box 2"),
        "An initiative initiated by a citizen-side actor counts as engaging citizens at the "
        "design stage, as scope rule S1 reads it; every other stage is as the document says.",
        "PART-1",
    ),
    ProfileRule(
        "P2",
        ("para 10", "para 12"),
        "Coverage is the share of the six stages of the value chain where citizens take part; "
        "unknown when the document does not list the stages.",
        "PART-2",
    ),
    ProfileRule(
        "P3",
        ("para 10",),
        "The design stage is singled out: whether citizens take part in it is known as soon as "
        "the stages are listed or a citizen-side actor initiated.",
        "PART-2",
    ),
    ProfileRule(
        "P4",
        ("para 11",),
        "Degree and quality are each the level that every aspect of the dimension reaches: the "
        "lowest rating, given once every aspect is rated or one is rated none.",
        "PART-3",
    ),
    ProfileRule(
        "P5",
        ("para 16", "Table 1"),
        "The modality picks a column of Table 1; each stage's cell of that column is set "
        "against whether citizens take part in the stage.",
        "PART-4",
    ),
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
        engaged = self.engaged_stages
        degree, quality = self.degree, self.quality
        column, shirk, haklay = self.table_1_column, self.shirk_model, self.haklay_level
        return {
            "engaged_stages": None if engaged is None else [s.value for s in engaged],
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


def _combine(
    ratings: Mapping[ParticipationAspect, ParticipationLevel],
    aspects: tuple[ParticipationAspect, ...],
) -> ParticipationLevel | None:
    """The level every one of ``aspects`` reaches (rule P4), or ``None`` if that is unknown."""
    rated = [ratings[a] for a in aspects if a in ratings]
    if not rated:
        return None
    lowest = min(rated, key=_rank)
    # An unrated aspect could sit below every rated one, unless one is already at the bottom.
    if len(rated) == len(aspects) or lowest is ParticipationLevel.NONE:
        return lowest
    return None


def _rank(level: ParticipationLevel) -> int:
    return level.rank


def _first(
    rules: tuple[CrosswalkRule[T], ...], facts: ParticipationFacts
) -> CrosswalkRule[T] | None:
    for rule in rules:
        if rule.condition(facts):
            return rule
    return None


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


@lru_cache(maxsize=4096)
def _profile(
    modality: Modality | None,
    stages: frozenset[Stage] | None,
    citizen_initiated: bool,
    ratings: Mapping[ParticipationAspect, ParticipationLevel],
) -> ParticipationProfile:
    notes: list[str] = []
    # P1: initiating is taking part in the design (contract rule S1).
    engaged = stages
    if citizen_initiated and stages is not None and Stage.DESIGN not in stages:
        engaged = stages | {Stage.DESIGN}
        notes.append(
            "The design stage counts as engaged because a citizen-side actor initiated the "
            "initiative (para 15)."
        )
    # P2, P3: coverage and the design stage.
    if engaged is None:
        ordered: tuple[Stage, ...] | None = None
        coverage: float | None = None
        design: bool | None = True if citizen_initiated else None
        if citizen_initiated:
            notes.append(
                "Citizens take part in the design stage, since a citizen-side actor initiated "
                "the initiative; the other stages are not listed (para 15)."
            )
    else:
        ordered = tuple(s for s in _STAGES if s in engaged)
        coverage = len(ordered) / len(_STAGES)
        design = Stage.DESIGN in engaged
        if not design and ordered:
            notes.append(
                "Citizens take no part in the design stage, which the framework puts first when "
                "not every stage can be engaged (para 10)."
            )
    # P4: degree and quality.
    degree = _combine(ratings, _DEGREE_ASPECTS)
    quality = _combine(ratings, _QUALITY_ASPECTS)
    for name, level, aspects in (
        ("degree", degree, _DEGREE_ASPECTS),
        ("quality", quality, _QUALITY_ASPECTS),
    ):
        note = _level_note(name, level, ratings, aspects)
        if note is not None:
            notes.append(note)
    # P5: the Table 1 column.
    column = None if modality is None else modality.table1_column
    # Crosswalks (footnote 3).
    facts = ParticipationFacts(modality, engaged, design)
    shirk = _first(SHIRK_RULES, facts)
    haklay = _first(HAKLAY_RULES, facts)
    for typology, rule in (("Shirk et al.", shirk), ("Haklay", haklay)):
        if rule is None:
            notes.append(
                f"No {typology} placement: the modality or the engaged stages are not known "
                "well enough to fit one (footnote 3)."
            )
        else:
            notes.append(f"{rule.id}: {rule.note()}.")
    return ParticipationProfile(
        engaged_stages=ordered,
        coverage=coverage,
        design_stage_engaged=design,
        ratings=tuple((a, ratings[a]) for a in _ASPECTS if a in ratings),
        degree=degree,
        quality=quality,
        table_1_column=column,
        table_1=_table_1(modality, engaged),
        shirk_model=None if shirk is None else shirk.outcome,
        haklay_level=None if haklay is None else haklay.outcome,
        notes=tuple(notes),
        unengaged_stages=None if ordered is None else tuple(s for s in _STAGES if s not in ordered),
        unrated_aspects=tuple(a for a in _ASPECTS if a not in ratings),
    )


def participation_profile(
    initiative: Initiative, modality: Modality | None
) -> ParticipationProfile:
    """The participation profile of ``initiative`` (paras 10-12, 16, Table 1, footnote 3).

    Profiles are shared between initiatives with the same facts (a bounded cache keyed on the
    modality, the engaged stages, whether a citizen-side actor initiated, and the ratings).

    Args:
        initiative: The initiative.
        modality: Its collaboration modality (usually `copenhagen.classify_modality`'s
            outcome), or ``None`` if undecided or out of scope.

    Returns:
        The profile; every value that the facts do not settle is ``None``.
    """
    return _profile(
        modality,
        initiative.engaged_stages,
        not initiative.initiated_by.isdisjoint(CITIZEN_SIDE),
        initiative.participation,
    )


def profile_of_facts(
    modality: Modality | None,
    engaged_stages: frozenset[Stage] | None,
    citizen_initiated: bool,
    ratings: Mapping[ParticipationAspect, ParticipationLevel],
) -> ParticipationProfile:
    """The participation profile from exactly the facts `participation_profile` reads.

    For callers that hold those facts without a whole `Initiative` (the batch's row writer).

    Args:
        modality: The collaboration modality, or ``None``.
        engaged_stages: The engaged stages as the document gives them, or ``None``.
        citizen_initiated: Whether a citizen-side actor initiated the initiative (para 15).
        ratings: The ratings of the aspects of participation (para 11), hashable.

    Returns:
        The same profile `participation_profile` gives an initiative with these facts.
    """
    return _profile(modality, engaged_stages, citizen_initiated, ratings)
