"""The JSON Schema (draft 2020-12) of the initiative document, generated from the model.

The keys, which of them are required and the type of each come from `Initiative`'s attrs fields
(through the converter's field types); the allowed values, with their titles and meanings, come
from the enums and their catalogue entries. So the schema cannot drift from what the loader
accepts: tests check both directions.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import Any

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.documents._converter import (
    FIELD_TYPES,
    REQUIRED_KEYS,
    CountryCode,
    Initiators,
    Name,
)
from copenhagen.documents._tables import PRINCIPLE_NAME
from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
    Stage,
)
from copenhagen.model import Initiative, Status

__all__ = ["SCHEMA_ID", "initiative_schema"]

#: The schema's ``$id``.
SCHEMA_ID = "https://copenhagen-citizen-data.github.io/copenhagen/schema/initiative-1.json"

#: What each key means, in plain words, with the framework anchors it rests on.
FIELD_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "name": ("Name", "The initiative's name (a non-empty string)."),
    "initiated_by": (
        "Initiated by",
        "Who started the initiative; at least one actor (para 15). Order and repeats do not "
        "matter.",
    ),
    "partners": (
        "Partners",
        "Who works with the initiators in carrying it out, not mere funders or vendors "
        "(para 15). Absent means none.",
    ),
    "funders": ("Funders", "Who pays for the initiative. Absent means none."),
    "objectives": ("Objectives", "What the initiative sets out to do (para 14). Absent: none."),
    "engaged_stages": (
        "Engaged stages",
        "The stages of the data value chain (para 12) in which citizens, communities or CSOs "
        "take an active part; only answering a questionnaire does not count. Absent or null "
        "means unknown; [] means no stage at all.",
    ),
    "meaningful_engagement": (
        "Meaningful engagement",
        "Whether that engagement is sufficient and meaningful (paras 10-11, 15). Absent or null "
        "means unknown.",
    ),
    "integrated_into_official_statistics": (
        "Integrated into official statistics",
        "Whether the initiative's data are integrated into official statistics (para 32). "
        "Absent or null means unknown.",
    ),
    "quality_assured": (
        "Quality assured",
        "Whether the data are quality assured to the standards of official statistics "
        "(paras 32-34, 43). Absent or null means unknown.",
    ),
    "principles": (
        "Principles",
        "The status the initiative declares for each principle (para 17), keyed by the "
        "principle's lower-case name or its number (1-13, written as a string in JSON). "
        "A principle not listed is unknown; give each principle once.",
    ),
    "description": ("Description", "Free text describing the initiative."),
    "country": (
        "Country",
        "The country, as an ISO 3166-1 alpha-2 code: two capital letters, such as KE.",
    ),
    "extra": ("Extra", "Any further data, kept exactly as given and never inspected."),
    "practices": (
        "Practices",
        "Answers to the library's checklist of practices that show the principles in action "
        "(paras 17-31): true if the initiative follows the practice, false if not; leave a "
        "practice out if unknown.",
    ),
    "participation": (
        "Participation",
        "Ratings of the aspects of participation (para 11) on the scale none, low, medium, high.",
    ),
}

# Meanings of the values of the two enums without catalogue entries.
_PLAIN_MEANINGS: dict[Enum, tuple[str, str]] = {
    Status.MET: ("Met", "The initiative declares that it meets the principle."),
    Status.PARTIAL: ("Partly met", "The initiative declares that it meets the principle in part."),
    Status.NOT_MET: ("Not met", "The initiative declares that it does not meet the principle."),
    Status.UNKNOWN: ("Unknown", "Not known; the same as leaving the principle out."),
    ParticipationLevel.NONE: ("None", "No participation in this aspect."),
    ParticipationLevel.LOW: ("Low", "Little participation in this aspect."),
    ParticipationLevel.MEDIUM: ("Medium", "Moderate participation in this aspect."),
    ParticipationLevel.HIGH: ("High", "Strong participation in this aspect."),
}

_DEFS: dict[type[Enum], str] = {
    Actor: "actor",
    Objective: "objective",
    Stage: "stage",
    Status: "status",
    Practice: "practice",
    ParticipationAspect: "participation_aspect",
    ParticipationLevel: "participation_level",
}

_ENUM_TITLES: dict[type[Enum], str] = {
    Actor: "An actor (para 15, Box 1)",
    Objective: "An objective (para 14)",
    Stage: "A stage of the data value chain (para 12)",
    Status: "A declared status of a principle",
    Practice: "A practice showing a principle (paras 17-31)",
    ParticipationAspect: "An aspect of participation (para 11)",
    ParticipationLevel: "A level of participation",
}


def _meaning(member: Enum) -> tuple[str, str]:
    if member in _PLAIN_MEANINGS:
        return _PLAIN_MEANINGS[member]
    return member.title, member.summary  # type: ignore[attr-defined]


def _enum_schema(enum: type[Enum]) -> dict[str, Any]:
    values = [member.value for member in enum]
    choices = []
    for member in enum:
        title, description = _meaning(member)
        choices.append({"const": member.value, "title": title, "description": description})
    return {
        "title": _ENUM_TITLES[enum],
        "type": "string",
        "enum": values,
        "oneOf": choices,
    }


def _ref(enum: type[Enum]) -> dict[str, str]:
    return {"$ref": f"#/$defs/{_DEFS[enum]}"}


def _principles_schema() -> dict[str, Any]:
    names = list(PRINCIPLE_NAME.values())
    numbers = [str(p.value) for p in Principle]
    properties: dict[str, Any] = {}
    for principle, name in PRINCIPLE_NAME.items():
        described = {
            "title": f"{principle.value}. {principle.title}",
            "description": f"{principle.summary} May also be written as {principle.value!s}.",
        }
        properties[name] = {**described, **_ref(Status)}
    return {
        "type": "object",
        "propertyNames": {"enum": names + numbers},
        "properties": properties,
        "additionalProperties": _ref(Status),
        # The same principle by name and by number is an error (contract section 2).
        "allOf": [
            {"not": {"required": [name, str(principle.value)]}}
            for principle, name in PRINCIPLE_NAME.items()
        ],
    }


def _value_schema(kind: Any) -> dict[str, Any]:
    if kind is Name:
        return {"type": "string", "minLength": 1}
    if kind is CountryCode:
        # minLength/maxLength with an unanchored pattern: ``$`` would also match before a
        # final newline in some regex engines.
        return {"type": "string", "minLength": 2, "maxLength": 2, "pattern": "^[A-Z][A-Z]"}
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is Initiators:
        return {"type": "array", "items": _ref(Actor), "minItems": 1}
    for enum in _DEFS:
        if kind == frozenset[enum]:  # type: ignore[valid-type]
            return {"type": "array", "items": _ref(enum)}
    if kind == FrozenMap[Principle, Status]:
        return _principles_schema()
    if kind == FrozenMap[Practice, bool]:
        return {
            "type": "object",
            "propertyNames": _ref(Practice),
            "additionalProperties": {"type": "boolean"},
        }
    if kind == FrozenMap[ParticipationAspect, ParticipationLevel]:
        return {
            "type": "object",
            "propertyNames": _ref(ParticipationAspect),
            "additionalProperties": _ref(ParticipationLevel),
        }
    if kind == FrozenMap[str, Any]:
        return {"type": "object"}
    raise TypeError(f"no schema for a field of type {kind!r}")  # pragma: no cover - a new field


@functools.cache
def _schema() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in attrs.fields(Initiative):
        title, description = FIELD_DESCRIPTIONS[field.name]
        value = _value_schema(FIELD_TYPES[field.name])
        if field.name in REQUIRED_KEYS:
            properties[field.name] = {"title": title, "description": description, **value}
        else:  # null means the same as absent
            properties[field.name] = {
                "title": title,
                "description": description,
                "anyOf": [value, {"type": "null"}],
            }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Initiative document",
        "description": (
            "One citizen data initiative, described for the copenhagen library (which implements "
            "version 1.0 of the Copenhagen Framework on Citizen Data). Lists are sets: order and "
            "repeats do not matter. "
            "Nothing is coerced: booleans are true or false, lists are lists."
        ),
        "type": "object",
        "required": list(REQUIRED_KEYS),
        "properties": properties,
        "additionalProperties": False,
        "$defs": {name: _enum_schema(enum) for enum, name in _DEFS.items()},
    }


def initiative_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an initiative document (contract section 2).

    Returns:
        A new dict each call (the caller may change it).
    """
    import copy

    return copy.deepcopy(_schema())
