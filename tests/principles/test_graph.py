from __future__ import annotations

import networkx as nx
import pytest

from copenhagen import Principle, principle_graph
from copenhagen.framework.citations import is_anchor
from copenhagen.principles import (
    RELATIONS,
    dependents,
    direct_requirements,
    relations_of,
    requirements,
    tensions,
)

P = Principle


def test_nodes_are_the_thirteen_principles_with_their_attributes() -> None:
    graph = principle_graph()
    assert isinstance(graph, nx.DiGraph)
    assert list(graph.nodes) == list(Principle)
    for p, data in graph.nodes(data=True):
        assert data["number"] == p.value
        assert data["title"] == p.title
        assert data["summary"] == p.summary
        assert tuple(data["citations"]) == tuple(p.citations)


def test_edges_match_the_relation_data() -> None:
    graph = principle_graph()
    assert graph.number_of_edges() == len(RELATIONS)
    for r in RELATIONS:
        data = graph.edges[r.source, r.target]
        assert data == {
            "kind": r.kind.value,
            "citation": r.citation,
            "reason": r.reason,
            "stated": r.stated,
        }
        assert is_anchor(data["citation"])


def test_contract_edges() -> None:
    graph = principle_graph()
    for p in Principle:
        if p is not P.ETHICAL_AND_SAFE_USE:
            assert graph.edges[P.ETHICAL_AND_SAFE_USE, p]["kind"] == "requires"
    assert graph.edges[P.CONFIDENTIALITY, P.DATA_SECURITY]["kind"] == "requires"
    requires = nx.DiGraph([(u, v) for u, v, k in graph.edges(data="kind") if k == "requires"])
    assert nx.is_directed_acyclic_graph(requires)
    assert nx.descendants(requires, P.ETHICAL_AND_SAFE_USE) == set(Principle) - {
        P.ETHICAL_AND_SAFE_USE
    }


def test_callers_get_a_copy() -> None:
    graph = principle_graph()
    graph.remove_node(P.INDEPENDENCE)
    graph.nodes[P.RELEVANCE]["title"] = "changed"
    graph.edges[P.CONFIDENTIALITY, P.DATA_SECURITY]["kind"] = "changed"
    graph.graph["name"] = "changed"
    fresh = principle_graph()
    assert P.INDEPENDENCE in fresh
    assert fresh.nodes[P.RELEVANCE]["title"] == P.RELEVANCE.title
    assert fresh.edges[P.CONFIDENTIALITY, P.DATA_SECURITY]["kind"] == "requires"
    assert fresh.graph["name"] != "changed"
    assert fresh is not principle_graph()


@pytest.mark.parametrize("p", list(Principle))
def test_queries_agree_with_networkx(p: Principle) -> None:
    graph = principle_graph()
    requires = nx.DiGraph()
    requires.add_nodes_from(Principle)
    requires.add_edges_from((u, v) for u, v, k in graph.edges(data="kind") if k == "requires")
    assert set(requirements(p)) == nx.descendants(requires, p)
    assert set(dependents(p)) == nx.ancestors(requires, p)
    assert set(direct_requirements(p)) == set(requires.successors(p))
    assert set(tensions(p)) == {
        v for _, v, k in graph.out_edges(p, data="kind") if k == "balanced_against"
    }
    touching = {(r.source, r.target) for r in relations_of(p)}
    assert touching == set(graph.in_edges(p)) | set(graph.out_edges(p))
    for answer in (requirements(p), dependents(p), tensions(p)):
        assert list(answer) == sorted(answer)


def test_query_examples() -> None:
    assert requirements(P.CONFIDENTIALITY) == (P.DATA_SECURITY,)
    assert dependents(P.DATA_SECURITY) == (P.ETHICAL_AND_SAFE_USE, P.CONFIDENTIALITY)
    assert tensions(P.OPENNESS) == (P.CONFIDENTIALITY,)
    assert tensions(P.CONFIDENTIALITY) == (P.OPENNESS,)
    assert requirements(P.INDEPENDENCE) == ()
