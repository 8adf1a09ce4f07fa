"""The model: one described initiative, and the decisions the library takes about it.

`Initiative` holds the keys of the initiative document (contract section 2). `Decision` and
`Step` are what every classifier returns: an outcome, whether it is determinate, the cited trace
that led to it, and the unknown facts that would decide an undecided case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

import attrs

from copenhagen._frozen import FrozenMap, freeze, thaw
from copenhagen.framework.actors import Actor
from copenhagen.framework.modalities import Modality
from copenhagen.framework.objectives import Objective
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage

__all__ = [
    "DOCUMENT_KEYS",
    "Decision",
    "Initiative",
    "Outcome",
    "Scope",
    "Status",
    "Step",
    "Verdict",
    "status_and",
]


class Scope(StrEnum):
    """Whether an initiative falls within the framework's scope (Box 2, paras 9-11, 15)."""

    IN_SCOPE = "in_scope"
    OUT_OF_SCOPE = "out_of_scope"


class Status(StrEnum):
    """How far an initiative meets a principle."""

    MET = "met"
    PARTIAL = "partial"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


# The pinned "and" (contract section 3): NOT_MET wins, then UNKNOWN, then PARTIAL, then MET.
_AND_ORDER: dict[Status, int] = {
    Status.NOT_MET: 0,
    Status.UNKNOWN: 1,
    Status.PARTIAL: 2,
    Status.MET: 3,
}


def status_and(statuses: Iterable[Status]) -> Status:
    """Combine statuses with the contract's "and" (section 3); ``MET`` for none at all.

    Args:
        statuses: The statuses to combine.

    Returns:
        ``NOT_MET`` if any is ``NOT_MET``, else ``UNKNOWN`` if any is ``UNKNOWN``, else
        ``PARTIAL`` if any is ``PARTIAL``, else ``MET``.
    """
    return min(statuses, key=_AND_ORDER.__getitem__, default=Status.MET)


#: The document keys in the order of contract section 2's table (and our optional additions).
DOCUMENT_KEYS: tuple[str, ...] = (
    "name",
    "initiated_by",
    "partners",
    "funders",
    "objectives",
    "engaged_stages",
    "meaningful_engagement",
    "integrated_into_official_statistics",
    "quality_assured",
    "principles",
    "description",
    "country",
    "extra",
    "practices",
    "participation",
)


def _frozenset_or_none(value: Iterable[Any] | None) -> frozenset[Any] | None:
    return None if value is None else frozenset(value)


def _frozen_map(value: Mapping[Any, Any] | None) -> FrozenMap[Any, Any]:
    if isinstance(value, FrozenMap):
        return value
    return FrozenMap(value)


@attrs.frozen(slots=True, cache_hash=True)
class Initiative:
    """One citizen data initiative, as its document describes it (contract section 2).

    Lists are held as frozensets (order and repeats do not matter); ``None`` means the fact is
    unknown, which is kept distinct from an empty set. Build one with
    `copenhagen.load_initiative`, which checks every key; the constructor itself only freezes
    what it is given.

    Attributes:
        name: The initiative's name.
        initiated_by: Who initiated it (para 15).
        partners: Who collaborates in carrying it out, not mere funders or vendors (para 15).
        funders: Who funds it.
        objectives: What it aims to achieve (para 14).
        engaged_stages: Value-chain stages where citizens, communities or CSOs take an active
            part (para 12), or ``None`` if unknown.
        meaningful_engagement: Whether that engagement is sufficient and meaningful
            (paras 10-11, 15), or ``None`` if unknown.
        integrated_into_official_statistics: Whether its data are integrated into official
            statistics (para 32), or ``None`` if unknown.
        quality_assured: Whether its data are quality assured to official standards
            (paras 32-34, 43), or ``None`` if unknown.
        principles: The status it declares for each principle; a principle not listed is
            ``Status.UNKNOWN``.
        description: A free-text description.
        country: ISO 3166-1 alpha-2 country code.
        extra: Any further data, deep-frozen; `Initiative.extra_data` gives it back as plain data.
        practices: Answers to the practice checklist (`copenhagen.framework.Practice`).
        participation: Ratings of the aspects of participation (para 11).
    """

    name: str
    initiated_by: frozenset[Actor] = attrs.field(converter=frozenset)
    partners: frozenset[Actor] = attrs.field(default=frozenset(), converter=frozenset)
    funders: frozenset[Actor] = attrs.field(default=frozenset(), converter=frozenset)
    objectives: frozenset[Objective] = attrs.field(default=frozenset(), converter=frozenset)
    engaged_stages: frozenset[Stage] | None = attrs.field(
        default=None, converter=_frozenset_or_none
    )
    meaningful_engagement: bool | None = None
    integrated_into_official_statistics: bool | None = None
    quality_assured: bool | None = None
    principles: FrozenMap[Principle, Status] = attrs.field(
        default=FrozenMap(), converter=_frozen_map
    )
    description: str | None = None
    country: str | None = None
    extra: FrozenMap[str, Any] = attrs.field(default=FrozenMap(), converter=freeze)
    practices: FrozenMap[Practice, bool] = attrs.field(default=FrozenMap(), converter=_frozen_map)
    participation: FrozenMap[ParticipationAspect, ParticipationLevel] = attrs.field(
        default=FrozenMap(), converter=_frozen_map
    )

    def declared(self, principle: Principle) -> Status:
        """The status the initiative declares for ``principle`` (``UNKNOWN`` if none)."""
        return self.principles.get(principle, Status.UNKNOWN)  # type: ignore[no-any-return]

    @property
    def extra_data(self) -> dict[str, Any]:
        """``extra`` as plain, mutable data (dicts and lists), exactly as it was given."""
        return thaw(self.extra)  # type: ignore[no-any-return]


#: What a decision can conclude.
Outcome = Scope | Modality | NSOCategory


@attrs.frozen(slots=True)
class Step:
    """One step of a decision's trace: a rule that applied, its citation and why.

    Attributes:
        rule: The stable id of the rule (e.g. ``"S1"``, ``"M3"``).
        citation: Where the framework supports it (``"para 15"``, ``"Box 2"``, ``"Table 1"``).
        explanation: One plain sentence naming the facts the rule used.
    """

    rule: str
    citation: str
    explanation: str

    def to_dict(self) -> dict[str, str]:
        """The step as plain data."""
        return {"rule": self.rule, "citation": self.citation, "explanation": self.explanation}


@attrs.frozen(slots=True, cache_hash=True)
class Verdict:
    """Whether some facts settle a decision, its outcome, and the rule that concluded.

    The engine's quick answer, without a trace (`Decision.verdict` gives a decision's).

    Attributes:
        determinate: Whether every way of filling in the unknown facts gives the same outcome.
        outcome: That outcome (``None``: no outcome, or not determinate).
        rule: The id of the rule that concluded (``""`` when none did, or not determinate).
    """

    determinate: bool
    outcome: Any = None
    rule: str = ""


@attrs.frozen(slots=True, cache_hash=True)
class Decision:
    """The outcome of one classifier, with its cited trace (contract section 1).

    Attributes:
        outcome: The enum member decided, or ``None`` (out of scope, or not determinate).
        determinate: Whether the known facts settle the decision.
        missing: When not determinate, the unknown document keys whose values would decide it
            (the smallest such set, in document order); empty when determinate.
        trace: The rules that decided, each with its citation and a plain explanation.
        warnings: Things the user should know, e.g. facts that sit uneasily together.
    """

    outcome: Outcome | None
    determinate: bool
    missing: tuple[str, ...] = ()
    trace: tuple[Step, ...] = ()
    warnings: tuple[str, ...] = ()
    _verdict: Verdict = attrs.field(init=False, eq=False, repr=False)

    @_verdict.default
    def _make_verdict(self) -> Verdict:
        if not self.determinate:
            return Verdict(False)
        return Verdict(True, self.outcome, self.trace[-1].rule if self.trace else "")

    @property
    def verdict(self) -> Verdict:
        """The decision's outcome without its trace: determinacy, outcome, concluding rule."""
        return self._verdict

    def to_dict(self) -> dict[str, Any]:
        """The decision as plain JSON-ready data, in the contract's shape."""
        outcome = self.outcome
        return {
            "outcome": None if outcome is None else outcome.value,
            "determinate": self.determinate,
            "missing": list(self.missing),
            "trace": [step.to_dict() for step in self.trace],
            "warnings": list(self.warnings),
        }
