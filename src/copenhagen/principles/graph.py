"""The principle graph as a networkx `DiGraph` (paras 17-31, contract sections 1 and 3).

networkx is imported the first time the graph is asked for, never when the package is imported;
the graph is built once from `copenhagen.principles.relations.RELATIONS` and every caller gets
its own copy to change at will.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from copenhagen.framework.principles import Principle
from copenhagen.principles.relations import RELATIONS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["principle_graph"]

_LOCK = threading.Lock()
_GRAPH: list[Any] = []  # the one built graph, once built; callers only ever see copies


def _build() -> nx.DiGraph:
    import networkx as nx  # heavy (~120 ms): only when a graph is actually wanted

    graph = nx.DiGraph(name="Principles of citizen data (Copenhagen Framework v1.0, para 17)")
    for p in Principle:
        graph.add_node(
            p,
            number=p.value,
            title=p.title,
            summary=p.summary,
            citations=tuple(p.citations),
        )
    for relation in RELATIONS:
        graph.add_edge(relation.source, relation.target, **relation.attributes())
    return graph


def _shared() -> nx.DiGraph:
    if not _GRAPH:
        with _LOCK:
            if not _GRAPH:
                _GRAPH.append(_build())
    return _GRAPH[0]


def principle_graph() -> nx.DiGraph:
    """The 13 principles and their relations as a networkx directed graph (a fresh copy).

    Nodes are the `Principle` members, each with the attributes ``number``, ``title``,
    ``summary`` and ``citations``. Every edge ``u -> v`` has ``kind`` (``"requires"``,
    ``"jointly_serves"``, ``"balanced_against"``, ``"supports"`` or ``"linked_with"``),
    ``citation`` (e.g. ``"para 28"``), ``reason`` (one line) and ``stated`` (False where the
    edge is the library's interpretation). ``requires`` edges form no cycle (paras 28, 30).

    The graph is built once; each call returns a copy, so changing it changes nothing else.

    Returns:
        A new `networkx.DiGraph`.
    """
    return _shared().copy()
