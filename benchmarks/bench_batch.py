"""The batch runner against the plain loop it replaces, measured in the same run.

Data: 5,000 JSON Lines records of a realistic registry mix (`copenhagen.synthetic`), with 1%
corrupt lines, held in memory so that only the work is timed.

- ``baseline``: the loop a user would write — ``json.loads``, ``load_initiative``, ``assess``,
  ``json.dumps(to_dict(), sort_keys=True)`` — with errors caught per line.
- ``run_batch``: the streaming runner.

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
from copenhagen.batch import run_batch
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


def runner(text: str) -> str:
    out = io.StringIO()
    run_batch(io.StringIO(text), out, input_fmt="jsonl")
    return out.getvalue()


VARIANTS: dict[str, Callable[[str], str]] = {"baseline": baseline, "run_batch": runner}


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
    """The runner against the plain loop, timed back to back."""
    runner(text)  # warm the assessment's caches for both sides alike
    ratio = _best(lambda: baseline(text)) / _best(lambda: runner(text))
    benchmark.group = "batch ratios"
    benchmark.extra_info["run_batch_speedup_over_baseline"] = round(ratio, 2)
    benchmark.pedantic(runner, args=(text,), rounds=1)
