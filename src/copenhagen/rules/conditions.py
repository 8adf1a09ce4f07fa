"""Three-valued conditions over an initiative's facts: the building blocks of rules.

A condition is data, not code to evaluate: a small frozen object that reads named facts (document
keys, contract section 2) and answers ``True``, ``False`` or ``None`` (unknown) in Kleene's
three-valued logic. Each condition can also say, in plain words, which facts gave its answer, and
write itself as a short formula for listings and digests.

Facts are read through a mapping: a plain ``dict``, a view of an `Initiative` that records what
was read (`copenhagen.rules.compiled`), or one way of filling in the unknown facts
(`copenhagen.rules.engine`). A condition about another rule set's outcome (`DecidedAs`,
`Undecided`, `Missing`) asks the mapping for that outcome when the mapping knows it (the parts of
an assessment already decided), and otherwise decides it over the same facts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, Protocol

import attrs

from copenhagen.model import Verdict

__all__ = [
    "EXACT",
    "Always",
    "AtLeast",
    "Condition",
    "DecidedAs",
    "Decider",
    "Empty",
    "Has",
    "In",
    "Is",
    "Known",
    "Missing",
    "Not",
    "Only",
    "Truth",
    "Undecided",
    "Verdict",
    "all_of",
    "any_of",
    "join_phrases",
    "join_words",
    "ordered",
    "outcome_words",
    "verdict_of",
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
    if isinstance(outcome, bool):
        return "yes" if outcome else "no"
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


#: The verdict of a decision the facts do not settle.
OPEN = Verdict(False)


class Decider(Protocol):
    """What a condition about another decision needs of its rule set."""

    @property
    def id(self) -> str:
        """The rule set's id."""

    @property
    def subject(self) -> str:
        """What the rule set decides, in words (``"scope"``)."""

    @property
    def facts(self) -> tuple[str, ...]:
        """The fact keys the rule set reads."""

    def verdict(self, facts: Facts) -> Verdict:
        """Whether the facts settle it, its outcome and the concluding rule."""

    def missing_keys(self, facts: Facts) -> tuple[str, ...]:
        """The unknown keys that would settle it."""

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        """Every test the rule set makes of a fact."""

    def outcome_tests(self) -> Iterator[tuple[str, Test]]:
        """The tests that decide its outcome (its rules' conditions, not their warnings)."""


def verdict_of(facts: Facts, rule_set: Decider) -> Verdict:
    """``rule_set``'s verdict on ``facts``: the one ``facts`` already holds, if any.

    A view of an assessment's parts knows its decisions (``facts.verdict_of(id)``); anything
    else (a plain mapping, one way of filling in unknown facts) is decided afresh.
    """
    known = getattr(facts, "verdict_of", None)
    if known is not None:
        found: Verdict | None = known(rule_set.id)
        if found is not None:
            return found
    return rule_set.verdict(facts)


def missing_of(facts: Facts, rule_set: Decider) -> tuple[str, ...]:
    """``rule_set``'s ``missing`` keys on ``facts`` (see `verdict_of`)."""
    known = getattr(facts, "missing_of", None)
    if known is not None:
        found: tuple[str, ...] | None = known(rule_set.id)
        if found is not None:
            return found
    return rule_set.missing_keys(facts)


def is_known(facts: Facts, key: str) -> bool:
    """Whether the document gives fact ``key`` (for a filling: before it was filled in)."""
    known = getattr(facts, "is_known", None)
    if known is not None:
        return bool(known(key))
    return facts[key] is not None


class _Exact:
    """The test of a condition that can tell every value of a fact apart (`AtLeast`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "EXACT"

    def __reduce__(self) -> str:
        return "EXACT"


#: The test of a condition that may tell every value of a fact apart.
EXACT = _Exact()

#: What a condition tests of one fact: for a set, the members it looks for (``None``: any
#: member, an emptiness test); for a fact of one value, the values it looks for; `EXACT` when
#: every value may differ.
Test = frozenset[Any] | None | _Exact


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
        """The fact keys the condition reads, directly or through another rule set."""
        raise NotImplementedError

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        """Each fact the condition tests, with what it tests for (see `Test`).

        The engine uses these to find the few values of an unknown fact that can make a
        difference, and the batch and the diff to find which values of a fact the rules can
        tell apart at all.
        """
        return iter(())

    def rule_sets(self) -> Iterator[Decider]:
        """The other rule sets whose outcome the condition reads."""
        return iter(())

    def reads(self) -> tuple[str, ...]:
        """What the condition reads of a view that holds other decisions.

        Its fact keys, and ``verdict:<id>`` (or ``missing:<id>``) for another rule set's outcome.
        """
        return self.keys()

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        """The tests it makes of the facts it `reads` itself.

        Another rule set's outcome is read whole from such a view, so that set's own tests are
        not among them.
        """
        return self.set_tests()


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

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
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

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        # A set lies within the members exactly when it meets none of the others: the engine
        # reads the test as "meets these members" either way.
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

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, None


@attrs.frozen(slots=True)
class AtLeast(Condition):
    """The set under ``key`` has at least ``count`` members.

    Attributes:
        key: A set-valued fact key (``engaged_stages``).
        count: How many members it must have.
        also: Members counted as if they were in the set when ``when`` holds (the design stage
            for an initiative a citizen-side actor started, say).
        when: The condition under which ``also`` counts.
    """

    key: str
    count: int
    also: frozenset[Any] = attrs.field(default=frozenset(), converter=_members)
    when: Condition | None = None

    def _value(self, facts: Facts) -> frozenset[Any] | None:
        value: frozenset[Any] | None = facts[self.key]
        if value is None or self.when is None:
            return value
        extra = self.when.evaluate(facts)
        if extra is None:
            return None
        return value | self.also if extra else value

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        value = self._value(facts)
        if value is None:
            return None
        return len(value) >= self.count

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        value = self._value(facts)
        if value is None:
            return (f"{self.key} is unknown",)
        return (f"{self.key} counts {len(value)} of at least {self.count}",)

    def formula(self) -> str:  # noqa: D102
        counted = self.key
        if self.when is not None:
            counted = f"({self.key} + {_listing(self.also)} if {self.when.formula()})"
        return f"len({counted}) >= {self.count}"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        extra = () if self.when is None else self.when.keys()
        return (self.key, *extra)

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, EXACT
        if self.when is not None:
            yield from self.when.set_tests()

    def rule_sets(self) -> Iterator[Decider]:  # noqa: D102
        return iter(()) if self.when is None else self.when.rule_sets()

    def reads(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,) if self.when is None else (self.key, *self.when.reads())

    def view_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, EXACT
        if self.when is not None:
            yield from self.when.view_tests()


@attrs.frozen(slots=True)
class Is(Condition):
    """The boolean fact under ``key`` is known to equal ``value``.

    Attributes:
        key: A boolean fact key (``meaningful_engagement``).
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

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, frozenset({self.value})


@attrs.frozen(slots=True)
class In(Condition):
    """The one-valued fact under ``key`` (a declared status, a rating) is one of ``values``.

    Unknown while the fact is unknown (an unrated aspect, say).

    Attributes:
        key: A fact holding one enum member (``principles.informed_consent``).
        values: The members looked for.
    """

    key: str
    values: frozenset[Any] = attrs.field(converter=_members)

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        known = facts[self.key]
        if known is None:
            return None
        return known in self.values

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        known = facts[self.key]
        if known is None:
            return (f"{self.key} is unknown",)
        return (f"{self.key} is {known.value}",)

    def formula(self) -> str:  # noqa: D102
        if len(self.values) == 1:
            (only,) = self.values
            return f"{self.key} == {only.value}"
        return f"{self.key} in {_listing(self.values)}"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, self.values


@attrs.frozen(slots=True)
class Known(Condition):
    """The document gives the fact under ``key`` at all (true or false, never unknown).

    This is a test of the document, not of the initiative: filling in an unknown fact does not
    make it known. Recommendations use it to ask for what is missing.

    Attributes:
        key: Any fact key that may be unknown (``engaged_stages``, ``practices.secure_storage``).
    """

    key: str

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        return is_known(facts, self.key)

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        return (f"{self.key} is {'given' if is_known(facts, self.key) else 'unknown'}",)

    def formula(self) -> str:  # noqa: D102
        return f"known({self.key})"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        yield self.key, frozenset()


def _shown(outcome: Any) -> str:
    if outcome is None:
        return "none"
    if isinstance(outcome, bool):
        return "true" if outcome else "false"
    return str(outcome.value)


class _OfDecision(Condition):
    """A condition on another rule set's decision: it reads what that rule set reads.

    From a view that holds the decision it reads the decision whole (``verdict:<id>``), so the
    rule set's own tests are not its tests there.
    """

    __slots__ = ()

    rule_set: Decider

    def reads(self) -> tuple[str, ...]:
        return (f"verdict:{self.rule_set.id}",)

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        return iter(())

    def keys(self) -> tuple[str, ...]:
        return self.rule_set.facts

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        # Only the other set's outcome is read, never its warnings: the tests that decide it.
        return self.rule_set.outcome_tests()

    def rule_sets(self) -> Iterator[Decider]:
        yield self.rule_set


def _id_of(condition: Any) -> str:
    # Conditions compare and hash by the rule set's id (its content is covered by its digest).
    return str(condition.rule_set.id)


@attrs.frozen(slots=True)
class DecidedAs(_OfDecision):
    """Another rule set (e.g. scope) settles the same facts on ``outcome``.

    Unknown while that rule set is not determinate.

    Attributes:
        rule_set: The rule set whose decision is read.
        outcome: The outcome looked for.
    """

    rule_set: Decider = attrs.field(eq=False)
    outcome: Any
    rule_set_id: str = attrs.field(init=False, default=attrs.Factory(_id_of, takes_self=True))

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        verdict = verdict_of(facts, self.rule_set)
        if not verdict.determinate:
            return None
        return verdict.outcome is self.outcome

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        verdict = verdict_of(facts, self.rule_set)
        subject = self.rule_set.subject
        if not verdict.determinate:
            missing = missing_of(facts, self.rule_set)
            verb = "is" if len(missing) == 1 else "are"
            return (f"{subject} is not yet settled ({join_words(missing)} {verb} unknown)",)
        return (f"{subject} is settled as {outcome_words(verdict.outcome)} (rule {verdict.rule})",)

    def formula(self) -> str:  # noqa: D102
        return f"{self.rule_set.id} == {_shown(self.outcome)}"


@attrs.frozen(slots=True)
class Undecided(_OfDecision):
    """Another rule set leaves its decision open on these facts (true or false, never unknown).

    Attributes:
        rule_set: The rule set whose decision is read.
    """

    rule_set: Decider = attrs.field(eq=False)
    rule_set_id: str = attrs.field(init=False, default=attrs.Factory(_id_of, takes_self=True))

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        return not verdict_of(facts, self.rule_set).determinate

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        if verdict_of(facts, self.rule_set).determinate:
            return (f"{self.rule_set.subject} is settled",)
        return (f"{self.rule_set.subject} is not yet settled",)

    def formula(self) -> str:  # noqa: D102
        return f"undecided({self.rule_set.id})"


@attrs.frozen(slots=True)
class Missing(_OfDecision):
    """Another rule set names ``key`` among the facts that would settle it (its ``missing``).

    Attributes:
        rule_set: The rule set whose decision is read.
        key: The fact key looked for.
    """

    rule_set: Decider = attrs.field(eq=False)
    key: str
    rule_set_id: str = attrs.field(init=False, default=attrs.Factory(_id_of, takes_self=True))

    def evaluate(self, facts: Facts) -> Truth:  # noqa: D102
        return self.key in missing_of(facts, self.rule_set)

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        named = self.key in missing_of(facts, self.rule_set)
        verb = "needs" if named else "does not need"
        return (f"{self.rule_set.subject} {verb} {self.key} to be settled",)

    def formula(self) -> str:  # noqa: D102
        return f"{self.key} in missing({self.rule_set.id})"

    def reads(self) -> tuple[str, ...]:  # noqa: D102
        return (f"missing:{self.rule_set.id}",)


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

    def reads(self) -> tuple[str, ...]:  # noqa: D102
        return self.inner.reads()

    def view_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        return self.inner.view_tests()

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return self.inner.keys()

    def set_tests(self) -> Iterator[tuple[str, Test]]:  # noqa: D102
        return self.inner.set_tests()

    def rule_sets(self) -> Iterator[Decider]:  # noqa: D102
        return self.inner.rule_sets()


def _dedupe(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(phrases))


@attrs.frozen(slots=True)
class _Many(Condition):
    parts: tuple[Condition, ...]

    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for part in self.parts for k in part.keys()))  # noqa: SIM118

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        for part in self.parts:
            yield from part.set_tests()

    def rule_sets(self) -> Iterator[Decider]:
        for part in self.parts:
            yield from part.rule_sets()

    def reads(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for part in self.parts for k in part.reads()))

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        for part in self.parts:
            yield from part.view_tests()

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
