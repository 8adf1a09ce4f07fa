"""Counts, order, numbering, citations and look-ups of every part of the catalogue."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path

import attrs
import pytest

import copenhagen.framework as fw
from copenhagen.framework import (
    Actor,
    CatalogueItem,
    CatalogueMember,
    Modality,
    NSOCategory,
    Objective,
    ParticipationAspect,
    ParticipationDimension,
    Principle,
    Stage,
    catalogue,
    catalogue_part,
    catalogue_parts,
    is_anchor,
)

ROOT = Path(__file__).resolve().parents[2]
ALL_ITEMS = [(part.name, item) for part in catalogue_parts() for item in part.items]
ENUMS: list[type[Enum]] = sorted(
    {type(item) for _, item in ALL_ITEMS if isinstance(item, Enum)},
    key=lambda e: e.__name__,
)

EXPECTED_COUNTS = {
    "impacts": 5,
    "challenges": 4,
    "framework_aims": 5,
    "sections": 11,
    "boxes": 2,
    "tables": 1,
    "footnotes": 10,
    "key_terms": 3,
    "contribution_types": 2,
    "definition": 1,
    "participation_dimensions": 2,
    "participation_aspects": 8,
    "stages": 6,
    "design_elements": 4,
    "gsbpm_phases": 8,
    "gsbpm_subprocesses": 44,
    "objectives": 8,
    "actors": 9,
    "modalities": 5,
    "out_of_scope": 1,
    "modality_groups": 2,
    "table_1_columns": 3,
    "table_1": 15,
    "principles": 13,
    "principles_implementation": 1,
    "external_standards": 3,
    "nso_categories": 3,
    "nso_roles": 4,
    "nso_gains": 2,
    "enabling_elements": 8,
    "roadmap_areas": 6,
    "consultation_processes": 5,
}


def test_parts_and_counts() -> None:
    assert {name: len(items) for name, items in catalogue().items()} == EXPECTED_COUNTS
    assert list(catalogue()) == [p.name for p in catalogue_parts()]


@pytest.mark.parametrize(("part", "item"), ALL_ITEMS, ids=lambda x: getattr(x, "key", x))
def test_every_item_is_complete_and_cited(part: str, item: CatalogueItem) -> None:
    assert isinstance(item, CatalogueItem)
    assert item.key
    assert item.key == item.key.strip()
    assert item.title.strip()
    assert item.summary.strip()
    assert item.citations, f"{part}:{item.key} cites nothing"
    bad = [c for c in item.citations if not is_anchor(c)]
    assert not bad, f"{part}:{item.key} cites anchors the text lacks: {bad}"


def test_part_citations_are_anchors() -> None:
    for part in catalogue_parts():
        assert part.citations
        assert all(is_anchor(c) for c in part.citations), part.name


@pytest.mark.parametrize("part", [p.name for p in catalogue_parts()])
def test_keys_are_unique_within_a_part(part: str) -> None:
    keys = [item.key for item in catalogue()[part]]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_look_up_by_key_and_number(enum: type[Enum]) -> None:
    for member in enum:
        assert isinstance(member, CatalogueMember)
        assert type(member).from_key(member.key) is member
        if isinstance(member.value, str):
            assert member.key == member.value  # str enums: the key is the document value
        if member.number is not None:
            assert type(member).from_number(member.number) is member
    with pytest.raises(KeyError, match="allowed"):
        enum.from_key("no such key")  # type: ignore[attr-defined]
    with pytest.raises(KeyError, match="allowed"):
        enum.from_number(999)  # type: ignore[attr-defined]


def test_int_enum_numbers_are_their_values() -> None:
    for enum in (Modality, Principle, NSOCategory, fw.GSBPMPhase, fw.ContributionType):
        assert [m.number for m in enum] == [m.value for m in enum]


def test_numbering_follows_the_text() -> None:
    assert [s.number for s in Stage] == [1, 2, 3, 4, 5, 6]
    assert [g.number for g in fw.ModalityGroup] == [1, 2]
    assert [c.number for c in fw.Table1Column] == [1, 2, 3]
    # Bullets in the text are not numbered: no invented numbers.
    assert all(o.number is None for o in Objective)
    assert all(a.number is None for a in fw.RoadmapArea)
    for unnumbered in (fw.Impact, fw.Challenge, fw.NSOGain, fw.ConsultationProcess):
        assert all(m.number is None for m in unnumbered)
    assert all(e.number is None for e in fw.EnablingElement)


def test_lookup_error_lists_allowed_values() -> None:
    with pytest.raises(KeyError, match="design, collection, processing"):
        Stage.from_key("Design")
    with pytest.raises(KeyError, match="not numbered"):
        Objective.from_number(1)
    with pytest.raises(KeyError, match="allowed: 1, 2, 3"):
        NSOCategory.from_number(True)


def test_catalogue_part_lookup() -> None:
    assert catalogue_part("stages").items == tuple(Stage)
    with pytest.raises(KeyError, match="stages"):
        catalogue_part("stage")


def test_catalogue_is_read_only() -> None:
    registry = catalogue()
    with pytest.raises(TypeError):
        registry["stages"] = ()  # type: ignore[index]
    assert catalogue() is registry


def test_entries_are_frozen() -> None:
    for _, item in ALL_ITEMS:
        target = item.entry if isinstance(item, CatalogueMember) else item
        assert attrs.has(type(target))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            target.title = "changed"  # type: ignore[misc]


def test_members_keep_identity_hashing() -> None:
    for enum in ENUMS:
        for member in enum:
            assert hash(member) == object.__hash__(member)


def test_members_expose_their_entry_fields() -> None:
    p = Principle.INFORMED_CONSENT
    assert (p.title, p.summary, p.citations, p.key, p.number) == (
        p.entry.title,
        p.entry.summary,
        p.entry.citations,
        "informed_consent",
        4,
    )
    assert Stage.DESIGN.title == "Design"  # the property, not str.title


def test_participation_entries() -> None:
    assert [a.dimension for a in ParticipationAspect].count(ParticipationDimension.DEGREE) == 5
    assert all("para 11" in a.citations for a in ParticipationAspect)
    assert all("para 11" in d.citations for d in ParticipationDimension)


def test_actor_entries_cite_the_text() -> None:
    assert "Box 1" in Actor.CITIZENS.citations
    assert all(a.entry.key == a.value for a in Actor)


def test_contract_enum_names() -> None:
    script = ROOT.parent / "shared" / "spec" / "check_contract_names.py"
    if not script.is_file():
        pytest.skip(f"contract checker not found at {script}")
    result = subprocess.run(
        [sys.executable, str(script), "--enums"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "contract names: ok" in result.stdout
