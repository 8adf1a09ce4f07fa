"""Scope: whether an initiative falls within the framework (contract section 3, S1-S2).

The framework covers initiatives outside official statistics in which citizens take part in the
data value chain meaningfully and sufficiently (Box 2, paras 9-11); starting an initiative is
taking part in its design (paras 10, 12, 15).
"""

from __future__ import annotations

from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.model import Scope
from copenhagen.rules.conditions import Empty, Has, Is, Not, all_of
from copenhagen.rules.engine import Rule, RuleSet

__all__ = ["CITIZEN_INITIATOR", "SCOPE_RULES"]

#: At least one initiator is a citizen, a community or a CSO (contract section 2, Box 1).
CITIZEN_INITIATOR = Has("initiated_by", CITIZEN_SIDE, "citizen-side")

S1 = Rule(
    id="S1",
    statement=(
        "An initiative started by citizens, a community or a CSO is in scope: starting it "
        "means citizens took part at the design stage of the value chain."
    ),
    citations=("Box 2", "para 10", "para 12", "para 15"),
    when=CITIZEN_INITIATOR,
    then=Scope.IN_SCOPE,
    title="citizen-initiated",
    then_text="it is in scope: starting it is citizen engagement at the design stage",
)

S2 = Rule(
    id="S2",
    statement=(
        "An initiative no citizen-side actor started is in scope only if citizens take an "
        "active part in at least one stage and that engagement is meaningful; it is out of "
        "scope if they take part in no stage or the engagement is not meaningful."
    ),
    citations=("Box 2", "para 9", "para 10", "para 11", "para 15"),
    when=Not(CITIZEN_INITIATOR),
    provided=all_of(Not(Empty("engaged_stages")), Is("meaningful_engagement", True)),
    then=Scope.IN_SCOPE,
    otherwise=Scope.OUT_OF_SCOPE,
    title="in scope through engagement",
    then_text="citizens are engaged meaningfully, and it is in scope",
    otherwise_text=("citizens are not meaningfully engaged in any stage, and it is out of scope"),
)

#: The scope rule set (Box 2, paras 9-11 and 15).
SCOPE_RULES = RuleSet(
    id="scope",
    subject="scope",
    rules=(S1, S2),
    citations=("Box 2", "para 9", "para 10", "para 11", "para 15"),
)
