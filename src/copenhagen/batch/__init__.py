"""Assessing whole registries: reading records, assessing them, writing one row each.

- `copenhagen.batch.records`: reading a registry (JSON Lines, a JSON array, YAML, CSV, a folder,
  PPSR-Core) record by record, each bad record kept with its errors;
- `copenhagen.batch.rows`: the row written for each record, defined once (compact or full; JSON
  Lines, CSV cells, JSON Schema, the summary's key);
- `copenhagen.batch.writers`: the same rows written fast from tables of shared parts;
- `copenhagen.batch.summary`: the counts of a run;
- `copenhagen.batch.runner`: `assess_many` and `run_batch`, the streaming runner of
  ``copenhagen batch``.
"""

from __future__ import annotations

from copenhagen.batch.records import (
    DOCUMENT_SUFFIXES,
    RECORD_BY_RECORD,
    WHOLE,
    InputFormat,
    Record,
    csv_cell_list,
    csv_documents,
    input_format,
    read_records,
)
from copenhagen.batch.rows import (
    CSV_COLUMNS,
    Detail,
    bad_row,
    compact_row,
    csv_columns,
    dumps_row,
    flatten_row,
    full_row,
    row_schema,
    tally_key,
)
from copenhagen.batch.runner import (
    BatchResult,
    BatchStopped,
    OutputFormat,
    assess_many,
    run_batch,
)
from copenhagen.batch.summary import BatchSummary, SummaryCounter

__all__ = [
    "CSV_COLUMNS",
    "DOCUMENT_SUFFIXES",
    "RECORD_BY_RECORD",
    "WHOLE",
    "BatchResult",
    "BatchStopped",
    "BatchSummary",
    "Detail",
    "InputFormat",
    "OutputFormat",
    "Record",
    "SummaryCounter",
    "assess_many",
    "bad_row",
    "compact_row",
    "csv_cell_list",
    "csv_columns",
    "csv_documents",
    "dumps_row",
    "flatten_row",
    "full_row",
    "input_format",
    "read_records",
    "row_schema",
    "run_batch",
    "tally_key",
]
