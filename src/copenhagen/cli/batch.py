"""``copenhagen batch INPUT``: assess a whole registry, streaming, one output row per record."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options
from copenhagen.cli._console import Console

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
        choices=("auto", "jsonl", "json", "yaml", "csv", "folder"),
        default="auto",
        help="how to read INPUT (default: from its suffix, or a folder)",
    )
    parser.add_argument(
        "--summary",
        metavar="FILE",
        help="also write the summary to FILE: .md (Markdown), .html (a page with bar charts) "
        "or .json",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no summary on standard error"
    )
    parser.add_argument(
        "--no-fast-path",
        dest="fast",
        action="store_false",
        help="assess every record through the general path (same output, slower)",
    )
    parser.set_defaults(command=run)


def _write_summary(path: Path, summary: Any) -> None:
    from copenhagen.reports.summary import summary_html, summary_markdown

    suffix = path.suffix.lower()
    if suffix == ".html":
        text = summary_html(summary)
    elif suffix == ".json":
        text = json.dumps(summary.to_dict(), indent=2) + "\n"
    else:
        text = summary_markdown(summary)
    path.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace, console: Console, stdin: TextIO) -> int:
    """Run the batch; see the module's ``--help``."""
    from copenhagen.batch import input_format, run_batch
    from copenhagen.reports.summary import summary_text

    output_format: OutputFormat = args.output_format or (
        "csv" if args.output and args.output.lower().endswith(".csv") else "jsonl"
    )
    source: Any
    fmt: InputFormat
    if args.input == "-":
        source = stdin
        fmt = "jsonl" if args.input_format == "auto" else args.input_format
        if fmt == "folder":
            console.problem("copenhagen batch: error: standard input cannot be a folder")
            return EXIT_USAGE
        label = "<stdin>"
    else:
        source = Path(args.input)
        label = args.input
        if not source.exists():
            console.invalid(label, (("(document)", "no such file or folder"),))
            return EXIT_INVALID
        try:
            fmt = input_format(source, args.input_format)
        except ValueError as error:
            console.problem(f"copenhagen batch: error: {error}")
            return EXIT_USAGE

    def on_error(position: int, where: str | None, errors: tuple[tuple[str, str], ...]) -> None:
        unit = "line" if fmt == "jsonl" else "record"
        console.invalid(where or f"{label}, {unit} {position}", errors)

    with contextlib.ExitStack() as stack:
        if args.output:
            newline = "" if output_format == "csv" else None
            out: TextIO = stack.enter_context(
                open(args.output, "w", encoding="utf-8", newline=newline)
            )
        else:
            out = console.out
        progress = stack.enter_context(console.progress(f"assessing {label}"))
        summary = run_batch(
            source,
            out,
            input_fmt=fmt,
            output=output_format,
            on_error=on_error,
            on_progress=progress.update,
            progress_every=1000 if console.interactive else sys.maxsize,
            fast=args.fast,
        )
    if args.summary:
        _write_summary(Path(args.summary), summary)
    if not args.quiet:
        console.err.write(summary_text(summary))
    return EXIT_INVALID if summary.invalid else EXIT_OK
