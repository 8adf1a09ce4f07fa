"""The distinctions a set of rules can see in each fact, and nothing finer.

A rule never looks at a set of actors as a whole: it asks whether the set meets some members (the
citizen side, say). Two sets that meet the same "atoms" — groups of members that every test
treats alike — answer every test alike, so no rule can tell them apart. `Abstraction` gathers
the tests some rules make of each fact (`Condition.set_tests`) and gives each value of a fact
its class: a small, hashable stand-in equal for exactly the values the rules cannot tell apart.

Three things use it, one machinery for all of them: the tables of `copenhagen.Assessor` and of
the batch, keyed on classes instead of raw values (a registry repeats classes far more often than
values); the exhaustive checks of the tests, which walk one representative of every class; and
rule-set diffs, which enumerate exactly the distinctions either rule set can see.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from copenhagen.rules.conditions import EXACT, Test
from copenhagen.rules.facts import FACTS, Fact, FactKind

__all__ = ["Abstraction", "Classifier", "KeyFunction"]

#: A function giving a value's class.
Classifier = Callable[[Any], Any]
#: A function giving a subject's key in a table: equal for subjects the rules cannot tell apart.
KeyFunction = Callable[[Any], Any]


class _SetClasses:
    """Classes of a set-valued fact: the atoms it meets, as a bit mask (``None`` if unknown)."""

    __slots__ = ("_atom", "_memo", "atoms")

    def __init__(self, fact: Fact, tests: list[Test]) -> None:
        signatures: dict[tuple[bool, ...], list[Any]] = {}
        for member in fact.domain:
            signature = tuple(t is None or member in t for t in tests)  # type: ignore[operator]
            signatures.setdefault(signature, []).append(member)
        #: The atoms: groups of members every test treats alike, in declaration order.
        self.atoms: tuple[tuple[Any, ...], ...] = tuple(tuple(g) for g in signatures.values())
        self._atom = {m: 1 << i for i, group in enumerate(self.atoms) for m in group}
        self._memo: dict[Any, int] = {}

    def __call__(self, value: frozenset[Any] | None) -> int | None:
        if value is None:
            return None
        found = self._memo.get(value)
        if found is None:
            atom = self._atom
            found = 0
            for member in value:
                found |= atom[member]
            if len(self._memo) < 4096:
                self._memo[value] = found
        return found

    def table(self) -> dict[frozenset[Any] | None, int | None]:
        """The class of every set of members (and of ``None``, unknown), worked out at once.

        A fact has at most a few hundred sets (nine actors: 512), so a look-up in this table
        is the fastest way to a class.
        """
        every = [m for group in self.atoms for m in group]
        found: dict[frozenset[Any] | None, int | None] = {None: None}
        for size in range(len(every) + 1):
            for combo in itertools.combinations(every, size):
                members = frozenset(combo)
                found[members] = self(members)
        return found

    def representatives(self) -> tuple[frozenset[Any], ...]:
        """One set per class: the first member of each atom met, every combination of atoms."""
        firsts = [group[0] for group in self.atoms]
        return tuple(
            frozenset(combo)
            for size in range(len(firsts) + 1)
            for combo in itertools.combinations(firsts, size)
        )


def _same(value: Any) -> Any:
    return value


def _value_classes(fact: Fact, tests: list[Test]) -> Classifier:
    """Classes of a one-valued fact: which tested value sets hold it (``None`` if unknown).

    Where the tests tell every value apart, the value itself is its class.
    """
    if any(t is EXACT for t in tests):
        return _same
    sets = [t for t in tests if t is not None]
    signatures = {v: tuple(v in s for s in sets) for v in fact.domain}  # type: ignore[operator]
    if len(set(signatures.values())) == len(signatures):
        return _same  # every value is told apart: the value is its own class
    return signatures.get


def _injective(fact: Fact, classify: Classifier) -> bool:
    if classify is _same:
        return True
    if isinstance(classify, _SetClasses) or fact.kind is FactKind.SET:
        return False
    classes = [classify(v) for v in fact.domain]
    return len(set(classes)) == len(classes) and None not in classes


class Abstraction:
    """The classes of every fact some tests read (see the module docstring).

    Args:
        tests: ``(key, test)`` pairs, as `Condition.set_tests` yields them.
        exact: Keys whose every value counts (a text names them, say).
    """

    __slots__ = ("_classes", "_fields", "_tests")

    def __init__(self, tests: Iterable[tuple[str, Test]], exact: Iterable[str] = ()) -> None:
        found: dict[str, list[Test]] = {}
        for key, test in tests:
            if key in FACTS:
                found.setdefault(key, []).append(test)
        for key in exact:
            if key in FACTS:
                found.setdefault(key, []).append(EXACT)
        self._tests = found
        self._classes: dict[str, Classifier] = {}
        for key, listed in found.items():
            fact = FACTS[key]
            if fact.kind is FactKind.SET:
                told_apart = any(t is EXACT for t in listed)
                self._classes[key] = _same if told_apart else _SetClasses(fact, listed)
            else:
                self._classes[key] = _value_classes(fact, listed)
        self._fields: dict[str, Classifier] = {}

    @property
    def keys(self) -> tuple[str, ...]:
        """The fact keys some test reads, in the order first met."""
        return tuple(self._tests)

    def classifier(self, key: str) -> Classifier:
        """The class function of one fact (`KeyError` if no test reads it)."""
        return self._classes[key]

    def fields(self) -> tuple[str, ...]:
        """The `Initiative` fields holding the facts some test reads, in document order."""
        from copenhagen.model import DOCUMENT_KEYS

        return tuple(sorted({FACTS[k].field for k in self._tests}, key=DOCUMENT_KEYS.index))

    def field_classifier(self, field: str) -> Classifier:
        """The class function of a whole `Initiative` field (a set, or a mapping of items)."""
        found = self._fields.get(field)
        if found is not None:
            return found
        items = [(FACTS[k], self._classes[k]) for k in self._tests if FACTS[k].field == field]
        every = [f for f in FACTS.values() if f.field == field]
        if len(items) == 1 and items[0][0].item is None:
            found = items[0][1]
        elif len(items) == len(every) and all(_injective(f, c) for f, c in items):
            found = _same  # every item is read and told apart: the mapping is its own class
        else:
            memo: dict[Any, tuple[Any, ...]] = {}

            def found(mapping: Mapping[Any, Any]) -> tuple[Any, ...]:
                hit = memo.get(mapping)
                if hit is None:
                    hit = tuple(classify(fact.take(mapping)) for fact, classify in items)
                    if len(memo) < 4096:
                        memo[mapping] = hit
                return hit

        self._fields[field] = found
        return found

    def fast_classifier(self, field: str) -> Classifier | None:
        """The quickest class function of a field, or ``None`` where a value is its own class.

        A set's classes come from a table worked out at once (a look-up per value).
        """
        found = self.field_classifier(field)
        if found is _same:
            return None
        if isinstance(found, _SetClasses):
            return found.table().__getitem__
        return found

    def representatives(self, key: str) -> tuple[Any, ...]:
        """One value of each class of a fact, the unknown (``None``) first where it may be."""
        fact = FACTS[key]
        classify = self._classes[key]
        unknown = (None,) if fact.unknown else ()
        if isinstance(classify, _SetClasses):
            return (*unknown, *classify.representatives())
        if classify is not _same and fact.kind is not FactKind.SET:
            firsts: dict[Any, Any] = {}
            for value in fact.domain:
                firsts.setdefault(classify(value), value)
            return (*unknown, *firsts.values())
        if fact.kind is FactKind.SET:
            every = fact.domain
            return (
                *unknown,
                *(
                    frozenset(c)
                    for n in range(len(every) + 1)
                    for c in itertools.combinations(every, n)
                ),
            )
        return (*unknown, *fact.domain)

    def points(self, keys: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every combination of one representative per class of ``keys`` (all by default)."""
        chosen = list(self._tests if keys is None else keys)
        for values in itertools.product(*(self.representatives(k) for k in chosen)):
            yield dict(zip(chosen, values, strict=True))

    def size(self, keys: Iterable[str] | None = None) -> int:
        """How many combinations `points` gives."""
        total = 1
        for key in self._tests if keys is None else keys:
            total *= len(self.representatives(key))
        return total

    def key_function(
        self, prefix: str = "", wholes: Sequence[Callable[[Any], Any]] = ()
    ) -> KeyFunction:
        """A subject's key: the classes of the fields the tests read, and some values whole.

        Args:
            prefix: Where the subject holds the `Initiative` (``"initiative."`` for a view of
                an assessment's parts; nothing when the subject is the initiative).
            wholes: Getters of values that are parts of the key as they are (other rule
                sets' decisions, say).

        The fields are read by one `operator.attrgetter` and classed by table look-ups, so a
        key costs a few C-level calls per field.
        """
        fields = self.fields()
        found = {f: self.fast_classifier(f) for f in fields}
        classified = [f for f in fields if found[f] is not None]
        alone = [f for f in fields if found[f] is None]
        classes: list[Classifier] = [c for c in found.values() if c is not None]
        call: Callable[[Classifier, Any], Any] = operator.call
        if len(classified) == 1:  # attrgetter of one name gives the value, not a tuple
            classified.append(classified[0])
            classes.append(_nothing)
        if len(alone) == 1:
            alone.append(alone[0])
        read = operator.attrgetter(*(prefix + f for f in classified)) if classified else None
        keep = operator.attrgetter(*(prefix + f for f in alone)) if alone else None
        parts: list[KeyFunction] = []
        if read is not None:
            parts.append(lambda subject: tuple(map(call, classes, read(subject))))
        if keep is not None:
            parts.append(keep)
        if wholes:
            getters = tuple(wholes)
            parts.append(lambda subject: tuple([get(subject) for get in getters]))
        if not parts:
            return lambda subject: ()
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            first, second = parts
            return lambda subject: (first(subject), second(subject))
        first, second, third = parts
        return lambda subject: (first(subject), second(subject), third(subject))


def _nothing(_: Any) -> None:
    return None
