"""One table for many assessments: a row per initiative, its decisions and principle tally.

`copenhagen assess --format table FILE...` prints it (and ``make demo`` ends with it), so that a
reader sees a whole set of initiatives at a glance before reading any report in full. Cells that
do not fit the width wrap within their column.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from copenhagen.model import Status
from copenhagen.reports._labels import DECISIONS, STATUS_SYMBOL
from copenhagen.reports._view import outcome_text
from copenhagen.reports.text import Styler, plain, printable

__all__ = ["overview_text"]

_GAP = "  "


def _tally(result: Mapping[str, Any]) -> str:
    principles = result.get("principles") or {}
    values = list(principles.values())
    # Every status is shown, zeros too, so the columns line up from row to row.
    return " ".join(f"{STATUS_SYMBOL[s.value]}{values.count(s.value):>2}" for s in Status)


def _widths(cells: Sequence[Sequence[str]], width: int, whole: int) -> list[int]:
    # Each column starts as wide as its widest cell; the widest that can still give way loses a
    # character at a time, down to its longest word (column ``whole`` never wraps), so no word
    # is broken while the width allows it.
    columns = range(len(cells[0]))
    widths = [max(len(row[i]) for row in cells) for i in columns]
    floors = [
        widths[i] if i == whole else max(len(w) for row in cells for w in row[i].split() or [""])
        for i in columns
    ]
    room = width - len(_GAP) * (len(widths) - 1)
    while sum(widths) > room:
        giving = [i for i in columns if widths[i] > floors[i]]
        if not giving:
            break
        widths[max(giving, key=lambda i: widths[i])] -= 1
    return widths


def overview_text(
    results: Sequence[tuple[str, Mapping[str, Any]]], *, width: int = 100, style: Styler = plain
) -> str:
    """A table of many assessments: one row per initiative.

    Args:
        results: ``(label, assess(...).to_dict())`` pairs, in the order to show them; the label
            names the initiative's source (a file name, say).
        width: The width to fit the table to; long cells wrap within their column.
        style: How to style the header (colour on a terminal, plain text otherwise).

    Returns:
        The table, ending with a newline, or a line saying there is nothing to show.

    Examples:
        >>> from copenhagen import assess, load_initiative
        >>> one = assess(load_initiative({"name": "Beach", "initiated_by": ["cso"]})).to_dict()
        >>> print(overview_text([("beach.yaml", one)]).splitlines()[2][:36])
        beach.yaml  in scope  1 Civic action
    """
    if not results:
        return "No initiative to show.\n"
    header = ("Initiative", *(heading for _, heading in DECISIONS), "Principles")
    cells = [header] + [
        (
            printable(label),
            *(outcome_text(key, result.get(key) or {}) for key, _ in DECISIONS),
            _tally(result),
        )
        for label, result in results
    ]
    widths = _widths(cells, width, whole=len(header) - 1)
    lines: list[str] = []
    for n, row in enumerate(cells):
        wrapped = [
            textwrap.wrap(cell, w, break_on_hyphens=False) or [""]
            for cell, w in zip(row, widths, strict=True)
        ]
        for depth in range(max(len(parts) for parts in wrapped)):
            parts = [p[depth] if depth < len(p) else "" for p in wrapped]
            line = _GAP.join(part.ljust(w) for part, w in zip(parts, widths, strict=True)).rstrip()
            lines.append(style(line, "label") if n == 0 else line)
        if n == 0:
            lines.append(_GAP.join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
