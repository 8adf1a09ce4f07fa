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
