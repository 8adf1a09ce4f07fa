"""``copenhagen check LAYER...``: the invariants a reading of the framework should keep."""

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
from copenhagen.cli._readings import example_text, reading_label

__all__ = ["register", "run"]

DESCRIPTION = """\
Check a reading of the framework (the shipped rules with the rule layers given, applied in
order; none: the shipped rules alone) against the invariants every reading should keep:

  engagement         more citizen engagement (a stage added, the engagement made meaningful)
                     never takes an initiative out of scope (Box 2, paras 10-11)
  citizen_initiator  adding a citizen-side initiator never takes one out of scope (Box 2,
                     para 15)
  missing            every decision that is not settled names the missing facts that would
                     settle it, whatever their values
  live_rules         every rule is the first to conclude for some initiative (none is dead)

Each is checked for every class of initiative the reading's conditions can tell apart (nothing
is sampled), and each kind of violation is shown with its smallest example.

exit status: 0 every invariant holds; 1 some does not; 2 usage error (a layer file that is
invalid or missing).
"""

EPILOG = """\
examples:
  copenhagen check examples/readings/private-sector-design.yaml
  copenhagen check national.yaml project.yaml --format json
"""


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check",
        parents=[common_options(), indent_option(2)],
        help="check a reading (rule layers) against the invariants of the framework",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("layers", metavar="LAYER", nargs="*", help="a rule layer file")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def _text(report: Any, label: str, width: int, style: Any) -> str:
    lines = textwrap.wrap(
        f"Checked {label}: every class of initiative its rules tell apart "
        f"({report.points:,} in all).",
        width,
    )
    lines.append("")
    for result in report.results:
        mark = style("ok   ", "good") if result.holds else style("FAILS", "bad")
        head = f"{mark}  {result.invariant.statement} ({result.invariant.citation})"
        lines.extend(textwrap.wrap(head, width, subsequent_indent="       "))
        for violation in result.violations:
            lines.extend(
                textwrap.wrap(
                    f"{violation.decision}: {violation.message}",
                    width,
                    initial_indent="    - ",
                    subsequent_indent="      ",
                )
            )
            shown = [("for example", violation.example), ("which becomes", violation.changed)]
            for words, document in shown:
                if document is not None:
                    lines.extend(
                        textwrap.wrap(
                            f"{words}: {example_text(document)}",
                            width,
                            initial_indent="      ",
                            subsequent_indent="        ",
                        )
                    )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Check the reading; see the module's ``--help``."""
    from copenhagen.readings import check

    assessor = assessor_of(args.layers, console, "check")
    if assessor is None:
        return EXIT_USAGE
    report = check(assessor)
    if args.format == "json":
        data = report.to_dict()
        console.data(json.dumps(data, indent=json_indent(args), ensure_ascii=False) + "\n")
    else:
        console.data(_text(report, reading_label(args.layers), console.width, console.style))
    return EXIT_OK if report.holds else EXIT_INVALID
