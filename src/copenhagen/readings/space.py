"""The abstract fact space of some rule sets: every distinction their conditions can see.

A rule never looks at a list as a whole: it asks whether the list meets some values (the citizen
side, the design stage) or is empty, and whether a boolean is true, false or unknown. So the
facts of all initiatives fall into finitely many classes, and two initiatives of the same class
get the same result from every rule of the rule sets (`copenhagen.rules.abstraction`). A
`FactSpace` walks one initiative of each class — complete, not sampled — which is how two
readings are compared exactly (`copenhagen.readings.diff`) and a reading is checked
(`copenhagen.readings.check`).

Each point is a mapping of fact keys to values (``None``: unknown); `FactSpace.document` turns
it into the smallest initiative document that has those facts: keys left out where they are
empty or unknown, one value per class in each list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

from copenhagen.framework.actors import Actor
from copenhagen.rules.abstraction import Abstraction
from copenhagen.rules.conditions import ordered
from copenhagen.rules.engine import RuleSet
from copenhagen.rules.facts import FACTS, FactKind, in_document_order

__all__ = [
    "EXAMPLE_NAME",
    "MAX_POINTS",
    "FactSpace",
    "Facts",
    "PairSpace",
    "document_size",
    "example_document",
]

#: Past this many points a decision's space is not walked whole: the diff falls back to a
#: search (and says so). The shipped rules against a layer touching all three decisions take
#: a few thousand; half a million take a few seconds.
MAX_POINTS = 500_000

#: The name every example document carries (``name`` is required).
EXAMPLE_NAME = "Example"

#: The initiator an example names when no rule reads ``initiated_by`` (it must not be empty).
_ANY_INITIATOR = frozenset({next(iter(Actor))})


class Facts(dict[str, Any]):
    """A point's facts, with every fact no rule here reads at its "absent" value."""

    def __missing__(self, key: str) -> Any:
        fact = FACTS[key]
        if fact.unknown:
            return None
        if fact.kind is FactKind.SET:
            return frozenset()
        return fact.default


def document_size(document: Mapping[str, Any]) -> tuple[int, int, str]:
    """How small an example is: its keys, then its list items, then its text (to break ties)."""
    items = sum(len(v) for v in document.values() if isinstance(v, list))
    return (len(document), items, json.dumps(document, sort_keys=True))


class FactSpace:
    """Every class of facts some rule sets can tell apart (see the module docstring).

    Args:
        rule_sets: The rule sets; their tests (through the rule sets they read too) make the
            classes.
        extra: More ``(key, test)`` pairs to tell apart (an invariant's own distinctions).
    """

    __slots__ = ("abstraction", "keys")

    def __init__(self, rule_sets: Iterable[RuleSet], extra: Iterable[tuple[str, Any]] = ()) -> None:
        # Outcomes are compared, never warnings: the tests that decide outcomes make the classes.
        tests = [test for rule_set in rule_sets for test in rule_set.outcome_tests()]
        tests.extend(extra)
        #: The classes of each fact.
        self.abstraction = Abstraction(tests)
        #: The fact keys the rule sets read, in document order.
        self.keys: tuple[str, ...] = in_document_order(self.abstraction.keys)

    @property
    def size(self) -> int:
        """How many points the space has (an upper bound: empty initiator lists are skipped)."""
        return self.abstraction.size(self.keys)

    def representatives(self, key: str) -> tuple[Any, ...]:
        """One value of each class of fact ``key`` (the unknown first where it may be)."""
        values = self.abstraction.representatives(key)
        if key == "initiated_by":  # a document names at least one initiator
            return tuple(v for v in values if v)
        return values

    def alike(self, key: str, member: Any) -> tuple[Any, ...]:
        """The members of set fact ``key`` that every condition treats as it treats ``member``.

        Adding any of them to a set that holds ``member`` leaves the set in the same class.
        """
        classify = self.abstraction.classifier(key)
        own = classify(frozenset({member}))
        return tuple(m for m in FACTS[key].domain if classify(frozenset({m})) == own)

    def points(self) -> Iterator[Facts]:
        """One point per class, in a fixed order (the same every run)."""
        for point in self.abstraction.points(self.keys):
            if "initiated_by" in point and not point["initiated_by"]:
                continue
            yield Facts(point)

    def known_points(self) -> Iterator[Facts]:
        """The points where every fact is known."""
        for point in self.points():
            if all(value is not None for value in point.values()):
                yield point

    def document(self, point: Mapping[str, Any]) -> dict[str, Any]:
        """The smallest valid initiative document with the point's facts (`example_document`)."""
        return example_document(point)


def example_document(point: Mapping[str, Any]) -> dict[str, Any]:
    """The smallest valid initiative document with a point's facts.

    A list that is empty (or an unknown fact) is left out, except ``engaged_stages``, whose
    absence means unknown: a known empty list is written ``[]``.
    """
    found: dict[str, Any] = {"name": EXAMPLE_NAME}
    initiators = point.get("initiated_by") or _ANY_INITIATOR
    values = {**point, "initiated_by": initiators}
    for key in in_document_order(values):
        value = values[key]
        fact = FACTS[key]
        if value is None:
            continue
        if fact.kind is FactKind.SET:
            if value or fact.unknown:
                found[key] = [str(m.value) for m in ordered(value)]
        elif fact.item is not None:  # a fact of a mapping: principles.x, practices.x...
            shown = value.value if isinstance(value, Enum) else value
            found.setdefault(fact.field, {})[key.split(".", 1)[1]] = shown
        else:
            found[key] = value
    return found


def _weight(key: str, value: Any) -> tuple[int, int]:
    """What a value adds to an example document: a key (or none), and its list items."""
    if value is None:
        return (0, 0)
    if FACTS[key].kind is FactKind.SET:
        return (1 if value or FACTS[key].unknown else 0, len(value))
    return (1, 0)


class PairSpace:
    """The classes two rule sets tell apart, as pairs: one value per pair of classes of a fact.

    Each rule set's result depends only on the classes its own conditions see. For each fact
    the space keeps one value for every pair (class for ``a``, class for ``b``) that some value
    has — the smallest such value, so that the examples built from it are the smallest — and
    the points are every combination of those, each fact independent of the others. So it
    holds every pair of results two initiatives can get, and no point twice for the same.

    Args:
        a: One rule set.
        b: The other.
    """

    __slots__ = ("classes", "keys", "sides", "values")

    def __init__(self, a: RuleSet, b: RuleSet) -> None:
        #: Each rule set's own classes.
        self.sides = (FactSpace((a,)), FactSpace((b,)))
        joint = FactSpace((a, b))
        #: The fact keys either rule set reads, in document order.
        self.keys = joint.keys
        #: For each key, its values: one per pair of classes, smallest first.
        self.values: dict[str, tuple[Any, ...]] = {}
        #: For each key, the pair of classes of each of its values (``None``: not read).
        self.classes: dict[str, tuple[tuple[Any, ...], ...]] = {}
        for key in self.keys:
            found: dict[tuple[Any, ...], Any] = {}
            for value in joint.representatives(key):
                pair = tuple(
                    side.abstraction.classifier(key)(value) if key in side.keys else None
                    for side in self.sides
                )
                if pair not in found or _weight(key, value) < _weight(key, found[pair]):
                    found[pair] = value
            order = sorted(found.items(), key=lambda item: _weight(key, item[1]))
            self.values[key] = tuple(value for _, value in order)
            self.classes[key] = tuple(pair for pair, _ in order)

    @property
    def size(self) -> int:
        """How many points the space has."""
        total = 1
        for values in self.values.values():
            total *= len(values)
        return total

    def weight(self, key: str, value: Any) -> tuple[int, int]:
        """What a value of ``key`` adds to an example: a key or none, and its list items."""
        return _weight(key, value)

    def document(self, point: Mapping[str, Any]) -> dict[str, Any]:
        """The smallest valid initiative document with the point's facts (`example_document`)."""
        return example_document(point)

    def representatives(self, key: str) -> tuple[Any, ...]:
        """The values of ``key``: one per pair of classes, smallest first."""
        return self.values[key]
