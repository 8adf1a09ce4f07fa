"""One initiative's assessment as plain text for a terminal, readable by NSO and CSO staff.

It leads with the three decisions and the reasons that decided them (Box 2, para 15,
paras 32-33), then the principles that are not unknown with why (paras 17-31), participation
(paras 10-12, Table 1) and the recommendations. Every status is written as a symbol and a word;
colour, where the caller asks for it, is only an extra.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from copenhagen.reports._labels import (
    DECISIONS,
    STATUS_SYMBOL,
    STATUS_WORD,
    principle_label,
)
from copenhagen.reports._view import as_dict, outcome_text

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
    return "\n".join(_lines(result, source, width, style)) + "\n"


def printable(text: str) -> str:
    """``text`` with control characters written as escapes.

    A name holding terminal control codes then cannot move the cursor or change colours.
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _wrap(text: str, width: int, indent: int) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, width, initial_indent=pad, subsequent_indent=pad + "  ") or [pad]


def _lines(result: Mapping[str, Any], source: str | None, width: int, s: Styler) -> Iterator[str]:
    name = printable(str(result.get("name", "")))
    title = s(name, "heading") + (s(f"  ({printable(source)})", "dim") if source else "")
    yield title
    yield s("=" * min(len(name), width), "heading")
    for key, heading in DECISIONS:
        decision = result.get(key) or {}
        yield from _decision(key, heading, decision, width, s)
    yield from _principles(result, width, s)
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


def _principles(result: Mapping[str, Any], width: int, s: Styler) -> Iterator[str]:
    statuses: Mapping[str, str] = result.get("principles") or {}
    findings = result.get("principle_findings") or {}
    counts = dict.fromkeys(STATUS_WORD, 0)
    for value in statuses.values():
        counts[value] = counts.get(value, 0) + 1
    tally = " · ".join(
        s(f"{STATUS_SYMBOL[v]} {STATUS_WORD[v]} {n}", v) for v, n in counts.items() if n
    )
    yield ""
    yield f"{s('Principles'.ljust(_LABEL_WIDTH), 'label')}{tally}"
    unknown: list[str] = []
    for key, value in statuses.items():
        if value == "unknown":
            unknown.append(principle_label(key))
            continue
        finding = findings.get(key) or {}
        yield f"{' ' * _LABEL_WIDTH}{_status(value, s)} {principle_label(key)}"
        why = str(finding.get("explanation", ""))
        if why:
            yield from (s(line, "dim") for line in _wrap(why, width, _LABEL_WIDTH + 11))
    if unknown:
        line = f"{STATUS_SYMBOL['unknown']} unknown: " + ", ".join(unknown)
        yield from (s(part, "unknown") for part in _wrap(line, width, _LABEL_WIDTH))


def _participation(p: Mapping[str, Any], width: int, s: Styler) -> Iterator[str]:
    stages = p.get("engaged_stages")
    if stages is None:
        first = "engaged stages unknown"
    elif stages:
        first = f"citizens engaged in {len(stages)} of 6 stages: {', '.join(stages)}"
    else:
        first = "citizens engaged in none of the 6 stages"
    parts = [f"degree {p.get('degree') or 'unknown'}", f"quality {p.get('quality') or 'unknown'}"]
    if p.get("table_1_column"):
        parts.append(f"Table 1 column {str(p['table_1_column']).replace('_', ' ')}")
    yield ""
    yield f"{s('Participation'.ljust(_LABEL_WIDTH), 'label')}{first}"
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
