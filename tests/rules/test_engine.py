"""The engine: three-valued conditions, rule sets as data, digests, layering, cache, threads."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest

from copenhagen import Actor, Modality, Scope, Stage
from copenhagen.assessor import Assessor
from copenhagen.framework.citations import is_anchor
from copenhagen.rules import (
    MODALITY_RULES,
    NSO_CATEGORY_RULES,
    RULE_SETS,
    SCOPE_RULES,
    Always,
    Condition,
    DecidedAs,
    Empty,
    Has,
    Is,
    Not,
    Only,
    Rule,
    RuleSet,
    all_of,
    any_of,
)
from copenhagen.rules.conditions import outcome_words
from copenhagen.synthetic import realistic_initiatives

from ._helpers import make

SRC = Path(__file__).resolve().parents[2] / "src" / "copenhagen" / "rules"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (frozenset(), False), (frozenset({Actor.CSO}), True)],
)
def test_has_is_three_valued(value: frozenset[Actor] | None, expected: bool | None) -> None:
    assert Has("k", {Actor.CSO, Actor.CITIZENS}).evaluate({"k": value}) is expected


def test_only_empty_and_is() -> None:
    only = Only("k", {Actor.CSO})
    assert only.evaluate({"k": frozenset()}) is True
    assert only.evaluate({"k": frozenset({Actor.CSO, Actor.NSO})}) is False
    assert only.evaluate({"k": None}) is None
    assert Empty("k").evaluate({"k": frozenset()}) is True
    assert Empty("k").evaluate({"k": None}) is None
    assert Is("b", True).evaluate({"b": True}) is True
    assert Is("b", True).evaluate({"b": False}) is False
    assert Is("b", False).evaluate({"b": None}) is None
    assert Not(Is("b", True)).evaluate({"b": None}) is None
    assert Always().evaluate({}) is True


@pytest.mark.parametrize(
    ("a", "b", "conj", "disj"),
    [
        (True, True, True, True),
        (True, False, False, True),
        (True, None, None, True),
        (False, None, False, None),
        (None, None, None, None),
        (False, False, False, False),
    ],
)
def test_kleene_and_or(
    a: bool | None, b: bool | None, conj: bool | None, disj: bool | None
) -> None:
    facts = {"a": a, "b": b}
    parts = (Is("a", True), Is("b", True))
    assert all_of(*parts).evaluate(facts) is conj
    assert any_of(*parts).evaluate(facts) is disj
    assert all_of(*reversed(parts)).evaluate(facts) is conj


def test_explanations_name_the_facts_used() -> None:
    has = Has("initiated_by", {Actor.CITIZENS, Actor.COMMUNITY, Actor.CSO}, "citizen-side")
    facts = {"initiated_by": frozenset({Actor.CSO, Actor.NSO})}
    assert has.describe(facts) == ("initiated_by includes cso, a citizen-side actor",)
    assert Only("partners", {Actor.CSO}, "citizen-side").describe(
        {"partners": frozenset({Actor.STATE, Actor.NSO})}
    ) == ("partners include nso and state, not citizen-side",)


def test_every_rule_is_data_with_valid_citations_and_statement() -> None:
    for rule_set in RULE_SETS:
        assert len({r.id for r in rule_set}) == len(rule_set)
        for rule in rule_set:
            assert rule.citations
            assert all(is_anchor(c) for c in rule.citations)
            assert rule.statement.endswith(".")
            assert set(rule.facts) <= set(rule_set.facts)
            assert rule_set.rule(rule.id) is rule
        assert rule_set.id in rule_set.describe()
    ids = [r.id for rs in RULE_SETS for r in rs]
    assert ids == ["S1", "S2", "M1", "M2", "M3", "M4", "M5", "M6", "C0", "C1", "C2", "C3", "C4"]


def test_rule_sets_carry_ids_and_stable_digests() -> None:
    assert [rs.id for rs in RULE_SETS] == ["scope", "modality", "nso_category"]
    script = "from copenhagen.rules import RULE_SETS;print(' '.join(rs.digest for rs in RULE_SETS))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        )
        .stdout.split()
        .__repr__()
        for seed in ("1", "2")
    }
    assert runs == {[rs.digest for rs in RULE_SETS].__repr__()}
    assert all(len(rs.digest) == 64 for rs in RULE_SETS)


def test_the_digest_changes_when_a_rule_changes() -> None:
    m4 = MODALITY_RULES.rule("M4")
    for changed in (
        attrs.evolve(m4, then=Modality.JOINTLY_INITIATED_COLLABORATION),
        attrs.evolve(m4, statement=m4.statement + " Changed."),
        attrs.evolve(m4, citations=("para 16",)),
    ):
        variant = MODALITY_RULES.derive("modality", replace=[changed])
        assert variant.digest != MODALITY_RULES.digest
    same = MODALITY_RULES.derive("modality", replace=[m4])
    assert attrs.evolve(same, base=None).digest == MODALITY_RULES.digest


def test_a_variant_rule_set_leaves_the_base_untouched() -> None:
    # A methodologist's variant: citizen-side with other non-state co-initiators read as joint.
    m4 = attrs.evolve(
        MODALITY_RULES.rule("M4"),
        then=Modality.JOINTLY_INITIATED_COLLABORATION,
        then_text="it is read as jointly initiated collaboration",
    )
    variant = MODALITY_RULES.derive("modality-joint-m4", replace=[m4])
    initiative = make(Actor.CSO, Actor.ACADEMIA)
    assert variant(initiative).outcome is Modality.JOINTLY_INITIATED_COLLABORATION
    assert MODALITY_RULES(initiative).outcome is Modality.CIVIC_DRIVEN_COLLABORATION
    assert variant.base == "modality"
    assert [r.id for r in variant] == [r.id for r in MODALITY_RULES]


def test_derive_adds_and_neutralises_rules() -> None:
    s1b = Rule(
        id="S1b",
        statement="A variant: an NHRI-initiated initiative is in scope.",
        citations=("para 15",),
        when=Has("initiated_by", {Actor.NHRI}),
        then=Scope.IN_SCOPE,
        title="NHRI-initiated",
        then_text="it is in scope in this variant",
    )
    variant = SCOPE_RULES.derive("scope-nhri", add=[s1b], before="S2")
    assert [r.id for r in variant] == ["S1", "S1b", "S2"]
    assert variant(make(Actor.NHRI)).outcome is Scope.IN_SCOPE
    assert SCOPE_RULES(make(Actor.NHRI)).determinate is False
    dropped = NSO_CATEGORY_RULES.derive("no-c1", neutralise=["C1"])
    assert [r.id for r in dropped] == ["C0", "C2", "C3", "C4"]
    added = NSO_CATEGORY_RULES.derive("c5", add=[attrs.evolve(s1b, id="C5", then=None)])
    assert [r.id for r in added][-2:] == ["C5", "C4"], "added before the catch-all"
    with pytest.raises(KeyError):
        SCOPE_RULES.derive("x", neutralise=["S9"])
    with pytest.raises(ValueError, match="two rules"):
        SCOPE_RULES.derive("x", add=[SCOPE_RULES.rule("S1")])


def test_decided_as_reads_another_rule_set() -> None:
    in_scope = DecidedAs(SCOPE_RULES, Scope.IN_SCOPE)
    facts = {"initiated_by": frozenset({Actor.NSO}), "engaged_stages": None}
    assert in_scope.evaluate({**facts, "meaningful_engagement": None}) is None
    assert in_scope.evaluate({**facts, "meaningful_engagement": False}) is False
    assert in_scope.keys() == SCOPE_RULES.facts


def test_the_cache_is_bounded_and_shares_decisions() -> None:
    assessor = Assessor(cache_size=8)
    data = list(realistic_initiatives(500, seed=3))
    for initiative in data:
        assessor.classify_modality(initiative)
        assert len(assessor.modality_of) <= 8
    first = make(Actor.CSO, name="a", engaged_stages=[Stage.DESIGN])
    second = make(Actor.CSO, name="b", engaged_stages=[Stage.REVIEW])
    assert assessor.classify_modality(first) is assessor.classify_modality(second)


def test_the_compiled_trie_reads_only_the_facts_a_pattern_needs() -> None:
    # A citizen-only initiative's modality needs its initiators and partners, nothing else: an
    # object without the other attributes is classified (a read of them would fail).
    assessor = Assessor()
    bare = SimpleNamespace(initiated_by=frozenset({Actor.CSO}), partners=frozenset({Actor.NSO}))
    for _ in range(2):  # the miss, then the hit
        assert assessor.modality_of(bare).outcome is Modality.CIVIC_DRIVEN_COLLABORATION
    assert len(assessor.modality_of) == 1
    mixed = SimpleNamespace(initiated_by=frozenset({Actor.CSO, Actor.STATE}))
    assert assessor.modality_of(mixed).outcome is Modality.JOINTLY_INITIATED_COLLABORATION


def test_classifiers_are_safe_from_many_threads() -> None:
    data = list(realistic_initiatives(3_000, seed=11))
    assessor = Assessor()
    for rule_set, classify in zip(
        RULE_SETS,
        (assessor.assess_scope, assessor.classify_modality, assessor.classify_nso_category),
        strict=True,
    ):
        expected = [rule_set.evaluate(rule_set.facts_of(i)) for i in data]
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(classify, data, chunksize=50))
        assert results == expected


def test_rules_never_evaluate_strings_of_code() -> None:
    for path in SRC.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"(?<![\w.])(eval|exec|compile|__import__)\(", text)
        assert not found, f"{path.name} calls {found}"


def test_rules_and_rule_sets_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SCOPE_RULES.rule("S1").id = "S9"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        SCOPE_RULES.id = "other"  # type: ignore[misc]


# --- missing, on a small rule set built by hand ----------------------------------------------


def _rule(rule_id: str, when: Condition, then: Scope) -> Rule:
    return Rule(
        id=rule_id,
        statement=f"Rule {rule_id} of a rule set built for the tests.",
        citations=("Box 2",),
        when=when,
        then=then,
        title=f"rule {rule_id}",
        then_text=outcome_words(then),
    )


_NO_STAGES = Empty("engaged_stages")
_ASSURED = Is("quality_assured", True)

#: Out of scope when no stage is engaged; else in scope when quality-assured; else out. The empty
#: set of stages is one of the values an unknown ``engaged_stages`` is filled with (the "empty
#: candidate"): without it E1 never holds in a filling.
EMPTY_FIRST = RuleSet(
    id="stages_then_quality",
    subject="test decision",
    rules=(
        _rule("E1", _NO_STAGES, Scope.OUT_OF_SCOPE),
        _rule("E2", _ASSURED, Scope.IN_SCOPE),
        _rule("E3", Always(), Scope.OUT_OF_SCOPE),
    ),
)
#: In scope when quality-assured with some stage engaged: the rule reads the quality first.
QUALITY_FIRST = RuleSet(
    id="quality_then_stages",
    subject="test decision",
    rules=(
        _rule("Q1", all_of(_ASSURED, Not(_NO_STAGES)), Scope.IN_SCOPE),
        _rule("Q2", Always(), Scope.OUT_OF_SCOPE),
    ),
)

_UNKNOWN = {"engaged_stages": None, "quality_assured": None}
_DESIGN = frozenset({Stage.DESIGN})


@pytest.mark.parametrize(
    ("rule_set", "facts", "outcome", "missing"),
    [
        # Neither key alone settles it: both, in document order.
        (EMPTY_FIRST, _UNKNOWN, None, ("engaged_stages", "quality_assured")),
        (QUALITY_FIRST, _UNKNOWN, None, ("engaged_stages", "quality_assured")),
        # Quality-assured: only the empty set of stages puts it out of scope.
        (EMPTY_FIRST, {**_UNKNOWN, "quality_assured": True}, None, ("engaged_stages",)),
        (QUALITY_FIRST, {**_UNKNOWN, "quality_assured": True}, None, ("engaged_stages",)),
        # A stage is engaged: only the quality is missing.
        (EMPTY_FIRST, {**_UNKNOWN, "engaged_stages": _DESIGN}, None, ("quality_assured",)),
        # Not quality-assured: out of scope whatever the stages (the walk is held open by E1).
        (EMPTY_FIRST, {**_UNKNOWN, "quality_assured": False}, Scope.OUT_OF_SCOPE, ()),
        (QUALITY_FIRST, {**_UNKNOWN, "quality_assured": False}, Scope.OUT_OF_SCOPE, ()),
        # No stage: out of scope whatever the quality.
        (EMPTY_FIRST, {**_UNKNOWN, "engaged_stages": frozenset()}, Scope.OUT_OF_SCOPE, ()),
    ],
    ids=[
        "both-unknown",
        "both-unknown-quality-first",
        "assured",
        "assured-quality-first",
        "design-engaged",
        "not-assured",
        "not-assured-quality-first",
        "no-stages",
    ],
)
def test_missing_is_the_smallest_set_of_unknown_keys_that_settles_a_hand_built_rule_set(
    rule_set: RuleSet, facts: dict[str, Any], outcome: Scope | None, missing: tuple[str, ...]
) -> None:
    # (Two different smallest sets cannot both settle a decision: the fillings are every
    # combination of the unknown keys' values, so what each alone settles, their common keys
    # settle. Of the keys, document order is kept.)
    decision = rule_set.evaluate(facts)
    assert decision.missing == missing
    assert decision.determinate is (not missing)
    assert decision.outcome is outcome
    assert rule_set.missing_keys(facts) == missing
    assert rule_set.completions(facts).missing() == missing
    assert rule_set.verdict(facts).determinate is (not missing)


def test_an_open_walk_whose_fillings_agree_misses_nothing() -> None:
    # E1 holds the three-valued walk open, but every filling concludes out of scope: the
    # smallest set of keys that settles it is the empty set, so nothing is missing.
    facts = {**_UNKNOWN, "quality_assured": False}
    table = EMPTY_FIRST.completions(facts)
    assert table.unknown == ("engaged_stages",)
    assert table.verdict().outcome is Scope.OUT_OF_SCOPE
    assert table.missing() == ()
    assert EMPTY_FIRST.missing_keys(facts) == ()
    decision = EMPTY_FIRST.evaluate(facts)
    assert [step.rule for step in decision.trace] == ["E1", "E3"]


def test_an_unknown_set_is_filled_with_the_empty_set_too() -> None:
    facts = {**_UNKNOWN, "quality_assured": True}
    outcomes = {
        filling["engaged_stages"]: verdict.outcome
        for filling, verdict in EMPTY_FIRST.completions(facts).items()
    }
    assert outcomes[frozenset()] is Scope.OUT_OF_SCOPE
    assert {o for s, o in outcomes.items() if s} == {Scope.IN_SCOPE}
    assert EMPTY_FIRST.outcomes(facts) == {Scope.IN_SCOPE, Scope.OUT_OF_SCOPE}
