"""``copenhagen batch INPUT``: assess a whole registry, streaming, one output row per record."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    check_output,
    common_options,
    output_problem,
)
from copenhagen.cli._console import Console
from copenhagen.cli.convert import add_parties_option, load_parties_option

if TYPE_CHECKING:
    from copenhagen.batch import InputFormat, OutputFormat

__all__ = ["register", "run"]

DESCRIPTION = """\
Assess every initiative of a registry, streaming: memory stays flat whatever the file's size.

INPUT is a JSON Lines file (.jsonl/.ndjson; one document per line), a JSON array (.json), a
YAML list or multi-document stream (.yaml/.yml), a CSV file (.csv; one initiative per row), a
folder of .json/.yaml/.yml/.toml documents (one initiative each, in name order), or '-' for
standard input (JSON Lines unless --input-format says otherwise).

CSV input: a column per document key; an empty cell is unknown (the key is absent); [] is an
empty list; list items are separated by ';'; booleans are true/false; mappings spread over
dotted columns: principles.<name> (a status), practices.<practice> (true/false),
participation.<aspect> (a level), extra.<key> (kept as text).

Output: one row per record, in input order, to standard output or --output:
  JSON Lines  {"position": N, ...assess().to_dict()}  or  {"position": N, "errors": [[path,
              message], ...]}, each json.dumps(..., sort_keys=True); N counts records from 1
              (for JSON Lines input, the line number)
  CSV         the same flattened into columns (see the Batch guide)

Bad records do not stop the run: each is reported on standard error with its position. A
progress bar is shown on standard error when it is a terminal. The run ends with a summary on
standard error: counts by scope, modality, NSO category and principle status, invalid records,
and how often each rule decided (a rule that never fires over a real registry is worth a look).

exit status: 0 every record assessed; 1 some record invalid (or INPUT missing); 2 usage error.
"""

EPILOG = """\
examples:
  copenhagen batch registry.jsonl --output results.jsonl
  copenhagen batch registry.csv --output results.csv --summary summary.html
  gunzip -c registry.jsonl.gz | copenhagen batch - > results.jsonl
"""


def register(subparsers: Any) -> None:
    """Add the ``batch`` subcommand."""
    parser = subparsers.add_parser(
        "batch",
        parents=[common_options()],
        help="assess a whole registry (JSON Lines, JSON, YAML, CSV or a folder), streaming",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", metavar="INPUT", help="a registry file, a folder, or '-'")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the rows to FILE instead of standard output (.csv gives CSV)",
    )
    parser.add_argument(
        "--output-format",
        choices=("jsonl", "csv"),
        help="the rows' format (default: from --output's suffix, else jsonl)",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "jsonl", "json", "yaml", "csv", "folder", "ppsr-core"),
        default="auto",
        help="how to read INPUT (default: from its suffix, or a folder); ppsr-core: PPSR-Core "
        "project metadata, as copenhagen convert reads it",
    )
    add_parties_option(parser)
    parser.add_argument(
        "--summary",
        metavar="FILE",
        help="also write the summary to FILE: .md (Markdown), .html (a page with bar charts) "
        "or .json",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no summary on standard error"
    )
    parser.set_defaults(command=run)


def _summary_text(suffix: str, summary: Any) -> str:
    from copenhagen.reports.summary import summary_html, summary_markdown

    if suffix == ".html":
        return summary_html(summary)
    if suffix == ".json":
        return json.dumps(summary.to_dict(), indent=2) + "\n"
    return summary_markdown(summary)


def _open_output(
    stack: contextlib.ExitStack, option: str, path: str, newline: str | None, console: Console
) -> TextIO | None:
    """``path`` opened for writing, or ``None`` after saying why it cannot be (a usage error)."""
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8", newline=newline))
    except OSError as error:
        console.problem(f"copenhagen batch: error: {output_problem(option, path, error)}")
        return None


def _stdin_source(stdin: TextIO, fmt: str, stack: contextlib.ExitStack) -> TextIO:
    """Standard input as UTF-8 text (a byte order mark allowed), when it has bytes.

    JSON Lines and CSV are read record by record, so a byte that is not UTF-8 spoils only its
    record (kept as a lone surrogate, which the batch reports); the formats read whole stop
    there.
    """
    from copenhagen.batch import RECORD_BY_RECORD

    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        return stdin
    errors = "surrogateescape" if fmt in RECORD_BY_RECORD else "strict"
    text = io.TextIOWrapper(
        buffer, encoding="utf-8-sig", errors=errors, newline="" if fmt == "csv" else None
    )
    # Detach at the end, so that closing the wrapper does not close the process's stdin.
    stack.callback(text.detach)
    return text


def _overwrites_input(output: str, source: str) -> bool:
    """Whether writing ``output`` would overwrite the input file or a file of the input folder."""
    if source == "-":
        return False
    target = Path(output).resolve()
    origin = Path(source).resolve()
    return target == origin or (origin.is_dir() and target.parent == origin)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Run the batch; see the module's ``--help``."""
    from copenhagen.batch import input_format, run_batch
    from copenhagen.reports.summary import summary_text

    output_format: OutputFormat = args.output_format or (
        "csv" if args.output and args.output.lower().endswith(".csv") else "jsonl"
    )
    for option, path in (("--output", args.output), ("--summary", args.summary)):
        problem = check_output(option, path) if path else None
        if problem is None and path and _overwrites_input(path, args.input):
            # Writing there would empty the registry before it is read: nothing given is lost.
            problem = f"{option} {path} is the input itself; write the results elsewhere"
        if problem is not None:
            console.problem(f"copenhagen batch: error: {problem}")
            return EXIT_USAGE
    if args.parties is not None and args.input_format != "ppsr-core":
        console.problem("copenhagen batch: error: --parties goes with --input-format ppsr-core")
        return EXIT_USAGE
    parties = load_parties_option(args.parties, "batch", console)
    if parties is None:
        return EXIT_USAGE
    source: Any
    fmt: InputFormat
    if args.input == "-":
        fmt = "jsonl" if args.input_format == "auto" else args.input_format
        if fmt == "folder":
            console.problem("copenhagen batch: error: standard input cannot be a folder")
            return EXIT_USAGE
        if stdin is None or getattr(stdin, "closed", False):
            console.unreadable("no standard input")
            return EXIT_INVALID
        source = stdin
        label = "<stdin>"
        what = "standard input"
    else:
        source = Path(args.input)
        label = what = args.input
        if not source.exists():
            console.unreadable(f"{label}: no such file or folder")
            return EXIT_INVALID
        try:
            fmt = input_format(source, args.input_format)
        except ValueError as error:
            console.problem(f"copenhagen batch: error: {error}")
            return EXIT_USAGE
        if not os.access(source, os.R_OK):
            console.unreadable(f"{label}: cannot be read (permission denied)")
            return EXIT_INVALID

    def on_error(position: int, where: str | None, errors: tuple[tuple[str, str], ...]) -> None:
        unit = "line" if fmt == "jsonl" else "record"
        console.invalid(where or f"{label}, {unit} {position}", errors)

    with contextlib.ExitStack() as stack:
        # Both outputs are opened before the run, so a bad path is told at once (a usage error).
        out: TextIO | None = console.out
        if args.output:
            newline = "" if output_format == "csv" else None
            out = _open_output(stack, "--output", args.output, newline, console)
        summary_file: TextIO | None = None
        if args.summary:
            summary_file = _open_output(stack, "--summary", args.summary, None, console)
        if out is None or (args.summary and summary_file is None):
            return EXIT_USAGE
        if isinstance(source, Path):
            reader: Any = source
        else:
            reader = _stdin_source(source, fmt, stack)
        progress = stack.enter_context(console.progress(f"assessing {label}"))
        try:
            summary = run_batch(
                reader,
                out,
                input_fmt=fmt,
                output=output_format,
                on_error=on_error,
                on_progress=progress.update,
                progress_every=1000 if console.interactive else sys.maxsize,
                parties=parties,
            )
        except UnicodeDecodeError as error:
            # The rows before the bad byte are written; the rest cannot be read.
            bad = error.object[error.start : error.start + 1].hex()
            console.unreadable(f"{what} is not UTF-8 text (byte 0x{bad}); reading stopped there")
            return EXIT_INVALID
        if summary_file is not None:
            summary_file.write(_summary_text(Path(args.summary).suffix.lower(), summary))
    if not args.quiet:
        console.err.write(summary_text(summary))
    return EXIT_INVALID if summary.invalid else EXIT_OK
