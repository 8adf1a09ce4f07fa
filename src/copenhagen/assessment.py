"""The full assessment of an initiative: every decision, the principles, participation, next steps.

`assess` bundles the scope (Box 2, paras 9-11, 15), the collaboration modality (para 15,
Table 1), the NSO category (paras 32-33), the principle assessment (paras 17-31), the
participation profile (paras 10-12, 16, Table 1) and the recommendations into one `Assessment`.
`Assessment.to_dict` gives it as plain JSON-ready data in the contract's shape, with the
provenance a stored result needs (framework and library versions, each rule set's digest);
`assessment_schema` gives the JSON Schema of that data.

Initiatives with the same facts share one immutable set of results: assessing a whole registry
costs one dictionary look-up per initiative for the patterns already seen (register PART-8).
"""

from __future__ import annotations

import contextlib
import operator
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from copenhagen._version import __version__
from copenhagen.framework.modalities import Modality, Table1Column
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.principles import PRINCIPLE_KEYS
from copenhagen.framework.stages import Stage
from copenhagen.model import DOCUMENT_KEYS, Decision, Initiative, Scope, Status
from copenhagen.participation import (
    HaklayLevel,
    ParticipationProfile,
    ShirkModel,
    participation_profile,
)
from copenhagen.principles import PrincipleAssessment, assess_principles
from copenhagen.recommendations import (
    DECISION_RULES,
    PRINCIPLE_RULES,
    Findings,
    Recommendation,
    recommend,
)
from copenhagen.rules import RULE_SETS, assess_scope, classify_modality, classify_nso_category

__all__ = [
    "FRAMEWORK",
    "FRAMEWORK_VERSION",
    "Assessment",
    "assess",
    "assessment_schema",
    "cache_bounds",
    "cache_clear",
    "cache_size",
]

#: The title of the framework the library implements.
FRAMEWORK = "Copenhagen Framework on Citizen Data"
#: The version of the framework text the library implements.
FRAMEWORK_VERSION = "1.0"


def _provenance() -> dict[str, Any]:
    return {
        "framework": FRAMEWORK,
        "framework_version": FRAMEWORK_VERSION,
        "library_version": __version__,
        "rule_sets": {rs.id: {"id": rs.id, "digest": rs.digest} for rs in RULE_SETS},
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
    """

    initiative: Initiative
    scope: Decision
    modality: Decision
    nso_category: Decision
    principles: PrincipleAssessment
    participation: ParticipationProfile
    recommendations: tuple[Recommendation, ...]
    warnings: tuple[str, ...]

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
            "provenance": _provenance(),
        }


# Assessing a registry: initiatives share their results through bounded caches, each keyed on
# exactly the facts its part reads (register PART-8). Part A holds the three decisions, the
# participation profile and the recommendations that read them; part B the principle assessment
# and the recommendations that read it (per answer to "do citizens collect data?"); the core
# cache joins the two per pattern of all those facts, so a pattern seen before costs one look-up.
# Bounds: the defaults hold every pattern of a registry of some 100,000 initiatives, so scripts
# and notebooks that assess it repeatedly pay one look-up each; a streaming batch, whose
# patterns seldom repeat, narrows them with `cache_bounds` to keep its memory flat.
_CORE_CACHE_SIZE = 1 << 17
_PART_CACHE_SIZE = 1 << 16

# The facts part A reads: the rule sets' facts, plus what the profile and the decision
# recommendations read.
_PART_A_FACTS: tuple[str, ...] = tuple(
    key
    for key in DOCUMENT_KEYS
    if key in {f for rs in RULE_SETS for f in rs.facts}
    or key
    in (
        "initiated_by",
        "engaged_stages",
        "meaningful_engagement",
        "quality_assured",
        "participation",
    )
)
_part_a_key = operator.attrgetter(*_PART_A_FACTS)

# (scope, modality, category, profile, recommendations, warnings, collection slot)
_PartA = tuple[
    Decision,
    Decision,
    Decision,
    ParticipationProfile,
    tuple[Recommendation, ...],
    tuple[str, ...],
    int,
]
_PART_A: OrderedDict[Any, _PartA] = OrderedDict()
# (scope, modality, category, principles, profile, recommendations, warnings)
_Core = tuple[
    Decision,
    Decision,
    Decision,
    PrincipleAssessment,
    ParticipationProfile,
    tuple[Recommendation, ...],
    tuple[str, ...],
]
# [principle assessment, recommendations when collection is unknown / engaged / not engaged]
_PART_B: OrderedDict[Any, list[Any]] = OrderedDict()
# Every fact either part reads: the whole assessment, but for the initiative itself.
_CORE_FACTS: tuple[str, ...] = (*_PART_A_FACTS, "principles", "practices")
_core_key = operator.attrgetter(*_CORE_FACTS)
_CORES: OrderedDict[Any, _Core] = OrderedDict()


def _store(cache: OrderedDict[Any, Any], key: Any, value: Any, bound: int | None = None) -> Any:
    if len(cache) >= (_PART_CACHE_SIZE if bound is None else bound):
        # Drop the oldest pattern, at a constant cost (a plain dict finds its first item by
        # walking past every slot deleted before it); should another thread have just emptied
        # the cache, skipping one eviction is harmless.
        with contextlib.suppress(KeyError):
            cache.popitem(last=False)
    cache[key] = value
    return value


@contextlib.contextmanager
def cache_bounds(*, patterns: int, parts: int) -> Iterator[None]:
    """Bound the shared results of `assess` within a block; the old bounds come back after it.

    Within the block, at most ``patterns`` complete patterns of facts and ``parts`` patterns of
    each part are held (the oldest are dropped first).

    Narrower bounds trade speed on repeated patterns for memory: `copenhagen.batch.run_batch`
    uses them so that a registry of any size is assessed in flat memory.

    Args:
        patterns: Bound of the cache of complete patterns (at least 1).
        parts: Bound of each part's cache (at least 1).

    Raises:
        ValueError: If a bound is below 1.
    """
    global _CORE_CACHE_SIZE, _PART_CACHE_SIZE
    if patterns < 1 or parts < 1:
        raise ValueError(f"cache bounds must be at least 1, not {patterns} and {parts}")
    before = _CORE_CACHE_SIZE, _PART_CACHE_SIZE
    _CORE_CACHE_SIZE, _PART_CACHE_SIZE = patterns, parts
    for cache, bound in ((_CORES, patterns), (_PART_A, parts), (_PART_B, parts)):
        while len(cache) > bound:  # drop the oldest patterns first
            with contextlib.suppress(KeyError):
                cache.popitem(last=False)
    try:
        yield
    finally:
        _CORE_CACHE_SIZE, _PART_CACHE_SIZE = before


def cache_clear() -> None:
    """Forget every shared result of `assess` (the classifiers' own caches are kept)."""
    for cache in (_CORES, _PART_A, _PART_B):
        cache.clear()


def cache_size() -> int:
    """How many patterns of facts `assess` holds shared results for."""
    return len(_CORES)


def _unique(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for group in groups for w in group))


def _findings(initiative: Initiative) -> Findings:
    """Every part the recommendation rules read, computed afresh (through the parts' caches)."""
    modality = classify_modality(initiative)
    outcome = modality.outcome
    return Findings(
        initiative,
        assess_scope(initiative),
        modality,
        classify_nso_category(initiative),
        assess_principles(initiative),
        participation_profile(initiative, outcome if isinstance(outcome, Modality) else None),
    )


def _part_a(initiative: Initiative) -> _PartA:
    f = _findings(initiative)
    engaged = f.participation.engaged_stages
    slot = 1 if engaged is None else 2 if Stage.COLLECTION in engaged else 3
    warnings = _unique((f.scope.warnings, f.modality.warnings, f.nso_category.warnings))
    recs = recommend(f, DECISION_RULES)
    return f.scope, f.modality, f.nso_category, f.participation, recs, warnings, slot


def _part_b(initiative: Initiative, slot: int, entry: list[Any]) -> tuple[Recommendation, ...]:
    recs = recommend(_findings(initiative), PRINCIPLE_RULES)
    entry[slot] = recs
    return recs


def _core(initiative: Initiative) -> _Core:
    a = _PART_A.get(key := _part_a_key(initiative))
    if a is None:
        a = _store(_PART_A, key, _part_a(initiative))
    b = _PART_B.get(pkey := (initiative.principles, initiative.practices))
    if b is None:
        b = _store(_PART_B, pkey, [assess_principles(initiative), None, None, None])
    principles: PrincipleAssessment = b[0]
    slot = a[6]
    recs_b = b[slot]
    if recs_b is None:
        recs_b = _part_b(initiative, slot, b)
    return (
        a[0],
        a[1],
        a[2],
        principles,
        a[3],
        a[4] + recs_b,
        _unique((a[5], principles.warnings)),
    )


def assess(initiative: Initiative) -> Assessment:
    """Assess an initiative: scope, modality, NSO category, principles, participation, steps.

    Results are shared between initiatives with the same facts, so assessing a registry costs
    one dictionary look-up per initiative once its patterns have been seen.

    Args:
        initiative: The initiative to assess.

    Returns:
        The assessment; `Assessment.to_dict` gives it as plain data.
    """
    core = _CORES.get(key := _core_key(initiative))
    if core is None:
        core = _store(_CORES, key, _core(initiative), _CORE_CACHE_SIZE)
    return Assessment(initiative, *core)


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
        }
    )
    levels = _values(ParticipationLevel)
    participation = _object(
        {
            "engaged_stages": {
                "oneOf": [
                    {"type": "array", "items": {"enum": _values(Stage)}, "uniqueItems": True},
                    {"type": "null"},
                ]
            },
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
                    "rule_sets": _object({rs.id: rule_set for rs in RULE_SETS}),
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
