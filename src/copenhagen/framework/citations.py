"""The anchors of the framework text a citation may name, and a parser for citation strings.

The framework has 45 numbered paragraphs, two boxes, one table, ten footnotes and an annex
without numbered paragraphs; every citation in the library names one of them ("para 15",
"Box 2", "Table 1", "footnote 4", "Annex") or a range or list of paragraphs ("paras 10-11",
"paras 20, 27").
"""

from __future__ import annotations

import re

import attrs

__all__ = [
    "ANCHORS",
    "ANCHOR_ORDER",
    "ANNEX",
    "BOXES",
    "FOOTNOTES",
    "PARAGRAPHS",
    "TABLES",
    "Citation",
    "is_anchor",
    "parse_citation",
]

#: Number of numbered paragraphs in the framework text.
PARAGRAPHS = 45
#: Number of footnotes in the framework text.
FOOTNOTES = 10
#: The boxes of the framework text.
BOXES: tuple[str, ...] = ("Box 1", "Box 2")
#: The tables of the framework text.
TABLES: tuple[str, ...] = ("Table 1",)
#: The annex (its consultation processes, lettered (a)-(e), have no paragraph numbers).
ANNEX = "Annex"

#: Every single anchor a citation may name, in the text's order: paragraphs, boxes, table,
#: footnotes, annex.
ANCHOR_ORDER: tuple[str, ...] = (
    *(f"para {n}" for n in range(1, PARAGRAPHS + 1)),
    *BOXES,
    *TABLES,
    *(f"footnote {n}" for n in range(1, FOOTNOTES + 1)),
    ANNEX,
)
#: Every single anchor a citation may name.
ANCHORS: frozenset[str] = frozenset(ANCHOR_ORDER)

# "paras 10-11", "paras 20, 27", "paras 19-20, 27": several paragraphs under one prefix.
_PARAS = re.compile(r"paras (\d+(?:-\d+)?(?:, \d+(?:-\d+)?)+|\d+-\d+)")
_RANGE = re.compile(r"(\d+)(?:-(\d+))?")


@attrs.frozen(slots=True)
class Citation:
    """A parsed citation: the text it was read from and the single anchors it covers.

    Attributes:
        text: The citation as written, e.g. ``"paras 10-11"``.
        anchors: The single anchors it covers, in order, e.g. ``("para 10", "para 11")``.
    """

    text: str
    anchors: tuple[str, ...]

    @property
    def paragraphs(self) -> tuple[int, ...]:
        """The paragraph numbers the citation covers (empty for a box, table or footnote)."""
        return tuple(int(a.split()[1]) for a in self.anchors if a.startswith("para "))


def parse_citation(text: str) -> Citation:
    """Parse a citation string into the single anchors it covers.

    Args:
        text: A single anchor (``"para 15"``, ``"Box 2"``, ``"Table 1"``, ``"footnote 4"``,
            ``"Annex"``) or a range or list of paragraphs (``"paras 10-11"``, ``"paras 20, 27"``).

    Returns:
        The parsed citation.

    Raises:
        ValueError: If the text names no anchor of the framework, or a range runs backwards.
    """
    if text in ANCHORS:
        return Citation(text, (text,))
    match = _PARAS.fullmatch(text)
    if match is None:
        raise ValueError(
            f"not a citation of the framework: {text!r} (expected e.g. 'para 15', "
            "'paras 10-11', 'Box 1', 'Box 2', 'Table 1', 'footnote 4' or 'Annex')"
        )
    anchors: list[str] = []
    for part in match.group(1).split(", "):
        bounds = _RANGE.fullmatch(part)
        assert bounds is not None  # the outer pattern only admits these shapes
        first = int(bounds.group(1))
        last = int(bounds.group(2) or first)
        if bounds.group(2) is not None and first >= last:
            raise ValueError(f"a paragraph range must run upwards: {part!r} in {text!r}")
        if not 1 <= first <= last <= PARAGRAPHS:
            raise ValueError(f"paragraph out of range (1-{PARAGRAPHS}): {part!r} in {text!r}")
        anchors.extend(f"para {n}" for n in range(first, last + 1))
    return Citation(text, tuple(anchors))


def is_anchor(text: str) -> bool:
    """Whether ``text`` is a valid citation of the framework: an anchor, or paragraphs' range/list.

    Examples:
        >>> is_anchor("para 15"), is_anchor("paras 10-11"), is_anchor("Box 3")
        (True, True, False)
    """
    if text in ANCHORS:
        return True
    try:
        parse_citation(text)
    except ValueError:
        return False
    return True
