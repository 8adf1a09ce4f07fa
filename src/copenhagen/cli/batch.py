"""``copenhagen batch INPUT``: assess a whole registry, streaming, one output row per record."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    check_output,
    common_options,
    output_problem,
    rules_option,
)
from copenhagen.cli._console import Console
from copenhagen.cli._outputs import OutputFile, same_target, stop_on_signals
from copenhagen.cli.convert import add_parties_option, load_parties_option

if TYPE_CHECKING:
    from copenhagen.batch import InputFormat, OutputFormat

__all__ = ["SHOWN_BAD_RECORDS", "SUMMARY_SUFFIXES", "register", "run"]

#: What each ``--summary`` suffix writes.
SUMMARY_SUFFIXES: dict[str, str] = {".md": "Markdown", ".html": "HTML", ".json": "JSON"}

#: How many bad records have their problems printed on standard error; the rest are counted.
#: Every bad record's problems are in its row whatever the count.
SHOWN_BAD_RECORDS = 10

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
  JSON Lines  a compact row: position, name, provenance (a digest of the rules applied),
              scope, modality and nso_category (each outcome, determinate, missing, the ids
              of its rules and its warnings), principles, recommendations (ids) and warnings;
              with --detail full, {"position": N, ...assess().to_dict()}; a bad record's row
              is {"position": N, "errors": [[path, message], ...]} (and its name, if it has
              one). Each row is json.dumps(..., sort_keys=True); N counts records from 1 (for
              JSON Lines input, the line number)
  CSV         the same rows in columns, outcomes by name (see the Batch guide)

--jobs N assesses with N worker processes (auto: one per processor); the rows are the same,
byte for byte, and still in input order.

Bad records do not stop the run (unless --max-errors says when to): the first 10 are reported on
standard error with their position (for CSV, also the line the record starts on), then a count;
every bad record's problems are in its row. Output files are written whole or not at all: a run
that stops early (an error, Ctrl-C, a signal, --max-errors) leaves what it wrote as FILE.partial,
says so, and exits non-zero; standard output is written as the rows come. A progress bar is
shown on standard error when it is a terminal. The run ends with a summary on standard error:
counts by scope, modality, NSO category and principle status, invalid records, and how often
each rule decided (a rule that never fires over a real registry is worth a look).

CSV output neutralises spreadsheet formulas: a cell that starts with =, +, -, @, a tab or a
carriage return gets a leading ' (--csv-formulas keep writes cells as they are).

exit status: 0 every record assessed; 1 some record invalid (or INPUT missing, or the run
stopped early); 2 usage error; 130 interrupted (Ctrl-C); 128+N stopped by signal N.
"""

EPILOG = """\
examples:
  copenhagen batch registry.jsonl --output results.jsonl
  copenhagen batch registry.csv --output results.csv --summary summary.html
  copenhagen batch registry.jsonl --detail full --jobs auto --output results.jsonl
  gunzip -c registry.jsonl.gz | copenhagen batch - > results.jsonl
"""


def register(subparsers: Any) -> None:
    """Add the ``batch`` subcommand."""
    parser = subparsers.add_parser(
        "batch",
        parents=[common_options(), rules_option()],
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
        "--detail",
        choices=("compact", "full"),
        default="compact",
        help="compact rows (the default: outcomes, rule ids, principle statuses, "
        "recommendation ids) or full ones (each record's whole assessment, traces included)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        type=_jobs,
        default=1,
        help="assess with N worker processes, or 'auto' for one per processor (default 1); "
        "the output is the same whatever N",
    )
    parser.add_argument(
        "--cache-size",
        metavar="N",
        type=_cache_size,
        default=None,
        help="how many patterns each of the assessor's caches holds (default 65,536, "
        "copenhagen.assessor.DEFAULT_CACHE_SIZE); smaller bounds the memory of a long run, at "
        "some speed (see the Batch guide); the output is the same whatever N",
    )
    parser.add_argument(
        "--summary",
        metavar="FILE",
        help="also write the summary to FILE: .md (Markdown), .html (a page with bar charts) "
        "or .json; another suffix is a usage error",
    )
    parser.add_argument(
        "--max-errors",
        metavar="N",
        type=int,
        help="stop after N invalid records (the rows so far are left as FILE.partial, and the "
        "exit status is 1); by default a run reads every record",
    )
    parser.add_argument(
        "--csv-formulas",
        choices=("neutralise", "keep"),
        default="neutralise",
        help="CSV output: a cell that starts with =, +, -, @, a tab or a carriage return gets a "
        "leading ' so that a spreadsheet shows it as text and never runs it (neutralise, the "
        "default), or is written as it is (keep: for programs reading the CSV back)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print no summary on standard error"
    )
    parser.set_defaults(command=run)


def _from_one(text: str, *, or_auto: bool = False) -> int:
    """A whole number from 1, for an option (``auto`` named as allowed where it is)."""
    also = " or auto" if or_auto else ""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number{also}, not {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more{also}, not {number}")
    return number


def _cache_size(text: str) -> int:
    """``--cache-size``: a whole number from 1."""
    return _from_one(text)


def _jobs(text: str) -> int:
    """``--jobs``: a whole number from 1, or ``auto`` for one worker per processor."""
    if text == "auto":
        # The processors this process may run on (a container's share), where the system says.
        if hasattr(os, "sched_getaffinity"):
            return max(1, len(os.sched_getaffinity(0)))
        return max(1, os.cpu_count() or 1)
    return _from_one(text, or_auto=True)


def _summary_text(suffix: str, summary: Any) -> str:
    from copenhagen.reports.summary import summary_html, summary_markdown

    if suffix == ".html":
        return summary_html(summary)
    if suffix == ".json":
        return json.dumps(summary.to_dict(), indent=2) + "\n"
    return summary_markdown(summary)


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


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why the outputs cannot be written as asked (a usage error), or ``None``.

    Checked before anything is read or created. Files are compared by identity, so a link to
    the input counts as the input.
    """
    named = [("--output", args.output), ("--summary", args.summary)]
    for option, path in named:
        problem = check_output(option, path) if path else None
        if problem is not None:
            return problem
    if args.output and args.summary and same_target(args.output, args.summary):
        return f"--output and --summary name the same file ({args.summary}); give two files"
    if args.summary and Path(args.summary).suffix.lower() not in SUMMARY_SUFFIXES:
        suffixes = ", ".join(f"{suffix} ({kind})" for suffix, kind in SUMMARY_SUFFIXES.items())
        return f"--summary {args.summary}: cannot tell what to write; name it with {suffixes}"
    if args.input == "-":
        return None
    for option, path in named:
        if path and _overwrites_input(path, args.input):
            # Writing there would lose the registry (or a document of it): nothing given is lost.
            return f"{option} {path} is the input itself; write the results elsewhere"
    return None


def _overwrites_input(output: str, source: str) -> bool:
    """Whether ``output`` is the input file (by identity) or a file of the input folder."""
    if same_target(output, source):
        return True
    if os.path.isdir(source):
        return same_target(os.path.dirname(os.path.abspath(output)), source)
    return False


def _input_format(path: Path, given: str, console: Console) -> InputFormat | int:
    """The format to read INPUT as, or the exit status after saying why it cannot be read.

    A named pipe is read as a stream (the user named it); a folder as documents; a device, a
    socket, a dangling link or a loop of links is refused without being opened.
    """
    from copenhagen.batch import input_format
    from copenhagen.documents._files import file_problem

    label = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "is a symbolic link to nothing" if path.is_symlink() else "no such file or folder"
        console.unreadable(f"{label}: {reason}")
        return EXIT_INVALID
    except OSError as error:
        console.unreadable(f"{label}: {file_problem(error)}")
        return EXIT_INVALID
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        console.unreadable(f"{label}: is a device or a socket, not a registry")
        return EXIT_INVALID
    try:
        fmt = input_format(path, given)  # type: ignore[arg-type]
    except ValueError as error:
        console.problem(f"copenhagen batch: error: {error}")
        return EXIT_USAGE
    if not os.access(path, os.R_OK):
        console.unreadable(f"{label}: cannot be read (permission denied)")
        return EXIT_INVALID
    return fmt


class _Reporter:
    """Says on standard error which records are bad: the first few in full, then a count."""

    def __init__(self, console: Console, label: str, unit: str) -> None:
        self.console = console
        self.label = label
        self.unit = unit
        self.bad = 0
        self.progress: Any = None

    def __call__(
        self, position: int, where: str | None, errors: tuple[tuple[str, str], ...], line: Any
    ) -> None:
        self.bad += 1
        if self.bad > SHOWN_BAD_RECORDS:
            return
        place = f" (line {line})" if line is not None else ""
        name = where or f"{self.label}, {self.unit} {position}{place}"
        lines = self.console.invalid_lines(name, errors)
        if self.progress is not None:
            self.progress.above(lines)
        else:
            self.console.lines(lines)

    def close(self) -> None:
        hidden = self.bad - SHOWN_BAD_RECORDS
        if hidden > 0:
            noun = "record" if hidden == 1 else "records"
            self.console.problem(
                f"... and {hidden:,} more invalid {noun}, not shown here: every record's "
                "problems are in its row (and counted in the summary)"
            )


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Run the batch; see the module's ``--help``."""
    from copenhagen.batch import BatchStopped, run_batch
    from copenhagen.reports.summary import summary_text

    output_format: OutputFormat = args.output_format or (
        "csv" if args.output and args.output.lower().endswith(".csv") else "jsonl"
    )
    if args.max_errors is not None and args.max_errors < 1:
        console.problem("copenhagen batch: error: --max-errors must be 1 or more")
        return EXIT_USAGE
    problem = _output_problem(args)
    if problem is not None:
        console.problem(f"copenhagen batch: error: {problem}")
        return EXIT_USAGE
    if args.parties is not None and args.input_format != "ppsr-core":
        console.problem("copenhagen batch: error: --parties goes with --input-format ppsr-core")
        return EXIT_USAGE
    parties = load_parties_option(args.parties, "batch", console)
    if parties is None:
        return EXIT_USAGE
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    if args.cache_size is not None and args.cache_size != assessor.cache_size:
        from copenhagen.assessor import Assessor

        assessor = Assessor(assessor.layers, cache_size=args.cache_size)
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
        found = _input_format(source, args.input_format, console)
        if isinstance(found, int):
            return found
        fmt = found

    reporter = _Reporter(console, label, "line" if fmt == "jsonl" else "record")
    outputs: list[OutputFile] = []
    with contextlib.ExitStack() as stack:
        # Both outputs are opened before the run, so a bad path is told at once (a usage error).
        out: TextIO = console.out
        summary_file: TextIO | None = None
        for option, path, newline in (
            ("--output", args.output, "" if output_format == "csv" else None),
            ("--summary", args.summary, None),
        ):
            if not path:
                continue
            target = OutputFile(path, newline)
            try:
                stream: Any = target.open()
            except OSError as error:
                for opened in outputs:
                    opened.discard()
                console.problem(f"copenhagen batch: error: {output_problem(option, path, error)}")
                return EXIT_USAGE
            outputs.append(target)
            if option == "--output":
                out = stream
            else:
                summary_file = stream
        reader: Any = source if isinstance(source, Path) else _stdin_source(source, fmt, stack)
        progress = stack.enter_context(console.progress(f"assessing {label}"))
        reporter.progress = progress if console.interactive else None
        stopped: str | None = None
        told: str | None = None
        summary: Any = None
        try:
            with stop_on_signals():
                summary = run_batch(
                    reader,
                    out,
                    input_fmt=fmt,
                    output=output_format,
                    on_error=reporter,
                    on_progress=progress.update,
                    progress_every=1000 if console.interactive else sys.maxsize,
                    max_errors=args.max_errors,
                    keep_formulas=args.csv_formulas == "keep",
                    parties=parties,
                    detail=args.detail,
                    jobs=args.jobs,
                    assessor=assessor,
                )
        except BatchStopped as early:
            summary = early.summary
            stopped = f"stopped after {early.summary.invalid:,} invalid records (--max-errors)"
        except UnicodeDecodeError as error:
            # The rows before the bad byte are written; the rest cannot be read.
            bad = error.object[error.start : error.start + 1].hex()
            console.unreadable(f"{what} is not UTF-8 text (byte 0x{bad}); reading stopped there")
            stopped = told = "stopped at a byte that is not UTF-8"
        except BaseException:
            _left_partial(console, outputs, "stopped early")
            raise
        finally:
            reporter.progress = None
        reporter.close()
        if summary is not None and summary_file is not None:
            summary_file.write(_summary_text(Path(args.summary).suffix.lower(), summary))
        if stopped is not None:
            _left_partial(console, outputs, stopped, told=told is not None)
        else:
            for target in outputs:
                target.commit()
    if summary is not None and not args.quiet:
        console.err.write(summary_text(summary))
    if stopped is not None:
        return EXIT_INVALID
    return EXIT_INVALID if summary.invalid else EXIT_OK


def _left_partial(
    console: Console, outputs: list[OutputFile], why: str, *, told: bool = False
) -> None:
    """Name each output of a run that stopped early ``NAME.partial``, and say so.

    ``told``: why it stopped was said already; then only files left partial are named.
    """
    kept = [name for name in (target.abandon() for target in outputs) if name is not None]
    if kept:
        console.problem(f"copenhagen batch: {why}; what was written so far is in {', '.join(kept)}")
    elif not told:
        console.problem(f"copenhagen batch: {why}; the rows so far went to standard output")
