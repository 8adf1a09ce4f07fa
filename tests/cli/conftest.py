"""Helpers for running the command line in-process."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs
import pytest

from copenhagen.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@attrs.frozen
class Run:
    status: int
    out: str
    err: str


def stdin_stream(data: str | bytes) -> TextIO:
    """A stand-in for standard input: text as is, bytes as a real standard input holds them.

    Bytes get a text layer that, like ``sys.stdin`` under a POSIX locale, would smuggle bad
    bytes through as lone surrogates: the command line must read ``.buffer`` instead.
    """
    if isinstance(data, str):
        return io.StringIO(data)
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``copenhagen ARGS...``; ``stdin=`` gives what ``-`` reads (``None``: stdin closed)."""

    def run(*args: str, stdin: str | bytes | None = "") -> Run:
        capsys.readouterr()
        if stdin is None:  # as Python sets it when started with standard input closed
            monkeypatch.setattr(sys, "stdin", None)
            status = main(list(args))
        else:
            status = main(list(args), stdin=stdin_stream(stdin))
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


VALID_YAML = """\
name: Community water watch
initiated_by: [cso]
partners: [nso]
engaged_stages: [design, collection]
meaningful_engagement: true
integrated_into_official_statistics: false
quality_assured: true
principles:
  informed_consent: met
  data_security: partial
"""

INVALID_YAML = """\
name: ""
initiated_by: [partner]
meaningful_engagement: "yes"
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A valid and an invalid document, and the path of one that does not exist."""
    valid = tmp_path / "valid.yaml"
    valid.write_text(VALID_YAML, encoding="utf-8")
    invalid = tmp_path / "invalid.yaml"
    invalid.write_text(INVALID_YAML, encoding="utf-8")
    return {"valid": valid, "invalid": invalid, "missing": tmp_path / "missing.yaml"}
