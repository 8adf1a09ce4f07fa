"""Classifier throughput against hand-written if/else baselines, measured in the same run.

Data: 100,000 initiatives of a realistic registry mix (`copenhagen.synthetic`), loaded before
timing. Each baseline computes the same outcomes as its classifier (checked outside the timing)
and is written as well as plain Python allows: enum members and actor sets bound to module
globals, frozenset operations (``isdisjoint``, ``<=``), no attribute read twice.

Target (issue 11): ``classify_modality`` at least half its baseline's rate. The ratio and the
absolute rates are reported in ``extra_info`` and in docs/performance/rules.md (a benchmark
reports; it asserts only that the two agree).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from copenhagen import (
    Actor,
    Initiative,
    Modality,
    NSOCategory,
    Scope,
    assess_scope,
    classify_modality,
    classify_nso_category,
)
from copenhagen.assessor import default_assessor
from copenhagen.framework.actors import CITIZEN_SIDE, STATE_SIDE
from copenhagen.synthetic import realistic_initiatives

N = 100_000

_CITIZEN = CITIZEN_SIDE
_STATE = STATE_SIDE
_NSO = Actor.NSO
_IN = Scope.IN_SCOPE
_OUT = Scope.OUT_OF_SCOPE
_M1 = Modality.CIVIC_ACTION
_M2 = Modality.CIVIC_DRIVEN_COLLABORATION
_M3 = Modality.JOINTLY_INITIATED_COLLABORATION
_M5 = Modality.NSO_DRIVEN_COLLABORATION
_M6 = Modality.OTHER_ACTOR_DRIVEN_COLLABORATION
_C1 = NSOCategory.INTEGRATED
_C2 = NSOCategory.COMPLEMENTARY
_C3 = NSOCategory.INDEPENDENT


def scope_baseline(i: Initiative) -> Scope | None:
    if not _CITIZEN.isdisjoint(i.initiated_by):
        return _IN
    stages = i.engaged_stages
    meaningful = i.meaningful_engagement
    if (stages is not None and not stages) or meaningful is False:
        return _OUT
    if stages and meaningful:
        return _IN
    return None


def modality_baseline(i: Initiative) -> Modality | None:
    initiators = i.initiated_by
    if _CITIZEN.isdisjoint(initiators):
        stages = i.engaged_stages
        if not stages or i.meaningful_engagement is not True:
            return None  # out of scope, or scope undecided: no outcome either way
        return _M5 if _NSO in initiators else _M6
    if initiators <= _CITIZEN:
        return _M1 if i.partners <= _CITIZEN else _M2
    return _M2 if _STATE.isdisjoint(initiators) else _M3


def category_baseline(i: Initiative) -> NSOCategory | None:
    if _CITIZEN.isdisjoint(i.initiated_by) and not (
        i.engaged_stages and i.meaningful_engagement is True
    ):
        return None  # out of scope, or scope undecided
    integrated = i.integrated_into_official_statistics
    if integrated:
        return _C1
    if integrated is False:
        assured = i.quality_assured
        if assured:
            return _C2
        if assured is False:
            return _C3
    return None


CASES: dict[str, tuple[Callable[[Initiative], Any], Callable[[Initiative], Any]]] = {
    "assess_scope": (assess_scope, scope_baseline),
    "classify_modality": (classify_modality, modality_baseline),
    "classify_nso_category": (classify_nso_category, category_baseline),
}


@pytest.fixture(scope="module")
def initiatives() -> list[Initiative]:
    data = list(realistic_initiatives(N, seed=0))
    default_assessor().cache_clear()
    for classify, baseline in CASES.values():
        # Same outcomes, checked outside the timing; this also warms the caches.
        assert [classify(i).outcome for i in data] == [baseline(i) for i in data]
    return data


def _loop(function: Callable[[Initiative], Any], data: list[Initiative]) -> Callable[[], None]:
    def run() -> None:
        for initiative in data:
            function(initiative)

    return run


def _best_rate(function: Callable[[Initiative], Any], data: list[Initiative]) -> float:
    run = _loop(function, data)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return len(data) / best


@pytest.mark.parametrize("name", list(CASES))
def test_rules(benchmark: Any, initiatives: list[Initiative], name: str) -> None:
    classify, _ = CASES[name]
    benchmark.group = name
    benchmark.pedantic(_loop(classify, initiatives), rounds=7, warmup_rounds=1)
    benchmark.extra_info["per_second"] = round(len(initiatives) / benchmark.stats.stats.min)


@pytest.mark.parametrize("name", list(CASES))
def test_baseline(benchmark: Any, initiatives: list[Initiative], name: str) -> None:
    _, baseline = CASES[name]
    benchmark.group = name
    benchmark.pedantic(_loop(baseline, initiatives), rounds=7, warmup_rounds=1)
    benchmark.extra_info["per_second"] = round(len(initiatives) / benchmark.stats.stats.min)


@pytest.mark.parametrize("name", list(CASES))
def test_ratio_to_baseline(benchmark: Any, initiatives: list[Initiative], name: str) -> None:
    """Classifier and baseline timed alternately in this one test; the ratio is the target."""
    classify, baseline = CASES[name]
    rules = base = 0.0
    for _ in range(3):
        rules = max(rules, _best_rate(classify, initiatives))
        base = max(base, _best_rate(baseline, initiatives))
    ratio = rules / base
    benchmark.group = f"{name} ratio"
    benchmark.extra_info.update(
        {"rules_per_second": round(rules), "baseline_per_second": round(base), "ratio": ratio}
    )
    print(f"\n{name}: {rules:,.0f}/s, baseline {base:,.0f}/s, ratio {ratio:.2f}")
    benchmark.pedantic(_loop(classify, initiatives[:1_000]), rounds=1)
