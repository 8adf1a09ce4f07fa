from __future__ import annotations

from copenhagen import Principle
from copenhagen.framework import Practice
from copenhagen.framework.citations import is_anchor
from copenhagen.principles import practices_of
from tests.principles.textcheck import copied_runs


def test_every_practice_has_a_cited_entry_and_a_principle() -> None:
    for practice in Practice:
        entry = practice.entry
        assert entry.key == practice.value
        assert entry.number is None
        assert entry.title
        assert entry.summary.endswith(".")
        assert entry.citations
        assert all(is_anchor(c) for c in entry.citations)
        assert isinstance(practice.principle, Principle)


def test_every_principle_has_at_least_one_practice() -> None:
    assert {p.principle for p in Practice} == set(Principle)
    assert sum(len(practices_of(p)) for p in Principle) == len(Practice)
    for p in Principle:
        assert all(x.principle is p for x in practices_of(p))


def test_examples_from_the_issue() -> None:
    assert Practice.CONSENT_BEFORE_COLLECTION.principle is Principle.INFORMED_CONSENT
    assert "para 22" in Practice.CONSENT_BEFORE_COLLECTION.citations
    assert Practice.DATA_SHARING_AGREEMENT.principle is Principle.DATA_SECURITY
    assert Practice.METADATA_PUBLISHED.principle is Principle.TRANSPARENCY
    assert Practice.PARADATA_PUBLISHED.principle is Principle.TRANSPARENCY


def test_practice_texts_are_our_own_words(framework_text: str) -> None:
    for practice in Practice:
        assert not copied_runs(practice.title, framework_text), practice
        assert not copied_runs(practice.summary, framework_text), practice
