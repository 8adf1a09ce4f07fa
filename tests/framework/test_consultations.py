from __future__ import annotations

from copenhagen.framework import ANNEX, ConsultationProcess, catalogue_part, is_anchor


def test_the_annex_lists_five_lettered_meetings_in_order() -> None:
    assert [c.letter for c in ConsultationProcess] == ["a", "b", "c", "d", "e"]
    assert [c.date for c in ConsultationProcess] == [
        "November 2022",
        "March 2023",
        "September 2023",
        "March 2024",
        "July 2024",
    ]
    assert catalogue_part("consultation_processes").items == tuple(ConsultationProcess)


def test_each_meeting_cites_the_annex_and_its_sources() -> None:
    assert is_anchor(ANNEX)
    for process in ConsultationProcess:
        assert process.citations[0] == ANNEX
        assert all(is_anchor(c) for c in process.citations)
    # The footnotes that source each meeting (footnotes 5-10 belong to the annex).
    assert "footnote 6" in ConsultationProcess.EXPERT_MEETING_2022.citations
    assert "footnote 8" in ConsultationProcess.STATISTICAL_COMMISSION_54.citations
    assert "footnote 9" in ConsultationProcess.EXPERT_MEETING_2023.citations
    assert "footnote 10" in ConsultationProcess.EXPERT_MEETING_2024.citations


def test_the_2022_meeting_named_the_three_categories_of_para_32() -> None:
    summary = ConsultationProcess.EXPERT_MEETING_2022.summary
    for words in ("integrated into official statistics", "quality-assured", "independent"):
        assert words in summary
