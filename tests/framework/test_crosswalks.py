"""The crosswalks: cited, well-formed links in contract section 8's form, and nothing invented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from copenhagen.framework import GSBPM_SUBPROCESSES, GSBPMPhase, Principle, Stage
from copenhagen.framework.citations import is_anchor
from copenhagen.framework.crosswalks import (
    CROSSWALK_NAMES,
    CROSSWALKS,
    Crosswalk,
    Strength,
    crosswalk,
    crosswalk_links,
)

ROOT = Path(__file__).resolve().parents[2]
REGISTER = (ROOT / "docs/register/crosswalks.md").read_text(encoding="utf-8")
ALL = pytest.mark.parametrize("walk", CROSSWALKS, ids=lambda w: w.name)

# Contract section 8: the form of "to" in each crosswalk.
TO_FORM = {
    "fpos": re.compile(r"[1-9]|10"),
    "hrbad": re.compile(r"[a-z]+(_[a-z]+)*"),
    "care": re.compile(r"[CARE][1-3]"),
    "gsbpm": re.compile(r"[1-8]\.[1-9]"),
}


def test_the_four_crosswalks_of_contract_section_8() -> None:
    assert CROSSWALK_NAMES == ("fpos", "hrbad", "care", "gsbpm")
    assert [crosswalk(name).name for name in CROSSWALK_NAMES] == list(CROSSWALK_NAMES)


def test_an_unknown_crosswalk_names_the_allowed_ones() -> None:
    with pytest.raises(KeyError, match="allowed: fpos, hrbad, care, gsbpm"):
        crosswalk("sdmx")


@ALL
def test_json_form_is_contract_section_8s(walk: Crosswalk) -> None:
    rows = walk.to_list()
    assert rows
    for row in rows:
        assert list(row) == ["from", "to", "strength", "reason", "source"]
        assert all(isinstance(value, str) and value for value in row.values())
        assert TO_FORM[walk.name].fullmatch(row["to"]), row
        assert row["strength"] in {"equivalent", "overlaps", "related"}
    # The same bytes every time.
    assert json.dumps(rows) == json.dumps(crosswalk(walk.name).to_list())


@ALL
def test_from_is_a_principle_name_or_a_stage_value(walk: Crosswalk) -> None:
    allowed = (
        {s.value for s in Stage} if walk.name == "gsbpm" else {p.name.lower() for p in Principle}
    )
    assert {row["from"] for row in walk.to_list()} <= allowed
    kind = Stage if walk.name == "gsbpm" else Principle
    assert all(isinstance(link.member, kind) for link in walk.links)


@ALL
def test_every_link_is_cited_reasoned_and_sourced(walk: Crosswalk) -> None:
    for link in walk.links:
        assert link.citations, link
        assert all(is_anchor(c) for c in link.citations), link.citations
        assert link.reason.strip() == link.reason
        assert "\n" not in link.reason
        assert len(link.reason) <= 100, link.reason
        assert link.reason.endswith("."), link.reason
        assert link.item in walk.items
        assert link.item.source.startswith(walk.standard.document)
        assert walk.standard.address in link.item.source
    assert all(is_anchor(c) for c in walk.standard.citations)


@ALL
def test_no_pair_is_linked_twice_and_links_are_in_order(walk: Crosswalk) -> None:
    pairs = [(link.member, link.item.key) for link in walk.links]
    assert len(pairs) == len(set(pairs))
    members = [*Stage, *Principle]
    keys = [item.key for item in walk.items]
    order = [(members.index(m), keys.index(k)) for m, k in pairs]
    assert order == sorted(order)


@ALL
def test_register_entries_named_by_links_exist(walk: Crosswalk) -> None:
    for link in walk.links:
        if link.register is not None:
            assert f"## {link.register} " in REGISTER, link.register
    for entry in re.findall(r"^## (XW-\d+) ", REGISTER, flags=re.M):
        assert f"{{#{entry.lower()}}}" in REGISTER


def test_fpos_has_its_ten_principles() -> None:
    walk = crosswalk("fpos")
    assert [item.key for item in walk.items] == [str(n) for n in range(1, 11)]
    assert all(item.section == f"Principle {item.key}" for item in walk.items)
    assert "A/RES/68/261" in walk.standard.document


def test_hrbad_has_the_guidance_notes_six_components() -> None:
    walk = crosswalk("hrbad")
    assert [item.key for item in walk.items] == [
        "participation",
        "data_disaggregation",
        "self_identification",
        "transparency",
        "privacy",
        "accountability",
    ]
    assert "OHCHR" in walk.standard.document


def test_care_has_c1_to_e3() -> None:
    walk = crosswalk("care")
    assert [item.key for item in walk.items] == [f"{g}{n}" for g in "CARE" for n in (1, 2, 3)]
    assert "10.5334/dsj-2020-043" in walk.standard.document


def test_every_gsbpm_subprocess_appears_at_least_once() -> None:
    walk = crosswalk("gsbpm")
    reached = {row["to"] for row in walk.to_list()}
    assert reached == {sub.code for sub in GSBPM_SUBPROCESSES}
    assert [item.key for item in walk.items] == [sub.code for sub in GSBPM_SUBPROCESSES]


def test_gsbpm_links_follow_para_12s_phase_map() -> None:
    # Each stage reaches every sub-process of its phases; the only link beyond the map is
    # registered (XW-9).
    walk = crosswalk("gsbpm")
    for stage in Stage:
        mapped = {s.code for p in stage.gsbpm_phases for s in GSBPMPhase(p).subprocesses}
        linked = {link.item.key for link in walk.links_from(stage)}
        assert mapped <= linked
        for link in walk.links_from(stage):
            if link.item.key not in mapped:
                assert link.register == "XW-9"
                assert link.strength is Strength.RELATED


def test_no_link_claims_equivalence() -> None:
    # Register XW-1: the principles were adapted, and a stage is wider than any sub-process.
    assert all(link.strength is not Strength.EQUIVALENT for w in CROSSWALKS for link in w.links)


def test_strengths_map_to_skos_properties() -> None:
    assert [s.skos_property for s in Strength] == [
        "skos:exactMatch",
        "skos:closeMatch",
        "skos:relatedMatch",
    ]


def test_crosswalk_links_of_a_principle() -> None:
    links = crosswalk_links(Principle.CONFIDENTIALITY)
    assert [(link.crosswalk, link.item.key) for link in links] == [
        ("fpos", "6"),
        ("hrbad", "privacy"),
    ]
    assert all(link.member is Principle.CONFIDENTIALITY for link in links)
    assert links[0].to_dict()["from"] == "confidentiality"


def test_crosswalk_links_of_every_member_come_from_its_crosswalks() -> None:
    for principle in Principle:
        names = [link.crosswalk for link in crosswalk_links(principle)]
        assert names == sorted(names, key=["fpos", "hrbad", "care"].index)
    for stage in Stage:
        assert {link.crosswalk for link in crosswalk_links(stage)} == {"gsbpm"}


def test_crosswalk_links_refuses_other_values() -> None:
    with pytest.raises(TypeError, match="expected a Principle or a Stage"):
        crosswalk_links("confidentiality")  # type: ignore[arg-type]


def test_gaps_are_listed() -> None:
    assert [i.key for i in crosswalk("fpos").unlinked_items()] == ["8", "10"]
    assert [i.key for i in crosswalk("care").unlinked_items()] == ["C3", "R1", "R2", "R3"]
    assert crosswalk("gsbpm").unlinked_items() == ()
    bare = [p for p in Principle if not crosswalk("fpos").links_from(p)]
    assert bare == [
        Principle.PARTICIPATION_AND_INCLUSION,
        Principle.INFORMED_CONSENT,
        Principle.SELF_IDENTIFICATION,
        Principle.DATA_SOVEREIGNTY,
    ]
