"""`copenhagen.batch.records`: reading registries record by record, each bad record kept."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from copenhagen import load_initiative
from copenhagen.batch import (
    csv_documents,
    read_records,
)
from copenhagen.documents import load_initiatives

GOOD = {"name": "Water watch", "initiated_by": ["cso"]}


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
