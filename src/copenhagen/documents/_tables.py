"""Look-up tables of the converter: enum values, principle keys, suggestions for a wrong value."""

from __future__ import annotations

import difflib
import functools
from enum import Enum
from typing import Any

from copenhagen.documents._wording import close_match, quote
from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
    Stage,
)
from copenhagen.framework.actors import ACTOR_SYNONYMS
from copenhagen.model import Status

__all__ = [
    "ENUM_NOUNS",
    "MEMBER_BY_VALUE",
    "PRINCIPLE_BY_KEY",
    "PRINCIPLE_NAME",
    "suggestion",
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


def _plain_words(text: str) -> str:
    """``text`` as synonyms are written: lower case, words separated by single spaces."""
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


#: Actors by every other name the catalogue gives them (`copenhagen.framework.ACTOR_SYNONYMS`).
_ACTOR_BY_NAME: dict[str, Actor] = {name: actor for name, actor, _ in ACTOR_SYNONYMS}


def suggestion(enum: type[Enum], value: str) -> str:
    """``"; did you mean 'x'?"`` for a document value that is not one of ``enum``'s, or ``""``.

    For actors the catalogue's synonyms come first (``ngo`` is a civil society organisation,
    so ``cso``), then the closest spelling among the values and the synonyms; every suggestion
    is itself an allowed value.
    """
    # A registry repeats its wrong values; finding the closest spelling is the slow part of a
    # bad record, and a pure function of the two.
    return _suggestion(enum, str.__str__(value))


@functools.lru_cache(maxsize=1024)
def _suggestion(enum: type[Enum], value: str) -> str:
    values = [str(member.value) for member in enum]
    if enum is not Actor:
        return close_match(value, values)
    words = _plain_words(str.__str__(value))
    actor = _ACTOR_BY_NAME.get(words)
    if actor is None:
        names = {**_ACTOR_BY_NAME, **{v: Actor(v) for v in values}}
        near = difflib.get_close_matches(words, list(names), n=1, cutoff=0.75)
        if not near:
            return close_match(value, values)
        actor = names[near[0]]
    title = actor.title.lower()
    shown = "" if _plain_words(title) == _plain_words(actor.value) else f" ({title})"
    return f"; did you mean {quote(actor.value)}{shown}?"
