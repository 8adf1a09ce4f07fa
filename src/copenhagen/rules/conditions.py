"""Three-valued conditions over an initiative's facts: the building blocks of rules.

A condition is data, not code to evaluate: a small frozen object that reads named facts (document
keys, contract section 2) and answers ``True``, ``False`` or ``None`` (unknown) in Kleene's
three-valued logic. Each condition can also say, in plain words, which facts gave its answer, and
write itself as a short formula for listings and digests.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, Protocol

import attrs

__all__ = [
    "Always",
    "Condition",
    "DecidedAs",
    "Decider",
    "Empty",
    "Has",
    "Is",
    "Not",
    "Only",
    "Truth",
    "all_of",
    "any_of",
    "join_phrases",
    "join_words",
    "ordered",
    "outcome_words",
]

#: A three-valued truth value: ``None`` means unknown.
Truth = bool | None
#: The facts a condition reads: document keys mapped to the initiative's values.
Facts = Mapping[str, Any]


@functools.cache
def _positions(enum_cls: type[Enum]) -> dict[Any, int]:
    return {member: i for i, member in enumerate(enum_cls)}


def ordered(members: Iterable[Enum]) -> list[Enum]:
    """Sort enum members in their enum's declaration order (sets iterate in hash order)."""
    items = list(members)
    if not items:
        return items
    position = _positions(type(items[0]))
    return sorted(items, key=position.__getitem__)


def join_phrases(phrases: Iterable[str]) -> str:
    """Join phrases as prose, saying a repeated "initiated_by includes" only once.

    A phrase is shortened only when neither it nor the one before is negative, so that
    "includes no X and Y" is never written where "includes no X and includes Y" is meant.
    """
    out: list[str] = []
    previous = ""
    for phrase in phrases:
        head = " ".join(phrase.split(" ", 2)[:2])
        positive = " no " not in phrase and " not " not in phrase
        if out and head == previous and positive and head.endswith(("includes", "include")):
            out.append(phrase[len(head) + 1 :])
        else:
            out.append(phrase)
        previous = head if positive else ""
    return join_words(out)


def join_words(words: Iterable[str]) -> str:
    """Join words as prose: ``a``, ``a and b``, ``a, b and c``."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _values(members: Iterable[Enum]) -> str:
    return join_words(str(m.value) for m in ordered(members))


# Keys naming plural things read better with a plural verb ("partners include nso").
_PLURAL_KEYS = frozenset({"partners", "funders", "objectives"})


def _includes(key: str) -> str:
    return f"{key} include" if key in _PLURAL_KEYS else f"{key} includes"


def outcome_words(outcome: Any) -> str:
    """An outcome in words: ``"in scope"``, ``"NSO-driven collaboration"``, ``"none"``."""
    if outcome is None:
        return "none"
    words = str(outcome.name).lower().replace("_", " ")
    for plain, written in _WRITTEN.items():
        words = words.replace(plain, written)
    return words


_WRITTEN = {
    "nso driven": "NSO-driven",
    "civic driven": "civic-driven",
    "other actor driven": "other-actor-driven",
}


def _listing(members: Iterable[Enum]) -> str:
    return "[" + ", ".join(str(m.value) for m in ordered(members)) + "]"


def _a(label: str) -> str:
    """``label`` with its article: "a citizen-side", "another non-state"."""
    if label.startswith("other "):
        return "an" + label
    return ("an " if label[:1] in "aeiou" else "a ") + label


def _members(members: Iterable[Any]) -> frozenset[Any]:
    return frozenset(members)


class Decider(Protocol):
    """What `DecidedAs` needs of a rule set: its subject, the facts it reads, a quick verdict."""

    @property
    def id(self) -> str:
        """The rule set's id."""

    @property
    def subject(self) -> str:
        """What the rule set decides, in words (``"scope"``)."""

    @property
    def facts(self) -> tuple[str, ...]:
        """The document keys the rule set reads."""

    def verdict(self, facts: Facts) -> tuple[bool, Any, str]:
        """Whether the facts settle it, the outcome, and the id of the deciding rule."""

    def missing_keys(self, facts: Facts) -> tuple[str, ...]:
        """The unknown keys that would settle it."""


class Condition:
    """A three-valued test of an initiative's facts (base class of the condition types)."""

    __slots__ = ()

    def evaluate(self, facts: Facts) -> Truth:
        """``True``, ``False`` or ``None`` (unknown) for these facts."""
        raise NotImplementedError

    def describe(self, facts: Facts) -> tuple[str, ...]:
        """Plain phrases naming the facts that gave this condition its value."""
        raise NotImplementedError

    def formula(self) -> str:
        """The condition as a short, stable formula (for listings and digests)."""
        raise NotImplementedError

    def keys(self) -> tuple[str, ...]:
        """The document keys the condition reads, directly or through another rule set."""
        raise NotImplementedError

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:
        """Each set-valued key the condition tests, with the members it tests for.

        ``None`` stands for "any member at all" (an emptiness test). The engine uses these to
        find the few values of an unknown set that can make a difference.
        """
        return iter(())


@attrs.frozen(slots=True)
class Has(Condition):
    """The set under ``key`` includes at least one of ``members``.

    Attributes:
        key: A set-valued document key (``initiated_by``).
        members: The members looked for.
        label: What the members have in common (``"citizen-side"``); ``""`` to name them.
    """

    key: str
    members: frozenset[Any] = attrs.field(converter=_members)
    label: str = ""

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return None
        return not self.members.isdisjoint(value)

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return (f"{self.key} is unknown",)
        found = value & self.members
        if not self.label:
            if found:
                return (f"{_includes(self.key)} {_values(found)}",)
            return (f"{self.key} does not include {_values(self.members)}",)
        if len(found) == 1:
            return (f"{_includes(self.key)} {_values(found)}, {_a(self.label)} actor",)
        if found:
            return (f"{_includes(self.key)} {_values(found)}, {self.label} actors",)
        return (f"{_includes(self.key)} no {self.label} actor",)

    def formula(self) -> str:  # noqa: D102
        return f"any({self.key} in {_listing(self.members)})"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:  # noqa: D102
        yield self.key, self.members


@attrs.frozen(slots=True)
class Only(Condition):
    """Every member of the set under ``key`` is one of ``members`` (true of an empty set).

    Attributes:
        key: A set-valued document key (``partners``).
        members: The members allowed.
        label: What the allowed members have in common (``"citizen-side"``).
    """

    key: str
    members: frozenset[Any] = attrs.field(converter=_members)
    label: str = ""

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return None
        return bool(value <= self.members)

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return (f"{self.key} is unknown",)
        if not value:
            return (f"{self.key} is empty",)
        label = self.label or _values(self.members)
        outside = value - self.members
        if not outside:
            return (f"{self.key} lists only {label} actors ({_values(value)})",)
        return (f"{_includes(self.key)} {_values(outside)}, not {label}",)

    def formula(self) -> str:  # noqa: D102
        return f"all({self.key} in {_listing(self.members)})"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:  # noqa: D102
        yield self.key, self.members


@attrs.frozen(slots=True)
class Empty(Condition):
    """The set under ``key`` is known to be empty (an unknown set is not empty, nor non-empty).

    Attributes:
        key: A set-valued document key (``engaged_stages``).
    """

    key: str

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return None
        return not value

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        value = facts[self.key]
        if value is None:
            return (f"{self.key} is unknown",)
        if not value:
            return (f"{self.key} is an empty list",)
        return (f"{self.key} lists {_values(value)}",)

    def formula(self) -> str:  # noqa: D102
        return f"{self.key} == []"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:  # noqa: D102
        yield self.key, None


@attrs.frozen(slots=True)
class Is(Condition):
    """The boolean fact under ``key`` is known to equal ``value``.

    Attributes:
        key: A boolean document key (``meaningful_engagement``).
        value: The value looked for.
    """

    key: str
    value: bool

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        known = facts[self.key]
        if known is None:
            return None
        return known is self.value

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        known = facts[self.key]
        if known is None:
            return (f"{self.key} is unknown",)
        return (f"{self.key} is {'true' if known else 'false'}",)

    def formula(self) -> str:  # noqa: D102
        return f"{self.key} == {'true' if self.value else 'false'}"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)


@attrs.frozen(slots=True)
class DecidedAs(Condition):
    """Another rule set (e.g. scope) settles the same facts on ``outcome``.

    Unknown while that rule set is not determinate.

    Attributes:
        rule_set: The rule set whose decision is read.
        outcome: The outcome looked for.
    """

    rule_set: Decider = attrs.field(eq=False)
    outcome: Any
    # Compare and hash by the rule set's id (its content is covered by its own digest).
    rule_set_id: str = attrs.field(init=False)

    @rule_set_id.default
    def _rule_set_id(self) -> str:
        return self.rule_set.id

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        determinate, outcome, _ = self.rule_set.verdict(facts)
        if not determinate:
            return None
        return outcome is self.outcome

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        determinate, outcome, rule = self.rule_set.verdict(facts)
        subject = self.rule_set.subject
        if not determinate:
            missing = self.rule_set.missing_keys(facts)
            verb = "is" if len(missing) == 1 else "are"
            return (f"{subject} is not yet settled ({join_words(missing)} {verb} unknown)",)
        return (f"{subject} is settled as {outcome_words(outcome)} (rule {rule})",)

    def formula(self) -> str:  # noqa: D102
        shown = "none" if self.outcome is None else str(self.outcome.value)
        return f"{self.rule_set.id} == {shown}"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return self.rule_set.facts

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:  # noqa: D102
        tests = getattr(self.rule_set, "set_tests", None)
        if tests is not None:
            yield from tests()


@attrs.frozen(slots=True)
class Not(Condition):
    """The negation of a condition (unknown stays unknown).

    Attributes:
        inner: The condition negated.
    """

    inner: Condition

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        value = self.inner.evaluate(facts)
        return None if value is None else not value

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        # The facts are the same whichever way the answer is read.
        return self.inner.describe(facts)

    def formula(self) -> str:  # noqa: D102
        return f"not {self.inner.formula()}"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return self.inner.keys()

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:  # noqa: D102
        return self.inner.set_tests()


def _dedupe(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(phrases))


@attrs.frozen(slots=True)
class _Many(Condition):
    parts: tuple[Condition, ...]

    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for part in self.parts for k in part.keys()))  # noqa: SIM118 - not a dict

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:
        for part in self.parts:
            yield from part.set_tests()

    def _phrases(self, facts: Facts, wanted: Truth) -> tuple[str, ...]:
        return _dedupe(
            phrase
            for part in self.parts
            if part.evaluate(facts) is wanted
            for phrase in part.describe(facts)
        )


@attrs.frozen(slots=True)
class _All(_Many):
    """Kleene "and": false if any part is false, else unknown if any is unknown, else true."""

    def evaluate(self, facts: Facts) -> Truth:
        result: Truth = True
        for part in self.parts:
            value = part.evaluate(facts)
            if value is False:
                return False
            if value is None:
                result = None
        return result

    def describe(self, facts: Facts) -> tuple[str, ...]:
        value = self.evaluate(facts)
        if value is True:
            return _dedupe(p for part in self.parts for p in part.describe(facts))
        # False: the false parts decided it; unknown: the unknown parts hold it open.
        return self._phrases(facts, value)

    def formula(self) -> str:
        return "(" + " and ".join(part.formula() for part in self.parts) + ")"


@attrs.frozen(slots=True)
class _Any(_Many):
    """Kleene "or": true if any part is true, else unknown if any is unknown, else false."""

    def evaluate(self, facts: Facts) -> Truth:
        result: Truth = False
        for part in self.parts:
            value = part.evaluate(facts)
            if value is True:
                return True
            if value is None:
                result = None
        return result

    def describe(self, facts: Facts) -> tuple[str, ...]:
        value = self.evaluate(facts)
        if value is False:
            return _dedupe(p for part in self.parts for p in part.describe(facts))
        return self._phrases(facts, value)

    def formula(self) -> str:
        return "(" + " or ".join(part.formula() for part in self.parts) + ")"


@attrs.frozen(slots=True)
class Always(Condition):
    """A condition that always holds (the catch-all of a rule set's last rule)."""

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        return True

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        return ()

    def formula(self) -> str:  # noqa: D102
        return "true"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return ()


def all_of(*parts: Condition) -> Condition:
    """All ``parts`` hold (Kleene "and")."""
    return _All(tuple(parts))


def any_of(*parts: Condition) -> Condition:
    """At least one of ``parts`` holds (Kleene "or")."""
    return _Any(tuple(parts))
