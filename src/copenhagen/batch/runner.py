"""Assessing many initiatives: `assess_many`, and the streaming runner of ``copenhagen batch``.

`assess_many` takes initiatives, documents or load results and yields one `BatchResult` per item,
in order, keeping each bad record's errors instead of raising them. `run_batch` streams a
registry (`copenhagen.batch.records`), assesses each record with `copenhagen.assess` and writes
one row per record (`copenhagen.batch.rows`) as JSON Lines or CSV, returning a
`copenhagen.reports.summary.BatchSummary`.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from copenhagen.batch.records import WHOLE, Errors, InputFormat, Record, read_records
from copenhagen.batch.rows import CSV_COLUMNS, dumps_row, flatten_row
from copenhagen.model import Initiative

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.ppsr import Parties
    from copenhagen.reports.summary import BatchSummary

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


# --------------------------------------------------------------------------- the runner

#: Called with ``(position, source, errors, line)`` for each bad record (``line``: where a CSV
#: record starts, else ``None``).
ErrorHandler = Callable[[int, "str | None", Errors, "int | None"], None]
ProgressHandler = Callable[[int], None]

#: How many rows `run_batch` gathers before writing them at once: one large write costs far
#: less than many small ones, whatever buffer the output stream has. Eight rows of about 9 kB
#: stay below the C allocator's 128 kB threshold for giving memory back
#: (docs/performance/batch.md).
_ROWS_PER_WRITE = 8


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


class _Runner:
    """One run of `run_batch`: writes rows in input order, counts them, reports bad records."""

    __slots__ = (
        "assess",
        "bad",
        "counter",
        "done",
        "every",
        "keep_formulas",
        "on_error",
        "on_progress",
        "out",
        "pending",
        "quoting_writer",
        "writer",
    )

    def __init__(
        self,
        out: TextIO,
        output: OutputFormat,
        on_error: ErrorHandler | None,
        on_progress: ProgressHandler | None,
        every: int,
        keep_formulas: bool = False,
        assessor: Assessor | None = None,
    ) -> None:
        from copenhagen.assessor import default_assessor
        from copenhagen.reports.summary import SummaryCounter

        self.assess = (assessor or default_assessor()).assess
        self.keep_formulas = keep_formulas
        self.bad = 0
        self.out = out
        self.counter = SummaryCounter()
        self.writer = csv.writer(out, lineterminator="\n") if output == "csv" else None
        # A cell holding a carriage return must be quoted, which a writer ending rows with "\n"
        # alone does not do: such rows go through one that quotes every cell.
        self.quoting_writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        if self.writer is not None:
            self.writer.writerow(CSV_COLUMNS)
        self.pending: list[str] = []
        self.on_error = on_error
        self.on_progress = on_progress
        self.every = max(1, every)
        self.done = 0

    def flush(self) -> None:
        if self.pending:
            self.out.write("".join(self.pending))
            self.pending.clear()

    def take(self, record: Record) -> None:
        """Assess one record and write its row."""
        if record.initiative is None:
            row: dict[str, Any] = {
                "position": record.position,
                "errors": [list(e) for e in record.errors],
            }
            self._write(row)
            self.counter.add_invalid()
            self.bad += 1
            if self.on_error is not None:
                self.on_error(record.position, record.source, record.errors, record.line)
        else:
            result = self.assess(record.initiative).to_dict()
            self._write({"position": record.position, **result})
            self.counter.add(result)
        self.done += 1
        if len(self.pending) >= _ROWS_PER_WRITE:
            self.flush()
        if self.on_progress is not None and self.done % self.every == 0:
            self.on_progress(self.done)

    def _write(self, row: dict[str, Any]) -> None:
        if self.writer is not None:
            cells = flatten_row(row, keep_formulas=self.keep_formulas)
            (self.quoting_writer if "\r" in "".join(cells) else self.writer).writerow(cells)
        else:
            self.pending.append(dumps_row(row) + "\n")


def run_batch(
    source: str | os.PathLike[str] | TextIO,
    out: TextIO,
    *,
    input_fmt: InputFormat = "auto",
    output: OutputFormat = "jsonl",
    on_error: ErrorHandler | None = None,
    on_progress: ProgressHandler | None = None,
    progress_every: int = 10_000,
    parties: Parties | None = None,
    max_errors: int | None = None,
    keep_formulas: bool = False,
    assessor: Assessor | None = None,
) -> BatchSummary:
    """Assess a whole registry, streaming, and write one row per record to ``out``.

    Args:
        source: A file, a folder of documents, or a text stream (then give ``input_fmt``).
        out: Where rows go: JSON Lines (``{"position": N, ...assess().to_dict()}`` or
            ``{"position": N, "errors": [[path, message], ...]}``) or CSV (`CSV_COLUMNS`).
        input_fmt: See `copenhagen.batch.read_records`.
        output: ``"jsonl"`` or ``"csv"``.
        on_error: Called with ``(position, source, errors)`` for every bad record.
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

    Returns:
        The summary of the run.

    Raises:
        BatchStopped: When ``max_errors`` bad records were read and more records follow.
    """
    run = _Runner(out, output, on_error, on_progress, progress_every, keep_formulas, assessor)
    # What was gathered is written even if reading fails part way (a stream that is not UTF-8
    # in a format read whole): the records before the failure keep their rows.
    try:
        for record in read_records(source, input_fmt, parties=parties):
            if max_errors is not None and run.bad >= max_errors:
                raise BatchStopped(run.counter.summary(), run.done)
            run.take(record)
    finally:
        run.flush()
    if on_progress is not None:
        on_progress(run.done)
    return run.counter.summary()
