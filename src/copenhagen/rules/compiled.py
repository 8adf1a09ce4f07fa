"""The compiled form of a rule set: a decision trie over exactly the facts each pattern reads.

Evaluating a rule set reads facts one at a time, and which fact it reads next depends only on the
values it has read so far (rules are pure). So the first evaluation of a pattern records the facts
it read, in order, and files the resulting `Decision` under that path of values: a trie whose
nodes each read one fact. Later initiatives follow the path — one attribute read and one
dictionary look-up per fact the rules actually needed (two for a citizen-only initiative's
modality: the initiators, then the partners) — and get the same shared, immutable `Decision`.

The trie is bounded: when it holds `engine.CACHE_SIZE` decisions it starts again empty. It is the
only mutable state of the rules; every change is a single dictionary operation or the swap of the
root, so threads may share it (two threads missing at once file the same decision).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from copenhagen.model import Decision, Initiative

__all__ = ["Compiled", "Node"]

#: A trie node: how to read its fact from an initiative, the look-up of its children by the
#: fact's value (the bound ``get`` of the third item, kept to save a method look-up per call),
#: and the children themselves.
Node = tuple[Callable[[Initiative], Any], Callable[[Any], Any], dict[Any, Any]]


def _node(getter: Callable[[Initiative], Any]) -> Node:
    children: dict[Any, Any] = {}
    return (getter, children.get, children)


class _Recorder(Mapping[str, Any]):
    """An initiative's facts, read on demand, remembering which were read and in what order."""

    __slots__ = ("_initiative", "_keys", "_order", "read")

    def __init__(self, initiative: Initiative, order: tuple[str, ...]) -> None:
        self._initiative = initiative
        self._order = order
        self._keys = frozenset(order)
        self.read: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(key)
        value = getattr(self._initiative, key)
        self.read.setdefault(key, value)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._keys)


class Compiled:
    """A rule set's decision trie (see the module docstring).

    Attributes:
        root: The first node, or ``None`` before the first decision (read it once per call).
    """

    __slots__ = ("_evaluate", "_facts", "_getters", "_limit", "_shared", "_size", "root")

    def __init__(
        self,
        evaluate: Callable[[Mapping[str, Any]], Decision],
        facts: tuple[str, ...],
        limit: Callable[[], int],
    ) -> None:
        self._evaluate = evaluate
        self._facts = facts
        self._getters = {key: operator.attrgetter(key) for key in facts}
        self._limit = limit
        self._shared: dict[Decision, Decision] = {}
        self._size = 0
        self.root: Node | None = None

    def __call__(self, initiative: Initiative) -> Decision:
        """The decision for ``initiative``: follow the trie, evaluating only on a miss."""
        node = self.root
        while node is not None:
            child = node[1](node[0](initiative))
            if type(child) is Decision:
                return child
            node = child
        return self.decide(initiative)

    def decide(self, initiative: Initiative) -> Decision:
        """Evaluate ``initiative`` afresh and file the decision under the facts it read."""
        recorder = _Recorder(initiative, self._facts)
        decision = self._evaluate(recorder)
        # Equal decisions reached along different paths are one shared object.
        decision = self._shared.setdefault(decision, decision)
        path = list(recorder.read.items())
        if not path:  # a rule set that reads nothing decides the same for everyone
            return decision
        if self._size >= self._limit():
            self.clear()
        root = self.root
        if root is None:
            root = _node(self._getters[path[0][0]])
            self.root = root
        node = root
        for (_, value), (next_key, _) in itertools.pairwise(path):
            child = node[2].get(value)
            if type(child) is not tuple:
                fresh = _node(self._getters[next_key])
                child = node[2].setdefault(value, fresh)
                if type(child) is not tuple:  # only if rules changed under us: start afresh
                    node[2][value] = child = fresh
            node = child
        node[2][path[-1][1]] = decision
        self._size += 1
        return decision

    def clear(self) -> None:
        """Forget every decision."""
        self.root = None
        self._size = 0
        self._shared = {}

    def __len__(self) -> int:
        """How many decisions are filed."""
        return self._size
