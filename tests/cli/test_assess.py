"""`copenhagen assess`: formats, exit codes and streams (contract section 4)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from copenhagen import assess, load_initiative
from tests.cli.conftest import EXAMPLES, VALID_YAML, Run

Cli = Callable[..., Run]


def expected_line(path: Path) -> str:
    return json.dumps(assess(load_initiative(path)).to_dict(), sort_keys=True)


def test_text_shows_decisions_with_reasons(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("assess", str(files["valid"]))
    assert run.status == 0
    assert run.err == ""
    for text in ("Community water watch", "Scope", "in scope", "S1 (Box 2)", "Modality"):
        assert text in run.out
    assert "NSO category" in run.out
    assert "Principles" in run.out
    assert "Participation" in run.out
    assert "Recommendations" in run.out
    assert "\x1b[" not in run.out  # not a terminal: no colour


def test_json_is_one_sorted_line_per_file(cli: Cli, files: dict[str, Path], tmp_path: Path) -> None:
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"name": "B", "initiated_by": ["nso"]}), encoding="utf-8")
    run = cli("assess", "--format", "json", str(files["valid"]), str(second))
    assert run.status == 0
    lines = run.out.splitlines()
    assert lines == [expected_line(files["valid"]), expected_line(second)]


def test_indent_spreads_json_over_lines_with_the_same_content(
    cli: Cli, files: dict[str, Path], tmp_path: Path
) -> None:
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"name": "B", "initiated_by": ["nso"]}), encoding="utf-8")
    run = cli("assess", "--format", "json", "--indent", "2", str(files["valid"]), str(second))
    assert run.status == 0
    decoder = json.JSONDecoder()
    text, documents, at = run.out, [], 0
    while at < len(text.rstrip()):
        document, at = decoder.raw_decode(text, at)
        documents.append(document)
        at += len(text[at:]) - len(text[at:].lstrip())
    assert documents == [
        json.loads(expected_line(files["valid"])),
        json.loads(expected_line(second)),
    ]
    assert '\n  "modality": {\n    "determinate"' in run.out
    # Without --indent the contract's one line per file is unchanged.
    assert cli("assess", "--format", "json", str(files["valid"])).out.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("assess", "--indent", "2", "FILE"),
        ("assess", "--format", "markdown", "--indent", "2", "FILE"),
        ("rules", "--indent", "2"),
        ("graph", "--indent", "2"),
        ("framework", "--indent", "4"),
    ],
)
def test_indent_without_json_is_a_usage_error(
    cli: Cli, files: dict[str, Path], args: tuple[str, ...]
) -> None:
    run = cli(*(str(files["valid"]) if a == "FILE" else a for a in args))
    assert run.status == 2
    assert run.out == ""
    assert f"copenhagen {args[0]}: error: --indent applies to --format json" in run.err


@pytest.mark.parametrize("value", ["-1", "17", "two"])
def test_indent_must_be_a_small_whole_number(cli: Cli, files: dict[str, Path], value: str) -> None:
    run = cli("assess", "--format", "json", "--indent", value, str(files["valid"]))
    assert run.status == 2
    assert "expected a whole number from 0 to 16" in run.err


@pytest.mark.parametrize(
    ("args", "default"),
    [
        (("rules", "--format", "json"), 2),
        (("graph", "--format", "json"), 2),
        (("framework", "--format", "json"), 2),
        (("framework", "stages", "--format", "json"), 2),
        (("schema",), 2),
    ],
)
def test_other_json_commands_take_indent(cli: Cli, args: tuple[str, ...], default: int) -> None:
    plain = cli(*args)
    assert plain.status == 0
    assert re.search(rf'\n {{{default}}}["{{]', plain.out)
    wide = cli(*args, "--indent", "4")
    assert wide.status == 0
    assert json.loads(wide.out) == json.loads(plain.out)
    assert re.search(r'\n {4}["{]', wide.out)


def test_invalid_file_prints_nothing_and_others_still_assessed(
    cli: Cli, files: dict[str, Path]
) -> None:
    run = cli("assess", "--format", "json", str(files["invalid"]), str(files["valid"]))
    assert run.status == 1
    assert run.out.splitlines() == [expected_line(files["valid"])]
    assert str(files["invalid"]) in run.err
    # Every problem of the document, each with its path.
    for path in ("name", "initiated_by[0]", "meaningful_engagement"):
        assert f"  {path}: " in run.err


def test_missing_file_is_invalid(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("assess", str(files["missing"]), str(files["valid"]))
    assert run.status == 1
    # One plain line: a missing file has no document, so no "is invalid (1 problem)" list.
    assert run.err == f"error: {files['missing']}: no such file\n"
    assert "Community water watch" in run.out


@pytest.mark.parametrize("command", ["assess", "explain"])  # validate checks a folder's files
def test_missing_file_and_folder_are_one_line(
    cli: Cli, files: dict[str, Path], tmp_path: Path, command: str
) -> None:
    run = cli(command, str(files["missing"]), str(tmp_path))
    assert run.status == 1
    assert run.out == ""
    assert run.err == (
        f"error: {files['missing']}: no such file\nerror: {tmp_path}: is a folder, not a file\n"
    )


def test_validate_missing_file_is_one_line(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("validate", str(files["missing"]), str(files["valid"]))
    assert run.status == 1
    assert run.err == f"error: {files['missing']}: no such file\n"
    assert run.out == f"{files['valid']}: valid\n"


def test_only_invalid_files_print_nothing(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("assess", "--format", "json", str(files["invalid"]), str(files["missing"]))
    assert (run.status, run.out) == (1, "")


@pytest.mark.parametrize(
    "text",
    [VALID_YAML, json.dumps({"name": "Community water watch", "initiated_by": ["cso"]})],
    ids=["yaml", "json"],
)
def test_dash_reads_one_document_from_stdin(cli: Cli, text: str) -> None:
    run = cli("assess", "--format", "json", "-", stdin=text)
    assert run.status == 0
    assert json.loads(run.out)["name"] == "Community water watch"


def test_bad_stdin_is_invalid(cli: Cli) -> None:
    run = cli("assess", "-", stdin="{not json")
    assert run.status == 1
    assert run.out == ""
    assert "<stdin>" in run.err


@pytest.mark.parametrize(
    "args",
    [
        ("assess",),
        ("assess", "--format", "pdf", "x.yaml"),
        ("nonsense",),
        (),
        ("assess", "--no-such-option", "x.yaml"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, args: tuple[str, ...]) -> None:
    run = cli(*args)
    assert run.status == 2
    assert run.out == ""
    assert "usage:" in run.err


def test_markdown_report(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("assess", "--format", "markdown", str(files["valid"]))
    assert run.status == 0
    assert run.out.startswith("# Assessment: Community water watch")
    assert "## Principles" in run.out
    assert "```mermaid" in run.out


def test_html_report_and_output_dir(cli: Cli, files: dict[str, Path], tmp_path: Path) -> None:
    run = cli("assess", "--format", "html", str(files["valid"]))
    assert run.status == 0
    assert run.out.startswith("<!DOCTYPE html>")
    # Several pages on one stream would not be one document: ask for a folder.
    run = cli("assess", "--format", "html", str(files["valid"]), str(files["valid"]))
    assert run.status == 2
    assert run.out == ""
    target = tmp_path / "reports"
    run = cli("assess", "-f", "html", "-o", str(target), str(files["valid"]), str(files["valid"]))
    assert run.status == 0
    written = sorted(p.name for p in target.iterdir())
    assert written == ["valid-2.html", "valid.html"]
    assert run.out.splitlines() == [str(target / "valid.html"), str(target / "valid-2.html")]


def test_colour_only_when_asked_or_on_a_terminal(cli: Cli, files: dict[str, Path]) -> None:
    coloured = cli("assess", "--color", "always", str(files["valid"]))
    plain = cli("assess", "--color", "never", str(files["valid"]))
    assert "\x1b[" in coloured.out
    assert "\x1b[" not in plain.out
    # Colour is never the only carrier: the words are there either way.
    assert "✔ met" in plain.out
    assert "◐ partial" in plain.out


def test_bundled_examples_assess(cli: Cli) -> None:
    examples = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    if not examples:
        pytest.skip("no bundled examples yet")
    run = cli("assess", *examples)
    assert run.status == 0, run.err
    assert run.out.count("\nScope ") == len(examples)


def test_table_is_one_table_for_the_valid_files(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("assess", "--format", "table", str(files["valid"]), str(files["invalid"]))
    assert run.status == 1
    lines = run.out.splitlines()
    assert lines[0].startswith("Initiative")
    assert files["valid"].name in run.out
    assert files["invalid"].name not in run.out  # an invalid file prints nothing
    assert str(files["invalid"]) in run.err


def test_table_cannot_go_to_an_output_dir(cli: Cli, files: dict[str, Path], tmp_path: Path) -> None:
    run = cli("assess", "--format", "table", "-o", str(tmp_path), str(files["valid"]))
    assert run.status == 2
    assert "one table for all the files" in run.err
