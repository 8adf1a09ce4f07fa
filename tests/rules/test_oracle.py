"""An independent oracle: contract section 3 written as plain Python over fully known facts.

For every mix of known and unknown facts over a spread of initiator patterns, a decision is
determinate exactly when every way of filling the unknown facts gives the oracle the same
outcome, and `missing` is the smallest set of unknown keys (first in document order) whose
filling always settles it — computed here by brute force, not by the engine.
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest

from copenhagen import (
    Actor,
    Initiative,
    Modality,
    NSOCategory,
    Scope,
    Stage,
    assess_scope,
    classify_modality,
    classify_nso_category,
)
from copenhagen.framework.actors import CITIZEN_SIDE, STATE_SIDE

from ._helpers import FILL_VALUES, UNKNOWABLE


def oracle_scope(i: Initiative) -> Scope:
    if i.initiated_by & CITIZEN_SIDE:
        return Scope.IN_SCOPE
    if i.engaged_stages and i.meaningful_engagement:
        return Scope.IN_SCOPE
    return Scope.OUT_OF_SCOPE


def oracle_modality(i: Initiative) -> Modality | None:
    by = i.initiated_by
    if by & CITIZEN_SIDE:
        if by <= CITIZEN_SIDE:
            if i.partners <= CITIZEN_SIDE:
                return Modality.CIVIC_ACTION
            return Modality.CIVIC_DRIVEN_COLLABORATION
        if by & STATE_SIDE:
            return Modality.JOINTLY_INITIATED_COLLABORATION
        return Modality.CIVIC_DRIVEN_COLLABORATION
    if oracle_scope(i) is Scope.OUT_OF_SCOPE:
        return None
    if Actor.NSO in by:
        return Modality.NSO_DRIVEN_COLLABORATION
    return Modality.OTHER_ACTOR_DRIVEN_COLLABORATION


def oracle_category(i: Initiative) -> NSOCategory | None:
    if oracle_scope(i) is Scope.OUT_OF_SCOPE:
        return None
    if i.integrated_into_official_statistics:
        return NSOCategory.INTEGRATED
    if i.quality_assured:
        return NSOCategory.COMPLEMENTARY
    return NSOCategory.INDEPENDENT


PAIRS = [
    (assess_scope, oracle_scope),
    (classify_modality, oracle_modality),
    (classify_nso_category, oracle_category),
]
PATTERNS = [
    ({Actor.CSO}, set()),
    ({Actor.COMMUNITY}, {Actor.NSO}),
    ({Actor.CSO, Actor.STATE}, set()),
    ({Actor.CITIZENS, Actor.ACADEMIA}, set()),
    ({Actor.NSO}, {Actor.CSO}),
    ({Actor.NSO, Actor.ACADEMIA}, set()),
    ({Actor.NHRI}, {Actor.COMMUNITY}),
    ({Actor.PRIVATE_SECTOR}, set()),
]
STATES: dict[str, tuple[Any, ...]] = {
    "engaged_stages": (None, frozenset(), frozenset({Stage.UPTAKE})),
    "meaningful_engagement": (None, True, False),
    "integrated_into_official_statistics": (None, True, False),
    "quality_assured": (None, True, False),
}


def _outcomes(oracle: Any, initiative: Initiative, keys: tuple[str, ...]) -> set[Any]:
    return {
        oracle(attrs.evolve(initiative, **dict(zip(keys, values, strict=True))))
        for values in itertools.product(*(FILL_VALUES[k] for k in keys))
    }


def _settles(oracle: Any, initiative: Initiative, chosen: tuple[str, ...]) -> bool:
    rest = tuple(k for k in UNKNOWABLE if getattr(initiative, k) is None and k not in chosen)
    for values in itertools.product(*(FILL_VALUES[k] for k in chosen)):
        filled = attrs.evolve(initiative, **dict(zip(chosen, values, strict=True)))
        if len(_outcomes(oracle, filled, rest)) != 1:
            return False
    return True


@pytest.mark.parametrize(("initiators", "partners"), PATTERNS)
def test_decisions_match_the_contract_oracle(initiators: set[Actor], partners: set[Actor]) -> None:
    for values in itertools.product(*STATES.values()):
        initiative = Initiative(
            name="oracle",
            initiated_by=initiators,
            partners=partners,
            **dict(zip(STATES, values, strict=True)),
        )
        unknown = tuple(k for k in UNKNOWABLE if getattr(initiative, k) is None)
        for classify, oracle in PAIRS:
            decision = classify(initiative)
            outcomes = _outcomes(oracle, initiative, unknown)
            assert decision.determinate == (len(outcomes) == 1), initiative
            if decision.determinate:
                assert {decision.outcome} == outcomes
                assert decision.missing == ()
                continue
            smallest = next(
                chosen
                for size in range(1, len(unknown) + 1)
                for chosen in itertools.combinations(unknown, size)
                if _settles(oracle, initiative, chosen)
            )
            assert decision.missing == smallest, initiative
