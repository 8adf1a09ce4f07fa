from __future__ import annotations

import pytest

from copenhagen.framework import FRAMEWORK, FrameworkAim


def test_identity() -> None:
    assert FRAMEWORK.title == "The Copenhagen Framework on Citizen Data"
    assert FRAMEWORK.version == "1.0"
    assert FRAMEWORK.publisher == "Collaborative on Citizen Data"
    assert FRAMEWORK.paragraphs == 45
    assert [b.citations for b in FRAMEWORK.boxes] == [("Box 1",), ("Box 2",)]
    assert [t.citations for t in FRAMEWORK.tables] == [("Table 1",)]
    assert [f.number for f in FRAMEWORK.footnotes] == list(range(1, 11))


def test_paragraph_index_covers_every_paragraph_once_in_order() -> None:
    index = FRAMEWORK.paragraph_index()
    assert list(index) == list(range(1, 46))
    assert index[15].section_title == "Collaboration modality"
    assert index[17].chapter == "III"
    assert index[45].chapter == "VI"
    assert [s.chapter for s in FRAMEWORK.sections] == sorted(
        (s.chapter for s in FRAMEWORK.sections), key=["I", "II", "III", "IV", "V", "VI"].index
    )
    assert FRAMEWORK.section_of(33).title == "IV. The role of national statistical offices"
    with pytest.raises(KeyError, match="1-45"):
        FRAMEWORK.section_of(46)


def test_framework_aims() -> None:
    assert [a.letter for a in FrameworkAim] == ["a", "b", "c", "d", "e"]
    assert all(a.citations == ("para 4",) for a in FrameworkAim)


def test_footnotes_holding_only_a_web_address_are_not_summarised() -> None:
    # Footnotes 9 and 10 hold a bare address; the summary says so and describes no page.
    for number in (9, 10):
        note = FRAMEWORK.footnotes[number - 1]
        assert note.summary.startswith("A web address only"), number
        assert "page" not in note.summary
