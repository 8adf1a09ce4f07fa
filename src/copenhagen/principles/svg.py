"""The principle graph drawn as a self-contained SVG, by the library itself (no script, no network).

Ethical and safe use (principle 10), which requires all the others (para 28), sits in the centre;
the other twelve stand on a circle in their numbered order. Each kind of relation has its own
colour, dash pattern and arrowheads, explained in a legend; the library's interpretations are
drawn thinner. Given statuses, each node shows its status as a symbol and a word as well as a
fill colour, so nothing is told by colour alone. The same input always gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from copenhagen.framework.principles import Principle
from copenhagen.model import Status
from copenhagen.principles.relations import RELATIONS, Relation, RelationKind

__all__ = ["STATUS_STYLES", "StatusStyle", "to_svg"]

_WIDTH = 900
_CX, _CY = 450.0, 390.0  # centre of the circle layout
_RING = 300.0  # radius of the circle the twelve principles stand on
_NODE = 30.0  # radius of a node
_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


@attrs.frozen(slots=True)
class KindStyle:
    """How one kind of relation is drawn."""

    colour: str
    dash: str | None
    start_arrow: bool
    end_arrow: bool
    label: str


@attrs.frozen(slots=True)
class StatusStyle:
    """How a status is shown: a fill colour, and a symbol and word that say it without colour."""

    fill: str
    symbol: str
    word: str


_KINDS: dict[RelationKind, KindStyle] = {
    RelationKind.REQUIRES: KindStyle("#1a1a1a", None, False, True, "requires (solid, arrow)"),
    RelationKind.SUPPORTS: KindStyle("#2166ac", "7 4", False, True, "supports (dashed, arrow)"),
    RelationKind.JOINTLY_SERVES: KindStyle(
        "#1b7837", "2 4", False, False, "jointly serves an aim (dotted, no arrow)"
    ),
    RelationKind.BALANCED_AGAINST: KindStyle(
        "#b2182b", "10 4 2 4", True, True, "balanced against (dash-dot, arrows both ends)"
    ),
    RelationKind.LINKED_WITH: KindStyle(
        "#6a3d9a", "1 5", False, True, "linked with (fine dots, arrow)"
    ),
}

#: How each status is shown on a node (fill colour, symbol, word). The symbols and words are the
#: ones every report uses (`copenhagen.reports._labels.STATUS_SYMBOL`), so a status reads the same
#: in the graph as in the tables and the terminal.
STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.MET: StatusStyle("#a6dba0", "\u2714", "met"),
    Status.PARTIAL: StatusStyle("#fee08b", "\u25d0", "partial"),
    Status.NOT_MET: StatusStyle("#f4a582", "\u2718", "not met"),
    Status.UNKNOWN: StatusStyle("#e0e0e0", "?", "unknown"),
}

_PLAIN_FILL = "#f7f7f7"


def escape(text: str) -> str:
    """Escape text for XML content and double-quoted attributes.

    Written here rather than imported: `xml.sax.saxutils` pulls in `urllib.request` and its
    dependencies, which would slow `import copenhagen.principles` down tenfold.
    """
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _f(x: float) -> str:
    # Fixed one-decimal formatting: stable bytes, and no "-0.0".
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text


def _position(p: Principle) -> tuple[float, float]:
    if p is Principle.ETHICAL_AND_SAFE_USE:
        return _CX, _CY
    ring = [q for q in Principle if q is not Principle.ETHICAL_AND_SAFE_USE]
    angle = -math.pi / 2 + 2 * math.pi * ring.index(p) / len(ring)
    return _CX + _RING * math.cos(angle), _CY + _RING * math.sin(angle)


def _wrap(text: str, width: int = 20) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _unit(dx: float, dy: float) -> tuple[float, float]:
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _edge_path(r: Relation, *, straight: bool) -> str:
    (x1, y1), (x2, y2) = _position(r.source), _position(r.target)
    if straight:
        ux, uy = _unit(x2 - x1, y2 - y1)
        return (
            f"M{_f(x1 + ux * _NODE)},{_f(y1 + uy * _NODE)} "
            f"L{_f(x2 - ux * (_NODE + 2))},{_f(y2 - uy * (_NODE + 2))}"
        )
    # A directed edge bends to its right, so u -> v and v -> u never lie on one another.
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    nx_, ny_ = _unit(-(y2 - y1), x2 - x1)
    bend = 0.12 * math.hypot(x2 - x1, y2 - y1)
    qx, qy = mx + nx_ * bend, my + ny_ * bend
    sx, sy = _unit(qx - x1, qy - y1)
    ex, ey = _unit(qx - x2, qy - y2)
    return (
        f"M{_f(x1 + sx * _NODE)},{_f(y1 + sy * _NODE)} Q{_f(qx)},{_f(qy)} "
        f"{_f(x2 + ex * (_NODE + 2))},{_f(y2 + ey * (_NODE + 2))}"
    )


def _stroke(kind: RelationKind, *, stated: bool) -> str:
    style = _KINDS[kind]
    parts = [f'stroke="{style.colour}"', f'stroke-width="{"2" if stated else "1.2"}"']
    parts.append('fill="none"')
    if style.dash is not None:
        parts.append(f'stroke-dasharray="{style.dash}"')
    if style.end_arrow:
        parts.append(f'marker-end="url(#cph-arrow-{kind.value})"')
    if style.start_arrow:
        parts.append(f'marker-start="url(#cph-arrow-start-{kind.value})"')
    return " ".join(parts)


def _markers() -> list[str]:
    out = ["<defs>"]
    for kind, style in _KINDS.items():
        out.append(
            f'<marker id="cph-arrow-{kind.value}" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="5" markerHeight="5" orient="auto">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{style.colour}"/></marker>'
        )
        if style.start_arrow:
            out.append(
                f'<marker id="cph-arrow-start-{kind.value}" viewBox="0 0 10 10" refX="1" '
                'refY="5" markerWidth="5" markerHeight="5" orient="auto">'
                f'<path d="M10,0 L0,5 L10,10 z" fill="{style.colour}"/></marker>'
            )
    out.append("</defs>")
    return out


def _edges() -> list[str]:
    out = ['<g class="edges">']
    drawn: set[tuple[Principle, Principle]] = set()
    for r in RELATIONS:
        if r.kind.symmetric:
            # One straight line for the two edges of a relation without direction.
            if (r.target, r.source) in drawn:
                continue
            drawn.add((r.source, r.target))
            title = (
                f"{r.source.value} and {r.target.value}: {r.kind.value.replace('_', ' ')} "
                f"({r.citation}). {r.reason}"
            )
        else:
            title = f"{r.id}: {r.kind.value.replace('_', ' ')} ({r.citation}). {r.reason}"
        if not r.stated:
            title += " (the library's interpretation)"
        out.append(
            f'<path class="edge {r.kind.value}" d="{_edge_path(r, straight=r.kind.symmetric)}" '
            f"{_stroke(r.kind, stated=r.stated)}><title>{escape(title)}</title></path>"
        )
    out.append("</g>")
    return out


def _text(x: float, y: float, text: str, *, size: int = 12, weight: str = "normal") -> str:
    # A white halo behind the letters keeps labels readable where edges pass beneath them.
    return (
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" font-weight="{weight}" '
        'text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke" '
        f'fill="#1a1a1a">{escape(text)}</text>'
    )


def _nodes(statuses: Mapping[Principle, Status] | None) -> list[str]:
    out = ['<g class="nodes">']
    for p in Principle:
        x, y = _position(p)
        style = None
        if statuses is not None:
            style = STATUS_STYLES[statuses.get(p, Status.UNKNOWN)]
        title = f"{p.value}. {p.title}"
        if style is not None:
            title += f": {style.word}"
        out.append(f'<g class="node" id="principle-{p.name.lower()}">')
        out.append(f"<title>{escape(title)}</title>")
        fill = _PLAIN_FILL if style is None else style.fill
        out.append(
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(_NODE)}" fill="{fill}" '
            'stroke="#1a1a1a" stroke-width="1.5"/>'
        )
        number_y = y + 5 if style is None else y - 1
        out.append(_text(x, number_y, str(p.value), size=15, weight="bold"))
        if style is not None:
            out.append(_text(x, y + 17, style.symbol, size=13, weight="bold"))
        line_y = y + _NODE + 15
        for line in _wrap(p.title):
            out.append(_text(x, line_y, line))
            line_y += 14
        if style is not None:
            out.append(_text(x, line_y, f"{style.symbol} {style.word}", weight="bold"))
        out.append("</g>")
    out.append("</g>")
    return out


def _legend(top: float, statuses: bool) -> tuple[list[str], float]:
    out = ['<g class="legend">']
    out.append(
        f'<text x="40" y="{_f(top)}" font-size="14" font-weight="bold" fill="#1a1a1a">'
        "Relations</text>"
    )
    y = top + 22
    for kind, style in _KINDS.items():
        stroke = _stroke(kind, stated=True)
        out.append(f'<path d="M40,{_f(y - 4)} L110,{_f(y - 4)}" {stroke}/>')
        out.append(
            f'<text x="122" y="{_f(y)}" font-size="12" fill="#1a1a1a">'
            f"{escape(style.label)}: {escape(kind.description)}</text>"
        )
        y += 20
    out.append(
        f'<path d="M40,{_f(y - 4)} L110,{_f(y - 4)}" stroke="#1a1a1a" stroke-width="1.2" '
        'stroke-dasharray="7 4" fill="none"/>'
    )
    out.append(
        f'<text x="122" y="{_f(y)}" font-size="12" fill="#1a1a1a">thinner line of any kind: '
        "read into the text by the library (interpretation register, PRIN-1)</text>"
    )
    y += 20
    if statuses:
        y += 10
        out.append(
            f'<text x="40" y="{_f(y)}" font-size="14" font-weight="bold" fill="#1a1a1a">'
            "Status (symbol, word and colour)</text>"
        )
        y += 22
        for shown in STATUS_STYLES.values():
            out.append(
                f'<circle cx="52" cy="{_f(y - 4)}" r="9" fill="{shown.fill}" stroke="#1a1a1a"/>'
            )
            out.append(
                f'<text x="52" y="{_f(y)}" font-size="11" font-weight="bold" '
                f'text-anchor="middle" fill="#1a1a1a">{escape(shown.symbol)}</text>'
            )
            out.append(
                f'<text x="72" y="{_f(y)}" font-size="12" fill="#1a1a1a">'
                f"{escape(shown.word)}</text>"
            )
            y += 22
    out.append("</g>")
    return out, y


def to_svg(statuses: Mapping[Principle, Status] | None = None) -> str:
    """Draw the principle graph as a standalone SVG document.

    Args:
        statuses: Optionally, a status for each principle (missing ones count as unknown),
            e.g. ``{p: result.status(p) for p in Principle}`` from `assess_principles`; each
            node then shows its status by symbol, word and fill colour.

    Returns:
        The SVG text (UTF-8, no script, no external reference), the same bytes for the same input.
    """
    legend, bottom = _legend(_CY + _RING + 130, statuses is not None)
    height = math.ceil(bottom + 10)
    title = "The 13 principles of citizen data and how they relate (paras 17-31)"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="cph-title cph-desc" '
        f'font-family="{_FONT}">',
        f'<title id="cph-title">{escape(title)}</title>',
        '<desc id="cph-desc">Principle 10, ethical and safe production and use, is in the '
        "centre because it requires every other principle (para 28); the others stand on a "
        "circle. Lines show how principles relate; the legend explains each kind.</desc>",
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        *_markers(),
        *_edges(),
        *_nodes(statuses),
        *legend,
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
