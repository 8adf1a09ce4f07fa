"""The rules' invariants, stated as properties over the public strategies (contract 1 and 3)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import attrs
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import (
    Actor,
    Decision,
    Initiative,
    Modality,
    NSOCategory,
    Scope,
    Stage,
    assess_scope,
    classify_modality,
    classify_nso_category,
)
from copenhagen.documents import load_initiative
from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.framework.citations import is_anchor
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.rules import (
    RULE_SETS,
)
from copenhagen.strategies import documents, initiatives, members

from ._helpers import fillings, unknown_keys

Classifier = Callable[[Initiative], Decision]
CLASSIFIERS: dict[str, tuple[Classifier, type]] = {
    "scope": (assess_scope, Scope),
    "modality": (classify_modality, Modality),
    "nso_category": (classify_nso_category, NSOCategory),
}
ALL = list(CLASSIFIERS.values())


@given(initiatives())
def test_every_classifier_gives_exactly_one_well_formed_answer(initiative: Initiative) -> None:
    for classify, outcome_type in ALL:
        decision = classify(initiative)
        assert isinstance(decision, Decision)
        assert decision.outcome is None or isinstance(decision.outcome, outcome_type)
        assert decision.trace, "every decision has a trace"
        assert all(is_anchor(step.citation) for step in decision.trace)
        assert all(step.explanation.endswith(".") for step in decision.trace)
        if decision.determinate:
            assert decision.missing == ()
        else:
            assert decision.outcome is None
            assert decision.missing, "an undecided decision names what is missing"
            order = [DOCUMENT_KEYS.index(k) for k in decision.missing]
            assert order == sorted(set(order))
            assert all(getattr(initiative, k) is None for k in decision.missing)
        assert classify(initiative) is decision, "repeated patterns share one Decision"


@given(initiatives())
def test_no_modality_or_category_exactly_when_out_of_scope(initiative: Initiative) -> None:
    scope = assess_scope(initiative)
    out = scope.determinate and scope.outcome is Scope.OUT_OF_SCOPE
    for classify in (classify_modality, classify_nso_category):
        decision = classify(initiative)
        if decision.determinate:
            assert (decision.outcome is None) == out
        if out:
            assert decision.determinate
            assert decision.outcome is None
    # Nothing can be settled about the category while scope is open.
    if not scope.determinate:
        category = classify_nso_category(initiative)
        assert not category.determinate
        assert set(scope.missing) <= set(category.missing)


@given(initiatives(), st.sampled_from(ALL), st.data())
def test_missing_is_honest_and_exact(
    initiative: Initiative, classifier: tuple[Classifier, type], data: st.DataObject
) -> None:
    classify = classifier[0]
    decision = classify(initiative)
    unknown = unknown_keys(initiative)
    if decision.determinate:
        # A settled decision never changes when unknown facts become known.
        for filled in fillings(initiative, unknown):
            assert classify(filled).outcome is decision.outcome
            assert classify(filled).determinate
        return
    missing = decision.missing
    rest = tuple(k for k in unknown if k not in missing)
    for filled in fillings(initiative, missing):
        settled = classify(filled)
        assert settled.determinate, f"filling {missing} must settle it"
        # Keys outside `missing` never matter once it is filled.
        for other in fillings(filled, rest):
            assert classify(other).outcome is settled.outcome
    # No smaller set settles it: each proper subset leaves some filling undecided.
    for size in range(len(missing)):
        for subset in itertools.combinations(missing, size):
            assert any(not classify(f).determinate for f in fillings(initiative, subset))
    # Any values at all, not only the exhaustive ones, settle it.
    drawn = {
        k: data.draw(st.frozensets(members(Stage)) if k == "engaged_stages" else st.booleans())
        for k in missing
    }
    assert classify(attrs.evolve(initiative, **drawn)).determinate


@given(initiatives(), members(Actor).filter(CITIZEN_SIDE.__contains__))
def test_adding_a_citizen_initiator_keeps_an_in_scope_initiative_in(
    initiative: Initiative, citizen: Actor
) -> None:
    before = assess_scope(initiative)
    more = attrs.evolve(initiative, initiated_by=initiative.initiated_by | {citizen})
    after = assess_scope(more)
    assert after.outcome is Scope.IN_SCOPE
    assert after.determinate
    if before.outcome is Scope.IN_SCOPE:
        assert after.outcome is Scope.IN_SCOPE


@given(initiatives(meaningful_engagement=None))
def test_learning_engagement_is_meaningful_keeps_in_scope_in(initiative: Initiative) -> None:
    before = assess_scope(initiative)
    after = assess_scope(attrs.evolve(initiative, meaningful_engagement=True))
    if before.determinate and before.outcome is Scope.IN_SCOPE:
        assert after.determinate
        assert after.outcome is Scope.IN_SCOPE


@given(initiatives())
def test_the_compiled_path_agrees_with_fresh_evaluation(initiative: Initiative) -> None:
    for rule_set in RULE_SETS:
        fresh = rule_set.evaluate(rule_set.facts_of(initiative))
        assert rule_set(initiative) == fresh
        assert rule_set.evaluation(rule_set.facts_of(initiative)).decision == fresh


@given(initiatives(), st.data())
def test_facts_a_rule_set_does_not_read_change_nothing(
    initiative: Initiative, data: st.DataObject
) -> None:
    other = data.draw(initiatives())
    for rule_set in RULE_SETS:
        mixed = attrs.evolve(other, **{k: getattr(initiative, k) for k in rule_set.facts})
        assert rule_set(mixed) == rule_set(initiative)


_SET_KEYS = ("initiated_by", "partners", "funders", "objectives", "engaged_stages")


@given(documents(), st.randoms(use_true_random=False))
def test_order_and_repeats_in_document_lists_change_nothing(
    document: dict[str, object], rnd: random.Random
) -> None:
    shuffled = dict(document)
    for key in _SET_KEYS:
        value = document.get(key)
        if isinstance(value, list):
            doubled = value + value[: rnd.randint(0, len(value))]
            rnd.shuffle(doubled)
            shuffled[key] = doubled
    first, second = load_initiative(document), load_initiative(shuffled)
    for classify, _ in ALL:
        assert classify(first) == classify(second)
