"""Assessing whole registries: reading records, assessing them, writing one row each.

- `copenhagen.batch.records`: reading a registry (JSON Lines, a JSON array, YAML, CSV, a folder)
  record by record, each bad record kept with its errors;
- `copenhagen.batch.rows`: the rows written, as JSON Lines or CSV cells;
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
    csv_records,
    input_format,
    read_records,
)
from copenhagen.batch.rows import CSV_COLUMNS, dumps_row, flatten_row
from copenhagen.batch.runner import (
    BatchResult,
    BatchStopped,
    OutputFormat,
    assess_many,
    run_batch,
)

__all__ = [
    "CSV_COLUMNS",
    "DOCUMENT_SUFFIXES",
    "RECORD_BY_RECORD",
    "WHOLE",
    "BatchResult",
    "BatchStopped",
    "InputFormat",
    "OutputFormat",
    "Record",
    "assess_many",
    "csv_cell_list",
    "csv_documents",
    "csv_records",
    "dumps_row",
    "flatten_row",
    "input_format",
    "read_records",
    "run_batch",
]
