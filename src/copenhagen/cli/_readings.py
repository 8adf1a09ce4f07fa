"""What ``copenhagen diff`` and ``copenhagen check`` share: naming readings, showing examples."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from copenhagen.reports.text import printable

__all__ = ["BASE", "example_text", "outcome_text", "reading_files", "reading_label", "table"]

#: How a reading without layers is named on the command line.
BASE = "base"


def reading_files(spec: str) -> list[str]:
    """The layer files of a reading written ``base`` or ``a.yaml+b.yaml`` (applied in order)."""
    files = [part for part in spec.split("+") if part]
    return files[1:] if files[:1] == [BASE] else files


def reading_label(files: Sequence[str]) -> str:
    """A reading in words: "the shipped rules", or with its layer files."""
    if not files:
        return "the shipped rules"
    return "the shipped rules with " + " + ".join(printable(f) for f in files)


def outcome_text(decision: str, result: Mapping[str, Any]) -> str:
    """A compared result in words: "out of scope", "no modality", "undecided"."""
    from copenhagen.layers.vocabulary import DECISIONS, SUBJECTS
    from copenhagen.rules.conditions import outcome_words

    if not result["determinate"]:
        return "undecided"
    if result["outcome"] is None:
        return f"no {SUBJECTS[decision]}"
    return outcome_words(DECISIONS[decision](result["outcome"]))


def example_text(document: Mapping[str, Any]) -> str:
    """An example document on one line, its name left out: "initiated_by [nso], ..."."""
    parts = []
    for key, value in document.items():
        if key == "name":
            continue
        if isinstance(value, list):
            shown = "[" + ", ".join(str(v) for v in value) + "]"
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = str(value)
        parts.append(f"{key} {shown}")
    return printable(", ".join(parts))


def table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A plain text table whose last column wraps to fit ``width``.

    Where the other columns leave the last one too little room, each row's last cell goes on
    lines of its own under the row, after the last column's heading.
    """
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
    left = sum(widths) + 2 * len(widths) + 2
    lines = []
    if width - left >= 40:
        for row in (header, *rows):
            head = "  " + "".join(cell.ljust(w + 2) for cell, w in zip(row, widths, strict=False))
            wrapped = textwrap.wrap(row[-1], width - left) or [""]
            lines.append(head + wrapped[0])
            lines.extend(" " * len(head) + more for more in wrapped[1:])
        return lines
    for row in (header, *rows):
        cells = "  " + "".join(cell.ljust(w + 2) for cell, w in zip(row, widths, strict=False))
        lines.append(cells.rstrip())
        if row is header:
            continue
        lines.extend(
            textwrap.wrap(
                f"{header[-1]}: {row[-1]}",
                width,
                initial_indent="      ",
                subsequent_indent="        ",
            )
        )
    return lines
