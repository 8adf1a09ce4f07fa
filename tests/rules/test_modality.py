"""Modality rules M1-M6 (para 15, Table 1), one test per rule built from the text's cases."""

from __future__ import annotations

import pytest

from copenhagen import Actor, Modality, Stage, classify_modality
from copenhagen.rules import MODALITY_RULES

from ._helpers import make

ENGAGED = {"engaged_stages": [Stage.DESIGN, Stage.COLLECTION], "meaningful_engagement": True}


def test_m1_civic_action_community_with_a_cso_partner() -> None:
    # para 15 item 1: fully driven and owned by citizens, communities or CSOs.
    decision = classify_modality(make(Actor.COMMUNITY, partners=[Actor.CSO]))
    assert decision.outcome is Modality.CIVIC_ACTION
    assert [s.rule for s in decision.trace] == ["M1"]
    assert decision.trace[0].citation == "para 15"


def test_m1_civic_action_without_partners() -> None:
    assert classify_modality(make(Actor.CITIZENS)).outcome is Modality.CIVIC_ACTION


def test_m2_marine_litter_is_civic_driven_collaboration_with_nso_support() -> None:
    # Table 1: CSOs lead the marine litter data collection, the NSO helps align the method.
    decision = classify_modality(make(Actor.CSO, partners=[Actor.NSO]))
    assert decision.outcome is Modality.CIVIC_DRIVEN_COLLABORATION
    assert [s.rule for s in decision.trace] == ["M2"]
    assert "partners include nso, not citizen-side" in decision.trace[0].explanation


def test_m2_funders_are_not_partners() -> None:
    # A state funder does not turn civic action into a collaboration (RULE-3).
    decision = classify_modality(make(Actor.CSO, funders=[Actor.STATE, Actor.INTERNATIONAL]))
    assert decision.outcome is Modality.CIVIC_ACTION


def test_m3_jointly_initiated_co_creation() -> None:
    # para 15 item 3: citizens or CSOs and the NSO start it together.
    decision = classify_modality(make(Actor.CSO, Actor.NSO, partners=[Actor.ACADEMIA]))
    assert decision.outcome is Modality.JOINTLY_INITIATED_COLLABORATION
    assert [s.rule for s in decision.trace] == ["M3"]


def test_m3_wins_over_other_non_state_co_initiators() -> None:
    decision = classify_modality(make(Actor.COMMUNITY, Actor.STATE, Actor.ACADEMIA))
    assert decision.outcome is Modality.JOINTLY_INITIATED_COLLABORATION


def test_m4_citizen_side_with_academia_is_read_as_civic_driven() -> None:
    decision = classify_modality(make(Actor.CSO, Actor.ACADEMIA))
    assert decision.outcome is Modality.CIVIC_DRIVEN_COLLABORATION
    assert [s.rule for s in decision.trace] == ["M4"]


def test_m5_nso_driven_collaboration_when_in_scope() -> None:
    # para 15 item 4: the NSO starts it and carries it out with CSOs.
    decision = classify_modality(make(Actor.NSO, partners=[Actor.CSO], **ENGAGED))
    assert decision.outcome is Modality.NSO_DRIVEN_COLLABORATION
    assert [s.rule for s in decision.trace] == ["M5"]
    assert "scope is settled as in scope (rule S2)" in decision.trace[0].explanation


@pytest.mark.parametrize("initiator", [Actor.ACADEMIA, Actor.NHRI, Actor.STATE])
def test_m6_collaboration_driven_by_other_actors(initiator: Actor) -> None:
    # para 15 item 5: academia or an NHRI, with sufficient and meaningful engagement.
    decision = classify_modality(make(initiator, **ENGAGED))
    assert decision.outcome is Modality.OTHER_ACTOR_DRIVEN_COLLABORATION
    assert [s.rule for s in decision.trace] == ["M6"]


@pytest.mark.parametrize(("initiator", "rule"), [(Actor.NSO, "M5"), (Actor.ACADEMIA, "M6")])
def test_m5_m6_out_of_scope_give_no_modality_determinately(initiator: Actor, rule: str) -> None:
    decision = classify_modality(make(initiator, engaged_stages=[]))
    assert (decision.outcome, decision.determinate, decision.missing) == (None, True, ())
    assert [s.rule for s in decision.trace] == [rule]


@pytest.mark.parametrize(("initiator", "rule"), [(Actor.NSO, "M5"), (Actor.NHRI, "M6")])
def test_m5_m6_undecided_while_scope_is(initiator: Actor, rule: str) -> None:
    decision = classify_modality(make(initiator, meaningful_engagement=True))
    assert (decision.outcome, decision.determinate) == (None, False)
    assert decision.missing == ("engaged_stages",)
    assert [s.rule for s in decision.trace] == [rule]


def test_citizen_initiated_modality_never_waits_for_scope_facts() -> None:
    decision = classify_modality(make(Actor.CSO, partners=[Actor.STATE]))
    assert decision.determinate


def test_the_rule_set_lists_m1_to_m6() -> None:
    assert [r.id for r in MODALITY_RULES] == ["M1", "M2", "M3", "M4", "M5", "M6"]
    assert "funders" not in MODALITY_RULES.facts
