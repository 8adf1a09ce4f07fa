from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import Actor, Initiative, Principle, Status, assess_principles
from copenhagen.framework import Practice
from copenhagen.framework.citations import is_anchor
from copenhagen.model import status_and
from copenhagen.principles import PrincipleAssessment, practice_evidence, practices_of
from copenhagen.principles.relations import REQUIRES, REQUIRES_CLOSURE
from tests.principles.strategies import initiatives
from tests.test_assessment import FINDING_KEYS

P = Principle
RANK = {Status.NOT_MET: 0, Status.UNKNOWN: 1, Status.PARTIAL: 2, Status.MET: 3}


def make(
    principles: dict[Principle, Status] | None = None,
    practices: dict[Practice, bool] | None = None,
) -> Initiative:
    return Initiative(
        name="test",
        initiated_by={Actor.CSO},
        principles=principles or {},
        practices=practices or {},
    )


def own_status(i: Initiative, p: Principle) -> Status:
    declared = i.declared(p)
    if declared is not Status.UNKNOWN:
        return declared
    return practice_evidence(p, i.practices).derived or Status.UNKNOWN


@given(initiatives())
def test_never_above_own_status_nor_any_requirement(i: Initiative) -> None:
    result = assess_principles(i)
    for p in Principle:
        assert RANK[result.status(p)] <= RANK[own_status(i, p)]
        if i.declared(p) is not Status.UNKNOWN:
            assert RANK[result.status(p)] <= RANK[i.declared(p)]
        for q in REQUIRES_CLOSURE[p]:
            assert RANK[result.status(p)] <= RANK[result.status(q)]


@given(initiatives())
def test_status_is_the_pinned_and_over_direct_requirements(i: Initiative) -> None:
    result = assess_principles(i)
    for p in Principle:
        expected = status_and([own_status(i, p), *(result.status(q) for q in REQUIRES[p])])
        assert result.status(p) is expected


@given(initiatives())
def test_ethical_use_is_met_only_when_all_thirteen_are(i: Initiative) -> None:
    result = assess_principles(i)
    all_met = all(result.status(p) is Status.MET for p in Principle)
    assert (result.status(P.ETHICAL_AND_SAFE_USE) is Status.MET) == all_met
    own_all_met = all(own_status(i, p) is Status.MET for p in Principle)
    assert (result.status(P.ETHICAL_AND_SAFE_USE) is Status.MET) == own_all_met


@given(initiatives(), st.data())
def test_removing_a_not_met_declaration_never_lowers_another(
    i: Initiative, data: st.DataObject
) -> None:
    not_met = [p for p, s in i.principles.items() if s is Status.NOT_MET]
    if not not_met:
        p = data.draw(st.sampled_from(list(Principle)))
        i = make({**i.principles, p: Status.NOT_MET}, dict(i.practices))
    else:
        p = data.draw(st.sampled_from(not_met))
    before = assess_principles(i)
    without = make({q: s for q, s in i.principles.items() if q is not p}, dict(i.practices))
    after = assess_principles(without)
    for q in Principle:
        if q is not p:
            assert RANK[after.status(q)] >= RANK[before.status(q)]


@given(initiatives())
def test_findings_explain_and_cite(i: Initiative) -> None:
    result = assess_principles(i)
    assert list(result.findings) == list(Principle)
    for p, finding in result.findings.items():
        assert finding.principle is p
        assert finding.status is result.status(p)
        assert finding.declared is i.declared(p)
        assert finding.explanation
        assert finding.citations
        assert all(is_anchor(c) for c in finding.citations)
        if finding.held_down_by:
            assert finding.status is not own_status(i, p)
            for q in finding.held_down_by:
                assert q in REQUIRES[p]
                assert result.status(q) is finding.status
            assert ("para 28" if p is P.ETHICAL_AND_SAFE_USE else "para 30") in (finding.citations)
        else:
            assert finding.status is own_status(i, p)


@given(initiatives())
def test_to_dict_shape_and_determinism(i: Initiative) -> None:
    result = assess_principles(i)
    data = result.to_dict()
    assert list(data) == [p.name.lower() for p in Principle]
    for name, entry in data.items():
        assert list(entry) == FINDING_KEYS
        assert entry["status"] == result.principles_dict()[name]
    assert json.dumps(data, sort_keys=True) == json.dumps(
        assess_principles(make(dict(i.principles), dict(i.practices))).to_dict(), sort_keys=True
    )
    assert list(result.principles_dict()) == [p.name.lower() for p in Principle]


def test_results_are_shared_and_immutable() -> None:
    a = assess_principles(make({P.INFORMED_CONSENT: Status.MET}))
    b = assess_principles(make({P.INFORMED_CONSENT: Status.MET}))
    assert a is b
    assert isinstance(a, PrincipleAssessment)
    with pytest.raises(AttributeError):
        a.warnings = ()  # type: ignore[misc]
    a.to_dict()["informed_consent"]["status"] = "changed"
    assert a.to_dict()["informed_consent"]["status"] == "met"


def test_held_down_by_data_security() -> None:
    everything_met = dict.fromkeys(Principle, Status.MET)
    result = assess_principles(make({**everything_met, P.DATA_SECURITY: Status.NOT_MET}))
    assert result.status(P.CONFIDENTIALITY) is Status.NOT_MET
    assert result.findings[P.CONFIDENTIALITY].held_down_by == (P.DATA_SECURITY,)
    assert "para 30" in result.findings[P.CONFIDENTIALITY].explanation
    ethics = result.findings[P.ETHICAL_AND_SAFE_USE]
    assert ethics.held_down_by == (P.DATA_SECURITY, P.CONFIDENTIALITY)
    assert ethics.status is Status.NOT_MET
    assert result.status(P.OPENNESS) is Status.MET
    assert assess_principles(make(everything_met)).status(P.ETHICAL_AND_SAFE_USE) is Status.MET


@pytest.mark.parametrize("declared", [Status.PARTIAL, Status.MET])
def test_held_down_to_unknown_says_the_requirement_may_be_not_met(declared: Status) -> None:
    # A partial (or met) principle lowered to unknown is not explained by "cannot be met
    # unless": it falls because what it requires may turn out not met (the contract's "and").
    result = assess_principles(make({P.CONFIDENTIALITY: declared}))
    finding = result.findings[P.CONFIDENTIALITY]
    assert finding.status is Status.UNKNOWN
    assert finding.held_down_by == (P.DATA_SECURITY,)
    assert "cannot be met unless" not in finding.explanation
    assert "it requires data security (principle 6) (para 30)" in finding.explanation
    assert "may turn out not met, which would make this principle not met too" in (
        finding.explanation
    )
    ethics = assess_principles(make({P.ETHICAL_AND_SAFE_USE: declared})).findings[
        P.ETHICAL_AND_SAFE_USE
    ]
    assert "cannot be met unless" not in ethics.explanation
    assert "they are assessed unknown: any of them may turn out not met" in ethics.explanation


@pytest.mark.parametrize(
    ("own", "required"),
    [(Status.MET, Status.PARTIAL), (Status.PARTIAL, Status.NOT_MET), (Status.MET, Status.NOT_MET)],
)
def test_held_down_to_partial_or_not_met_says_it_cannot_be_met_unless(
    own: Status, required: Status
) -> None:
    result = assess_principles(make({P.CONFIDENTIALITY: own, P.DATA_SECURITY: required}))
    finding = result.findings[P.CONFIDENTIALITY]
    assert finding.status is required
    assert (
        "cannot be met unless data security (principle 6) is met (para 30)" in finding.explanation
    )


def test_every_finding_lists_its_crosswalk_links() -> None:
    from copenhagen.framework.crosswalks import crosswalk_links

    result = assess_principles(make())
    for principle, finding in result.findings.items():
        links = crosswalk_links(principle)
        assert finding.crosswalks == links
        assert finding.to_dict()["crosswalks"] == [
            {"crosswalk": link.crosswalk, **link.to_dict()} for link in links
        ]
    # The data are the caller's to change: the next result is untouched.
    data = result.to_dict()
    data["confidentiality"]["crosswalks"][0]["to"] = "changed"
    data["confidentiality"]["crosswalks"].clear()
    assert result.to_dict()["confidentiality"]["crosswalks"][0]["to"] == "6"


# (yes, no, unanswered) counts for a three-practice principle -> derived status.
DERIVATION = [
    ((0, 0, 3), None),
    ((3, 0, 0), Status.MET),
    ((2, 1, 0), Status.PARTIAL),
    ((1, 2, 0), Status.PARTIAL),
    ((0, 3, 0), Status.NOT_MET),
    ((2, 0, 1), Status.UNKNOWN),  # could still be met or partial
    ((0, 2, 1), Status.UNKNOWN),  # could still be not met or partial
    ((1, 1, 1), Status.PARTIAL),  # whatever the last answer, one yes and one no remain
    ((1, 0, 2), Status.UNKNOWN),
    ((0, 1, 2), Status.UNKNOWN),
]


@pytest.mark.parametrize(("counts", "derived"), DERIVATION)
def test_practice_derivation_table(counts: tuple[int, int, int], derived: Status | None) -> None:
    practices = practices_of(P.INFORMED_CONSENT)
    assert len(practices) == 3
    yes, no, _ = counts
    answers = dict.fromkeys(practices[:yes], True) | dict.fromkeys(practices[yes : yes + no], False)
    evidence = practice_evidence(P.INFORMED_CONSENT, answers)
    assert evidence.derived is derived
    result = assess_principles(make(practices=answers))
    assert result.findings[P.INFORMED_CONSENT].from_practices is derived
    assert result.status(P.INFORMED_CONSENT) is (derived or Status.UNKNOWN)


def test_single_practice_principle() -> None:
    (only,) = practices_of(P.ETHICAL_AND_SAFE_USE)
    assert practice_evidence(P.ETHICAL_AND_SAFE_USE, {only: True}).derived is Status.MET
    assert practice_evidence(P.ETHICAL_AND_SAFE_USE, {only: False}).derived is Status.NOT_MET


@given(initiatives())
def test_derived_status_agrees_with_every_completion(i: Initiative) -> None:
    for p in Principle:
        evidence = practice_evidence(p, i.practices)
        if evidence.derived is None:
            continue
        n = len(practices_of(p))
        outcomes = set()
        for bits in range(2 ** len(evidence.unanswered)):
            extra = sum(bits >> k & 1 for k in range(len(evidence.unanswered)))
            yes = len(evidence.yes) + extra
            outcomes.add(Status.MET if yes == n else Status.NOT_MET if yes == 0 else Status.PARTIAL)
        assert evidence.possible == outcomes
        expected = next(iter(outcomes)) if len(outcomes) == 1 else Status.UNKNOWN
        assert evidence.derived is expected


def test_declared_status_wins_over_practices() -> None:
    answers = dict.fromkeys(practices_of(P.TRANSPARENCY), False)
    result = assess_principles(make({P.TRANSPARENCY: Status.MET}, answers))
    assert result.status(P.TRANSPARENCY) is Status.MET
    assert result.findings[P.TRANSPARENCY].from_practices is Status.NOT_MET


@pytest.mark.parametrize(
    ("declared", "answers", "warns"),
    [
        (Status.MET, {Practice.CONSENT_BEFORE_COLLECTION: False}, True),
        (Status.MET, {Practice.CONSENT_BEFORE_COLLECTION: True}, False),
        (Status.NOT_MET, {Practice.CONSENT_BEFORE_COLLECTION: True}, True),
        (Status.NOT_MET, {Practice.CONSENT_BEFORE_COLLECTION: False}, False),
        (
            Status.PARTIAL,
            dict.fromkeys(practices_of(Principle.INFORMED_CONSENT), True),
            True,
        ),
        (Status.PARTIAL, {Practice.CONSENT_BEFORE_COLLECTION: True}, False),
        (Status.UNKNOWN, {Practice.CONSENT_BEFORE_COLLECTION: False}, False),
    ],
)
def test_contradiction_warning(
    declared: Status, answers: dict[Practice, bool], warns: bool
) -> None:
    principles = {} if declared is Status.UNKNOWN else {P.INFORMED_CONSENT: declared}
    result = assess_principles(make(principles, answers))
    assert bool(result.warnings) is warns
    if warns:
        (warning,) = result.warnings
        assert "principle 4" in warning
        assert "rule that out" in result.findings[P.INFORMED_CONSENT].explanation


def test_warning_names_the_contradicting_practice() -> None:
    result = assess_principles(
        make({P.INFORMED_CONSENT: Status.MET}, {Practice.CONSENT_BEFORE_COLLECTION: False})
    )
    assert "consent_before_collection" in result.warnings[0]


def test_explanations_are_plain(framework_text: str) -> None:
    from tests.principles.textcheck import copied_runs

    result = assess_principles(
        make(
            {P.DATA_SECURITY: Status.NOT_MET, P.INFORMED_CONSENT: Status.MET},
            {Practice.CONSENT_BEFORE_COLLECTION: False, Practice.METADATA_PUBLISHED: True},
        )
    )
    text = " ".join(f.explanation for f in result.findings.values()) + " ".join(result.warnings)
    assert not copied_runs(text, framework_text)
    assert "_" not in result.findings[P.CONFIDENTIALITY].explanation


@given(initiatives())
def test_a_warning_exactly_for_each_contradicted_declaration(i: Initiative) -> None:
    result = assess_principles(i)
    contradicted = [
        p
        for p in Principle
        if i.declared(p) is not Status.UNKNOWN
        and practice_evidence(p, i.practices).derived is not None
        and i.declared(p) not in practice_evidence(p, i.practices).possible
    ]
    assert len(result.warnings) == len(contradicted)
    for p, warning in zip(contradicted, result.warnings, strict=True):
        assert f"(principle {p.value})" in warning
