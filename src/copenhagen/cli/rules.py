"""``copenhagen rules``: every rule of the three decisions with its citations and statement."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from copenhagen.cli._common import EXIT_OK, common_options, indent_option, json_indent
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
List every rule the library decides with: the scope rules (S, Box 2), the modality rules
(M, para 15) and the NSO category rules (C, para 32), each with its id, citations, statement
and the document keys it reads. `--format json` gives the same as data, with each rule set's
digest (the one an assessment's provenance records).
"""


def register(subparsers: Any) -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser(
        "rules",
        parents=[common_options(), indent_option(2)],
        help="every rule with its citation",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen rules\n  copenhagen rules --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def _data() -> list[dict[str, Any]]:
    from copenhagen.rules import RULE_SETS

    return [
        {
            "id": rule_set.id,
            "subject": rule_set.subject,
            "digest": rule_set.digest,
            "rules": [
                {
                    "id": rule.id,
                    "citations": list(rule.citations),
                    "statement": rule.statement,
                    "facts": list(rule.facts),
                }
                for rule in rule_set.rules
            ],
        }
        for rule_set in RULE_SETS
    ]


def _heading(subject: str) -> str:
    """A rule set's subject as a heading: its first letter upper-case, the rest as written.

    (``str.capitalize`` would lower-case the rest and turn "NSO category" into "Nso category".)
    """
    return subject[:1].upper() + subject[1:]


def _text(data: list[dict[str, Any]], console: Console) -> str:
    s = console.style
    lines: list[str] = []
    for rule_set in data:
        if lines:
            lines.append("")
        lines.append(s(f"{_heading(rule_set['subject'])} ({rule_set['id']})", "heading"))
        for rule in rule_set["rules"]:
            head = f"  {s(rule['id'], 'label')}  [{', '.join(rule['citations'])}]"
            lines.append(head)
            lines.extend(
                textwrap.wrap(
                    rule["statement"],
                    console.width,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
            lines.append(s(f"      reads: {', '.join(rule['facts']) or 'nothing'}", "dim"))
    return "\n".join(lines) + "\n"


def _markdown(data: list[dict[str, Any]]) -> str:
    from copenhagen.reports._escape import escape_markdown as md

    lines: list[str] = []
    for rule_set in data:
        lines += [f"## {md(_heading(rule_set['subject']))} (`{rule_set['id']}`)", ""]
        lines += ["| Rule | Citations | Statement | Reads |", "|---|---|---|---|"]
        lines += [
            f"| {md(r['id'])} | {md(', '.join(r['citations']))} | {md(r['statement'])} "
            f"| {md(', '.join(r['facts']))} |"
            for r in rule_set["rules"]
        ]
        lines.append("")
    return "\n".join(lines)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Print the rules; see the module's ``--help``."""
    data = _data()
    if args.format == "json":
        console.data(json.dumps(data, indent=json_indent(args), ensure_ascii=False) + "\n")
    elif args.format == "markdown":
        console.data(_markdown(data))
    else:
        console.data(_text(data, console))
    return EXIT_OK
