"""A cache keyed on exactly what a computation read: a trie over the facts, in reading order.

A rule set (or any pure computation over an initiative's facts) reads facts one at a time, and
which fact it reads next depends only on the values it has read so far. So the first run on a
pattern records the facts it read, in order, and files its result under that path of values: a
trie whose nodes each read one fact. Later subjects follow the path — one read and one
dictionary look-up per fact the computation actually needed — and get the same shared,
immutable result. Nothing declares what is read: the reading itself is recorded, so a rule that
starts reading another fact is cached right with no other change.

The trie is bounded: when it holds its limit of results it starts again empty. Every change is a
single dictionary operation or the swap of the root, so threads may share it (two threads
missing at once file the same result). It belongs to the `copenhagen.Assessor` that made it.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = [
    "DECIDED",
    "MISSING",
    "VERDICT",
    "Compiled",
    "Node",
    "Recorder",
    "Route",
    "Table",
    "View",
]

#: The key prefix under which a subject offers another rule set's verdict (``verdict:scope``).
VERDICT = "verdict:"
#: The key prefix under which a subject offers another rule set's ``missing`` keys.
MISSING = "missing:"
#: The key prefix under which a subject offers a rule set's verdict and raised warnings.
DECIDED = "decided:"

S = TypeVar("S")
R = TypeVar("R")

#: A trie node: how to read its fact from the subject, the look-up of its children by the
#: fact's value (the bound ``get`` of the third item, kept to save a method look-up per call),
#: and the children themselves.
Node = tuple[Callable[[Any], Any], Callable[[Any], Any], dict[Any, Any]]


#: What a table's look-up gives for a key it does not hold.
_ABSENT: Any = object()


def _node(getter: Callable[[Any], Any]) -> Node:
    children: dict[Any, Any] = {}
    return (getter, children.get, children)


class _Leaf:
    """A filed result, told apart from a node by its type."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


#: How a fact is read through a larger one: the key of the larger fact (a whole mapping, say)
#: and how to take the fact out of its value.
Route = tuple[str, Callable[[Any], Any]]


class _Offers(Mapping[str, Any]):
    """What a view of a subject offers besides facts: other rule sets' decisions.

    The subject holds them, if at all, under the keys ``verdict:<id>``, ``decided:<id>`` and
    ``missing:<id>``.
    """

    __slots__ = ()

    _getters: Mapping[str, Callable[[Any], Any]]
    _routes: Mapping[str, Route]

    def _offered(self, key: str) -> Any:
        return self[key] if key in self._getters or key in self._routes else None

    def verdict_of(self, rule_set_id: str) -> Any:
        """The subject's verdict of another rule set, if it holds one (read like a fact)."""
        return self._offered(VERDICT + rule_set_id)

    def decided_of(self, rule_set_id: str) -> Any:
        """The subject's verdict and warnings of a rule set, if it holds them."""
        return self._offered(DECIDED + rule_set_id)

    def missing_of(self, rule_set_id: str) -> Any:
        """The subject's ``missing`` keys of another rule set, if it holds them."""
        return self._offered(MISSING + rule_set_id)


class View(_Offers):
    """A subject's facts, read on demand through getters and routes, each once."""

    __slots__ = ("_getters", "_routes", "_subject", "_values")

    def __init__(
        self,
        subject: Any,
        getters: Mapping[str, Callable[[Any], Any]],
        routes: Mapping[str, Route] | None = None,
    ) -> None:
        self._subject = subject
        self._getters = getters
        self._routes = routes or {}
        self._values: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        values = self._values
        if key in values:  # a subject's facts do not change: read each once
            return values[key]
        route = self._routes.get(key)
        if route is not None:
            value = route[1](self[route[0]])
        else:
            getter = self._getters.get(key)
            if getter is None:
                raise KeyError(key)
            value = self._fetch(key, getter)
        values[key] = value
        return value

    def _fetch(self, key: str, getter: Callable[[Any], Any]) -> Any:
        return getter(self._subject)

    @property
    def subject(self) -> Any:
        """What the view reads its facts from."""
        return self._subject

    def __iter__(self) -> Iterator[str]:
        return iter(self._getters)

    def __len__(self) -> int:
        return len(self._getters)

    def is_known(self, key: str) -> bool:
        """Whether the subject gives fact ``key``."""
        return self[key] is not None


class Recorder(View):
    """A `View` that remembers which facts were read, and in what order.

    Reading a key it has no getter for raises `KeyError`, so a computation that reads more than
    it may fails loudly instead of being cached wrongly. A key with a route is recorded as the
    larger fact it is read through; a key that stands for a value worked out from other keys
    (``derived``) is recorded as those keys.
    """

    __slots__ = ("_derived", "read")

    def __init__(
        self,
        subject: Any,
        getters: Mapping[str, Callable[[Any], Any]],
        routes: Mapping[str, Route] | None = None,
        derived: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(subject, getters, routes)
        self._derived = derived or {}
        self.read: dict[str, Any] = {}

    def _fetch(self, key: str, getter: Callable[[Any], Any]) -> Any:
        reads = self._derived.get(key)
        if reads is not None:
            for needed in reads:  # the value follows from these: record them instead
                self[needed]
            return getter(self._subject)
        value = self.read[key] = getter(self._subject)
        return value


class Compiled(Generic[S, R]):
    """A bounded trie of results, keyed on the facts each computation read (module docstring).

    Args:
        compute: The computation, over a mapping of facts (a `Recorder` of the subject).
        getters: How to read each fact it may read from a subject.
        limit: How many results to hold before starting afresh.
        routes: Facts recorded as the larger facts they are read through (see `Recorder`).
        derived: Keys whose values follow from other keys, recorded as those (see `Recorder`).
    """

    __slots__ = (
        "_compute",
        "_derived",
        "_getters",
        "_limit",
        "_routes",
        "_shared",
        "_size",
        "root",
    )

    def __init__(
        self,
        compute: Callable[[Mapping[str, Any]], R],
        getters: Mapping[str, Callable[[S], Any]],
        limit: int,
        *,
        routes: Mapping[str, Route] | None = None,
        derived: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        if limit < 1:
            raise ValueError(f"a cache must hold at least 1 result, not {limit}")
        self._compute = compute
        self._getters = dict(getters)
        self._routes = dict(routes or {})
        self._derived = dict(derived or {})
        self._limit = limit
        self._shared: dict[Any, Any] = {}
        self._size = 0
        self.root: Node | _Leaf | None = None

    def __call__(self, subject: S) -> R:
        """The result for ``subject``: follow the trie, computing only on a miss."""
        node = self.root
        while node is not None:
            if type(node) is _Leaf:
                return node.value  # type: ignore[no-any-return]
            node = node[1](node[0](subject))  # type: ignore[index]
        return self.decide(subject)

    def decide(self, subject: S) -> R:
        """Compute the result for ``subject`` afresh and file it under the facts it read."""
        recorder = Recorder(subject, self._getters, self._routes, self._derived)
        result = self._compute(recorder)
        # Equal results reached along different paths are one shared object (an unhashable
        # result is filed as it is).
        with contextlib.suppress(TypeError):
            result = self._shared.setdefault(result, result)
        path = list(recorder.read.items())
        if self._size >= self._limit:
            self.clear()
        leaf = _Leaf(result)
        if not path:  # a computation that reads nothing gives the same for everyone
            self.root = leaf
            self._size = 1
            return result
        root = self.root
        if type(root) is not tuple:
            root = _node(self._getters[path[0][0]])
            self.root = root
        node = root
        for (_, value), (next_key, _) in itertools.pairwise(path):
            child = node[2].get(value)
            if type(child) is not tuple:
                child = node[2].setdefault(value, _node(self._getters[next_key]))
                if type(child) is not tuple:  # another thread filed a leaf here: start afresh
                    node[2][value] = child = _node(self._getters[next_key])
            node = child
        node[2][path[-1][1]] = leaf
        self._size += 1
        return result

    def keys(self) -> tuple[str, ...]:
        """Every key the computation may read (with a getter or a route)."""
        return (*self._getters, *self._routes)

    def clear(self) -> None:
        """Forget every result."""
        self.root = None
        self._size = 0
        self._shared = {}

    def __len__(self) -> int:
        """How many results are filed."""
        return self._size


def _classed(
    read: Callable[[Any], Any], classify: Callable[[Any], Any] | None
) -> Callable[[Any], Any]:
    if classify is None:
        return read
    return lambda subject: classify(read(subject))


class Table(Generic[S, R]):
    """A bounded table of results keyed on every fact a computation can read.

    For computations that read nearly all their facts every time (a group of recommendation
    rules, the principle assessment): the key is the values of ``key_getters`` — the facts the
    rules name, with the facts of a mapping read as the whole mapping and values worked out from
    other facts left to those facts — and one dictionary look-up finds a pattern seen before.

    Args:
        compute: The computation, over a `View` of the subject.
        getters: How to read each fact it may read.
        key: The keys whose values make the table's key (every other key the computation reads
            must follow from these).
        limit: How many results to hold before starting afresh.
        routes: Facts read through larger facts (see `Recorder`).
        classes: For some keys, the class function that stands for the value in the table's key
            (`copenhagen.rules.abstraction`): values the computation cannot tell apart share a
            class, and so a result.
        key_function: The same key, worked out faster (`Abstraction.key_function`): equal for
            exactly the subjects the key names and classes make equal.
    """

    __slots__ = ("_compute", "_getters", "_key", "_keys", "_limit", "_routes", "_shared", "_table")

    def __init__(
        self,
        compute: Callable[[Mapping[str, Any]], R],
        getters: Mapping[str, Callable[[S], Any]],
        key: tuple[str, ...],
        limit: int,
        *,
        routes: Mapping[str, Route] | None = None,
        classes: Mapping[str, Callable[[Any], Any]] | None = None,
        key_function: Callable[[S], Any] | None = None,
    ) -> None:
        if limit < 1:
            raise ValueError(f"a cache must hold at least 1 result, not {limit}")
        self._compute = compute
        self._getters = dict(getters)
        self._routes = dict(routes or {})
        self._keys = key
        classes = classes or {}
        readers = [_classed(self._getters[k], classes.get(k)) for k in key]
        self._key: Callable[[S], Any] = key_function or (
            lambda subject: tuple([read(subject) for read in readers])
        )
        self._limit = limit
        self._table: dict[tuple[Any, ...], R] = {}
        self._shared: dict[Any, Any] = {}

    def __call__(self, subject: S) -> R:
        """The result for ``subject``: one look-up for a pattern seen before."""
        key = self._key(subject)
        table = self._table
        found: Any = table.get(key, _ABSENT)
        if found is _ABSENT:  # (``None`` is a result like any other: a rule that does not apply)
            found = self._compute(View(subject, self._getters, self._routes))
            with contextlib.suppress(TypeError):
                found = self._shared.setdefault(found, found)
            if len(table) >= self._limit:
                table.clear()
                self._shared = {}
            table[key] = found
        result: R = found
        return result

    def keys(self) -> tuple[str, ...]:
        """Every key the computation may read (with a getter or a route)."""
        return (*self._getters, *self._routes)

    def key_names(self) -> tuple[str, ...]:
        """The keys whose values make the table's key."""
        return self._keys

    def clear(self) -> None:
        """Forget every result."""
        self._table = {}
        self._shared = {}

    def __len__(self) -> int:
        """How many results are held."""
        return len(self._table)
