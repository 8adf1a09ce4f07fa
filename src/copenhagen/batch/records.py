"""Reading a registry record by record: JSON Lines, a JSON array, YAML, CSV or a folder.

Every record becomes a `Record`: the loaded initiative, or every problem that stopped it (with its
path), so that a batch keeps going past a bad record. Records are read one at a time, so memory
stays flat whatever the size of the input.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator, Mapping
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
    "csv_records",
    "input_format",
    "jsonl_record",
    "name_of",
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
        line: The line of the input the record starts on, where that is not its position
            (CSV: a record may span lines, and the header is line 1).
        name: For a bad record, its ``name`` when it is a mapping whose ``name`` is a non-empty
            string (so that its row can say which initiative it was).
    """

    position: int
    initiative: Initiative | None
    errors: Errors = ()
    source: str | None = None
    line: int | None = None
    name: str | None = None


def name_of(document: Any) -> str | None:
    """A bad record's name: its ``name`` if it is a mapping with a non-empty text there."""
    if not isinstance(document, Mapping):
        return None
    try:
        name = document.get("name")
    except Exception:  # a mapping that fails as it is read: it has no name to give
        return None
    if type(name) is not str or not name:
        return None
    try:
        name.encode("utf-8")  # a lone surrogate is no text to write out
    except UnicodeEncodeError:
        return None
    return name


# --------------------------------------------------------------------------- CSV input

_LIST_KEYS = frozenset({"initiated_by", "partners", "funders", "objectives", "engaged_stages"})
_BOOL_KEYS = frozenset({"meaningful_engagement", "integrated_into_official_statistics"})
_BOOL_KEYS |= {"quality_assured"}
_MAP_PREFIXES = ("principles.", "practices.", "participation.", "extra.")
_KEPT_AS_WRITTEN = frozenset({"name", "description"})
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


def _csv_document(row: Mapping[str | None, Any]) -> tuple[dict[str, Any] | None, Errors]:
    """The document of one CSV row and the row's own problems (``None``: it cannot be read)."""
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
                return None, ((WHOLE, f"{where} {_NOT_UTF8} ({bad})"),)
        key = column.strip()
        if cell is None or not (cell if key == "name" else cell.strip()):
            continue  # an empty cell is unknown: the key is absent
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
            # The name and the description are kept exactly as written.
            document[key] = cell if key in _KEPT_AS_WRITTEN else cell.strip()
    return document, tuple(problems)


class _Lines:
    """The physical lines of a CSV stream, for `csv.reader`, noting where each record starts.

    A quoted cell may hold line breaks, so a record may span lines: a line starts a record when
    the quotes before it are balanced. After a record the reader refused part way (a cell past
    the size limit), `skip_rest` drops the rest of it, so the next record is read from its own
    first line.
    """

    __slots__ = ("in_quotes", "line", "lines", "start")

    def __init__(self, stream: Iterable[str]) -> None:
        self.lines = iter(stream)
        self.line = 0
        self.start = 1
        self.in_quotes = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text = next(self.lines)
        self.line += 1
        if not self.in_quotes:
            self.start = self.line
        if text.count('"') % 2:
            self.in_quotes = not self.in_quotes
        return text

    def skip_rest(self) -> None:
        """Drop the remaining lines of a record that could not be read."""
        while self.in_quotes:
            try:
                next(self)
            except StopIteration:
                return


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters, the most a CSV cell "
            "may hold (Security and robustness); shorten it or store it apart"
        )
    return f"not valid CSV: {text}"


def _repeated_columns(header: list[str]) -> Errors:
    """A problem for each column name the header gives twice (a reader would keep the last)."""
    seen: dict[str, list[int]] = {}
    for index, name in enumerate(header, 1):
        seen.setdefault(name.strip(), []).append(index)
    return tuple(
        (
            WHOLE,
            f"the header names the column {name!r} {len(at)} times (columns "
            f"{', '.join(map(str, at))}); give each column once",
        )
        for name, at in seen.items()
        if len(at) > 1
    )


def csv_records(stream: TextIO) -> Iterator[tuple[int, int, dict[str, Any] | None, Errors]]:
    """Read a CSV registry (the format of `csv_documents`), keeping each record's line.

    Yields:
        ``(record number, line, document, row problems)`` for each data row: the record number
        counts from 1 (the header is not a record); the line is the physical line of the file
        the record starts on, counting the header as line 1 (what a spreadsheet shows as the
        row, unless a cell above holds line breaks). A row the CSV reader cannot read (a cell
        past the size limit) is yielded with its problem and an empty document.
    """
    lines = _Lines(stream)
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield 1, 1, None, ((WHOLE, f"the header row cannot be read: {_csv_problem(error)}"),)
        return
    width = len(header)
    repeated = _repeated_columns(header)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield number, lines.start, None, ((WHOLE, _csv_problem(error)),)
            lines.skip_rest()
            continue
        if not cells:  # a blank line is no record
            continue
        number += 1
        row: dict[str | None, Any] = dict(zip(header, cells[:width], strict=False))
        row.update(dict.fromkeys(header[len(cells) :]))
        if len(cells) > width:
            row[None] = cells[width:]
        document, problems = _csv_document(row)
        if document is None:
            yield number, lines.start, None, problems
        else:
            yield number, lines.start, document, repeated + problems


def csv_documents(stream: TextIO) -> Iterator[tuple[int, dict[str, Any], Errors]]:
    """Read a CSV registry: one initiative per row, the header naming document keys.

    The format (documented in the Batch guide): a column per document key; an empty cell is
    unknown (the key is absent); ``[]`` is an empty list; list items are separated by ``;``;
    booleans are ``true``/``false``; mappings are spread over dotted columns such as
    ``principles.informed_consent`` (a status), ``practices.secure_storage`` (a boolean),
    ``participation.extent`` (a level) and ``extra.source_url`` (kept as text). A name is kept
    exactly as written (spaces included); other cells lose the spaces around them.

    Yields:
        ``(record number, document, row problems)`` for each data row, counting from 1.
    """
    for number, _, document, problems in csv_records(stream):
        yield number, document or {}, problems


def _load_document(position: int, document: Any, problems: Errors = ()) -> Record:
    from copenhagen.documents import InvalidInitiativeError, structure_initiative

    try:  # parsed data: a string here is a value, never a path to open
        initiative = structure_initiative(document)
    except InvalidInitiativeError as error:
        return Record(position, None, problems + tuple(error.errors), name=name_of(document))
    if problems:
        return Record(position, None, problems, name=name_of(document))
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


def _outside(file: Path, folder: Path) -> bool:
    """Whether ``file`` is a symbolic link leading out of ``folder`` (or into a loop)."""
    if not file.is_symlink():
        return False
    try:
        target = file.resolve(strict=True)
    except (OSError, RuntimeError):
        return False  # a loop or a dangling link: reading it says so
    return not target.is_relative_to(folder.resolve())


def _folder_records(folder: Path) -> Iterator[Record]:
    """One record per document of ``folder``: every entry whose name has a document suffix.

    An entry that is not a regular file (a folder, a named pipe, a loop of links) is a bad
    record saying so, never skipped and never waited on; a symbolic link leading out of the
    folder is not followed. Entries with other suffixes are not documents and are left alone.
    """
    from copenhagen.documents import InvalidInitiativeError, load_initiative
    from copenhagen.documents._files import file_problem

    entries = sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES),
        key=lambda p: p.name,
    )
    for position, file in enumerate(entries, 1):
        where = str(file)
        if _outside(file, folder):
            problem = "is a symbolic link to a file outside the folder; it is not read"
            yield Record(position, None, ((WHOLE, problem),), where)
            continue
        try:
            yield Record(position, load_initiative(file), (), where)
        except InvalidInitiativeError as error:
            yield Record(position, None, tuple(error.errors), where)
        except OSError as error:
            yield Record(position, None, ((WHOLE, file_problem(error)),), where)
        except ImportError as error:
            yield Record(position, None, ((WHOLE, str(error)),), where)


def _stream_records(stream: TextIO, fmt: str) -> Iterator[Record]:
    from copenhagen.documents import InvalidInitiativeError, load_initiatives

    position = 0
    try:
        for loaded in load_initiatives(stream, format=fmt):
            position = loaded.position
            yield Record(position, loaded.initiative, tuple(loaded.errors))
    except InvalidInitiativeError as error:  # a JSON array that does not parse at all
        yield Record(position + 1, None, tuple(error.errors))


def jsonl_record(line: str, position: int, source: str | None) -> Record:
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
    # "utf-8-sig": a byte order mark is skipped, as in every other reader of the library.
    with open(source, encoding="utf-8-sig", errors=errors, newline=newline) as stream:
        yield from _records_from_stream(stream, fmt)


def _records_from_stream(stream: TextIO, fmt: InputFormat) -> Iterator[Record]:
    if fmt == "jsonl":
        for number, line in _jsonl_lines(stream):
            yield jsonl_record(line, number, None)
    elif fmt == "csv":
        for number, start, document, problems in csv_records(stream):
            if document is None:  # the row cannot be read at all
                yield Record(number, None, problems, line=start)
            else:
                yield attrs.evolve(_load_document(number, document, problems), line=start)
    elif fmt in ("json", "yaml"):
        yield from _stream_records(stream, fmt)
    else:
        raise ValueError(f"a stream cannot be read as {fmt!r}")
