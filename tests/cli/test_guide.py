"""The command line guide (docs/guides/cli.md) renders as written.

Regression test: in a Markdown table, `\\|` inside a code span shows its backslash
(`schema [initiative\\|assessment]`), so no table row may hold one.
"""

from __future__ import annotations

import re

from tests.cli.conftest import ROOT

GUIDE = ROOT / "docs" / "guides" / "cli.md"
CODE_SPAN = re.compile(r"`[^`]*`")


def _table_rows() -> list[str]:
    rows, fenced = [], False
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("|"):
            rows.append(line)
    return rows


def test_guide_has_its_command_table() -> None:
    rows = _table_rows()
    for command in ("assess", "validate", "batch", "explain", "schema", "rules", "graph"):
        assert any(row.startswith(f"| `{command}") for row in rows), command


def test_no_escaped_pipe_in_table_code_spans() -> None:
    for row in _table_rows():
        assert "\\|" not in row, row
        # Every cell boundary is a real one: the row splits into its columns outside code spans.
        assert row.count("|") - sum(span.count("|") for span in CODE_SPAN.findall(row)) == 3, row


def _console_block(command: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"$ {command}\n") + len(command) + 3
    shown = []
    for line in text[start:].splitlines():
        if line in ("...", "```") or line.startswith("$ "):
            break  # the output shown ends at an ellipsis, the block's end or the next command
        shown.append(line)
    return shown


def test_catalogue_output_shown_in_the_guide_is_the_command_s() -> None:
    # The guide once showed civic action "without a state partner" long after the catalogue
    # changed; what it shows must be what the command prints.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "copenhagen.cli", "framework", "modalities"],
        capture_output=True,
        text=True,
        check=True,
        env={"COLUMNS": "100", "PATH": ""},
    )
    shown = _console_block("copenhagen framework modalities")
    assert shown
    assert shown == done.stdout.splitlines()[: len(shown)]
