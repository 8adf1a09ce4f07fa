"""Output files and folders that cannot be written are usage errors: one line, exit status 2.

Regression tests: ``assess -o FILE`` (a file in the way of the folder) and ``batch --output
/missing/folder/x.jsonl`` ended in tracebacks, as did a closed or full standard output, and
batch input that is not UTF-8.
"""

from __future__ import annotations

import errno
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from copenhagen.cli import main
from tests.cli.conftest import Run

Cli = Callable[..., Run]

GOOD = {"name": "Water watch", "initiated_by": ["cso"]}


@pytest.fixture
def ok(tmp_path: Path) -> Path:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    return path


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    return path


def _usage_error(run: Run, *words: str) -> None:
    assert run.status == 2
    assert run.out == ""
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    for word in words:
        assert word in lines[0]


def test_assess_output_dir_that_is_a_file(cli: Cli, ok: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.write_text("keep me", encoding="utf-8")
    run = cli("assess", "-o", str(existing), str(ok))
    _usage_error(run, "copenhagen assess: error:", "--output-dir", str(existing), "not a folder")
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_assess_output_dir_below_a_file(cli: Cli, ok: Path) -> None:
    run = cli("assess", "--output-dir", str(ok / "reports"), str(ok))
    _usage_error(run, "copenhagen assess: error:", "--output-dir")


def test_assess_report_that_cannot_be_written(cli: Cli, ok: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / "ok.txt").mkdir(parents=True)  # a folder where the report should go
    run = cli("assess", "-o", str(reports), str(ok))
    _usage_error(run, "--output-dir", str(reports / "ok.txt"), "is a folder")


@pytest.mark.parametrize("option", ["--output", "--summary"])
def test_batch_output_in_a_missing_folder(
    cli: Cli, registry: Path, tmp_path: Path, option: str
) -> None:
    target = tmp_path / "no" / "such" / "x.jsonl"
    run = cli("batch", option, str(target), str(registry))
    _usage_error(run, "copenhagen batch: error:", option, str(target), "does not exist")
    assert not target.parent.exists()


@pytest.mark.parametrize("option", ["--output", "--summary"])
def test_batch_output_that_is_a_folder(
    cli: Cli, registry: Path, tmp_path: Path, option: str
) -> None:
    run = cli("batch", option, str(tmp_path), str(registry))
    _usage_error(run, option, "is a folder")


def test_batch_bad_output_is_told_before_the_input_is_looked_at(cli: Cli, tmp_path: Path) -> None:
    missing_input = tmp_path / "r.jsonl"
    run = cli("batch", "--output", str(tmp_path / "no" / "x.jsonl"), str(missing_input))
    _usage_error(run, "--output", "does not exist")
    run = cli("batch", "--output", str(missing_input / "x.jsonl"), "-", stdin="")
    _usage_error(run, "--output", "does not exist")


def test_batch_bad_summary_is_told_before_the_run(cli: Cli, registry: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    run = cli("batch", "-o", str(out), "--summary", str(tmp_path / "no" / "s.md"), str(registry))
    _usage_error(run, "--summary")
    assert not out.exists()  # told before anything was written


def test_batch_good_outputs_still_written(cli: Cli, registry: Path, tmp_path: Path) -> None:
    out, summary = tmp_path / "rows.jsonl", tmp_path / "summary.json"
    run = cli("batch", "-q", "-o", str(out), "--summary", str(summary), str(registry))
    assert run.status == 0, run.err
    assert json.loads(out.read_text(encoding="utf-8"))["name"] == "Water watch"
    assert json.loads(summary.read_text(encoding="utf-8"))


def test_batch_stdin_not_utf8_or_closed_is_invalid(cli: Cli) -> None:
    good = json.dumps(GOOD).encode()
    run = cli("batch", "-q", "-", stdin=good + b"\n" + b'{"name": "\xff"}\n' + good + b"\n")
    assert run.status == 1
    assert "\udcff" not in run.out  # nothing smuggled through as a lone surrogate
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [row["position"] for row in rows] == [1, 2, 3]  # the batch went on past the bad line
    assert rows[1]["errors"] == [
        ["(document)", "line 2 is not UTF-8 text (byte 0xff at column 11)"]
    ]
    assert "line 2 is not UTF-8 text" in run.err
    run = cli("batch", "-", stdin=None)
    assert (run.status, run.out, run.err) == (1, "", "error: no standard input\n")


def test_batch_stdin_read_whole_stops_at_a_byte_that_is_not_utf8(cli: Cli) -> None:
    run = cli("batch", "-q", "--input-format", "json", "-", stdin=b'[{"name": "\xff"}]')
    assert run.status == 1
    assert run.out == ""
    assert run.err == (
        "error: standard input is not UTF-8 text (byte 0xff); reading stopped there\n"
    )


def test_batch_csv_row_not_utf8_is_one_bad_record(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "r.csv"
    registry.write_bytes(
        b"name,initiated_by\nWater watch,cso\nCaf\xe9 count,cso\nAir watch,community\n"
    )
    run = cli("batch", "-q", str(registry))
    assert run.status == 1
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [row["position"] for row in rows] == [1, 2, 3]
    assert rows[1]["errors"] == [["(document)", "a cell is not UTF-8 text (byte 0xe9 at column 4)"]]
    assert [rows[0]["name"], rows[2]["name"]] == ["Water watch", "Air watch"]
    run = cli("batch", "-q", "--input-format", "csv", "-", stdin=registry.read_bytes())
    assert [json.loads(line)["position"] for line in run.out.splitlines()] == [1, 2, 3]
    header = tmp_path / "h.csv"
    header.write_bytes(b"name,initiated_by,n\xf6te\nWater watch,cso,x\n")
    run = cli("batch", "-q", str(header))
    assert json.loads(run.out)["errors"] == [
        ["(document)", "the header of a column is not UTF-8 text (byte 0xf6 at column 2)"]
    ]
    assert "\\udcf6" not in run.out


def test_batch_file_line_not_utf8_is_one_bad_record(cli: Cli, tmp_path: Path) -> None:
    """A batch keeps going past a JSON Lines line that is not UTF-8: only that record is bad."""
    bad = tmp_path / "bad.jsonl"
    good = json.dumps(GOOD).encode()
    bad.write_bytes(good + b"\n" + b'{"name": "\xff", "initiated_by": ["cso"]}\n' + good + b"\n")
    out = tmp_path / "rows.jsonl"
    run = cli("batch", "-q", "-o", str(out), str(bad))
    assert run.status == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["position"] for row in rows] == [1, 2, 3]
    assert rows[1] == {
        "position": 2,
        "errors": [["(document)", "line 2 is not UTF-8 text (byte 0xff at column 11)"]],
    }
    assert rows[0]["name"] == rows[2]["name"] == GOOD["name"]
    assert "\udcff" not in out.read_text(encoding="utf-8")
    assert "line 2" in run.err


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_write_failures_are_one_line(
    ok: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)  # as Python sets it when started with `>&-`
    assert main(["assess", str(ok)]) == 2
    assert capsys.readouterr().err == "copenhagen: error: standard output is closed\n"
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    assert main(["assess", str(ok)]) == 2
    assert capsys.readouterr().err == "copenhagen: error: No space left on device\n"
