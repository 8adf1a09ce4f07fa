"""NSO category rules C0-C4 (paras 32-33): the wording of their traces.

The outcomes, missing keys and deciding rules of each rule and situation are cases in
tests/cases/nso-category.cases.yaml (collected by the package's pytest plugin).
"""

from __future__ import annotations

from copenhagen import Actor, classify_nso_category
from copenhagen.rules import NSO_CATEGORY_RULES

from ._helpers import make


def test_c4_names_the_unknown_keys_that_decide() -> None:
    both = classify_nso_category(make(Actor.CSO))
    assert both.trace[-1].rule == "C4"
    assert "it depends on integrated_into_official_statistics and quality_assured" in (
        both.trace[-1].explanation
    )


def test_undecided_scope_is_the_first_step() -> None:
    decision = classify_nso_category(
        make(Actor.NSO, meaningful_engagement=True, integrated_into_official_statistics=False)
    )
    assert decision.trace[0].rule == "C0"


def test_the_rule_set_lists_c0_to_c4() -> None:
    assert [r.id for r in NSO_CATEGORY_RULES] == ["C0", "C1", "C2", "C3", "C4"]
