"""`copenhagen._rows`: the batch's row writers give the general path's bytes, and only for valid
documents."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import assess, load_initiative
from copenhagen._rows import (
    BOTH,
    DECISIONS,
    PARTICIPATION,
    RawRows,
    _owner,
    _separated,
    decision_runs,
    dumps_row,
)
from copenhagen.documents import InvalidInitiativeError
from copenhagen.recommendations import DECISION_RULES
from copenhagen.strategies import documents, invalid_documents
from copenhagen.synthetic import realistic_documents


def general(document: dict[str, Any], position: int) -> str:
    return dumps_row({"position": position, **assess(load_initiative(document)).to_dict()}) + "\n"


def is_valid(document: Any) -> bool:
    try:
        load_initiative(document)
    except InvalidInitiativeError:
        return False
    return True


def check(rows: RawRows, document: Any, position: int) -> bool:
    """Assert what a row must be; return whether the fast path took the document."""
    # Through JSON, as `copenhagen batch` reads it.
    parsed = json.loads(json.dumps(document))
    made = rows.row(parsed, position)
    if made is None:
        return False
    assert is_valid(parsed), parsed
    assert made[0] == general(parsed, position)
    return True


@pytest.mark.parametrize("bound", [8, 1 << 14])
def test_a_registry_gets_the_general_paths_bytes(bound: int) -> None:
    rows = RawRows(bound, bound)
    taken = sum(
        check(rows, document, position)
        for position, document in enumerate(realistic_documents(3000, seed=7), 1)
    )
    assert taken == 3000  # every synthetic document is plainly valid
    for cache in ("_scope", "_modality", "_category", "_participation", "_principles"):
        assert len(getattr(rows, cache)) <= bound


def test_the_summary_key_is_the_general_paths() -> None:
    from copenhagen.reports.summary import tally_key

    rows = RawRows()
    for position, document in enumerate(realistic_documents(500, seed=3), 1):
        made = rows.row(document, position)
        assert made is not None
        assert made[1] == tally_key(assess(load_initiative(document)).to_dict())


@given(st.lists(st.one_of(documents(), invalid_documents().map(lambda pair: pair[0])), max_size=12))
def test_generated_documents(batch: list[Any]) -> None:
    rows = RawRows()
    for position, document in enumerate(batch * 2, 1):  # twice: the second time from caches
        check(rows, document, position)


VALID = {
    "name": "Water watch",
    "initiated_by": ["cso"],
    "engaged_stages": ["collection"],
    "meaningful_engagement": True,
    "quality_assured": False,
    "practices": {"consent_before_collection": True},
    "participation": {"extent": "high"},
    "principles": {"informed_consent": "met"},
}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("meaningful_engagement", 1),
        ("meaningful_engagement", 1.0),
        ("quality_assured", 0),
        ("practices", {"consent_before_collection": 1}),
        ("initiated_by", {"cso": True}),  # a mapping's keys look like the list
        ("initiated_by", "cso"),
        ("engaged_stages", [["collection"]]),  # unhashable
        ("funders", ["martians"]),
        ("country", "dk"),
        ("extra", []),
        ("name", ""),
        ("surprise", 1),
    ],
)
def test_a_value_equal_to_a_cached_one_but_invalid_takes_the_general_path(
    key: str, value: Any
) -> None:
    rows = RawRows()
    assert check(rows, VALID, 1)
    assert rows.row({**VALID, key: value}, 2) is None
    assert not is_valid({**VALID, key: value})


def test_order_and_repeats_give_the_same_row_but_for_position_and_name() -> None:
    rows = RawRows()
    shuffled = {
        **VALID,
        "initiated_by": ["cso", "cso"],
        "engaged_stages": ["collection", "collection"],
    }
    assert check(rows, VALID, 1)
    assert check(rows, shuffled, 1)


def test_decision_runs_keep_the_rules_order_and_cover_them_all() -> None:
    runs = decision_runs()
    assert [rule for _, rules, _ in runs for rule in rules] == list(DECISION_RULES)
    assert {owner for owner, _, _ in runs} <= {DECISIONS, PARTICIPATION, BOTH}
    for owner, rules, reads in runs:
        if owner == BOTH:
            assert len(rules) == 1
            assert reads
        for rule in rules:
            assert _owner(rule.reads) == owner


def test_a_rule_reading_anything_else_is_refused() -> None:
    assert _owner(("scope", "initiative.meaningful_engagement")) == DECISIONS
    assert _owner(("participation.engaged_stages",)) == PARTICIPATION
    assert _owner(("participation", "scope")) == BOTH
    with pytest.raises(ValueError, match="reads what no part"):
        _owner(("principles",))


def test_a_row_that_differs_from_the_general_path_turns_the_writer_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import copenhagen._rows as module

    monkeypatch.setattr(module, "_general_row", lambda document, position: "something else")
    rows = RawRows()
    assert rows.row(dict(VALID), 1) is None
    assert rows.row(dict(VALID), 2) is None


@given(st.lists(st.text(max_size=5), max_size=6).map(tuple))
def test_separated_pieces_join_as_str_join(items: tuple[str, ...]) -> None:
    assert "".join(_separated(items)) == ", ".join(items)
