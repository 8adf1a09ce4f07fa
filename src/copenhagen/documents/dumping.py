"""The way back: an initiative as a plain document that loads again to an equal initiative."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from copenhagen.documents._tables import ENUM_NOUNS, PRINCIPLE_NAME
from copenhagen.framework import Principle
from copenhagen.model import Initiative

__all__ = ["dump_initiative"]

# Every member's place in its enum's declaration order (members hash by identity: fast).
_ENUMS: tuple[type[Enum], ...] = (*ENUM_NOUNS, Principle)
_ORDER: dict[Any, int] = {member: index for enum in _ENUMS for index, member in enumerate(enum)}


def _values(members: Iterable[Enum]) -> list[Any]:
    return [member.value for member in sorted(members, key=_ORDER.__getitem__)]


def dump_initiative(initiative: Initiative) -> dict[str, Any]:
    """The plain document (contract section 2) of ``initiative``.

    Keys come in the contract's order and lists in the enums' declaration order, so equal
    initiatives give equal documents (and the same JSON bytes). What carries no information is
    left out: an empty ``partners``, ``funders`` or ``objectives`` (absent means empty), and
    unknown facts (absent means unknown). An empty ``engaged_stages`` is kept as ``[]``:
    "no stage" and "unknown" differ. ``principles`` keeps every entry given, ``"unknown"`` ones
    included, and ``extra`` comes back exactly as it was given.
    ``load_initiative(dump_initiative(x)) == x`` for every loaded initiative.

    Args:
        initiative: The initiative.

    Returns:
        A new dict of plain data (strings, booleans, lists, dicts).
    """
    document: dict[str, Any] = {
        "name": initiative.name,
        "initiated_by": _values(initiative.initiated_by),
    }
    for key in ("partners", "funders", "objectives"):
        members = getattr(initiative, key)
        if members:
            document[key] = _values(members)
    if initiative.engaged_stages is not None:
        document["engaged_stages"] = _values(initiative.engaged_stages)
    for key in ("meaningful_engagement", "integrated_into_official_statistics", "quality_assured"):
        flag = getattr(initiative, key)
        if flag is not None:
            document[key] = flag
    if initiative.principles:
        document["principles"] = {
            PRINCIPLE_NAME[principle]: initiative.principles[principle].value
            for principle in sorted(initiative.principles, key=_ORDER.__getitem__)
        }
    if initiative.description is not None:
        document["description"] = initiative.description
    if initiative.country is not None:
        document["country"] = initiative.country
    if initiative.extra:
        document["extra"] = initiative.extra_data
    if initiative.practices:
        document["practices"] = {
            practice.value: initiative.practices[practice]
            for practice in sorted(initiative.practices, key=_ORDER.__getitem__)
        }
    if initiative.participation:
        document["participation"] = {
            aspect.value: initiative.participation[aspect].value
            for aspect in sorted(initiative.participation, key=_ORDER.__getitem__)
        }
    return document
