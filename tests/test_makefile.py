"""The Makefile's demo and test targets, as a new user meets them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    return subprocess.run(
        ["make", "--no-print-directory", f"BIN={bin_dir}", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_contract_check_is_quiet_about_a_missing_shared_folder(tmp_path: Path) -> None:
    # A clone without ../shared beside it: no "can't open file" from Python, no failure.
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copy(ROOT / "Makefile", clone / "Makefile")
    done = _make("contract", cwd=clone)
    assert done.returncode == 0, done.stderr
    assert "can't open file" not in done.stdout + done.stderr
    assert "contract names not checked" in done.stdout


def test_contract_check_runs_the_shared_checker_when_present(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    spec = tmp_path / "shared" / "spec"
    clone.mkdir()
    spec.mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", clone / "Makefile")
    (spec / "check_contract_names.py").write_text("print('checker ran')\n", encoding="utf-8")
    done = _make("contract", cwd=clone)
    assert done.returncode == 0, done.stderr
    assert "checker ran" in done.stdout


def test_demo_ends_with_one_table_of_the_examples() -> None:
    # -o: take the installed environment as it is (never reinstall from a test).
    done = _make("-o", ".venv/.installed", "demo", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out = done.stdout.rstrip("\n").splitlines()
    header = max(i for i, line in enumerate(out) if line.startswith("Initiative "))
    table = "\n".join(out[header:])
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        assert example.name in table
    assert "Principles" in out[header]
