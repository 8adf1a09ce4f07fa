"""How two readings of the framework differ: every pair of differing results, exactly.

`diff` compares two `copenhagen.Assessor` objects decision by decision (scope, modality, NSO
category). For each decision it walks the abstract fact space of both rule sets
(`copenhagen.readings.space`): one initiative of every class the conditions of either can tell
apart, so every pair of results some initiative gets is found — complete, not sampled. Each
pair comes with the smallest example document that gets it (fewest keys, then smallest lists)
and the rules that decided it on each side, re-evaluated through the assessors themselves.
Where a space has more than `MAX_POINTS` points, the decision is searched with Hypothesis
instead (`copenhagen.readings.search`), which shrinks each example; the result says which
method each decision used. ``missing`` and warnings are not compared (contract section 7).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.readings.space import MAX_POINTS, Facts, FactSpace, document_size
from copenhagen.rules.engine import RuleSet

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = [
    "DECISIONS",
    "EXHAUSTIVE",
    "SEARCH",
    "Differences",
    "Examined",
    "diff",
    "result_of",
]

#: The decisions compared, in the order the items are listed.
DECISIONS: tuple[str, str, str] = ("scope", "modality", "nso_category")
#: The method of a decision whose whole abstract fact space was walked.
EXHAUSTIVE = "exhaustive"
#: The method of a decision searched with Hypothesis (its space was too large to walk).
SEARCH = "hypothesis search"

#: A decision's result as compared: its outcome as ``to_dict()`` writes it, and determinacy.
Result = tuple[Any, bool]


def result_of(rule_set: RuleSet, facts: Facts) -> Result:
    """``(outcome value, determinate)`` of a rule set on a point's facts."""
    verdict = rule_set.verdict(facts)
    outcome = verdict.outcome if verdict.determinate else None
    return (outcome.value if isinstance(outcome, Enum) else outcome, verdict.determinate)


@attrs.frozen(slots=True)
class Examined:
    """How one decision was compared.

    Attributes:
        decision: ``"scope"``, ``"modality"`` or ``"nso_category"``.
        method: `EXHAUSTIVE` or `SEARCH`.
        points: How many points (initiatives, one per class) were evaluated on both sides.
        size: How many points the abstract fact space has.
    """

    decision: str
    method: str
    points: int
    size: int


class Differences(list[dict[str, Any]]):
    """The items of a diff (contract section 7), with how each decision was compared.

    A plain list of the items, so that ``diff(a, b) == []`` reads as "they decide every
    initiative alike"; `examined` says, per decision, which method was used and how many
    points it took.
    """

    __slots__ = ("examined",)

    def __init__(self, items: Iterable[dict[str, Any]], examined: Iterable[Examined]) -> None:
        super().__init__(items)
        #: How each decision was compared, in decision order.
        self.examined: tuple[Examined, ...] = tuple(examined)

    @property
    def method(self) -> str:
        """`EXHAUSTIVE` when every decision was walked whole, else `SEARCH`."""
        return SEARCH if any(e.method == SEARCH for e in self.examined) else EXHAUSTIVE

    @property
    def points(self) -> int:
        """How many points were evaluated, over all decisions."""
        return sum(e.points for e in self.examined)


def _shown(result: Result) -> dict[str, Any]:
    return {"outcome": result[0], "determinate": result[1]}


def _walk(
    space: FactSpace, a: RuleSet, b: RuleSet
) -> tuple[dict[tuple[Result, Result], dict[str, Any]], int]:
    """Every differing pair over the whole space, each with its smallest example document."""
    found: dict[tuple[Result, Result], dict[str, Any]] = {}
    count = 0
    for point in space.points():
        count += 1
        pair = (result_of(a, point), result_of(b, point))
        if pair[0] == pair[1]:
            continue
        example = space.document(point)
        known = found.get(pair)
        if known is None or document_size(example) < document_size(known):
            found[pair] = example
    return found, count


def _rules_of(assessor: Assessor, decision: str, example: dict[str, Any]) -> list[str]:
    from copenhagen.documents import load_initiative

    decide = {
        "scope": assessor.assess_scope,
        "modality": assessor.classify_modality,
        "nso_category": assessor.classify_nso_category,
    }[decision]
    return [step.rule for step in decide(load_initiative(example)).trace]


def _items(
    a: Assessor, b: Assessor, decision: str, found: dict[tuple[Result, Result], dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    for (left, right), example in found.items():
        yield {
            "decision": decision,
            "a": _shown(left),
            "b": _shown(right),
            "example": example,
            "rules": {"a": _rules_of(a, decision, example), "b": _rules_of(b, decision, example)},
        }


def _order(item: dict[str, Any]) -> tuple[int, str]:
    return (DECISIONS.index(item["decision"]), json.dumps([item["a"], item["b"]], sort_keys=True))


def diff(
    a: Assessor, b: Assessor, *, max_points: int = MAX_POINTS, search_examples: int = 2_000
) -> Differences:
    """Every pair of differing results two readings give some initiative (contract section 7).

    Args:
        a: One reading (an `copenhagen.Assessor`, with its layers).
        b: The other.
        max_points: The largest abstract fact space walked whole; a decision whose space is
            larger is searched with Hypothesis instead (the ``strategies`` extra), and the
            result says so.
        search_examples: For a search, how many initiatives each round of it tries.

    Returns:
        The items, ordered by decision (scope, modality, NSO category), then by
        ``json.dumps([a, b], sort_keys=True)``: each ``{"decision", "a": {"outcome",
        "determinate"}, "b": {...}, "example": <the smallest document that gets the pair>,
        "rules": {"a": [...], "b": [...]}}`` (``rules``: the example's trace on each side).
        Empty when the two decide every initiative alike.

    Examples:
        >>> from copenhagen import Assessor
        >>> diff(Assessor(), Assessor())
        []
    """
    items: list[dict[str, Any]] = []
    examined: list[Examined] = []
    pairs = zip(a.decision_rule_sets, b.decision_rule_sets, strict=True)
    for decision, (left, right) in zip(DECISIONS, pairs, strict=True):
        space = FactSpace((left, right))
        size = space.size
        if size <= max_points:
            found, count = _walk(space, left, right)
            method = EXHAUSTIVE
        else:
            from copenhagen.readings.search import search

            found, count = search(space, left, right, examples=search_examples)
            method = SEARCH
        items.extend(_items(a, b, decision, found))
        examined.append(Examined(decision, method, count, size))
    return Differences(sorted(items, key=_order), examined)
