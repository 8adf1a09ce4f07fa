"""Where output goes: colour and progress only on a terminal."""

from __future__ import annotations

import builtins
import io
from typing import Any

import pytest

from copenhagen.cli._console import Console
from copenhagen.reports.text import ansi, plain


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_follows_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert Console(Terminal(), io.StringIO()).style is ansi
    assert Console(io.StringIO(), io.StringIO()).style is plain
    assert Console(io.StringIO(), io.StringIO(), "always").style is ansi
    assert Console(Terminal(), io.StringIO(), "never").style is plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert Console(Terminal(), io.StringIO()).style is plain


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    err = io.StringIO()
    with Console(io.StringIO(), err).progress("assessing") as progress:
        progress.update(5000)
    assert err.getvalue() == ""


def test_progress_counts_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_rich(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("rich"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rich)
    err = Terminal()
    with Console(io.StringIO(), err).progress("assessing x") as progress:
        progress.update(1000)
    assert "assessing x: 1000 records" in err.getvalue()


def test_progress_bar_with_rich() -> None:
    pytest.importorskip("rich")
    err = Terminal()
    with Console(io.StringIO(), err).progress("assessing y") as progress:
        progress.update(10)
    assert "assessing y" in err.getvalue()
