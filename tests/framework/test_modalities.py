from __future__ import annotations

from copenhagen.framework import (
    CITIZEN_SIDE,
    OUT_OF_SCOPE_CASE,
    TABLE_1,
    Actor,
    Modality,
    ModalityGroup,
    Stage,
    Table1Column,
    table1_cells,
)


def test_initiators_follow_para_15() -> None:
    assert set(Modality.CIVIC_ACTION.initiators) == CITIZEN_SIDE
    assert Modality.CIVIC_ACTION.collaborators == ()
    assert set(Modality.CIVIC_DRIVEN_COLLABORATION.initiators) == CITIZEN_SIDE
    assert Actor.NSO in Modality.CIVIC_DRIVEN_COLLABORATION.collaborators
    assert set(Modality.JOINTLY_INITIATED_COLLABORATION.initiators) == CITIZEN_SIDE | {
        Actor.NSO,
        Actor.STATE,
    }
    assert Modality.NSO_DRIVEN_COLLABORATION.initiators == (Actor.NSO,)
    assert set(Modality.OTHER_ACTOR_DRIVEN_COLLABORATION.initiators) == {
        Actor.ACADEMIA,
        Actor.NHRI,
    }
    assert not CITIZEN_SIDE & set(Modality.OTHER_ACTOR_DRIVEN_COLLABORATION.initiators)


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
    # Modalities 2-3: the modality-3 note spans all stages, plus one cell per stage.
    merged = [c for c in Table1Column.CIVIC_DRIVEN_OR_JOINT.cells if c.spans_all_stages]
    assert len(merged) == 1
    assert len(Table1Column.CIVIC_DRIVEN_OR_JOINT.cells) == 7
    # Modalities 4-5: one cell per stage.
    assert [c.stages for c in Table1Column.NSO_OR_OTHER_DRIVEN.cells] == [(s,) for s in Stage]
    assert len(TABLE_1) == 14
    assert len({c.key for c in TABLE_1}) == 14
    assert {c.number for c in TABLE_1 if not c.spans_all_stages} == {1, 2, 3, 4, 5, 6}
    assert all(c.citations == ("Table 1",) for c in TABLE_1)


def test_out_of_scope_case() -> None:
    assert "para 15" in OUT_OF_SCOPE_CASE.citations
    assert OUT_OF_SCOPE_CASE.number is None
