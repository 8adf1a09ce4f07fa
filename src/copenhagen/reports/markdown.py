"""One initiative's assessment as a Markdown report.

Under the name the report gives the initiative's description and country, then the three
decisions with their cited reasons (Box 2, para 15, paras 32-33), the principles with their
statuses and why (paras 17-31), the principle graph with each principle's status written on it,
the participation profile (paras 10-12, Table 1, footnote 3) and the recommendations.
Every string is escaped, so a name holding markup shows as text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from copenhagen.reports._escape import escape_markdown as md
from copenhagen.reports._labels import (
    DECISIONS,
    aspect_label,
    crosswalks_label,
    declared_label,
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

__all__ = ["assessment_markdown", "principle_mermaid"]


def assessment_markdown(assessment: Any, *, graph: bool = True) -> str:
    """Render an assessment as a Markdown report.

    Args:
        assessment: An `copenhagen.assessment.Assessment`, or its ``to_dict()``.
        graph: Whether to include the principle graph as a Mermaid diagram.

    Returns:
        The report, ending with a newline.
    """
    result = as_dict(assessment)
    lines = list(_report(result, about(assessment), declared_keys(assessment), graph=graph))
    return "\n".join(lines).rstrip("\n") + "\n"


def _report(
    result: Mapping[str, Any],
    facts: tuple[tuple[str, str], ...],
    declared: frozenset[str] | None,
    *,
    graph: bool,
) -> Iterator[str]:
    yield f"# Assessment: {md(result.get('name', ''))}"
    yield ""
    for label, value in facts:
        # A fixed label leads each line, so the user's text never starts a Markdown block.
        yield f"**{label}:** {md(value)}"
        yield ""
    yield from _decisions(result)
    yield from _principles(result, declared, graph=graph)
    yield from _participation(result.get("participation") or {})
    yield from _recommendations(result.get("recommendations") or [])
    warnings = result.get("warnings") or []
    if warnings:
        yield "## Warnings"
        yield ""
        yield from (f"- {md(w)}" for w in warnings)
        yield ""
    yield from _provenance(result.get("provenance") or {})


def _decisions(result: Mapping[str, Any]) -> Iterator[str]:
    yield "## Decisions"
    yield ""
    yield "| Decision | Outcome | Decided by |"
    yield "|---|---|---|"
    for key, heading in DECISIONS:
        decision = result.get(key) or {}
        rules = ", ".join(
            f"{md(s['rule'])} ({md(s['citation'])})" for s in decision.get("trace", [])
        )
        yield f"| {heading} | **{md(outcome_text(key, decision))}** | {rules} |"
    yield ""
    for key, heading in DECISIONS:
        decision = result.get(key) or {}
        yield f"### {heading}: {md(outcome_text(key, decision))}"
        yield ""
        for step in decision.get("trace", []):
            yield f"- **{md(step['rule'])}** ({md(step['citation'])}): {md(step['explanation'])}"
        missing = decision.get("missing") or []
        if missing:
            yield f"- *Still unknown, and would decide it:* {', '.join(md(m) for m in missing)}"
        for warning in decision.get("warnings") or []:
            yield f"- *Warning:* {md(warning)}"
        yield ""


def _principles(
    result: Mapping[str, Any], declared: frozenset[str] | None, *, graph: bool
) -> Iterator[str]:
    statuses = ordered_principles(result)
    findings = result.get("principle_findings") or {}
    yield "## Principles"
    yield ""
    yield "| Principle | Declared | From practices | Assessed | Held down by | Why |"
    yield "|---|---|---|---|---|---|"
    for key, status in statuses:
        finding = findings.get(key) or {}
        said = declared_label(
            finding.get("declared"), declared=was_declared(key, finding, declared)
        )
        held = ", ".join(md(principle_label(p)) for p in finding.get("held_down_by") or [])
        cites = ", ".join(md(c) for c in finding.get("citations") or [])
        why = md(finding.get("explanation", ""))
        if cites:
            why = f"{why} ({cites})" if why else f"({cites})"
        related = crosswalks_label(finding.get("crosswalks"))
        if related:
            why = f"{why} *Related standards:* {md(related)}."
        yield (
            f"| {md(principle_label(key))} | {md(said)} "
            f"| {md(status_label(finding.get('from_practices')))} "
            f"| **{md(status_label(status))}** | {held} | {why} |"
        )
    yield ""
    if graph and statuses:
        yield "### Principle graph"
        yield ""
        yield "Each box names the principle and its assessed status; solid arrows are `requires`."
        yield ""
        yield "```mermaid"
        yield principle_mermaid(result)
        yield "```"
        yield ""


_MERMAID_CLASS = {"met": "met", "partial": "partial", "not_met": "notmet", "unknown": "unknown"}


def principle_mermaid(assessment: Any) -> str:
    """The principle graph (paras 17-31) as a Mermaid flowchart with each assessed status.

    The status is written in every node's label as well as shown by its colour.
    """
    from copenhagen.principles import principle_graph

    statuses = principle_statuses(as_dict(assessment))
    g = principle_graph()
    out = ["flowchart TD"]
    for node in sorted(g.nodes, key=lambda p: p.value):
        status = statuses.get(node)
        label = principle_label(node.name.lower())
        text = f"{label}: {status_label(status.value) if status else 'not assessed'}"
        text = text.replace('"', "#quot;")
        css = _MERMAID_CLASS.get(status.value, "unknown") if status else "unknown"
        out.append(f'  p{node.value}["{text}"]:::{css}')
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (e[0].value, e[1].value)):
        kind = str(data.get("kind", "")).replace('"', "#quot;").replace("_", " ")
        arrow = "-->" if kind == "requires" else "-.->"
        out.append(f'  p{u.value} {arrow}|"{kind}"| p{v.value}')
    out.append("  classDef met fill:#d9f2d9,stroke:#1b5e20")
    out.append("  classDef partial fill:#fff3cd,stroke:#8a6d00")
    out.append("  classDef notmet fill:#f8d7da,stroke:#8b1a1a,stroke-width:3px")
    out.append("  classDef unknown fill:#eeeeee,stroke:#555555,stroke-dasharray:4 3")
    return "\n".join(out)


def _participation(p: Mapping[str, Any]) -> Iterator[str]:
    yield "## Participation"
    yield ""
    stages = p.get("engaged_stages")
    if stages is None:
        yield "- Engaged stages: unknown"
    else:
        coverage = p.get("coverage")
        share = f" ({len(stages)} of 6)" if coverage is not None else ""
        named = ", ".join(md(stage_label(str(s))) for s in stages)
        yield f"- Engaged stages: {named or 'none'}{share}"
    origin = stage_origin(p)
    if origin is not None:
        yield f"- Listed in the document: {md(origin[0])}"
        yield f"- Added by the library: {md(origin[1])}"
    design = p.get("design_stage_engaged")
    yield f"- Design stage engaged: {_yes_no(design)}"
    yield f"- Degree of participation: {md(p.get('degree') or 'unknown')}"
    yield f"- Quality of participation: {md(p.get('quality') or 'unknown')}"
    ratings = p.get("ratings") or {}
    if ratings:
        rated = ", ".join(f"{md(aspect_label(str(k)))} {md(v)}" for k, v in ratings.items())
        yield f"- Ratings: {rated}"
    if p.get("table_1_column"):
        yield f"- Table 1 column: {md(table1_column_label(str(p['table_1_column'])))}"
    if p.get("shirk_model"):
        yield (
            "- Model of public participation (footnote 3): "
            f"{md(shirk_label(str(p['shirk_model'])))}"
        )
    if p.get("haklay_level"):
        yield (
            f"- Level of citizen science (footnote 3): {md(haklay_label(str(p['haklay_level'])))}"
        )
    yield ""
    table = p.get("table_1") or []
    if table:
        yield "| Stage | Citizens engaged | Participation (Table 1) |"
        yield "|---|---|---|"
        for row in table:
            yield (
                f"| {md(stage_label(str(row.get('stage', ''))))} | {stage_engaged(p, row)} "
                f"| {md(row.get('participation', ''))} |"
            )
        yield ""
    for note in p.get("notes") or []:
        yield f"> {md(note)}"
        yield ""


def _recommendations(recs: list[Mapping[str, Any]]) -> Iterator[str]:
    yield "## Recommendations"
    yield ""
    if not recs:
        yield "None."
    for n, rec in enumerate(recs, 1):
        yield f"{n}. {md(rec.get('text', ''))} ({md(rec.get('citation', ''))}; `{_code(rec)}`)"
    yield ""


def _code(rec: Mapping[str, Any]) -> str:
    # Inside a code span only the backtick matters; ids are library identifiers anyway.
    return str(rec.get("id", "")).replace("`", "'")


def _provenance(prov: Mapping[str, Any]) -> Iterator[str]:
    if not prov:
        return
    sets = prov.get("rule_sets") or {}
    digests = ", ".join(
        f"{md(_RULE_SET_NAMES.get(k, k))} `{str(v.get('digest', ''))[:12]}`"
        for k, v in sets.items()
    )
    yield "---"
    yield ""
    yield (
        f"*Produced by copenhagen {md(prov.get('library_version', ''))} from "
        f"{md(prov.get('framework', ''))} version {md(prov.get('framework_version', ''))}; "
        f"rule sets: {digests}.*"
    )


#: A rule set is named after the decision it makes.
_RULE_SET_NAMES: dict[str, str] = dict(DECISIONS)


def _yes_no(value: object) -> str:
    return "unknown" if value is None else ("yes" if value else "no")
