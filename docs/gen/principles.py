"""Generate the Principles pages of the docs from the library's own data, so they never drift.

mkdocs-gen-files runs this script during the build. It writes ``principles/index.md`` (with the
library's SVG drawing of the graph inline, so the site works offline), one page per principle
(``principles/<key>.md``), and the drawings as files. ``pages()`` returns the same files as a
mapping (path -> text) so that tests can check them without a build.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from copenhagen import Actor, Initiative, Principle, Status, assess_principles
from copenhagen.framework import PRINCIPLES_IMPLEMENTATION, Practice
from copenhagen.principles import (
    RELATIONS,
    Relation,
    RelationKind,
    dependents,
    direct_requirements,
    practices_of,
    relations_of,
    requirements,
    tensions,
    to_svg,
)
from copenhagen.principles.svg import STATUS_STYLES

# How each kind is drawn, in words: the legend must not rely on colour.
_DRAWN: dict[RelationKind, str] = {
    RelationKind.REQUIRES: "solid black line, arrowhead at the required principle",
    RelationKind.SUPPORTS: "dashed blue line, arrowhead at the supported principle",
    RelationKind.JOINTLY_SERVES: "dotted green line, no arrowheads",
    RelationKind.BALANCED_AGAINST: "red dash-dot line, arrowheads at both ends",
    RelationKind.LINKED_WITH: "fine purple dots, arrowhead at the linked principle",
}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def page_name(principle: Principle) -> str:
    """The file of a principle's page under ``principles/``: its document key plus ``.md``."""
    return f"{principle.name.lower()}.md"


def _link(principle: Principle) -> str:
    return f"[{principle.value}. {principle.title}]({page_name(principle)})"


def _links(principles: Iterable[Principle]) -> str:
    found = [_link(p) for p in principles]
    return ", ".join(found) if found else "none"


def _basis(relation: Relation) -> str:
    return "stated" if relation.stated else "interpreted (register PRIN-1)"


def _kind_words(kind: RelationKind) -> str:
    return kind.value.replace("_", " ")


def _figure(svg: str, caption: str) -> str:
    # Raw HTML block: no blank line inside, so Markdown leaves the drawing alone.
    body = svg.strip().replace("\n\n", "\n")
    return (
        f'<figure class="principle-graph">\n{body}\n<figcaption>{caption}</figcaption>\n</figure>\n'
    )


def _index() -> str:
    legend = _table(
        ["Kind", "Drawn as", "Meaning of an edge from A to B"],
        [(f"`{k.value}`", _DRAWN[k], k.description) for k in RelationKind],
    )
    principles = _table(
        ["No.", "Principle", "What it asks", "Requires", "Required by", "Practices"],
        [
            (
                p.value,
                _link(p),
                p.summary,
                _links(direct_requirements(p)),
                _links(q for q in dependents(p) if p in direct_requirements(q)),
                len(practices_of(p)),
            )
            for p in Principle
        ],
    )
    # Four columns, so that the table fits the page at 1280 pixels (the edge's id, its two
    # principles and its kind share the first).
    relations = _table(
        ["Edge", "Citation", "Basis", "Why"],
        [
            (
                f"`{r.id}` {_link(r.source)} *{_kind_words(r.kind)}* {_link(r.target)}",
                r.citation,
                _basis(r),
                r.reason,
            )
            for r in RELATIONS
        ],
    )
    svg = _figure(
        to_svg(),
        "The 13 principles and their relations, drawn by <code>copenhagen.principles.to_svg()"
        "</code>. Principle 10 is in the centre because it requires all the others (para 28).",
    )
    return f"""# Principles of citizen data

The framework sets out 13 principles for producing and using citizen data responsibly
(para 17) and adds notes on putting them into practice (paras 18-31). The library holds them as
the `Principle` enum, relates them in a cited graph (`copenhagen.principle_graph()`), and
assesses how far an initiative meets each one (`copenhagen.assess_principles()`; see the guide
[Assessing principles](../guides/principles.md)). Each principle has a page of its own, linked
from the table below.

{PRINCIPLES_IMPLEMENTATION.summary} See
[Enabling environment](../concepts/enabling-environment.md).

The drawing is made by the library itself when the docs are built (no script, no network);
hover over a line or a node to read its reason. [Open the drawing on its own](graph.svg).

{svg}
## How to read the drawing

Each kind of relation is drawn with its own line pattern and arrowheads, not only its own
colour. A thinner line marks a relation the library reads into the text rather than one the
text states (the interpretation register lists each, PRIN-1). Only `requires` edges affect an
assessment: a principle is assessed no better than anything it requires (contract section 3).

{legend}
When the drawing shows an assessment, each principle also carries its status as a symbol and a
word, not only as a fill colour:

{_table(["Symbol", "Status", "Fill"], [(s.symbol, s.word, s.fill) for s in STATUS_STYLES.values()])}
## The 13 principles

{principles}
## Every relation

Each ordered pair of principles holds at most one edge. A relation without direction (jointly
serving an aim, being balanced against each other) is two edges, one each way.

{relations}
The same graph can be exported for other tools: `to_mermaid()`, `to_dot()`, `to_graphml()`,
`to_node_link()` and `to_svg()` in `copenhagen.principles`.
"""


#: Real cases of each principle upheld and breached, kept in a data file of their own.
CASES = Path(__file__).with_name("principle_cases.yaml")


def _in_practice(p: Principle) -> str:
    import yaml

    cases: dict[str, Any] = yaml.safe_load(CASES.read_text(encoding="utf-8"))[p.name.lower()]
    parts = ["## In practice\n"]
    for key, heading in (("upholding", "Upholding it"), ("breaching", "Breaching it")):
        parts.append(f"### {heading}\n")
        parts += [f"- **[{c['case']}]({c['url']})**: {c['text']}" for c in cases[key]]
        parts.append("")
    return "\n".join(parts) + "\n"


def _relation_rows(principle: Principle) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for r in relations_of(principle):
        if r.kind is RelationKind.REQUIRES:
            continue  # listed under "Requires" and "Required by"
        outgoing = r.source is principle
        if r.kind.symmetric and not outgoing:
            continue  # the pair's other edge stands for both
        other = r.target if outgoing else r.source
        if r.kind.symmetric:
            direction = "both ways"
        else:
            direction = "from this one" if outgoing else "to this one"
        rows.append((direction, _link(other), _kind_words(r.kind), r.citation, _basis(r), r.reason))
    return rows


def _requires_items(principle: Principle, *, forward: bool) -> str:
    items = []
    for r in relations_of(principle):
        if r.kind is not RelationKind.REQUIRES:
            continue
        if forward and r.source is principle:
            items.append(f"- {_link(r.target)} ({r.citation}, {_basis(r)}): {r.reason}")
        elif not forward and r.target is principle:
            items.append(f"- {_link(r.source)} ({r.citation}, {_basis(r)}): {r.reason}")
    return "\n".join(items) + "\n" if items else "None.\n"


def _principle_page(p: Principle) -> str:
    entry = p.entry
    standards = (
        "\n".join(
            f"- **{s.title}** ({', '.join(s.citations)}): {s.summary}" for s in entry.standards
        )
        + "\n"
        if entry.standards
        else "None named.\n"
    )
    indirect = [q for q in requirements(p) if q not in direct_requirements(p)]
    indirect_note = f"\nThrough those, it also requires {_links(indirect)}.\n" if indirect else ""
    others = _relation_rows(p)
    other_text = (
        _table(["Direction", "Other principle", "Kind", "Citation", "Basis", "Why"], others)
        if others
        else "None.\n"
    )
    tension = tensions(p)
    tension_note = f"\nIt has to be weighed against {_links(tension)}.\n" if tension else ""
    practices = _table(
        ["Key", "Practice", "What to check", "Citations"],
        [(f"`{x.value}`", x.title, x.summary, ", ".join(x.citations)) for x in practices_of(p)],
    )
    return f"""# {p.value}. {p.title}

{p.summary}

Citations: {", ".join(p.citations)}. Document key: `{p.name.lower()}` (or `{p.value}`).
[All principles](index.md)

## Statement (para 17)

{entry.statement}

## Implementation note ({", ".join(entry.implementation_citations) or "none"})

{entry.implementation}

## Standards it refers to

{standards}
## Relations

### Requires

A principle cannot be met unless everything it requires is met; the assessment applies this
(see [Assessing principles](../guides/principles.md)).

{_requires_items(p, forward=True)}{indirect_note}
### Required by

{_requires_items(p, forward=False)}
### Other relations

{other_text}{tension_note}
{_in_practice(p)}
## Practices

An initiative may answer these in its document's `practices` key (`true` or `false`). Where it
declares no status for this principle, the answers settle one (interpretation register, PRIN-3).

{practices}"""


def _example_statuses() -> dict[Principle, Status]:
    initiative = Initiative(
        name="Example",
        initiated_by={Actor.CSO},
        principles={p: Status.MET for p in Principle if p is not Principle.INFORMED_CONSENT}
        | {Principle.DATA_SECURITY: Status.PARTIAL, Principle.OPENNESS: Status.UNKNOWN},
        practices={
            Practice.CONSENT_BEFORE_COLLECTION: True,
            Practice.PURPOSE_AND_RISKS_EXPLAINED: False,
        },
    )
    assessment = assess_principles(initiative)
    return {p: assessment.status(p) for p in Principle}


def pages() -> dict[str, str]:
    """Every generated file of the Principles section: path under ``docs/`` -> text."""
    out = {"principles/index.md": _index(), "principles/graph.svg": to_svg()}
    out["principles/example-assessment.svg"] = to_svg(_example_statuses())
    for p in Principle:
        out[f"principles/{page_name(p)}"] = _principle_page(p)
    return out


def main() -> None:
    """Write the pages into the docs build (called by mkdocs-gen-files)."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as f:
            f.write(text)


if __name__ == "<run_path>":  # how mkdocs-gen-files runs its scripts
    main()
