"""One initiative's assessment as plain text for a terminal, readable by NSO and CSO staff.

Under the name it gives the initiative's description and country, then leads with the three
decisions and the reasons that decided them (Box 2, para 15, paras 32-33), then the principles
with why (paras 17-31): each one declared, settled or held down by another gets its own line,
and only those never declared and still unknown share one line. Then participation
(paras 10-12, Table 1, footnote 3) and the recommendations. Every status is written as a symbol
and a word; colour, where the caller asks for it, is only an extra.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from copenhagen.reports._escape import one_line
from copenhagen.reports._labels import (
    DECISIONS,
    STATUS_SYMBOL,
    STATUS_WORD,
    aspect_label,
    crosswalks_label,
    haklay_label,
    principle_label,
    shirk_label,
    stage_label,
    status_label,
    table1_column_label,
)
from copenhagen.reports._view import (
    about,
    as_dict,
    declared_keys,
    ordered_principles,
    outcome_text,
    stage_origin,
    was_declared,
)

__all__ = ["ANSI_STYLES", "Styler", "ansi", "assessment_text", "plain", "printable"]

#: Styles a renderer asks for: ``heading``, ``label``, ``dim``, ``warning``, ``good``, ``bad``,
#: ``undecided`` and each status value (``met``, ``partial``, ``not_met``, ``unknown``).
Styler = Callable[[str, str], str]

#: The ANSI codes of each style (used only when the output is a colour terminal).
ANSI_STYLES: Mapping[str, str] = {
    "heading": "1",
    "label": "1",
    "dim": "2",
    "warning": "33",
    "good": "32",
    "bad": "31",
    "undecided": "35",
    "met": "32",
    "partial": "33",
    "not_met": "31;1",
    "unknown": "2",
}


def plain(text: str, style: str) -> str:
    """No styling at all."""
    return text


def ansi(text: str, style: str) -> str:
    """ANSI colour and weight for a terminal."""
    code = ANSI_STYLES.get(style)
    return f"\x1b[{code}m{text}\x1b[0m" if code and text else text


_LABEL_WIDTH = 15


def assessment_text(
    assessment: Any,
    *,
    source: str | None = None,
    width: int = 100,
    style: Styler = plain,
) -> str:
    """Render an assessment as text for a terminal.

    Args:
        assessment: An `copenhagen.assessment.Assessment`, or its ``to_dict()``.
        source: The file it came from, shown beside the name.
        width: The width to wrap to.
        style: How to style parts (`plain`, or `ansi` on a colour terminal).

    Returns:
        The text, ending with a newline.
    """
    result = as_dict(assessment)
    width = max(60, width)
    view = _View(result, about(assessment), declared_keys(assessment))
    return "\n".join(_lines(view, source, width, style)) + "\n"


def printable(text: str) -> str:
    """``text`` with control characters written as escapes.

    A name holding terminal control codes then cannot move the cursor or change colours.
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _wrap(text: str, width: int, indent: int) -> list[str]:
    pad = " " * indent
    lines = textwrap.wrap(
        text, width, initial_indent=pad, subsequent_indent=pad + "  ", break_on_hyphens=False
    )
    return lines or [pad]


@attrs.frozen(slots=True)
class _View:
    """What the text report reads: the ``to_dict()`` data and what only the initiative says."""

    result: Mapping[str, Any]
    about: tuple[tuple[str, str], ...]
    declared: frozenset[str] | None


def _lines(view: _View, source: str | None, width: int, s: Styler) -> Iterator[str]:
    result = view.result
    name = printable(str(result.get("name", "")))
    title = s(name, "heading") + (s(f"  ({printable(source)})", "dim") if source else "")
    yield title
    yield s("=" * min(len(name), width), "heading")
    for label, value in view.about:
        yield from _wrap(f"{label}: {printable(value)}", width, 0)
    for key, heading in DECISIONS:
        decision = result.get(key) or {}
        yield from _decision(key, heading, decision, width, s)
    yield from _principles(result, view.declared, width, s)
    yield from _participation(result.get("participation") or {}, width, s)
    yield from _recommendations(result.get("recommendations") or [], width, s)
    warnings = result.get("warnings") or []
    if warnings:
        yield ""
        yield s("Warnings", "label")
        for warning in warnings:
            wrapped = _wrap(f"! {warning}", width, 2)
            yield from (s(line, "warning") for line in wrapped)


def _decision(
    key: str, heading: str, decision: Mapping[str, Any], width: int, s: Styler
) -> Iterator[str]:
    text = outcome_text(key, decision)
    missing = ", ".join(decision.get("missing") or [])
    if not decision.get("determinate"):
        marked = s(f"? {text}", "undecided")
        steps = (decision.get("trace") or [])[-1:]  # the concluding step; `explain` shows all
    else:
        marked = s(text, "good" if decision.get("outcome") is not None else "dim")
        steps = decision.get("trace") or []
    yield ""
    yield f"{s(heading.ljust(_LABEL_WIDTH), 'label')}{marked}"
    if missing:
        yield from _wrap(f"would be decided by: {missing}", width, _LABEL_WIDTH)
    for step in steps:
        line = f"{step['rule']} ({step['citation']}): {step['explanation']}"
        yield from _wrap(line, width, _LABEL_WIDTH)
    for warning in decision.get("warnings") or []:
        yield from (s(line, "warning") for line in _wrap(f"! {warning}", width, _LABEL_WIDTH))


def _status(value: str, s: Styler) -> str:
    label = f"{STATUS_SYMBOL.get(value, '?')} {STATUS_WORD.get(value, value)}"
    return s(label.ljust(10), value)


def _principles(
    result: Mapping[str, Any], declared: frozenset[str] | None, width: int, s: Styler
) -> Iterator[str]:
    statuses = ordered_principles(result)
    findings = result.get("principle_findings") or {}
    counts = dict.fromkeys(STATUS_WORD, 0)
    for _, value in statuses:
        counts[value] = counts.get(value, 0) + 1
    tally = " · ".join(
        s(f"{STATUS_SYMBOL[v]} {STATUS_WORD[v]} {n}", v) for v, n in counts.items() if n
    )
    yield ""
    yield f"{s('Principles'.ljust(_LABEL_WIDTH), 'label')}{tally}"
    grouped: list[str] = []
    for key, value in statuses:
        finding = findings.get(key) or {}
        if not _own_line(key, value, finding, declared):
            grouped.append(principle_label(key))
            continue
        line = f"{principle_label(key)}{_origin(key, value, finding, declared)}"
        yield from _wrap(f"{_status(value, s)} {line}", width, _LABEL_WIDTH)
        why = one_line(str(finding.get("explanation", "")))
        cites = ", ".join(str(c) for c in finding.get("citations") or [])
        if cites:
            why = f"{why} ({cites})" if why else f"({cites})"
        if why:
            yield from (s(line, "dim") for line in _wrap(why, width, _LABEL_WIDTH + 11))
        related = crosswalks_label(finding.get("crosswalks"))
        if related:
            line = f"Related standards: {related}"
            yield from (s(part, "dim") for part in _wrap(line, width, _LABEL_WIDTH + 11))
    if grouped:
        line = f"{status_label('unknown')}, not declared: " + ", ".join(grouped)
        yield from (s(part, "unknown") for part in _wrap(line, width, _LABEL_WIDTH))


def _own_line(
    key: str, value: str, finding: Mapping[str, Any], declared: frozenset[str] | None
) -> bool:
    # Only a principle nobody declared, that nothing settled and that stays unknown may share
    # the summary line; anything declared, or changed from what was declared, is shown alone.
    return (
        value != "unknown"
        or was_declared(key, finding, declared)
        or finding.get("declared", "unknown") != value
        or finding.get("from_practices") is not None
    )


def _origin(
    key: str, value: str, finding: Mapping[str, Any], declared: frozenset[str] | None
) -> str:
    """What was declared, where that differs from the assessed status; the rest is in the why."""
    if not was_declared(key, finding, declared):
        return " (not declared)"
    said = finding.get("declared")
    return "" if said == value else f" (declared {status_label(said)})"


def _participation(p: Mapping[str, Any], width: int, s: Styler) -> Iterator[str]:
    stages = p.get("engaged_stages")
    if stages is None:
        first = "engaged stages unknown"
    elif stages:
        named = ", ".join(stage_label(str(stage)) for stage in stages)
        first = f"citizens engaged in {len(stages)} of 6 stages: {named}"
    else:
        first = "citizens engaged in none of the 6 stages"
    parts = [f"degree {p.get('degree') or 'unknown'}", f"quality {p.get('quality') or 'unknown'}"]
    ratings = p.get("ratings") or {}
    if ratings:
        rated = ", ".join(f"{aspect_label(str(k))} {v}" for k, v in ratings.items())
        parts.append(f"ratings: {rated}")
    if p.get("table_1_column"):
        parts.append(f"Table 1 column: {table1_column_label(str(p['table_1_column']))}")
    if p.get("shirk_model"):
        parts.append(f"model: {shirk_label(str(p['shirk_model']))}")
    if p.get("haklay_level"):
        parts.append(haklay_label(str(p["haklay_level"])))
    yield ""
    # The stage line wraps like every other line; its first line carries the label.
    stage_lines = _wrap(first, width, _LABEL_WIDTH)
    yield f"{s('Participation'.ljust(_LABEL_WIDTH), 'label')}{stage_lines[0][_LABEL_WIDTH:]}"
    yield from stage_lines[1:]
    origin = stage_origin(p)
    if origin is not None:
        listed, added = origin
        line = f"listed in the document: {listed}; added by the library: {added}"
        yield from _wrap(line, width, _LABEL_WIDTH)
    yield from _wrap(" · ".join(parts), width, _LABEL_WIDTH)
    for note in p.get("notes") or []:
        yield from (s(line, "dim") for line in _wrap(note, width, _LABEL_WIDTH))


def _recommendations(recs: list[Mapping[str, Any]], width: int, s: Styler) -> Iterator[str]:
    if not recs:
        return
    yield ""
    yield s("Recommendations", "label")
    for n, rec in enumerate(recs, 1):
        yield from _wrap(f"{n}. {rec.get('text', '')} ({rec.get('citation', '')})", width, 2)
