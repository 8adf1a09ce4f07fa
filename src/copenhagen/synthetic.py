"""A seeded generator of realistic initiative registries, for benchmarks, demos and tests.

Real registries of citizen data initiatives are mostly started by CSOs, communities and academia,
with fewer started by NSOs, other state bodies or national human rights institutions (para 15);
many facts are left blank. `realistic_documents` yields valid initiative documents (contract
section 2) in such a mix, and `realistic_initiatives` the same initiatives built directly. Both
depend only on the seed (``random.Random``), not on hypothesis, and are fast enough for millions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from copenhagen._frozen import FrozenMap
from copenhagen.framework.actors import Actor
from copenhagen.framework.objectives import Objective
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import PRINCIPLE_KEYS, Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import Initiative, Status

__all__ = ["realistic_documents", "realistic_initiatives"]


def _weighted(pairs: Sequence[tuple[Any, int]]) -> tuple[Any, ...]:
    """A table holding each value as many times as its weight: a uniform pick is weighted."""
    return tuple(value for value, weight in pairs for _ in range(weight))


# Who starts initiatives: mostly the citizen side and academia (weights out of 100).
_INITIATORS = _weighted(
    [
        (("cso",), 30),
        (("community",), 10),
        (("citizens",), 5),
        (("citizens", "cso"), 4),
        (("community", "cso"), 4),
        (("academia",), 12),
        (("academia", "cso"), 7),
        (("cso", "international"), 3),
        (("cso", "nso"), 4),
        (("community", "state"), 2),
        (("nso",), 8),
        (("academia", "nso"), 2),
        (("state",), 3),
        (("nhri",), 3),
        (("international",), 2),
        (("private_sector",), 1),
    ]
)
# Partners, drawn one at a time; the citizen side is the most common partner.
_PARTNERS = _weighted(
    [
        ("cso", 22),
        ("community", 20),
        ("citizens", 14),
        ("academia", 14),
        ("nso", 12),
        ("state", 6),
        ("nhri", 4),
        ("international", 6),
        ("private_sector", 2),
    ]
)
_FUNDERS = _weighted(
    [("international", 40), ("state", 20), ("private_sector", 15), ("academia", 10), ("cso", 15)]
)
# Stages where citizens take part: whole chains and early stages are common (paras 10, 16).
_STAGES = _weighted(
    [
        (("design", "collection", "processing", "analysis", "uptake", "review"), 25),
        (("design", "collection", "processing", "analysis"), 12),
        (("design", "collection"), 14),
        (("collection",), 16),
        (("collection", "processing"), 8),
        (("design",), 5),
        (("collection", "analysis", "uptake"), 6),
        (("analysis", "uptake", "review"), 4),
        ((), 10),
    ]
)
_BOOLEANS = (True, False)
_OBJECTIVES = [o.value for o in Objective]
_PRINCIPLES = list(PRINCIPLE_KEYS)
_STATUSES = _weighted([("met", 50), ("partial", 25), ("not_met", 10), ("unknown", 15)])
_PRACTICES = [p.value for p in Practice]
_ASPECTS = [a.value for a in ParticipationAspect]
_LEVELS = _weighted([("none", 10), ("low", 25), ("medium", 40), ("high", 25)])
_COUNTRIES = ("KE", "CO", "PH", "GH", "NP", "MX", "DK", "UG", "BD", "PE", "ZA", "IN")
_TOPICS = (
    "air quality",
    "marine litter",
    "disability inclusion",
    "gender-based violence",
    "water points",
    "informal settlements",
    "youth employment",
    "land rights",
)


def _some(r: Callable[[], float], values: Sequence[Any], most: int) -> list[Any]:
    """Between one and ``most`` distinct values, in the table's order."""
    count = 1 + int(r() * most)
    picked = {int(r() * len(values)) for _ in range(count)}
    return [values[i] for i in sorted(picked)]


#: How many distinct declarations of principles, practices and participation each run draws
#: from: registries repeat the same few profiles, and drawing from a pool keeps generation fast.
_POOL = 512


class _Pools:
    """Per-run pools of declaration profiles, drawn from the run's own random stream."""

    __slots__ = ("objectives", "participation", "practices", "principles")

    def __init__(self, r: Callable[[], float]) -> None:
        def pick(table: Sequence[Any]) -> Any:
            return table[int(r() * len(table))]

        self.objectives = [_some(r, _OBJECTIVES, 2) for _ in range(64)]
        self.principles = [
            {name: pick(_STATUSES) for name in _some(r, _PRINCIPLES, 5)} for _ in range(_POOL)
        ]
        self.practices = [{p: r() < 0.7 for p in _some(r, _PRACTICES, 6)} for _ in range(_POOL)]
        self.participation = [
            {a: pick(_LEVELS) for a in _some(r, _ASPECTS, 3)} for _ in range(_POOL)
        ]


def _document(rng: random.Random, pools: _Pools, number: int) -> dict[str, Any]:
    r = rng.random

    def pick(table: Sequence[Any]) -> Any:
        return table[int(r() * len(table))]

    initiated_by = pick(_INITIATORS)
    doc: dict[str, Any] = {"name": f"Initiative {number:05d}", "initiated_by": list(initiated_by)}
    roll = r()
    if roll < 0.35:
        doc["partners"] = []
    elif roll < 0.9:
        count = 1 if roll < 0.7 else 2
        doc["partners"] = sorted({pick(_PARTNERS) for _ in range(count)})
    if r() < 0.4:
        doc["funders"] = [pick(_FUNDERS)]
    if r() < 0.8:
        doc["objectives"] = list(pick(pools.objectives))
    if r() < 0.8:
        doc["engaged_stages"] = list(pick(_STAGES))
    roll = r()
    if roll < 0.65:
        doc["meaningful_engagement"] = True
    elif roll < 0.75:
        doc["meaningful_engagement"] = False
    roll = r()
    if roll < 0.15:
        doc["integrated_into_official_statistics"] = True
    elif roll < 0.75:
        doc["integrated_into_official_statistics"] = False
    roll = r()
    if roll < 0.4:
        doc["quality_assured"] = True
    elif roll < 0.7:
        doc["quality_assured"] = False
    if r() < 0.4:
        doc["principles"] = dict(pick(pools.principles))
    if r() < 0.2:
        doc["practices"] = dict(pick(pools.practices))
    if r() < 0.2:
        doc["participation"] = dict(pick(pools.participation))
    if r() < 0.5:
        doc["country"] = pick(_COUNTRIES)
    if r() < 0.3:
        doc["description"] = f"Community monitoring of {pick(_TOPICS)}."
    return doc


def realistic_documents(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Yield ``n`` valid initiative documents in a realistic registry mix.

    Most are started by CSOs, communities or academia, some by NSOs, other state bodies or NHRIs
    (para 15); facts such as ``engaged_stages`` or ``quality_assured`` are often left out
    (unknown). Names run ``"Initiative 00001"``, ``"Initiative 00002"``...

    Args:
        n: How many documents.
        seed: The seed; the same seed gives the same documents.

    Yields:
        Plain documents (contract section 2), ready for `copenhagen.load_initiative`.
    """
    rng = random.Random(seed)
    pools = _Pools(rng.random)
    for number in range(1, n + 1):
        yield _document(rng, pools, number)


_ACTOR = {a.value: a for a in Actor}
_OBJECTIVE = {o.value: o for o in Objective}
_STAGE = {s.value: s for s in Stage}
_PRINCIPLE = {p.name.lower(): p for p in Principle}
_STATUS = {s.value: s for s in Status}
_PRACTICE = {p.value: p for p in Practice}
_ASPECT = {a.value: a for a in ParticipationAspect}
_LEVEL = {lv.value: lv for lv in ParticipationLevel}


_EMPTY: frozenset[Any] = frozenset()
_NO_MAP: FrozenMap[Any, Any] = FrozenMap()


def _members(table: Mapping[str, Any], values: Sequence[str] | None) -> frozenset[Any]:
    return frozenset([table[v] for v in values]) if values else _EMPTY


def _initiative(doc: dict[str, Any]) -> Initiative:
    get = doc.get
    stages = get("engaged_stages")
    principles = get("principles")
    practices = get("practices")
    participation = get("participation")
    return Initiative(
        name=doc["name"],
        initiated_by=_members(_ACTOR, doc["initiated_by"]),
        partners=_members(_ACTOR, get("partners")),
        funders=_members(_ACTOR, get("funders")),
        objectives=_members(_OBJECTIVE, get("objectives")),
        engaged_stages=None if stages is None else _members(_STAGE, stages),
        meaningful_engagement=get("meaningful_engagement"),
        integrated_into_official_statistics=get("integrated_into_official_statistics"),
        quality_assured=get("quality_assured"),
        principles=FrozenMap({_PRINCIPLE[k]: _STATUS[v] for k, v in principles.items()})
        if principles
        else _NO_MAP,
        description=get("description"),
        country=get("country"),
        extra=_NO_MAP,
        practices=FrozenMap({_PRACTICE[k]: v for k, v in practices.items()})
        if practices
        else _NO_MAP,
        participation=FrozenMap({_ASPECT[k]: _LEVEL[v] for k, v in participation.items()})
        if participation
        else _NO_MAP,
    )


def realistic_initiatives(n: int, seed: int = 0) -> Iterator[Initiative]:
    """Yield the initiatives of `realistic_documents` (same ``n`` and ``seed``), built directly.

    Args:
        n: How many initiatives.
        seed: The seed; the same seed gives the same initiatives.

    Yields:
        `Initiative` objects equal to what loading each document would give.
    """
    for doc in realistic_documents(n, seed):
        yield _initiative(doc)
