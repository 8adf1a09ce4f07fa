"""Immutable containers for the model: a hashable mapping and deep freezing of plain data."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenList", "FrozenMap", "freeze", "thaw"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only, hashable mapping that keeps its insertion order.

    Equal to any mapping with the same items; its hash is computed once, on first use.
    """

    __slots__ = ("_data", "_hash", "get")

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = dict(items) if items else {}
        self._hash: int | None = None
        # The dictionary's own method: the rules read items millions of times in a batch, and
        # a bound C method is several times quicker than a Python one calling it.
        self.get: Callable[..., Any] = self._data.get

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if self is other:  # shared, interned maps are the common case in cache keys
            return True
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


class FrozenList(tuple[Any, ...]):
    """A frozen list: a tuple that remembers it was a list, so thawing gives a list back."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"FrozenList({list(self)!r})"


def freeze(value: Any) -> Any:
    """Return a deeply immutable, hashable copy of plain data.

    Mappings become `FrozenMap`, lists `FrozenList`, tuples tuples, sets frozensets; scalars are
    kept as they are. `thaw` gives the plain data back. A list or mapping that appears in several
    places (a YAML alias) is frozen once and shared, never copied out again and again.
    """
    if isinstance(value, FrozenMap | FrozenList | frozenset):
        return value
    if not isinstance(value, Mapping | list | tuple | set):
        return value
    return _freeze(value, {})


def _freeze(value: Any, done: dict[int, Any]) -> Any:
    if isinstance(value, FrozenMap | FrozenList | frozenset):
        return value
    if not isinstance(value, Mapping | list | tuple | set):
        return value
    known = done.get(id(value))
    if known is not None:
        return known
    frozen: Any
    if isinstance(value, Mapping):
        frozen = FrozenMap({k: _freeze(v, done) for k, v in value.items()})
    elif isinstance(value, list):
        frozen = FrozenList(_freeze(v, done) for v in value)
    elif isinstance(value, tuple):
        frozen = tuple(_freeze(v, done) for v in value)
    else:
        frozen = frozenset(_freeze(v, done) for v in value)
    done[id(value)] = frozen
    return frozen


def thaw(value: Any) -> Any:
    """Return plain, mutable data (dicts, lists) from what `freeze` made.

    A frozen value shared between several places comes back as one shared plain value.
    """
    return _thaw(value, {})


def _thaw(value: Any, done: dict[int, Any]) -> Any:
    if not isinstance(value, Mapping | tuple | frozenset):
        return value
    known = done.get(id(value))
    if known is not None:
        return known
    plain: Any
    if isinstance(value, Mapping):
        plain = {k: _thaw(v, done) for k, v in value.items()}
    elif isinstance(value, FrozenList):
        plain = [_thaw(v, done) for v in value]
    elif isinstance(value, tuple):
        plain = tuple(_thaw(v, done) for v in value)
    else:
        plain = {_thaw(v, done) for v in value}
    done[id(value)] = plain
    return plain
