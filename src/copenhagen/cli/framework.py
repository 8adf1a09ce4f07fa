"""``copenhagen framework [PART]``: browse the catalogue, its crosswalks, or export it as SKOS."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any, TextIO

from copenhagen.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    common_options,
    indent_option,
    json_indent,
)
from copenhagen.cli._console import Console
from copenhagen.framework.crosswalks import CROSSWALK_NAMES
from copenhagen.linked_data import DEFAULT_BASE_URI

__all__ = ["register", "run"]

DESCRIPTION = """\
Browse the Copenhagen Framework on Citizen Data as the library holds it: without PART, the list
of parts (stages, actors, modalities, principles, ...); with PART, each of its items with its
key, number, title, a summary in the library's own words and its citations. PART may also be an
item's key within a part, as PART.KEY (e.g. principles.informed_consent).

--crosswalk NAME shows how the framework stands beside another standard: fpos (the 13 principles
and the Fundamental Principles of Official Statistics), hrbad (the human rights-based approach to
data), care (the CARE Principles for Indigenous Data Governance) or gsbpm (the six stages and
every GSBPM v5.1 sub-process); each link with its strength (equivalent, overlaps, related), a
one-line reason, the framework's citations and where the other standard is published. With
--format json: a list of {"from", "to", "strength", "reason", "source"}.

--format jsonld prints the whole catalogue as one SKOS concept scheme in JSON-LD: every stage,
objective, modality, principle, NSO category, NSO role and key term a skos:Concept with a URI
under --base-uri, its label, notation, definition and citation, and the crosswalks as
skos:exactMatch/closeMatch/relatedMatch links. The default base is
  %(base)s

exit status: 0 found; 1 no such part or item; 2 usage error.
"""


def register(subparsers: Any) -> None:
    """Add the ``framework`` subcommand."""
    parser = subparsers.add_parser(
        "framework",
        parents=[common_options(), indent_option(2)],
        help="browse the framework's catalogue",
        description=DESCRIPTION % {"base": DEFAULT_BASE_URI},
        epilog="examples:\n  copenhagen framework\n  copenhagen framework modalities\n"
        "  copenhagen framework principles.informed_consent --format json\n"
        "  copenhagen framework --crosswalk fpos\n"
        "  copenhagen framework --format jsonld --base-uri https://example.org/cf/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("part", metavar="PART", nargs="?", help="a part, or PART.KEY")
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json", "jsonld"),
        default="text",
        help="output format (default: %(default)s); jsonld: the whole catalogue as SKOS",
    )
    parser.add_argument(
        "--crosswalk",
        choices=CROSSWALK_NAMES,
        metavar="NAME",
        help=f"show a crosswalk instead of the catalogue: {', '.join(CROSSWALK_NAMES)}",
    )
    parser.add_argument(
        "--base-uri",
        metavar="URI",
        help="with --format jsonld: the base the concepts' URIs are minted under "
        "(an absolute URI ending in '/' or '#')",
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


def _usage(console: Console, text: str) -> int:
    console.problem(f"copenhagen framework: error: {text}")
    return EXIT_USAGE


def _crosswalk_text(name: str, console: Console) -> str:
    from copenhagen.framework.crosswalks import crosswalk

    walk = crosswalk(name)
    s = console.style
    standard = walk.standard
    lines = [
        s(f"{walk.title} ({', '.join(standard.citations)})", "heading"),
        *textwrap.wrap(walk.summary, console.width),
        *textwrap.wrap(
            f"Source: {standard.document}; {standard.address}",
            console.width,
            break_on_hyphens=False,  # keeps names and the address whole
            break_long_words=False,
        ),
        "",
    ]
    wide = max(len(link.from_key) for link in walk.links)
    for link in walk.links:
        head = f"{link.from_key:<{wide}}  {link.item.key:<5} {link.strength.value:<10}"
        lines.append(f"  {s(head, 'label')} {link.item.title} ({', '.join(link.citations)})")
        lines += textwrap.wrap(
            link.reason, console.width, initial_indent="      ", subsequent_indent="      "
        )
    unlinked = walk.unlinked_items()
    if unlinked:
        names = "; ".join(f"{item.key} {item.title}" for item in unlinked)
        lines += ["", *textwrap.wrap(f"No link reaches: {names}.", console.width)]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Browse the catalogue; see the module's ``--help``."""
    from copenhagen.framework import catalogue_part, catalogue_parts

    if args.base_uri is not None and args.format != "jsonld":
        return _usage(console, "--base-uri goes with --format jsonld")
    if args.format == "jsonld":
        if args.part is not None or args.crosswalk is not None:
            return _usage(console, "--format jsonld exports the whole catalogue: give no PART")
        from copenhagen.linked_data import concept_scheme_json

        try:
            text = concept_scheme_json(args.base_uri or DEFAULT_BASE_URI)
        except ValueError as error:
            return _usage(console, f"--base-uri: {error}")
        console.data(text)
        return EXIT_OK
    if args.crosswalk is not None:
        if args.part is not None:
            return _usage(console, "--crosswalk shows a whole crosswalk: give no PART")
        if args.format == "json":
            from copenhagen.framework.crosswalks import crosswalk

            links = crosswalk(args.crosswalk).to_list()
            console.data(json.dumps(links, indent=2, ensure_ascii=False) + "\n")
        else:
            console.data(_crosswalk_text(args.crosswalk, console))
        return EXIT_OK
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
