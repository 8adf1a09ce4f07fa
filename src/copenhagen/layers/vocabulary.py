"""The words of the layer format (contract section 5): keys, operators, values and outcomes.

The loader (`copenhagen.layers.loading`) checks layer documents against these tables and the
JSON Schema (`copenhagen.layers.schema`) is generated from them, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE, Actor
from copenhagen.framework.modalities import Modality
from copenhagen.framework.objectives import Objective
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.stages import Stage
from copenhagen.model import Scope

__all__ = [
    "BOOL_KEYS",
    "DECISIONS",
    "DECISION_IDS",
    "LAYER_ID",
    "LAYER_KEYS",
    "LIST_KEYS",
    "OPERATORS",
    "PART_KEYS",
    "READS_SCOPE",
    "RULE_ADD_KEYS",
    "RULE_ID",
    "RULE_KEYS",
    "SIDES",
    "SIDE_LABELS",
    "SUBJECTS",
    "outcome_names",
    "outcomes",
    "values_of",
]

#: A layer's id: lower-case letters, digits, ``.``, ``_`` or ``-``.
LAYER_ID = re.compile(r"[a-z0-9._-]+")
#: A rule's id: a letter, then letters, digits, ``.``, ``_`` or ``-``.
RULE_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")

#: The rule sets a layer document may change, each with the enum of its outcomes.
DECISIONS: dict[str, type[Enum]] = {
    "scope": Scope,
    "modality": Modality,
    "nso_category": NSOCategory,
}
#: The decisions' ids, in the order they are reported.
DECISION_IDS: tuple[str, str, str] = ("scope", "modality", "nso_category")
#: What each decision is called in words (as its rule set's subject).
SUBJECTS: dict[str, str] = {
    "scope": "scope",
    "modality": "modality",
    "nso_category": "NSO category",
}
#: The decisions whose rules may read the assessor's own scope (``decided``).
READS_SCOPE: tuple[str, ...] = ("modality", "nso_category")

#: The top-level keys of a layer document, in the order the contract lists them.
LAYER_KEYS: tuple[str, ...] = ("id", "title", "source", *DECISIONS)
#: The keys of a part (what a layer does to one rule set), in the order they are applied.
PART_KEYS: tuple[str, ...] = ("remove", "replace", "add")
#: The keys of a rule under ``replace``.
RULE_KEYS: tuple[str, ...] = (
    "id",
    "when",
    "then",
    "provided",
    "otherwise",
    "warn",
    "cite",
    "source",
    "because",
)
#: The keys of a rule under ``add``: those of a rule, and where it goes.
RULE_ADD_KEYS: tuple[str, ...] = (*RULE_KEYS[:1], "before", *RULE_KEYS[1:])

#: The list keys a condition may test, each with the enum its items come from.
LIST_KEYS: dict[str, type[Enum]] = {
    "initiated_by": Actor,
    "partners": Actor,
    "funders": Actor,
    "objectives": Objective,
    "engaged_stages": Stage,
}
#: The boolean keys a condition may test.
BOOL_KEYS: tuple[str, ...] = (
    "meaningful_engagement",
    "integrated_into_official_statistics",
    "quality_assured",
)

#: The sides an actor list may name instead of actors (contract section 2).
SIDES: dict[str, frozenset[Actor]] = {
    "citizen_side": CITIZEN_SIDE,
    "state_side": STATE_SIDE,
    "other_side": OTHER_SIDE,
}
#: Each side in words, as traces name it ("a citizen-side actor").
SIDE_LABELS: dict[str, str] = {
    "citizen_side": "citizen-side",
    "state_side": "state-side",
    "other_side": "other non-state",
}

#: The condition operators, each with what it takes.
OPERATORS: dict[str, str] = {
    "has": "{KEY: [values]}: some item of the list KEY is among the values",
    "only": "{KEY: [values]}: every item of the list KEY is among them (true for [])",
    "empty": "KEY: the list KEY is known to be empty",
    "is": "{KEY: true or false}: the boolean KEY is known to be that",
    "decided": "{scope: OUTCOME}: this assessor's scope decision (modality and nso_category)",
    "not": "a condition: it does not hold",
    "all": "[conditions]: every one holds",
    "any": "[conditions]: at least one holds",
}


def values_of(key: str) -> tuple[str, ...]:
    """The values a list key's items may name (for actor keys, the sides too)."""
    members = tuple(str(m.value) for m in LIST_KEYS[key])
    return (*members, *SIDES) if LIST_KEYS[key] is Actor else members


def outcomes(decision: str) -> dict[str, Any]:
    """A decision's outcome names (lower-case member names, and ``none``) and their values."""
    found: dict[str, Any] = {m.name.lower(): m for m in DECISIONS[decision]}
    found["none"] = None
    return found


def outcome_names(decision: str) -> tuple[str, ...]:
    """A decision's outcome names, in its enum's order, ``none`` last."""
    return tuple(outcomes(decision))
