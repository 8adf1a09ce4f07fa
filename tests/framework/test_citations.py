from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen.framework import ANCHORS, Citation, is_anchor, parse_citation


def test_anchor_index_matches_the_text() -> None:
    assert len(ANCHORS) == 45 + 2 + 1 + 10 + 1
    assert {
        "Annex",
        "para 1",
        "para 45",
        "Box 1",
        "Box 2",
        "Table 1",
        "footnote 1",
        "footnote 10",
    } <= ANCHORS
    assert not {"para 0", "para 46", "Box 3", "Table 2", "footnote 11", "annex"} & ANCHORS


@pytest.mark.parametrize(
    "text",
    [
        "para 15",
        "Box 2",
        "Table 1",
        "footnote 4",
        "paras 10-11",
        "paras 32-34",
        "paras 20, 27",
        "paras 19-20, 27",
    ],
)
def test_valid_citations(text: str) -> None:
    assert is_anchor(text)


@pytest.mark.parametrize(
    "text",
    [
        "para 0",
        "para 46",
        "paras 11-10",
        "paras 44-46",
        "Para 15",
        "para15",
        "paragraph 3",
        "Box 3",
        "table 1",
        "footnote 0",
        "footnote 11",
        "",
        "paras 10",
        "paras 10-10",
        "para 1-2",
    ],
)
def test_invalid_citations(text: str) -> None:
    assert not is_anchor(text)
    with pytest.raises(ValueError, match=r"para|citation"):
        parse_citation(text)


def test_parse_expands_ranges_and_lists() -> None:
    assert parse_citation("paras 32-34") == Citation(
        "paras 32-34", ("para 32", "para 33", "para 34")
    )
    assert parse_citation("paras 19-20, 27").paragraphs == (19, 20, 27)
    assert parse_citation("Box 1").paragraphs == ()


@given(st.integers(1, 45), st.integers(1, 45))
def test_any_upward_range_inside_the_text_is_an_anchor(a: int, b: int) -> None:
    first, last = sorted((a, b))
    text = f"para {first}" if first == last else f"paras {first}-{last}"
    assert is_anchor(text)
    assert parse_citation(text).paragraphs == tuple(range(first, last + 1))


@given(st.integers().filter(lambda n: not 1 <= n <= 45))
def test_paragraphs_outside_the_text_are_rejected(n: int) -> None:
    assert not is_anchor(f"para {n}")
    assert not is_anchor(f"paras 1-{n}")
