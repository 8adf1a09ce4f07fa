"""The bundled examples' decisions, checked against what each example says it illustrates."""

from __future__ import annotations

from pathlib import Path

import pytest

from copenhagen import (
    Modality,
    NSOCategory,
    Scope,
    assess_scope,
    classify_modality,
    classify_nso_category,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
IN, OUT = Scope.IN_SCOPE, Scope.OUT_OF_SCOPE
M = Modality
C = NSOCategory

# file -> (scope, modality, category), each as (outcome, missing)
EXPECTED = {
    "air-quality-undecided.yaml": (
        (None, ("meaningful_engagement",)),
        (None, ("meaningful_engagement",)),
        (
            None,
            (
                "meaningful_engagement",
                "integrated_into_official_statistics",
                "quality_assured",
            ),
        ),
    ),
    "disability-data-opds.yaml": (
        (IN, ()),
        (M.NSO_DRIVEN_COLLABORATION, ()),
        (None, ("quality_assured",)),
    ),
    "ghana-marine-litter.yaml": (
        (IN, ()),
        (M.JOINTLY_INITIATED_COLLABORATION, ()),
        (C.INTEGRATED, ()),
    ),
    "map-kibera.yaml": ((IN, ()), (M.CIVIC_ACTION, ()), (None, ("quality_assured",))),
    "marine-litter-table-1.yaml": (
        (IN, ()),
        (M.CIVIC_DRIVEN_COLLABORATION, ()),
        (None, ("integrated_into_official_statistics",)),
    ),
    "nhri-community-survey.yaml": (
        (IN, ()),
        (M.OTHER_ACTOR_DRIVEN_COLLABORATION, ()),
        (C.INDEPENDENT, ()),
    ),
    "opinion-app-out-of-scope.yaml": ((OUT, ()), (None, ()), (None, ())),
    "philippines-cbms.yaml": ((IN, ()), (M.NSO_DRIVEN_COLLABORATION, ()), (C.INTEGRATED, ())),
    "sensor-community.yaml": ((IN, ()), (M.CIVIC_ACTION, ()), (C.INDEPENDENT, ())),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_example_decisions(name: str) -> None:
    documents = pytest.importorskip("copenhagen.documents")
    pytest.importorskip("yaml")
    path = EXAMPLES / name
    if not path.is_file():
        pytest.skip(f"{name} is not bundled")
    initiative = documents.load_initiative(path)
    decisions = (
        assess_scope(initiative),
        classify_modality(initiative),
        classify_nso_category(initiative),
    )
    assert [(d.outcome, d.missing) for d in decisions] == list(EXPECTED[name])
