"""The fast path: well-formed documents built with plain dict look-ups and shared frozensets.

It accepts only what is plainly valid (exact ``dict``, ``list``, ``str`` and ``bool`` types,
known values) and returns ``None`` at the first thing that is not, so the full, error-collecting
path in `copenhagen.documents._converter` decides every doubtful case. Tests check that the two
paths agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from copenhagen._frozen import FrozenMap
from copenhagen.documents._tables import (
    EXTRA_MAX_DEPTH,
    MEMBER_BY_VALUE,
    PRINCIPLE_BY_KEY,
    intern_set,
    nesting_depth,
)
from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Stage,
)
from copenhagen.model import DOCUMENT_KEYS, Initiative, Status

__all__ = ["fast_structure", "unread_facts_are_plain"]

_KEYS = frozenset(DOCUMENT_KEYS)
_EMPTY_SET: frozenset[Any] = frozenset()
_EMPTY_MAP: FrozenMap[Any, Any] = FrozenMap()
_CACHE_LIMIT = 4096

_ACTORS = MEMBER_BY_VALUE[Actor]
_OBJECTIVES = MEMBER_BY_VALUE[Objective]
_STAGES = MEMBER_BY_VALUE[Stage]
_STATUSES = MEMBER_BY_VALUE[Status]
_PRACTICES = MEMBER_BY_VALUE[Practice]
_ASPECTS = MEMBER_BY_VALUE[ParticipationAspect]
_LEVELS = MEMBER_BY_VALUE[ParticipationLevel]

# Lists as written (tuples of strings) -> their shared frozenset, one cache per enum.
_SET_CACHES: dict[int, dict[tuple[Any, ...], frozenset[Any]]] = {
    id(table): {} for table in (_ACTORS, _OBJECTIVES, _STAGES)
}
_PRINCIPLES_CACHE: dict[tuple[Any, ...], FrozenMap[Any, Any]] = {}


def _members(value: Any, table: dict[Any, Any]) -> frozenset[Any] | None:
    if type(value) is not list:
        return None
    written = tuple(value)
    cache = _SET_CACHES[id(table)]
    try:
        hit = cache.get(written)
    except TypeError:  # an unhashable item: not a plain value
        return None
    if hit is not None:
        return hit
    try:
        members = intern_set(frozenset([table[item] for item in written]))
    except (KeyError, TypeError):
        return None
    for item in written:  # a str subclass (e.g. an enum member) may hash like its value
        if type(item) is not str:
            return None
    if len(cache) < _CACHE_LIMIT:
        cache[written] = members
    return members


def _principles(value: Any) -> FrozenMap[Any, Any] | None:
    if type(value) is not dict:
        return None
    for key, status in value.items():
        # bool and float keys would match int keys (True == 1, 4.0 == 4): leave them to the
        # full path, which refuses them.
        if (type(key) is not str and type(key) is not int) or type(status) is not str:
            return None
    written = tuple(value.items())
    hit = _PRINCIPLES_CACHE.get(written)
    if hit is not None:
        return hit
    try:
        result = FrozenMap({PRINCIPLE_BY_KEY[key]: _STATUSES[status] for key, status in written})
    except KeyError:
        return None
    if len(result) != len(written):  # the same principle by name and by number
        return None
    if len(_PRINCIPLES_CACHE) < _CACHE_LIMIT:
        _PRINCIPLES_CACHE[written] = result
    return result


def _practices(value: Any) -> FrozenMap[Any, Any] | None:
    if type(value) is not dict:
        return None
    result = {}
    for key, answer in value.items():
        if type(key) is not str or type(answer) is not bool:
            return None
        member = _PRACTICES.get(key)
        if member is None:
            return None
        result[member] = answer
    return FrozenMap(result)


def _participation(value: Any) -> FrozenMap[Any, Any] | None:
    if type(value) is not dict:
        return None
    result = {}
    for key, level in value.items():
        if type(key) is not str or type(level) is not str:
            return None
        aspect = _ASPECTS.get(key)
        rating = _LEVELS.get(level)
        if aspect is None or rating is None:
            return None
        result[aspect] = rating
    return FrozenMap(result)


def _flag(value: Any) -> bool:
    return value is None or type(value) is bool


def _plain_text(description: Any, country: Any, extra: Any) -> bool:
    """Whether the free-text facts are plainly valid (each may be absent)."""
    if description is not None and type(description) is not str:
        return False
    if country is not None and not (
        type(country) is str
        and len(country) == 2
        and country.isascii()
        and country.isalpha()
        and country.isupper()
    ):
        return False
    return extra is None or (
        type(extra) is dict
        and (not extra or nesting_depth(extra, EXTRA_MAX_DEPTH) <= EXTRA_MAX_DEPTH)
    )


def unread_facts_are_plain(get: Callable[[str], Any]) -> bool:
    """Whether the facts no assessment reads are plainly valid, as `fast_structure` checks them.

    They are ``funders``, ``objectives``, ``description``, ``country`` and ``extra``; ``get``
    is the document's ``get``. `copenhagen._rows.RawRows` checks these itself and leaves the
    others to its caches.
    """
    value = get("funders")
    if value is not None and _members(value, _ACTORS) is None:
        return False
    value = get("objectives")
    if value is not None and _members(value, _OBJECTIVES) is None:
        return False
    return _plain_text(get("description"), get("country"), get("extra"))


def plain_part(key: str, value: Any) -> Any:
    """What `fast_structure` makes of one key's raw value (not ``None``), or ``None`` if not plain.

    For ``engaged_stages``, ``principles``, ``practices`` and ``participation``: lets
    `copenhagen._rows.RawRows` build one part of an assessment without the whole initiative.
    """
    return _PARTS[key](value)


_PARTS: dict[str, Callable[[Any], Any]] = {
    "engaged_stages": lambda value: _members(value, _STAGES),
    "principles": _principles,
    "practices": _practices,
    "participation": _participation,
}


def fast_structure(document: Any) -> Initiative | None:
    """The `Initiative` of a plainly valid ``document``, or ``None`` to use the full path."""
    if type(document) is not dict or not _KEYS.issuperset(document):
        return None
    get = document.get
    name = get("name")
    if type(name) is not str or not name:
        return None
    initiated_by = _members(get("initiated_by"), _ACTORS)
    if not initiated_by:
        return None

    value = get("partners")
    partners = _EMPTY_SET if value is None else _members(value, _ACTORS)
    value = get("funders")
    funders = _EMPTY_SET if value is None else _members(value, _ACTORS)
    value = get("objectives")
    objectives = _EMPTY_SET if value is None else _members(value, _OBJECTIVES)
    value = get("engaged_stages")
    stages = None if value is None else _members(value, _STAGES)
    if partners is None or funders is None or objectives is None:
        return None
    if value is not None and stages is None:
        return None

    meaningful = get("meaningful_engagement")
    integrated = get("integrated_into_official_statistics")
    assured = get("quality_assured")
    if not (_flag(meaningful) and _flag(integrated) and _flag(assured)):
        return None

    value = get("principles")
    principles = _EMPTY_MAP if value is None else _principles(value)
    value = get("practices")
    practices = _EMPTY_MAP if value is None else _practices(value)
    value = get("participation")
    participation = _EMPTY_MAP if value is None else _participation(value)
    if principles is None or practices is None or participation is None:
        return None

    description = get("description")
    country = get("country")
    extra = get("extra")
    if not _plain_text(description, country, extra):
        return None
    if extra is None:
        extra = _EMPTY_MAP

    return Initiative(
        name,
        initiated_by,
        partners,
        funders,
        objectives,
        stages,
        meaningful,
        integrated,
        assured,
        principles,
        description,
        country,
        extra,
        practices,
        participation,
    )
