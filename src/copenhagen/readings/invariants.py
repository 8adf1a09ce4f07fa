"""The invariants a reading of the framework should keep, checked over its whole fact space.

A national reading may change any rule, but some properties follow from the framework itself,
and a reading that breaks them has most likely gone wrong somewhere:

* more citizen engagement — a stage added to ``engaged_stages``, or the engagement made
  meaningful — never takes an initiative out of scope (Box 2, paras 10-11);
* adding a citizen-side initiator never takes an initiative out of scope (Box 2, para 15);
* every decision that is not determinate names a ``missing`` that really decides it: whatever
  values those keys are given, the decision is settled (contract section 1);
* no rule is dead: each concluding rule is the first to conclude for some initiative
  (contract section 5; a rule no initiative reaches says nothing).

"Out of scope" is read over every way of filling in unknown facts: an initiative that is, or
may be, in scope must stay one that is, or may be, in scope. `check` walks the abstract fact
space of the reading's three decisions (`copenhagen.readings.space`) — one initiative of every
class its conditions can tell apart, so nothing is sampled — and reports each kind of violation
once, with its smallest example.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.framework.stages import Stage
from copenhagen.model import Scope
from copenhagen.readings.comparing import DECISIONS
from copenhagen.readings.space import Facts, FactSpace, document_size
from copenhagen.rules.conditions import join_words, ordered, outcome_words
from copenhagen.rules.engine import RuleSet

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = ["INVARIANTS", "Invariant", "InvariantResult", "Reading", "Violation", "check"]


@attrs.frozen(slots=True)
class Invariant:
    """One property a reading should keep.

    Attributes:
        id: Stable id (``"engagement"``, ``"citizen_initiator"``, ``"missing"``, ``"live_rules"``).
        statement: What it says, in one sentence.
        citation: Where it comes from: framework anchors, or the contract's section.
    """

    id: str
    statement: str
    citation: str


#: The invariants `check` verifies, in the order it reports them.
INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "engagement",
        "More citizen engagement (a stage added, the engagement made meaningful) never takes "
        "an initiative out of scope.",
        "Box 2, paras 10-11",
    ),
    Invariant(
        "citizen_initiator",
        "Adding a citizen-side initiator never takes an initiative out of scope.",
        "Box 2, para 15",
    ),
    Invariant(
        "missing",
        "Every decision that is not determinate names a missing that decides it, whatever "
        "values those keys are given.",
        "contract section 1",
    ),
    Invariant(
        "live_rules",
        "Every concluding rule is the first to conclude for some initiative.",
        "contract section 5",
    ),
)

_BY_ID = {invariant.id: invariant for invariant in INVARIANTS}


@attrs.frozen(slots=True)
class Violation:
    """One kind of violation of an invariant, with its smallest example.

    Attributes:
        invariant: The id of the invariant broken.
        decision: The decision it concerns (``"scope"``...).
        message: What goes wrong, in one sentence.
        example: The smallest initiative document showing it (``None`` for a rule whose
            condition no initiative meets).
        changed: For a change that breaks it, the example after the change.
        rule: For a dead rule, its id.
    """

    invariant: str
    decision: str
    message: str
    example: dict[str, Any] | None
    changed: dict[str, Any] | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The violation as plain data."""
        found: dict[str, Any] = {
            "decision": self.decision,
            "message": self.message,
            "example": self.example,
        }
        if self.changed is not None:
            found["changed"] = self.changed
        if self.rule is not None:
            found["rule"] = self.rule
        return found


@attrs.frozen(slots=True)
class InvariantResult:
    """An invariant and what the check found.

    Attributes:
        invariant: The invariant.
        violations: Each kind of violation found, in a fixed order (none when it holds).
    """

    invariant: Invariant
    violations: tuple[Violation, ...]

    @property
    def holds(self) -> bool:
        """Whether the reading keeps the invariant."""
        return not self.violations

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data."""
        return {
            "invariant": self.invariant.id,
            "statement": self.invariant.statement,
            "citation": self.invariant.citation,
            "holds": self.holds,
            "violations": [v.to_dict() for v in self.violations],
        }


@attrs.frozen(slots=True)
class Reading:
    """What `check` found for one reading.

    Attributes:
        results: One per invariant, in `INVARIANTS` order.
        points: How many points of the abstract fact space were evaluated.
    """

    results: tuple[InvariantResult, ...]
    points: int

    @property
    def holds(self) -> bool:
        """Whether every invariant holds."""
        return all(result.holds for result in self.results)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (``copenhagen check --format json``)."""
        return {
            "holds": self.holds,
            "method": "exhaustive",
            "points": self.points,
            "invariants": [result.to_dict() for result in self.results],
        }


class _Smallest:
    """The violations found so far, each kind once, with its smallest example."""

    def __init__(self, space: FactSpace) -> None:
        self.space = space
        self.found: dict[tuple[Any, ...], tuple[tuple[int, int, str], Violation]] = {}

    def add(
        self,
        kind: tuple[Any, ...],
        point: Mapping[str, Any],
        violation: Violation,
        changed: Mapping[str, Any] | None = None,
    ) -> None:
        """Keep ``violation`` (``point`` its example) if it is the first or smallest of its kind."""
        example = self.space.document(point)
        size = document_size(example)
        known = self.found.get(kind)
        if known is not None and known[0] <= size:
            return
        after = None if changed is None else self.space.document(changed)
        self.found[kind] = (size, attrs.evolve(violation, example=example, changed=after))

    def violations(self) -> tuple[Violation, ...]:
        return tuple(v for _, v in self.found.values())


def _may_be_in_scope(scope: RuleSet, facts: Mapping[str, Any]) -> bool:
    return Scope.IN_SCOPE in scope.outcomes(facts)


def _scope_words(scope: RuleSet, facts: Mapping[str, Any]) -> str:
    verdict = scope.verdict(facts)
    return outcome_words(verdict.outcome) if verdict.determinate else "undecided"


def _more_engagement(point: Facts) -> Iterator[tuple[str, Facts]]:
    """Each way of adding engagement to a point: a stage added, the engagement made meaningful."""
    stages = point.get("engaged_stages")
    if stages is not None:
        for stage in Stage:
            if stage not in stages:
                yield (
                    f"{stage.value} added to engaged_stages",
                    Facts({**point, "engaged_stages": stages | {stage}}),
                )
    if point.get("meaningful_engagement") is False:
        yield "meaningful_engagement made true", Facts({**point, "meaningful_engagement": True})


def _citizen_added(point: Facts) -> Iterator[tuple[str, Facts]]:
    """Each way of adding a citizen-side initiator to a point."""
    initiators = point.get("initiated_by") or frozenset()
    for actor in ordered(CITIZEN_SIDE - initiators):
        yield (
            f"{actor.value} added to initiated_by",
            Facts({**point, "initiated_by": initiators | {actor}}),
        )


#: The changes that must never take an initiative out of scope, by invariant.
_CHANGES: dict[str, Callable[[Facts], Iterator[tuple[str, Facts]]]] = {
    "engagement": _more_engagement,
    "citizen_initiator": _citizen_added,
}


def _kept_in_scope(
    invariant: str, scope: RuleSet, space: FactSpace, points: list[Facts]
) -> tuple[Violation, ...]:
    """Where a change of ``invariant``'s kind takes an initiative out of scope."""
    found = _Smallest(space)
    for point in points:
        if not _may_be_in_scope(scope, point):
            continue
        for change, after in _CHANGES[invariant](point):
            if _may_be_in_scope(scope, after):
                continue
            now = _scope_words(scope, after)
            message = f"with {change}, an initiative that is or may be in scope becomes {now}"
            found.add((change, now), point, Violation(invariant, "scope", message, None), after)
    return found.violations()


def _fillings(space: FactSpace, keys: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    options = [[v for v in space.representatives(k) if v is not None] for k in keys]
    for values in itertools.product(*options):
        yield dict(zip(keys, values, strict=True))


def _missing(
    name: str, rule_set: RuleSet, space: FactSpace, points: list[Facts]
) -> Iterator[Violation]:
    found = _Smallest(space)
    for point in points:
        if rule_set.verdict(point).determinate:
            continue
        missing = rule_set.missing_keys(point)
        if not missing:
            found.add(
                ("missing", name, ()),
                point,
                Violation(
                    "missing",
                    name,
                    f"the {name} is not determinate but names no missing key",
                    None,
                ),
            )
            continue
        for filling in _fillings(space, missing):
            after = Facts({**point, **filling})
            if rule_set.verdict(after).determinate:
                continue
            found.add(
                ("missing", name, missing),
                point,
                Violation(
                    "missing",
                    name,
                    f"the {name} names {join_words(missing)} as missing, but some values of "
                    "them leave it open",
                    None,
                ),
                after,
            )
            break
    return iter(found.violations())


def _live_rules(
    name: str, rule_set: RuleSet, space: FactSpace, points: list[Facts]
) -> Iterator[Violation]:
    known = [p for p in points if all(v is not None for v in p.values())]
    concluding = {rule_set.verdict(point).rule for point in known}
    for rule in rule_set:
        if not rule.settles or rule.id in concluding:
            continue
        # Where its condition surely holds, yet another rule decides first.
        shadowing = [
            p
            for p in points
            if rule.when.evaluate(p) is True and rule_set.verdict(p).rule not in ("", rule.id)
        ]
        if not shadowing:
            yield Violation(
                "live_rules",
                name,
                f"rule {rule.id} never concludes: no initiative meets its condition",
                None,
                rule=rule.id,
            )
            continue
        point = min(shadowing, key=lambda p: document_size(space.document(p)))
        first = rule_set.verdict(point).rule
        yield Violation(
            "live_rules",
            name,
            f"rule {rule.id} never concludes: wherever its condition holds, an earlier rule "
            f"concludes first (here {first})",
            space.document(point),
            rule=rule.id,
        )


def check(assessor: Assessor) -> Reading:
    """Check the invariants of a reading over its whole abstract fact space.

    Args:
        assessor: The reading (an `copenhagen.Assessor`, with its layers).

    Returns:
        One result per invariant of `INVARIANTS`, each with every kind of violation found and
        its smallest example.

    Examples:
        >>> from copenhagen import Assessor
        >>> check(Assessor()).holds
        True
    """
    decisions = dict(zip(DECISIONS, assessor.decision_rule_sets, strict=True))
    spaces = {name: FactSpace((rule_set,)) for name, rule_set in decisions.items()}
    points = {name: list(space.points()) for name, space in spaces.items()}
    scope, space = decisions["scope"], spaces["scope"]
    results = (
        *(
            InvariantResult(_BY_ID[name], _kept_in_scope(name, scope, space, points["scope"]))
            for name in _CHANGES
        ),
        InvariantResult(
            _BY_ID["missing"],
            tuple(
                v
                for name, rule_set in decisions.items()
                for v in _missing(name, rule_set, spaces[name], points[name])
            ),
        ),
        InvariantResult(
            _BY_ID["live_rules"],
            tuple(
                v
                for name, rule_set in decisions.items()
                for v in _live_rules(name, rule_set, spaces[name], points[name])
            ),
        ),
    )
    return Reading(results, sum(len(found) for found in points.values()))
