"""Layers as objects: parts applied in order, and the Assessor's check against the rules below."""

from __future__ import annotations

import attrs
import pytest

from copenhagen import Assessor, InvalidLayerError, Modality, load_initiative, load_layer
from copenhagen.layers import Layer, Part
from copenhagen.rules import MODALITY_RULES, SCOPE_RULES

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
