"""The principle graph in other formats: Mermaid, Graphviz DOT, GraphML and node-link JSON.

Mermaid and DOT are written directly from the relation data; GraphML and node-link JSON go
through networkx (imported only then). In every format a principle's node id is its lower-case
member name (``informed_consent``), the name the initiative document uses (contract section 2),
and nodes and edges come in one fixed order, so the same library gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from copenhagen.framework.principles import Principle
from copenhagen.principles.graph import principle_graph
from copenhagen.principles.relations import RELATIONS, Relation, RelationKind

__all__ = [
    "FORMATS",
    "export_graph",
    "node_id",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
]


def node_id(principle: Principle) -> str:
    """The id a principle's node has in every export: its lower-case member name."""
    return principle.name.lower()


def _label(principle: Principle) -> str:
    return f"{principle.value}. {principle.title}"


def _pairs() -> list[tuple[Relation, bool]]:
    # Each relation once, with whether it is drawn without direction: a symmetric kind's two
    # edges (u -> v and v -> u) become one undirected link, written at its first edge.
    seen: set[tuple[Principle, Principle]] = set()
    out: list[tuple[Relation, bool]] = []
    for r in RELATIONS:
        if r.kind.symmetric:
            if (r.target, r.source) in seen:
                continue
            seen.add((r.source, r.target))
            out.append((r, True))
        else:
            out.append((r, False))
    return out


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


def to_mermaid() -> str:
    """The graph as a Mermaid flowchart (left to right).

    ``requires`` edges are thick arrows, other directed kinds plain arrows, relations without
    direction plain lines; the library's interpretations (``stated=False``) are dotted. Each link
    is labelled with its kind and citation.

    Returns:
        Mermaid source text, ending with a newline.
    """
    lines = ["flowchart LR"]
    lines.extend(f'    {node_id(p)}["{_mermaid_text(_label(p))}"]' for p in Principle)
    for r, undirected in _pairs():
        label = f"{r.kind.value.replace('_', ' ')} ({r.citation})"
        if r.kind is RelationKind.REQUIRES:
            arrow = "==>"
        elif undirected:
            arrow = "---" if r.stated else "-.-"
        else:
            arrow = "-->" if r.stated else "-.->"
        lines.append(f"    {node_id(r.source)} {arrow}|{label}| {node_id(r.target)}")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_DOT_STYLE: dict[RelationKind, str] = {
    RelationKind.REQUIRES: "style=bold",
    RelationKind.JOINTLY_SERVES: "style=dashed, dir=none",
    RelationKind.BALANCED_AGAINST: 'style=dashed, dir=both, color="#b2182b"',
    RelationKind.SUPPORTS: 'color="#2166ac"',
    RelationKind.LINKED_WITH: 'style=dotted, color="#4d4d4d"',
}


def to_dot() -> str:
    """The graph as Graphviz DOT source, every edge with all four attributes of the contract.

    All edges are written (a relation without direction as its two edges); each carries
    ``kind``, ``citation``, ``reason`` and ``stated`` and a drawing style for its kind.

    Returns:
        DOT source text, ending with a newline.
    """
    lines = [
        "digraph principles {",
        '    graph [label="Principles of citizen data (para 17)", rankdir=LR];',
        "    node [shape=box, style=rounded];",
    ]
    for p in Principle:
        lines.append(
            f"    {node_id(p)} [label={_dot_text(_label(p))}, number={p.value}, "
            f"citations={_dot_text('; '.join(p.citations))}];"
        )
    for r in RELATIONS:
        lines.append(
            f"    {node_id(r.source)} -> {node_id(r.target)} [kind={_dot_text(r.kind.value)}, "
            f"citation={_dot_text(r.citation)}, reason={_dot_text(r.reason)}, "
            f'stated="{str(r.stated).lower()}", {_DOT_STYLE[r.kind]}];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _plain_graph(*, citations_as_text: bool) -> Any:
    import networkx as nx  # only for the networkx-backed formats

    source = principle_graph()
    graph = nx.DiGraph()
    graph.graph.update(source.graph)
    for p, data in source.nodes(data=True):
        attrs = dict(data)
        cites = attrs.pop("citations")
        attrs["citations"] = "; ".join(cites) if citations_as_text else list(cites)
        graph.add_node(node_id(p), **attrs)
    for u, v, data in source.edges(data=True):
        graph.add_edge(node_id(u), node_id(v), **data)
    return graph


def to_graphml() -> str:
    """The graph as GraphML text (networkx's writer), node ids being lower-case names.

    A node's ``citations`` are joined with ``"; "`` since GraphML holds no lists.

    Returns:
        The GraphML document as a string.
    """
    import networkx as nx

    return "\n".join(nx.generate_graphml(_plain_graph(citations_as_text=True))) + "\n"


def to_node_link() -> dict[str, Any]:
    """The graph as networkx node-link data (``edges="edges"``), ready for `json.dumps`.

    ``networkx.node_link_graph(data, edges="edges")`` reads it back.

    Returns:
        A plain dict with ``directed``, ``multigraph``, ``graph``, ``nodes`` and ``edges``.
    """
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(_plain_graph(citations_as_text=False), edges="edges")
    return data


def _json() -> str:
    return json.dumps(to_node_link(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _svg() -> str:
    from copenhagen.principles.svg import to_svg

    return to_svg()


#: Every export by format name, each giving text.
FORMATS: dict[str, Callable[[], str]] = {
    "mermaid": to_mermaid,
    "dot": to_dot,
    "graphml": to_graphml,
    "json": _json,
    "svg": _svg,
}


def export_graph(fmt: str) -> str:
    """The graph as text in ``fmt``: ``"mermaid"``, ``"dot"``, ``"graphml"``, ``"json"``, ``"svg"``.

    Raises:
        ValueError: If ``fmt`` is none of those.
    """
    try:
        exporter = FORMATS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown graph format {fmt!r}; expected one of {', '.join(FORMATS)}"
        ) from None
    return exporter()
