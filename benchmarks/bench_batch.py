"""The batch runner against the plain loop it replaces, measured in the same run.

Data: 5,000 JSON Lines records of a realistic registry mix (`copenhagen.synthetic`), with 1%
corrupt lines, held in memory so that only the work is timed.

- ``baseline``: the loop a user would write — ``json.loads``, ``load_initiative``, ``assess``,
  ``json.dumps(to_dict(), sort_keys=True)`` — with errors caught per line.
- ``run_batch``: the streaming runner with its fast paths (`copenhagen._rows.RawRows` for plainly
  valid JSON Lines records, `RowWriter` for the rest; the same bytes).
- ``general``: the runner with the fast paths off.
- ``row writer`` / ``dumps(to_dict())``: writing rows for pre-assessed initiatives, the part the
  fast path replaces.

Ratios are reported in ``extra_info`` and in docs/performance/batch.md; the only assertions are
that each variant writes the same rows as the baseline.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from copenhagen import assess, load_initiative
from copenhagen.batch import RowWriter, dumps_row, run_batch
from copenhagen.documents import InvalidInitiativeError
from copenhagen.synthetic import realistic_documents

N = 5_000


@pytest.fixture(scope="module")
def text() -> str:
    lines = []
    for number, document in enumerate(realistic_documents(N, seed=7), 1):
        line = json.dumps(document)
        lines.append(line[:-5] if number % 100 == 0 else line)
    return "\n".join(lines) + "\n"


def baseline(text: str) -> str:
    out = io.StringIO()
    for number, line in enumerate(text.splitlines(), 1):
        try:
            initiative = load_initiative(json.loads(line))
        except (ValueError, InvalidInitiativeError) as error:
            errors = getattr(error, "errors", (("(document)", str(error)),))
            out.write(json.dumps({"position": number, "errors": errors}, sort_keys=True) + "\n")
            continue
        row = {"position": number, **assess(initiative).to_dict()}
        out.write(json.dumps(row, sort_keys=True) + "\n")
    return out.getvalue()


def runner(fast: bool) -> Callable[[str], str]:
    def run(text: str) -> str:
        out = io.StringIO()
        run_batch(io.StringIO(text), out, input_fmt="jsonl", fast=fast)
        return out.getvalue()

    return run


VARIANTS: dict[str, Callable[[str], str]] = {
    "baseline": baseline,
    "run_batch": runner(True),
    "general": runner(False),
}


def _good_rows(written: str) -> list[str]:
    return [line for line in written.splitlines() if not line.startswith('{"errors"')]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_end_to_end(benchmark: Any, text: str, name: str) -> None:
    run = VARIANTS[name]
    benchmark.group = "batch end to end"
    written = benchmark.pedantic(run, args=(text,), rounds=3, warmup_rounds=1)
    benchmark.extra_info["records_per_second"] = round(N / benchmark.stats.stats.min)
    assert _good_rows(written) == _good_rows(baseline(text))


def _best(run: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def test_ratios(benchmark: Any, text: str) -> None:
    """Runner and row writer against their baselines, timed back to back."""
    fast = runner(True)
    fast(text)  # warm the assessment's caches for both sides alike
    fast_seconds = _best(lambda: fast(text))
    ratio_end_to_end = _best(lambda: baseline(text)) / fast_seconds
    ratio_general = _best(lambda: runner(False)(text)) / fast_seconds

    assessments = [assess(load_initiative(d)) for d in realistic_documents(N, seed=7)]
    writer = RowWriter()
    writer.usable(assessments[0])

    def rows_fast() -> None:
        for n, a in enumerate(assessments, 1):
            writer.row(n, a)

    def rows_general() -> None:
        for n, a in enumerate(assessments, 1):
            dumps_row({"position": n, **a.to_dict()})

    ratio_rows = _best(rows_general) / _best(rows_fast)
    benchmark.group = "batch ratios"
    benchmark.extra_info.update(
        {
            "run_batch_speedup_over_baseline": round(ratio_end_to_end, 2),
            "run_batch_speedup_over_its_general_path": round(ratio_general, 2),
            "row_writer_speedup_over_dumps_to_dict": round(ratio_rows, 2),
        }
    )
    benchmark.pedantic(rows_fast, rounds=1)
