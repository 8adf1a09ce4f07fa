"""``copenhagen convert --from ppsr-core FILE``: registry metadata to initiative documents."""

from __future__ import annotations

import argparse
import io
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options
from copenhagen.cli._console import Console

if TYPE_CHECKING:
    from copenhagen.ppsr import Parties

__all__ = ["register", "run"]

DESCRIPTION = """\
Convert project metadata from another standard into initiative documents. Today the one source
is PPSR-Core (the Citizen Science Association's project metadata, version 2020.0): FILE is a
JSON list of projects, or an object whose Project key holds that list; '-' reads standard input.

Output: JSON Lines on standard output, one line per project, in order:
  {"position": N, "document": {...}, "unknown": [...], "unused": [...]}
document holds only what the record states (by the table on the docs page "PPSR-Core import");
unknown lists the document keys the record does not decide; unused the record's fields (or
items of them) that were not mapped. A project that cannot be read (a field of the wrong type,
a number too long, a key given twice, nesting too deep) gets {"position": N, "errors": [[path,
message], ...]} and its problems on standard error; the others are still converted.

A party's name never becomes an actor by guessing: --parties TABLE is a CSV file with the header
name,actor (e.g. "Reef Friends,cso"); a responsible or associated party whose name is in it,
exactly, gets that actor. A record whose responsible party is not in it has no initiated_by.

exit status: 0 every project read; 1 some project (or FILE) could not be read; 2 usage error
(including a parties table that cannot be used).
"""

EPILOG = """\
examples:
  copenhagen convert --from ppsr-core projects.json --parties parties.csv > initiatives.jsonl
  copenhagen batch --input-format ppsr-core projects.json --parties parties.csv
"""


def register(subparsers: Any) -> None:
    """Add the ``convert`` subcommand."""
    parser = subparsers.add_parser(
        "convert",
        parents=[common_options()],
        help="convert PPSR-Core project metadata into initiative documents",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        required=True,
        choices=("ppsr-core",),
        help="the metadata standard FILE is written in",
    )
    parser.add_argument("file", metavar="FILE", help="the registry file, or '-'")
    add_parties_option(parser)
    parser.set_defaults(command=run)


def add_parties_option(parser: argparse.ArgumentParser) -> None:
    """The ``--parties TABLE`` option, as ``convert`` and ``batch`` take it."""
    parser.add_argument(
        "--parties",
        metavar="TABLE",
        help="a CSV file with the header name,actor: the actor of each party name",
    )


def load_parties_option(path: str | None, command: str, console: Console) -> Parties | None:
    """The parties table named by ``--parties``, or ``None`` after saying why it is unusable.

    Without ``--parties`` the table is empty. A table that cannot be used is a usage error.
    """
    from copenhagen.ppsr import InvalidPartiesError, Parties, load_parties

    if path is None:
        return Parties()
    try:
        return load_parties(path)
    except InvalidPartiesError as error:
        console.problem(f"copenhagen {command}: error: --parties {path}: the table cannot be used:")
        for where, message in error.errors:
            console.problem(f"  {where}: {message}")
        return None


def _missing_note(missing: Counter[str], most: int = 10) -> str:
    """The party names the table lacks, the most often named first: what to add to it."""
    ranked = sorted(missing.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{name!r} ({n})" for name, n in ranked[:most])
    more = f", and {len(ranked) - most} more" if len(ranked) > most else ""
    return f"parties named but not in the table (projects naming each): {shown}{more}\n"


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Convert a registry; see the module's ``--help``."""
    from copenhagen.ppsr import RegistryError, read_registry
    from copenhagen.ppsr.registry import decode_registry

    parties = load_parties_option(args.parties, "convert", console)
    if parties is None:
        return EXIT_USAGE
    source: str | TextIO
    if args.file == "-":
        if stdin is None or getattr(stdin, "closed", False):
            console.unreadable("no standard input")
            return EXIT_INVALID
        label = "<stdin>"
        buffer = getattr(stdin, "buffer", None)
        try:  # the bytes themselves when there are any: a bad byte is told, never smuggled
            source = io.StringIO(decode_registry(buffer.read())) if buffer else stdin
        except RegistryError as error:
            console.unreadable(f"{label}: {error}")
            return EXIT_INVALID
    else:
        source = label = args.file
        path = Path(args.file)
        if not path.is_file():
            what = "is a folder, not a file" if path.is_dir() else "no such file"
            console.unreadable(f"{label}: {what}")
            return EXIT_INVALID
    read = unreadable = lacking = 0
    missing: Counter[str] = Counter()  # party names the table lacks, by projects naming them
    try:
        for conversion in read_registry(source, parties):
            console.data(json.dumps(conversion.to_dict(), ensure_ascii=False) + "\n")
            if conversion.errors:
                unreadable += 1
                console.invalid(f"{label}, project {conversion.position}", conversion.errors)
            else:
                read += 1
                lacking += "initiated_by" not in conversion.document
                missing.update({name for _, _, name in conversion.pending if name})
    except RegistryError as error:
        console.unreadable(f"{label}: {error}")
        return EXIT_INVALID
    except OSError as error:
        console.unreadable(f"{label}: {error.strerror or error}")
        return EXIT_INVALID
    note = f"copenhagen convert: {read} read, {unreadable} could not be read"
    if lacking:
        note += f"; {lacking} without initiated_by (add their responsible parties to --parties)"
    console.err.write(note + "\n")
    if missing:
        console.err.write(_missing_note(missing))
    return EXIT_INVALID if unreadable else EXIT_OK
