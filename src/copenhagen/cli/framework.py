"""``copenhagen framework [PART]``: browse the framework's catalogue, part by part."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    common_options,
    indent_option,
    json_indent,
)
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
Browse the Copenhagen Framework on Citizen Data as the library holds it: without PART, the list
of parts (stages, actors, modalities, principles, ...); with PART, each of its items with its
key, number, title, a summary in the library's own words and its citations. PART may also be an
item's key within a part, as PART.KEY (e.g. principles.informed_consent).

exit status: 0 found; 1 no such part or item; 2 usage error.
"""


def register(subparsers: Any) -> None:
    """Add the ``framework`` subcommand."""
    parser = subparsers.add_parser(
        "framework",
        parents=[common_options(), indent_option(2)],
        help="browse the framework's catalogue",
        description=DESCRIPTION,
        epilog="examples:\n  copenhagen framework\n  copenhagen framework modalities\n"
        "  copenhagen framework principles.informed_consent --format json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("part", metavar="PART", nargs="?", help="a part, or PART.KEY")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: %(default)s)",
    )
    parser.set_defaults(command=run)


def _item(item: Any) -> dict[str, Any]:
    return {
        "key": item.key,
        "number": item.number,
        "title": item.title,
        "summary": item.summary,
        "citations": list(item.citations),
    }


def _item_text(item: dict[str, Any], width: int, console: Console) -> list[str]:
    s = console.style
    number = f"{item['number']}. " if item["number"] is not None else ""
    lines = [
        f"  {s(number + item['title'], 'label')}  ({item['key']}; {', '.join(item['citations'])})"
    ]
    lines += textwrap.wrap(
        item["summary"], width, initial_indent="      ", subsequent_indent="      "
    )
    return lines


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Browse the catalogue; see the module's ``--help``."""
    from copenhagen.framework import catalogue_part, catalogue_parts

    parts = catalogue_parts()
    if args.part is None:
        rows: list[dict[str, Any]] = [
            {
                "name": p.name,
                "title": p.title,
                "citations": list(p.citations),
                "items": len(p.items),
            }
            for p in parts
        ]
        if args.format == "json":
            console.data(json.dumps(rows, indent=json_indent(args), ensure_ascii=False) + "\n")
        else:
            wide = max(len(r["name"]) for r in rows)
            console.data(
                "".join(
                    f"{r['name']:<{wide}}  {r['title']} "
                    f"({r['items']}; {', '.join(r['citations'])})\n"
                    for r in rows
                )
            )
        return EXIT_OK
    name, _, key = str(args.part).partition(".")
    try:
        part = catalogue_part(name)
    except KeyError as error:
        console.problem(f"copenhagen framework: {error.args[0]}")
        return EXIT_INVALID
    items = [_item(i) for i in part.items]
    if key:
        items = [i for i in items if i["key"] == key]
        if not items:
            keys = ", ".join(_item(i)["key"] for i in part.items)
            console.problem(f"copenhagen framework: {name} has no item {key!r}; allowed: {keys}")
            return EXIT_INVALID
    if args.format == "json":
        data: Any = items[0] if key else {"name": part.name, "title": part.title, "items": items}
        console.data(json.dumps(data, indent=json_indent(args), ensure_ascii=False) + "\n")
        return EXIT_OK
    lines = [console.style(f"{part.title} ({', '.join(part.citations)})", "heading")]
    for item in items:
        lines += _item_text(item, console.width, console)
    console.data("\n".join(lines) + "\n")
    return EXIT_OK
