"""Recommendations: one test per rule, their order, citations and the cached fast path."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

from copenhagen import (
    Actor,
    Initiative,
    NSOCategory,
    Principle,
    Stage,
    Status,
    assess,
    assess_principles,
)
from copenhagen.assessor import Assessor
from copenhagen.batch.writers import CompactWriter
from copenhagen.framework.citations import is_anchor
from copenhagen.framework.objectives import Objective
from copenhagen.framework.participation import ParticipationAspect as A
from copenhagen.framework.participation import ParticipationLevel as L
from copenhagen.framework.practices import Practice
from copenhagen.participation import DESIGN_STAGE_RULES
from copenhagen.recommendations import PRINCIPLE_CITATIONS, RECOMMENDATION_RULES
from copenhagen.strategies import initiatives
from tests.variants import FUNDED_ADVICE, M4_FUNDERS

D, C, P, AN, U, R = Stage
ALL_MET = dict.fromkeys(Principle, Status.MET)
ALL_RATED_HIGH = dict.fromkeys(A, L.HIGH)


def make(**fields: Any) -> Initiative:
    fields.setdefault("name", "x")
    fields.setdefault("initiated_by", {Actor.CSO})
    return Initiative(**fields)


def recs(**fields: Any) -> dict[str, Any]:
    return {r.id: r for r in assess(make(**fields)).recommendations}


def _complete_fields(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "engaged_stages": set(Stage),
        "meaningful_engagement": True,
        "integrated_into_official_statistics": False,
        "quality_assured": True,
        "principles": ALL_MET,
        "participation": ALL_RATED_HIGH,
    }
    return base | fields


def complete(**fields: Any) -> dict[str, Any]:
    """Recommendations for an initiative that leaves little open, changed by ``fields``."""
    return recs(**_complete_fields(**fields))


def test_a_complete_initiative_needs_no_next_step() -> None:
    assert complete() == {}


def test_decide_scope() -> None:
    got = recs(initiated_by={Actor.ACADEMIA})
    assert "engaged_stages, meaningful_engagement" in got["decide_scope"].text
    assert "decide_scope" not in recs(initiated_by={Actor.CSO})


def test_decide_modality() -> None:
    assert "decide_modality" in recs(initiated_by={Actor.ACADEMIA}, engaged_stages={C})
    assert "decide_modality" not in complete()


def test_decide_nso_category() -> None:
    got = complete(integrated_into_official_statistics=None)
    assert "integrated_into_official_statistics" in got["decide_nso_category"].text


def test_bring_into_scope() -> None:
    got = recs(initiated_by={Actor.ACADEMIA}, engaged_stages=set())
    assert got["bring_into_scope"].citation == "Box 2"
    assert "bring_into_scope" not in complete()


def test_engage_design_stage() -> None:
    got = complete(initiated_by={Actor.NSO}, engaged_stages={C, AN})
    assert got["engage_design_stage"].citation == "para 10"
    # A citizen-side initiator takes part in the design by initiating it.
    assert "engage_design_stage" not in complete(engaged_stages={C, AN})


def test_list_engaged_stages() -> None:
    assert "list_engaged_stages" in complete(engaged_stages=None)
    # Where scope already asks for the stages, the request is not repeated.
    assert "list_engaged_stages" not in recs(initiated_by={Actor.ACADEMIA})


def test_widen_engagement() -> None:
    got = complete(initiated_by={Actor.NSO}, engaged_stages={D, C})
    assert got["widen_engagement"].text.endswith("processing, analysis, uptake, review.")
    assert "widen_engagement" not in complete()


def test_design_stage_is_asked_for_once() -> None:
    """Without design, engage_design_stage asks for it; widen_engagement names the rest."""
    got = complete(initiated_by={Actor.NSO}, engaged_stages={C})
    assert "engage_design_stage" in got
    assert got["widen_engagement"].text.endswith("engaged: processing, analysis, uptake, review.")


def test_make_engagement_meaningful() -> None:
    assert complete(meaningful_engagement=False)["make_engagement_meaningful"].citation == (
        "para 11"
    )
    # Silent while it is not known whether the engagement is meaningful: no guess.
    assert "make_engagement_meaningful" not in complete(meaningful_engagement=None)
    assert "make_engagement_meaningful" not in complete(meaningful_engagement=True)


def test_engage_design_stage_stays_silent_while_design_engagement_is_unknown() -> None:
    # Not citizen-initiated and no stages listed: whether design is engaged is unknown.
    got = complete(initiated_by={Actor.NSO}, engaged_stages=None)
    assert "engage_design_stage" not in got
    assert "engage_design_stage" in complete(initiated_by={Actor.NSO}, engaged_stages={C})


def test_rate_participation() -> None:
    got = complete(participation={A.EXTENT: L.HIGH})
    assert "duration" in got["rate_participation"].text
    assert "extent" not in got["rate_participation"].text


def test_raise_participation() -> None:
    got = complete(participation=ALL_RATED_HIGH | {A.EFFORT: L.MEDIUM})
    assert "degree (medium)" in got["raise_participation"].text
    assert "quality" not in got["raise_participation"].text


def test_seek_quality_assurance() -> None:
    got = complete(quality_assured=False, objectives={Objective.COMPLEMENT_OFFICIAL_DATA})
    step = got["seek_quality_assurance"]
    assert step.citation == "paras 32-34"
    # Offered as an option, never as the way every category-3 initiative should go (para 32).
    assert step.text.startswith("If you want the data to complement official statistics")
    assert "one option" in step.text
    assert "in their own right" in step.text


@pytest.mark.parametrize(
    "objectives",
    [
        set(),
        {Objective.REPRESENT_UNREPRESENTED},
        {Objective.MONITOR_RIGHTS, Objective.RAISE_AWARENESS},
    ],
)
def test_seek_quality_assurance_is_not_pressed_on_independent_citizen_data(
    objectives: set[Objective],
) -> None:
    # Para 32 presents independent citizen data (category 3) as legitimate: an initiative that
    # does not aim to complement official data is not told to move towards category 2.
    fields = _complete_fields(quality_assured=False, objectives=objectives)
    assert assess(make(**fields)).nso_category.outcome is NSOCategory.INDEPENDENT
    assert "seek_quality_assurance" not in recs(**fields)


def test_seek_quality_assurance_waits_for_category_3() -> None:
    # Category 2 already complements official statistics; category 1 is integrated.
    wants = {Objective.COMPLEMENT_OFFICIAL_DATA}
    assert "seek_quality_assurance" not in complete(objectives=wants)
    assert "seek_quality_assurance" not in complete(
        objectives=wants, integrated_into_official_statistics=True
    )


def test_quality_assure_integrated_data() -> None:
    result = assess(
        make(
            engaged_stages=set(Stage),
            meaningful_engagement=True,
            integrated_into_official_statistics=True,
            quality_assured=False,
        )
    )
    ids = [r.id for r in result.recommendations]
    assert "quality_assure_integrated_data" in ids
    assert result.nso_category.warnings
    assert set(result.nso_category.warnings) <= set(result.warnings)


def test_open_practices() -> None:
    # Lists the practices still open, and what holds the principle down.
    got = complete(
        principles=ALL_MET | {Principle.INFORMED_CONSENT: Status.NOT_MET},
        practices={Practice.CONSENT_BEFORE_COLLECTION: True},
    )
    consent = got["open_practices.informed_consent"]
    assert consent.citation == "para 22"
    assert Practice.PURPOSE_AND_RISKS_EXPLAINED.title in consent.text
    assert Practice.CONSENT_BEFORE_COLLECTION.title not in consent.text
    ethics = got["open_practices.ethical_and_safe_use"]
    assert "informed consent" in ethics.text
    assert ethics.citation == "para 28"
    assert "open_practices.transparency" not in got


def test_declare_principles() -> None:
    got = complete(principles={})
    assert got["declare_principles"].text.split(": ", 1)[1].count(", ") == 12
    answered = complete(principles={}, practices={Practice.METADATA_PUBLISHED: True})
    assert "transparency" not in answered["declare_principles"].text


def test_consent_before_collection() -> None:
    unknown = dict(ALL_MET)
    del unknown[Principle.INFORMED_CONSENT]
    assert "consent_before_collection" in complete(principles=unknown)
    answered = complete(principles=unknown, practices={Practice.CONSENT_BEFORE_COLLECTION: True})
    assert "consent_before_collection" not in answered
    assert "consent_before_collection" not in complete(principles=unknown, engaged_stages={D, AN})


def test_secure_data_for_confidentiality() -> None:
    got = complete(principles=ALL_MET | {Principle.DATA_SECURITY: Status.NOT_MET})
    assert got["secure_data_for_confidentiality"].citation == "para 30"


def test_balance_openness_and_confidentiality() -> None:
    got = complete(principles=ALL_MET | {Principle.CONFIDENTIALITY: Status.PARTIAL})
    assert "balance_openness_and_confidentiality" in got
    closed = ALL_MET | {
        Principle.CONFIDENTIALITY: Status.PARTIAL,
        Principle.OPENNESS: Status.NOT_MET,
    }
    assert "balance_openness_and_confidentiality" not in complete(principles=closed)


def test_consent_with_transparency() -> None:
    got = complete(principles=ALL_MET | {Principle.TRANSPARENCY: Status.NOT_MET})
    assert got["consent_with_transparency"].text.startswith("Bring transparency")
    unknown = ALL_MET | {Principle.TRANSPARENCY: Status.UNKNOWN}
    assert "consent_with_transparency" not in complete(principles=unknown)


# --- The rules as data --------


def test_every_rule_has_a_test_above() -> None:
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    assert {rule.id.split(".")[0] for rule in RECOMMENDATION_RULES} <= tested


def test_rules_are_listed_with_unique_ids_and_valid_citations() -> None:
    ids = [r.id for r in RECOMMENDATION_RULES]
    assert len(ids) == len(set(ids))
    assert all(is_anchor(r.citation) for r in RECOMMENDATION_RULES)
    assert all(is_anchor(c) for c in PRINCIPLE_CITATIONS.values())
    assert all(r.statement and r.when.keys() for r in RECOMMENDATION_RULES)
    assert len(RECOMMENDATION_RULES.digest) == 64


def test_each_rule_reads_what_its_condition_and_text_name() -> None:
    """What a rule reads is worked out from its condition and its text's blanks, not declared."""
    widen = RECOMMENDATION_RULES.rule("widen_engagement")
    keys = set(widen.when.keys())
    assert {"engaged_stages", "initiated_by"} <= keys
    consent = RECOMMENDATION_RULES.rule("consent_before_collection")
    assert set(RECOMMENDATION_RULES.findings_keys()) >= set(consent.when.reads())
    assert "practices.consent_before_collection" in consent.when.reads()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"initiated_by": {Actor.ACADEMIA}},
        {"initiated_by": {Actor.NSO}, "engaged_stages": {C}, "meaningful_engagement": False},
        {"principles": {Principle.DATA_SECURITY: Status.NOT_MET, Principle.OPENNESS: Status.MET}},
    ],
)
def test_recommendations_follow_the_rule_order_and_cite_the_framework(
    fields: dict[str, Any],
) -> None:
    order = {rule.id: n for n, rule in enumerate(RECOMMENDATION_RULES)}
    made = assess(make(**fields)).recommendations
    assert made
    positions = [order[r.id] for r in made]
    assert positions == sorted(positions)
    assert all(is_anchor(r.citation) for r in made)


@given(initiatives())
def test_declare_principles_names_exactly_the_findings_with_nothing_to_go_on(
    initiative: Initiative,
) -> None:
    findings = assess_principles(initiative).findings
    silent = [
        p.name.lower().replace("_", " ").replace("self identification", "self-identification")
        for p in Principle
        if findings[p].declared is Status.UNKNOWN and findings[p].from_practices is None
    ]
    made = {r.id: r for r in assess(initiative).recommendations}
    if not silent:
        assert "declare_principles" not in made
    else:
        assert made["declare_principles"].text.split(": ", 1)[1] == ", ".join(silent) + "."


@given(initiatives())
def test_every_recommendation_is_cited_unique_and_in_rule_order(initiative: Initiative) -> None:
    made = assess(initiative).recommendations
    ids = [r.id for r in made]
    assert len(ids) == len(set(ids))
    assert all(is_anchor(r.citation) and r.text for r in made)
    order = {rule.id: n for n, rule in enumerate(RECOMMENDATION_RULES)}
    positions = [order[i] for i in ids]
    assert positions == sorted(positions)
    principles = [i.split(".")[1] for i in ids if i.startswith("open_practices.")]
    assert principles == [p.name.lower() for p in Principle if p.name.lower() in principles]


def test_balance_openness_waits_for_a_known_confidentiality() -> None:
    """An unknown confidentiality is not a shortfall: declare_principles asks for it instead."""
    unknown = {p: s for p, s in ALL_MET.items() if p is not Principle.CONFIDENTIALITY}
    got = complete(principles=unknown)
    assert "balance_openness_and_confidentiality" not in got
    assert "declare_principles" in got


def test_decide_scope_asks_for_the_fact_in_the_document() -> None:
    from copenhagen import assess, load_initiative

    undecided = load_initiative(
        {"name": "x", "initiated_by": ["academia"], "engaged_stages": ["collection"]}
    )
    (step,) = [r for r in assess(undecided).recommendations if r.id == "decide_scope"]
    assert step.text.startswith("Record meaningful_engagement in the initiative's document")


def test_principles_are_named_in_plain_words() -> None:
    from copenhagen.recommendations import _NAME

    assert _NAME[Principle.SELF_IDENTIFICATION] == "self-identification"
    assert _NAME[Principle.ETHICAL_AND_SAFE_USE] == "ethical and safe use"


# --- Silent while unknown: a step asked for only when its gap is known ---------------------

_ASSESSORS = (Assessor(), Assessor([M4_FUNDERS, FUNDED_ADVICE]))


@given(initiatives(unknown_probability=0.5))
def test_engagement_steps_fire_only_on_a_known_no_in_every_output(initiative: Initiative) -> None:
    """Issue 11: ``make_engagement_meaningful`` and ``engage_design_stage`` say nothing while
    their fact is unknown: each fires exactly when it is known to be false (never for "not known
    to be true"), in ``assess``, ``recommendation_ids`` and the compact batch row alike.
    """
    design = DESIGN_STAGE_RULES(initiative)
    expected = {
        "make_engagement_meaningful": initiative.meaningful_engagement is False,
        "engage_design_stage": design.determinate and design.outcome is False,
    }
    for assessor in _ASSESSORS:
        row = json.loads(CompactWriter(assessor).write(1, initiative)[0])
        outputs = {
            "assess": {r.id for r in assessor.assess(initiative).recommendations},
            "recommendation_ids": set(assessor.recommendation_ids(initiative)),
            "compact row": set(row["recommendations"]),
        }
        for output, ids in outputs.items():
            assert {i: i in ids for i in expected} == expected, output


def test_engagement_steps_wait_for_the_fact_in_every_output() -> None:
    # The two unknowns, each beside the known "no" that does fire.
    unknown = make(**_complete_fields(initiated_by={Actor.NSO}, meaningful_engagement=None))
    stages_unknown = make(**_complete_fields(initiated_by={Actor.NSO}, engaged_stages=None))
    said_no = make(
        **_complete_fields(
            initiated_by={Actor.NSO}, meaningful_engagement=False, engaged_stages={C}
        )
    )
    for assessor in _ASSESSORS:
        writer = CompactWriter(assessor)
        for initiative, silent in (
            (unknown, "make_engagement_meaningful"),
            (stages_unknown, "engage_design_stage"),
        ):
            assert silent not in assessor.recommendation_ids(initiative)
            assert silent not in json.loads(writer.write(1, initiative)[0])["recommendations"]
        ids = assessor.recommendation_ids(said_no)
        assert {"make_engagement_meaningful", "engage_design_stage"} <= set(ids)
