"""The JSON Schema (draft 2020-12) of the layer document, generated from the format's words.

Editors validate layer files with it (``copenhagen schema --layer``). It is built from the same
tables the loader checks against (`copenhagen.layers.vocabulary`), so the keys, operators,
values and outcomes cannot drift apart; what a schema cannot say (a paragraph range running
upwards, a rule id the shipped rules have) the loader still checks.
"""

from __future__ import annotations

import functools
from typing import Any

from copenhagen.framework.citations import ANCHOR_ORDER
from copenhagen.layers.vocabulary import (
    BOOL_KEYS,
    DECISIONS,
    LAYER_ID,
    LIST_KEYS,
    OPERATORS,
    PART_KEYS,
    READS_SCOPE,
    RULE_ID,
    SUBJECTS,
    outcome_names,
    values_of,
)

__all__ = ["LAYER_SCHEMA_ID", "layer_schema"]

#: The schema's ``$id``.
LAYER_SCHEMA_ID = "https://copenhagen-citizen-data.github.io/copenhagen/schema/layer-1.json"

# "paras 10-11", "paras 20, 27": the shapes `copenhagen.framework.citations` reads.
_PARAS = r"^paras (\d+(-\d+)?(, \d+(-\d+)?)+|\d+-\d+)$"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key's schema: ``null`` means the same as absent."""
    return {"anyOf": [schema, {"type": "null"}]}


def _one_key(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "minProperties": 1,
        "maxProperties": 1,
        "additionalProperties": False,
        "properties": properties,
    }


def _operator(name: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "title": name,
        "description": OPERATORS[name],
        "required": [name],
        "additionalProperties": False,
        "properties": {name: value},
    }


def _condition(reads_scope: bool) -> dict[str, Any]:
    """A condition of a rule set's rules (with ``decided`` where the rule set may read scope)."""
    itself = {"$ref": f"#/$defs/{_condition_name(reads_scope)}"}
    lists = {
        key: {
            "type": "array",
            "minItems": 1,
            "items": {"enum": list(values_of(key))},
        }
        for key in LIST_KEYS
    }
    variants = [
        _operator("has", _one_key(lists, "{KEY: [values]}")),
        _operator("only", _one_key(lists, "{KEY: [values]}")),
        _operator("empty", {"enum": list(LIST_KEYS)}),
        _operator(
            "is", _one_key({key: {"type": "boolean"} for key in BOOL_KEYS}, "{KEY: true|false}")
        ),
        _operator("not", itself),
        _operator("all", {"type": "array", "minItems": 1, "items": itself}),
        _operator("any", {"type": "array", "minItems": 1, "items": itself}),
    ]
    if reads_scope:
        decided = {
            "type": "object",
            "required": ["scope"],
            "additionalProperties": False,
            "properties": {"scope": {"enum": list(outcome_names("scope"))}},
        }
        variants.insert(4, _operator("decided", decided))
    return {"oneOf": variants}


def _condition_name(reads_scope: bool) -> str:
    return "conditionReadingScope" if reads_scope else "condition"


def _rule(decision: str, *, adding: bool) -> dict[str, Any]:
    condition = {"$ref": f"#/$defs/{_condition_name(decision in READS_SCOPE)}"}
    outcome = {"enum": list(outcome_names(decision))}
    properties: dict[str, Any] = {
        "id": {
            "type": "string",
            "pattern": f"^{RULE_ID.pattern}$",
            "description": "The rule's id, unique among the assessor's rules.",
        },
        "when": condition,
        "then": outcome,
        "provided": _nullable(condition),
        "otherwise": _nullable(outcome),
        "warn": _nullable(
            {
                "type": "object",
                "required": ["when", "text"],
                "additionalProperties": False,
                "properties": {"when": condition, "text": {"type": "string", "minLength": 1}},
            }
        ),
        "cite": {
            "anyOf": [
                {"$ref": "#/$defs/anchor"},
                {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/anchor"}},
            ]
        },
        "source": _nullable({"type": "string", "minLength": 1}),
        "because": {
            "type": "string",
            "minLength": 1,
            "pattern": r"^[^\r\n]*\S[^\r\n]*$",
            "description": "The rule's explanation in traces: one line, in your own words.",
        },
    }
    if adding:
        properties["before"] = _nullable({"type": "string", "minLength": 1})
    return {
        "type": "object",
        "title": f"A {SUBJECTS[decision]} rule" + (" to add" if adding else " to replace"),
        "required": ["id", "when", "then", "cite", "because"],
        "dependentRequired": {"otherwise": ["provided"]},
        "additionalProperties": False,
        "properties": properties,
    }


def _part(decision: str) -> dict[str, Any]:
    lists = {
        "remove": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "replace": {"type": "array", "items": {"$ref": f"#/$defs/{decision}Replaced"}},
        "add": {"type": "array", "items": {"$ref": f"#/$defs/{decision}Added"}},
    }
    return {
        "type": "object",
        "title": f"What the layer does to the {SUBJECTS[decision]} rules",
        "description": "Applied as remove, then replace, then add in the listed order.",
        "additionalProperties": False,
        "properties": {key: _nullable(lists[key]) for key in PART_KEYS},
    }


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "anchor": {
            "description": "A framework anchor: 'para 15', 'paras 10-11', 'Box 2', 'Table 1'...",
            "anyOf": [
                {"enum": list(ANCHOR_ORDER)},
                {"type": "string", "pattern": _PARAS},
            ],
        },
        _condition_name(False): _condition(False),
        _condition_name(True): _condition(True),
    }
    for decision in DECISIONS:
        defs[f"{decision}Part"] = _part(decision)
        defs[f"{decision}Replaced"] = _rule(decision, adding=False)
        defs[f"{decision}Added"] = _rule(decision, adding=True)
    properties: dict[str, Any] = {
        "id": {"type": "string", "pattern": f"^{LAYER_ID.pattern}$"},
        "title": {"type": "string", "minLength": 1, "pattern": r"^[^\r\n]*\S[^\r\n]*$"},
        "source": _nullable({"type": "string", "minLength": 1}),
    }
    properties.update(
        {decision: _nullable({"$ref": f"#/$defs/{decision}Part"}) for decision in DECISIONS}
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": LAYER_SCHEMA_ID,
        "title": "A copenhagen rule layer",
        "description": (
            "A national or project reading of the Copenhagen Framework on Citizen Data: what it "
            "changes in the scope, modality and NSO category rules (contract section 5)."
        ),
        "type": "object",
        "required": ["id", "title"],
        "additionalProperties": False,
        "properties": properties,
        "anyOf": [
            {"required": [decision], "properties": {decision: {"type": "object"}}}
            for decision in DECISIONS
        ],
        "$defs": defs,
    }


def layer_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the layer document (a fresh copy each call).

    Examples:
        >>> schema = layer_schema()
        >>> schema["required"], sorted(schema["$defs"]["condition"]["oneOf"][0]["properties"])
        (['id', 'title'], ['has'])
    """
    import copy

    return copy.deepcopy(_schema())
