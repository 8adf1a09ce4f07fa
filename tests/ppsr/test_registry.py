"""A whole registry: read from a file or a stream, and handed to the batch record by record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from copenhagen.batch import read_records
from copenhagen.framework import Actor
from copenhagen.ppsr import RegistryError, load_parties, read_registry, registry_documents

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = FIXTURES / "registry.json"


def test_read_from_a_file_and_from_a_stream_alike() -> None:
    parties = load_parties(FIXTURES / "parties.csv")
    from_file = [c.to_dict() for c in read_registry(REGISTRY, parties)]
    stream = io.StringIO(REGISTRY.read_text(encoding="utf-8"))
    assert [c.to_dict() for c in read_registry(stream, parties)] == from_file
    assert [line["position"] for line in from_file] == [1, 2, 3, 4]


def test_a_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b'\xef\xbb\xbf[{"projectName": "x"}]')
    assert [c.document for c in read_registry(path)] == [{"name": "x"}]
    assert [c.document for c in read_registry(io.StringIO('\ufeff[{"projectName": "x"}]'))] == [
        {"name": "x"}
    ]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b'[{"projectName": "\xe9"}]')
    with pytest.raises(RegistryError, match="not UTF-8 text \\(byte 0xe9 at offset 18\\)"):
        list(read_registry(path))


def test_registry_documents_for_the_batch() -> None:
    parties = load_parties(FIXTURES / "parties.csv")
    rows = list(registry_documents(REGISTRY, parties))
    assert [(n, doc is None, len(problems)) for n, doc, problems in rows] == [
        (1, False, 0),
        (2, False, 0),
        (3, False, 1),
        (4, True, 1),
    ]


def test_an_unreadable_registry_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"projects": []}', encoding="utf-8")
    ((n, doc, problems),) = registry_documents(path)
    assert (n, doc) == (1, None)
    assert problems[0][0] == "(registry)"
    ((n, doc, problems),) = registry_documents(tmp_path / "missing.json")
    assert problems == (("(registry)", "No such file or directory"),)


def test_read_records_hook() -> None:
    parties = load_parties(FIXTURES / "parties.csv")
    records = list(read_records(REGISTRY, "ppsr-core", parties=parties))
    assert [r.position for r in records] == [1, 2, 3, 4]
    first, second, third, fourth = records
    assert first.initiative is not None
    assert first.initiative.initiated_by == frozenset({Actor.CSO})
    assert second.initiative is not None
    assert third.initiative is None
    assert third.errors[0][0] == "initiated_by"
    assert "Friends of the Marsh" in third.errors[0][1]
    assert fourth.errors == (("projectName", "expected text, found a number"),)


def test_read_records_from_a_stream() -> None:
    stream = io.StringIO('[{"projectName": "x", "projectResponsiblePartyName": "A"}]')
    parties = load_parties(FIXTURES / "parties.csv")
    (record,) = read_records(stream, "ppsr-core", parties=parties)
    assert record.initiative is None
    assert record.errors[0][0] == "initiated_by"
