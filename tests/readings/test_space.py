"""The abstract fact space: one initiative per class, and the smallest documents for them."""

from __future__ import annotations

import attrs

from copenhagen import Actor, Stage, load_initiative
from copenhagen.readings.space import FactSpace, PairSpace, example_document
from copenhagen.rules import MODALITY_RULES, NSO_CATEGORY_RULES, SCOPE_RULES, Has


def test_the_scope_space_has_one_point_per_class_and_no_empty_initiators() -> None:
    space = FactSpace((SCOPE_RULES,))
    assert space.keys == ("initiated_by", "engaged_stages", "meaningful_engagement")
    points = list(space.points())
    assert all(point["initiated_by"] for point in points)
    # Initiators: citizen-side or not (and both); stages: unknown, empty, some; three truths.
    assert len(points) == 3 * 3 * 3
    assert space.size == 4 * 3 * 3  # the bound counts the empty initiator list too


def test_every_point_is_a_valid_document_of_its_facts() -> None:
    space = FactSpace((NSO_CATEGORY_RULES,))
    for point in space.points():
        document = example_document(point)
        initiative = load_initiative(document)
        for key, value in point.items():
            assert getattr(initiative, key) == value


def test_examples_leave_out_what_is_empty_or_unknown() -> None:
    point = {
        "initiated_by": frozenset({Actor.NSO, Actor.CSO}),
        "partners": frozenset(),
        "engaged_stages": frozenset(),
        "meaningful_engagement": None,
    }
    assert example_document(point) == {
        "name": "Example",
        "initiated_by": ["cso", "nso"],
        "engaged_stages": [],
    }


def test_members_alike_stay_in_their_class() -> None:
    space = FactSpace((MODALITY_RULES,))
    assert set(space.alike("initiated_by", Actor.CSO)) == {
        Actor.CITIZENS,
        Actor.COMMUNITY,
        Actor.CSO,
    }
    assert space.alike("initiated_by", Actor.NSO) == (Actor.NSO,)


def test_a_pair_space_keeps_one_smallest_value_per_pair_of_classes() -> None:
    design_first = attrs.evolve(
        SCOPE_RULES.rule("S1"), id="D1", when=Has("engaged_stages", {Stage.DESIGN})
    )
    design = SCOPE_RULES.derive("scope", add=[design_first], before="S2")
    space = PairSpace(SCOPE_RULES, design)
    stages = space.values["engaged_stages"]
    # Unknown, empty, and each combination of "design" and "another stage": once each, the
    # smallest value first.
    assert stages == (
        None,
        frozenset(),
        frozenset({Stage.DESIGN}),
        frozenset({Stage.COLLECTION}),
        frozenset({Stage.DESIGN, Stage.COLLECTION}),
    )
    assert len(set(space.classes["engaged_stages"])) == len(stages)
    assert space.size == 3 * 5 * 3
