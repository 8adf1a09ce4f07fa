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

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from copenhagen.model import Initiative

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.reports.summary import BatchSummary, TallyKey

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

Errors = tuple[tuple[str, str], ...]

#: The path given to a problem with a record as a whole (as `copenhagen.documents` writes it).
WHOLE = "(document)"

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


def _csv_document(row: Mapping[str | None, Any]) -> tuple[dict[str, Any], Errors]:
    document: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for column, cell in row.items():
        if column is None:  # more cells than the header has columns
            problems.append((WHOLE, f"the row has {len(cell)} more cell(s) than the header"))
            continue
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

    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError as error:
            byte = ord(line[error.start]) - 0xDC00  # surrogateescape keeps the byte's value
            problem = (
                f"line {position} is not UTF-8 text (byte 0x{byte:02x} at column {error.start + 1})"
            )
            return Record(position, None, (("(document)", problem),))
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
    # JSON Lines keeps going past a line that is not UTF-8 (it becomes one bad record): bytes
    # that do not decode come through as lone surrogates, which `_jsonl_record` reports.
    errors = "surrogateescape" if fmt == "jsonl" else "strict"
    newline = "" if fmt == "csv" else None
    with open(source, encoding="utf-8", errors=errors, newline=newline) as stream:
        yield from _records_from_stream(stream, fmt)


def _records_from_stream(stream: TextIO, fmt: InputFormat) -> Iterator[Record]:
    if fmt == "jsonl":
        for number, line in _jsonl_lines(stream):
            yield _jsonl_record(line, number, None)
    elif fmt == "csv":
        for number, document, problems in csv_documents(stream):
            yield _load_document(number, document, problems)
    elif fmt in ("json", "yaml"):
        yield from _stream_records(stream, fmt)
    else:
        raise ValueError(f"a stream cannot be read as {fmt!r}")


# --------------------------------------------------------------------------- output rows


def dumps_row(row: Mapping[str, Any]) -> str:
    """One JSON Lines row, serialised the way the library always does: sorted keys, one line.

    ``dumps_row({"position": 1, **a.to_dict()})`` is ``json.dumps(..., sort_keys=True)``, so a
    reader can check a row against ``assess(...).to_dict()`` byte for byte.
    """
    return json.dumps(row, sort_keys=True)


_DECISIONS = ("scope", "modality", "nso_category")
_PRINCIPLE_COLUMNS = (
    "independence",
    "relevance",
    "participation_and_inclusion",
    "informed_consent",
    "professional_standards",
    "data_security",
    "self_identification",
    "data_sovereignty",
    "transparency",
    "ethical_and_safe_use",
    "accountability",
    "confidentiality",
    "openness",
)

#: The columns of CSV output, in order.
CSV_COLUMNS: tuple[str, ...] = (
    "position",
    "name",
    *(
        f"{d}{part}"
        for d in _DECISIONS
        for part in ("", "_determinate", "_missing", "_rules", "_warnings")
    ),
    *(f"principles.{p}" for p in _PRINCIPLE_COLUMNS),
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
    cells += [_cell(principles.get(p)) for p in _PRINCIPLE_COLUMNS]
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

_CACHE_LIMIT = 2048

# What json.dumps does to a str with its default ensure_ascii=True, without the call around it.
_string: Callable[[str], str] = encode_basestring_ascii


class RowWriter:
    """Writes ``dumps_row({"position": N, **assessment.to_dict()})`` from cached pieces.

    JSON text is compositional: a dict with sorted keys serialises as its keys' serialised
    values joined in order. Assessments of a registry share their parts (the rule engine shares
    `Decision` objects; `copenhagen.assess` shares principle assessments, participation profiles
    and recommendations between initiatives with the same facts), so each part's JSON is made
    once and reused, and a row costs a join instead of a full ``to_dict()`` and ``json.dumps``.
    Parts are cached by identity (each entry holds its object, so an id is never reused while
    cached); every cache is bounded. The first row is checked byte for byte against the
    general path, and should they ever differ (say the assessment gains a key), the writer
    turns itself off and every row takes the general path.
    """

    __slots__ = (
        "_checked",
        "_decisions",
        "_findings",
        "_ok",
        "_participation",
        "_principles",
        "_provenance",
        "_recommendations",
    )

    def __init__(self) -> None:
        self._decisions: dict[int, tuple[Any, str, str, str | None]] = {}
        self._principles: dict[int, tuple[Any, str, str, tuple[str, ...]]] = {}
        self._participation: dict[int, tuple[Any, str]] = {}
        # Equal recommendations and findings serialise equally, and many equal ones are built
        # afresh per initiative: these two caches are keyed by value.
        self._recommendations: dict[Any, str] = {}
        self._findings: dict[Any, str] = {}
        self._provenance = ""
        self._checked = False
        self._ok = False

    def usable(self, assessment: Assessment) -> bool:
        """Whether rows may be written from pieces (checked on the first assessment seen)."""
        if not self._checked:
            self._checked = True
            general = assessment.to_dict()
            self._provenance = json.dumps(general.get("provenance"), sort_keys=True)
            self._ok = self.row(1, assessment) == dumps_row({"position": 1, **general})
        return self._ok

    @staticmethod
    def _bounded(cache: dict[Any, Any]) -> dict[Any, Any]:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()  # start afresh rather than grow: memory stays flat
        return cache

    def _decision(self, decision: Any, enum: Any) -> tuple[Any, str, str, str | None]:
        hit = self._decisions.get(id(decision))
        if hit is not None and hit[0] is decision:
            return hit
        from copenhagen.reports.summary import outcome_key

        plain = decision.to_dict()
        trace = plain["trace"]
        entry = (
            decision,
            json.dumps(plain, sort_keys=True),
            outcome_key(plain, enum),
            trace[-1]["rule"] if trace else None,
        )
        self._bounded(self._decisions)[id(decision)] = entry
        return entry

    def _principle(self, assessment: Any) -> tuple[Any, str, str, tuple[str, ...]]:
        hit = self._principles.get(id(assessment))
        if hit is not None and hit[0] is assessment:
            return hit
        statuses = assessment.principles_dict()
        findings = self._findings
        parts = []
        for principle, finding in sorted(
            assessment.findings.items(), key=lambda item: item[0].name.lower()
        ):
            text = findings.get(finding)
            if text is None:
                text = json.dumps(finding.to_dict(), sort_keys=True)
                self._bounded(findings)[finding] = text
            parts.append(f"{json.dumps(principle.name.lower())}: {text}")
        entry = (
            assessment,
            json.dumps(statuses, sort_keys=True),
            "{" + ", ".join(parts) + "}",
            tuple(statuses.values()),
        )
        self._bounded(self._principles)[id(assessment)] = entry
        return entry

    def _plain(self, cache: dict[int, tuple[Any, str]], part: Any) -> str:
        hit = cache.get(id(part))
        if hit is not None and hit[0] is part:
            return hit[1]
        text = json.dumps(part.to_dict(), sort_keys=True)
        self._bounded(cache)[id(part)] = (part, text)
        return text

    def _recommendation(self, recommendation: Any) -> str:
        text = self._recommendations.get(recommendation)
        if text is None:
            text = json.dumps(recommendation.to_dict(), sort_keys=True)
            self._bounded(self._recommendations)[recommendation] = text
        return text

    def row(self, position: int, a: Assessment) -> str:
        """The row's JSON text (without a newline); call `usable` first to know it is right."""
        if not self._checked:
            self.usable(a)
        from copenhagen.framework.modalities import Modality
        from copenhagen.framework.official import NSOCategory

        pieces = self._principle(a.principles)
        return "".join(
            (
                '{"modality": ',
                self._decision(a.modality, Modality)[1],
                ', "name": ',
                _string(a.initiative.name),
                ', "nso_category": ',
                self._decision(a.nso_category, NSOCategory)[1],
                ', "participation": ',
                self._plain(self._participation, a.participation),
                ', "position": ',
                str(position),
                ', "principle_findings": ',
                pieces[2],
                ', "principles": ',
                pieces[1],
                ', "provenance": ',
                self._provenance,
                ', "recommendations": [',
                ", ".join([self._recommendation(r) for r in a.recommendations]),
                '], "scope": ',
                self._decision(a.scope, None)[1],
                ', "warnings": [',
                ", ".join(map(_string, a.warnings)),
                "]",
                "}",
            )
        )

    def tally(self, a: Assessment) -> TallyKey:
        """What the assessment adds to the summary (as `copenhagen.reports.summary.tally_key`)."""
        from copenhagen.framework.modalities import Modality
        from copenhagen.framework.official import NSOCategory

        scope = self._decision(a.scope, None)
        modality = self._decision(a.modality, Modality)
        category = self._decision(a.nso_category, NSOCategory)
        rules = tuple(d[3] for d in (scope, modality, category) if d[3] is not None)
        return scope[2], modality[2], category[2], self._principle(a.principles)[3], rules


ErrorHandler = Callable[[int, "str | None", Errors], None]
ProgressHandler = Callable[[int], None]


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
        fast: Write JSON Lines rows with `RowWriter` (the bytes are the same either way).

    Returns:
        The summary of the run.
    """
    from copenhagen.assessment import assess, cache_bounds
    from copenhagen.reports.summary import SummaryCounter

    counter = SummaryCounter()
    rows = RowWriter() if fast and output == "jsonl" else None
    writer = csv.writer(out, lineterminator="\n") if output == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    write = out.write
    every = max(1, progress_every)
    done = 0
    # A registry's patterns seldom repeat: narrow bounds keep memory flat whatever its size
    # (docs/performance/batch.md measures the trade).
    with cache_bounds(patterns=BATCH_CACHE_PATTERNS, parts=BATCH_CACHE_PARTS):
        for record in read_records(source, input_fmt):
            if record.initiative is None:
                row: dict[str, Any] = {
                    "position": record.position,
                    "errors": [list(e) for e in record.errors],
                }
                if writer is not None:
                    writer.writerow(flatten_row(row))
                else:
                    write(dumps_row(row) + "\n")
                counter.add_invalid()
                if on_error is not None:
                    on_error(record.position, record.source, record.errors)
            else:
                assessment = assess(record.initiative)
                if rows is not None and rows.usable(assessment):
                    write(rows.row(record.position, assessment) + "\n")
                    counter.add_key(rows.tally(assessment))
                else:
                    result = assessment.to_dict()
                    row = {"position": record.position, **result}
                    if writer is not None:
                        writer.writerow(flatten_row(row))
                    else:
                        write(dumps_row(row) + "\n")
                    counter.add(result)
            done += 1
            if on_progress is not None and done % every == 0:
                on_progress(done)
    if on_progress is not None:
        on_progress(done)
    return counter.summary()
