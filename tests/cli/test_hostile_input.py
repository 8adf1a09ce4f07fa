"""Hostile documents through every door: only contract errors, no good row lost, nothing read.

Issue 12, "Done when": hypothesis documents with the hostile shapes (huge integers, lone
surrogates, control characters, repeated keys, deep nesting, strings where mappings belong)
go through `load_initiative`, ``copenhagen validate``, ``copenhagen assess --format`` in every
format and ``copenhagen batch`` to JSON Lines and CSV. Every door answers with a document
error or a result (never a traceback); every good record of a batch gets its row; and an audit
hook sees that no file is opened but the ones the test named (and the library's own modules).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copenhagen import Initiative, InvalidInitiativeError, load_initiative
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.strategies import documents
from tests.cli.conftest import Run

Cli = Callable[..., Run]

EXAMPLES = 60 if settings.default.max_examples >= 400 else 15
HUGE = "7" * 5000
GOOD_NAME = "Good record"
FORMATS = ("text", "json", "markdown", "html")

# ----------------------------------------------------------------------------- the audit

_opened: list[str] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], str | bytes | os.PathLike):
        _opened.append(os.path.realpath(os.fsdecode(args[0])))


sys.addaudithook(_audit)  # an audit hook cannot be removed: it records only inside `opened`

# Where the interpreter and the library read their own modules from.
_CODE = tuple(
    os.path.realpath(p) + os.sep
    for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path}
    if p and os.path.isdir(p)
)


@contextmanager
def opened() -> Iterator[list[str]]:
    """Every file opened inside the block (paths resolved)."""
    global _opened
    _opened = found = []
    try:
        yield found
    finally:
        _opened = None


def assert_only_named(found: list[str], named: list[Path], secrets: Path) -> None:
    allowed = {os.path.realpath(path) for path in named}
    folders = {os.path.realpath(path.parent) + os.sep for path in named}
    for path in found:
        assert not path.startswith(os.path.realpath(secrets)), f"read {path}"
        if path in allowed or path.startswith(_CODE) or path.startswith("/dev/"):
            continue
        # An output's temporary file or its .partial beside it.
        assert any(path.startswith(folder) for folder in folders), f"read {path}"
        assert os.path.basename(path).startswith(".") or path.endswith(".partial"), path


# ----------------------------------------------------------------------------- documents


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "secret.json").write_text(
        json.dumps({"name": "SECRET", "initiated_by": ["cso"], "api_key": "k"}), encoding="utf-8"
    )
    (folder / "secret.yaml").write_text("password: hunter2\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.json")
    return folder


def _deep(levels: int) -> Any:
    value: Any = "leaf"
    for _ in range(levels):
        value = [value]
    return value


# Markers stand for what json.dumps cannot write: replaced in the text afterwards.
_HUGE_MARK = "__huge_number__"
_TWICE_MARK = "__twice__"


def hostile_values(secrets: Path) -> st.SearchStrategy[Any]:
    return st.sampled_from(
        [
            _HUGE_MARK,
            "\ud800",
            "a\udfffb",
            "\x1b[2J\x1b]0;pwned\x07\r",
            str(secrets / "secret.json"),
            str(secrets / "secret.yaml"),
            str(secrets / "pipe.json"),
            str(secrets),
            "x\u0000.json",
            _deep(150),
            {"\x1b[31m": "\x07"},
            '=HYPERLINK("http://example.org")',
            -(10**30),
            [None, {"": []}],
        ]
    )


KEYS = st.sampled_from([*DOCUMENT_KEYS, "\x1b[1munknown\x07"])


@st.composite
def hostile_documents(draw: st.DrawFn, secrets: Path) -> tuple[str, bool]:
    """A document as JSON text, and whether it was left valid (no hostile change made)."""
    values = hostile_values(secrets)
    if draw(st.integers(0, 9)) == 0:  # a string, a number or a list where a document belongs
        return _text(draw(values)), False
    document: dict[str, Any] = dict(draw(documents()))
    changes = draw(st.integers(0, 3))
    for _ in range(changes):
        where = draw(st.sampled_from(["key", "extra", "principles", "twice", "list"]))
        value = draw(values)
        if where == "key":
            document[draw(KEYS)] = value
        elif where == "extra":
            extra = document.get("extra")
            document["extra"] = {**(extra if isinstance(extra, dict) else {}), draw(KEYS): value}
        elif where == "principles":
            document["principles"] = {"informed_consent": value}
        elif where == "list":
            document["partners"] = ["nso", value]
        else:
            key = draw(st.sampled_from(["name", "initiated_by", "extra"]))
            document[_TWICE_MARK + key] = document.get(key, value)
    return _text(document), changes == 0


def _text(value: Any) -> str:
    text = json.dumps(_plain(value))
    return text.replace(f'"{_HUGE_MARK}"', HUGE).replace(f'"{_TWICE_MARK}', '"')


def _plain(value: Any) -> Any:
    """JSON-ready data: enum members and frozen values as the document writes them."""
    from copenhagen.documents import dump_initiative

    if isinstance(value, dict) and "initiated_by" in value and "name" in value:
        try:
            base = dump_initiative(load_initiative(value))
        except InvalidInitiativeError:
            base = None
        if base is not None:
            return base | {k: _plain(v) for k, v in value.items() if k not in base}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# ----------------------------------------------------------------------------- the doors


def _clean(run: Run) -> None:
    assert run.status in (0, 1), run.err
    assert "Traceback" not in run.err
    controls = {chr(c) for c in range(32) if c != 10} | {"\x7f"}
    assert not set(run.err) & controls, run.err
    run.out.encode("utf-8")  # whatever was written can be written as UTF-8


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_documents_through_every_door(
    cli: Cli, tmp_path: Path, secrets: Path, data: st.DataObject
) -> None:
    batch = data.draw(st.lists(hostile_documents(secrets), min_size=1, max_size=4))
    work = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    work.mkdir()
    files = []
    for index, (text, _) in enumerate(batch):
        path = work / f"doc-{index}.json"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    good = json.dumps({"name": GOOD_NAME, "initiated_by": ["cso"]})
    lines = [line for text, _ in batch for line in (text, good)]
    registry = work / "registry.jsonl"
    registry.write_text("".join(line.replace("\n", " ") + "\n" for line in lines), "utf-8")
    outputs = [work / "rows.jsonl", work / "rows.csv", work / "summary.json"]

    with opened() as found:
        for path in files:
            with suppress(InvalidInitiativeError):
                assert isinstance(load_initiative(path), Initiative)
            _clean(cli("validate", str(path)))
            for fmt in FORMATS:
                _clean(cli("assess", "--format", fmt, str(path)))
        jsonl = cli(
            "batch", "-q", str(registry), "-o", str(outputs[0]), "--summary", str(outputs[2])
        )
        as_csv = cli("batch", "-q", str(registry), "-o", str(outputs[1]))
    _clean(jsonl)
    _clean(as_csv)
    assert_only_named(found, [*files, registry, *outputs], secrets)

    rows = [json.loads(row) for row in outputs[0].read_text(encoding="utf-8").splitlines()]
    assert [row["position"] for row in rows] == list(range(1, len(lines) + 1))
    for row in rows[1::2]:  # every good record's row is written, whole
        assert row["name"] == GOOD_NAME
        assert "errors" not in row
    for (_, valid), row in zip(batch, rows[::2], strict=True):
        assert ("errors" not in row) or not valid
    with outputs[1].open(encoding="utf-8", newline="") as cells:
        table = list(csv.DictReader(cells))
    assert [int(row["position"]) for row in table] == list(range(1, len(lines) + 1))
    assert all(row["name"] == GOOD_NAME for row in table[1::2])
    summary = json.loads(outputs[2].read_text(encoding="utf-8"))
    assert summary["valid"] + summary["invalid"] == len(lines)


def test_the_audit_sees_what_is_opened(tmp_path: Path) -> None:
    """The audit hook of this module does see a read, so its silence above means something."""
    path = tmp_path / "seen.txt"
    path.write_text("x", encoding="utf-8")
    with opened() as found:
        io.open(path, encoding="utf-8").close()  # noqa: UP020 - the hook must see io.open too
    assert os.path.realpath(path) in found
