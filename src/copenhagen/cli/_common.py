"""What every subcommand shares: its signature, the ``--color`` option and the exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from copenhagen.cli._console import Console

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "Command", "common_options"]

#: Every input was handled (contract section 4).
EXIT_OK = 0
#: Some input was invalid; its problems went to standard error (contract section 4).
EXIT_INVALID = 1
#: The command line itself was wrong (contract section 4).
EXIT_USAGE = 2

#: A subcommand: parsed arguments, the console and standard input in; an exit code out.
Command = Callable[[argparse.Namespace, Console, TextIO], int]


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
