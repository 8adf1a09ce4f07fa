"""Readings of the framework built in Python for the tests: layers that change what rules read."""

from __future__ import annotations

import attrs

from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE
from copenhagen.layers import Layer, Part
from copenhagen.rules.conditions import Has, Only, all_of
from copenhagen.rules.modality import MODALITY_RULES


def funders_layer() -> Layer:
    """A reading in which other non-state funders make citizens' own initiative a collaboration.

    Rule F1, before M1, reads ``funders``, which no shipped modality rule reads.
    """
    m4 = next(rule for rule in MODALITY_RULES.rules if rule.id == "M4")
    funded = attrs.evolve(
        m4,
        id="F1",
        statement=(
            "Started by citizen-side actors only and funded by other non-state actors: "
            "civic-driven collaboration (a test reading)."
        ),
        when=all_of(Only("initiated_by", CITIZEN_SIDE), Has("funders", OTHER_SIDE)),
        title="funded civic-driven collaboration",
    )
    return Layer(
        id="funded-m1",
        title="Funders from outside the citizen side make a collaboration",
        parts={"modality": Part(add=[(funded, "M1")])},
    )
