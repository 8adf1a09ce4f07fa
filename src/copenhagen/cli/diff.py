"""``copenhagen diff A B``: every way two readings of the framework decide differently."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    assessor_of,
    common_options,
    indent_option,
    json_indent,
)
from copenhagen.cli._console import Console
from copenhagen.cli._readings import (
    BASE,
    example_text,
    outcome_text,
    reading_files,
    reading_label,
    table,
)

__all__ = ["register", "run"]

DESCRIPTION = """\
Compare two readings of the framework: list every pair of differing results (scope, modality,
NSO category) that some initiative gets, each with the smallest example initiative that gets it
and the rules that decide it on each side. A and B are each `base` (the shipped rules) or rule
layer files joined by '+', applied in order (national.yaml+project.yaml); with one reading, A is
base. Whether an outcome is settled counts; what is missing and warnings do not.

The comparison is complete, not sampled: it walks one initiative of every class of facts that a
condition of either reading can tell apart (which actors or sides, empty or not, true, false or
unknown). A decision with more than 500,000 such classes is searched with Hypothesis instead,
and the output says so.

output formats:
  text  a table per decision: a says X, b says Y, for initiatives like ... (the default)
  json  the list of differences as data (the method goes to standard error)

exit status: 0 the two decide every initiative alike; 1 they differ; 2 usage error (a layer file
that is invalid or missing).
"""

EPILOG = """\
examples:
  copenhagen diff examples/readings/private-sector-design.yaml
  copenhagen diff base national.yaml+project.yaml --format json
"""


def register(subparsers: Any) -> None:
    """Add the ``diff`` subcommand."""
    parser = subparsers.add_parser(
        "diff",
        parents=[common_options(), indent_option(2)],
        help="every way two readings (rule layers) decide differently, with examples",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("first", metavar="A", help="a reading: base, or FILE[+FILE...]")
    parser.add_argument(
        "second", metavar="B", nargs="?", help="the other reading (with A alone, A is base)"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def _heading(decision: str) -> str:
    """A decision's name as a heading: "Scope", "NSO category"."""
    from copenhagen.layers.vocabulary import SUBJECTS

    subject = SUBJECTS[decision]
    return subject[:1].upper() + subject[1:]


def _method(found: Any) -> str:
    """How the comparison was made, in one sentence."""
    from copenhagen.readings.comparing import EXHAUSTIVE

    parts = []
    for examined in found.examined:
        how = "walked whole" if examined.method == EXHAUSTIVE else "searched with Hypothesis"
        parts.append(f"{_heading(examined.decision)} {how} ({examined.points:,} initiatives)")
    return "; ".join(parts)


def _text(found: Any, labels: tuple[str, str], width: int, style: Any) -> str:
    lines = [f"a: {labels[0]}", f"b: {labels[1]}"]
    lines += textwrap.wrap(f"Compared: {_method(found)}.", width, subsequent_indent="  ")
    lines.append("")
    for examined in found.examined:
        decision, subject = examined.decision, _heading(examined.decision)
        items = [item for item in found if item["decision"] == decision]
        if not items:
            lines += [style(f"{subject}: the same for every initiative", "heading"), ""]
            continue
        noun = "difference" if len(items) == 1 else "differences"
        lines.append(style(f"{subject}: {len(items)} {noun}", "heading"))
        rows = [
            (
                outcome_text(decision, item["a"]),
                outcome_text(decision, item["b"]),
                f"{' '.join(item['rules']['a'])} / {' '.join(item['rules']['b'])}",
                example_text(item["example"]),
            )
            for item in items
        ]
        header = ("a says", "b says", "rules a / b", "for initiatives like")
        lines += [*table(header, rows, width), ""]
    return "\n".join(lines)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Compare the two readings; see the module's ``--help``."""
    from copenhagen.readings import diff

    specs = (BASE, args.first) if args.second is None else (args.first, args.second)
    files = [reading_files(spec) for spec in specs]
    assessors = [assessor_of(listed, console, "diff") for listed in files]
    if assessors[0] is None or assessors[1] is None:
        return EXIT_USAGE
    found = diff(assessors[0], assessors[1])
    if args.format == "json":
        text = json.dumps(list(found), indent=json_indent(args), sort_keys=True, ensure_ascii=False)
        console.data(text + "\n")
        console.problem(f"copenhagen diff: {_method(found)}")
    else:
        labels = (reading_label(files[0]), reading_label(files[1]))
        console.data(_text(found, labels, console.width, console.style))
    return EXIT_INVALID if found else EXIT_OK
