"""The rows a batch writes: one JSON Lines row or one line of CSV cells per record.

`dumps_row` serialises a row the way the library always does (sorted keys, one line), so a reader
can check a row against ``assess(...).to_dict()`` byte for byte; `flatten_row` spreads a row over
the cells of `CSV_COLUMNS`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from copenhagen.batch.cells import neutralise_cells
from copenhagen.framework.principles import PRINCIPLE_KEYS

__all__ = ["CSV_COLUMNS", "dumps_row", "flatten_row"]


def dumps_row(row: Mapping[str, Any]) -> str:
    """One JSON Lines row, serialised the way the library always does: sorted keys, one line.

    ``dumps_row({"position": 1, **a.to_dict()})`` is ``json.dumps(..., sort_keys=True)``.
    """
    return json.dumps(row, sort_keys=True)


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


def flatten_row(row: Mapping[str, Any], *, keep_formulas: bool = False) -> list[str]:
    """A JSON Lines row flattened into the cells of `CSV_COLUMNS`.

    Lists of identifiers (missing keys, rule ids, stages, recommendation ids) are joined with
    ``;`` as in CSV input; free text that may itself hold ``;`` (warnings, errors) is a JSON array.
    A cell a spreadsheet would run as a formula gets a leading ``'``
    (`copenhagen.batch.cells.neutralise`) unless ``keep_formulas``.
    """
    cells = _cells(row)
    return cells if keep_formulas else neutralise_cells(cells)


def _cells(row: Mapping[str, Any]) -> list[str]:
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
