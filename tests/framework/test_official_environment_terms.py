from __future__ import annotations

from copenhagen.framework import (
    CITIZEN_DATA_SYNONYMS,
    OPERATIONAL_DEFINITION,
    ContributionType,
    EnablingElement,
    KeyTerm,
    NSOCategory,
    NSORole,
    RoadmapArea,
)


def test_nso_categories_and_roles() -> None:
    assert [c.number for c in NSOCategory] == [1, 2, 3]
    assert all(c.nso_relevance for c in NSOCategory)
    assert all("para 33" in c.citations for c in NSOCategory)
    # Para 33: categories 1 and 2 are linked to official statistics, 3 is supported more loosely.
    assert NSOCategory.INTEGRATED.nso_relevance == NSOCategory.COMPLEMENTARY.nso_relevance
    assert NSOCategory.INDEPENDENT.nso_relevance != NSOCategory.INTEGRATED.nso_relevance
    assert [r.letter for r in NSORole] == ["a", "b", "c", "d"]
    assert all(r.citations == ("para 34",) for r in NSORole)


def test_enabling_elements_one_paragraph_each() -> None:
    assert [e.paragraph for e in EnablingElement] == list(range(37, 45))
    for e in EnablingElement:
        assert f"para {e.paragraph}" in e.citations


def test_para_43_gap_is_recorded_not_filled() -> None:
    gaps = {e: e.gap for e in EnablingElement if e.gap is not None}
    assert list(gaps) == [EnablingElement.QUALITY_ASSURANCE]
    assert "43" in gaps[EnablingElement.QUALITY_ASSURANCE]


def test_roadmap_areas() -> None:
    assert len(RoadmapArea) == 6
    assert all(a.citations == ("para 45",) for a in RoadmapArea)


def test_key_terms_and_definition() -> None:
    assert [t.value for t in KeyTerm] == ["citizen", "citizen_data", "national_data_ecosystem"]
    assert all("Box 1" in t.citations for t in KeyTerm)
    assert len(CITIZEN_DATA_SYNONYMS) == 12
    assert list(CITIZEN_DATA_SYNONYMS) == sorted(CITIZEN_DATA_SYNONYMS)
    assert {"citizen science", "crowdsourcing", "participatory mapping"} <= set(
        CITIZEN_DATA_SYNONYMS
    )
    assert "Box 2" in OPERATIONAL_DEFINITION.citations


def test_contribution_types() -> None:
    assert [c.number for c in ContributionType] == [1, 2]
    assert [c.is_focus for c in ContributionType] == [True, False]
    assert all("para 9" in c.citations for c in ContributionType)


def test_citizen_is_not_glossed_as_anyone_living_in_a_country() -> None:
    # Box 1 reads "citizen" broadly by naming refugees, migrants, stateless people and other
    # marginalised groups; it does not say that anyone living in a country counts.
    summary = KeyTerm.CITIZEN.summary
    assert "anyone living" not in summary
    for group in ("Refugees", "asylum seekers", "migrants", "stateless"):
        assert group in summary


def test_nso_relevance_says_guided_by() -> None:
    for category in NSOCategory:
        assert "bound by" not in category.nso_relevance
    assert "as their guide" in NSOCategory.INTEGRATED.nso_relevance


def test_para_35_gains_for_nsos_are_catalogued() -> None:
    from copenhagen.framework import NSOGain, catalogue_part

    assert [g.key for g in NSOGain] == ["inclusive_collections", "stronger_stewardship"]
    assert all("para 35" in g.citations for g in NSOGain)
    assert "censuses and surveys" in NSOGain.INCLUSIVE_COLLECTIONS.summary
    assert "steward" in NSOGain.STRONGER_STEWARDSHIP.summary
    assert catalogue_part("nso_gains").items == tuple(NSOGain)
