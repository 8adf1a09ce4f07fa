from __future__ import annotations

import pytest

from copenhagen import Initiative, classify_modality
from copenhagen.framework import (
    CITIZEN_SIDE,
    OTHER_SIDE,
    OUT_OF_SCOPE_CASE,
    STATE_SIDE,
    TABLE_1,
    Actor,
    Modality,
    ModalityGroup,
    Stage,
    Table1Column,
    table1_cells,
    table1_cells_for,
)


def test_initiators_follow_para_15_by_side() -> None:
    assert set(Modality.CIVIC_ACTION.initiators) == CITIZEN_SIDE
    assert Modality.CIVIC_ACTION.collaborators == ()
    assert set(Modality.CIVIC_DRIVEN_COLLABORATION.initiators) == CITIZEN_SIDE
    assert set(Modality.CIVIC_DRIVEN_COLLABORATION.collaborators) == STATE_SIDE | OTHER_SIDE
    # The state side includes the NHRI, as the rules read it (M3).
    assert set(Modality.JOINTLY_INITIATED_COLLABORATION.initiators) == CITIZEN_SIDE | STATE_SIDE
    assert Actor.NHRI in Modality.JOINTLY_INITIATED_COLLABORATION.initiators
    assert Modality.NSO_DRIVEN_COLLABORATION.initiators == (Actor.NSO,)
    assert set(Modality.OTHER_ACTOR_DRIVEN_COLLABORATION.initiators) == (
        STATE_SIDE | OTHER_SIDE
    ) - {Actor.NSO}
    for m in (Modality.NSO_DRIVEN_COLLABORATION, Modality.OTHER_ACTOR_DRIVEN_COLLABORATION):
        assert set(m.collaborators) == CITIZEN_SIDE
    for m in Modality:
        assert list(m.initiators) == sorted(m.initiators, key=list(Actor).index)
        assert list(m.collaborators) == sorted(m.collaborators, key=list(Actor).index)


_IN_SCOPE = {"engaged_stages": [Stage.COLLECTION], "meaningful_engagement": True}


def _modality(initiated_by: set[Actor], partners: set[Actor] = frozenset()) -> Modality | None:
    outcome = classify_modality(
        Initiative(name="x", initiated_by=initiated_by, partners=partners, **_IN_SCOPE)
    ).outcome
    assert outcome is None or isinstance(outcome, Modality)
    return outcome


@pytest.mark.parametrize("actor", list(Actor))
def test_the_lists_agree_with_the_rules(actor: Actor) -> None:
    # An actor alone starts the modality whose initiators list it (3 needs both sides).
    started = _modality({actor})
    listed = [m for m in Modality if actor in m.initiators]
    assert started in listed
    joint = Modality.JOINTLY_INITIATED_COLLABORATION
    assert (_modality({Actor.CSO, actor}) is joint) is (
        actor in joint.initiators and actor not in CITIZEN_SIDE
    )
    # A citizen-initiated initiative with this partner is modality 2 exactly when modality 2
    # lists the partner, and civic action otherwise.
    with_partner = _modality({Actor.CSO}, {actor})
    two = Modality.CIVIC_DRIVEN_COLLABORATION
    assert with_partner is (two if actor in two.collaborators else Modality.CIVIC_ACTION)


def test_civic_action_summary_refuses_every_partner_outside_the_citizen_side() -> None:
    # Rule M1 turns away academic and private partners too, not only state ones.
    summary = Modality.CIVIC_ACTION.summary
    assert "without a state partner" not in summary
    assert "outside the citizen side" in summary
    for partner in (Actor.ACADEMIA, Actor.PRIVATE_SECTOR, Actor.NSO):
        assert _modality({Actor.CSO}, {partner}) is Modality.CIVIC_DRIVEN_COLLABORATION


def test_groups_of_para_16() -> None:
    assert ModalityGroup.CITIZEN_DRIVEN.modalities == (
        Modality.CIVIC_ACTION,
        Modality.CIVIC_DRIVEN_COLLABORATION,
        Modality.JOINTLY_INITIATED_COLLABORATION,
    )
    assert ModalityGroup.STATE_OR_OTHER_DRIVEN.modalities == (
        Modality.NSO_DRIVEN_COLLABORATION,
        Modality.OTHER_ACTOR_DRIVEN_COLLABORATION,
    )


def test_table_1_columns() -> None:
    assert [c.modalities for c in Table1Column] == [(1,), (2, 3), (4, 5)]
    for m in Modality:
        assert m in m.table1_column.modalities


def test_table_1_covers_every_stage_in_every_column() -> None:
    for column in Table1Column:
        for stage in Stage:
            cells = table1_cells(stage, column)
            assert cells, (stage, column)
            assert all(stage in c.stages for c in cells)
            assert [c.spans_all_stages for c in cells] == sorted(
                (c.spans_all_stages for c in cells), reverse=True
            )


def test_table_1_merged_cells_are_recorded_not_repeated() -> None:
    # Civic action: one cell merged across all stages, nothing per stage.
    assert len(Table1Column.CIVIC_ACTION.cells) == 1
    assert Table1Column.CIVIC_ACTION.cells[0].spans_all_stages
    # Modalities 2-3: the column's general sentences and the modality-3 note span all stages,
    # plus one cell per stage.
    merged = [c for c in Table1Column.CIVIC_DRIVEN_OR_JOINT.cells if c.spans_all_stages]
    assert [c.modalities for c in merged] == [(2, 3), (3,)]
    assert len(Table1Column.CIVIC_DRIVEN_OR_JOINT.cells) == 8
    # Modalities 4-5: one cell per stage.
    assert [c.stages for c in Table1Column.NSO_OR_OTHER_DRIVEN.cells] == [(s,) for s in Stage]
    assert len(TABLE_1) == 15
    assert len({c.key for c in TABLE_1}) == 15
    assert {c.number for c in TABLE_1 if not c.spans_all_stages} == {1, 2, 3, 4, 5, 6}
    assert all(c.citations == ("Table 1",) for c in TABLE_1)


def test_the_column_s_general_sentences_are_not_the_design_cell() -> None:
    column = Table1Column.CIVIC_DRIVEN_OR_JOINT
    (design,) = [c for c in column.cells if c.stages == (Stage.DESIGN,)]
    (general,) = [c for c in column.cells if c.spans_all_stages and c.whole_column]
    assert "lead" in general.summary
    assert "different stages" in general.summary
    assert "different stages" not in design.summary
    assert design.summary.startswith("In design")
    # The general sentences reach every stage of the column, for both modalities.
    for stage in Stage:
        for m in column.modalities:
            assert general in table1_cells_for(stage, m)


def test_the_modality_3_note_is_modality_3_s_alone() -> None:
    two, three = Modality.CIVIC_DRIVEN_COLLABORATION, Modality.JOINTLY_INITIATED_COLLABORATION
    (note,) = [c for c in TABLE_1 if not c.whole_column]
    assert note.modalities == (three,)
    assert note.key == "civic_driven_or_joint.all_stages.modality_3"
    assert note.title.endswith("(modality 3 only)")
    for stage in Stage:
        assert note in table1_cells_for(stage, three)
        assert note not in table1_cells_for(stage, two)
        assert note in table1_cells(stage, Table1Column.CIVIC_DRIVEN_OR_JOINT)


def test_the_marine_litter_cell_adds_no_counting() -> None:
    (cell,) = table1_cells_for(Stage.COLLECTION, Modality.CIVIC_DRIVEN_COLLABORATION)[-1:]
    assert "marine litter" in cell.summary
    assert "count" not in cell.summary


def test_out_of_scope_case() -> None:
    assert "para 15" in OUT_OF_SCOPE_CASE.citations
    assert OUT_OF_SCOPE_CASE.number is None
