"""The ``copenhagen`` command line: assess, validate, batch, explain, schema, rules, graph...

Data goes to standard output and diagnostics to standard error. Exit status follows contract
section 4 everywhere: 0 when every input was handled, 1 when any input was invalid (its problems
on standard error; the other inputs are still handled), 2 for a usage error. Each subcommand
lives in its own module with a ``register`` and a ``run`` function; this module only parses.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from copenhagen._version import __version__
from copenhagen.cli import (
    assess,
    batch,
    check,
    convert,
    diff,
    explain,
    framework,
    graph,
    new,
    rules,
    schema,
    serve,
    validate,
)
from copenhagen.cli._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, indent_problem
from copenhagen.cli._console import Console
from copenhagen.cli._outputs import Terminated
from copenhagen.reports.text import printable

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

DESCRIPTION = """\
Assess citizen data initiatives against the UN Copenhagen Framework on Citizen Data (v1.0):
scope (Box 2), collaboration modality (para 15), NSO category (para 32), the 13 principles
(paras 17-31) and participation (paras 10-12), each decision with its cited reasons.

Run `copenhagen COMMAND --help` for each command's options.

exit status: 0 ok; 1 some input invalid (problems on standard error); 2 usage error.
"""

EPILOG = """\
examples:
  copenhagen assess examples/*.yaml
  copenhagen explain examples/map-kibera.yaml
  copenhagen batch registry.jsonl --output results.jsonl --summary summary.html
  copenhagen assess --rules national.yaml initiative.yaml   # a national reading
  copenhagen diff national.yaml       # how a reading differs from the shipped rules
  copenhagen new initiative.yaml      # answer questions in the terminal
  copenhagen serve                    # the same questions as a web form on 127.0.0.1
"""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors escape control characters like every diagnostic."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the whole command line."""
    parser = _Parser(
        prog="copenhagen",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(
        title="commands", metavar="COMMAND", required=True, dest="command_name"
    )
    for module in (
        assess,
        validate,
        batch,
        explain,
        schema,
        rules,
        diff,
        check,
        graph,
        framework,
        convert,
        new,
        serve,
    ):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments (without the program name); ``sys.argv[1:]`` if ``None``.
        stdin: Where ``-`` reads from (standard input if ``None``).

    Returns:
        The exit status: 0 ok, 1 some input invalid, 2 usage error (contract section 4).
    """
    parser = build_parser()
    try:
        args = parser.parse_args(None if argv is None else list(argv))
    except SystemExit as exit_:  # --help, --version, or a usage error (argparse says 2)
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    console = Console.standard(args.color)
    misused = indent_problem(args)
    if misused is not None:
        console.problem(misused)
        return EXIT_USAGE
    # sys.stdin is None when the process was started with standard input closed (`<&-`).
    source: TextIO | None = stdin if stdin is not None else sys.stdin
    try:
        status: int = args.command(args, console, source)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Terminated as stop:  # SIGTERM or SIGHUP during a run that tidied its outputs
        return 128 + stop.signum
    except OSError as error:
        # A write failure no command foresaw (e.g. a full disk): one line, never a traceback.
        where = f" ({error.filename})" if error.filename else ""
        console.problem(f"copenhagen: error: {error.strerror or error}{where}")
        return EXIT_USAGE
    try:
        console.out.flush()
    except BrokenPipeError:
        return EXIT_OK
    return status


if __name__ == "__main__":  # pragma: no cover - `python -m copenhagen.cli`
    sys.exit(main())
