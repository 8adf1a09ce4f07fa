"""`copenhagen.batch`: assess_many, CSV reading and the streaming runner."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

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
