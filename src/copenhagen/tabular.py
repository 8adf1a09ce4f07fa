"""Assess a pandas DataFrame of initiatives into new columns (the optional ``pandas`` extra).

Each row is one initiative document: a column per document key (contract section 2), mappings
spread over dotted columns as in CSV input (``principles.informed_consent``,
``practices.secure_storage``, ``participation.extent``, ``extra.url``). A missing value
(``None``, ``NaN``, ``pd.NA``) is unknown, the key absent. A list cell is a list (or tuple or
array) of values, or a string in the CSV convention (``"cso;community"``, ``"[]"`` for an empty
list). Rows that are not valid documents get their errors in the ``errors`` column instead of
stopping the run.

pandas is imported only when `assess_frame` is called.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from copenhagen.framework.principles import PRINCIPLE_KEYS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RESULT_COLUMNS", "assess_frame"]

_DECISIONS = ("scope", "modality", "nso_category")

#: The columns `assess_frame` adds, in order.
RESULT_COLUMNS: tuple[str, ...] = (
    *(f"{d}{part}" for d in _DECISIONS for part in ("", "_determinate", "_missing")),
    *(f"status.{p}" for p in PRINCIPLE_KEYS),
    "recommendations",
    "warnings",
    "errors",
)

_LIST_KEYS = frozenset({"initiated_by", "partners", "funders", "objectives", "engaged_stages"})
_GROUPS = ("principles", "practices", "participation", "extra")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: Any) -> Any:
    """Numpy scalars and arrays as plain Python values (a document holds plain values only)."""
    item = getattr(value, "item", None)
    if item is not None and getattr(value, "shape", None) == ():
        return item()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return value


def _document(row: Mapping[Any, Any]) -> dict[str, Any]:
    from copenhagen.batch import csv_cell_list

    document: dict[str, Any] = {}
    for key, cell in row.items():
        column = str(key)
        value = _plain(cell)
        if not isinstance(value, list) and _missing(value):
            continue
        group, dot, inner = column.partition(".")
        if dot and group in _GROUPS:
            document.setdefault(group, {})[inner] = value
        elif column in _LIST_KEYS and isinstance(value, str):
            document[column] = csv_cell_list(value)
        else:
            document[column] = value
    return document


def assess_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Assess every row of ``frame`` and return a copy with the result columns added.

    Args:
        frame: One initiative per row (see the module's description of the columns).

    Returns:
        A new DataFrame with the same index and columns, plus `RESULT_COLUMNS`: each decision's
        outcome (its value, or ``None``), whether it is determinate and its ``missing`` keys
        (a list); each principle's assessed status (``status.<principle>``, apart from the
        declared ``principles.<principle>``); the recommendations' ids and the warnings
        (lists); and ``errors`` (a list of ``(path, message)`` pairs for a row that is not a
        valid document, else ``None``, with every other result column ``None``).

    Raises:
        ValueError: If ``frame`` already has a column of that name.
    """
    import pandas as pd

    from copenhagen.batch import assess_many

    clash = [name for name in RESULT_COLUMNS if name in frame.columns]
    if clash:
        raise ValueError(f"the frame already has result columns: {', '.join(clash)}")

    columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}
    records = frame.to_dict("records")
    for result in assess_many(_document(row) for row in records):
        if result.assessment is None:
            for name in RESULT_COLUMNS:
                columns[name].append(None)
            columns["errors"][-1] = list(result.errors)
            continue
        data = result.assessment.to_dict()
        for d in _DECISIONS:
            columns[d].append(data[d]["outcome"])
            columns[f"{d}_determinate"].append(data[d]["determinate"])
            columns[f"{d}_missing"].append(data[d]["missing"])
        for p in PRINCIPLE_KEYS:
            columns[f"status.{p}"].append(data["principles"][p])
        columns["recommendations"].append([r["id"] for r in data["recommendations"]])
        columns["warnings"].append(data["warnings"])
        columns["errors"].append(None)
    added = pd.DataFrame(
        {
            name: pd.Series(values, index=frame.index, dtype=object)
            for name, values in columns.items()
        },
        index=frame.index,
    )
    return pd.concat([frame, added], axis=1)
