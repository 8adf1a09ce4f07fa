"""Assessor([load_layer(...)]) decides as contract section 5 pins, checked against an oracle.

The oracle is written here from the contract alone: it evaluates the layer documents' conditions
itself (two-valued, every fact known), tries the rules in order, and decides determinacy,
``missing``, the rules named and the warnings raised by filling in every unknown fact with every
value it can take. The shipped rules enter it as the layer `shipped-restated.yaml` restates them,
and random layers (hypothesis) are applied on top, with the document's own list manipulation.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copenhagen import Actor, Assessor, Stage, load_initiative, load_layer
from copenhagen.framework import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE
from copenhagen.layers.vocabulary import outcome_names

HERE = Path(__file__).resolve().parent
SHIPPED = yaml.safe_load((HERE / "shipped-restated.yaml").read_text(encoding="utf-8"))
DECISIONS = ("scope", "modality", "nso_category")
UNKNOWABLE = (
    "engaged_stages",
    "meaningful_engagement",
    "integrated_into_official_statistics",
    "quality_assured",
)
SIDES = {
    "citizen_side": {a.value for a in CITIZEN_SIDE},
    "state_side": {a.value for a in STATE_SIDE},
    "other_side": {a.value for a in OTHER_SIDE},
}
ALL_STAGES = [s.value for s in Stage]
STAGE_SETS = [
    frozenset(c) for n in range(len(ALL_STAGES) + 1) for c in itertools.combinations(ALL_STAGES, n)
]
DOMAIN: dict[str, list[Any]] = {
    "engaged_stages": STAGE_SETS,
    "meaningful_engagement": [False, True],
    "integrated_into_official_statistics": [False, True],
    "quality_assured": [False, True],
}


# --------------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------------


def members(values: list[str]) -> set[str]:
    found: set[str] = set()
    for value in values:
        found |= SIDES.get(value, {value})
    return found


def holds(condition: dict[str, Any], facts: dict[str, Any], rules: dict[str, list[Any]]) -> bool:
    ((operator, argument),) = condition.items()
    if operator in ("has", "only"):
        ((key, values),) = argument.items()
        value = facts[key]
        return bool(value & members(values)) if operator == "has" else value <= members(values)
    if operator == "empty":
        return not facts[argument]
    if operator == "is":
        ((key, wanted),) = argument.items()
        return facts[key] is wanted
    if operator == "decided":
        return first_match(rules["scope"], facts, rules)[0] == argument["scope"]
    if operator == "not":
        return not holds(argument, facts, rules)
    parts = [holds(part, facts, rules) for part in argument]
    return all(parts) if operator == "all" else any(parts)


def first_match(
    listed: list[dict[str, Any]], facts: dict[str, Any], rules: dict[str, list[Any]]
) -> tuple[str, str, tuple[str, ...]]:
    """Outcome name, concluding rule id and warnings raised, with every fact known."""
    for rule in listed:
        if holds(rule["when"], facts, rules):
            outcome = rule["then"]
            if "provided" in rule and not holds(rule["provided"], facts, rules):
                outcome = rule.get("otherwise", "none")
            warn = rule.get("warn")
            raised = (warn["text"],) if warn and holds(warn["when"], facts, rules) else ()
            return outcome, rule["id"], raised
    return "none", "", ()


def applied(layers: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The rule lists of the shipped rules with ``layers`` applied as section 5 says."""
    rules = {name: list(SHIPPED[name]["replace"]) for name in DECISIONS}
    for layer in layers:
        for name in DECISIONS:
            part = layer.get(name) or {}
            listed = [r for r in rules[name] if r["id"] not in set(part.get("remove", []))]
            replacing = {r["id"]: r for r in part.get("replace", [])}
            listed = [replacing.get(r["id"], r) for r in listed]
            for rule in part.get("add", []):
                ids = [r["id"] for r in listed]
                at = ids.index(rule["before"]) if rule.get("before") else len(listed)
                listed.insert(at, {k: v for k, v in rule.items() if k != "before"})
            rules[name] = listed
    return rules


def document_facts(document: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {
        key: set(document.get(key) or ())
        for key in ("initiated_by", "partners", "funders", "objectives")
    }
    stages = document.get("engaged_stages")
    facts["engaged_stages"] = None if stages is None else frozenset(stages)
    for key in UNKNOWABLE[1:]:
        facts[key] = document.get(key)
    return facts


def oracle(rules: dict[str, list[Any]], document: dict[str, Any]) -> dict[str, Any]:
    """Outcome, determinacy, missing, concluding rules and warnings of every decision."""
    facts = document_facts(document)
    unknown = [k for k in UNKNOWABLE if facts[k] is None]
    table: dict[str, list[tuple[tuple[Any, ...], tuple[str, str, tuple[str, ...]]]]] = {
        name: [] for name in DECISIONS
    }
    for values in itertools.product(*(DOMAIN[k] for k in unknown)):
        filled = {**facts, **dict(zip(unknown, values, strict=True))}
        for name in DECISIONS:
            table[name].append((values, first_match(rules[name], filled, rules)))
    found = {}
    for name, rows in table.items():
        outcomes = {result[0] for _, result in rows}
        determinate = len(outcomes) == 1
        found[name] = {
            "outcome": next(iter(outcomes)) if determinate else "undecided",
            "missing": () if determinate else smallest_deciding(unknown, rows),
            "concluding": {result[1] for _, result in rows} - {""},
            "warnings": (
                set.intersection(*(set(result[2]) for _, result in rows)) if determinate else set()
            ),
        }
    return found


def smallest_deciding(unknown: list[str], rows: list[Any]) -> tuple[str, ...]:
    for size in range(1, len(unknown) + 1):
        for chosen in itertools.combinations(range(len(unknown)), size):
            groups: dict[tuple[Any, ...], set[str]] = {}
            for values, result in rows:
                groups.setdefault(tuple(values[i] for i in chosen), set()).add(result[0])
            if all(len(outcomes) == 1 for outcomes in groups.values()):
                return tuple(unknown[i] for i in chosen)
    return tuple(unknown)


def engine(assessor: Assessor, document: dict[str, Any]) -> dict[str, Any]:
    initiative = load_initiative(document)
    decisions = {
        "scope": assessor.assess_scope(initiative),
        "modality": assessor.classify_modality(initiative),
        "nso_category": assessor.classify_nso_category(initiative),
    }
    return {
        name: {
            "outcome": (
                "undecided"
                if not d.determinate
                else ("none" if d.outcome is None else d.outcome.name.lower())
            ),
            "missing": d.missing,
            "trace": {step.rule for step in d.trace},
            "warnings": set(d.warnings),
        }
        for name, d in decisions.items()
    }


def warning_texts(rules: dict[str, list[Any]]) -> set[str]:
    return {r["warn"]["text"] for listed in rules.values() for r in listed if "warn" in r}


def agree(assessor: Assessor, rules: dict[str, list[Any]], document: dict[str, Any]) -> None:
    expected, got = oracle(rules, document), engine(assessor, document)
    known = warning_texts(rules)  # the shipped rules may carry warnings the oracle does not know
    for name in DECISIONS:
        want, have = expected[name], got[name]
        assert have["outcome"] == want["outcome"], (name, document)
        assert have["missing"] == want["missing"], (name, document)
        # The trace names, at least, each rule that concludes in some filling.
        assert want["concluding"] <= have["trace"], (name, document)
        assert have["warnings"] & known == want["warnings"], (name, document)


# --------------------------------------------------------------------------------------------
# Random documents and layers
# --------------------------------------------------------------------------------------------

ACTORS = [a.value for a in Actor]
#: The values random conditions name: every actor and side, every stage.
EVERY = ([*ACTORS, *SIDES], ALL_STAGES)
#: Fewer values, as a national reading names: its abstract fact space stays small.
FEW = ([*SIDES, "nso", "private_sector"], ["design", "collection"])


def _list_test(operator: str, vocabulary: tuple[list[str], list[str]]) -> Any:
    actors = st.lists(st.sampled_from(vocabulary[0]), min_size=1, max_size=3, unique=True)
    stages = st.lists(st.sampled_from(vocabulary[1]), min_size=1, max_size=2, unique=True)
    return st.one_of(
        st.sampled_from(["initiated_by", "partners"]).flatmap(
            lambda key: actors.map(lambda values: {operator: {key: values}})
        ),
        stages.map(lambda values: {operator: {"engaged_stages": values}}),
    )


def conditions(
    reads_scope: bool, vocabulary: tuple[list[str], list[str]] = EVERY
) -> st.SearchStrategy[dict[str, Any]]:
    leaves = [
        _list_test("has", vocabulary),
        _list_test("only", vocabulary),
        st.sampled_from(["engaged_stages", "partners"]).map(lambda key: {"empty": key}),
        st.tuples(st.sampled_from(UNKNOWABLE[1:]), st.booleans()).map(
            lambda pair: {"is": {pair[0]: pair[1]}}
        ),
    ]
    if reads_scope:
        leaves.append(
            st.sampled_from(["in_scope", "out_of_scope"]).map(lambda o: {"decided": {"scope": o}})
        )
    return st.recursive(
        st.one_of(leaves),
        lambda inner: st.one_of(
            inner.map(lambda c: {"not": c}),
            st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"all": cs}),
            st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"any": cs}),
        ),
        max_leaves=4,
    )


@st.composite
def layers(draw: Any, vocabulary: tuple[list[str], list[str]] = EVERY) -> dict[str, Any]:
    """A layer adding, replacing or removing a few rules of scope, modality or NSO category."""
    document: dict[str, Any] = {"id": "random", "title": "A random reading"}
    counter = itertools.count(1)
    for name in draw(st.lists(st.sampled_from(DECISIONS), min_size=1, max_size=3, unique=True)):
        ids = [r["id"] for r in SHIPPED[name]["replace"]]
        outcome = st.sampled_from(outcome_names(name))
        reads_scope = name != "scope"

        def new_rule(rule_id: str, outcome: Any = outcome, reads_scope: bool = reads_scope) -> Any:
            rule = {
                "id": rule_id,
                "when": draw(conditions(reads_scope, vocabulary)),
                "then": draw(outcome),
                "cite": "para 15",
                "because": f"random rule {rule_id}",
            }
            if draw(st.booleans()):
                rule["provided"] = draw(conditions(reads_scope, vocabulary))
                rule["otherwise"] = draw(outcome)
            if draw(st.integers(0, 3)) == 0:
                rule["warn"] = {
                    "when": draw(conditions(reads_scope, vocabulary)),
                    "text": f"warned {rule_id}",
                }
            return rule

        part: dict[str, Any] = {}
        removed = draw(st.lists(st.sampled_from(ids), max_size=1, unique=True))
        if removed:
            part["remove"] = removed
        left = [i for i in ids if i not in removed]
        replaced = draw(st.lists(st.sampled_from(left), max_size=1, unique=True))
        if replaced:
            part["replace"] = [new_rule(i) for i in replaced]
        added = []
        for _ in range(draw(st.integers(1, 2))):
            rule = new_rule(f"R{next(counter)}{name[0].upper()}")
            before = draw(st.none() | st.sampled_from(left))
            if before is not None:
                rule["before"] = before
            added.append(rule)
        part["add"] = added
        document[name] = part
    return document


@st.composite
def documents(draw: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": "Random",
        "initiated_by": draw(st.lists(st.sampled_from(ACTORS), min_size=1, max_size=3)),
        "partners": draw(st.lists(st.sampled_from(ACTORS), max_size=2)),
    }
    if draw(st.booleans()):
        document["engaged_stages"] = draw(st.lists(st.sampled_from(ALL_STAGES), max_size=3))
    for key in UNKNOWABLE[1:]:
        value = draw(st.none() | st.booleans())
        if value is not None:
            document[key] = value
    return document


def every_document() -> Iterator[dict[str, Any]]:
    """A spread of documents: each initiator pattern with each mix of known and unknown facts."""
    initiators = [["cso"], ["nso"], ["academia"], ["cso", "state"], ["private_sector"], ["nhri"]]
    for by, partners in itertools.product(initiators, ([], ["nso"])):
        for stages, flags in itertools.product(
            (None, [], ["design"], ["review", "collection"]),
            itertools.product((None, True, False), repeat=3),
        ):
            document: dict[str, Any] = {"name": "x", "initiated_by": by, "partners": partners}
            if stages is not None:
                document["engaged_stages"] = stages
            for key, value in zip(UNKNOWABLE[1:], flags, strict=True):
                if value is not None:
                    document[key] = value
            yield document


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_the_oracle_and_the_shipped_rules_agree_on_a_spread_of_documents() -> None:
    assessor, rules = Assessor(), applied([])
    for document in every_document():
        agree(assessor, rules, document)


def test_a_layer_can_restate_the_shipped_rules_exactly() -> None:
    restated = load_layer(HERE / "shipped-restated.yaml")
    base, layered = Assessor(), Assessor([restated])
    for document in every_document():
        restated_decisions = engine(layered, document)
        for name, decided in engine(base, document).items():
            again = restated_decisions[name]
            assert (again["outcome"], again["missing"]) == (decided["outcome"], decided["missing"])
            assert again["trace"] == decided["trace"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers(), st.lists(documents(), min_size=4, max_size=4))
def test_random_layers_decide_as_the_contract_says(
    layer: dict[str, Any], sample: list[dict[str, Any]]
) -> None:
    assessor = Assessor([load_layer(copy.deepcopy(layer))])
    rules = applied([layer])
    for document in sample:
        agree(assessor, rules, document)


def test_a_layer_can_order_rules_as_the_base_never_does() -> None:
    # A rule before S1 that the three-valued walk cannot settle: with the stages unknown it may
    # apply, and S1 after it holds. Every filling gives in scope all the same, so the decision
    # is determinate, and the trace names both rules (each concludes in some filling).
    layer = {
        "id": "design-first",
        "title": "Design first",
        "scope": {
            "add": [
                {
                    "id": "D1",
                    "before": "S1",
                    "when": {"has": {"engaged_stages": ["design"]}},
                    "then": "in_scope",
                    "cite": "para 10",
                    "because": "design-stage engagement is read as in scope",
                }
            ]
        },
    }
    assessor = Assessor([load_layer(layer)])
    assert [r.id for r in assessor.rules.scope] == ["D1", "S1", "S2"]
    decision = assessor.assess_scope(load_initiative({"name": "x", "initiated_by": ["cso"]}))
    assert decision.determinate
    assert decision.outcome.value == "in_scope"  # type: ignore[union-attr]
    assert decision.missing == ()
    assert [s.rule for s in decision.trace] == ["D1", "S1"]
    assert all("whichever way they turn out" in s.explanation for s in decision.trace)
    agree(assessor, applied([layer]), {"name": "x", "initiated_by": ["cso"]})


def test_provided_and_otherwise_read_the_assessor_s_own_scope() -> None:
    layer = {
        "id": "nhri-joint",
        "title": "NHRI-started initiatives as joint ones",
        "modality": {
            "add": [
                {
                    "id": "N1",
                    "before": "M5",
                    "when": {"has": {"initiated_by": ["nhri"]}},
                    "provided": {"decided": {"scope": "in_scope"}},
                    "then": "jointly_initiated_collaboration",
                    "otherwise": "none",
                    "cite": ["para 15", "Table 1"],
                    "source": "Statistics Act, s. 12(3)",
                    "because": "a rights institution starts it with the communities it serves",
                }
            ]
        },
    }
    assessor = Assessor([load_layer(layer)])
    rules = applied([layer])
    engaged = {"engaged_stages": ["collection"], "meaningful_engagement": True}
    cases = [
        ({"name": "x", "initiated_by": ["nhri"], **engaged}, "jointly_initiated_collaboration"),
        ({"name": "x", "initiated_by": ["nhri"], "engaged_stages": []}, "none"),
        ({"name": "x", "initiated_by": ["nhri"], "meaningful_engagement": True}, "undecided"),
    ]
    for document, outcome in cases:
        assert engine(assessor, document)["modality"]["outcome"] == outcome
        agree(assessor, rules, document)
    undecided = assessor.classify_modality(load_initiative(cases[2][0]))
    assert undecided.missing == ("engaged_stages",)
    assert assessor.rules.modality.rule("N1").source == "Statistics Act, s. 12(3)"
    assert "N1" in [s.rule for s in undecided.trace]


@pytest.mark.parametrize(("quality", "raised"), [(False, True), (True, False), (None, False)])
def test_a_layer_rule_warns_only_when_every_filling_warns(
    quality: bool | None, raised: bool
) -> None:
    layer = {
        "id": "warned",
        "title": "A warning",
        "nso_category": {
            "replace": [
                {
                    "id": "C1",
                    "when": {"is": {"integrated_into_official_statistics": True}},
                    "then": "integrated",
                    "warn": {"when": {"is": {"quality_assured": False}}, "text": "Check quality."},
                    "cite": "para 32",
                    "because": "integrated data, with a national warning",
                }
            ]
        },
    }
    document: dict[str, Any] = {
        "name": "x",
        "initiated_by": ["cso"],
        "integrated_into_official_statistics": True,
    }
    if quality is not None:
        document["quality_assured"] = quality
    assessor = Assessor([load_layer(layer)])
    decision = assessor.classify_nso_category(load_initiative(document))
    assert ("Check quality." in decision.warnings) is raised
    assert ("Check quality." in assessor.assess(load_initiative(document)).warnings) is raised
    agree(assessor, applied([layer]), document)


def test_layers_apply_in_order_each_on_the_one_below() -> None:
    first = {"id": "one", "title": "One", "modality": {"remove": ["M4"]}}
    second = {
        "id": "two",
        "title": "Two",
        "modality": {"add": [dict(SHIPPED["modality"]["replace"][3], id="M4b", before="M5")]},
    }
    assessor = Assessor([load_layer(first), load_layer(second)])
    assert [r.id for r in assessor.rules.modality] == ["M1", "M2", "M3", "M4b", "M5", "M6"]
    for document in itertools.islice(every_document(), 0, None, 7):
        agree(assessor, applied([first, second]), document)
