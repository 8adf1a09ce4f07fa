"""One initiative's assessment as a standalone HTML page.

The page carries its style sheet and the principle graph (an inline SVG drawn by
`copenhagen.principles.to_svg`) inside itself, so it opens without a network. Under the name it
gives the initiative's description and country, then the three decisions with their cited
reasons (Box 2, para 15, paras 32-33), the principles with statuses and why (paras 17-31), the
participation profile (paras 10-12, Table 1, footnote 3) and the recommendations.
Every string is escaped, and every status is written as a symbol and a word, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from copenhagen.reports._css import STYLE
from copenhagen.reports._escape import escape_html as h
from copenhagen.reports._labels import (
    DECISIONS,
    NOT_DECLARED,
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
    principle_statuses,
    stage_engaged,
    stage_origin,
    was_declared,
)

__all__ = ["assessment_html", "page", "status_html"]


def assessment_html(assessment: Any, *, graph: bool = True) -> str:
    """Render an assessment as one standalone HTML page.

    Args:
        assessment: An `copenhagen.assessment.Assessment`, or its ``to_dict()``.
        graph: Whether to include the principle graph (inline SVG).

    Returns:
        The whole HTML document.
    """
    result = as_dict(assessment)
    name = str(result.get("name", ""))
    body = "\n".join(_body(result, about(assessment), declared_keys(assessment), graph=graph))
    return page(f"Assessment: {name}", body)


def page(title: str, body: str) -> str:
    """A complete HTML document with the inline style sheet; ``title`` is escaped here."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def status_html(value: str | None) -> str:
    """A status as a labelled badge: symbol and word, with colour only as an extra."""
    if value is None:
        return '<span class="status">—</span>'
    return f'<span class="status status-{h(value)}">{h(status_label(value))}</span>'


def _body(
    result: Mapping[str, Any],
    facts: tuple[tuple[str, str], ...],
    declared: frozenset[str] | None,
    *,
    graph: bool,
) -> Iterator[str]:
    yield f"<h1>Assessment: {h(result.get('name', ''))}</h1>"
    for label, value in facts:
        yield f'<p class="about"><strong>{h(label)}:</strong> {h(value)}</p>'
    yield from _decisions(result)
    yield from _principles(result, declared, graph=graph)
    yield from _participation(result.get("participation") or {})
    yield from _recommendations(result.get("recommendations") or [])
    warnings = result.get("warnings") or []
    if warnings:
        yield '<section id="warnings"><h2>Warnings</h2><ul>'
        yield from (f'<li class="warning">{h(w)}</li>' for w in warnings)
        yield "</ul></section>"
    yield from _provenance(result.get("provenance") or {})


def _decisions(result: Mapping[str, Any]) -> Iterator[str]:
    yield '<section id="decisions"><h2>Decisions</h2>'
    yield "<table><thead><tr><th>Decision</th><th>Outcome</th><th>Why</th></tr></thead><tbody>"
    for key, heading in DECISIONS:
        decision = result.get(key) or {}
        text = outcome_text(key, decision)
        css = "outcome" if decision.get("determinate") else "outcome undecided"
        reasons = "".join(
            f'<li><span class="rule">{h(s["rule"])}</span> '
            f'<span class="cite">({h(s["citation"])})</span>: {h(s["explanation"])}</li>'
            for s in decision.get("trace", [])
        )
        missing = decision.get("missing") or []
        if missing:
            reasons += (
                "<li><em>Still unknown, and would decide it:</em> "
                f"{h(', '.join(str(m) for m in missing))}</li>"
            )
        reasons += "".join(
            f'<li class="warning"><em>Warning:</em> {h(w)}</li>'
            for w in decision.get("warnings") or []
        )
        yield (
            f'<tr id="decision-{h(key)}"><th scope="row">{h(heading)}</th>'
            f'<td class="{css}">{h(text)}</td><td><ul>{reasons}</ul></td></tr>'
        )
    yield "</tbody></table></section>"


def _principles(
    result: Mapping[str, Any], declared: frozenset[str] | None, *, graph: bool
) -> Iterator[str]:
    statuses = ordered_principles(result)
    findings = result.get("principle_findings") or {}
    yield '<section id="principles"><h2>Principles</h2>'
    yield (
        "<table><thead><tr><th>Principle</th><th>Declared</th><th>From practices</th>"
        "<th>Assessed</th><th>Held down by</th><th>Why</th></tr></thead><tbody>"
    )
    for key, status in statuses:
        finding = findings.get(key) or {}
        if was_declared(key, finding, declared):
            declared_cell = status_html(finding.get("declared"))
        else:
            declared_cell = f'<span class="not-declared">{h(NOT_DECLARED)}</span>'
        held = ", ".join(principle_label(p) for p in finding.get("held_down_by") or [])
        cites = ", ".join(str(c) for c in finding.get("citations") or [])
        cite_html = f' <span class="cite">({h(cites)})</span>' if cites else ""
        related = crosswalks_label(finding.get("crosswalks"))
        if related:
            cite_html += f'<br><span class="related">Related standards: {h(related)}</span>'
        yield (
            f'<tr><th scope="row">{h(principle_label(key))}</th>'
            f"<td>{declared_cell}</td>"
            f"<td>{status_html(finding.get('from_practices'))}</td>"
            f"<td>{status_html(status)}</td><td>{h(held)}</td>"
            f"<td>{h(finding.get('explanation', ''))}{cite_html}</td></tr>"
        )
    yield "</tbody></table>"
    if graph and statuses:
        from copenhagen.principles import to_svg

        yield (
            '<figure id="principle-graph">'
            f"{to_svg(principle_statuses(result))}"
            "<figcaption>The principles and how they depend on one another (paras 17-31), each "
            "marked with its assessed status.</figcaption></figure>"
        )
    yield "</section>"


def _participation(p: Mapping[str, Any]) -> Iterator[str]:
    yield '<section id="participation"><h2>Participation</h2><dl>'
    stages = p.get("engaged_stages")
    if stages is None:
        stages_text = "unknown"
    else:
        named = ", ".join(stage_label(str(s)) for s in stages)
        stages_text = (named or "none") + f" ({len(stages)} of 6)"
    rows = [("Engaged stages", stages_text)]
    origin = stage_origin(p)
    if origin is not None:
        rows += [("Listed in the document", origin[0]), ("Added by the library", origin[1])]
    rows += [
        ("Design stage engaged", _yes_no(p.get("design_stage_engaged"))),
        ("Degree of participation", p.get("degree") or "unknown"),
        ("Quality of participation", p.get("quality") or "unknown"),
    ]
    ratings = p.get("ratings") or {}
    if ratings:
        rated = ", ".join(f"{aspect_label(str(k))} {v}" for k, v in ratings.items())
        rows.append(("Ratings", rated))
    for key, label, words in _TYPOLOGIES:
        if p.get(key):
            rows.append((label, words(str(p[key]))))
    for label, value in rows:
        yield f"<dt>{h(label)}</dt><dd>{h(value)}</dd>"
    yield "</dl>"
    table = p.get("table_1") or []
    if table:
        yield (
            "<table><thead><tr><th>Stage</th><th>Citizens engaged</th>"
            "<th>Participation (Table 1)</th></tr></thead><tbody>"
        )
        for row in table:
            yield (
                f"<tr><td>{h(stage_label(str(row.get('stage', ''))))}</td>"
                f"<td>{h(stage_engaged(p, row))}</td>"
                f"<td>{h(row.get('participation', ''))}</td></tr>"
            )
        yield "</tbody></table>"
    for note in p.get("notes") or []:
        yield f"<p>{h(note)}</p>"
    yield "</section>"


#: The participation profile's placements, each with its row heading and its label in words.
_TYPOLOGIES: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("table_1_column", "Table 1 column", table1_column_label),
    ("shirk_model", "Model of public participation (footnote 3)", shirk_label),
    ("haklay_level", "Level of citizen science (footnote 3)", haklay_label),
)


def _recommendations(recs: list[Mapping[str, Any]]) -> Iterator[str]:
    yield '<section id="recommendations"><h2>Recommendations</h2>'
    if not recs:
        yield "<p>None.</p>"
    else:
        yield "<ol>"
        for rec in recs:
            yield (
                f'<li>{h(rec.get("text", ""))} <span class="cite">({h(rec.get("citation", ""))}; '
                f'<span class="rule">{h(rec.get("id", ""))}</span>)</span></li>'
            )
        yield "</ol>"
    yield "</section>"


def _provenance(prov: Mapping[str, Any]) -> Iterator[str]:
    if not prov:
        return
    sets = prov.get("rule_sets") or {}
    digests = ", ".join(
        f"{_RULE_SET_NAMES.get(k, k)} {str(v.get('digest', ''))[:12]}" for k, v in sets.items()
    )
    yield (
        f"<footer>Produced by copenhagen {h(prov.get('library_version', ''))} from "
        f"{h(prov.get('framework', ''))} version {h(prov.get('framework_version', ''))}; "
        f"rule sets: {h(digests)}.</footer>"
    )


#: A rule set is named after the decision it makes.
_RULE_SET_NAMES: dict[str, str] = dict(DECISIONS)


def _yes_no(value: object) -> str:
    return "unknown" if value is None else ("yes" if value else "no")
