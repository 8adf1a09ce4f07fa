"""diff: every pair of differing results two readings give, each with a smallest example."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copenhagen import Assessor, diff, load_initiative, load_layer
from copenhagen.readings import Differences
from copenhagen.readings.comparing import DECISIONS, EXHAUSTIVE, SEARCH

from ..layers.test_semantics import FEW, documents
from ..layers.test_semantics import layers as any_layers

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "examples" / "readings" / "private-sector-design.yaml"
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))


def layers() -> st.SearchStrategy[dict[str, Any]]:
    """Random layers naming a few actors, sides and stages, as national readings do."""
    return any_layers(FEW)


def result(assessor: Assessor, decision: str, document: dict[str, Any]) -> dict[str, Any]:
    decide = {
        "scope": assessor.assess_scope,
        "modality": assessor.classify_modality,
        "nso_category": assessor.classify_nso_category,
    }[decision]
    found = decide(load_initiative(document))
    outcome = found.outcome.value if found.outcome is not None else None
    return {"outcome": outcome, "determinate": found.determinate}


def pairs(items: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {
        (item["decision"], json.dumps([item["a"], item["b"]], sort_keys=True)) for item in items
    }


def reworded(layer: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(layer)
    changed["id"] = "reworded"
    for name in DECISIONS:
        for key in ("replace", "add"):
            for rule in (changed.get(name) or {}).get(key, []):
                rule["because"] = "the same rule, explained in other words"
    return changed


def assert_examples_get_their_pairs(a: Assessor, b: Assessor, items: list[dict[str, Any]]) -> None:
    for item in items:
        example = item["example"]
        assert result(a, item["decision"], example) == item["a"], item
        assert result(b, item["decision"], example) == item["b"], item
        for side, assessor in (("a", a), ("b", b)):
            decide = {
                "scope": assessor.assess_scope,
                "modality": assessor.classify_modality,
                "nso_category": assessor.classify_nso_category,
            }[item["decision"]]
            trace = decide(load_initiative(example)).trace
            assert item["rules"][side] == [step.rule for step in trace]


def smaller(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every document one key or one list item smaller (still valid)."""
    found = []
    for key in document:
        if key in ("name", "initiated_by"):
            continue
        found.append({k: v for k, v in document.items() if k != key})
    for key, value in document.items():
        if isinstance(value, list) and len(value) > (1 if key == "initiated_by" else 0):
            for i in range(len(value)):
                found.append({**document, key: value[:i] + value[i + 1 :]})
    return found


def test_the_worked_reading_s_differences() -> None:
    items = diff(Assessor(), Assessor([load_layer(WORKED)]))
    assert isinstance(items, Differences)
    assert items.method == EXHAUSTIVE
    assert [e.decision for e in items.examined] == list(DECISIONS)
    assert all(e.points > 0 and e.points <= e.size for e in items.examined)
    first = items[0]
    assert first == {
        "decision": "scope",
        "a": {"outcome": None, "determinate": False},
        "b": {"outcome": "out_of_scope", "determinate": True},
        "example": {
            "name": "Example",
            "initiated_by": ["private_sector"],
            "engaged_stages": ["collection"],
        },
        "rules": {"a": ["S2"], "b": ["PSD1"]},
    }
    assert [i["decision"] for i in items].count("scope") == 2


def test_items_are_ordered_by_decision_then_by_the_pair() -> None:
    items = diff(Assessor(), Assessor([load_layer(WORKED)]))
    keys = [
        (DECISIONS.index(i["decision"]), json.dumps([i["a"], i["b"]], sort_keys=True))
        for i in items
    ]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys), "one item per pair"


def test_a_reading_against_itself_is_empty_and_the_same_every_time() -> None:
    worked = Assessor([load_layer(WORKED)])
    assert diff(worked, worked) == []
    assert diff(Assessor(), Assessor()) == []
    again = diff(Assessor(), worked)
    assert json.dumps(again) == json.dumps(diff(Assessor(), Assessor([load_layer(WORKED)])))


@SLOW
@given(layers())
def test_diff_of_a_reading_with_itself_is_empty(layer: dict[str, Any]) -> None:
    assessor = Assessor([load_layer(copy.deepcopy(layer))])
    assert diff(assessor, assessor) == []
    assert diff(assessor, Assessor([load_layer(copy.deepcopy(layer))])) == []


@SLOW
@given(layers())
def test_a_layer_rewording_only_because_texts_diffs_empty(layer: dict[str, Any]) -> None:
    first = Assessor([load_layer(copy.deepcopy(layer))])
    second = Assessor([load_layer(reworded(layer))])
    assert first.rules.decisions != second.rules.decisions or not any(
        (layer.get(name) or {}).get("add") or (layer.get(name) or {}).get("replace")
        for name in DECISIONS
    )
    assert diff(first, second) == []


@SLOW
@given(layers())
def test_every_example_really_gets_its_pair_and_is_smallest(layer: dict[str, Any]) -> None:
    base, layered = Assessor(), Assessor([load_layer(copy.deepcopy(layer))])
    items = diff(base, layered)
    assert_examples_get_their_pairs(base, layered, items)
    walked = {e.decision for e in items.examined if e.method == EXHAUSTIVE}
    for item in items:
        if item["decision"] not in walked:  # a search shrinks its examples, but not surely all
            continue
        for shrunk in smaller(item["example"]):
            pair = (
                result(base, item["decision"], shrunk),
                result(layered, item["decision"], shrunk),
            )
            assert pair != (item["a"], item["b"]), (item, shrunk)


@SLOW
@given(layers(), st.lists(documents(), min_size=8, max_size=8))
def test_every_difference_found_by_evaluation_is_a_reported_pair(
    layer: dict[str, Any], sample: list[dict[str, Any]]
) -> None:
    base, layered = Assessor(), Assessor([load_layer(copy.deepcopy(layer))])
    reported = pairs(diff(base, layered))
    for document in sample:
        for decision in DECISIONS:
            a, b = result(base, decision, document), result(layered, decision, document)
            if a != b:
                assert (decision, json.dumps([a, b], sort_keys=True)) in reported, document


def test_past_the_size_limit_a_search_is_used_and_said() -> None:
    base, worked = Assessor(), Assessor([load_layer(WORKED)])
    searched = diff(base, worked, max_points=0, search_examples=300)
    assert searched.method == SEARCH
    assert all(e.method == SEARCH for e in searched.examined)
    assert_examples_get_their_pairs(base, worked, searched)
    # What the search finds is among what the walk finds, the scope's pairs all, and the
    # same every run.
    walked = diff(base, worked)
    assert pairs(searched) <= pairs(walked)
    assert {p for p in pairs(walked) if p[0] == "scope"} <= pairs(searched)
    assert json.dumps(searched) == json.dumps(diff(base, worked, max_points=0, search_examples=300))


def test_the_search_shrinks_its_examples() -> None:
    base, worked = Assessor(), Assessor([load_layer(WORKED)])
    searched = diff(base, worked, max_points=0, search_examples=300)
    for item in searched:
        assert len(item["example"]) <= 6
        assert len(item["example"]["initiated_by"]) == 1
