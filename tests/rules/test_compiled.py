"""`copenhagen.rules.compiled`: the tables and tries that cache results on what was read."""

from __future__ import annotations

from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import pytest

from copenhagen.rules.compiled import Compiled, Table

_GETTERS = {
    "a": lambda s: s.a,
    "b": lambda s: s.b,
    "c": lambda s: s.c,
}


class Counted:
    """A computation over a mapping of facts that counts its runs."""

    def __init__(self, compute: Any) -> None:
        self.compute = compute
        self.runs = 0

    def __call__(self, facts: Mapping[str, Any]) -> Any:
        self.runs += 1
        return self.compute(facts)


def _subject(**values: Any) -> SimpleNamespace:
    return SimpleNamespace(**values)


def test_a_table_caches_none_computing_it_once_per_key() -> None:
    # Regression: a table that told a miss by a ``None`` look-up computed a rule that does not
    # apply (``None``) again on every call.
    nothing = Counted(lambda facts: None if facts["a"] else facts["b"])
    table: Table[Any, Any] = Table(nothing, _GETTERS, ("a", "b"), limit=10)
    for _ in range(5):
        assert table(_subject(a=True, b=1)) is None
    assert nothing.runs == 1
    assert len(table) == 1
    for _ in range(3):
        assert table(_subject(a=True, b=2)) is None  # another key: computed once more
        assert table(_subject(a=False, b=2)) == 2
    assert nothing.runs == 3
    table.clear()
    assert table(_subject(a=True, b=1)) is None
    assert nothing.runs == 4


def test_a_table_keys_on_classes_and_stays_bounded() -> None:
    parity = Counted(lambda facts: facts["a"] % 2)
    table: Table[Any, Any] = Table(
        parity, _GETTERS, ("a",), limit=3, classes={"a": lambda v: v % 2}
    )
    assert [table(_subject(a=n)) for n in range(10)] == [n % 2 for n in range(10)]
    assert parity.runs == 2  # one run per class of ``a``
    wide: Table[Any, Any] = Table(parity, _GETTERS, ("a",), limit=3)
    for n in range(10):
        assert wide(_subject(a=n)) == n % 2
        assert len(wide) <= 3


def test_compiled_files_a_result_under_exactly_the_facts_read() -> None:
    # ``b`` is read only when ``a`` holds, ``c`` never: a result reached without ``b`` is shared
    # by every value of ``b``; one reached through ``b`` is keyed on it.
    def decide(facts: Mapping[str, Any]) -> Any:
        return ("b", facts["b"]) if facts["a"] else None

    counted = Counted(decide)
    trie: Compiled[Any, Any] = Compiled(counted, _GETTERS, limit=100)
    for b in range(4):
        assert trie(_subject(a=False, b=b, c=b)) is None
    assert counted.runs == 1  # ``None`` is filed like any result
    for b in range(4):
        for c in range(3):
            assert trie(_subject(a=True, b=b, c=c)) == ("b", b)
    assert counted.runs == 1 + 4
    assert len(trie) == 5
    # A subject without ``b`` (or ``c``) is decided where the path needs neither: nothing else
    # is read.
    assert trie(SimpleNamespace(a=False)) is None


def test_compiled_follows_a_computation_that_starts_reading_another_fact() -> None:
    # The same computation changed to read ``c`` too: nothing declares the facts, the reading
    # is recorded, so the new fact is part of the key with no other change.
    before: Compiled[Any, Any] = Compiled(lambda f: f["a"], _GETTERS, limit=100)
    after: Compiled[Any, Any] = Compiled(lambda f: f["a"] and f["c"], _GETTERS, limit=100)
    subjects = [_subject(a=a, b=0, c=c) for a in (True, False) for c in (True, False)]
    assert [before(s) for s in subjects] == [True, True, False, False]
    assert [after(s) for s in subjects] == [True, False, False, False]
    assert (len(before), len(after)) == (2, 3)  # ``c`` is read only when ``a`` holds


def test_compiled_is_bounded() -> None:
    trie: Compiled[Any, Any] = Compiled(lambda f: f["a"], _GETTERS, limit=4)
    for n in range(20):
        assert trie(_subject(a=n)) == n
        assert len(trie) <= 4


@pytest.mark.parametrize("cache", [Compiled, Table])
def test_a_cache_holds_at_least_one_result(cache: Any) -> None:
    arguments = (lambda f: f["a"], _GETTERS) if cache is Compiled else (lambda f: 0, _GETTERS, ())
    with pytest.raises(ValueError, match="at least 1 result"):
        cache(*arguments, limit=0)
