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
from typing import Any

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


# --------------------------------------------------------------------------- hostile input


def _lines(*documents: object) -> str:
    return "".join(json.dumps(document) + "\n" for document in documents)


def test_hostile_4_an_output_that_is_a_link_to_the_input_is_refused(
    cli: Cli, registry: Path, tmp_path: Path
) -> None:
    """Issue 12, item 4: files are compared by identity (device and inode), not by name."""
    import os

    original = registry.read_text(encoding="utf-8")
    hard = tmp_path / "hard.jsonl"
    os.link(registry, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(registry)
    for target in (hard, soft):
        for option in ("--output", "--summary"):
            name = target if option == "--output" else target.with_suffix(".json")
            if option == "--summary":
                name.unlink(missing_ok=True)
                name.symlink_to(registry)
            run = cli("batch", str(registry), option, str(name))
            _usage_error(run, "is the input itself")
    assert registry.read_text(encoding="utf-8") == original


def test_hostile_4_summary_and_output_may_not_be_one_file(
    cli: Cli, registry: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rows.json"
    run = cli(
        "batch", str(registry), "-o", str(out), "--summary", str(tmp_path / "." / "rows.json")
    )
    _usage_error(run, "--output and --summary name the same file")
    assert not out.exists()


def test_hostile_12_an_unknown_summary_suffix_is_a_usage_error(
    cli: Cli, registry: Path, tmp_path: Path
) -> None:
    run = cli("batch", str(registry), "--summary", str(tmp_path / "summary.txt"))
    _usage_error(run, "--summary", "cannot tell what to write", ".md", ".html", ".json")


def test_hostile_9_control_characters_in_diagnostics_are_escaped(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "esc.json"
    path.write_text(
        json.dumps({"name": "x", "initiated_by": ["cso\x07"], "\x1b[31mred\x1b]0;t\x07\r": 1}),
        encoding="utf-8",
    )
    for command in ("validate", "assess", "explain"):
        run = cli(command, str(path))
        assert run.status == 1
        assert not any(c in run.err for c in "\x1b\x07\r"), run.err
        assert "\\x1b[31mred\\x1b]0;t\\x07\\r: unknown key" in run.err
    usage = cli("\x1b[2Jzap\x07")  # argparse's own usage errors too
    assert usage.status == 2
    assert not any(c in usage.err for c in "\x1b\x07\r"), usage.err
    batch = cli("batch", "-q", "-", stdin=path.read_text(encoding="utf-8") + "\n")
    assert not any(c in batch.err for c in "\x1b\x07\r")
    assert json.loads(batch.out)["errors"][1][0] == "\x1b[31mred\x1b]0;t\x07\r"  # rows keep it


def test_hostile_10_a_finished_run_leaves_no_temporary_file(
    cli: Cli, registry: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "rows.jsonl"
    out.parent.mkdir()
    run = cli("batch", "-q", str(registry), "-o", str(out), "--summary", str(out.parent / "s.md"))
    assert run.status == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["rows.jsonl", "s.md"]


def test_hostile_10_a_write_failure_leaves_a_partial_file_and_no_complete_looking_one(
    cli: Cli, registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import copenhagen.cli._outputs as outputs

    real = outputs.os.fdopen

    class _Filling(io.TextIOWrapper):
        written = 0

        def write(self, text: str) -> int:
            _Filling.written += len(text)
            if _Filling.written > 3000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(text)

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        stream = real(fd, *args, **kwargs)
        return _Filling(stream.detach(), encoding="utf-8")

    monkeypatch.setattr(outputs.os, "fdopen", fdopen)
    big = tmp_path / "big.jsonl"
    big.write_text(_lines(*([GOOD] * 200)), encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    run = cli("batch", "-q", str(big), "-o", str(out))
    assert run.status == 2
    assert "No space left on device" in run.err
    assert f"what was written so far is in {out}.partial" in run.err
    assert not out.exists()
    assert (tmp_path / "rows.jsonl.partial").exists()


class _Interrupting(io.StringIO):
    """Standard input that stops the run part way (Ctrl-C, or a signal), as a user would."""

    def __init__(self, text: str, after: int, stop: Any) -> None:
        super().__init__(text)
        self.after = after
        self.stop = stop

    def __iter__(self) -> Any:
        for number, line in enumerate(self.getvalue().splitlines(keepends=True), 1):
            if number > self.after:
                self.stop()
            yield line


@pytest.mark.parametrize("how", ["interrupt", "terminate"])
def test_hostile_10_a_stopped_run_leaves_name_partial_and_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    import os
    import signal

    def interrupt() -> None:
        raise KeyboardInterrupt

    def terminate() -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    stop = interrupt if how == "interrupt" else terminate
    out = tmp_path / "rows.jsonl"
    stdin = _Interrupting(_lines(*([GOOD] * 50)), 20, stop)
    status = main(["batch", "-q", "-", "-o", str(out)], stdin=stdin)
    assert status == (130 if how == "interrupt" else 128 + signal.SIGTERM)
    assert not out.exists()
    partial = tmp_path / "rows.jsonl.partial"
    rows = partial.read_text(encoding="utf-8").splitlines()
    assert 0 < len(rows) <= 20
    assert all(json.loads(row)["name"] == GOOD["name"] for row in rows)  # whole rows only
    assert f"what was written so far is in {partial}" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler was put back


def test_hostile_10_standard_output_is_streamed_and_the_stop_is_told(cli: Cli) -> None:
    text = _lines(GOOD, {"name": 1}, GOOD, {"name": 2}, GOOD)
    run = cli("batch", "-q", "-", "--max-errors", "1", stdin=text)
    assert run.status == 1
    assert [json.loads(row)["position"] for row in run.out.splitlines()] == [1, 2]
    assert "stopped after 1 invalid records (--max-errors)" in run.err
    assert "the rows so far went to standard output" in run.err


def test_max_errors_leaves_the_rows_and_the_summary_as_partial_files(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue 13, item 15: --max-errors N stops after N bad records; the output is NAME.partial."""
    source = tmp_path / "r.jsonl"
    source.write_text(_lines(GOOD, {"name": 1}, GOOD, {"name": 2}, GOOD), encoding="utf-8")
    out, summary = tmp_path / "rows.jsonl", tmp_path / "summary.json"
    run = cli("batch", "-q", str(source), "-o", str(out), "--summary", str(summary),
              "--max-errors", "2")  # fmt: skip
    assert run.status == 1
    assert not out.exists()
    assert not summary.exists()
    rows = (tmp_path / "rows.jsonl.partial").read_text(encoding="utf-8").splitlines()
    assert [json.loads(row)["position"] for row in rows] == [1, 2, 3, 4]
    counted = json.loads((tmp_path / "summary.json.partial").read_text(encoding="utf-8"))
    assert (counted["valid"], counted["invalid"]) == (2, 2)
    assert cli("batch", str(source), "--max-errors", "0").status == 2


def test_many_bad_records_print_the_first_few_then_a_count(cli: Cli, tmp_path: Path) -> None:
    """Issue 13, item 15: standard error is not flooded; every error is still in the rows."""
    from copenhagen.cli.batch import SHOWN_BAD_RECORDS

    source = tmp_path / "r.jsonl"
    source.write_text(_lines(*([{"name": 1}] * 40)), encoding="utf-8")
    run = cli("batch", "-q", str(source))
    assert run.status == 1
    assert run.err.count("is invalid") == SHOWN_BAD_RECORDS
    assert "... and 30 more invalid records, not shown here" in run.err
    assert all("errors" in json.loads(row) for row in run.out.splitlines())
    assert len(run.out.splitlines()) == 40


def test_assess_output_dir_never_writes_over_an_input(cli: Cli, tmp_path: Path) -> None:
    document = tmp_path / "ok.json"
    original = json.dumps(GOOD)
    document.write_text(original, encoding="utf-8")
    run = cli("assess", "--format", "json", "--output-dir", str(tmp_path), str(document))
    assert run.status == 0
    assert document.read_text(encoding="utf-8") == original
    assert run.out == f"{tmp_path / 'ok-2.json'}\n"
    assert not list(tmp_path.glob(".*.tmp"))
