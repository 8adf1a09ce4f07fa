from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from copenhagen import Principle, Status
from copenhagen.principles import (
    RELATIONS,
    export_graph,
    principle_graph,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link,
    to_svg,
)
from copenhagen.principles.export import FORMATS, node_id
from copenhagen.principles.svg import STATUS_STYLES

SVG = "{http://www.w3.org/2000/svg}"


def _expected_edges() -> set[tuple[str, str]]:
    return {(node_id(r.source), node_id(r.target)) for r in RELATIONS}


def test_graphml_parses_back_with_every_attribute() -> None:
    graph = nx.read_graphml(io.BytesIO(to_graphml().encode("utf-8")))
    assert set(graph.nodes) == {node_id(p) for p in Principle}
    assert set(graph.edges) == _expected_edges()
    for r in RELATIONS:
        data = graph.edges[node_id(r.source), node_id(r.target)]
        assert data["kind"] == r.kind.value
        assert data["citation"] == r.citation
        assert data["reason"] == r.reason
        assert data["stated"] is r.stated
    assert graph.nodes["informed_consent"]["number"] == 4


def test_node_link_round_trip() -> None:
    data = to_node_link()
    text = json.dumps(data, sort_keys=True)
    graph = nx.node_link_graph(json.loads(text), edges="edges")
    assert graph.is_directed()
    assert set(graph.edges) == _expected_edges()
    source = principle_graph()
    for u, v, attributes in source.edges(data=True):
        assert graph.edges[node_id(u), node_id(v)] == attributes
    for p, attributes in source.nodes(data=True):
        assert graph.nodes[node_id(p)]["citations"] == list(attributes["citations"])
    assert nx.node_link_data(graph, edges="edges") == data


def test_dot_names_every_edge_with_its_attributes() -> None:
    dot = to_dot()
    assert dot.startswith("digraph principles {")
    assert dot.rstrip().endswith("}")
    edges = re.findall(r"^    (\w+) -> (\w+) \[kind=\"(\w+)\", citation=\"([^\"]+)\"", dot, re.M)
    assert {(u, v) for u, v, _, _ in edges} == _expected_edges()
    assert len(edges) == len(RELATIONS)


def test_mermaid_names_every_node_and_relation() -> None:
    text = to_mermaid()
    assert text.startswith("flowchart LR\n")
    for p in Principle:
        assert f"    {node_id(p)}[" in text
    links = re.findall(r"^    (\w+) \S+\|[^|]+\| (\w+)$", text, re.M)
    undirected = {(node_id(r.source), node_id(r.target)) for r in RELATIONS if r.kind.symmetric}
    expected = {(node_id(r.source), node_id(r.target)) for r in RELATIONS if not r.kind.symmetric}
    assert expected <= set(links)
    for u, v in undirected:
        assert (u, v) in links or (v, u) in links
    assert len(links) == len(RELATIONS) - len(undirected) // 2


def _svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return ["".join(e.itertext()) for e in root.iter(f"{SVG}text")]


def test_svg_parses_labels_every_principle_and_has_no_script() -> None:
    svg = to_svg()
    texts = _svg_texts(svg)
    for p in Principle:
        assert str(p.value) in texts
    assert "<script" not in svg
    assert "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    root = ET.fromstring(svg)
    assert len(root.findall(f".//{SVG}g[@class='node']")) == 13


def test_svg_shows_status_by_symbol_and_word_not_colour_alone() -> None:
    statuses = {p: list(Status)[p.value % 4] for p in Principle}
    svg = to_svg(statuses)
    root = ET.fromstring(svg)
    for p in Principle:
        node = root.find(f".//{SVG}g[@id='principle-{p.name.lower()}']")
        assert node is not None
        style = STATUS_STYLES[statuses[p]]
        words = ["".join(t.itertext()) for t in node.iter(f"{SVG}text")]
        assert f"{style.symbol} {style.word}" in words
        circle = node.find(f"{SVG}circle")
        assert circle is not None
        assert circle.get("fill") == style.fill
    legend = "".join(_svg_texts(svg))
    for style in STATUS_STYLES.values():
        assert style.word in legend


def test_svg_legend_explains_every_edge_kind() -> None:
    legend = " ".join(_svg_texts(to_svg()))
    for r in RELATIONS:
        assert r.kind.value.replace("_", " ") in legend


def test_missing_statuses_show_as_unknown() -> None:
    svg = to_svg({Principle.INDEPENDENCE: Status.MET})
    assert svg.count(STATUS_STYLES[Status.UNKNOWN].word) >= 12


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_are_byte_deterministic(fmt: str) -> None:
    assert export_graph(fmt) == export_graph(fmt)
    assert export_graph(fmt).endswith("\n")


def test_deterministic_across_processes() -> None:
    import subprocess
    import sys

    code = (
        "from copenhagen.principles import export_graph, to_svg;"
        "from copenhagen import Principle, Status;"
        "import hashlib;"
        "t = ''.join(export_graph(f) for f in ('mermaid','dot','graphml','json','svg'));"
        "t += to_svg({p: Status.PARTIAL for p in Principle});"
        "print(hashlib.sha256(t.encode()).hexdigest())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
        ).stdout
        for seed in (1, 2)
    }
    assert len(runs) == 1


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown graph format"):
        export_graph("png")
