"""``copenhagen rules``: every rule set an assessor holds, each rule with its citations."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    common_options,
    indent_option,
    json_indent,
    rules_option,
)
from copenhagen.cli._console import Console

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = ["register", "run"]

DESCRIPTION = """\
List every rule set the library decides with: the three decisions (scope S, Box 2; modality M,
para 15; NSO category C, para 32), the participation profile's placements (P, SH, HK; paras
10-12, Table 1), each principle's status from its practices and its own status (PX, PS; paras
17-31) and the recommendations (each citing where the framework supports it). Each rule
shows its id, citations, statement and what it reads; each rule set its digest (the one an
assessment's provenance records). With --rules, the rules of that reading, layers applied.
`--format json` gives the same as data.
"""


def register(subparsers: Any) -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser(
        "rules",
        parents=[common_options(), indent_option(2), rules_option()],
        help="every rule set with its rules, citations and digest",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen rules\n  copenhagen rules --format json\n"
        "  copenhagen rules --rules national.yaml",
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


def _group(assessor: Assessor) -> dict[str, str]:
    """Each rule set's id with the group it belongs to, in the order they are listed."""
    book = assessor.rules
    groups: dict[str, str] = {rs.id: "decision" for rs in book.decisions}
    groups.update({rs.id: "participation" for rs in book.participation})
    groups.update({rs.id: "principles" for rs in book.principles})
    groups[book.recommendations.id] = "recommendations"
    return groups


def _rule_data(rule: Any) -> dict[str, Any]:
    citations = getattr(rule, "citations", None) or (rule.citation,)
    reads = getattr(rule, "facts", None)
    if reads is None:  # a recommendation reads decisions, statuses and facts of a view
        reads = dict.fromkeys(
            k for k in (*rule.when.reads(), *(k for s in rule.slots for k in s.reads()))
        )
    found = {
        "id": rule.id,
        "citations": list(citations),
        "statement": rule.statement,
        "facts": list(reads),
    }
    if getattr(rule, "source", ""):
        found["source"] = rule.source
    return found


def _data(assessor: Assessor) -> list[dict[str, Any]]:
    by_id = assessor.rules.by_id()
    return [
        {
            "id": rule_set.id,
            "subject": rule_set.subject,
            "group": group,
            "digest": rule_set.digest,
            "rules": [_rule_data(rule) for rule in rule_set],
        }
        for rule_set_id, group in _group(assessor).items()
        for rule_set in (by_id[rule_set_id],)
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
        lines.append(s(f"  digest {rule_set['digest']}", "dim"))
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
            if "source" in rule:
                lines.append(s(f"      implements: {rule['source']}", "dim"))
    return "\n".join(lines) + "\n"


def _markdown(data: list[dict[str, Any]]) -> str:
    from copenhagen.reports._escape import escape_markdown as md

    lines: list[str] = []
    for rule_set in data:
        lines += [f"## {md(_heading(rule_set['subject']))} (`{rule_set['id']}`)", ""]
        lines += [f"Digest: `{rule_set['digest']}`", ""]
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
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    data = _data(assessor)
    if args.format == "json":
        console.data(json.dumps(data, indent=json_indent(args), ensure_ascii=False) + "\n")
    elif args.format == "markdown":
        console.data(_markdown(data))
    else:
        console.data(_text(data, console))
    return EXIT_OK
