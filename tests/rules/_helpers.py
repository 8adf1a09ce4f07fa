"""Helpers shared by the rule tests: building initiatives and filling unknown facts."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import attrs

from copenhagen import Actor, Initiative, Stage

#: Values each unknown fact can take in exhaustive checks: booleans, and stage sets that are
#: empty, one stage, a later stage only, and the whole chain.
FILL_VALUES: dict[str, tuple[Any, ...]] = {
    "engaged_stages": (
        frozenset(),
        frozenset({Stage.DESIGN}),
        frozenset({Stage.REVIEW}),
        frozenset(Stage),
    ),
    "meaningful_engagement": (True, False),
    "integrated_into_official_statistics": (True, False),
    "quality_assured": (True, False),
}
UNKNOWABLE = tuple(FILL_VALUES)


def make(*initiators: Actor, **fields: Any) -> Initiative:
    """An initiative started by ``initiators`` with the other fields given."""
    return Initiative(name=fields.pop("name", "Test initiative"), initiated_by=initiators, **fields)


def unknown_keys(initiative: Initiative) -> tuple[str, ...]:
    return tuple(k for k in UNKNOWABLE if getattr(initiative, k) is None)


def fillings(initiative: Initiative, keys: tuple[str, ...]) -> Iterator[Initiative]:
    """Every way of giving ``keys`` values from `FILL_VALUES`."""
    for values in itertools.product(*(FILL_VALUES[k] for k in keys)):
        yield attrs.evolve(initiative, **dict(zip(keys, values, strict=True)))
