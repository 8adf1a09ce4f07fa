"""Where the command line writes: data on standard output, diagnostics on standard error.

Colour is used only when standard output is a terminal (and ``NO_COLOR`` is unset, ``TERM`` is
not ``dumb``), or when asked for with ``--color always``; every status is also written as a
symbol and a word, so nothing depends on colour. The optional ``rich`` package (the ``cli``
extra) draws the progress bar; without it progress is a periodic count on standard error.
"""

from __future__ import annotations

import errno
import io
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import attrs

from copenhagen.reports.text import Styler, ansi, plain, printable

__all__ = ["Console", "Progress"]


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class _Closed(io.StringIO):
    """Standard output when the process started without one: every write fails."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


@attrs.frozen(slots=True)
class Console:
    """The two output streams of one command, and whether to colour.

    Attributes:
        out: Standard output: the data the command produces.
        err: Standard error: problems, progress and summaries.
        color: ``"auto"``, ``"always"`` or ``"never"``.
    """

    out: TextIO
    err: TextIO
    color: str = "auto"

    @classmethod
    def standard(cls, color: str = "auto") -> Console:
        """The process's own standard output and standard error.

        Python sets either to ``None`` when the process starts with it closed (``>&-``): data
        written then fails as a write error (reported on standard error, exit status 2), and
        diagnostics are dropped, there being nowhere to write them.
        """
        out: TextIO = sys.stdout if sys.stdout is not None else _Closed()
        err: TextIO = sys.stderr if sys.stderr is not None else io.StringIO()
        return cls(out, err, color)

    def _colour(self, stream: TextIO) -> bool:
        if self.color == "always":
            return True
        if self.color == "never" or os.environ.get("NO_COLOR"):
            return False
        return _is_terminal(stream) and os.environ.get("TERM") != "dumb"

    @property
    def style(self) -> Styler:
        """How to style text written to standard output."""
        return ansi if self._colour(self.out) else plain

    @property
    def err_style(self) -> Styler:
        """How to style text written to standard error."""
        return ansi if self._colour(self.err) else plain

    @property
    def width(self) -> int:
        """The width to wrap text to (the terminal's, or 100)."""
        if not _is_terminal(self.out):
            return 100
        try:
            return max(60, os.get_terminal_size(self.out.fileno()).columns - 1)
        except (OSError, ValueError, AttributeError):
            return 100

    def data(self, text: str) -> None:
        """Write data to standard output (``text`` should end with a newline)."""
        self.out.write(text)

    def lines(self, lines: list[str]) -> None:
        """Write finished diagnostic lines (already escaped) to standard error."""
        self.err.write("".join(line + "\n" for line in lines))

    def problem(self, text: str) -> None:
        """Write one diagnostic line to standard error, control characters escaped."""
        self.lines([printable(text.rstrip("\n"))])

    def invalid_lines(self, label: str, errors: tuple[tuple[str, str], ...]) -> list[str]:
        """The lines reporting every problem of one invalid input (see `invalid`)."""
        s = self.err_style
        noun = "problem" if len(errors) == 1 else "problems"
        head = f"{s('error', 'bad')}: {printable(label)} is invalid ({len(errors)} {noun}):"
        return [head, *(f"  {printable(path)}: {printable(message)}" for path, message in errors)]

    def invalid(self, label: str, errors: tuple[tuple[str, str], ...]) -> None:
        r"""Report every problem of one invalid input on standard error.

        Labels, paths and messages hold what the user wrote (an unknown key, a file name), so
        control characters in them are written as escapes (``\\x1b``): a document cannot
        move the cursor, ring the bell or recolour the terminal.
        """
        self.lines(self.invalid_lines(label, errors))

    def unreadable(self, message: str) -> None:
        """Report, on one line of standard error, an input that could not be read at all.

        ``message`` names the input, e.g. ``"nosuch.yaml: no such file"``.
        """
        self.lines([f"{self.err_style('error', 'bad')}: {printable(message)}"])

    @property
    def interactive(self) -> bool:
        """Whether standard error is a terminal (progress is shown only then)."""
        return _is_terminal(self.err)

    @contextmanager
    def progress(self, label: str, total: int | None = None) -> Iterator[Progress]:
        """A progress display on standard error, shown only when it is a terminal."""
        progress = Progress(self, label, total)
        try:
            yield progress
        finally:
            progress.close()


class Progress:
    """Shows how many records are done: a rich bar if installed, else a count every second.

    It writes to standard error only, and only when that is a terminal.
    """

    __slots__ = ("_bar", "_console", "_label", "_last", "_task")

    def __init__(self, console: Console, label: str, total: int | None) -> None:
        self._console = console
        self._label = label = printable(label)  # an INPUT's name may hold control characters
        self._bar: Any = None
        self._task: Any = None
        self._last = 0.0
        if not console.interactive:
            return
        try:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress
        except ImportError:
            return
        from rich.console import Console as RichConsole

        columns: list[Any] = [TextColumn("{task.description}")]
        if total is not None:
            columns += [BarColumn(), TaskProgressColumn()]
        columns += [MofNCompleteColumn() if total is not None else TextColumn("{task.completed}")]
        columns += [TextColumn("records"), TimeElapsedColumn()]
        self._bar = RichProgress(*columns, console=RichConsole(file=console.err), transient=True)
        self._bar.start()
        self._task = self._bar.add_task(label, total=total)

    def update(self, done: int) -> None:
        """Record that ``done`` records are finished."""
        if not self._console.interactive:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=done)
            return
        now = time.monotonic()
        if now - self._last >= 1.0:
            self._last = now
            self._console.err.write(f"\r{self._label}: {done} records")
            self._console.err.flush()

    def above(self, lines: list[str]) -> None:
        """Write diagnostic lines above the progress display, which stays below them."""
        if self._bar is not None:
            from rich.text import Text

            for line in lines:
                self._bar.console.print(Text.from_ansi(line), soft_wrap=True)
            return
        if self._last:  # the count is on the current line: clear it first
            self._console.err.write("\r\x1b[K" if self._console.interactive else "\n")
        self._console.lines(lines)

    def close(self) -> None:
        """Remove the bar (or end the count's line)."""
        if self._bar is not None:
            self._bar.stop()
        elif self._console.interactive and self._last:
            self._console.err.write("\n")
