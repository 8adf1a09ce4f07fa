"""Reading a registry record by record: JSON Lines, a JSON array, YAML, CSV or a folder.

Every record becomes a `Record`: the loaded initiative, or every problem that stopped it (with its
path), so that a batch keeps going past a bad record. Records are read one at a time, so memory
stays flat whatever the size of the input.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from copenhagen.model import Initiative

if TYPE_CHECKING:
    from copenhagen.ppsr import Parties

__all__ = [
    "DOCUMENT_SUFFIXES",
    "RECORD_BY_RECORD",
    "WHOLE",
    "Errors",
    "InputFormat",
    "Record",
    "csv_cell_list",
    "csv_documents",
    "input_format",
    "read_records",
    "undecodable",
]

Errors = tuple[tuple[str, str], ...]


#: The path given to a problem with a record as a whole (as `copenhagen.documents` writes it).
WHOLE = "(document)"

#: The formats read record by record, in which a byte that is not UTF-8 spoils one record only.
RECORD_BY_RECORD = frozenset({"jsonl", "csv"})

#: Suffixes of the documents read from a folder, one initiative per file.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".json", ".yaml", ".yml", ".toml")

InputFormat = Literal["auto", "jsonl", "json", "yaml", "csv", "folder", "ppsr-core"]


@attrs.frozen(slots=True)
class Record:
    """One record read from a registry, before assessment.

    Attributes:
        position: 1-based; the line number for JSON Lines, the record number otherwise.
        initiative: The loaded initiative, or ``None`` if the record is invalid.
        errors: ``(path, message)`` pairs when invalid; empty otherwise.
        source: Where it came from (a file in a folder), if not the input itself.
    """

    position: int
    initiative: Initiative | None
    errors: Errors = ()
    source: str | None = None


# --------------------------------------------------------------------------- CSV input

_LIST_KEYS = frozenset({"initiated_by", "partners", "funders", "objectives", "engaged_stages"})
_BOOL_KEYS = frozenset({"meaningful_engagement", "integrated_into_official_statistics"})
_BOOL_KEYS |= {"quality_assured"}
_MAP_PREFIXES = ("principles.", "practices.", "participation.", "extra.")
_TRUE = frozenset({"true"})
_FALSE = frozenset({"false"})


def _csv_bool(text: str) -> bool | str:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    return text  # left as text: the loader reports it as "not a boolean", with its path


def csv_cell_list(text: str) -> list[str]:
    """A list cell in the CSV convention: ``[]`` is empty, items are separated by ``;``."""
    stripped = text.strip()
    if stripped == "[]":
        return []
    return [item.strip() for item in stripped.split(";") if item.strip()]


_NOT_UTF8 = "is not UTF-8 text"


def undecodable(text: str) -> str | None:
    """Where ``text`` (read with ``errors="surrogateescape"``) holds a byte that is not UTF-8.

    Returns ``"byte 0x.. at column N"`` for the first such byte, or ``None`` if there is none.
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        byte = ord(text[error.start]) - 0xDC00  # surrogateescape keeps the byte's value
        return f"byte 0x{byte:02x} at column {error.start + 1}"
    return None


def _csv_document(row: Mapping[str | None, Any]) -> tuple[dict[str, Any], Errors]:
    document: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for column, cell in row.items():
        if column is None:  # more cells than the header has columns
            problems.append((WHOLE, f"the row has {len(cell)} more cell(s) than the header"))
            continue
        for text, where in ((column, "the header of a column"), (cell, "a cell")):
            bad = None if text is None else undecodable(text)
            if bad is not None:
                # The whole record is refused: nothing that is not UTF-8 reaches the output.
                return {}, ((WHOLE, f"{where} {_NOT_UTF8} ({bad})"),)
        if cell is None or not cell.strip():
            continue  # an empty cell is unknown: the key is absent
        key = column.strip()
        prefix = next((p for p in _MAP_PREFIXES if key.startswith(p)), None)
        if prefix is not None:
            inner = key[len(prefix) :]
            group = document.setdefault(prefix[:-1], {})
            if prefix == "practices.":
                group[inner] = _csv_bool(cell)
            elif prefix == "extra.":
                group[inner] = cell
            else:
                group[inner] = cell.strip()
        elif key in _LIST_KEYS:
            document[key] = csv_cell_list(cell)
        elif key in _BOOL_KEYS:
            document[key] = _csv_bool(cell)
        else:
            # Text keys, and unknown columns (the loader reports those, with a close match).
            document[key] = cell.strip() if key != "description" else cell
    return document, tuple(problems)


def csv_documents(stream: TextIO) -> Iterator[tuple[int, dict[str, Any], Errors]]:
    """Read a CSV registry: one initiative per row, the header naming document keys.

    The format (documented in the Batch guide): a column per document key; an empty cell is
    unknown (the key is absent); ``[]`` is an empty list; list items are separated by ``;``;
    booleans are ``true``/``false``; mappings are spread over dotted columns such as
    ``principles.informed_consent`` (a status), ``practices.secure_storage`` (a boolean),
    ``participation.extent`` (a level) and ``extra.source_url`` (kept as text).

    Yields:
        ``(record number, document, row problems)`` for each data row, counting from 1.
    """
    reader = csv.DictReader(stream)
    for number, row in enumerate(reader, 1):
        document, problems = _csv_document(row)
        yield number, document, problems


def _load_document(position: int, document: Any, problems: Errors = ()) -> Record:
    from copenhagen.documents import InvalidInitiativeError, load_initiative

    try:
        initiative = load_initiative(document)
    except InvalidInitiativeError as error:
        return Record(position, None, problems + tuple(error.errors))
    if problems:
        return Record(position, None, problems)
    return Record(position, initiative)


# --------------------------------------------------------------------------- reading inputs


def input_format(source: str | os.PathLike[str], given: InputFormat = "auto") -> InputFormat:
    """The input format: ``given`` unless ``"auto"``, else from the path (a folder or a suffix).

    Raises:
        ValueError: If the format cannot be told from the suffix.
    """
    if given != "auto":
        return given
    path = Path(source)
    if path.is_dir():
        return "folder"
    suffix = path.suffix.lower()
    formats: dict[str, InputFormat] = {
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".json": "json",
        ".yaml": "yaml",
        ".yml": "yaml",
        ".csv": "csv",
    }
    found = formats.get(suffix)
    if found is None:
        raise ValueError(
            f"cannot tell the format of {str(source)!r} from its suffix; use a folder or one of "
            f"{', '.join(formats)} (or give the format explicitly)"
        )
    return found


def _folder_records(folder: Path) -> Iterator[Record]:
    from copenhagen.documents import InvalidInitiativeError, load_initiative

    files = sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES),
        key=lambda p: p.name,
    )
    for position, file in enumerate(files, 1):
        try:
            yield Record(position, load_initiative(file), (), str(file))
        except InvalidInitiativeError as error:
            yield Record(position, None, tuple(error.errors), str(file))
        except (OSError, ImportError) as error:
            yield Record(position, None, ((WHOLE, str(error)),), str(file))


def _stream_records(stream: TextIO, fmt: str) -> Iterator[Record]:
    from copenhagen.documents import InvalidInitiativeError, load_initiatives

    position = 0
    try:
        for loaded in load_initiatives(stream, format=fmt):
            position = loaded.position
            yield Record(position, loaded.initiative, tuple(loaded.errors))
    except InvalidInitiativeError as error:  # a JSON array that does not parse at all
        yield Record(position + 1, None, tuple(error.errors))


def _jsonl_record(line: str, position: int, source: str | None) -> Record:
    """The general path for one line of JSON Lines: parse, then load with every error."""
    from copenhagen.documents import InvalidInitiativeError
    from copenhagen.documents.parsing import parse_json

    bad = undecodable(line)
    if bad is not None:
        return Record(position, None, ((WHOLE, f"line {position} {_NOT_UTF8} ({bad})"),))
    try:
        document = parse_json(line.rstrip("\r\n"), source, first_line=position)
    except InvalidInitiativeError as error:
        return Record(position, None, tuple(error.errors))
    return _load_document(position, document)


def _jsonl_lines(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, 1):
        if line.strip():  # blank lines are no records
            yield number, line


def read_records(
    source: str | os.PathLike[str] | TextIO,
    fmt: InputFormat = "auto",
    *,
    parties: Parties | None = None,
) -> Iterator[Record]:
    """Stream the records of a registry, valid or not, in input order.

    Args:
        source: A file, a folder of ``.json``/``.yaml``/``.yml``/``.toml`` documents (one each),
            or an open text stream (then ``fmt`` must be given).
        fmt: ``"jsonl"``, ``"json"`` (an array), ``"yaml"`` (a list or a multi-document
            stream), ``"csv"``, ``"folder"``, ``"ppsr-core"`` (PPSR-Core project metadata, read
            by `copenhagen.ppsr`), or ``"auto"`` to tell from the path.
        parties: For ``"ppsr-core"``, the table of party names and actors.

    Yields:
        One `Record` per record; bad records carry their errors.
    """
    if fmt == "ppsr-core":
        from copenhagen.ppsr import registry_documents

        for n, doc, problems in registry_documents(source, parties):
            yield Record(n, None, problems) if doc is None else _load_document(n, doc, problems)
        return
    if not isinstance(source, str | os.PathLike):
        yield from _records_from_stream(source, "jsonl" if fmt == "auto" else fmt)
        return
    fmt = input_format(source, fmt)
    if fmt == "folder":
        yield from _folder_records(Path(source))
        return
    # JSON Lines and CSV keep going past a record that is not UTF-8 (it becomes one bad record):
    # bytes that do not decode come through as lone surrogates, which `undecodable` finds.
    errors = "surrogateescape" if fmt in RECORD_BY_RECORD else "strict"
    newline = "" if fmt == "csv" else None
    with open(source, encoding="utf-8", errors=errors, newline=newline) as stream:
        yield from _records_from_stream(stream, fmt)


def _records_from_stream(stream: TextIO, fmt: InputFormat) -> Iterator[Record]:
    if fmt == "jsonl":
        for number, line in _jsonl_lines(stream):
            yield _jsonl_record(line, number, None)
    elif fmt == "csv":
        for number, document, problems in csv_documents(stream):
            if problems and _NOT_UTF8 in problems[0][1]:
                yield Record(number, None, problems)  # the row cannot be read at all
            else:
                yield _load_document(number, document, problems)
    elif fmt in ("json", "yaml"):
        yield from _stream_records(stream, fmt)
    else:
        raise ValueError(f"a stream cannot be read as {fmt!r}")
