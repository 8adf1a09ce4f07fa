"""Reports of a batch summary: text, Markdown, and a standalone HTML page with charts.

The counting is the batch's (`copenhagen.batch.summary`); this module only renders a finished
`copenhagen.batch.summary.BatchSummary`, with inline SVG bar charts of the counts by modality
(para 15) and NSO category (para 32).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from copenhagen.batch.rows import NONE, UNDECIDED, TallyKey, outcome_key, tally_key
from copenhagen.batch.summary import BatchSummary, SummaryCounter
from copenhagen.framework.modalities import Modality
from copenhagen.framework.official import NSOCategory
from copenhagen.model import Status
from copenhagen.reports._escape import escape_html as h
from copenhagen.reports._escape import escape_markdown as md
from copenhagen.reports._labels import member_title, principle_label, status_label

# The counting moved to copenhagen.batch.summary; its names stay importable from here too.
__all__ = [
    "BatchSummary",
    "SummaryCounter",
    "TallyKey",
    "outcome_key",
    "summary_html",
    "summary_markdown",
    "summary_text",
    "tally_key",
]

_STATUS_KEYS = tuple(s.value for s in Status)


def _label(kind: str, key: str) -> str:
    if key in (NONE, UNDECIDED):
        return "none (out of scope)" if key == NONE else UNDECIDED
    try:
        if kind == "modality":
            member: Any = Modality[key.upper()]
            return f"{member.value} {member_title(member)}"
        if kind == "nso_category":
            member = NSOCategory[key.upper()]
            return f"{member.value} {member_title(member)}"
    except KeyError:
        pass
    return key.replace("_", " ")


#: The title of each section's bar chart, written out (``"NSO"`` keeps its capitals); the
#: scope section has a table only.
_CHART_TITLES: Mapping[str, str] = {
    "Modality": "Records by modality",
    "NSO category": "Records by NSO category",
}


def _sections(summary: BatchSummary) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    yield "Scope", [(_label("scope", k), n) for k, n in summary.scope]
    yield "Modality", [(_label("modality", k), n) for k, n in summary.modality]
    yield "NSO category", [(_label("nso_category", k), n) for k, n in summary.nso_category]


def summary_text(summary: BatchSummary) -> str:
    """The summary as plain text for a terminal (the command line prints it on standard error)."""
    lines = [
        f"Summary: {summary.records} records, {summary.valid} assessed, {summary.invalid} invalid",
    ]
    for title, rows in _sections(summary):
        lines.append(f"  {title}:")
        lines.extend(f"    {label:<44} {n:>9}" for label, n in rows)
    lines.append("  Principles (assessed status):")
    wide = max((len(principle_label(key)) for key, _ in summary.principles), default=0)
    for key, counts in summary.principles:
        cells = ", ".join(f"{status_label(s)} {n}" for s, n in counts)
        lines.append(f"    {principle_label(key):<{wide}}  {cells}")
    lines.append("  Rules (times each concluded a decision):")
    lines.extend(
        f"    {rule:<8} {n:>9}" + ("   <- never fired" if n == 0 else "")
        for rule, n in summary.rules
    )
    return "\n".join(lines) + "\n"


def summary_markdown(summary: BatchSummary) -> str:
    """The summary as Markdown tables."""
    out = [
        "# Batch summary",
        "",
        f"{summary.records} records: {summary.valid} assessed, {summary.invalid} invalid.",
        "",
    ]
    for title, rows in _sections(summary):
        out += [f"## {title}", "", "| Outcome | Records |", "|---|---:|"]
        out += [f"| {md(label)} | {n} |" for label, n in rows]
        out.append("")
    out += [
        "## Principles",
        "",
        "| Principle | " + " | ".join(md(status_label(s)) for s in _STATUS_KEYS) + " |",
        "|---|" + "---:|" * len(_STATUS_KEYS),
    ]
    for key, counts in summary.principles:
        found = dict(counts)
        out.append(
            f"| {md(principle_label(key))} | "
            + " | ".join(str(found.get(s, 0)) for s in _STATUS_KEYS)
            + " |"
        )
    out += ["", "## Rules", "", "| Rule | Times it concluded a decision |", "|---|---:|"]
    out += [f"| {md(rule)} | {n} |" for rule, n in summary.rules]
    return "\n".join(out) + "\n"


def summary_html(summary: BatchSummary, *, title: str = "Batch summary") -> str:
    """The summary as a standalone HTML page with inline SVG bar charts."""
    from copenhagen.reports.chart import bar_chart_svg
    from copenhagen.reports.html import page

    body = [
        f"<h1>{h(title)}</h1>",
        f"<p>{summary.records} records: {summary.valid} assessed, {summary.invalid} invalid.</p>",
    ]
    for heading, rows in _sections(summary):
        body.append(f"<section><h2>{h(heading)}</h2>")
        chart = _CHART_TITLES.get(heading)
        if chart is not None:
            body.append(f"<figure>{bar_chart_svg(chart, rows)}</figure>")
        body.append("<table><thead><tr><th>Outcome</th><th>Records</th></tr></thead><tbody>")
        body += [f"<tr><td>{h(label)}</td><td>{n}</td></tr>" for label, n in rows]
        body.append("</tbody></table></section>")
    body.append("<section><h2>Principles</h2><table><thead><tr><th>Principle</th>")
    body += [f"<th>{h(status_label(s))}</th>" for s in _STATUS_KEYS]
    body.append("</tr></thead><tbody>")
    for key, counts in summary.principles:
        found = dict(counts)
        cells = "".join(f"<td>{found.get(s, 0)}</td>" for s in _STATUS_KEYS)
        body.append(f"<tr><th scope='row'>{h(principle_label(key))}</th>{cells}</tr>")
    body.append("</tbody></table></section>")
    body.append(
        "<section><h2>Rules</h2><p>How often each rule concluded a decision. A rule that never "
        "fired over a real registry is worth a look.</p><table><thead><tr><th>Rule</th>"
        "<th>Times it concluded a decision"
        "</th></tr></thead><tbody>"
    )
    body += [
        f"<tr><td>{h(rule)}</td><td>{n}{' (never fired)' if n == 0 else ''}</td></tr>"
        for rule, n in summary.rules
    ]
    body.append("</tbody></table></section>")
    return page(title, "\n".join(body))
