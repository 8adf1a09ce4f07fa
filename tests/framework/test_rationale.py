from __future__ import annotations

from copenhagen.framework import Challenge, Impact, catalogue_part


def test_para_1_names_five_impacts_in_order() -> None:
    assert [i.key for i in Impact] == [
        "empowering_communities",
        "respecting_marginalised_voices",
        "expanding_data_production",
        "addressing_intersectional_marginalisation",
        "holding_institutions_accountable",
    ]
    assert all(i.citations == ("para 1",) for i in Impact)
    assert catalogue_part("impacts").items == tuple(Impact)


def test_para_3_names_four_challenges_in_order() -> None:
    assert [c.key for c in Challenge] == [
        "trust_and_engagement",
        "data_quality",
        "knowledge_and_capacity",
        "sustainability",
    ]
    assert all(c.citations == ("para 3",) for c in Challenge)
    assert "non-state actors" in Challenge.DATA_QUALITY.summary
    assert catalogue_part("challenges").citations == ("para 3",)
