"""The national reading guide shows the worked files and the commands' output as they are."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guides" / "national-reading.md"
READINGS = ROOT / "examples" / "readings"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[str]:
    return YAML_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["private-sector-design.yaml", "private-sector-design.cases.yaml"])
def test_the_guide_shows_each_worked_file_whole(name: str) -> None:
    assert (READINGS / name).read_text(encoding="utf-8") in _blocks()


@pytest.mark.parametrize(
    ("snippet", "command"),
    [
        ("national-reading-diff.txt", "diff"),
        ("national-reading-check.txt", "check"),
    ],
)
def test_the_output_shown_is_the_command_s(snippet: str, command: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "copenhagen.cli",
            command,
            "examples/readings/private-sector-design.yaml",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"COLUMNS": "100", "PATH": ""},
    )
    assert done.returncode in (0, 1)
    shown = (ROOT / "docs" / "snippets" / snippet).read_text(encoding="utf-8")
    assert shown == done.stdout, f"regenerate docs/snippets/{snippet}"
