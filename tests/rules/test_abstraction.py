"""`copenhagen.rules.abstraction`: classes of fact values, equal for exactly what no test tells."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from copenhagen import Actor, Stage
from copenhagen.rules import MODALITY_RULES, NSO_CATEGORY_RULES, SCOPE_RULES
from copenhagen.rules.abstraction import Abstraction
from copenhagen.rules.conditions import EXACT, Test
from tests.variants import M4_READING_FUNDERS

#: The set facts drawn, with their members, and the boolean facts the decisions read.
_MEMBERS = {
    "initiated_by": list(Actor),
    "partners": list(Actor),
    "funders": list(Actor),
    "engaged_stages": list(Stage),
}
_BOOLEANS = ("meaningful_engagement", "integrated_into_official_statistics", "quality_assured")
#: What M4 of `tests.variants` tests besides: the funders.
_M4_FUNDERS = [t for c in M4_READING_FUNDERS.conditions() for t in c.set_tests()]
_SHIPPED = [t for rs in (SCOPE_RULES, MODALITY_RULES, NSO_CATEGORY_RULES) for t in rs.set_tests()]


def _answers(tests: list[tuple[str, Test]], values: dict[str, Any]) -> tuple[Any, ...]:
    """What conditions can observe of ``values`` through ``tests``.

    Of a set: whether it meets a tested group (`Has`), lies within it (`Only`), is empty
    (`Empty`); of one value, whether it is among the tested values; under `EXACT`, the value.
    Unknown (``None``) is told apart from every known value.
    """
    found: list[Any] = []
    for key, test in tests:
        value = values[key]
        if value is None:
            found.append(None)
        elif test is EXACT:
            found.append(value)
        elif test is None:
            found.append(bool(value))
        elif isinstance(value, frozenset):
            found.append((not value.isdisjoint(test), value <= test))  # type: ignore[operator]
        else:
            found.append(value in test)  # type: ignore[operator]
    return tuple(found)


def _atoms_met(tests: list[tuple[str, Test]], values: dict[str, Any], key: str) -> Any:
    """The module's classes, worked out directly: the groups of members alike under every test
    that a set meets (a one-valued fact: the tests it passes)."""
    value = values[key]
    own = [t for k, t in tests if k == key]
    if value is None or any(t is EXACT for t in own):
        return ("value", value)
    if not isinstance(value, frozenset):
        return ("in", tuple(value in t for t in own if t is not None))  # type: ignore[operator]
    return ("atoms", frozenset(tuple(t is None or m in t for t in own) for m in value))  # type: ignore[operator]


def _set_test(key: str) -> st.SearchStrategy[tuple[str, Test]]:
    members = st.frozensets(st.sampled_from(_MEMBERS[key]), min_size=1)
    return st.tuples(st.just(key), st.one_of(members, st.none(), st.just(EXACT)))


def _tests() -> st.SearchStrategy[list[tuple[str, Test]]]:
    drawn = st.lists(st.one_of(*(_set_test(k) for k in _MEMBERS)), min_size=1, max_size=6)
    return st.one_of(drawn, st.just(_SHIPPED), st.just([*_SHIPPED, *_M4_FUNDERS]))


def _values(key: str) -> st.SearchStrategy[Any]:
    sets = st.frozensets(st.sampled_from(_MEMBERS[key]))
    return st.one_of(st.none(), sets) if key == "engaged_stages" else sets


_FIELDS = {
    **{key: _values(key) for key in _MEMBERS},
    **{key: st.sampled_from([None, True, False]) for key in _BOOLEANS},
}
_subjects = st.fixed_dictionaries(_FIELDS)


#: Two subjects, the second the first with one fact drawn afresh (a set fact more often than
#: not), so that their keys are often equal and often differ by a single class.
_pairs = _subjects.flatmap(
    lambda first: st.tuples(
        st.just(first),
        st.sampled_from([*_MEMBERS, *_MEMBERS, *_BOOLEANS]).flatmap(
            lambda key: _FIELDS[key].map(lambda value: {**first, key: value})
        ),
    )
)


@given(_tests(), _pairs)
def test_the_key_is_equal_for_exactly_the_values_no_test_tells_apart(
    tests: list[tuple[str, Test]], pair: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    first, second = pair
    abstraction = Abstraction(tests)
    key = abstraction.key_function()
    same_key = key(SimpleNamespace(**first)) == key(SimpleNamespace(**second))
    same_atoms = all(
        _atoms_met(tests, first, k) == _atoms_met(tests, second, k) for k in abstraction.keys
    )
    # Equal exactly where the same groups of alike members are met, fact by fact ...
    assert same_key is same_atoms
    for fact in abstraction.keys:
        classify = abstraction.classifier(fact)
        same = classify(first[fact]) == classify(second[fact])
        assert same is (_atoms_met(tests, first, fact) == _atoms_met(tests, second, fact)), fact
    # ... so never for values some condition could tell apart.
    if same_key:
        assert _answers(tests, first) == _answers(tests, second)


@given(st.sampled_from([_SHIPPED, [*_SHIPPED, *_M4_FUNDERS]]), _pairs)
def test_over_the_decisions_tests_the_key_is_what_conditions_observe(
    tests: list[tuple[str, Test]], pair: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    first, second = pair
    # The decisions test each fact by groups that do not overlap (the sides, one actor, a
    # stage), so a class holds exactly the values every condition answers alike. (Overlapping
    # groups give finer classes than that: still never joining values a condition tells apart.)
    key = Abstraction(tests).key_function()
    same_key = key(SimpleNamespace(**first)) == key(SimpleNamespace(**second))
    assert same_key is (_answers(tests, first) == _answers(tests, second))


@given(_tests(), _subjects)
def test_a_value_moved_within_its_class_keeps_its_key(
    tests: list[tuple[str, Test]], subject: dict[str, Any]
) -> None:
    # Each value has a representative of its class; swapping it in changes no key.
    abstraction = Abstraction(tests)
    key = abstraction.key_function()
    moved = dict(subject)
    for fact in abstraction.keys:
        classify = abstraction.classifier(fact)
        (representative,) = [
            r for r in abstraction.representatives(fact) if classify(r) == classify(subject[fact])
        ]
        moved[fact] = representative
    assert _answers(tests, moved) == _answers(tests, subject)
    assert key(SimpleNamespace(**moved)) == key(SimpleNamespace(**subject))


def test_representatives_are_one_per_class_unknown_first() -> None:
    abstraction = Abstraction(_SHIPPED)
    for fact in abstraction.keys:
        found = abstraction.representatives(fact)
        classify = abstraction.classifier(fact)
        assert len({classify(r) for r in found}) == len(found), fact
    assert abstraction.representatives("engaged_stages")[:2] == (None, frozenset())
    assert abstraction.size() == len(list(abstraction.points()))
