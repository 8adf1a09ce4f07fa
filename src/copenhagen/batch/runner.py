"""Assessing many initiatives: `assess_many`, and the streaming runner of ``copenhagen batch``.

`assess_many` takes initiatives, documents or load results and yields one `BatchResult` per item,
in order, keeping each bad record's errors instead of raising them. `run_batch` streams a
registry (`copenhagen.batch.records`), assesses each record with an `copenhagen.Assessor` and
writes one row per record (`copenhagen.batch.rows`: compact by default, or full) as JSON Lines or
CSV, returning a `copenhagen.batch.summary.BatchSummary`. With ``jobs`` above 1 the records are
assessed by that many worker processes, each with its own copy of the assessor; rows still come
out in input order and the summary is merged.

Memory stays flat whatever the size of the input: records are read, assessed and written one at
a time (a bounded number of chunks in flight with workers), and every table is bounded.
"""

from __future__ import annotations

import collections
import csv
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from copenhagen.batch.records import (
    WHOLE,
    Errors,
    InputFormat,
    Record,
    input_format,
    jsonl_record,
    read_records,
)
from copenhagen.batch.rows import (
    Detail,
    bad_row,
    csv_columns,
    dumps_row,
    flatten_row,
    row,
    tally_key,
)
from copenhagen.batch.summary import BatchSummary, SummaryCounter, tally_parts
from copenhagen.batch.writers import CompactWriter, FullWriter, Written
from copenhagen.model import Initiative

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.ppsr import Parties

__all__ = ["BatchResult", "BatchStopped", "OutputFormat", "assess_many", "run_batch"]

OutputFormat = Literal["jsonl", "csv"]


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
    from copenhagen.documents import InvalidInitiativeError, structure_initiative

    if isinstance(item, Initiative):
        return Record(position, item)
    if isinstance(item, Record):
        return item
    if isinstance(item, Mapping):
        try:
            return Record(position, structure_initiative(item))
        except InvalidInitiativeError as error:
            return Record(position, None, tuple(error.errors))
    # A LoadResult of copenhagen.documents (or anything shaped like one).
    if hasattr(item, "initiative") and hasattr(item, "errors"):
        return Record(getattr(item, "position", position), item.initiative, tuple(item.errors))
    found = type(item).__name__
    return Record(position, None, ((WHOLE, f"expected an initiative document, not {found}"),))


def assess_many(items: Iterable[Any], assessor: Assessor | None = None) -> Iterator[BatchResult]:
    """Assess every item, in order, keeping errors instead of raising them.

    Args:
        items: `Initiative` objects, initiative documents (mappings), or the `LoadResult`
            records of `copenhagen.documents.load_initiatives`, mixed as you like.
        assessor: The reading of the framework to assess with (the shipped rules by default).

    Yields:
        One `BatchResult` per item, in input order. An item that cannot be loaded yields a
        result with ``assessment=None`` and its ``errors``; positions count items from 1
        (a load result keeps its own position).
    """
    from copenhagen.assessor import default_assessor

    assess = (assessor or default_assessor()).assess
    for position, item in enumerate(items, 1):
        record = _as_record(item, position)
        if record.initiative is None:
            yield BatchResult(record.position, None, record.errors, record.source)
        else:
            yield BatchResult(record.position, assess(record.initiative), (), record.source)


# --------------------------------------------------------------------------- making rows

#: Called with ``(position, source, errors, line)`` for each bad record (``line``: where a CSV
#: record starts, else ``None``).
ErrorHandler = Callable[[int, "str | None", Errors, "int | None"], None]
ProgressHandler = Callable[[int], None]

#: What a record became: a good row (its text, or CSV cells, and what it adds to the summary),
#: or a bad record to report (``None`` in place of the summary's part, and the record).
Made = tuple[Any, Any, "Record | None"]


class _Maker:
    """Turns records into rows: the one place rows are made, in one process or in a worker."""

    __slots__ = ("_assess", "_columns", "_detail", "_keep", "_output", "_writer")

    def __init__(
        self, assessor: Assessor, detail: Detail, output: OutputFormat, keep_formulas: bool
    ) -> None:
        self._assess = assessor.assess
        self._detail = detail
        self._output = output
        self._keep = keep_formulas
        self._writer = CompactWriter(assessor) if detail == "compact" else FullWriter(assessor)

    def good(self, position: int, initiative: Initiative) -> tuple[Any, Any]:
        if self._output == "jsonl":
            written: Written = self._writer.write(position, initiative)
            return written[0] + "\n", written[1]
        found = row(position, self._assess(initiative), self._detail)
        cells = flatten_row(found, detail=self._detail, keep_formulas=self._keep)
        return cells, tally_parts(tally_key(found))

    def bad(self, record: Record) -> Any:
        found = bad_row(record.position, record.errors, record.name)
        if self._output == "jsonl":
            return dumps_row(found) + "\n"
        return flatten_row(found, detail=self._detail, keep_formulas=self._keep)

    def make(self, record: Record) -> Made:
        if record.initiative is None:
            return self.bad(record), None, record
        text, tally = self.good(record.position, record.initiative)
        return text, tally, None

    def lines(self, numbered: Iterable[tuple[int, str]]) -> Iterator[Made]:
        """Rows of JSON Lines lines: a plainly readable line straight, the rest by its record."""
        from copenhagen.documents import InvalidInitiativeError, structure_initiative
        from copenhagen.documents.parsing import parse_json

        good = self.good
        for number, line in numbered:
            initiative = None
            if line.isascii():  # (a line that is not would be checked for bytes that are not UTF-8)
                try:
                    initiative = structure_initiative(parse_json(line))
                except InvalidInitiativeError:
                    initiative = None  # its record says what is wrong with it
            if initiative is None:
                yield self.make(jsonl_record(line, number, None))
            else:
                text, tally = good(number, initiative)
                yield text, tally, None


def _numbered(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream, 1):
        if line.strip():  # blank lines are no records
            yield number, line


# --------------------------------------------------------------------------- worker processes

_WORKER: _Maker | None = None


def _start_worker(assessor: Assessor, detail: Detail, output: OutputFormat, keep: bool) -> None:
    global _WORKER  # each worker process holds its own maker: state of that process alone
    _WORKER = _Maker(assessor, detail, output, keep)


def _work_lines(chunk: list[tuple[int, str]]) -> list[Made]:
    assert _WORKER is not None
    return list(_WORKER.lines(chunk))


def _work_records(chunk: list[Record]) -> list[Made]:
    assert _WORKER is not None
    return [_WORKER.make(record) for record in chunk]


#: How many records a worker takes at a time, and how many chunks may be in flight per worker.
CHUNK = 2_000
_IN_FLIGHT = 2


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_order(
    pool: ProcessPoolExecutor,
    jobs: int,
    work: Callable[[list[Any]], list[Made]],
    chunks: Iterator[list[Any]],
) -> Iterator[Made]:
    """Each chunk's rows, in order, with a bounded number of chunks in flight."""
    flight: collections.deque[Future[list[Made]]] = collections.deque()
    limit = _IN_FLIGHT * jobs
    for chunk in chunks:
        flight.append(pool.submit(work, chunk))
        if len(flight) >= limit:
            yield from flight.popleft().result()
    while flight:
        yield from flight.popleft().result()


# --------------------------------------------------------------------------- the runner

#: How many rows `run_batch` gathers before writing them at once: one large write costs far
#: less than many small ones, whatever buffer the output stream has. Sixteen compact rows (or
#: eight full ones) stay below the C allocator's 128 kB threshold for giving memory back
#: (docs/performance/batch.md).
_ROWS_PER_WRITE = {"compact": 16, "full": 8}


class BatchStopped(Exception):  # noqa: N818 - it says what happened, as StopIteration does
    """Raised by `run_batch` when it stops at ``max_errors`` bad records, before the rest.

    Every row up to and including the last bad record's was written.

    Attributes:
        summary: The summary of the records read so far.
        done: How many records were read.
    """

    def __init__(self, summary: BatchSummary, done: int) -> None:
        super().__init__(f"stopped after {summary.invalid} invalid records ({done} read)")
        self.summary = summary
        self.done = done


class _Sink:
    """Where rows go, in input order: written, counted, reported."""

    __slots__ = (
        "bad",
        "counter",
        "done",
        "every",
        "max_errors",
        "on_error",
        "on_progress",
        "out",
        "pending",
        "per_write",
        "quoting",
        "writer",
    )

    def __init__(
        self,
        out: TextIO,
        output: OutputFormat,
        detail: Detail,
        rules: Iterable[str],
        on_error: ErrorHandler | None,
        on_progress: ProgressHandler | None,
        every: int,
        max_errors: int | None,
    ) -> None:
        self.out = out
        self.counter = SummaryCounter(rules)
        self.writer = csv.writer(out, lineterminator="\n") if output == "csv" else None
        # A cell holding a carriage return must be quoted, which a writer ending rows with "\n"
        # alone does not do: such rows go through one that quotes every cell.
        self.quoting = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        if self.writer is not None:
            self.writer.writerow(csv_columns(detail))
        self.pending: list[str] = []
        self.per_write = _ROWS_PER_WRITE[detail]
        self.on_error = on_error
        self.on_progress = on_progress
        self.every = max(1, every)
        self.max_errors = max_errors
        self.bad = 0
        self.done = 0

    def flush(self) -> None:
        if self.pending:
            self.out.write("".join(self.pending))
            self.pending.clear()

    def take(self, made: Iterable[Made]) -> None:
        counter, pending, writer = self.counter, self.pending, self.writer
        for text, tally, record in made:
            if self.max_errors is not None and self.bad >= self.max_errors:
                raise BatchStopped(counter.summary(), self.done)
            if writer is None:
                pending.append(text)
                if len(pending) >= self.per_write:
                    self.flush()
            else:
                (self.quoting if "\r" in "".join(text) else writer).writerow(text)
            if record is None:
                counter.add_key(tally)
            else:
                counter.add_invalid()
                self.bad += 1
                if self.on_error is not None:
                    self.on_error(record.position, record.source, record.errors, record.line)
            self.done += 1
            if self.on_progress is not None and self.done % self.every == 0:
                self.on_progress(self.done)


def _reads_json_lines(source: str | os.PathLike[str] | TextIO, fmt: InputFormat) -> bool:
    if isinstance(source, str | os.PathLike):
        try:
            return input_format(source, fmt) == "jsonl"
        except ValueError:
            return False  # read_records says why
    return fmt in ("auto", "jsonl")


def _open_lines(source: str | os.PathLike[str] | TextIO) -> TextIO:
    if isinstance(source, str | os.PathLike):
        # As read_records opens it: a line that is not UTF-8 becomes one bad record.
        return open(source, encoding="utf-8", errors="surrogateescape")
    return source


def run_batch(
    source: str | os.PathLike[str] | TextIO,
    out: TextIO,
    *,
    input_fmt: InputFormat = "auto",
    output: OutputFormat = "jsonl",
    detail: Detail = "compact",
    on_error: ErrorHandler | None = None,
    on_progress: ProgressHandler | None = None,
    progress_every: int = 10_000,
    parties: Parties | None = None,
    max_errors: int | None = None,
    keep_formulas: bool = False,
    assessor: Assessor | None = None,
    jobs: int = 1,
) -> BatchSummary:
    """Assess a whole registry, streaming, and write one row per record to ``out``.

    Args:
        source: A file, a folder of documents, or a text stream (then give ``input_fmt``).
        out: Where rows go, in input order: JSON Lines (`copenhagen.batch.rows`) or CSV
            (`copenhagen.batch.rows.csv_columns`).
        input_fmt: See `copenhagen.batch.read_records`.
        output: ``"jsonl"`` or ``"csv"``.
        detail: ``"compact"`` rows (contract section 6), or ``"full"``: each good record's
            ``{"position": N, ...assess().to_dict()}``.
        on_error: Called with ``(position, source, errors, line)`` for every bad record.
        on_progress: Called with the number of records done, every ``progress_every`` records
            and once at the end.
        progress_every: How often to call ``on_progress``.
        parties: For PPSR-Core input: the table of party names and actors.
        max_errors: Stop once this many records were bad, if more records follow
            (`BatchStopped`).
        keep_formulas: Write CSV cells exactly as they are, even those a spreadsheet would
            run as formulas (`copenhagen.batch.cells.neutralise`); JSON Lines keep every
            string as given either way.
        assessor: The reading of the framework to assess with (the shipped rules by default).
        jobs: How many worker processes assess the records (1: this process alone).

    Returns:
        The summary of the run.

    Raises:
        BatchStopped: When ``max_errors`` bad records were read and more records follow.
        ValueError: If ``jobs`` is below 1.
    """
    from copenhagen.assessor import default_assessor

    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    assessor = assessor or default_assessor()
    rules = [rule.id for rule_set in assessor.decision_rule_sets for rule in rule_set]
    sink = _Sink(out, output, detail, rules, on_error, on_progress, progress_every, max_errors)
    lines = _reads_json_lines(source, input_fmt) and parties is None
    # What was gathered is written even if reading fails part way (a stream that is not UTF-8
    # in a format read whole): the records before the failure keep their rows.
    try:
        if jobs == 1:
            maker = _Maker(assessor, detail, output, keep_formulas)
            if lines:
                stream = _open_lines(source)
                try:
                    sink.take(maker.lines(_numbered(stream)))
                finally:
                    if stream is not source:
                        stream.close()
            else:
                sink.take(map(maker.make, read_records(source, input_fmt, parties=parties)))
        else:
            arguments = (assessor, detail, output, keep_formulas)
            with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=arguments) as pool:
                if lines:
                    stream = _open_lines(source)
                    try:
                        chunks = _chunks(_numbered(stream), CHUNK)
                        sink.take(_in_order(pool, jobs, _work_lines, chunks))
                    finally:
                        if stream is not source:
                            stream.close()
                else:
                    records = read_records(source, input_fmt, parties=parties)
                    sink.take(_in_order(pool, jobs, _work_records, _chunks(records, CHUNK)))
    finally:
        sink.flush()
    if on_progress is not None:
        on_progress(sink.done)
    return sink.counter.summary()
