"""``copenhagen schema``: the JSON Schema of a document, an assessment, a batch row or a layer."""

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
(`assessment`), with --row of the rows `copenhagen batch` writes (compact rows, or with
--detail full the full ones; a bad record's row either way), or with --layer of the rule layer
format (a national reading, as `--rules FILE` reads it; the guide "Writing a national reading"
explains it).
"""


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        parents=[common_options(), indent_option(2)],
        help="the JSON Schema of the initiative document (or of an assessment, a row, a layer)",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen schema > initiative.schema.json\n"
        "  copenhagen schema assessment\n  copenhagen schema --row --detail full\n"
        "  copenhagen schema --layer > layer.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "which",
        nargs="?",
        choices=("initiative", "assessment"),
        help="which schema (default: initiative)",
    )
    parser.add_argument(
        "--row",
        action="store_true",
        help="the schema of a row of copenhagen batch's JSON Lines output instead",
    )
    parser.add_argument(
        "--detail",
        choices=("compact", "full"),
        help="with --row: the rows of copenhagen batch --detail compact (the default) or full",
    )
    parser.add_argument(
        "--layer",
        action="store_true",
        help="the schema of the rule layer format instead (editors validate layer files with it)",
    )
    parser.set_defaults(command=run)


def _usage_problem(args: argparse.Namespace) -> str | None:
    """Why the options ask for no one schema, or ``None``."""
    if args.row and args.layer:
        return "give --row or --layer, not both"
    for option, given in (("--row", args.row), ("--layer", args.layer)):
        if given and args.which is not None:
            return f"{option} prints its own schema; leave out {args.which!r}"
    if args.detail is not None and not args.row:
        return "--detail goes with --row"
    return None


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Print the schema; see the module's ``--help``."""
    problem = _usage_problem(args)
    if problem is not None:
        console.problem(f"copenhagen schema: error: {problem}")
        return EXIT_USAGE
    schema: dict[str, Any]
    if args.row:
        from copenhagen.batch.rows import row_schema

        schema = row_schema(args.detail or "compact")
    elif args.layer:
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
