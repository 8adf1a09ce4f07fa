"""The public hypothesis strategies: valid output, fixed keys, unknown probability, errors."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copenhagen import (
    Actor,
    Assessor,
    Initiative,
    InvalidInitiativeError,
    Stage,
    load_initiative,
)
from copenhagen.framework import CITIZEN_SIDE
from copenhagen.strategies import documents, initiatives, invalid_documents, members

FLAGS = ("meaningful_engagement", "integrated_into_official_statistics", "quality_assured")


@given(st.data())
def test_members_draw_only_members(data: st.DataObject) -> None:
    assert data.draw(members(Stage)) in set(Stage)


def test_members_reach_every_member() -> None:
    seen: set[Actor] = set()

    @given(members(Actor))
    def collect(actor: Actor) -> None:
        seen.add(actor)

    collect()
    assert seen == set(Actor)


@given(documents(initiated_by=["nso"], partners=st.just(["cso"]), country=None))
def test_documents_fix_keys_by_value_or_strategy(document: dict[str, Any]) -> None:
    assert document["initiated_by"] == ["nso"]
    assert document["partners"] == ["cso"]
    assert document["country"] is None
    assert load_initiative(document).initiated_by == frozenset({Actor.NSO})


@given(documents(unknown_probability=0.0))
def test_documents_with_nothing_unknown(document: dict[str, Any]) -> None:
    initiative = load_initiative(document)
    assert initiative.engaged_stages is not None
    assert all(getattr(initiative, flag) is not None for flag in FLAGS)


@given(documents(unknown_probability=1.0))
def test_documents_with_everything_unknown(document: dict[str, Any]) -> None:
    initiative = load_initiative(document)
    assert initiative.engaged_stages is None
    assert all(getattr(initiative, flag) is None for flag in FLAGS)


@given(initiatives(initiated_by=frozenset({Actor.CSO}), meaningful_engagement=st.just(True)))
def test_initiatives_fix_fields(initiative: Initiative) -> None:
    assert initiative.initiated_by == frozenset({Actor.CSO})
    assert initiative.meaningful_engagement is True


@given(initiatives(unknown_probability=1.0))
def test_initiatives_with_everything_unknown(initiative: Initiative) -> None:
    assert initiative.engaged_stages is None
    assert all(getattr(initiative, flag) is None for flag in FLAGS)


@given(initiatives())
def test_initiatives_are_well_formed(initiative: Initiative) -> None:
    assert initiative.initiated_by
    assert isinstance(initiative.initiated_by, frozenset)
    hash(initiative)


@given(invalid_documents())
def test_invalid_documents_carry_one_problem_at_their_path(
    case: tuple[dict[str, Any], str],
) -> None:
    document, path = case
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative(document)
    assert [p for p, _ in raised.value.errors] == [path]


def test_bad_parameters() -> None:
    with pytest.raises(TypeError, match="unknown document keys: partnrs"):
        documents(partnrs=[])
    with pytest.raises(TypeError, match="unknown Initiative fields: colour"):
        initiatives(colour="red")
    with pytest.raises(ValueError, match="between 0 and 1"):
        documents(unknown_probability=1.5)


def test_import_without_hypothesis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "copenhagen.strategies")
    with pytest.raises(ImportError, match=r"pip install 'copenhagen-citizen-data\[strategies\]'"):
        importlib.import_module("copenhagen.strategies")


# The example of the testing guide: a user's own function, property-tested with our strategies.
def needs_partnership_agreement(initiative: Initiative) -> bool:
    """A user's rule: citizen-led work with any non-citizen partner needs an agreement."""
    return bool(initiative.initiated_by & CITIZEN_SIDE) and not initiative.partners <= CITIZEN_SIDE


@given(initiatives(initiated_by=frozenset({Actor.CSO}), partners=frozenset({Actor.NSO})))
def test_user_rule_holds_for_cso_with_nso(initiative: Initiative) -> None:
    assert needs_partnership_agreement(initiative)


@given(initiatives(partners=frozenset()))
def test_user_rule_never_fires_without_partners(initiative: Initiative) -> None:
    assert not needs_partnership_agreement(initiative)


# --------------------------------------------------------------------------------------------
# Strategies for a reading: an Assessor's classes drawn first
# --------------------------------------------------------------------------------------------

_WORKED = Path(__file__).resolve().parent.parent / "examples/readings/private-sector-design.yaml"


def test_initiatives_for_a_reading_reach_each_of_its_scope_rules() -> None:
    from copenhagen import load_layer

    reading = Assessor([load_layer(_WORKED)])
    seen: set[str] = set()

    @settings(max_examples=200, database=None, derandomize=True)
    @given(initiatives(assessor=reading, unknown_probability=0.2))
    def reach(initiative: Initiative) -> None:
        seen.update(step.rule for step in reading.assess_scope(initiative).trace)

    reach()
    assert seen == {"S1", "PSD1", "S2"}


@given(documents(assessor=Assessor()))
def test_documents_for_a_reading_are_valid(document: dict[str, Any]) -> None:
    load_initiative(document)


@given(initiatives(assessor=Assessor(), unknown_probability=0.0))
def test_a_reading_s_initiatives_keep_unknown_probability(initiative: Initiative) -> None:
    assert initiative.engaged_stages is not None
    assert initiative.meaningful_engagement is not None
