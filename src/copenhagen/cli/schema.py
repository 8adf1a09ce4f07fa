"""``copenhagen schema``: the JSON Schema of the initiative document (or of an assessment)."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from copenhagen.cli._common import EXIT_OK, common_options, indent_option, json_indent
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
Print a JSON Schema (draft 2020-12) on standard output: of the initiative document, the keys
and values a description of an initiative may have (`initiative`, the default; the "Describing
an initiative" guide explains them), or of the result `assess --format json` prints
(`assessment`).
"""


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        parents=[common_options(), indent_option(2)],
        help="the JSON Schema of the initiative document (or of an assessment)",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen schema > initiative.schema.json\n"
        "  copenhagen schema assessment",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "which",
        nargs="?",
        choices=("initiative", "assessment"),
        default="initiative",
        help="which schema (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Print the schema; see the module's ``--help``."""
    if args.which == "assessment":
        from copenhagen.assessment import assessment_schema

        schema = assessment_schema()
    else:
        from copenhagen.documents import initiative_schema

        schema = initiative_schema()
    text = json.dumps(schema, indent=json_indent(args), sort_keys=True, ensure_ascii=False)
    console.data(text + "\n")
    return EXIT_OK
