"""Scope rules S1-S2 (Box 2, paras 9-11, 15), one test per rule and case."""

from __future__ import annotations

from copenhagen import Actor, Scope, Stage, assess_scope
from copenhagen.rules import SCOPE_RULES

from ._helpers import make


def test_s1_citizen_initiated_is_in_scope_even_with_nothing_else_known() -> None:
    # para 15 item 1: a community starting its own data collection is civic action, in scope.
    decision = assess_scope(make(Actor.COMMUNITY))
    assert decision.outcome is Scope.IN_SCOPE
    assert decision.determinate
    assert decision.missing == ()
    assert [s.rule for s in decision.trace] == ["S1"]
    assert decision.trace[0].citation == "Box 2"
    assert "initiated_by includes community, a citizen-side actor" in decision.trace[0].explanation


def test_s1_holds_even_when_engagement_is_declared_absent() -> None:
    # Starting an initiative is itself design-stage engagement (RULE-2).
    decision = assess_scope(make(Actor.CSO, engaged_stages=[], meaningful_engagement=False))
    assert decision.outcome is Scope.IN_SCOPE


def test_s2_official_collection_where_citizens_only_answer_is_out_of_scope() -> None:
    # para 9: citizens answering a census or survey do not make it citizen data.
    decision = assess_scope(make(Actor.NSO, engaged_stages=[]))
    assert decision.outcome is Scope.OUT_OF_SCOPE
    assert decision.determinate
    assert [s.rule for s in decision.trace] == ["S2"]
    assert "engaged_stages is an empty list" in decision.trace[0].explanation


def test_s2_engagement_that_is_not_meaningful_is_out_of_scope() -> None:
    decision = assess_scope(
        make(Actor.ACADEMIA, engaged_stages=[Stage.COLLECTION], meaningful_engagement=False)
    )
    assert decision.outcome is Scope.OUT_OF_SCOPE
    assert "meaningful_engagement is false" in decision.trace[0].explanation


def test_s2_meaningful_engagement_in_a_stage_is_in_scope() -> None:
    # para 15 item 5: academia or an NHRI with sufficient, meaningful citizen engagement.
    decision = assess_scope(
        make(Actor.NHRI, engaged_stages=[Stage.ANALYSIS], meaningful_engagement=True)
    )
    assert decision.outcome is Scope.IN_SCOPE
    assert decision.determinate


def test_s2_unknown_engagement_names_what_is_missing() -> None:
    both = assess_scope(make(Actor.NSO))
    assert (both.outcome, both.determinate) == (None, False)
    assert both.missing == ("engaged_stages", "meaningful_engagement")
    stages = assess_scope(make(Actor.NSO, meaningful_engagement=True))
    assert stages.missing == ("engaged_stages",)
    meaningful = assess_scope(make(Actor.NSO, engaged_stages=[Stage.DESIGN]))
    assert meaningful.missing == ("meaningful_engagement",)
    assert [s.rule for s in meaningful.trace] == ["S2"]
    assert "meaningful_engagement is unknown" in meaningful.trace[0].explanation


def test_the_rule_set_lists_s1_and_s2() -> None:
    assert [r.id for r in SCOPE_RULES] == ["S1", "S2"]
    assert SCOPE_RULES.facts == ("initiated_by", "engaged_stages", "meaningful_engagement")
