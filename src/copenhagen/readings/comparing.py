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

import itertools
import json
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.layers.vocabulary import DECISION_IDS
from copenhagen.readings.space import (
    MAX_POINTS,
    Facts,
    FactSpace,
    PairSpace,
    example_document,
)
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
DECISIONS = DECISION_IDS
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


class _Side:
    """One rule set's results over its own classes: every combination decided once.

    Combinations are numbered (mixed radix over the rule set's keys), so a joint point finds a
    side's result by adding one offset per fact. Each combination with every fact known is
    decided by the rules (first match). One with unknown facts gets the outcomes of every way
    of filling them in, and those are combinations of the same classes with the facts known:
    so the outcomes are gathered fact by fact, as bit sets, and the combination is determinate
    when they hold one outcome (contract section 5). No decision is taken twice, and none by
    trying fillings one by one.
    """

    def __init__(self, rule_set: RuleSet, space: FactSpace) -> None:
        self.keys = space.keys
        values = [space.representatives(key) for key in self.keys]
        self.classes = [
            {space.abstraction.classifier(key)(v): p for p, v in enumerate(listed)}
            for key, listed in zip(self.keys, values, strict=True)
        ]
        self.strides = [1] * len(self.keys)
        for i in range(len(self.keys) - 2, -1, -1):
            self.strides[i] = self.strides[i + 1] * len(values[i + 1])
        size = self.strides[0] * len(values[0]) if self.keys else 1
        masks = [0] * size
        bits: dict[Any, int] = {}
        known = [[p for p, v in enumerate(listed) if v is not None] for listed in values]
        offsets = [[p * stride for p in ps] for ps, stride in zip(known, self.strides, strict=True)]
        for combination in itertools.product(*(range(len(ps)) for ps in known)):
            facts = Facts(
                {
                    key: values[i][known[i][c]]
                    for i, (key, c) in enumerate(zip(self.keys, combination, strict=True))
                }
            )
            outcome = rule_set.verdict(facts).outcome
            shown = outcome.value if isinstance(outcome, Enum) else outcome
            bit = bits.setdefault(shown, 1 << len(bits))
            masks[sum(offsets[i][c] for i, c in enumerate(combination))] = bit
        for i, listed in enumerate(values):
            unknown = next((p for p, v in enumerate(listed) if v is None), None)
            if unknown is None:
                continue
            stride = self.strides[i]
            # Every combination unknown here, known in the facts after it, anything before it.
            ranges = [
                [p * self.strides[j] for p in range(len(values[j]))] if j < i else offsets[j]
                for j in range(len(values))
            ]
            ranges[i] = [unknown * stride]
            fillings = [(p - unknown) * stride for p in known[i]]
            for parts in itertools.product(*ranges):
                index = sum(parts)
                mask = 0
                for step in fillings:
                    mask |= masks[index + step]
                masks[index] = mask
        decided = {bit: (shown, True) for shown, bit in bits.items()}
        #: Each combination's ``(outcome value, determinate)``.
        self.results: list[Result] = [decided.get(mask, _OPEN) for mask in masks]

    def offset(self, key: str, cls: Any) -> int:
        """What a value of class ``cls`` of ``key`` adds to a combination's number."""
        if key not in self.keys:
            return 0
        i = self.keys.index(key)
        return self.classes[i][cls] * self.strides[i]


#: The result of a combination whose fillings disagree.
_OPEN: Result = (None, False)


def _walk(
    space: PairSpace, a: RuleSet, b: RuleSet
) -> tuple[dict[tuple[Result, Result], dict[str, Any]], int]:
    """Every differing pair over the whole space, each with its smallest example document."""
    keys = space.keys
    left, right = _Side(a, space.sides[0]), _Side(b, space.sides[1])
    # Per fact, per value: what it adds to each side's combination number and to an example.
    rows = [
        [
            (
                left.offset(key, classes[0]),
                right.offset(key, classes[1]),
                *space.weight(key, value),
                position,
            )
            for position, (value, classes) in enumerate(
                zip(space.values[key], space.classes[key], strict=True)
            )
        ]
        for key in keys
    ]
    found: dict[tuple[Result, Result], dict[str, Any]] = {}
    best: dict[tuple[Result, Result], tuple[int, int, str]] = {}

    def record(pair: tuple[Result, Result], size: tuple[int, int], chosen: tuple[int, ...]) -> None:
        known = best.get(pair)
        if known is not None and known[:2] < size:
            return
        point = {key: space.values[key][chosen[i]] for i, key in enumerate(keys)}
        example = example_document(point)
        measured = (*size, json.dumps(example, sort_keys=True))
        if known is None or measured < known:
            best[pair] = measured
            found[pair] = example

    ours, theirs = left.results, right.results

    def visit(depth: int, ia: int, ib: int, w0: int, w1: int, chosen: tuple[int, ...]) -> None:
        if depth < len(rows) - 1:
            for da, db, x0, x1, position in rows[depth]:
                visit(depth + 1, ia + da, ib + db, w0 + x0, w1 + x1, (*chosen, position))
            return
        for da, db, x0, x1, position in rows[depth] if rows else [(0, 0, 0, 0, 0)]:
            first, second = ours[ia + da], theirs[ib + db]
            if first != second:
                record((first, second), (w0 + x0, w1 + x1), (*chosen, position))

    visit(0, 0, 0, 0, 0, ())
    return found, space.size


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
        space = PairSpace(left, right)
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
