"""``copenhagen validate FILE...``: check documents and print every problem, assessing nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from copenhagen.cli._common import EXIT_INVALID, EXIT_OK, common_options
from copenhagen.cli._console import Console
from copenhagen.cli._inputs import load_files

__all__ = ["register", "run"]

DESCRIPTION = """\
Check initiative documents against the initiative document's keys and values (see the
"Describing an initiative" guide, or `copenhagen schema`) and print every problem of each, with
its path (e.g. initiated_by[1], principles.informed_consent). Nothing is assessed.

FILE is a .json, .yaml/.yml or .toml document, or '-' for one document on standard input. A
registry (.jsonl/.ndjson, .csv, or a folder) is checked record by record, as `batch` reads it.

Valid files are listed on standard output ("FILE: valid"); problems go to standard error.

exit status: 0 every file valid; 1 some file invalid (or missing); 2 usage error.
"""

_REGISTRY = (".jsonl", ".ndjson", ".csv")


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        parents=[common_options()],
        help="check documents and print every problem (assesses nothing)",
        description=DESCRIPTION,
        epilog="example:\n  copenhagen validate examples/*.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="a document, or '-' for stdin")
    parser.set_defaults(command=run)


def _registry(name: str, console: Console) -> bool:
    """Check every record of a registry; whether all were valid."""
    from copenhagen.batch import read_records

    ok = True
    count = 0
    try:
        for record in read_records(name):
            count += 1
            if record.initiative is None:
                ok = False
                line = "" if record.line is None else f" (line {record.line})"
                where = record.source or f"{name}, record {record.position}{line}"
                console.invalid(where, record.errors)
    except UnicodeDecodeError as error:
        bad = error.object[error.start : error.start + 1].hex()
        console.unreadable(f"{name} is not UTF-8 text (byte 0x{bad}); reading stopped there")
        return False
    except OSError as error:
        console.unreadable(f"{name}: cannot be read ({error.strerror or error})")
        return False
    if ok:
        console.data(f"{name}: valid ({count} records)\n")
    return ok


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Validate every FILE; see the module's ``--help``."""
    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        if name != "-" and (path.is_dir() or path.suffix.lower() in _REGISTRY) and path.exists():
            if not _registry(name, console):
                status = EXIT_INVALID
            continue
        for loaded in load_files([name], stdin):
            if loaded.initiative is None:
                loaded.report(console)
                status = EXIT_INVALID
            else:
                console.data(f"{loaded.label}: valid\n")
    return status
