"""What every subcommand shares: its signature, the ``--color`` option and the exit codes."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import TextIO

from copenhagen.cli._console import Console

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "check_output",
    "common_options",
    "output_problem",
]

#: Every input was handled (contract section 4).
EXIT_OK = 0
#: Some input was invalid; its problems went to standard error (contract section 4).
EXIT_INVALID = 1
#: The command line itself was wrong (contract section 4).
EXIT_USAGE = 2

#: A subcommand: parsed arguments, the console and standard input (``None`` if closed) in; an
#: exit code out.
Command = Callable[[argparse.Namespace, Console, TextIO | None], int]


def common_options() -> argparse.ArgumentParser:
    """A parent parser with the options every subcommand takes."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (only on a terminal, and not when NO_COLOR is set), "
        "always or never (default: %(default)s); statuses are always also written in words",
    )
    return parent


def output_problem(option: str, path: str | os.PathLike[str], error: OSError) -> str:
    """One line saying why ``path``, given with ``option``, cannot be written.

    A bad output location is a usage error (exit status 2): the command line named it.
    """
    if isinstance(error, FileExistsError):
        reason = "it exists and is not a folder"
    elif isinstance(error, FileNotFoundError):
        reason = "the folder it would go in does not exist"
    elif isinstance(error, IsADirectoryError):
        reason = "it is a folder"
    elif isinstance(error, NotADirectoryError):
        reason = "part of the path is a file, not a folder"
    else:
        text = error.strerror or str(error)
        reason = text[:1].lower() + text[1:]
    return f"cannot write {option} {os.fspath(path)}: {reason}"


def check_output(option: str, path: str) -> str | None:
    """Why the file ``path``, given with ``option``, could not be written, or ``None``.

    Checked before any input is read, without creating anything, so that a bad output location
    is told as a usage error first; opening the file may still fail (then `output_problem`).
    """
    error: OSError | None = None
    parent = os.path.dirname(path) or os.curdir
    if os.path.isdir(path):
        error = IsADirectoryError()
    elif not os.path.exists(parent):
        error = FileNotFoundError()
    elif not os.path.isdir(parent):
        error = NotADirectoryError()
    return None if error is None else output_problem(option, path, error)
