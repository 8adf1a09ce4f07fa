"""The batch runner against its floor and against the plain loop, measured in the same run.

Data: 20,000 JSON Lines records of a realistic registry mix (`copenhagen.synthetic`), with 1%
corrupt lines, held in memory so that only the work is timed.

- ``floor``: parse each line and write a pre-built row of the same detail (the first record's,
  with this record's name and position): what reading and writing alone cost, the floor of
  issue "One assessor" (`batch_floor.py` is the same as a whole process, `batch_ratio.py` times
  both as whole processes).
- ``loop``: what a user would write without the batch — ``json.loads``, ``load_initiative``,
  ``assess``, the row definition's ``row`` and ``dumps_row`` — with errors caught per line.
- ``run_batch``: the streaming runner, compact and full rows, with a fresh `Assessor` (cold) and
  with one that has seen the registry (warm).

Ratios (floor time / runner time, loop time / runner time) are reported in ``extra_info`` and on
the performance page; the only assertions are that the runner writes the rows of the row
definition.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

from copenhagen import Assessor, load_initiative
from copenhagen.batch import run_batch
from copenhagen.batch.rows import Detail, bad_row, dumps_row, row
from copenhagen.documents import InvalidInitiativeError
from copenhagen.synthetic import realistic_documents

N = 20_000
DETAILS: tuple[Detail, ...] = ("compact", "full")


@pytest.fixture(scope="module")
def text() -> str:
    lines = []
    for number, document in enumerate(realistic_documents(N, seed=7), 1):
        line = json.dumps(document)
        lines.append(line[:-5] if number % 100 == 0 else line)
    return "\n".join(lines) + "\n"


def floor(text: str, detail: Detail) -> str:
    """Parse every line; write the first record's row with each record's name and position."""
    first = json.loads(text[: text.index("\n")])
    prebuilt = dumps_row(row(0, Assessor().assess(load_initiative(first)), detail))
    head, _, rest = prebuilt.partition(json.dumps(first["name"]))
    middle, _, tail = rest.partition('"position": 0')
    middle += '"position": '
    out, pending, loads, dumps = io.StringIO(), [], json.loads, json.dumps
    for number, line in enumerate(text.splitlines(), 1):
        try:
            document = loads(line)
        except ValueError:
            continue
        pending.append("".join((head, dumps(document["name"]), middle, str(number), tail)))
        if len(pending) >= 64:
            out.write("\n".join(pending) + "\n")
            pending.clear()
    out.write("\n".join(pending) + "\n")
    return out.getvalue()


def loop(text: str, detail: Detail) -> str:
    """The loop a user would write: load, assess and write each record in turn."""
    assessor, out = Assessor(), io.StringIO()
    for number, line in enumerate(text.splitlines(), 1):
        try:
            initiative = load_initiative(json.loads(line))
        except (ValueError, InvalidInitiativeError) as error:
            errors = getattr(error, "errors", (("(document)", str(error)),))
            out.write(dumps_row(bad_row(number, errors)) + "\n")
            continue
        out.write(dumps_row(row(number, assessor.assess(initiative), detail)) + "\n")
    return out.getvalue()


def runner(text: str, detail: Detail, assessor: Assessor | None = None) -> str:
    out = io.StringIO()
    run_batch(
        io.StringIO(text), out, input_fmt="jsonl", detail=detail, assessor=assessor or Assessor()
    )
    return out.getvalue()


def _good_rows(written: str) -> list[str]:
    return [line for line in written.splitlines() if not line.startswith('{"errors"')]


def _best(run: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("detail", DETAILS)
def test_run_batch(benchmark: Any, text: str, detail: Detail) -> None:
    benchmark.group = f"batch {detail}"
    written = benchmark.pedantic(runner, args=(text, detail), rounds=3, warmup_rounds=0)
    benchmark.extra_info["records_per_second_cold"] = round(N / benchmark.stats.stats.min)
    assert _good_rows(written) == _good_rows(loop(text, detail))


@pytest.mark.parametrize("detail", DETAILS)
def test_ratios(benchmark: Any, text: str, detail: Detail) -> None:
    """The runner (cold and warm) against the floor and the loop, timed back to back."""
    warm = Assessor()
    runner(text, detail, warm)
    times = {
        "floor": _best(lambda: floor(text, detail)),
        "loop": _best(lambda: loop(text, detail), rounds=1),
        "cold": _best(lambda: runner(text, detail)),
        "warm": _best(lambda: runner(text, detail, warm)),
    }
    benchmark.group = f"batch ratios {detail}"
    info = benchmark.extra_info
    info["cold_to_floor"] = round(times["floor"] / times["cold"], 3)
    info["warm_to_floor"] = round(times["floor"] / times["warm"], 3)
    info["cold_speedup_over_loop"] = round(times["loop"] / times["cold"], 2)
    info["seconds"] = {name: round(seconds, 3) for name, seconds in times.items()}
    benchmark.pedantic(runner, args=(text, detail, warm), rounds=1)
