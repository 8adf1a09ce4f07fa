"""CSV cells a spreadsheet would run as formulas, made inert (OWASP's rule on CSV injection).

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
also read one that starts with a tab or a carriage return so; a registry's name such as
``=HYPERLINK("http://...", "click")`` would then run when the results are opened. The OWASP
recommendation is to start such a cell with a single quote, which spreadsheets show as text.
``copenhagen batch --csv-formulas keep`` turns this off for pipelines that read the CSV back
by program; JSON Lines output keeps every string exactly as given either way.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_STARTS", "neutralise", "neutralise_cells"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = frozenset("=+-@\t\r")


# A cell start that a spreadsheet would run, in the row's cells joined after NUL characters:
# one search over the row finds whether any cell needs a quote (almost none does).
_RUNNABLE_START = re.compile("\x00[" + re.escape("".join(sorted(FORMULA_STARTS))) + "]")


def neutralise_cells(cells: list[str]) -> list[str]:
    """The cells of a row, each with a leading ``'`` if a spreadsheet would run it as a formula."""
    if _RUNNABLE_START.search("\x00" + "\x00".join(cells)) is None:
        return cells
    return [f"'{cell}" if cell[:1] in FORMULA_STARTS else cell for cell in cells]


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would read it as a formula.

    >>> neutralise("=SUM(1)"), neutralise("-1+1"), neutralise("Water watch")
    ("'=SUM(1)", "'-1+1", 'Water watch')
    """
    (cell,) = neutralise_cells([text])
    return cell
