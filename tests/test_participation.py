"""The participation profile: its rules (P1-P5) and the Shirk and Haklay crosswalks.

The profile reads the initiative's own facts, its modality included (decided by the modality
rules), so each test builds an initiative whose facts give the modality it is about.
"""

from __future__ import annotations

import itertools
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import Actor, Initiative, Modality, Stage
from copenhagen.assessor import default_assessor
from copenhagen.framework.citations import is_anchor
from copenhagen.framework.modalities import TABLE_1, Table1Column, table1_cells_for
from copenhagen.framework.participation import ParticipationAspect as A
from copenhagen.framework.participation import ParticipationLevel as L
from copenhagen.participation import (
    HAKLAY_RULES,
    PROFILE_RULE_SETS,
    SHIRK_RULES,
    HaklayLevel,
    ShirkModel,
    profile_of,
)
from copenhagen.strategies import initiatives

D, C, P, AN, U, R = Stage

PROFILE_KEYS = [
    "engaged_stages",
    "listed_stages",
    "added_stages",
    "coverage",
    "design_stage_engaged",
    "ratings",
    "degree",
    "quality",
    "table_1_column",
    "table_1",
    "shirk_model",
    "haklay_level",
    "notes",
]


def make(
    initiated_by: tuple[Actor, ...] = (Actor.NSO,),
    stages: tuple[Stage, ...] | None = None,
    **fields: Any,
) -> Initiative:
    return Initiative(name="x", initiated_by=initiated_by, engaged_stages=stages, **fields)


# Facts that give each modality (para 15): who started it, and with whom.
REALISED: dict[Modality, dict[str, Any]] = {
    Modality.CIVIC_ACTION: {"initiated_by": (Actor.CSO,), "partners": ()},
    Modality.CIVIC_DRIVEN_COLLABORATION: {"initiated_by": (Actor.CSO,), "partners": (Actor.NSO,)},
    Modality.JOINTLY_INITIATED_COLLABORATION: {"initiated_by": (Actor.CSO, Actor.NSO)},
    Modality.NSO_DRIVEN_COLLABORATION: {"initiated_by": (Actor.NSO,)},
    Modality.OTHER_ACTOR_DRIVEN_COLLABORATION: {"initiated_by": (Actor.ACADEMIA,)},
}


def realise(modality: Modality, stages: tuple[Stage, ...] | None, **fields: Any) -> Initiative:
    """An initiative with ``modality``: led by others, it is in scope with meaningful engagement."""
    facts = {**REALISED[modality], **fields}
    if modality in (Modality.NSO_DRIVEN_COLLABORATION, Modality.OTHER_ACTOR_DRIVEN_COLLABORATION):
        facts.setdefault("meaningful_engagement", True)
    return Initiative(name="x", engaged_stages=stages, **facts)


def profile(initiative: Initiative) -> Any:
    return default_assessor().participation_profile(initiative)


# --- P1: initiating counts as design-stage engagement --------


def test_p1_citizen_initiator_adds_the_design_stage() -> None:
    prof = profile(make((Actor.CSO,), (C, AN)))
    assert prof.engaged_stages == (D, C, AN)
    assert prof.design_stage_engaged is True
    assert any("citizen-side actor initiated" in n for n in prof.notes)


def test_p1_citizen_initiator_with_unlisted_stages_knows_only_the_design_stage() -> None:
    prof = profile(make((Actor.COMMUNITY,), None))
    assert prof.engaged_stages is None
    assert prof.coverage is None
    assert prof.design_stage_engaged is True


def test_p1_the_document_s_stages_are_kept_beside_the_ones_the_library_adds() -> None:
    # Issue 13 item 11: the profile says what the document listed and what P1 added.
    listed = profile(make((Actor.CSO,), (C, AN)))
    assert (listed.listed_stages, listed.added_stages) == ((C, AN), (D,))
    assert listed.to_dict()["listed_stages"] == ["collection", "analysis"]
    assert listed.to_dict()["added_stages"] == ["design"]
    empty = profile(make((Actor.CSO,), ()))
    assert (empty.engaged_stages, empty.listed_stages, empty.added_stages) == ((D,), (), (D,))
    unlisted = profile(make((Actor.COMMUNITY,), None))
    assert (unlisted.listed_stages, unlisted.added_stages) == (None, (D,))
    assert unlisted.to_dict()["listed_stages"] is None


def test_p1_adds_nothing_the_document_already_lists_or_others_started() -> None:
    own = profile(make((Actor.CSO,), (AN, D)))
    assert (own.listed_stages, own.added_stages) == ((D, AN), ())
    nso = profile(make((Actor.NSO,), (C,), meaningful_engagement=True))
    assert (nso.listed_stages, nso.added_stages) == ((C,), ())
    assert profile(make((Actor.NSO,), None)).added_stages == ()


@given(initiatives())
def test_the_engaged_stages_are_the_listed_ones_and_the_added_ones(initiative: Initiative) -> None:
    prof = profile(initiative)
    listed = initiative.engaged_stages
    assert prof.listed_stages == (
        None if listed is None else tuple(s for s in Stage if s in listed)
    )
    assert not set(prof.added_stages) & set(prof.listed_stages or ())
    if prof.engaged_stages is not None:
        assert set(prof.engaged_stages) == set(prof.listed_stages or ()) | set(prof.added_stages)


def test_p1_does_not_apply_to_state_or_other_initiators() -> None:
    prof = profile(make((Actor.NSO, Actor.ACADEMIA), (C,), meaningful_engagement=True))
    assert prof.engaged_stages == (C,)
    assert prof.design_stage_engaged is False


# --- P2 and P3: coverage and the design stage --------


@pytest.mark.parametrize("n", range(7))
def test_p2_coverage_is_the_share_of_the_six_stages(n: int) -> None:
    stages = tuple(Stage)[:n]
    assert profile(make(stages=stages)).coverage == n / 6


def test_p2_coverage_is_unknown_when_the_stages_are() -> None:
    assert profile(make(stages=None)).coverage is None


def test_p3_design_stage_engagement_and_its_note() -> None:
    without = profile(make(stages=(C, P)))
    assert without.design_stage_engaged is False
    assert any("(para 10)" in n and "design" in n for n in without.notes)
    assert profile(make(stages=(D,))).design_stage_engaged is True
    assert profile(make(stages=None)).design_stage_engaged is None


def test_engaged_stages_come_out_in_value_chain_order_whatever_the_input_order() -> None:
    a = profile(make(stages=(R, D, AN, C)))
    b = profile(make(stages=(C, AN, R, D, C)))
    assert a.engaged_stages == b.engaged_stages == (D, C, AN, R)
    assert a.unengaged_stages == (P, U)


# --- P4: degree and quality --------

DEGREE = (A.EXTENT, A.DURATION, A.EFFORT, A.REPRESENTATION, A.INTENSITY)
QUALITY = (A.ALIGNMENT, A.IMPACT, A.INFLUENCE)


def test_p4_degree_is_the_lowest_aspect_once_all_are_rated() -> None:
    ratings = dict.fromkeys(DEGREE, L.HIGH) | {A.EFFORT: L.MEDIUM, A.DURATION: L.LOW}
    prof = profile(make(participation=ratings))
    assert prof.degree is L.LOW
    assert prof.quality is None


def test_p4_quality_is_the_lowest_aspect_once_all_are_rated() -> None:
    prof = profile(make(participation=dict.fromkeys(QUALITY, L.MEDIUM) | {A.IMPACT: L.HIGH}))
    assert prof.quality is L.MEDIUM
    assert prof.degree is None


def test_p4_partial_ratings_give_no_level_unless_one_is_none() -> None:
    partial = profile(make(participation={A.EXTENT: L.HIGH, A.EFFORT: L.MEDIUM}))
    assert partial.degree is None
    assert any("unknown until" in n for n in partial.notes)
    bottom = profile(make(participation={A.EXTENT: L.HIGH, A.INTENSITY: L.NONE}))
    assert bottom.degree is L.NONE


def test_p4_ratings_are_listed_in_aspect_order() -> None:
    prof = profile(make(participation={A.INFLUENCE: L.LOW, A.EXTENT: L.HIGH}))
    assert prof.to_dict()["ratings"] == {"extent": "high", "influence": "low"}
    assert prof.unrated_aspects == tuple(a for a in A if a not in (A.EXTENT, A.INFLUENCE))


@given(st.dictionaries(st.sampled_from(list(A)), st.sampled_from(list(L))))
def test_p4_a_known_level_never_changes_when_more_aspects_are_rated(
    ratings: dict[A, L],
) -> None:
    prof = profile(make(participation=ratings))
    full = {a: ratings.get(a, L.HIGH) for a in A}
    low = {a: ratings.get(a, L.NONE) for a in A}
    for extended in (full, low):
        other = profile(make(participation=extended))
        if prof.degree is not None:
            assert other.degree is prof.degree
        if prof.quality is not None:
            assert other.quality is prof.quality


# --- P5: Table 1 --------


@pytest.mark.parametrize("modality", list(Modality))
def test_p5_the_modality_picks_its_table_1_column(modality: Modality) -> None:
    prof = profile(realise(modality, (C,)))
    engaged = {C, D} if modality.value <= 3 else {C}  # citizen-side initiators: P1
    assert prof.table_1_column is modality.table1_column
    assert [row.stage for row in prof.table_1] == list(Stage)
    assert [row.engaged for row in prof.table_1] == [s in engaged for s in Stage]
    for row in prof.table_1:
        cells = table1_cells_for(row.stage, modality)
        assert row.participation == " ".join(c.summary for c in cells)


def test_p5_the_modality_3_note_is_not_shown_for_modality_2() -> None:
    # Table 1's note on modality 3 (equal say over every decision) is modality 3's alone.
    (note,) = [c for c in TABLE_1 if not c.whole_column]
    two = profile(realise(Modality.CIVIC_DRIVEN_COLLABORATION, None)).table_1
    three = profile(realise(Modality.JOINTLY_INITIATED_COLLABORATION, None))
    assert all(note.summary not in row.participation for row in two)
    assert all(note.summary in row.participation for row in three.table_1)


def test_p5_table_1_is_empty_without_a_modality_and_unknown_stages_stay_unknown() -> None:
    undecided = make((Actor.NSO,), (C,))  # meaningful engagement unknown: no modality yet
    assert profile(undecided).table_1 == ()
    assert profile(undecided).table_1_column is None
    rows = profile(realise(Modality.CIVIC_ACTION, None)).table_1
    assert [row.engaged for row in rows] == [None] * 6


def test_p5_civic_action_rows_all_carry_the_merged_cell() -> None:
    rows = profile(make((Actor.CSO,), None)).table_1
    assert len({row.participation for row in rows}) == 1
    assert profile(make((Actor.CSO,), None)).table_1_column is Table1Column.CIVIC_ACTION


# --- Crosswalks: one test per rule --------

M1, M2, M3, M4, M5 = Modality


@pytest.mark.parametrize(
    ("rule_id", "modality", "initiators", "stages", "expected"),
    [
        ("SH1", M1, (Actor.CSO,), None, ShirkModel.COLLEGIAL),
        ("SH2", M3, (Actor.CSO, Actor.NSO), None, ShirkModel.CO_CREATED),
        ("SH3", M2, (Actor.CSO,), (U, R), ShirkModel.CONTRACTUAL),
        ("SH4", M2, (Actor.CSO,), (C,), ShirkModel.CO_CREATED),
        ("SH5", M4, (Actor.NSO,), (D, C, P, R), ShirkModel.CO_CREATED),
        ("SH6", M5, (Actor.ACADEMIA,), (D, C), ShirkModel.COLLABORATIVE),
        ("SH7", M4, (Actor.NSO,), (C,), ShirkModel.CONTRIBUTORY),
    ],
)
def test_shirk_rule(
    rule_id: str,
    modality: Modality,
    initiators: tuple[Actor, ...],
    stages: tuple[Stage, ...] | None,
    expected: ShirkModel,
) -> None:
    initiative = realise(modality, stages, initiated_by=initiators)
    assert default_assessor().classify_modality(initiative).outcome is modality
    prof = profile(initiative)
    assert prof.shirk_model is expected
    assert any(n.startswith(f"{rule_id}: ") for n in prof.notes)


@pytest.mark.parametrize(
    ("rule_id", "initiators", "stages", "expected"),
    [
        ("HK1", (Actor.NSO,), (D, C, AN), HaklayLevel.EXTREME_CITIZEN_SCIENCE),
        ("HK2", (Actor.CSO,), (C, P), HaklayLevel.PARTICIPATORY_SCIENCE),
        ("HK3", (Actor.NSO,), (C, P), HaklayLevel.DISTRIBUTED_INTELLIGENCE),
        ("HK4", (Actor.NSO,), (C, U), HaklayLevel.CROWDSOURCING),
    ],
)
def test_haklay_rule(
    rule_id: str, initiators: tuple[Actor, ...], stages: tuple[Stage, ...], expected: HaklayLevel
) -> None:
    prof = profile(make(initiators, stages, meaningful_engagement=True))
    assert prof.haklay_level is expected
    assert any(n.startswith(f"{rule_id}: ") for n in prof.notes)


def test_haklay_levels_are_numbered_one_to_four() -> None:
    assert [level.level for level in HaklayLevel] == [1, 2, 3, 4]


def test_crosswalks_give_null_rather_than_guess() -> None:
    unknown = profile(make((Actor.NSO,), None))
    assert unknown.shirk_model is None
    assert unknown.haklay_level is None
    assert any("No Shirk et al. placement" in n for n in unknown.notes)
    # Citizens initiated, so design is known, but the rest is not: no Haklay level yet.
    assert profile(realise(M2, None)).haklay_level is None
    # Only uptake and review: no Haklay level fits.
    assert profile(realise(M4, (U, R))).haklay_level is None


_SUBSETS = [tuple(c) for n in range(7) for c in itertools.combinations(tuple(Stage), n)]


@pytest.mark.parametrize("modality", list(Modality))
def test_crosswalks_are_total_where_the_facts_are_known(modality: Modality) -> None:
    for subset in _SUBSETS:
        initiative = realise(modality, subset)
        if not subset and modality.value >= 4:
            continue  # led by others with no stage engaged: out of scope, no modality
        prof = profile(initiative)
        # Citizens initiate modalities 1-3, so design is always engaged there (P1).
        engaged = set(subset) | {D} if modality.value <= 3 else set(subset)
        assert prof.shirk_model is not None, (modality, subset)
        assert (prof.haklay_level is not None) == bool(engaged & {D, C, P, AN})


@given(
    st.sampled_from(list(Modality)),
    st.frozensets(st.sampled_from(list(Stage))),
)
def test_a_crosswalk_known_without_the_stages_never_changes_once_they_are_given(
    modality: Modality, stages: frozenset[Stage]
) -> None:
    before = profile(realise(modality, None))
    after = profile(realise(modality, tuple(stages)))
    if before.shirk_model is not None:
        assert after.shirk_model is before.shirk_model
    if before.haklay_level is not None:
        assert after.haklay_level is before.haklay_level


# --- The rules as data --------


def test_rules_are_listed_with_unique_ids_and_valid_citations() -> None:
    ids = [r.id for rule_set in PROFILE_RULE_SETS for r in rule_set]
    assert len(ids) == len(set(ids))
    for rule in (*SHIRK_RULES, *HAKLAY_RULES):
        assert "footnote 3" in rule.citations
        assert rule.facts
    for rule_set in PROFILE_RULE_SETS:
        assert len(rule_set.digest) == 64
        for rule in rule_set:
            assert all(is_anchor(c) for c in rule.citations)
            assert rule.statement


@given(initiatives())
def test_every_note_cites_the_framework(initiative: Initiative) -> None:
    prof = profile(initiative)
    assert prof.notes
    for note in prof.notes:
        cited = note.rsplit("(", 1)[1].rstrip(").")
        assert all(is_anchor(c) for c in cited.split(", ")), note


# --- Output --------


def test_to_dict_keys_in_the_pinned_order() -> None:
    data = profile(make((Actor.CSO,), (C,))).to_dict()
    assert list(data) == PROFILE_KEYS
    assert data["engaged_stages"] == ["design", "collection"]
    assert data["table_1"][0] == {
        "stage": "design",
        "engaged": True,
        "participation": data["table_1"][0]["participation"],
    }


def test_equal_facts_share_one_profile_and_it_pickles() -> None:
    a = profile(make((Actor.CSO,), (C, D)))
    b = profile(make((Actor.CSO, Actor.CSO), (D, C, C)))
    assert a is b
    assert pickle.loads(pickle.dumps(a)) == a


@given(initiatives())
def test_the_cached_profile_is_the_profile_of_the_facts(initiative: Initiative) -> None:
    from copenhagen.participation import ProfileRules
    from copenhagen.rules.facts import FACTS

    facts = {key: fact.read(initiative) for key, fact in FACTS.items()}
    assert profile_of(facts, ProfileRules()) == profile(initiative)
