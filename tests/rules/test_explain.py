"""Plain-language explanations: short by default, every rule on request."""

from __future__ import annotations

import pytest

from copenhagen import Actor, Stage, classify_modality, classify_nso_category
from copenhagen.rules import (
    MODALITY_RULES,
    NSO_CATEGORY_RULES,
    StepKind,
    explain,
    full_trace,
)

from ._helpers import make


def test_short_explanation_of_a_decision_gives_the_deciding_step() -> None:
    text = explain(classify_modality(make(Actor.CSO, partners=[Actor.NSO])))
    assert text.splitlines() == [
        "Outcome: civic-driven collaboration",
        "- M2 (para 15): initiated_by lists only citizen-side actors (cso) and partners "
        "include nso, not citizen-side, so it is civic-driven collaboration.",
    ]


def test_undecided_decision_says_what_is_missing() -> None:
    text = explain(classify_nso_category(make(Actor.CSO)))
    assert text.startswith(
        "Outcome: not determinate yet; missing: "
        "integrated_into_official_statistics and quality_assured"
    )
    assert "- C4 (para 32): The known facts do not settle the NSO category" in text


def test_full_explanation_of_an_initiative_shows_rules_that_did_not_apply() -> None:
    initiative = make(Actor.NSO, engaged_stages=[Stage.COLLECTION], meaningful_engagement=True)
    short = explain(initiative)
    full = explain(initiative, full=True)
    assert "M1" not in short
    assert "Not civic action" not in short
    assert "- M1 (para 15): Not civic action: initiated_by includes nso, not citizen-side." in full
    assert "Modality: NSO-driven collaboration" in full
    assert "Scope: in scope" in short


def test_warnings_are_shown() -> None:
    initiative = make(Actor.CSO, integrated_into_official_statistics=True, quality_assured=False)
    assert "! The data are integrated" in explain(classify_nso_category(initiative))
    assert "! The data are integrated" in explain(initiative, full=True)


def test_full_is_refused_for_a_decision() -> None:
    with pytest.raises(ValueError, match="deciding steps"):
        explain(classify_modality(make(Actor.CSO)), full=True)


def test_full_trace_lists_every_rule_tried_in_order() -> None:
    initiative = make(Actor.ACADEMIA, engaged_stages=[Stage.DESIGN], meaningful_engagement=True)
    steps = full_trace(initiative, MODALITY_RULES)
    assert [s.rule for s in steps] == ["M1", "M2", "M3", "M4", "M5", "M6"]
    kinds = MODALITY_RULES.evaluation(MODALITY_RULES.facts_of(initiative)).kinds
    assert kinds == (StepKind.NOT_APPLIED,) * 5 + (StepKind.APPLIED,)
    assert steps[-1] == classify_modality(initiative).trace[-1]


def test_full_trace_of_an_undecided_category() -> None:
    steps = full_trace(make(Actor.ACADEMIA), NSO_CATEGORY_RULES)
    assert [s.rule for s in steps] == ["C0", "C1", "C2", "C3", "C4"]
    assert "scope is not yet settled" in steps[0].explanation
