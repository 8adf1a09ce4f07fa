"""Layers as objects: parts applied in order, and the Assessor's check against the rules below."""

from __future__ import annotations

import json

import attrs
import pytest

from copenhagen import (
    Actor,
    Assessor,
    Initiative,
    InvalidLayerError,
    Modality,
    NSOCategory,
    Scope,
    Stage,
    load_initiative,
    load_layer,
)
from copenhagen.batch.rows import decision_entry
from copenhagen.layers import Layer, Part
from copenhagen.rules import MODALITY_RULES, NSO_CATEGORY_RULES, SCOPE_RULES, Has, RuleSet
from tests.variants import compact_rows

REMOVE_M4 = {"id": "no-m4", "title": "Without M4", "modality": {"remove": ["M4"]}}


def test_the_assessor_refuses_a_layer_naming_what_a_layer_below_removed() -> None:
    replace_m4 = {
        "id": "joint-m4",
        "title": "M4 read as joint",
        "modality": {
            "replace": [
                {
                    "id": "M4",
                    "when": {"has": {"initiated_by": ["academia"]}},
                    "then": "jointly_initiated_collaboration",
                    "cite": "para 15",
                    "because": "academic co-initiators read as joint",
                }
            ]
        },
    }
    with pytest.raises(InvalidLayerError) as caught:
        Assessor([load_layer(REMOVE_M4), load_layer(replace_m4)])
    assert caught.value.source == "joint-m4"
    ((path, message),) = caught.value.errors
    assert path == "modality.replace[0].id"
    assert "'M4' names no rule of modality" in message


def test_the_assessor_refuses_an_id_a_layer_below_took() -> None:
    rule = attrs.evolve(SCOPE_RULES.rule("S1"), id="UG1")
    first = Layer("first", "First", parts={"scope": Part(add=[rule])})
    again = Layer("again", "Again", parts={"modality": Part(add=[attrs.evolve(rule, id="UG1")])})
    with pytest.raises(InvalidLayerError) as caught:
        Assessor([first, again])
    assert dict(caught.value.errors) == {
        "modality.add[0].id": "the id UG1 is taken by a rule of scope; a new rule needs an id of "
        "its own (to change that rule, replace it)"
    }


def test_a_python_layer_is_checked_the_same_way_every_problem_at_once() -> None:
    bad = Layer(
        "bad",
        "Bad",
        parts={
            "modality": Part(remove=["M9", "M4"], add=[(MODALITY_RULES.rule("M1"), "M4")]),
            "nowhere": Part(remove=["X"]),
        },
    )
    with pytest.raises(InvalidLayerError) as caught:
        Assessor([bad])
    found = dict(caught.value.errors)
    assert set(found) == {
        "modality.remove[0]",
        "modality.add[0].id",
        "modality.add[0].before",
        "nowhere",
    }
    assert "it is removed above" in found["modality.add[0].before"]
    assert "no rule set is named 'nowhere'" in found["nowhere"]


def test_a_layer_is_applied_remove_then_replace_then_add() -> None:
    m2 = attrs.evolve(MODALITY_RULES.rule("M2"), then=Modality.CIVIC_ACTION)
    extra = attrs.evolve(MODALITY_RULES.rule("M4"), id="M4b")
    layer = Layer(
        "order", "Order", parts={"modality": Part(remove=["M4"], replace=[m2], add=[(extra, "M2")])}
    )
    rules = Assessor([layer]).rules.modality
    assert [r.id for r in rules] == ["M1", "M4b", "M2", "M3", "M5", "M6"]
    assert rules.base == "modality"
    assert MODALITY_RULES.rule("M2").then is Modality.CIVIC_DRIVEN_COLLABORATION


def test_layered_rule_sets_read_the_assessor_s_own_scope() -> None:
    # A layer that puts every NSO-started initiative out of scope: the modality rules M5 and
    # the category rule C0 of the same assessor read that scope, not the shipped one.
    layer = load_layer(
        {
            "id": "nso-out",
            "title": "NSO initiatives are official statistics",
            "scope": {
                "add": [
                    {
                        "id": "NO1",
                        "before": "S2",
                        "when": {"has": {"initiated_by": ["nso"]}},
                        "then": "out_of_scope",
                        "cite": "para 9",
                        "because": "what the NSO starts is read as official statistics",
                    }
                ]
            },
        }
    )
    assessor = Assessor([layer])
    initiative = load_initiative(
        {
            "name": "x",
            "initiated_by": ["nso"],
            "engaged_stages": ["design"],
            "meaningful_engagement": True,
            "integrated_into_official_statistics": True,
        }
    )
    assert assessor.classify_modality(initiative).outcome is None
    assert assessor.classify_modality(initiative).determinate
    assert assessor.classify_nso_category(initiative).outcome is None
    assert Assessor().classify_modality(initiative).outcome is Modality.NSO_DRIVEN_COLLABORATION


def test_an_assessor_with_loaded_layers_pickles_as_its_layers() -> None:
    import pickle
    from pathlib import Path

    worked = Path(__file__).resolve().parents[2] / "examples/readings/private-sector-design.yaml"
    assessor = Assessor([load_layer(worked)])
    copy = pickle.loads(pickle.dumps(assessor))
    assert [layer.digest for layer in copy.layers] == [layer.digest for layer in assessor.layers]
    initiative = load_initiative(
        {"name": "x", "initiated_by": ["private_sector"], "engaged_stages": ["collection"]}
    )
    assert copy.assess(initiative).to_dict() == assessor.assess(initiative).to_dict()


# --- A derived rule set in place of the base's, in every output ------------------------------

#: A whole scope rule set in place of the shipped one: an initiative an NHRI starts is in scope.
NHRI_IN_SCOPE = attrs.evolve(
    SCOPE_RULES.rule("S1"),
    id="NH1",
    statement="An initiative a national human rights institution starts is in scope.",
    when=Has("initiated_by", {Actor.NHRI}),
)
NHRI_SCOPE = SCOPE_RULES.derive("scope", add=[NHRI_IN_SCOPE], before="S2")
NHRI_LAYER = Layer("nhri", "NHRI initiatives in scope", rule_sets=(NHRI_SCOPE,))
NHRI_STARTED = Initiative(
    name="Rights monitor",
    initiated_by={Actor.NHRI},
    engaged_stages={Stage.COLLECTION},
    integrated_into_official_statistics=True,
    quality_assured=True,
)


def test_a_derived_rule_set_replaces_the_base_one_by_id_in_every_output() -> None:
    layered, shipped = Assessor([NHRI_LAYER]), Assessor()
    book = layered.rules
    assert book.scope.digest == NHRI_SCOPE.digest
    assert [r.id for r in book.by_id()["scope"]] == ["S1", "NH1", "S2"]
    assert [rs.id for rs in layered.decision_rule_sets].count("scope") == 1
    # The decisions reading scope (M5/M6, C0) read the derived one: all three are settled.
    new, old = layered.assess(NHRI_STARTED), shipped.assess(NHRI_STARTED)
    assert (new.scope.outcome, [s.rule for s in new.scope.trace]) == (Scope.IN_SCOPE, ["NH1"])
    assert not old.scope.determinate
    assert new.modality.outcome is Modality.OTHER_ACTOR_DRIVEN_COLLABORATION
    assert new.nso_category.outcome is NSOCategory.INTEGRATED
    assert not old.modality.determinate
    assert not old.nso_category.determinate
    ids = layered.recommendation_ids(NHRI_STARTED)
    assert "decide_scope" not in ids
    assert "decide_scope" in shipped.recommendation_ids(NHRI_STARTED)
    assert "NH1 (Box 2)" in layered.explain(NHRI_STARTED)
    assert "NH1" not in shipped.explain(NHRI_STARTED)
    digests = [a.to_dict()["provenance"]["rule_sets"]["scope"]["digest"] for a in (new, old)]
    assert digests == [NHRI_SCOPE.digest, SCOPE_RULES.digest]
    (row,) = compact_rows(layered, [NHRI_STARTED])
    found = json.loads(row)
    assert found["scope"] == {**decision_entry(new.scope), "rules": ["NH1"]}
    assert found["modality"] == decision_entry(new.modality)
    assert found["recommendations"] == list(ids)


def test_layers_apply_in_order_a_later_one_on_the_earlier_one_s_rules() -> None:
    adds = Layer("adds", "Adds NH1", parts={"scope": Part(add=[(NHRI_IN_SCOPE, "S2")])})
    out = attrs.evolve(NHRI_IN_SCOPE, then=Scope.OUT_OF_SCOPE)
    changes = Layer("changes", "NH1 reads out of scope", parts={"scope": Part(replace=[out])})
    assessor = Assessor([adds, changes])
    assert assessor.rules.scope.rule("NH1").then is Scope.OUT_OF_SCOPE
    assert assessor.assess_scope(NHRI_STARTED).outcome is Scope.OUT_OF_SCOPE
    assert Assessor([adds]).assess_scope(NHRI_STARTED).outcome is Scope.IN_SCOPE
    assert [layer.id for layer in assessor.layers] == ["adds", "changes"]
    with pytest.raises(InvalidLayerError, match="'NH1' names no rule of scope"):
        Assessor([changes, adds])  # the rule it replaces is not there yet


# --- Closing rules and rule ids ---------------------------------------------------------------


def test_derive_refuses_to_remove_or_replace_a_closing_rule() -> None:
    closing = NSO_CATEGORY_RULES.rule("C4")
    assert not closing.settles
    reworded = attrs.evolve(closing, statement="Otherwise the category is open.")
    for change in ({"neutralise": ["C4"]}, {"replace": [reworded]}):
        with pytest.raises(ValueError, match="'C4' closes rule set 'nso_category'"):
            NSO_CATEGORY_RULES.derive("nso_category", **change)  # type: ignore[arg-type]
    for part in (Part(remove=["C4"]), Part(replace=[reworded])):
        with pytest.raises(InvalidLayerError, match="C4 closes nso_category"):
            Assessor([Layer("no-c4", "Without C4", parts={"nso_category": part})])
    # What a new rule may do: go before the closing rule, which stays last.
    extra = attrs.evolve(NSO_CATEGORY_RULES.rule("C1"), id="C1b")
    added = NSO_CATEGORY_RULES.derive("nso_category", add=[extra])
    assert [r.id for r in added][-2:] == ["C1b", "C4"]


_UG1 = attrs.evolve(SCOPE_RULES.rule("S1"), id="UG1")


def _adding(layer_id: str, rule_set: RuleSet, *, whole: bool = False) -> Layer:
    """A layer adding rule UG1 to ``rule_set``, by a part or as a whole derived rule set."""
    if whole:
        return Layer(layer_id, layer_id, rule_sets=(rule_set.derive(rule_set.id, add=[_UG1]),))
    return Layer(layer_id, layer_id, parts={rule_set.id: Part(add=[_UG1])})


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (_adding("one", SCOPE_RULES), _adding("two", SCOPE_RULES)),
        (_adding("one", SCOPE_RULES), _adding("two", MODALITY_RULES)),
        (_adding("one", MODALITY_RULES), _adding("two", SCOPE_RULES, whole=True)),
        (_adding("one", SCOPE_RULES, whole=True), _adding("two", MODALITY_RULES, whole=True)),
    ],
    ids=["same-set", "other-set", "then-whole-set", "two-whole-sets"],
)
def test_two_layers_adding_the_same_rule_id_are_refused(first: Layer, second: Layer) -> None:
    for layers in ([first, second], [second, first]):
        with pytest.raises(ValueError, match="the id UG1 is taken by a rule of") as caught:
            Assessor(layers)
        assert isinstance(caught.value, InvalidLayerError)
        assert caught.value.source == layers[1].id
    # Each alone is a reading of its own.
    for layer in (first, second):
        assert "UG1" in {r.id for rs in Assessor([layer]).rules.by_id().values() for r in rs}


def test_a_whole_rule_set_must_keep_the_closing_rule_it_replaces() -> None:
    # Built in Python, a whole rule set skips `derive`; it is held to the same rule.
    rules = NSO_CATEGORY_RULES.rules
    without = RuleSet("nso_category", "NSO category", rules[:-1], base="nso_category")
    changed = RuleSet(
        "nso_category",
        "NSO category",
        [*rules[:-1], attrs.evolve(rules[-1], statement="Otherwise open, in other words.")],
        base="nso_category",
    )
    for whole in (without, changed):
        layer = Layer("no-close", "Drops C4", rule_sets=(whole,))
        with pytest.raises(InvalidLayerError, match="C4 closes nso_category") as caught:
            Assessor([layer])
        assert caught.value.errors[0][0] == "rule_sets.nso_category"
    kept = RuleSet("nso_category", "NSO category", rules, base="nso_category")
    Assessor([Layer("keeps-close", "Keeps C4", rule_sets=(kept,))])  # accepted
