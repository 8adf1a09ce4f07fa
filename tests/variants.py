"""Readings of the framework built in Python for the tests, and initiatives that tell them apart.

Two layers, each changing one rule and nothing else (issue 11's mutation test):

* `M4_FUNDERS`: rule M4 also reads ``funders``: a citizen-side initiative co-started with other
  non-state actors and funded by a state-side actor is read as jointly initiated collaboration.
* `FUNDED_ADVICE`: a recommendation that reads ``funders``, which no shipped recommendation reads.

And `funders_layer`, a new rule F1 before M1 reading ``funders``, for the tabular and Dask tests.

`compact_rows` is the worker of the process-pool tests: it lives here, in a module light to
import, so that a spawned process can find it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from copenhagen import Actor, Initiative, Modality, Scope, Stage
from copenhagen.assessor import Assessor
from copenhagen.batch.writers import CompactWriter
from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE
from copenhagen.layers import Layer, Part
from copenhagen.recommendations import RECOMMENDATION_RULES, RecommendationRule
from copenhagen.rules import MODALITY_RULES, SCOPE_RULES, DecidedAs, Has, Not, Only, all_of
from copenhagen.strategies import initiatives

_STATE_FUNDER = Has("funders", STATE_SIDE, "state-side")

#: M4 as the shipped rule, concluding jointly initiated collaboration when a state-side actor
#: funds the initiative.
M4_READING_FUNDERS = attrs.evolve(
    MODALITY_RULES.rule("M4"),
    provided=Not(_STATE_FUNDER),
    otherwise=Modality.JOINTLY_INITIATED_COLLABORATION,
    otherwise_text="a state-side actor funds it, so it is read as jointly initiated",
)

M4_FUNDERS = Layer(
    "m4-funders",
    "M4 reads the funders",
    parts={"modality": Part(replace=[M4_READING_FUNDERS])},
)

#: A recommendation reading ``funders`` (and the scope decision).
FUNDED_BY_THE_STATE = RecommendationRule(
    "keep_agenda_independent",
    "para 19",
    "When an in-scope initiative has a state-side funder, ask how its agenda stays its own.",
    all_of(DecidedAs(SCOPE_RULES, Scope.IN_SCOPE), _STATE_FUNDER),
    "Say how the initiative keeps choosing its own questions while a state-side actor pays for it.",
)

FUNDED_ADVICE = Layer(
    "funded-advice",
    "A recommendation for state-funded initiatives",
    rule_sets=(RECOMMENDATION_RULES.derive("recommendations", add=[FUNDED_BY_THE_STATE]),),
)

#: Started by a CSO with academia and funded by the state: M4 of the shipped rules concludes
#: civic-driven collaboration, `M4_FUNDERS` jointly initiated; in scope, so `FUNDED_ADVICE`
#: recommends its step.
STATE_FUNDED = Initiative(
    name="State-funded survey",
    initiated_by={Actor.CSO, Actor.ACADEMIA},
    funders={Actor.STATE},
    engaged_stages={Stage.DESIGN, Stage.COLLECTION},
    meaningful_engagement=True,
    integrated_into_official_statistics=False,
    quality_assured=True,
)
#: The same without the state's money: every reading gives the same.
PRIVATELY_FUNDED = attrs.evolve(
    STATE_FUNDED, name="Privately funded survey", funders={Actor.PRIVATE_SECTOR}
)


def variant_initiatives() -> st.SearchStrategy[Initiative]:
    """Initiatives of every kind, half of them where the two layers' rules matter."""
    near = initiatives(
        initiated_by=st.sampled_from(
            [
                frozenset({Actor.CSO, Actor.ACADEMIA}),
                frozenset({Actor.COMMUNITY, Actor.INTERNATIONAL}),
                frozenset({Actor.NSO}),
            ]
        ),
        funders=st.frozensets(st.sampled_from(list(Actor)), max_size=3),
    )
    return st.one_of(initiatives(), near)


def compact_rows(assessor: Assessor, batch: Iterable[Initiative]) -> list[str]:
    """The compact rows of ``batch`` (positions from 1), written by ``assessor``'s own writer."""
    writer = CompactWriter(assessor)
    return [writer.write(n, initiative)[0] for n, initiative in enumerate(batch, 1)]


def assessed(assessor: Assessor, batch: Iterable[Initiative]) -> list[dict[str, Any]]:
    """Every ``assessor.assess(...).to_dict()`` of ``batch``, in order."""
    return [assessor.assess(initiative).to_dict() for initiative in batch]


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
