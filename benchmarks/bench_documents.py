"""Structuring 100,000 documents from mappings, against a hand-written constructor baseline.

Target (issue 3): `load_initiative` on mappings runs at least half as fast as the baseline,
measured in the same run. Run with `make bench`; figures go to docs/performance/documents.md.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from copenhagen import Actor, Initiative, Objective, Principle, Stage, Status, load_initiative
from copenhagen.documents._converter import structure_document

N = 100_000

# A registry-like mix: mostly CSO- and academia-led, the same few sets again and again.
INITIATORS = [["cso"], ["cso"], ["community", "cso"], ["academia"], ["nso"], ["nso", "cso"]]
PARTNERS = [[], ["nso"], ["academia"], ["cso", "citizens"], ["international"]]
STAGES = [None, [], ["collection"], ["design", "collection", "analysis"], ["collection", "uptake"]]
OBJECTIVES = [["raise_awareness"], ["complement_official_data", "monitor_services"], []]
FLAGS = [True, False, None]


def make_documents(n: int, seed: int = 0) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    documents = []
    for index in range(n):
        document: dict[str, Any] = {
            "name": f"initiative {index}",
            "initiated_by": rnd.choice(INITIATORS),
            "partners": rnd.choice(PARTNERS),
            "objectives": rnd.choice(OBJECTIVES),
            "meaningful_engagement": rnd.choice(FLAGS),
            "quality_assured": rnd.choice(FLAGS),
            "country": rnd.choice(["KE", "GH", "PH", None]),
        }
        stages = rnd.choice(STAGES)
        if stages is not None:
            document["engaged_stages"] = stages
        if rnd.random() < 0.3:
            document["principles"] = {"informed_consent": "met", "openness": "partial"}
        documents.append(document)
    return documents


def baseline(document: dict[str, Any]) -> Initiative:
    """The obvious hand-written constructor call: no checks, `Enum(value)` look-ups."""
    stages = document.get("engaged_stages")
    return Initiative(
        name=document["name"],
        initiated_by=frozenset(Actor(v) for v in document["initiated_by"]),
        partners=frozenset(Actor(v) for v in document.get("partners") or ()),
        funders=frozenset(Actor(v) for v in document.get("funders") or ()),
        objectives=frozenset(Objective(v) for v in document.get("objectives") or ()),
        engaged_stages=None if stages is None else frozenset(Stage(v) for v in stages),
        meaningful_engagement=document.get("meaningful_engagement"),
        integrated_into_official_statistics=document.get("integrated_into_official_statistics"),
        quality_assured=document.get("quality_assured"),
        principles={
            Principle[key.upper()]: Status(value)
            for key, value in (document.get("principles") or {}).items()
        },
        description=document.get("description"),
        country=document.get("country"),
        extra=document.get("extra") or {},
    )


ACTOR = {m.value: m for m in Actor}
OBJECTIVE = {m.value: m for m in Objective}
STAGE = {m.value: m for m in Stage}
STATUS = {m.value: m for m in Status}
PRINCIPLE = {m.name.lower(): m for m in Principle}


def tuned_baseline(document: dict[str, Any]) -> Initiative:
    """The same call with enum values looked up in dicts: a stronger baseline, still no checks."""
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
        extra=document.get("extra") or {},
    )


DOCUMENTS = make_documents(N)


def run(build: Callable[[dict[str, Any]], Initiative]) -> list[Initiative]:
    return [build(document) for document in DOCUMENTS]


def best_of(build: Callable[[dict[str, Any]], Initiative], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(build)
        times.append(time.perf_counter() - start)
    return min(times)


def test_results_agree() -> None:
    assert run(load_initiative) == run(baseline) == run(tuned_baseline)


@pytest.mark.benchmark(group="documents")
def test_bench_baseline_constructor(benchmark: Any) -> None:
    benchmark.pedantic(run, args=(baseline,), rounds=3, iterations=1)
    benchmark.extra_info["documents_per_second"] = round(N / benchmark.stats.stats.min)


@pytest.mark.benchmark(group="documents")
def test_bench_load_initiative(benchmark: Any) -> None:
    benchmark.pedantic(run, args=(load_initiative,), rounds=3, iterations=1)
    loaded_rate = N / benchmark.stats.stats.min
    baseline_rate = N / best_of(baseline)
    tuned_rate = N / best_of(tuned_baseline)
    ratio = loaded_rate / baseline_rate
    benchmark.extra_info.update(
        documents_per_second=round(loaded_rate),
        baseline_per_second=round(baseline_rate),
        tuned_baseline_per_second=round(tuned_rate),
        ratio_to_baseline=round(ratio, 2),
        ratio_to_tuned_baseline=round(loaded_rate / tuned_rate, 2),
    )
    print(
        f"\nload_initiative {loaded_rate:,.0f}/s, baseline {baseline_rate:,.0f}/s, "
        f"ratio {ratio:.2f} (target >= 0.5); tuned baseline {tuned_rate:,.0f}/s, "
        f"ratio {loaded_rate / tuned_rate:.2f}"
    )


@pytest.mark.benchmark(group="documents")
def test_bench_full_checking_path(benchmark: Any) -> None:
    """The error-collecting path alone (what a document that fails the fast path goes through)."""
    benchmark.pedantic(run, args=(structure_document,), rounds=3, iterations=1)
    full_rate = N / benchmark.stats.stats.min
    baseline_rate = N / best_of(baseline)
    benchmark.extra_info.update(
        documents_per_second=round(full_rate),
        baseline_per_second=round(baseline_rate),
        ratio_to_baseline=round(full_rate / baseline_rate, 2),
    )
    print(
        f"\nfull checking path {full_rate:,.0f}/s, baseline {baseline_rate:,.0f}/s, "
        f"ratio {full_rate / baseline_rate:.2f}"
    )
