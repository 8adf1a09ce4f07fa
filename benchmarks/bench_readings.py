"""The exact diff and the invariant check of a reading touching all three decisions.

Data: the shipped rules against ``benchmarks/layers/all-three.yaml`` (a scope rule, M4 replaced,
a modality rule reading scope, an NSO category rule reading scope with a warning). Reported:
seconds and the points of the abstract fact space enumerated, and, as a ratio measured in the
same run, the diff against a baseline that walks the same points deciding each one afresh on
both sides (`RuleSet.verdict` per point: what a diff without the per-class tables would do).
The two give the same pairs (checked outside the timing). No time is asserted.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest

from copenhagen import Assessor, diff, load_layer
from copenhagen.readings import check
from copenhagen.readings.comparing import result_of
from copenhagen.readings.space import Facts, PairSpace

LAYER = Path(__file__).resolve().parent / "layers" / "all-three.yaml"


@pytest.fixture(scope="module")
def readings() -> tuple[Assessor, Assessor]:
    return Assessor(), Assessor([load_layer(LAYER)])


def _afresh(a: Assessor, b: Assessor) -> tuple[set[Any], int]:
    """The baseline: every point of each decision's pair space, decided afresh on both sides."""
    pairs: set[Any] = set()
    points = 0
    for left, right in zip(a.decision_rule_sets, b.decision_rule_sets, strict=True):
        space = PairSpace(left, right)
        keys = space.keys
        for values in itertools.product(*(space.values[k] for k in keys)):
            point = Facts(zip(keys, values, strict=True))
            points += 1
            pair = (result_of(left, point), result_of(right, point))
            if pair[0] != pair[1]:
                pairs.add((left.id, pair))
    return pairs, points


def test_diff_of_the_shipped_rules_against_a_layer_touching_all_three_decisions(
    benchmark: Any, readings: tuple[Assessor, Assessor]
) -> None:
    a, b = readings
    found = diff(a, b)  # warm: imports and each side's tables built once before timing
    best = afresh = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        found = diff(a, b)
        best = min(best, time.perf_counter() - start)
        start = time.perf_counter()
        baseline, points = _afresh(a, b)
        afresh = min(afresh, time.perf_counter() - start)
    walked = {
        (
            rs.id,
            (
                (i["a"]["outcome"], i["a"]["determinate"]),
                (i["b"]["outcome"], i["b"]["determinate"]),
            ),
        )
        for rs in a.decision_rule_sets
        for i in found
        if i["decision"] == rs.id
    }
    assert walked == baseline
    assert points == found.points
    benchmark.group = "readings"
    benchmark.extra_info.update(
        {
            "seconds": round(best, 4),
            "points": found.points,
            "by_decision": {e.decision: e.points for e in found.examined},
            "differences": len(found),
            "afresh_seconds": round(afresh, 4),
            "ratio_afresh_to_diff": round(afresh / best, 2),
        }
    )
    print(
        f"\ndiff: {best:.3f} s for {found.points:,} points "
        f"({', '.join(f'{e.decision} {e.points:,}' for e in found.examined)}), "
        f"{len(found)} differences; deciding each point afresh: {afresh:.3f} s "
        f"({afresh / best:.1f} times as long)"
    )
    benchmark.pedantic(lambda: diff(a, b), rounds=3)


def test_check_of_a_layer_touching_all_three_decisions(
    benchmark: Any, readings: tuple[Assessor, Assessor]
) -> None:
    _, b = readings
    report = check(b)
    start = time.perf_counter()
    report = check(b)
    seconds = time.perf_counter() - start
    benchmark.group = "readings"
    benchmark.extra_info.update({"seconds": round(seconds, 4), "points": report.points})
    print(f"\ncheck: {seconds:.3f} s for {report.points:,} points; holds: {report.holds}")
    benchmark.pedantic(lambda: check(b), rounds=3)
