"""``copenhagen assess FILE...``: assess each initiative document (contract section 4)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    common_options,
    indent_option,
    json_indent,
    output_problem,
    rules_option,
)
from copenhagen.cli._console import Console
from copenhagen.cli._inputs import load_files
from copenhagen.cli._outputs import OutputFile, file_identity

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment

__all__ = ["register", "run"]

DESCRIPTION = """\
Assess each initiative document: its scope (Box 2), collaboration modality (para 15), NSO
category (para 32), the principles (paras 17-31), participation (paras 10-12) and
recommendations, each with the reasons that decided it.

FILE is a .json, .yaml/.yml or .toml document; '-' reads one JSON or YAML document (UTF-8) from
standard input. Every file is assessed even when another is invalid.

output formats:
  text      readable in a terminal (the default; colour only on a terminal)
  json      one line per valid file: json.dumps(assess(...).to_dict(), sort_keys=True);
            with --indent N, each file's result spread over lines, indented N spaces
  markdown  a Markdown report per file
  html      a standalone HTML report (inline style and graph; no network needed); with
            several files, give --output-dir
  table     one table for all the files: a row per valid file with its scope, modality,
            NSO category and how many principles are met, partial, not met and unknown

exit status: 0 every file assessed; 1 some file invalid (its problems on standard error,
nothing on standard output for it; a missing file counts as invalid); 2 usage error.
"""

EPILOG = """\
examples:
  copenhagen assess examples/*.yaml
  copenhagen assess --format json initiative.json > result.jsonl
  copenhagen assess --format json --indent 2 initiative.yaml
  cat initiative.yaml | copenhagen assess -
  copenhagen assess --format html --output-dir reports/ examples/*.yaml
  copenhagen assess --format table examples/*.yaml
  copenhagen assess --rules examples/readings/private-sector-design.yaml examples/*.yaml
"""

_SUFFIX = {"text": ".txt", "json": ".json", "markdown": ".md", "html": ".html"}


def register(subparsers: Any) -> None:
    """Add the ``assess`` subcommand."""
    parser = subparsers.add_parser(
        "assess",
        parents=[common_options(), indent_option(None), rules_option()],
        help="assess initiative documents (text, json, markdown or html)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="a document, or '-' for stdin")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "markdown", "html", "table"),
        default="text",
        help="output format (default: %(default)s)",
    )
    parser.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=Path,
        help="write one report per valid file into DIR (named after the file) instead of "
        "standard output; prints the paths written",
    )
    parser.add_argument(
        "--no-graph",
        action="store_true",
        help="leave the principle graph out of markdown and html reports",
    )
    parser.set_defaults(command=run)


def _render(
    fmt: str, result: Assessment, label: str, console: Console, graph: bool, indent: int | None
) -> str:
    # Reports get the Assessment itself: it knows what was declared, the description and the
    # country, which to_dict() does not carry.
    if fmt == "json":
        if indent is not None:  # spread over lines for reading; the default is the contract's
            import json

            return json.dumps(result.to_dict(), sort_keys=True, indent=indent) + "\n"
        from copenhagen.batch import dumps_row

        return dumps_row(result.to_dict()) + "\n"
    if fmt == "markdown":
        from copenhagen.reports.markdown import assessment_markdown

        return assessment_markdown(result, graph=graph)
    if fmt == "html":
        from copenhagen.reports.html import assessment_html

        return assessment_html(result, graph=graph)
    from copenhagen.reports.text import assessment_text

    return assessment_text(result, source=label, width=console.width, style=console.style)


def _report_path(
    folder: Path, label: str, taken: set[str], fmt: str, inputs: set[tuple[int, int]]
) -> Path:
    """Where the report of ``label`` goes: a name not yet used, and never one of the inputs."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(label).stem) or "initiative"
    name, n = f"{stem}{_SUFFIX[fmt]}", 1
    while name in taken or file_identity(folder / name) in inputs:
        n += 1
        name = f"{stem}-{n}{_SUFFIX[fmt]}"
    taken.add(name)
    return folder / name


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Assess every FILE; see the module's ``--help``."""
    fmt: str = args.format
    if fmt == "html" and len(args.files) > 1 and args.output_dir is None:
        console.problem(
            "copenhagen assess: error: --format html makes one page per file; with several "
            "files, give --output-dir DIR"
        )
        return EXIT_USAGE
    if fmt == "table" and args.output_dir is not None:
        console.problem(
            "copenhagen assess: error: --format table prints one table for all the files; "
            "it cannot be split over --output-dir"
        )
        return EXIT_USAGE
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    if args.output_dir is not None:
        try:
            args.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            problem = output_problem("--output-dir", args.output_dir, error)
            console.problem(f"copenhagen assess: error: {problem}")
            return EXIT_USAGE
    status = EXIT_OK
    taken: set[str] = set()
    # The inputs by identity: a report never takes the place of a document it came from.
    inputs = {found for name in args.files if (found := file_identity(name)) is not None}
    first = True
    table: list[tuple[str, dict[str, Any]]] = []
    for loaded in load_files(args.files, stdin):
        if loaded.initiative is None:
            loaded.report(console)
            status = EXIT_INVALID
            continue
        result = assessor.assess(loaded.initiative)
        if fmt == "table":
            table.append((Path(loaded.label).name, result.to_dict()))
            continue
        text = _render(fmt, result, loaded.label, console, not args.no_graph, json_indent(args))
        if args.output_dir is not None:
            target = _report_path(args.output_dir, loaded.label, taken, fmt, inputs)
            report = OutputFile(str(target))  # written whole, then renamed into place
            try:
                report.open().write(text)
                report.commit()
            except OSError as error:
                report.discard()
                problem = output_problem("--output-dir", target, error)
                console.problem(f"copenhagen assess: error: {problem}")
                return EXIT_USAGE
            console.data(f"{target}\n")
            continue
        if not first and fmt in ("text", "markdown"):
            console.data("\n")
        console.data(text)
        first = False
    if fmt == "table" and table:  # an invalid file prints nothing, so no files print no table
        from copenhagen.reports.overview import overview_text

        console.data(overview_text(table, width=console.width, style=console.style))
    return status
