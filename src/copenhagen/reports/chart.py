"""A horizontal bar chart drawn as inline SVG: no plotting dependency, no network."""

from __future__ import annotations

from collections.abc import Sequence

from copenhagen.reports._escape import escape_html as h

__all__ = ["bar_chart_svg"]

_BAR_HEIGHT = 22
_GAP = 8
_LABEL_WIDTH = 260
_BAR_WIDTH = 360
_VALUE_WIDTH = 80


def bar_chart_svg(title: str, bars: Sequence[tuple[str, int]]) -> str:
    """Draw ``bars`` (label, count) as a horizontal bar chart.

    Each bar carries its label and its count as text, so the chart reads without colour; the SVG
    has a ``<title>`` and an ``aria-label`` for screen readers. Every label is escaped.

    Args:
        title: The chart's title.
        bars: The bars in the order to draw them.

    Returns:
        An ``<svg>`` element as a string.
    """
    top = 28
    height = top + len(bars) * (_BAR_HEIGHT + _GAP) + _GAP
    width = _LABEL_WIDTH + _BAR_WIDTH + _VALUE_WIDTH
    largest = max((count for _, count in bars), default=0)
    total = sum(count for _, count in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{h(title)}">',
        f"<title>{h(title)}</title>",
        f'<text x="0" y="18" font-size="14" font-weight="700">{h(title)}</text>',
    ]
    for i, (label, count) in enumerate(bars):
        y = top + i * (_BAR_HEIGHT + _GAP)
        length = 0 if largest == 0 else round(_BAR_WIDTH * count / largest)
        share = f" ({100 * count / total:.1f}%)" if total else ""
        parts.append(
            f'<g><text class="bar-label" x="{_LABEL_WIDTH - 8}" y="{y + 15}" '
            f'text-anchor="end" font-size="12">{h(label)}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y}" width="{length}" height="{_BAR_HEIGHT}" '
            f'fill="#3b7d8c"><title>{h(label)}: {count}</title></rect>'
            f'<text class="bar-value" x="{_LABEL_WIDTH + length + 6}" y="{y + 15}" '
            f'font-size="12">{count}{h(share)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
