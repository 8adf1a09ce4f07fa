from __future__ import annotations

import pytest

from copenhagen.framework import (
    GSBPM_SOURCE,
    GSBPM_SUBPROCESSES,
    DesignElement,
    GSBPMPhase,
    GSBPMSubProcess,
    Stage,
)


def test_six_stages_in_order_with_their_phases() -> None:
    assert [s.value for s in Stage] == [
        "design",
        "collection",
        "processing",
        "analysis",
        "uptake",
        "review",
    ]
    assert [s.gsbpm_phases for s in Stage] == [(1, 2), (3, 4), (5,), (6, 7), (7,), (8,)]


def test_design_elements() -> None:
    assert [e.letter for e in DesignElement] == ["a", "b", "c", "d"]
    assert Stage.DESIGN.design_elements == tuple(DesignElement)
    assert all(s.design_elements == () for s in Stage if s is not Stage.DESIGN)
    assert DesignElement.from_letter("(c)") is DesignElement.COLLECTION_METHODS
    assert DesignElement.from_letter("A") is DesignElement.OBJECTIVES_AND_DATA_NEEDS
    with pytest.raises(KeyError, match="a, b, c, d"):
        DesignElement.from_letter("e")


def test_gsbpm_phases_and_subprocesses() -> None:
    assert [p.title for p in GSBPMPhase] == [
        "Specify needs",
        "Design",
        "Build",
        "Collect",
        "Process",
        "Analyse",
        "Disseminate",
        "Evaluate",
    ]
    assert [len(p.subprocesses) for p in GSBPMPhase] == [6, 6, 7, 4, 8, 5, 5, 3]
    assert len(GSBPM_SUBPROCESSES) == 44
    codes = [s.code for s in GSBPM_SUBPROCESSES]
    assert codes[0] == "1.1"
    assert codes[-1] == "8.3"
    for phase in GSBPMPhase:
        assert [s.code for s in phase.subprocesses] == [
            f"{phase.value}.{i}" for i in range(1, len(phase.subprocesses) + 1)
        ]
        assert [s.number for s in phase.subprocesses] == list(range(1, len(phase.subprocesses) + 1))
    assert GSBPMSubProcess.from_code("4.3").name == "Run collection"
    assert GSBPMSubProcess.from_code("7.3").name == "Manage release of dissemination products"
    assert GSBPMSubProcess.from_code("8.3").name == "Agree an action plan"
    with pytest.raises(KeyError, match=r"1\.1, 1\.2"):
        GSBPMSubProcess.from_code("9.1")
    assert "v5.1" in GSBPM_SOURCE
    assert "UNECE" in GSBPM_SOURCE


def test_phases_map_back_to_stages() -> None:
    for stage in Stage:
        for n in stage.gsbpm_phases:
            assert stage in GSBPMPhase(n).stages
    assert GSBPMPhase.DISSEMINATE.stages == (Stage.ANALYSIS, Stage.UPTAKE)
    assert all(p.stages for p in GSBPMPhase)
