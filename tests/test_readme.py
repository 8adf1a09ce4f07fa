"""The README's tour works as a new user would type it, from a fresh `make demo`."""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest

from copenhagen.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_lines() -> list[str]:
    blocks = re.findall(r"^```console\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def test_the_tour_says_where_the_command_lives_before_using_it() -> None:
    # After `make demo` the command is .venv/bin/copenhagen, not on the PATH (issue 13, 17).
    first_use = README.index("$ copenhagen")
    before = README[:first_use]
    assert ".venv/bin/copenhagen" in before
    assert "source .venv/bin/activate" in before


def test_the_tour_s_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = re.search(r"^```yaml\n# beach-litter\.yaml\n(.*?)^```", README, re.M | re.S)
    assert document is not None
    (tmp_path / "beach-litter.yaml").write_text(document.group(1), encoding="utf-8")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    commands = [line.split("#")[0] for line in _console_lines()]
    ran = 0
    for command in commands:
        words = shlex.split(command)
        if words[:1] != ["copenhagen"]:
            continue  # activating the environment is the shell's business
        args = [match for word in words[1:] for match in (sorted(glob.glob(word)) or [word])]
        assert main(args) == 0, command
        ran += 1
    assert ran >= 3
