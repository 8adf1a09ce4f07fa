"""Scope rules S1-S2 (Box 2, paras 9-11, 15), one test per rule and case."""

from __future__ import annotations

import pytest
from hypothesis import given

from copenhagen import (
    Actor,
    Initiative,
    Modality,
    Scope,
    Stage,
    assess,
    assess_scope,
    classify_modality,
)
from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.framework.terms import ContributionType
from copenhagen.rules import SCOPE_RULES
from copenhagen.strategies import initiatives

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
    # Answering a census or survey is not taking an active part in a stage (contract section 2's
    # reading of engaged_stages), so no stage is engaged.
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
    # The partners are read only by S2's warning about partners taking part in no stage.
    assert SCOPE_RULES.facts == (
        "initiated_by",
        "partners",
        "engaged_stages",
        "meaningful_engagement",
    )
    assert SCOPE_RULES.rule("S1").facts == (
        "initiated_by",
        "engaged_stages",
        "meaningful_engagement",
    )


# --- Warnings: the document's own facts that the decision does not follow (RULE-9, RULE-10) ---

S1_STAGES = "engaged_stages is given as an empty list"
S1_MEANINGFUL = "meaningful_engagement is given as false"
IDLE_PARTNERS = "partners include citizen-side actors, yet engaged_stages is an empty list"
SECOND_TYPE = "para 9's second type of citizen contribution"


def _texts(rule_id: str) -> list[str]:
    return [w.text for w in SCOPE_RULES.rule(rule_id).warnings]


def _has(decision_warnings: tuple[str, ...], part: str) -> bool:
    return any(part in w for w in decision_warnings)


def test_the_warnings_are_the_rules_own() -> None:
    # Written as warnings of the rule that concludes, on the engine, not as code beside it.
    assert [t.split(",")[0] for t in _texts("S1")] == [S1_STAGES, S1_MEANINGFUL]
    assert any(SECOND_TYPE in t for t in _texts("S2"))
    assert any(t.startswith(IDLE_PARTNERS) for t in _texts("S2"))


def test_s1_warns_when_it_overrules_an_empty_stage_list() -> None:
    decision = assess_scope(make(Actor.CSO, engaged_stages=[]))
    assert decision.outcome is Scope.IN_SCOPE  # S1 is kept (contract section 3)
    (warning,) = decision.warnings
    assert warning.startswith(S1_STAGES)
    assert "Box 2" in warning
    assert "rule P1" in warning


def test_s1_warns_when_it_overrules_engagement_declared_not_meaningful() -> None:
    decision = assess_scope(make(Actor.COMMUNITY, meaningful_engagement=False))
    assert decision.outcome is Scope.IN_SCOPE
    (warning,) = decision.warnings
    assert warning.startswith(S1_MEANINGFUL)
    assert "Box 2" in warning


def test_s1_warns_of_both_facts_it_overrules() -> None:
    decision = assess_scope(make(Actor.CSO, engaged_stages=[], meaningful_engagement=False))
    assert [w.split(",")[0] for w in decision.warnings] == [S1_STAGES, S1_MEANINGFUL]
    result = assess(make(Actor.CSO, engaged_stages=[], meaningful_engagement=False))
    assert list(result.to_dict()["scope"]["warnings"]) == list(decision.warnings)
    assert all(w in result.warnings for w in decision.warnings)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"engaged_stages": [Stage.COLLECTION]},
        {"engaged_stages": [Stage.DESIGN], "meaningful_engagement": True},
    ],
)
def test_s1_is_silent_when_nothing_is_overruled(fields: dict[str, object]) -> None:
    assert assess_scope(make(Actor.CSO, **fields)).warnings == ()


@pytest.mark.parametrize("partner", sorted(CITIZEN_SIDE))
def test_s2_warns_when_citizen_side_partners_take_part_in_no_stage(partner: Actor) -> None:
    decision = assess_scope(make(Actor.NSO, partners=[partner], engaged_stages=[]))
    assert decision.outcome is Scope.OUT_OF_SCOPE
    (warning,) = decision.warnings
    assert warning.startswith(IDLE_PARTNERS)


@pytest.mark.parametrize(
    "fields",
    [
        {"partners": [Actor.ACADEMIA], "engaged_stages": []},  # no citizen-side partner
        {"partners": [Actor.CSO], "engaged_stages": [Stage.DESIGN]},  # they take part
        {"partners": [Actor.CSO]},  # the stages are unknown: nothing to contradict
    ],
)
def test_s2_is_silent_about_partners_otherwise(fields: dict[str, object]) -> None:
    assert not _has(assess_scope(make(Actor.STATE, **fields)).warnings, IDLE_PARTNERS)


def test_s1_never_warns_about_partners() -> None:
    # A citizen-side initiator is in scope by initiating; its partners are not in question.
    decision = assess_scope(make(Actor.CSO, partners=[Actor.COMMUNITY], engaged_stages=[]))
    assert not _has(decision.warnings, IDLE_PARTNERS)


def test_s2_names_para_9_s_second_type_when_citizens_only_collect_for_the_nso() -> None:
    initiative = make(
        Actor.NSO,
        partners=[Actor.CSO],
        engaged_stages=[Stage.COLLECTION],
        meaningful_engagement=True,
    )
    decision = assess_scope(initiative)
    assert decision.outcome is Scope.IN_SCOPE  # S2 is kept: a warning, not a new outcome
    (warning,) = decision.warnings
    second = ContributionType.SUPPORT_TO_OFFICIAL_STATISTICS
    assert not second.is_focus
    assert f"para 9's {second.ordinal} type" in warning
    assert second.title.lower() in warning
    # The modality is still NSO-driven (M5), and carries no second copy of the warning.
    modality = classify_modality(initiative)
    assert modality.outcome is Modality.NSO_DRIVEN_COLLABORATION
    assert modality.warnings == ()


@pytest.mark.parametrize(
    ("initiators", "fields"),
    [
        ((Actor.NSO,), {"engaged_stages": [Stage.COLLECTION, Stage.ANALYSIS]}),
        ((Actor.NSO,), {"engaged_stages": [Stage.DESIGN]}),
        ((Actor.STATE,), {"engaged_stages": [Stage.COLLECTION]}),
        ((Actor.ACADEMIA,), {"engaged_stages": [Stage.COLLECTION]}),
        ((Actor.NSO, Actor.CSO), {"engaged_stages": [Stage.COLLECTION]}),  # jointly initiated
        ((Actor.NSO,), {"engaged_stages": [Stage.COLLECTION], "meaningful_engagement": False}),
        ((Actor.NSO,), {"engaged_stages": [Stage.COLLECTION], "meaningful_engagement": None}),
    ],
)
def test_the_second_type_warning_needs_the_nso_collection_only_and_in_scope(
    initiators: tuple[Actor, ...], fields: dict[str, object]
) -> None:
    fields.setdefault("meaningful_engagement", True)
    assert not _has(assess_scope(make(*initiators, **fields)).warnings, SECOND_TYPE)


@given(initiatives())
def test_scope_warnings_follow_their_facts(initiative: Initiative) -> None:
    decision = assess_scope(initiative)
    warnings = decision.warnings
    citizen = bool(initiative.initiated_by & CITIZEN_SIDE)
    stages, meaningful = initiative.engaged_stages, initiative.meaningful_engagement
    assert _has(warnings, S1_STAGES) == (citizen and stages == frozenset())
    assert _has(warnings, S1_MEANINGFUL) == (citizen and meaningful is False)
    idle = not citizen and bool(initiative.partners & CITIZEN_SIDE) and stages == frozenset()
    assert _has(warnings, IDLE_PARTNERS) == idle
    second = (
        not citizen
        and Actor.NSO in initiative.initiated_by
        and stages == frozenset({Stage.COLLECTION})
        and meaningful is True
    )
    assert _has(warnings, SECOND_TYPE) == second
