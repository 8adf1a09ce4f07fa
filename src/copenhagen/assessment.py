"""The full assessment of an initiative: every decision, the principles, participation, next steps.

An `Assessment` bundles the scope (Box 2, paras 9-11, 15), the collaboration modality (para 15,
Table 1), the NSO category (paras 32-33), the principle assessment (paras 17-31), the
participation profile (paras 10-12, 16, Table 1) and the recommendations, as one
`copenhagen.Assessor` made them. `Assessment.to_dict` gives it as plain JSON-ready data in the
contract's shape, with the provenance a stored result needs (framework and library versions,
each rule set's digest, the layers applied); `assessment_schema` gives the JSON Schema of that
data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from copenhagen.framework.modalities import Modality, Table1Column
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.principles import PRINCIPLE_KEYS, Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import DOCUMENT_KEYS, Decision, Initiative, Scope, Status
from copenhagen.participation import HaklayLevel, ParticipationProfile, ShirkModel
from copenhagen.principles.assessment import PrincipleAssessment
from copenhagen.recommendations import Recommendation

__all__ = [
    "FRAMEWORK",
    "FRAMEWORK_VERSION",
    "PROVENANCE_GROUPS",
    "Assessment",
    "Provenance",
    "assessment_schema",
]

#: The title of the framework the library implements.
FRAMEWORK = "Copenhagen Framework on Citizen Data"
#: The version of the framework text the library implements.
FRAMEWORK_VERSION = "1.0"
#: The three decisions' rule sets, then the groups of the other rule sets, in provenance order.
PROVENANCE_GROUPS: tuple[str, ...] = (
    "scope",
    "modality",
    "nso_category",
    "participation",
    "principles",
    "recommendations",
)


@attrs.frozen(slots=True)
class Provenance:
    """What an assessment was made with: the framework, the library, every rule set and layer.

    Attributes:
        library_version: The library's version.
        rule_sets: ``(id, digest)`` of each decision's rule set and of each group of the other
            rule sets (participation, principles, recommendations), in `PROVENANCE_GROUPS` order.
        layers: ``(id, digest)`` of each layer applied, in order (contract section 5).
    """

    library_version: str
    rule_sets: tuple[tuple[str, str], ...]
    layers: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The provenance as plain data (the ``provenance`` of `Assessment.to_dict`)."""
        return {
            "framework": FRAMEWORK,
            "framework_version": FRAMEWORK_VERSION,
            "library_version": self.library_version,
            "rule_sets": {i: {"id": i, "digest": d} for i, d in self.rule_sets},
            "layers": [{"id": i, "digest": d} for i, d in self.layers],
        }


@attrs.frozen(slots=True)
class Assessment:
    """Everything the library concludes about one initiative.

    Attributes:
        initiative: The initiative assessed.
        scope: Whether it is within the framework's scope (Box 2, paras 9-11, 15).
        modality: Its collaboration modality (para 15, Table 1).
        nso_category: Its relation to official statistics (paras 32-33).
        principles: How far it meets each principle (paras 17-31).
        participation: Where and how citizens take part (paras 10-12, 16, Table 1).
        recommendations: Its next steps, each cited, in a fixed order.
        warnings: The decisions' and the principle assessment's warnings, in that order, each
            once.
        provenance: The framework, library, rule sets and layers it was made with.
    """

    initiative: Initiative
    scope: Decision
    modality: Decision
    nso_category: Decision
    principles: PrincipleAssessment
    participation: ParticipationProfile
    recommendations: tuple[Recommendation, ...]
    warnings: tuple[str, ...]
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        """The assessment as plain JSON-ready data, in the contract's shape.

        ``json.dumps(assess(x).to_dict(), sort_keys=True)`` gives the same bytes for equal
        initiatives, every time, within one version of the library.
        """
        return {
            "name": self.initiative.name,
            "scope": self.scope.to_dict(),
            "modality": self.modality.to_dict(),
            "nso_category": self.nso_category.to_dict(),
            "principles": self.principles.principles_dict(),
            "principle_findings": self.principles.to_dict(),
            "participation": self.participation.to_dict(),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "warnings": list(self.warnings),
            "provenance": self.provenance.to_dict(),
        }


# --------------------------------------------------------------------------------------------
# JSON Schema of Assessment.to_dict()
# --------------------------------------------------------------------------------------------


def _values(enum: Iterable[Any]) -> list[Any]:
    return [member.value for member in enum]


def _nullable_enum(values: list[Any]) -> dict[str, Any]:
    return {"enum": [*values, None]}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _decision_schema(outcomes: list[Any], description: str) -> dict[str, Any]:
    schema = _object(
        {
            "outcome": _nullable_enum(outcomes),
            "determinate": {"type": "boolean"},
            "missing": {
                "type": "array",
                "items": {"enum": list(DOCUMENT_KEYS)},
                "uniqueItems": True,
            },
            "trace": {
                "type": "array",
                "minItems": 1,
                "items": _object(
                    {
                        "rule": {"type": "string", "minLength": 1},
                        "citation": {"type": "string", "minLength": 1},
                        "explanation": {"type": "string", "minLength": 1},
                    }
                ),
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
        }
    )
    schema["description"] = description
    return schema


def _principle_names() -> list[str]:
    return list(PRINCIPLE_KEYS)


def _crosswalk_link_schema(names: list[str]) -> dict[str, Any]:
    """A principle's crosswalk link in a finding: contract section 8's link and its crosswalk."""
    from copenhagen.framework.crosswalks import CROSSWALKS, Strength

    linking = [c.name for c in CROSSWALKS if any(isinstance(k.member, Principle) for k in c.links)]
    text = {"type": "string", "minLength": 1}
    schema = _object(
        {
            "crosswalk": {"enum": linking},
            "from": {"enum": names},
            "to": text,
            "strength": {"enum": _values(Strength)},
            "reason": text,
            "source": text,
        }
    )
    schema["description"] = (
        "A link from the principle to an item of another standard: contract section 8's form "
        "with the crosswalk's name (the library's reading, the same for every initiative)."
    )
    return schema


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `Assessment.to_dict`'s output.

    Returns:
        A new, plain dict each call.
    """
    statuses = _values(Status)
    names = _principle_names()
    finding = _object(
        {
            "declared": {"enum": statuses},
            "from_practices": _nullable_enum(statuses),
            "status": {"enum": statuses},
            "held_down_by": {"type": "array", "items": {"enum": names}},
            "explanation": {"type": "string"},
            "citations": {"type": "array", "items": {"type": "string"}},
            "crosswalks": {"type": "array", "items": _crosswalk_link_schema(names)},
        }
    )
    levels = _values(ParticipationLevel)
    stage_list = {"type": "array", "items": {"enum": _values(Stage)}, "uniqueItems": True}
    stage_list_or_null = {"oneOf": [stage_list, {"type": "null"}]}
    participation = _object(
        {
            "engaged_stages": stage_list_or_null,
            "listed_stages": stage_list_or_null,
            "added_stages": stage_list,
            "coverage": {
                "oneOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "null"}]
            },
            "design_stage_engaged": {"type": ["boolean", "null"]},
            "ratings": {
                "type": "object",
                "propertyNames": {"enum": _values(ParticipationAspect)},
                "additionalProperties": {"enum": levels},
            },
            "degree": _nullable_enum(levels),
            "quality": _nullable_enum(levels),
            "table_1_column": _nullable_enum(_values(Table1Column)),
            "table_1": {
                "type": "array",
                "maxItems": len(Stage),
                "items": _object(
                    {
                        "stage": {"enum": _values(Stage)},
                        "engaged": {"type": ["boolean", "null"]},
                        "participation": {"type": "string", "minLength": 1},
                    }
                ),
            },
            "shirk_model": _nullable_enum(_values(ShirkModel)),
            "haklay_level": _nullable_enum(_values(HaklayLevel)),
            "notes": {"type": "array", "items": {"type": "string"}},
        }
    )
    rule_set = _object({"id": {"type": "string"}, "digest": {"type": "string"}})
    layer = _object({"id": {"type": "string"}, "digest": {"type": "string"}})
    schema = _object(
        {
            "name": {"type": "string", "minLength": 1},
            "scope": _decision_schema(_values(Scope), "Scope (Box 2, paras 9-11, 15)."),
            "modality": _decision_schema(_values(Modality), "Collaboration modality (para 15)."),
            "nso_category": _decision_schema(_values(NSOCategory), "NSO category (para 32)."),
            "principles": _object({n: {"enum": statuses} for n in names}),
            "principle_findings": _object(dict.fromkeys(names, finding)),
            "participation": participation,
            "recommendations": {
                "type": "array",
                "items": _object(
                    {
                        "id": {"type": "string", "minLength": 1},
                        "text": {"type": "string", "minLength": 1},
                        "citation": {"type": "string", "minLength": 1},
                    }
                ),
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
            "provenance": _object(
                {
                    "framework": {"const": FRAMEWORK},
                    "framework_version": {"const": FRAMEWORK_VERSION},
                    "library_version": {"type": "string"},
                    "rule_sets": _object(dict.fromkeys(PROVENANCE_GROUPS, rule_set)),
                    "layers": {"type": "array", "items": layer},
                }
            ),
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/copenhagen-citizen-data/copenhagen/assessment.schema.json",
        "title": "Assessment of a citizen data initiative",
        "description": (
            "The output of copenhagen.assess(initiative).to_dict(): the decisions on scope, "
            "collaboration modality and NSO category, the principle assessment, the "
            "participation profile, recommendations, warnings and provenance."
        ),
        **schema,
    }
