"""``copenhagen schema``: the JSON Schema of the initiative document, an assessment or a layer."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from copenhagen.cli._common import EXIT_OK, EXIT_USAGE, common_options, indent_option, json_indent
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
Print a JSON Schema (draft 2020-12) on standard output: of the initiative document, the keys
and values a description of an initiative may have (`initiative`, the default; the "Describing
an initiative" guide explains them), of the result `assess --format json` prints
(`assessment`), or with --layer of the rule layer format (a national reading, as `--rules FILE`
reads it; the guide "Writing a national reading" explains it).
"""


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        parents=[common_options(), indent_option(2)],
        help="the JSON Schema of the initiative document (or of an assessment)",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen schema > initiative.schema.json\n"
        "  copenhagen schema assessment\n  copenhagen schema --layer > layer.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "which",
        nargs="?",
        choices=("initiative", "assessment"),
        help="which schema (default: initiative)",
    )
    parser.add_argument(
        "--layer",
        action="store_true",
        help="the schema of the rule layer format instead (editors validate layer files with it)",
    )
    parser.set_defaults(command=run)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Print the schema; see the module's ``--help``."""
    if args.layer and args.which is not None:
        console.problem(
            f"copenhagen schema: error: --layer prints the layer schema; leave out {args.which!r}"
        )
        return EXIT_USAGE
    if args.layer:
        from copenhagen.layers import layer_schema

        schema = layer_schema()
    elif args.which == "assessment":
        from copenhagen.assessment import assessment_schema

        schema = assessment_schema()
    else:
        from copenhagen.documents import initiative_schema

        schema = initiative_schema()
    text = json.dumps(schema, indent=json_indent(args), sort_keys=True, ensure_ascii=False)
    console.data(text + "\n")
    return EXIT_OK
