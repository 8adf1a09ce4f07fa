"""`copenhagen.tabular.assess_frame` against what a researcher would write instead, in one run.

Data: a 50,000-row DataFrame of a realistic registry mix (``pd.json_normalize`` of
`copenhagen.synthetic.realistic_documents`), built before timing.

- ``baseline``: the three decisions hand-vectorised in pandas, as a researcher fluent in it
  would write them for this frame: the list columns mapped to frozensets, boolean columns with
  their unknowns, and ``np.select`` over the rules' conditions (S1-S2, M1-M6, C0-C4), giving
  each decision's outcome by name, ``undecided`` or ``none``. It knows nothing of principles,
  recommendations, traces or invalid rows.
- ``assess_frame``: every result column, through a fresh `copenhagen.Assessor` each round
  (cold: nothing of the frame seen before), and through one assessor that has seen it (warm).

The ratios (the baseline's time over each variant's) are reported in ``extra_info`` and in
docs/performance/batch.md; the only assertion is that the variants agree on the three outcomes
of every row.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from copenhagen import Assessor
from copenhagen.framework.actors import CITIZEN_SIDE, STATE_SIDE, Actor
from copenhagen.synthetic import realistic_documents
from copenhagen.tabular import assess_frame

N = 50_000
DECISIONS = ("scope", "modality", "nso_category")

_CITIZEN = frozenset(a.value for a in CITIZEN_SIDE)
_STATE = frozenset(a.value for a in STATE_SIDE)
_OTHER = frozenset(a.value for a in Actor) - _CITIZEN - _STATE


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.json_normalize(list(realistic_documents(N, seed=7)))


def _sets(column: pd.Series[Any], unknown: object = frozenset()) -> pd.Series[Any]:
    return column.map(lambda v: frozenset(v) if isinstance(v, list) else unknown)


def _known(column: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(value is True, value is False) for a column of booleans with unknowns."""
    values = column.to_numpy(dtype=object)
    return values == True, values == False  # noqa: E712 - elementwise, unknowns neither


def baseline(frame: pd.DataFrame) -> pd.DataFrame:
    """The three decisions, hand-vectorised."""
    initiated = _sets(frame["initiated_by"])
    partners = _sets(frame["partners"])
    stages = _sets(frame["engaged_stages"], unknown=None)
    citizen = initiated.map(lambda s: not s.isdisjoint(_CITIZEN)).to_numpy(bool)
    only_citizens = initiated.map(lambda s: s <= _CITIZEN).to_numpy(bool)
    state = initiated.map(lambda s: not s.isdisjoint(_STATE)).to_numpy(bool)
    other = initiated.map(lambda s: not s.isdisjoint(_OTHER)).to_numpy(bool)
    nso = initiated.map(lambda s: "nso" in s).to_numpy(bool)
    citizen_partners = partners.map(lambda s: s <= _CITIZEN).to_numpy(bool)
    stages_known = stages.notna().to_numpy(bool)
    some_stage = stages.map(lambda s: bool(s) if s is not None else False).to_numpy(bool)
    meaningful, not_meaningful = _known(frame["meaningful_engagement"])
    integrated, not_integrated = _known(frame["integrated_into_official_statistics"])
    assured, not_assured = _known(frame["quality_assured"])

    in_scope = citizen | (some_stage & meaningful)
    out_of_scope = ~citizen & ((stages_known & ~some_stage) | not_meaningful)
    scope = np.select([in_scope, out_of_scope], ["in_scope", "out_of_scope"], "undecided")
    modality = np.select(
        [
            only_citizens & citizen_partners,
            only_citizens,
            citizen & state,
            citizen & other,
            out_of_scope,
            ~in_scope,
            nso,
        ],
        [
            "civic_action",
            "civic_driven_collaboration",
            "jointly_initiated_collaboration",
            "civic_driven_collaboration",
            "none",
            "undecided",
            "nso_driven_collaboration",
        ],
        "other_actor_driven_collaboration",
    )
    category = np.select(
        [
            out_of_scope,
            ~in_scope,
            integrated,
            not_integrated & assured,
            not_integrated & not_assured,
        ],
        ["none", "undecided", "integrated", "complementary", "independent"],
        "undecided",
    )
    return pd.DataFrame(
        {"scope": scope, "modality": modality, "nso_category": category}, index=frame.index
    )


def _seconds(run: Callable[[], object]) -> tuple[float, float]:
    """Wall time and this process's CPU time of one run (the cores here are shared)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def test_assess_frame_against_hand_vectorised(benchmark: Any, frame: pd.DataFrame) -> None:
    expected = baseline(frame)
    found = assess_frame(frame, assessor=Assessor())
    for decision in DECISIONS:
        assert found[decision].astype(str).tolist() == expected[decision].tolist(), decision

    warm = Assessor()
    assess_frame(frame, assessor=warm)
    # Interleaved, best of five each: the baseline, cold (a fresh assessor), warm.
    runs: dict[str, Callable[[], object]] = {
        "baseline": lambda: baseline(frame),
        "cold": lambda: assess_frame(frame, assessor=Assessor()),
        "warm": lambda: assess_frame(frame, assessor=warm),
    }
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(5):
        for name, run in runs.items():
            timings[name].append(_seconds(run))
    wall = {name: min(t[0] for t in found) for name, found in timings.items()}
    cpu = {name: min(t[1] for t in found) for name, found in timings.items()}
    benchmark.group = "tabular"
    benchmark.pedantic(assess_frame, args=(frame,), kwargs={"assessor": warm}, rounds=1)
    info = benchmark.extra_info
    info["rows"] = N
    info.update({f"{name}_s": round(t, 3) for name, t in wall.items()})
    info.update({f"{name}_cpu_s": round(t, 3) for name, t in cpu.items()})
    for name in ("cold", "warm"):
        info[f"ratio_{name}"] = round(wall["baseline"] / wall[name], 3)
        info[f"ratio_{name}_cpu"] = round(cpu["baseline"] / cpu[name], 3)
    print(info)
