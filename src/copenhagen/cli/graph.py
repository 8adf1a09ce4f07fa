"""``copenhagen graph``: the principle graph (paras 17-31) in a format other tools read."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from copenhagen.cli._common import EXIT_OK, common_options, indent_option, json_indent
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
Print the principle graph: the 13 principles (para 17) and the relations between them
(paras 19-31), each edge with its kind, citation and reason.

formats:
  mermaid  a Mermaid flowchart (the default; GitHub and many wikis draw it)
  dot      Graphviz DOT (e.g. `copenhagen graph --format dot | dot -Tsvg > graph.svg`)
  graphml  GraphML, for Gephi, yEd or networkx
  json     node-link JSON (networkx's node_link_data shape)
  svg      an SVG drawing, made without any other tool
"""


def register(subparsers: Any) -> None:
    """Add the ``graph`` subcommand."""
    parser = subparsers.add_parser(
        "graph",
        parents=[common_options(), indent_option(2)],
        help="the principle graph as mermaid, dot, graphml, json or svg",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen graph\n"
        "  copenhagen graph --format graphml > principles.graphml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("mermaid", "dot", "graphml", "json", "svg"),
        default="mermaid",
        help="output format (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Print the graph; see the module's ``--help``."""
    from copenhagen import principles

    fmt = args.format
    if fmt == "json":
        text = json.dumps(
            principles.to_node_link(), indent=json_indent(args), sort_keys=True, ensure_ascii=False
        )
    elif fmt == "svg":
        text = principles.to_svg()
    else:
        text = {"mermaid": principles.to_mermaid, "dot": principles.to_dot}.get(
            fmt, principles.to_graphml
        )()
    console.data(text.rstrip("\n") + "\n")
    return EXIT_OK
