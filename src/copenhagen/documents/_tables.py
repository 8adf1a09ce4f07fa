"""Look-up tables shared by both structuring paths: enum values, principle keys, interning."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
    Stage,
)
from copenhagen.model import Status

__all__ = [
    "ENUM_NOUNS",
    "EXTRA_MAX_DEPTH",
    "MEMBER_BY_VALUE",
    "PRINCIPLE_BY_KEY",
    "PRINCIPLE_NAME",
    "intern_set",
    "nesting_depth",
]

#: How messages name one member and many members of each enum a document uses.
ENUM_NOUNS: dict[type[Enum], tuple[str, str]] = {
    Actor: ("an actor", "actors"),
    Objective: ("an objective", "objectives"),
    Stage: ("a stage", "stages"),
    Status: ("a status", "statuses"),
    Practice: ("a practice", "practices"),
    ParticipationAspect: ("an aspect of participation", "aspects of participation"),
    ParticipationLevel: ("a participation level", "participation levels"),
}

#: Each enum's members by their document value (a dict look-up is faster than ``Enum(value)``).
MEMBER_BY_VALUE: dict[type[Enum], dict[Any, Any]] = {
    enum: {member.value: member for member in enum} for enum in ENUM_NOUNS
}

#: The lower-case member name a document uses for each principle.
PRINCIPLE_NAME: dict[Principle, str] = {p: p.name.lower() for p in Principle}

#: Principles by every key a document may use: lower-case name, number, number as a string.
#: (Callers must refuse booleans and floats first: ``True == 1`` and ``4.0 == 4`` as dict keys.)
PRINCIPLE_BY_KEY: dict[str | int, Principle] = {
    **{name: p for p, name in PRINCIPLE_NAME.items()},
    **{str(p.value): p for p in Principle},
    **{p.value: p for p in Principle},
}

# Identical sets are very common in a registry (the same few sets of actors again and again);
# sharing one frozenset object saves memory and lets later caches hit on identity. The number of
# distinct sets is bounded (at most 2**9 sets of actors), so the table stays small.
_INTERNED: dict[frozenset[Any], frozenset[Any]] = {}


def intern_set(members: frozenset[Any]) -> frozenset[Any]:
    """The canonical frozenset equal to ``members`` (the first one seen)."""
    return _INTERNED.setdefault(members, members)


#: How deeply `extra` may nest. Far beyond any real document, and well inside what freezing,
#: hashing and dumping it back can do without exhausting Python's recursion limit.
EXTRA_MAX_DEPTH = 100


def nesting_depth(value: Any, limit: int) -> int:
    """How deeply ``value`` nests (mappings and lists), counted without recursion, up to limit+1."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list | tuple | set | frozenset):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest
