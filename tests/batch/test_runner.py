"""`copenhagen.batch.runner`: assess_many and the streaming runner of ``copenhagen batch``."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import assess, dump_initiative, load_initiative
from copenhagen.assessor import Assessor
from copenhagen.batch import (
    BatchResult,
    Detail,
    assess_many,
    csv_columns,
    dumps_row,
    run_batch,
    runner,
)
from copenhagen.batch.rows import row
from copenhagen.documents import load_initiatives
from copenhagen.strategies import documents, invalid_documents
from copenhagen.synthetic import realistic_documents
from tests.variants import (
    FUNDED_ADVICE,
    FUNDED_BY_THE_STATE,
    M4_FUNDERS,
    PRIVATELY_FUNDED,
    STATE_FUNDED,
)

GOOD = {"name": "Water watch", "initiated_by": ["cso"]}


def test_assess_many_keeps_order_and_errors() -> None:
    bad = {"name": "Bad", "initiated_by": []}
    initiative = load_initiative(GOOD)
    results = list(assess_many([GOOD, bad, initiative, 42]))
    assert [r.position for r in results] == [1, 2, 3, 4]
    assert [r.ok for r in results] == [True, False, True, False]
    assert results[0].assessment == assess(initiative)
    assert results[1].errors
    assert results[1].errors[0][0] == "initiated_by"
    assert results[3].errors == (("(document)", "expected an initiative document, not int"),)
    assert results[1].to_dict() == {"position": 2, "errors": [list(e) for e in results[1].errors]}
    assert results[0].to_dict() == {"position": 1, **assess(initiative).to_dict()}


def test_assess_many_takes_load_results(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + '{"name": 3}\n', encoding="utf-8")
    results = list(assess_many(load_initiatives(path)))
    assert [(r.position, r.ok) for r in results] == [(1, True), (3, False)]


def test_assess_many_is_lazy() -> None:
    def endless() -> Any:
        while True:
            yield GOOD

    first = next(iter(assess_many(endless())))
    assert isinstance(first, BatchResult)
    assert first.ok


def run(text: str, **options: Any) -> tuple[str, Any, list[tuple[int, Any]]]:
    out = io.StringIO()
    errors: list[tuple[int, Any]] = []
    summary = run_batch(
        io.StringIO(text),
        out,
        input_fmt="jsonl",
        on_error=lambda position, _source, found, _line: errors.append((position, found)),
        **options,
    )
    return out.getvalue(), summary, errors


def test_one_percent_corrupt_loses_no_good_record() -> None:
    lines = []
    for number, document in enumerate(realistic_documents(500, seed=11), 1):
        lines.append(json.dumps(document)[:-3] if number % 100 == 0 else json.dumps(document))
    written, summary, errors = run("\n".join(lines) + "\n")
    rows = [json.loads(line) for line in written.splitlines()]
    assert len(rows) == 500
    assert [p for p, _ in errors] == [100, 200, 300, 400, 500]
    assert summary.invalid == 5
    assert summary.valid == 495
    assert all(("errors" in row) == (row["position"] % 100 == 0) for row in rows)


def test_summary_matches_the_rows() -> None:
    text = "".join(json.dumps(d) + "\n" for d in realistic_documents(200, seed=5))
    written, summary, _ = run(text)
    rows = [json.loads(line) for line in written.splitlines()]
    scope: dict[str, int] = {}
    for found in rows:
        key = found["scope"]["outcome"] if found["scope"]["determinate"] else "undecided"
        scope[key] = scope.get(key, 0) + 1
    assert dict(summary.scope) == scope
    assert sum(n for _, n in summary.modality) == 200
    last = [row[d]["rules"][-1] for row in rows for d in ("scope", "modality")]
    rules = dict(summary.rules)
    for rule in set(last):
        assert rules[rule] >= last.count(rule)
    for _, counts in summary.principles:
        assert sum(n for _, n in counts) == 200


@given(
    st.lists(st.one_of(documents(), invalid_documents().map(lambda pair: pair[0])), max_size=8),
    st.sampled_from(["compact", "full"]),
)
def test_rows_are_the_row_definition_of_each_assessment(
    batch: list[dict[str, Any]], detail: Detail
) -> None:
    text = "".join(json.dumps(d) + "\n" for d in batch)
    written, summary, errors = run(text, detail=detail)
    for line, document in zip(written.splitlines(), batch, strict=True):
        found = json.loads(line)
        if "errors" in found:
            continue
        assessment = assess(load_initiative(document))
        assert line == dumps_row(row(found["position"], assessment, detail))
    assert summary.invalid == len(errors)


def test_csv_output_from_the_runner() -> None:
    out = io.StringIO()
    run_batch(io.StringIO(json.dumps(GOOD) + "\n"), out, input_fmt="jsonl", output="csv")
    header, first = out.getvalue().splitlines()
    assert header.split(",") == list(csv_columns())
    assert first.startswith("1,Water watch,in_scope,true")


def test_hostile_1_a_record_that_is_a_string_is_one_bad_record_never_opened(
    tmp_path: Path,
) -> None:
    """Issue 12, item 1: a JSON Lines string naming a file, a folder or a FIFO is not opened."""
    import os

    secret = tmp_path / "secret.json"
    secret.write_text('{"api_key": "s3cr3t", "name": "leak"}', encoding="utf-8")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    lines = [json.dumps(str(secret)), json.dumps(GOOD), json.dumps(str(tmp_path))]
    lines += [json.dumps(str(fifo)), '"x\\u0000.json"', json.dumps(GOOD)]
    written, summary, _ = run("\n".join(lines) + "\n")
    rows = [json.loads(line) for line in written.splitlines()]
    assert [("errors" in row) for row in rows] == [True, False, True, True, True, False]
    assert all(r["errors"][0][1].startswith("expected a mapping") for r in rows if "errors" in r)
    assert "api_key" not in written
    assert (summary.valid, summary.invalid) == (2, 4)


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        ('=HYPERLINK("http://example.org","x")', '\'=HYPERLINK("http://example.org","x")'),
        ("+cmd", "'+cmd"),
        ("-1+1", "'-1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Water = life", "Water = life"),
    ],
)
def test_hostile_8_csv_cells_that_spreadsheets_run_are_neutralised(name: str, cell: str) -> None:
    out = io.StringIO()
    record = json.dumps({"name": name, "initiated_by": ["cso"]})
    run_batch(io.StringIO(record + "\n"), out, input_fmt="jsonl", output="csv")
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["name"] == cell
    kept = io.StringIO()
    run_batch(io.StringIO(record + "\n"), kept, input_fmt="jsonl", output="csv", keep_formulas=True)
    assert next(csv.DictReader(io.StringIO(kept.getvalue(), newline="")))["name"] == name
    rows = io.StringIO()
    run_batch(io.StringIO(record + "\n"), rows, input_fmt="jsonl")
    assert json.loads(rows.getvalue())["name"] == name  # JSON Lines keep every string as given


def test_max_errors_stops_the_run_with_the_summary_so_far() -> None:
    """Issue 13, item 15: every row up to the Nth bad record is written, then it stops."""
    from copenhagen.batch import BatchStopped

    lines = [json.dumps(GOOD), "{", json.dumps(GOOD), "{", json.dumps(GOOD), "{"]
    out = io.StringIO()
    with pytest.raises(BatchStopped) as stopped:
        run_batch(io.StringIO("\n".join(lines) + "\n"), out, input_fmt="jsonl", max_errors=2)
    assert [json.loads(row)["position"] for row in out.getvalue().splitlines()] == [1, 2, 3, 4]
    assert (stopped.value.summary.valid, stopped.value.summary.invalid) == (2, 2)
    # Exactly N bad records and nothing after them: the run is complete, nothing is stopped.
    complete = run_batch(io.StringIO("\n".join(lines[:4]) + "\n"), io.StringIO(), max_errors=2)
    assert complete.invalid == 2


# --- jobs: worker processes give the bytes one process gives ----------------------------------


def _registry(n: int, seed: int) -> list[str]:
    """JSON Lines of a seeded registry with the two initiatives the variant layers tell apart."""
    lines = [json.dumps(d) for d in realistic_documents(n, seed=seed)]
    lines[3:3] = [json.dumps(dump_initiative(i)) for i in (STATE_FUNDED, PRIVATELY_FUNDED)]
    lines[17] = "{broken"
    lines[40] = json.dumps({"name": "No initiators", "initiated_by": []})
    return lines


def _run_jobs(
    text: str, fmt: str, output: str, detail: str, assessor: Assessor, jobs: int
) -> tuple[str, Any, list[tuple[int, Any, Any]]]:
    out = io.StringIO()
    errors: list[tuple[int, Any, Any]] = []
    summary = run_batch(
        io.StringIO(text),
        out,
        input_fmt=fmt,  # type: ignore[arg-type]
        output=output,  # type: ignore[arg-type]
        detail=detail,  # type: ignore[arg-type]
        assessor=assessor,
        jobs=jobs,
        on_error=lambda position, _source, found, line: errors.append((position, found, line)),
    )
    return out.getvalue(), summary, errors


def test_jobs_give_the_bytes_of_one_process_for_every_output_and_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 11, item 3: ``jobs=2`` writes what ``jobs=1`` writes, a layered assessor too.

    ``tests/cli/test_batch_command.py`` checks the shipped rules through the command; here the
    runner itself, with an assessor of two layers, JSON Lines read as lines and a JSON array read
    as records, and small chunks so that both workers take many in turn.
    """
    monkeypatch.setattr(runner, "CHUNK", 23)
    lines = _registry(300, seed=31)
    sources = {
        "jsonl": "\n".join(lines) + "\n",
        "json": "[" + ", ".join(line for line in lines if line != "{broken") + "]",
    }
    layered = Assessor([M4_FUNDERS, FUNDED_ADVICE])
    outputs = {}
    for assessor in (layered, Assessor()):
        for fmt, text in sources.items():
            for output, detail in itertools.product(("jsonl", "csv"), ("compact", "full")):
                found = [_run_jobs(text, fmt, output, detail, assessor, jobs) for jobs in (1, 2)]
                assert found[0] == found[1], (assessor.layers, fmt, output, detail)
                written, summary, errors = found[0]
                assert summary.invalid == len(errors) == (2 if fmt == "jsonl" else 1)
                assert summary.records == len(lines) - (fmt == "json")
                outputs[assessor is layered, fmt, output, detail] = written
    # The layers' new readings are in the rows the workers wrote.
    for key, written in outputs.items():
        if key[2] == "csv":
            rows = list(csv.DictReader(io.StringIO(written, newline="")))
            name, modality = rows[3]["name"], rows[3]["modality"]
            ids = rows[3]["recommendations"].split(";")
        else:
            parsed = json.loads(written.splitlines()[3])
            name, modality = parsed["name"], parsed["modality"]["outcome"]
            ids = [r if isinstance(r, str) else r["id"] for r in parsed["recommendations"]]
        assert name == STATE_FUNDED.name
        layered_reading = modality in (3, "jointly_initiated_collaboration")
        assert layered_reading is key[0], key
        assert (FUNDED_BY_THE_STATE.id in ids) is key[0], key
