"""The full assessment: its pinned shape, byte-identical output, schema, caches and pickling."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import copenhagen
from copenhagen import (
    Actor,
    Initiative,
    Modality,
    Principle,
    Stage,
    Status,
    assess,
    assess_principles,
    assess_scope,
    assessment_schema,
    classify_modality,
    classify_nso_category,
)
from copenhagen import assessment as assessment_module
from copenhagen import assessor as assessor_module
from copenhagen.assessor import Assessor, default_assessor
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.recommendations import Findings, recommend
from copenhagen.rules import RULE_SETS
from copenhagen.strategies import initiatives

TOP_KEYS = [
    "name",
    "scope",
    "modality",
    "nso_category",
    "principles",
    "principle_findings",
    "participation",
    "recommendations",
    "warnings",
    "provenance",
]
DECISION_KEYS = ["outcome", "determinate", "missing", "trace", "warnings"]
FINDING_KEYS = [
    "declared",
    "from_practices",
    "status",
    "held_down_by",
    "explanation",
    "citations",
    "crosswalks",
]
CROSSWALK_LINK_KEYS = ["crosswalk", "from", "to", "strength", "reason", "source"]
PARTICIPATION_KEYS = [
    "engaged_stages",
    "listed_stages",
    "added_stages",
    "coverage",
    "design_stage_engaged",
    "ratings",
    "degree",
    "quality",
    "table_1_column",
    "table_1",
    "shirk_model",
    "haklay_level",
    "notes",
]

EXAMPLE = Initiative(
    name="Marine litter watch",
    initiated_by={Actor.CSO},
    partners={Actor.NSO},
    engaged_stages={Stage.COLLECTION, Stage.ANALYSIS},
    meaningful_engagement=True,
    integrated_into_official_statistics=False,
    quality_assured=False,
    principles={Principle.INFORMED_CONSENT: Status.MET, Principle.DATA_SECURITY: Status.PARTIAL},
    participation={ParticipationAspect.EXTENT: ParticipationLevel.HIGH},
)


def dumps(initiative: Initiative) -> str:
    return json.dumps(assess(initiative).to_dict(), sort_keys=True, allow_nan=False)


def clear_caches() -> None:
    default_assessor().cache_clear()


# --- Shape --------


def test_to_dict_has_the_pinned_keys_in_order() -> None:
    data = assess(EXAMPLE).to_dict()
    assert list(data) == TOP_KEYS
    assert data["name"] == "Marine litter watch"
    for key in ("scope", "modality", "nso_category"):
        assert list(data[key]) == DECISION_KEYS
        assert data[key]["trace"]
        assert all(list(step) == ["rule", "citation", "explanation"] for step in data[key]["trace"])
    assert list(data["principles"]) == [p.name.lower() for p in Principle]
    assert list(data["principle_findings"]) == [p.name.lower() for p in Principle]
    assert all(list(f) == FINDING_KEYS for f in data["principle_findings"].values())
    assert list(data["participation"]) == PARTICIPATION_KEYS
    assert all(list(r) == ["id", "text", "citation"] for r in data["recommendations"])


def test_to_dict_outcomes_are_the_members_values() -> None:
    data = assess(EXAMPLE).to_dict()
    assert data["scope"]["outcome"] == "in_scope"
    assert data["modality"]["outcome"] == Modality.CIVIC_DRIVEN_COLLABORATION.value
    assert data["nso_category"]["outcome"] == 3
    assert data["principles"]["informed_consent"] == "met"
    assert data["principles"]["ethical_and_safe_use"] == "unknown"
    assert data["participation"]["engaged_stages"] == ["design", "collection", "analysis"]


def test_provenance_names_the_framework_library_and_rule_sets() -> None:
    provenance = assess(EXAMPLE).to_dict()["provenance"]
    assert provenance["framework"] == "Copenhagen Framework on Citizen Data"
    assert provenance["framework_version"] == "1.0"
    assert provenance["library_version"] == copenhagen.__version__
    assert list(provenance["rule_sets"]) == [
        "scope",
        "modality",
        "nso_category",
        "participation",
        "principles",
        "recommendations",
    ]
    for rule_set in RULE_SETS:
        assert provenance["rule_sets"][rule_set.id] == {
            "id": rule_set.id,
            "digest": rule_set.digest,
        }
        assert len(rule_set.digest) == 64
    assert all(len(entry["digest"]) == 64 for entry in provenance["rule_sets"].values())
    assert provenance["layers"] == []


def test_assessment_is_frozen() -> None:
    result = assess(EXAMPLE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.warnings = ()  # type: ignore[misc]


def test_package_face_exports_the_assessment_lazily() -> None:
    assert copenhagen.assess is assessor_module.assess
    assert copenhagen.Assessment is assessment_module.Assessment
    assert copenhagen.assessment_schema is assessment_module.assessment_schema
    code = (
        "import sys, copenhagen; "
        "print(any(m in sys.modules for m in ('copenhagen.assessment', 'networkx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- Byte-identical output --------


def _rebuilt(i: Initiative, data: st.DataObject) -> Initiative:
    """An equal initiative built from reordered, repeated inputs."""

    def shuffled(items: Any) -> list[Any]:
        listed = data.draw(st.permutations(sorted(items, key=str)))
        return listed + listed[: data.draw(st.integers(0, len(listed)))]

    def remapped(mapping: Any) -> dict[Any, Any]:
        keys = data.draw(st.permutations(list(mapping)))
        return {k: mapping[k] for k in keys}

    return Initiative(
        name=str(i.name),
        initiated_by=shuffled(i.initiated_by),
        partners=shuffled(i.partners),
        funders=shuffled(i.funders),
        objectives=shuffled(i.objectives),
        engaged_stages=None if i.engaged_stages is None else shuffled(i.engaged_stages),
        meaningful_engagement=i.meaningful_engagement,
        integrated_into_official_statistics=i.integrated_into_official_statistics,
        quality_assured=i.quality_assured,
        principles=remapped(i.principles),
        description=i.description,
        country=i.country,
        extra=i.extra_data,
        practices=remapped(i.practices),
        participation=remapped(i.participation),
    )


@given(initiatives(), st.data())
def test_equal_initiatives_built_differently_give_the_same_bytes(
    initiative: Initiative, data: st.DataObject
) -> None:
    twin = _rebuilt(initiative, data)
    assert twin == initiative
    first = dumps(initiative)
    assert dumps(twin) == first
    clear_caches()
    assert dumps(twin) == first


@given(initiatives(), st.text(min_size=1, max_size=20))
def test_initiatives_sharing_facts_share_results_but_keep_their_names(
    initiative: Initiative, name: str
) -> None:
    other = attrs.evolve(initiative, name=name)
    a, b = assess(initiative), assess(other)
    assert b.initiative is other
    assert b.to_dict()["name"] == name
    assert {**a.to_dict(), "name": name} == b.to_dict()


# --- Consistency with the parts --------


@given(initiatives())
def test_to_dict_agrees_with_the_individual_classifiers(initiative: Initiative) -> None:
    result = assess(initiative)
    data = result.to_dict()
    scope = assess_scope(initiative)
    modality = classify_modality(initiative)
    category = classify_nso_category(initiative)
    principles = assess_principles(initiative)
    profile = default_assessor().participation_profile(initiative)
    assert (result.scope, result.modality, result.nso_category) == (scope, modality, category)
    assert data["scope"] == scope.to_dict()
    assert data["modality"] == modality.to_dict()
    assert data["nso_category"] == category.to_dict()
    assert data["principles"] == principles.principles_dict()
    assert data["principle_findings"] == principles.to_dict()
    assert data["participation"] == profile.to_dict()
    findings = Findings(initiative, scope, modality, category, principles, profile)
    assert result.recommendations == recommend(findings)
    expected = (scope.warnings, modality.warnings, category.warnings, principles.warnings)
    assert result.warnings == tuple(dict.fromkeys(w for ws in expected for w in ws))


@given(initiatives(), initiatives())
def test_facts_outside_the_cache_keys_never_leak_between_initiatives(
    initiative: Initiative, other: Initiative
) -> None:
    """A twin differing only in facts the caches do not key on gets its own, correct results."""
    assess(initiative)  # warm the caches with the first
    twin = attrs.evolve(
        initiative,
        funders=other.funders,
        objectives=other.objectives,
        description=other.description,
        country=other.country,
        extra=other.extra_data,
    )
    result = assess(twin)
    assert result.scope == assess_scope(twin)
    assert result.modality == classify_modality(twin)
    assert result.nso_category == classify_nso_category(twin)
    assert result.principles.principles_dict() == assess_principles(twin).principles_dict()


# --- Schema --------


def test_the_schema_is_valid_json_schema_2020_12() -> None:
    schema = assessment_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == TOP_KEYS


def test_each_call_gives_a_fresh_schema() -> None:
    first = assessment_schema()
    first["properties"].clear()
    assert assessment_schema()["properties"]


_VALIDATOR = jsonschema.Draft202012Validator(assessment_schema())


@given(initiatives())
def test_generated_results_validate_against_the_schema(initiative: Initiative) -> None:
    _VALIDATOR.validate(json.loads(dumps(initiative)))


def test_the_schema_rejects_a_result_missing_a_key_or_with_a_bad_value() -> None:
    data = json.loads(dumps(EXAMPLE))
    _VALIDATOR.validate(data)
    broken = {k: v for k, v in data.items() if k != "principles"}
    assert not _VALIDATOR.is_valid(broken)
    data["participation"]["shirk_model"] = "fully_owned"
    assert not _VALIDATOR.is_valid(data)


def test_the_schema_checks_each_finding_s_crosswalk_links() -> None:
    data = json.loads(dumps(EXAMPLE))
    links = data["principle_findings"]["confidentiality"]["crosswalks"]
    assert [link["crosswalk"] for link in links] == ["fpos", "hrbad"]
    links[0]["strength"] = "strong"
    assert not _VALIDATOR.is_valid(data)
    links[0]["strength"] = "overlaps"
    links[0]["crosswalk"] = "gsbpm"  # a stage's crosswalk, never a principle's
    assert not _VALIDATOR.is_valid(data)
    del links[0]["crosswalk"]
    assert not _VALIDATOR.is_valid(data)


def test_each_principle_finding_carries_its_crosswalks() -> None:
    # Issue 15: the crosswalks in to_dict() where they touch a principle's finding.
    from copenhagen.framework.crosswalks import crosswalk_links

    data = assess(EXAMPLE).to_dict()
    for principle in Principle:
        links = data["principle_findings"][principle.name.lower()]["crosswalks"]
        assert links, principle
        assert all(list(link) == CROSSWALK_LINK_KEYS for link in links)
        expected = crosswalk_links(principle)
        assert [link["crosswalk"] for link in links] == [x.crosswalk for x in expected]
        assert [{k: v for k, v in link.items() if k != "crosswalk"} for link in links] == [
            x.to_dict() for x in expected
        ]
        assert {link["from"] for link in links} == {principle.name.lower()}


# --- Pickling (batch users spread work over processes) --------


@given(initiatives())
def test_assessments_pickle_and_come_back_equal(initiative: Initiative) -> None:
    result = assess(initiative)
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert again.to_dict() == result.to_dict()


def test_the_assess_function_pickles() -> None:
    assert pickle.loads(pickle.dumps(assess)) is assess
    assert pickle.loads(pickle.dumps(assessment_schema)) is assessment_schema


def test_cache_clear_and_size() -> None:
    assessor = Assessor()
    assert assessor.cached_patterns() == 0
    first = assessor.assess(EXAMPLE)
    twin = attrs.evolve(EXAMPLE, name="Another name", country="DK")
    second = assessor.assess(twin)
    assert assessor.cached_patterns() == 1
    assert second.scope is first.scope
    assert second.principles is first.principles
    assert second.recommendations == first.recommendations
    assessor.cache_clear()
    assert assessor.cached_patterns() == 0


def test_assess_runs_in_worker_processes() -> None:
    from concurrent.futures import ProcessPoolExecutor

    batch = [EXAMPLE, attrs.evolve(EXAMPLE, name="Second", initiated_by={Actor.ACADEMIA})]
    with ProcessPoolExecutor(max_workers=1) as pool:
        results = list(pool.map(assess, batch))
    assert [r.to_dict() for r in results] == [assess(i).to_dict() for i in batch]


def test_cache_size_bounds_every_cache() -> None:
    from copenhagen.synthetic import realistic_initiatives

    assessor = Assessor(cache_size=5)
    for initiative in realistic_initiatives(300, seed=12):
        assessor.assess(initiative)
    assert assessor.cached_patterns() <= 5
    assert all(len(cache) <= 5 for cache in assessor._all_caches())


def test_cache_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Assessor(cache_size=0)


def test_bounded_results_equal_unbounded_ones() -> None:
    """Narrow bounds change what is remembered, never what is answered."""
    from copenhagen.synthetic import realistic_initiatives

    sample = list(realistic_initiatives(200, seed=13))
    wide = [json.dumps(Assessor().assess(i).to_dict(), sort_keys=True) for i in sample]
    narrow_assessor = Assessor(cache_size=2)
    narrow = [json.dumps(narrow_assessor.assess(i).to_dict(), sort_keys=True) for i in sample]
    assert narrow == wide
