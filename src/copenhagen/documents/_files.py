"""Opening a file the user named, safely: a regular file only, never a folder, pipe or device.

A document path is opened without blocking and checked on the open descriptor, so a named pipe
(FIFO) cannot hang the reader and nothing can be swapped in between a check and the open. Each
refusal is an `OSError` whose ``strerror`` is one plain sentence; `file_problem` words any
`OSError` the same way for messages.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

__all__ = ["NotAFileError", "file_problem", "open_regular_file", "regular_file_problem"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class NotAFileError(OSError):
    """A path that names something other than a regular file or folder: a pipe, a device..."""


def regular_file_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read as a document, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def file_problem(error: OSError) -> str:
    """One plain phrase saying why a path could not be read, e.g. ``"no such file"``."""
    if isinstance(error, NotAFileError):
        return str(error.strerror)
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if error.errno == errno.ELOOP:
        return "is a loop of symbolic links (or passes through one)"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "part of the path is a file, not a folder"
    if isinstance(error, PermissionError):
        return "cannot be read (permission denied)"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    reason = error.strerror or str(error)
    return reason if error.errno is None else f"cannot be read ({reason[:1].lower()}{reason[1:]})"


def open_regular_file(path: str | os.PathLike[str]) -> BinaryIO:
    """The regular file at ``path``, open for reading bytes.

    Raises:
        FileNotFoundError: If there is no such file (also for a path holding a NUL character,
            which no file can have).
        OSError: If it cannot be opened, or is not a regular file (a folder, a named pipe, a
            device, a socket); ``strerror`` says which.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC)
    except ValueError:  # "embedded null byte": not a name any file can have
        raise FileNotFoundError(errno.ENOENT, "no such file", os.fspath(path)) from None
    try:
        problem = regular_file_problem(os.fstat(fd).st_mode)
        if problem is not None:
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                raise IsADirectoryError(errno.EISDIR, problem, os.fspath(path))
            raise NotAFileError(errno.EINVAL, problem, os.fspath(path))
        file = os.fdopen(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise
    return file
