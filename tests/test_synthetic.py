"""The seeded registry generator: deterministic, valid, and a realistic mix."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from copenhagen import Actor
from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.synthetic import realistic_documents, realistic_initiatives


def test_the_same_seed_gives_the_same_documents() -> None:
    assert list(realistic_documents(300, seed=5)) == list(realistic_documents(300, seed=5))
    assert list(realistic_initiatives(100, seed=5)) == list(realistic_initiatives(100, seed=5))
    assert list(realistic_documents(50, seed=1)) != list(realistic_documents(50, seed=2))


def test_names_and_counts() -> None:
    docs = list(realistic_documents(42))
    assert len(docs) == 42
    assert docs[0]["name"] == "Initiative 00001"
    assert docs[-1]["name"] == "Initiative 00042"
    assert list(realistic_documents(0)) == []


def test_documents_load_to_the_initiatives_built_directly() -> None:
    documents = pytest.importorskip("copenhagen.documents")
    docs = realistic_documents(2_000, seed=7)
    built = realistic_initiatives(2_000, seed=7)
    for doc, initiative in zip(docs, built, strict=True):
        assert documents.load_initiative(doc) == initiative


def test_the_mix_is_mostly_citizen_side_and_academia_with_unknowns() -> None:
    initiatives = list(realistic_initiatives(5_000, seed=0))
    starters = Counter(
        "citizen"
        if i.initiated_by & CITIZEN_SIDE
        else "academia"
        if Actor.ACADEMIA in i.initiated_by
        else "state or other"
        for i in initiatives
    )
    assert starters["citizen"] > 0.55 * len(initiatives)
    assert starters["academia"] > 0.05 * len(initiatives)
    assert starters["state or other"] > 0.1 * len(initiatives)
    assert any(i.engaged_stages is None for i in initiatives)
    assert any(i.engaged_stages == frozenset() for i in initiatives)
    assert any(i.quality_assured is None for i in initiatives)
    assert any(i.principles for i in initiatives)
    assert any(i.practices for i in initiatives)
    assert any(i.participation for i in initiatives)
    assert any(i.funders for i in initiatives)


def test_documents_are_plain_data_with_only_contract_keys() -> None:
    allowed = {
        "name", "initiated_by", "partners", "funders", "objectives", "engaged_stages",
        "meaningful_engagement", "integrated_into_official_statistics", "quality_assured",
        "principles", "description", "country", "extra", "practices", "participation",
    }  # fmt: skip
    for doc in itertools.islice(realistic_documents(1_000, seed=9), 1_000):
        assert set(doc) <= allowed
        assert doc["initiated_by"]
        assert all(isinstance(v, list) for k, v in doc.items() if k in {"partners", "funders"})
