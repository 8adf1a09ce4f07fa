"""Files the command line writes: whole or clearly partial, and never onto an input.

A named output file is written to a temporary file in the same folder and renamed onto its name
only when the command succeeds, so a full disk or a killed run never leaves a file that looks
complete. A run that stops early (an error, a signal, a limit) renames what it wrote to
``NAME.partial`` instead. A target that is not a regular file (``/dev/stdout``, a named pipe) is
written to directly, as standard output is. Files are compared by identity (device and inode),
not by name, so a hard link or a symbolic link to an input is seen for what it is.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from typing import IO, Any

__all__ = [
    "PARTIAL",
    "OutputFile",
    "Terminated",
    "file_identity",
    "same_target",
    "stop_on_signals",
]

#: What a file written by a run that stopped early is named after: ``NAME.partial``.
PARTIAL = ".partial"


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """``(device, inode)`` of the file at ``path`` (links followed), or ``None`` if none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def same_target(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same file: the same identity, or (not yet there) one name."""
    first, second = file_identity(a), file_identity(b)
    if first is not None and second is not None:
        return first == second
    return os.path.realpath(a) == os.path.realpath(b)


class Terminated(BaseException):
    """The process was asked to stop by a signal (SIGTERM, SIGHUP) during a run.

    Attributes:
        signum: The signal's number; the exit status is ``128 + signum``, as shells report it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into `Terminated` for the duration, so outputs are left tidy.

    Outside the main thread (where Python cannot handle signals) this does nothing. The
    previous handlers come back afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _: Any) -> None:
        raise Terminated(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


class OutputFile:
    """One named output: written whole to a temporary file, then put in place (`commit`).

    Attributes:
        path: The name the output gets when the command succeeds.
        direct: Whether the target is written to directly (it is not a regular file).
    """

    def __init__(self, path: str, newline: str | None = None) -> None:
        self.path = path
        self._newline = newline
        self._temporary: str | None = None
        self._stream: IO[str] | None = None
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None
        self.direct = mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)

    def open(self) -> IO[str]:
        """The stream to write to (created now, in the target's folder).

        Raises:
            OSError: If it cannot be created there (the caller words it as a usage error).
        """
        # A character no encoder can write (a lone surrogate) is written as an escape rather
        # than ending the run: the loader refuses them, so this is only a second guard.
        if self.direct:
            self._stream = open(  # noqa: SIM115 - closed by commit or abandon
                self.path, "w", encoding="utf-8", errors="backslashreplace", newline=self._newline
            )
            return self._stream
        if os.path.isdir(self.path):
            raise IsADirectoryError(21, "Is a directory", self.path)
        folder, name = os.path.split(self.path)
        while True:
            candidate = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
            try:
                # Exclusive creation: a name nobody else holds, with the usual permissions.
                descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                continue
            break
        self._temporary = candidate
        self._stream = os.fdopen(
            descriptor, "w", encoding="utf-8", errors="backslashreplace", newline=self._newline
        )
        return self._stream

    def _close(self) -> None:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            stream.close()

    def commit(self) -> None:
        """Close the output and give it its name (replacing any file of that name)."""
        self._close()
        if self._temporary is not None:
            os.replace(self._temporary, self.path)
            self._temporary = None

    def abandon(self) -> str | None:
        """Close an output the run did not finish, naming it ``NAME.partial``.

        Returns:
            The name of the partial file, or ``None`` when the output was written directly
            (nothing to rename) or never opened.
        """
        with contextlib.suppress(OSError):
            self._close()
        if self._temporary is None:
            return None
        partial = self.path + PARTIAL
        try:
            os.replace(self._temporary, partial)
        except OSError:
            return self._temporary
        self._temporary = None
        return partial

    def discard(self) -> None:
        """Remove an output nothing was written to (the command stopped before it began)."""
        with contextlib.suppress(OSError):
            self._close()
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None
