"""The example files: all load, and together cover every modality, out of scope and undecided.

The modality and scope of each example are worked out here from contract section 3 directly
(not with the library's classifiers), so the examples are checked independently of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copenhagen import Actor, Initiative, Modality, Scope, dump_initiative, load_initiative
from copenhagen.framework import CITIZEN_SIDE, STATE_SIDE

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def scope(i: Initiative) -> Scope | None:
    """Rules S1-S2 of contract section 3."""
    if i.initiated_by & CITIZEN_SIDE:
        return Scope.IN_SCOPE
    if i.engaged_stages == frozenset() or i.meaningful_engagement is False:
        return Scope.OUT_OF_SCOPE
    if i.engaged_stages and i.meaningful_engagement:
        return Scope.IN_SCOPE
    return None


def modality(i: Initiative) -> Modality | None:
    """Rules M1-M6 of contract section 3 (None when out of scope or undecided)."""
    citizen = i.initiated_by & CITIZEN_SIDE
    if citizen and i.initiated_by <= CITIZEN_SIDE:
        if i.partners <= CITIZEN_SIDE:
            return Modality.CIVIC_ACTION
        return Modality.CIVIC_DRIVEN_COLLABORATION
    if citizen and i.initiated_by & STATE_SIDE:
        return Modality.JOINTLY_INITIATED_COLLABORATION
    if citizen:
        return Modality.CIVIC_DRIVEN_COLLABORATION
    if scope(i) is not Scope.IN_SCOPE:
        return None
    if Actor.NSO in i.initiated_by:
        return Modality.NSO_DRIVEN_COLLABORATION
    return Modality.OTHER_ACTOR_DRIVEN_COLLABORATION


def test_there_are_at_least_eight_examples() -> None:
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_loads_and_round_trips(path: Path) -> None:
    initiative = load_initiative(path)
    assert load_initiative(dump_initiative(initiative)) == initiative
    head = path.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Source:") or head.startswith("# Based on:"), path.name


def test_examples_cover_every_modality_and_the_edge_cases() -> None:
    loaded = {path.name: load_initiative(path) for path in EXAMPLES}
    modalities = {modality(i) for i in loaded.values()}
    assert set(Modality) <= modalities
    scopes = {name: scope(i) for name, i in loaded.items()}
    assert scopes["opinion-app-out-of-scope.yaml"] is Scope.OUT_OF_SCOPE
    assert scopes["air-quality-undecided.yaml"] is None
    assert loaded["air-quality-undecided.yaml"].meaningful_engagement is None
    expected = {
        "map-kibera.yaml": Modality.CIVIC_ACTION,
        "marine-litter-table-1.yaml": Modality.CIVIC_DRIVEN_COLLABORATION,
        "ghana-marine-litter.yaml": Modality.JOINTLY_INITIATED_COLLABORATION,
        "philippines-cbms.yaml": Modality.NSO_DRIVEN_COLLABORATION,
        "nhri-community-survey.yaml": Modality.OTHER_ACTOR_DRIVEN_COLLABORATION,
    }
    for name, wanted in expected.items():
        assert modality(loaded[name]) is wanted, name
