"""What every subcommand shares: its signature, the common options and the exit codes."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from copenhagen.cli._console import Console

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "assessor_from_args",
    "assessor_of",
    "check_output",
    "common_options",
    "indent_option",
    "indent_problem",
    "json_indent",
    "output_problem",
    "rules_option",
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


def _indent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 16:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to 16, got {text!r}")
    return value


def indent_option(default: int | None) -> argparse.ArgumentParser:
    """A parent parser with ``--indent N``, for a command that prints JSON.

    Args:
        default: The indentation the command uses when the option is not given (``None``:
            one line per document); `json_indent` reads it back.
    """
    parent = argparse.ArgumentParser(add_help=False)
    layout = "one line per document" if default is None else str(default)
    parent.add_argument(
        "--indent",
        metavar="N",
        type=_indent,
        help="indent JSON output by N spaces per level, one key per line, for reading by eye "
        f"(0-16; default: {layout})",
    )
    parent.set_defaults(indent_default=default)
    return parent


def json_indent(args: argparse.Namespace) -> int | None:
    """The indentation for the command's JSON: ``--indent`` if given, else its default."""
    given: int | None = args.indent
    return args.indent_default if given is None else given


def indent_problem(args: argparse.Namespace) -> str | None:
    """The usage error for ``--indent`` given with an output format that is not JSON, if any."""
    fmt = getattr(args, "format", "json")
    if getattr(args, "indent", None) is None or fmt == "json":
        return None
    return f"copenhagen {args.command_name}: error: --indent applies to --format json, not {fmt}"


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


def rules_option() -> argparse.ArgumentParser:
    """A parent parser with ``--rules FILE`` (repeatable), for a command that decides."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--rules",
        metavar="FILE",
        action="append",
        default=[],
        help="decide with the rule layer in FILE (a national or project reading: .yaml, .yml "
        "or .json; see the guide 'Writing a national reading'); repeat to apply several, in "
        "order. An invalid layer is a usage error.",
    )
    return parent


def assessor_of(files: Sequence[str], console: Console, command: str) -> Assessor | None:
    """The assessor with the layers of ``files`` applied in order, or ``None`` after a usage error.

    Every problem of every layer file goes to standard error (contract section 5: an invalid
    layer is a usage error).
    """
    from copenhagen.assessor import Assessor, default_assessor
    from copenhagen.documents._files import file_problem
    from copenhagen.layers import InvalidLayerError, load_layer

    if not files:
        return default_assessor()
    layers = []
    bad = False
    for path in files:
        try:
            layers.append(load_layer(path))
        except InvalidLayerError as error:
            console.lines(console.invalid_lines(f"rule layer {path}", error.errors))
            bad = True
        except (OSError, ImportError) as error:
            reason = file_problem(error) if isinstance(error, OSError) else str(error)
            console.problem(f"copenhagen {command}: error: rule layer {path}: {reason}")
            bad = True
    if bad:
        return None
    try:
        return Assessor(layers)
    except InvalidLayerError as error:  # a layer names what the layers below it removed
        at = [layer.id for layer in layers].index(str(error.source))
        below = ", ".join(files[:at]) or "the shipped rules"
        console.lines(console.invalid_lines(f"rule layer {files[at]} (on {below})", error.errors))
        return None


def assessor_from_args(args: argparse.Namespace, console: Console) -> Assessor | None:
    """The assessor of the command's ``--rules`` files (see `assessor_of`)."""
    return assessor_of(args.rules, console, args.command_name)
