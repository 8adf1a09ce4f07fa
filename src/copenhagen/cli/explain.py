"""``copenhagen explain FILE...``: the full cited trace of every decision about an initiative."""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    common_options,
    rules_option,
)
from copenhagen.cli._console import Console
from copenhagen.cli._inputs import load_files

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = ["register", "run"]

DESCRIPTION = """\
Explain every decision about an initiative in full: each rule of the scope (Box 2), modality
(para 15) and NSO category (para 32) rule sets that was tried, in order, with its citation and
a sentence naming the facts it used, including the rules that did not apply and why; then each
principle's status (paras 17-31) with its reasons and citations.

`assess` shows only the steps that decided; use this command to see all of them.

exit status: 0 every file explained; 1 some file invalid (or missing); 2 usage error.
"""


def register(subparsers: Any) -> None:
    """Add the ``explain`` subcommand."""
    parser = subparsers.add_parser(
        "explain",
        parents=[common_options(), rules_option()],
        help="the full cited trace of every decision",
        description=DESCRIPTION,
        epilog="example:\n  copenhagen explain examples/map-kibera.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="a document, or '-' for stdin")
    parser.add_argument(
        "--decisions-only", action="store_true", help="leave out the principles' explanations"
    )
    parser.set_defaults(command=run)


def explanation(
    initiative: Any,
    *,
    principles: bool = True,
    width: int = 100,
    assessor: Assessor | None = None,
) -> str:
    """The full explanation of one initiative as text, by ``assessor`` (the shipped rules')."""
    from copenhagen.assessor import default_assessor
    from copenhagen.reports._labels import crosswalks_label, principle_label, status_label
    from copenhagen.reports.text import printable

    assessor = assessor or default_assessor()
    lines = [printable(line) for line in assessor.explain(initiative, full=True).splitlines()]
    if principles:
        lines.append("Principles:")
        assessment = assessor.assess_principles(initiative)
        for principle, finding in assessment.findings.items():
            key = principle.name.lower()
            cites = ", ".join(finding.citations)
            lines.append(f"  {status_label(finding.status.value)}: {principle_label(key)}")
            lines.extend(
                textwrap.wrap(
                    f"{finding.explanation} ({cites})" if cites else finding.explanation,
                    width,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
            related = crosswalks_label(finding.to_dict()["crosswalks"])
            lines.extend(
                textwrap.wrap(
                    f"Related standards: {related}",
                    width,
                    initial_indent="    ",
                    subsequent_indent="      ",
                )
            )
        lines.extend(f"  ! {warning}" for warning in assessment.warnings)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Explain every FILE; see the module's ``--help``."""
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    status = EXIT_OK
    first = True
    for loaded in load_files(args.files, stdin):
        if loaded.initiative is None:
            loaded.report(console)
            status = EXIT_INVALID
            continue
        if not first:
            console.data("\n")
        first = False
        console.data(
            explanation(
                loaded.initiative,
                principles=not args.decisions_only,
                width=console.width,
                assessor=assessor,
            )
        )
    return status
