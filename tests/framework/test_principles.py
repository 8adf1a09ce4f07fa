from __future__ import annotations

from copenhagen.framework import ExternalStandard, Principle

IMPLEMENTATION = {
    1: ("para 19", "para 20"),
    2: ("para 20",),
    3: ("para 21",),
    4: ("para 22", "para 27"),
    5: ("para 23",),
    6: ("para 24",),
    7: ("para 25",),
    8: ("para 26",),
    9: ("para 27",),
    10: ("para 28",),
    11: ("para 29",),
    12: ("para 30",),
    13: ("para 31",),
}


def test_thirteen_principles_in_order() -> None:
    assert [p.number for p in Principle] == list(range(1, 14))
    assert Principle.SELF_IDENTIFICATION.title == "Self-definition and self-identification"
    assert Principle.CONFIDENTIALITY.title == "Confidentiality, privacy and data attribution"


def test_statement_and_implementation_are_cited() -> None:
    for p in Principle:
        assert p.statement
        assert p.implementation
        assert p.implementation_citations == IMPLEMENTATION[p.value]
        assert p.citations == ("para 17", *IMPLEMENTATION[p.value])


def test_standards() -> None:
    for p in Principle:
        assert ExternalStandard.FPOS in p.standards
        assert ExternalStandard.HRBA in p.standards
        assert (ExternalStandard.NQAF in p.standards) == (p is Principle.PROFESSIONAL_STANDARDS)
    assert "para 23" in ExternalStandard.NQAF.citations
    assert "para 17" in ExternalStandard.HRBA.citations


def test_principle_keys_are_the_keys_results_use() -> None:
    from copenhagen import Actor, Initiative, assess
    from copenhagen.framework.principles import PRINCIPLE_KEYS

    assert tuple(p.name.lower() for p in Principle) == PRINCIPLE_KEYS
    result = assess(Initiative(name="x", initiated_by={Actor.CSO})).to_dict()
    assert tuple(result["principles"]) == PRINCIPLE_KEYS


def test_participation_includes_the_marginalised_without_ranking_them() -> None:
    # Para 17: all groups of interest, "including" the vulnerable and marginalised.
    for text in (Principle.PARTICIPATION_AND_INCLUSION.summary,):
        assert "above all" not in text
        assert "included" in text


def test_accountability_applies_whether_or_not_rules_exist() -> None:
    # Para 29: irrespective of whether national protection regulations are in place.
    assert "whether or not" in Principle.ACCOUNTABILITY.implementation


def test_para_18_note_links_to_chapter_v_not_iv() -> None:
    # Para 18 says "chapter IV"; the enabling environment is chapter V (register CAT-11).
    from copenhagen.framework import FRAMEWORK, PRINCIPLES_IMPLEMENTATION, parse_citation

    cited = [n for c in PRINCIPLES_IMPLEMENTATION.citations for n in parse_citation(c).paragraphs]
    assert 18 in cited
    chapters = {FRAMEWORK.section_of(n).chapter for n in cited if n != 18}
    assert chapters == {"V"}
    assert "chapter V" in PRINCIPLES_IMPLEMENTATION.summary
