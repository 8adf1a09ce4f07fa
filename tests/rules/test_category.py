"""NSO category rules C0-C4 (paras 32-33), one test per rule and case."""

from __future__ import annotations

from copenhagen import Actor, NSOCategory, Stage, classify_nso_category
from copenhagen.rules import NSO_CATEGORY_RULES

from ._helpers import make


def test_c0_out_of_scope_has_no_category_whatever_else_is_known() -> None:
    decision = classify_nso_category(
        make(Actor.NSO, engaged_stages=[], integrated_into_official_statistics=True)
    )
    assert (decision.outcome, decision.determinate, decision.missing) == (None, True, ())
    assert [s.rule for s in decision.trace] == ["C0"]


def test_c1_integrated_into_official_statistics() -> None:
    # para 32 category 1.
    decision = classify_nso_category(
        make(Actor.CSO, integrated_into_official_statistics=True, quality_assured=True)
    )
    assert decision.outcome is NSOCategory.INTEGRATED
    assert decision.warnings == ()
    assert [s.rule for s in decision.trace] == ["C1"]


def test_c1_warns_when_integrated_data_are_not_quality_assured() -> None:
    decision = classify_nso_category(
        make(Actor.CSO, integrated_into_official_statistics=True, quality_assured=False)
    )
    assert decision.outcome is NSOCategory.INTEGRATED
    assert len(decision.warnings) == 1
    assert "not quality assured" in decision.warnings[0]


def test_c1_does_not_need_quality_assurance_to_be_known() -> None:
    decision = classify_nso_category(make(Actor.CSO, integrated_into_official_statistics=True))
    assert decision.determinate
    assert decision.warnings == ()


def test_c2_quality_assured_complementary_data() -> None:
    # para 32 category 2.
    decision = classify_nso_category(
        make(Actor.COMMUNITY, integrated_into_official_statistics=False, quality_assured=True)
    )
    assert decision.outcome is NSOCategory.COMPLEMENTARY
    assert [s.rule for s in decision.trace] == ["C2"]


def test_c3_independent_data() -> None:
    # para 32 category 3: community efforts that stay outside official data.
    decision = classify_nso_category(
        make(Actor.COMMUNITY, integrated_into_official_statistics=False, quality_assured=False)
    )
    assert decision.outcome is NSOCategory.INDEPENDENT
    assert [s.rule for s in decision.trace] == ["C3"]


def test_c4_names_the_unknown_keys_that_decide() -> None:
    both = classify_nso_category(make(Actor.CSO))
    assert both.missing == ("integrated_into_official_statistics", "quality_assured")
    assert both.trace[-1].rule == "C4"
    assert "it depends on integrated_into_official_statistics and quality_assured" in (
        both.trace[-1].explanation
    )
    integrated = classify_nso_category(make(Actor.CSO, quality_assured=True))
    assert integrated.missing == ("integrated_into_official_statistics",)
    assured = classify_nso_category(make(Actor.CSO, integrated_into_official_statistics=False))
    assert assured.missing == ("quality_assured",)


def test_undecided_scope_adds_its_keys_to_the_category_missing() -> None:
    # Scope needs engaged_stages; the category then still needs quality_assured.
    decision = classify_nso_category(
        make(Actor.NSO, meaningful_engagement=True, integrated_into_official_statistics=False)
    )
    assert decision.missing == ("engaged_stages", "quality_assured")
    assert decision.trace[0].rule == "C0"
    # With the category's own facts known, only scope's keys are missing.
    known = classify_nso_category(make(Actor.NSO, integrated_into_official_statistics=True))
    assert known.missing == ("engaged_stages", "meaningful_engagement")
    # Everything unknown: all four keys.
    unknown = classify_nso_category(make(Actor.ACADEMIA))
    assert unknown.missing == (
        "engaged_stages",
        "meaningful_engagement",
        "integrated_into_official_statistics",
        "quality_assured",
    )


def test_in_scope_by_engagement_then_categorised() -> None:
    decision = classify_nso_category(
        make(
            Actor.NSO,
            engaged_stages=[Stage.REVIEW],
            meaningful_engagement=True,
            integrated_into_official_statistics=True,
        )
    )
    assert decision.outcome is NSOCategory.INTEGRATED


def test_the_rule_set_lists_c0_to_c4() -> None:
    assert [r.id for r in NSO_CATEGORY_RULES] == ["C0", "C1", "C2", "C3", "C4"]
