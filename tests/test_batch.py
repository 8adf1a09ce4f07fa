"""`copenhagen.batch`: assess_many, CSV reading and the streaming runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import assess, load_initiative
from copenhagen.batch import (
    CSV_COLUMNS,
    BatchResult,
    assess_many,
    csv_documents,
    dumps_row,
    flatten_row,
    read_records,
    run_batch,
)
from copenhagen.documents import load_initiatives
from copenhagen.strategies import documents, invalid_documents
from copenhagen.synthetic import realistic_documents

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


# --------------------------------------------------------------------------- CSV


def read_csv(text: str) -> list[tuple[int, dict[str, Any], tuple[tuple[str, str], ...]]]:
    return list(csv_documents(io.StringIO(text)))


def test_csv_cells() -> None:
    rows = read_csv(
        "name,initiated_by,partners,funders,engaged_stages,meaningful_engagement,"
        "principles.informed_consent,practices.secure_storage,participation.extent,extra.url,"
        "description\n"
        "A,cso; community ,[],,design;collection,TRUE,met,false,high,http://x, two  spaces \n"
    )
    number, document, problems = rows[0]
    assert number == 1
    assert problems == ()
    assert document == {
        "name": "A",
        "initiated_by": ["cso", "community"],
        "partners": [],
        "engaged_stages": ["design", "collection"],
        "meaningful_engagement": True,
        "principles": {"informed_consent": "met"},
        "practices": {"secure_storage": False},
        "participation": {"extent": "high"},
        "extra": {"url": "http://x"},
        "description": " two  spaces ",
    }
    assert "funders" not in document  # empty cell: unknown, absent
    assert load_initiative(document).partners == frozenset()


def test_csv_bad_cells_are_reported_by_the_loader_with_paths() -> None:
    text = "name,initiated_by,meaningful_engagement,colour\nA,cso,yes,red\nB,cso,,,extra cell\n"
    records = list(read_records_from_text(text, "csv"))
    assert not records[0].initiative
    paths = [path for path, _ in records[0].errors]
    assert "meaningful_engagement" in paths
    assert "colour" in paths
    assert records[1].errors[0] == ("(document)", "the row has 1 more cell(s) than the header")


def read_records_from_text(text: str, fmt: str) -> Any:
    return read_records(io.StringIO(text), fmt)  # type: ignore[arg-type]


def test_csv_output_columns() -> None:
    result = assess(load_initiative(GOOD)).to_dict()
    cells = flatten_row({"position": 7, **result})
    row = dict(zip(CSV_COLUMNS, cells, strict=True))
    assert row["position"] == "7"
    assert row["name"] == "Water watch"
    assert row["scope"] == "in_scope"
    assert row["scope_determinate"] == "true"
    assert row["nso_category_missing"] == "integrated_into_official_statistics;quality_assured"
    bad = dict(
        zip(CSV_COLUMNS, flatten_row({"position": 2, "errors": [["a", "b;c"]]}), strict=True)
    )
    assert json.loads(bad["errors"]) == [["a", "b;c"]]
    assert bad["name"] == ""


# --------------------------------------------------------------------------- reading


def test_jsonl_reading_equals_the_documents_loader(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(GOOD), "{broken", "", "[1, 2]", json.dumps({"name": "x"}), "null"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ours = [(r.position, r.initiative, r.errors) for r in read_records(path)]
    theirs = [(r.position, r.initiative, r.errors) for r in load_initiatives(path)]
    assert ours == theirs


def test_json_and_yaml_inputs(tmp_path: Path) -> None:
    array = tmp_path / "r.json"
    array.write_text(json.dumps([GOOD, {"name": "b"}]), encoding="utf-8")
    assert [r.initiative is not None for r in read_records(array)] == [True, False]
    stream = tmp_path / "r.yaml"
    stream.write_text("name: a\ninitiated_by: [cso]\n---\nname: b\n", encoding="utf-8")
    assert [r.initiative is not None for r in read_records(stream)] == [True, False]
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    (only,) = read_records(broken)
    assert only.initiative is None
    assert "not valid JSON" in only.errors[0][1]


# --------------------------------------------------------------------------- the runner


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
    for row in rows:
        key = row["scope"]["outcome"] if row["scope"]["determinate"] else "undecided"
        scope[key] = scope.get(key, 0) + 1
    assert dict(summary.scope) == scope
    assert sum(n for _, n in summary.modality) == 200
    last = [row[d]["trace"][-1]["rule"] for row in rows for d in ("scope", "modality")]
    rules = dict(summary.rules)
    for rule in set(last):
        assert rules[rule] >= last.count(rule)
    for _, counts in summary.principles:
        assert sum(n for _, n in counts) == 200


@given(st.lists(st.one_of(documents(), invalid_documents().map(lambda pair: pair[0])), max_size=8))
def test_rows_are_dumps_of_to_dict(batch: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(d) + "\n" for d in batch)
    written, summary, errors = run(text)
    for line, document in zip(written.splitlines(), batch, strict=True):
        row = json.loads(line)
        if "errors" in row:
            continue
        expected = {"position": row["position"], **assess(load_initiative(document)).to_dict()}
        assert line == dumps_row(expected)
    assert summary.invalid == len(errors)


def test_csv_output_from_the_runner() -> None:
    out = io.StringIO()
    run_batch(io.StringIO(json.dumps(GOOD) + "\n"), out, input_fmt="jsonl", output="csv")
    header, row = out.getvalue().splitlines()
    assert header.split(",") == list(CSV_COLUMNS)
    assert row.startswith("1,Water watch,in_scope,true")


# --------------------------------------------------------------------------- hostile input


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


def test_hostile_6_a_csv_cell_past_the_limit_is_one_bad_record() -> None:
    """Issue 12, item 6: the record after an oversized cell (even a multi-line one) still reads."""
    huge = "x" * 200_000
    text = f'name,initiated_by,description\nA,cso,ok\nB,cso,"{huge}\nsecond line"\nC,cso,\n'
    records = list(read_records_from_text(text, "csv"))
    assert [r.position for r in records] == [1, 2, 3]
    assert [r.initiative is not None for r in records] == [True, False, True]
    assert records[1].errors[0][1].startswith("a cell is longer than 131,072 characters")
    assert records[2].initiative is not None
    assert records[2].initiative.name == "C"
    assert [r.line for r in records] == [2, 3, 5]


def test_hostile_12_csv_name_cells_are_kept_as_given() -> None:
    text = "name,initiated_by,country\n  Two  spaces ,cso, KE \n"
    (record,) = read_records_from_text(text, "csv")
    assert record.initiative is not None
    assert record.initiative.name == "  Two  spaces "
    assert record.initiative.country == "KE"


def test_csv_records_name_the_line_they_start_on() -> None:
    """Issue 13, item 18: the physical line, as a spreadsheet shows it (header = line 1)."""
    text = 'name,initiated_by,description\nA,cso,"two\nlines"\n\nB,partner,x\n'
    records = list(read_records_from_text(text, "csv"))
    assert [(r.position, r.line) for r in records] == [(1, 2), (2, 5)]


def test_a_csv_column_named_twice_is_a_problem_of_every_record() -> None:
    text = "name,initiated_by,name\nA,cso,B\n"
    (record,) = read_records_from_text(text, "csv")
    assert record.errors == (
        (
            "(document)",
            "the header names the column 'name' 2 times (columns 1, 3); give each column once",
        ),
    )


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


def test_neutralise_follows_the_owasp_rule() -> None:
    from copenhagen.batch.cells import FORMULA_STARTS, neutralise

    assert frozenset("=+-@\t\r") == FORMULA_STARTS
    assert [neutralise(t) for t in ("=1", "", "a=1", "'=1")] == ["'=1", "", "a=1", "'=1"]


def test_hostile_12_folder_entries_that_are_not_files_are_bad_records(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (folder / "b.json").mkdir()
    os.mkfifo(folder / "c.yaml")
    (folder / "d.json").symlink_to(folder / "d.json")
    outside = tmp_path / "secret.json"
    outside.write_text(json.dumps({"api_key": "x"}), encoding="utf-8")
    (folder / "e.json").symlink_to(outside)
    (folder / "notes.txt").write_text("not a document", encoding="utf-8")
    records = list(read_records(folder))
    assert [(Path(r.source or "").name, r.initiative is not None) for r in records] == [
        ("a.json", True),
        ("b.json", False),
        ("c.yaml", False),
        ("d.json", False),
        ("e.json", False),
    ]
    assert [r.errors[0][1] for r in records[1:]] == [
        "is a folder, not a file",
        "is a named pipe (FIFO), not a regular file",
        "is a loop of symbolic links (or passes through one)",
        "is a symbolic link to a file outside the folder; it is not read",
    ]


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
