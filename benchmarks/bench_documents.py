"""Structuring documents: seen patterns against ``json.loads``, and the checks' costs.

Data: the seeded registry of `copenhagen.synthetic.realistic_documents` as JSON Lines (about
350 bytes a line), held in memory so that only the work is timed.

Targets (issue "One assessor", item 3; issue "Hostile input", speed): a record whose raw facts
were seen before costs a few look-ups, so `structure_initiative` on a seen pattern costs no more
than about the ``json.loads`` of its line, measured in the same process; and the reading checks
(repeated keys, byte order mark, limits) keep `parse_json` close to ``json.loads``.

Every figure is a ratio within one run (rounds interleaved, best of each), so it holds on a
busy machine; the only assertions are that the variants build equal initiatives. Run with
``make bench``, or ``python benchmarks/bench_documents.py`` for a quick table; figures go to
docs/performance/documents.md.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from copenhagen import Actor, Initiative, Objective, Principle, Stage, Status
from copenhagen.documents import structure_initiative
from copenhagen.documents._converter import FIELD_TYPES, build_converter
from copenhagen.documents.parsing import parse_json
from copenhagen.synthetic import realistic_documents

N = 20_000
LINES = [json.dumps(document) for document in realistic_documents(N, seed=3)]
PARSED = [json.loads(line) for line in LINES]

ACTOR = {m.value: m for m in Actor}
OBJECTIVE = {m.value: m for m in Objective}
STAGE = {m.value: m for m in Stage}
STATUS = {m.value: m for m in Status}
PRINCIPLE = {m.name.lower(): m for m in Principle}


def hand_written(document: dict[str, Any]) -> Initiative:
    """The constructor call a user would write instead: dict look-ups, no checks at all."""
    from copenhagen.framework import ParticipationAspect, ParticipationLevel, Practice

    stages = document.get("engaged_stages")
    return Initiative(
        name=document["name"],
        initiated_by=frozenset([ACTOR[v] for v in document["initiated_by"]]),
        partners=frozenset([ACTOR[v] for v in document.get("partners") or ()]),
        funders=frozenset([ACTOR[v] for v in document.get("funders") or ()]),
        objectives=frozenset([OBJECTIVE[v] for v in document.get("objectives") or ()]),
        engaged_stages=None if stages is None else frozenset([STAGE[v] for v in stages]),
        meaningful_engagement=document.get("meaningful_engagement"),
        integrated_into_official_statistics=document.get("integrated_into_official_statistics"),
        quality_assured=document.get("quality_assured"),
        principles={
            PRINCIPLE[key]: STATUS[value]
            for key, value in (document.get("principles") or {}).items()
        },
        description=document.get("description"),
        country=document.get("country"),
        practices={Practice(k): v for k, v in (document.get("practices") or {}).items()},
        participation={
            ParticipationAspect(k): ParticipationLevel(v)
            for k, v in (document.get("participation") or {}).items()
        },
    )


_COLD = build_converter()
_COLD_MEMOS = [
    hook.remembered
    for hook in {_COLD.get_structure_hook(kind) for kind in FIELD_TYPES.values()}
    if hasattr(hook, "remembered")
]


def cold(document: dict[str, Any]) -> Initiative:
    """A converter that remembers nothing: every pattern is new (the first record of a kind)."""
    for memo in _COLD_MEMOS:
        memo.clear()
    return _COLD.structure(document, Initiative)  # type: ignore[no-any-return]


def _each(work: Callable[[Any], Any], items: Iterable[Any]) -> None:
    for item in items:
        work(item)


def interleaved(
    variants: dict[str, tuple[Callable[[Any], Any], list[Any]]], rounds: int = 9
) -> dict[str, float]:
    """Microseconds per item of each variant: the best of ``rounds``, rounds interleaved."""
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(rounds):
        for name, (work, items) in variants.items():
            # CPU time of this thread: other processes on the shared cores do not count.
            start = time.thread_time()
            _each(work, items)
            best[name] = min(best[name], time.thread_time() - start)
    return {name: best[name] / len(variants[name][1]) * 1e6 for name in variants}


def figures() -> dict[str, float]:
    """Every figure of this file: µs per record, and the ratios to ``json.loads``."""
    for document in PARSED:  # every pattern seen once
        structure_initiative(document)
    sample = PARSED[:2_000]
    # What constructing the Initiative alone costs: its fields, already structured.
    fields = [
        {key: getattr(initiative, key) for key, value in document.items() if value is not None}
        for document, initiative in zip(PARSED, map(structure_initiative, PARSED), strict=True)
    ]
    times = interleaved(
        {
            "json.loads": (json.loads, LINES),
            "parse_json": (parse_json, LINES),
            "structure_initiative (seen)": (structure_initiative, PARSED),
            "Initiative(**fields) alone": (lambda values: Initiative(**values), fields),
            "hand-written constructor": (hand_written, PARSED),
            "structure_initiative (cold converter)": (cold, sample),
        }
    )
    floor = times["json.loads"]
    ratios = {f"{name} / json.loads": value / floor for name, value in times.items()}
    return {**times, **ratios}


def test_variants_agree() -> None:
    for document in PARSED[:2_000]:
        assert structure_initiative(document) == hand_written(document) == cold(document)
    for line, document in zip(LINES[:2_000], PARSED, strict=False):
        assert parse_json(line) == document


@pytest.mark.benchmark(group="documents")
def test_bench_seen_patterns_against_json_loads(benchmark: Any) -> None:
    results = figures()
    benchmark.pedantic(_each, args=(structure_initiative, PARSED), rounds=3, iterations=1)
    benchmark.extra_info.update({name: round(value, 3) for name, value in results.items()})
    for name, value in results.items():
        print(f"{name:<48} {value:8.2f}")


if __name__ == "__main__":
    for name, value in figures().items():
        unit = "" if "/" in name else " µs per record"
        print(f"{name:<48} {value:8.2f}{unit}")
