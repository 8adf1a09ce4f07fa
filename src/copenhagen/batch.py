"""Assessing many initiatives: `assess_many`, and the streaming runner of ``copenhagen batch``.

`assess_many` takes initiatives, documents or load results and yields one `BatchResult` per item,
in order, keeping each bad record's errors instead of raising them. `run_batch` streams a
registry file (JSON Lines, a JSON array, YAML, CSV) or a folder of documents, writes one row per
record as JSON Lines or CSV, and returns a `copenhagen.reports.summary.BatchSummary`.

Memory stays flat whatever the size of the input: records are read, assessed and written one at
a time, and the only caches are bounded.

Every record is loaded by `copenhagen.documents` (whose own fast path takes plainly valid
documents and whose general path gives every bad record its full errors) and assessed by
`copenhagen.assess`. Writing JSON Lines has a fast path, `RowWriter`: it builds each row from
the JSON of the assessment's shared parts instead of serialising the whole ``to_dict()`` again,
and gives the same bytes (checked at run time on the first row, and property-tested).
"""

from __future__ import annotations

import contextlib
import csv
import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from copenhagen._rows import RawRows, RowWriter, dumps_row
from copenhagen.framework.principles import PRINCIPLE_KEYS
from copenhagen.model import Initiative

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.reports.summary import BatchSummary

__all__ = [
    "CSV_COLUMNS",
    "DOCUMENT_SUFFIXES",
    "BatchResult",
    "Record",
    "assess_many",
    "csv_cell_list",
    "csv_documents",
    "dumps_row",
    "flatten_row",
    "read_records",
    "run_batch",
]

#: Bounds of the assessment's shared results while `run_batch` streams a registry (see
#: `copenhagen.assessment.cache_bounds`): peak memory stays near 80 MB on a million records.
BATCH_CACHE_PATTERNS = 1 << 14
BATCH_CACHE_PARTS = 1 << 12
#: Bounds of the caches of the JSON Lines fast path (`copenhagen._rows.RawRows`): of each part,
#: and of the principle assessments, which hold most of the memory. Peak memory stays near
#: 170 MB on a million records (docs/performance/batch.md).
BATCH_RAW_BOUNDS = (1 << 14, 1 << 13)

Errors = tuple[tuple[str, str], ...]

#: The path given to a problem with a record as a whole (as `copenhagen.documents` writes it).
WHOLE = "(document)"

#: The formats read record by record, in which a byte that is not UTF-8 spoils one record only.
RECORD_BY_RECORD = frozenset({"jsonl", "csv"})

#: Suffixes of the documents read from a folder, one initiative per file.
DOCUMENT_SUFFIXES: tuple[str, ...] = (".json", ".yaml", ".yml", ".toml")

InputFormat = Literal["auto", "jsonl", "json", "yaml", "csv", "folder"]
OutputFormat = Literal["jsonl", "csv"]


# --------------------------------------------------------------------------- results


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


@attrs.frozen(slots=True)
class BatchResult:
    """The outcome for one record of a batch.

    Attributes:
        position: 1-based position of the record in the input.
        assessment: The assessment, or ``None`` if the record was invalid.
        errors: ``(path, message)`` pairs when invalid; empty otherwise.
        source: Where the record came from, if known (a file in a folder).
    """

    position: int
    assessment: Assessment | None
    errors: Errors = ()
    source: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the record was assessed."""
        return self.assessment is not None

    def to_dict(self) -> dict[str, Any]:
        """``{"position": N, ...assessment.to_dict()}`` or ``{"position": N, "errors": [...]}``."""
        if self.assessment is None:
            return {"position": self.position, "errors": [list(e) for e in self.errors]}
        return {"position": self.position, **self.assessment.to_dict()}


def _as_record(item: Any, position: int) -> Record:
    from copenhagen.documents import InvalidInitiativeError, load_initiative

    if isinstance(item, Initiative):
        return Record(position, item)
    if isinstance(item, Record):
        return item
    if isinstance(item, Mapping):
        try:
            return Record(position, load_initiative(item))
        except InvalidInitiativeError as error:
            return Record(position, None, tuple(error.errors))
    # A LoadResult of copenhagen.documents (or anything shaped like one).
    if hasattr(item, "initiative") and hasattr(item, "errors"):
        return Record(getattr(item, "position", position), item.initiative, tuple(item.errors))
    found = type(item).__name__
    return Record(position, None, ((WHOLE, f"expected an initiative document, not {found}"),))


def assess_many(items: Iterable[Any]) -> Iterator[BatchResult]:
    """Assess every item, in order, keeping errors instead of raising them.

    Args:
        items: `Initiative` objects, initiative documents (mappings), or the `LoadResult`
            records of `copenhagen.documents.load_initiatives`, mixed as you like.

    Yields:
        One `BatchResult` per item, in input order. An item that cannot be loaded yields a
        result with ``assessment=None`` and its ``errors``; positions count items from 1
        (a load result keeps its own position).
    """
    from copenhagen.assessment import assess

    for position, item in enumerate(items, 1):
        record = _as_record(item, position)
        if record.initiative is None:
            yield BatchResult(record.position, None, record.errors, record.source)
        else:
            yield BatchResult(record.position, assess(record.initiative), (), record.source)


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


def _undecodable(text: str) -> str | None:
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
            bad = None if text is None else _undecodable(text)
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

    bad = _undecodable(line)
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
    source: str | os.PathLike[str] | TextIO, fmt: InputFormat = "auto"
) -> Iterator[Record]:
    """Stream the records of a registry, valid or not, in input order.

    Args:
        source: A file, a folder of ``.json``/``.yaml``/``.yml``/``.toml`` documents (one each),
            or an open text stream (then ``fmt`` must be given).
        fmt: ``"jsonl"``, ``"json"`` (an array), ``"yaml"`` (a list or a multi-document
            stream), ``"csv"``, ``"folder"``, or ``"auto"`` to tell from the path.

    Yields:
        One `Record` per record; bad records carry their errors.
    """
    if not isinstance(source, str | os.PathLike):
        yield from _records_from_stream(source, "jsonl" if fmt == "auto" else fmt)
        return
    fmt = input_format(source, fmt)
    if fmt == "folder":
        yield from _folder_records(Path(source))
        return
    # JSON Lines and CSV keep going past a record that is not UTF-8 (it becomes one bad record):
    # bytes that do not decode come through as lone surrogates, which `_undecodable` finds.
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


# --------------------------------------------------------------------------- output rows


_DECISIONS = ("scope", "modality", "nso_category")

#: The columns of CSV output, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "position",
    "name",
    *(
        f"{d}{part}"
        for d in _DECISIONS
        for part in ("", "_determinate", "_missing", "_rules", "_warnings")
    ),
    *(f"principles.{p}" for p in PRINCIPLE_KEYS),
    "participation_engaged_stages",
    "participation_coverage",
    "participation_degree",
    "participation_quality",
    "participation_table_1_column",
    "recommendations",
    "warnings",
    "errors",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def flatten_row(row: Mapping[str, Any]) -> list[str]:
    """A JSON Lines row flattened into the cells of `CSV_COLUMNS`.

    Lists of identifiers (missing keys, rule ids, stages, recommendation ids) are joined with
    ``;`` as in CSV input; free text that may itself hold ``;`` (warnings, errors) is a JSON array.
    """
    if "errors" in row:
        cells = [""] * len(CSV_COLUMNS)
        cells[0] = _cell(row["position"])
        cells[-1] = json.dumps(row["errors"])
        return cells
    cells = [_cell(row["position"]), _cell(row["name"])]
    for key in _DECISIONS:
        decision = row[key]
        cells += [
            _cell(decision["outcome"]),
            _cell(decision["determinate"]),
            ";".join(decision["missing"]),
            ";".join(step["rule"] for step in decision["trace"]),
            json.dumps(decision["warnings"]) if decision["warnings"] else "",
        ]
    principles = row.get("principles", {})
    cells += [_cell(principles.get(p)) for p in PRINCIPLE_KEYS]
    participation = row.get("participation") or {}
    stages = participation.get("engaged_stages")
    cells += [
        "" if stages is None else (";".join(stages) if stages else "[]"),
        _cell(participation.get("coverage")),
        _cell(participation.get("degree")),
        _cell(participation.get("quality")),
        _cell(participation.get("table_1_column")),
        ";".join(r["id"] for r in row.get("recommendations", [])),
        json.dumps(row["warnings"]) if row.get("warnings") else "",
        "",
    ]
    return cells


# --------------------------------------------------------------------------- the runner

ErrorHandler = Callable[[int, "str | None", Errors], None]
ProgressHandler = Callable[[int], None]

#: How many rows `run_batch` gathers before writing them at once: one large write costs far
#: less than many small ones, whatever buffer the output stream has. Eight rows of about 9 kB
#: stay below the C allocator's 128 kB threshold for giving memory back: larger writes had it
#: hand pages back and fault them in again for every write (docs/performance/batch.md).
_ROWS_PER_WRITE = 8


class _Runner:
    """One run of `run_batch`: writes rows in input order, counts them, reports bad records."""

    __slots__ = (
        "counter",
        "done",
        "every",
        "on_error",
        "on_progress",
        "out",
        "pending",
        "rows",
        "writer",
    )

    def __init__(
        self,
        out: TextIO,
        output: OutputFormat,
        fast: bool,
        on_error: ErrorHandler | None,
        on_progress: ProgressHandler | None,
        every: int,
    ) -> None:
        from copenhagen.reports.summary import SummaryCounter

        self.out = out
        self.counter = SummaryCounter()
        self.rows = RowWriter() if fast and output == "jsonl" else None
        self.writer = csv.writer(out, lineterminator="\n") if output == "csv" else None
        if self.writer is not None:
            self.writer.writerow(CSV_COLUMNS)
        # Rows gathered for one write: a large write costs far less than many small ones,
        # whatever buffer the output stream has.
        self.pending: list[str] = []
        self.on_error = on_error
        self.on_progress = on_progress
        self.every = max(1, every)
        self.done = 0

    def flush(self) -> None:
        if self.pending:
            self.out.write("".join(self.pending))
            self.pending.clear()

    def tick(self) -> None:
        """One more record done."""
        self.done += 1
        if len(self.pending) >= _ROWS_PER_WRITE:
            self.flush()
        if self.on_progress is not None and self.done % self.every == 0:
            self.on_progress(self.done)

    def take(self, record: Record) -> None:
        """The general path for one record."""
        from copenhagen.assessment import assess

        if record.initiative is None:
            row: dict[str, Any] = {
                "position": record.position,
                "errors": [list(e) for e in record.errors],
            }
            self._write(row)
            self.counter.add_invalid()
            if self.on_error is not None:
                self.on_error(record.position, record.source, record.errors)
            return
        assessment = assess(record.initiative)
        rows = self.rows
        if rows is not None and rows.usable(assessment):
            self.pending.append(rows.row(record.position, assessment) + "\n")
            self.counter.add_key(rows.tally(assessment))
            return
        result = assessment.to_dict()
        self._write({"position": record.position, **result})
        self.counter.add(result)

    def _write(self, row: dict[str, Any]) -> None:
        if self.writer is not None:
            self.writer.writerow(flatten_row(row))
        else:
            self.pending.append(dumps_row(row) + "\n")

    def records(self, source: str | os.PathLike[str] | TextIO, fmt: InputFormat) -> None:
        """Every record by the general path."""
        for record in read_records(source, fmt):
            self.take(record)
            self.tick()

    def json_lines(self, source: str | os.PathLike[str] | TextIO) -> None:
        """JSON Lines to JSON Lines: plainly valid records by `RawRows`, the rest by `take`."""
        made_from = RawRows(*BATCH_RAW_BOUNDS).row
        add_key = self.counter.add_key
        pending = self.pending
        loads = json.loads
        with _json_lines(source) as stream:
            for number, line in enumerate(stream, 1):
                if line.isspace():
                    continue  # blank lines are no records
                made = None
                if _undecodable(line) is None:
                    try:
                        document = loads(line)
                    except (ValueError, RecursionError):
                        document = None
                    if document.__class__ is dict:
                        made = made_from(document, number)
                if made is None:
                    self.take(_jsonl_record(line, number, None))
                else:
                    pending.append(made[0])
                    add_key(made[1])
                self.tick()


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the youngest garbage collection ten times less often within the block.

    Rows are made of strings and tuples that reference counting frees at once; what the
    collector finds in a batch is the bounded caches, walked on every full collection (about a
    fifth of the run time without this; docs/performance/batch.md).
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 10_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _reads_json_lines(source: str | os.PathLike[str] | TextIO, fmt: InputFormat) -> bool:
    if isinstance(source, str | os.PathLike):
        try:
            return input_format(source, fmt) == "jsonl"
        except ValueError:
            return False  # read_records says why
    return fmt in ("auto", "jsonl")


def _json_lines(
    source: str | os.PathLike[str] | TextIO,
) -> contextlib.AbstractContextManager[TextIO]:
    if isinstance(source, str | os.PathLike):
        # As read_records opens it: a line that is not UTF-8 becomes one bad record.
        return open(source, encoding="utf-8", errors="surrogateescape")
    return contextlib.nullcontext(source)


def run_batch(
    source: str | os.PathLike[str] | TextIO,
    out: TextIO,
    *,
    input_fmt: InputFormat = "auto",
    output: OutputFormat = "jsonl",
    on_error: ErrorHandler | None = None,
    on_progress: ProgressHandler | None = None,
    progress_every: int = 10_000,
    fast: bool = True,
) -> BatchSummary:
    """Assess a whole registry, streaming, and write one row per record to ``out``.

    Args:
        source: A file, a folder of documents, or a text stream (then give ``input_fmt``).
        out: Where rows go: JSON Lines (``{"position": N, ...assess().to_dict()}`` or
            ``{"position": N, "errors": [[path, message], ...]}``) or CSV (`CSV_COLUMNS`).
        input_fmt: See `read_records`.
        output: ``"jsonl"`` or ``"csv"``.
        on_error: Called with ``(position, source, errors)`` for every bad record.
        on_progress: Called with the number of records done, every ``progress_every`` records
            and once at the end.
        progress_every: How often to call ``on_progress``.
        fast: Write JSON Lines rows from cached pieces (`copenhagen._rows`); the bytes are the
            same either way.

    Returns:
        The summary of the run.
    """
    from copenhagen.assessment import cache_bounds

    run = _Runner(out, output, fast, on_error, on_progress, progress_every)
    # A registry's patterns seldom repeat: narrow bounds keep memory flat whatever its size
    # (docs/performance/batch.md measures the trade). The caches hold many long-lived objects
    # that the cyclic garbage collector would otherwise walk again and again.
    with (
        cache_bounds(patterns=BATCH_CACHE_PATTERNS, parts=BATCH_CACHE_PARTS),
        _fewer_collections(),
    ):
        # What was gathered is written even if reading fails part way (a stream that is not
        # UTF-8 in a format read whole): the records before the failure keep their rows.
        try:
            if run.rows is not None and _reads_json_lines(source, input_fmt):
                run.json_lines(source)
            else:
                run.records(source, input_fmt)
        finally:
            run.flush()
    if on_progress is not None:
        on_progress(run.done)
    return run.counter.summary()
