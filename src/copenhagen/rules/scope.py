"""Scope: whether an initiative falls within the framework (contract section 3, S1-S2).

The framework covers initiatives outside official statistics in which citizens take part in the
data value chain meaningfully and sufficiently (Box 2, paras 9-11); starting an initiative is
taking part in its design (paras 10, 12, 15).

The rules also warn where the document's own facts say something the decision does not follow
(register RULE-9, RULE-10): an initiative the citizen side started is in scope whatever its
``engaged_stages`` or ``meaningful_engagement`` say; citizen-side partners of an initiative others
started take part in no stage when ``engaged_stages`` is empty; and citizens who only collect
data for an initiative the NSO started come close to para 9's second type of contribution.
"""

from __future__ import annotations

from copenhagen.framework.actors import CITIZEN_SIDE, Actor
from copenhagen.framework.stages import Stage
from copenhagen.framework.terms import ContributionType
from copenhagen.model import Scope
from copenhagen.rules.conditions import Empty, Has, Is, Not, Only, all_of
from copenhagen.rules.engine import Rule, RuleSet, RuleWarning

__all__ = ["CITIZEN_INITIATOR", "SCOPE_RULES"]

#: At least one initiator is a citizen, a community or a CSO (contract section 2, Box 1).
CITIZEN_INITIATOR = Has("initiated_by", CITIZEN_SIDE, "citizen-side")

_STAGES = "engaged_stages"
_MEANINGFUL = "meaningful_engagement"

# S1 overrules a document that says citizens take no part, or no meaningful part: the warnings
# name the fact and why (RULE-10).
_S1_WARNINGS = (
    RuleWarning(
        Empty(_STAGES),
        "engaged_stages is given as an empty list, yet a citizen-side actor started the "
        "initiative, and starting it is taking part in its design stage (Box 2, para 12): rule "
        "S1 puts it in scope whatever the list says, and the participation profile counts the "
        "design stage as engaged (rule P1).",
    ),
    RuleWarning(
        Is(_MEANINGFUL, False),
        "meaningful_engagement is given as false, yet a citizen-side actor started the "
        "initiative: rule S1 puts it in scope whatever that fact says, since starting it is "
        "taking part in its design stage (Box 2, para 15). The value is kept, and the "
        "recommendations still ask for engagement that is meaningful.",
    ),
)

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
    warnings=_S1_WARNINGS,
)

_SUPPORT = ContributionType.SUPPORT_TO_OFFICIAL_STATISTICS

# Para 9 keeps the framework to its first type of contribution, while para 15's modality 4 is
# started by the NSO: where citizens only collect, the two meet (RULE-9). The warning is the
# scope decision's, as para 9 says what the framework covers; it is raised only where S2 puts the
# initiative in scope (out of scope, the framework leaves it aside anyway).
_SECOND_TYPE = RuleWarning(
    all_of(
        Has("initiated_by", {Actor.NSO}),
        Has(_STAGES, {Stage.COLLECTION}),
        Only(_STAGES, {Stage.COLLECTION}),
        Is(_MEANINGFUL, True),
    ),
    "Citizens take part only in collecting the data of an initiative the NSO started: this "
    f"comes close to para 9's {_SUPPORT.ordinal} type of citizen contribution "
    f"({_SUPPORT.title.lower()}: citizens helping with the NSO's own collections), which the "
    "framework does not focus on. Rule S2 still puts it in scope, since the engagement is "
    "declared meaningful; para 15 counts initiatives the NSO starts with citizens as "
    "NSO-driven collaboration (modality 4).",
)

# Citizen-side partners who take part in no stage bring nothing into scope (RULE-10).
_IDLE_PARTNERS = RuleWarning(
    all_of(Has("partners", CITIZEN_SIDE, "citizen-side"), Empty(_STAGES)),
    "partners include citizen-side actors, yet engaged_stages is an empty list, so those "
    "partners take an active part in no stage: rule S2 reads the engagement, not the partners, "
    "and puts the initiative out of scope (Box 2, para 15). If they do take part in a stage, "
    "list it in engaged_stages.",
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
    provided=all_of(Not(Empty(_STAGES)), Is(_MEANINGFUL, True)),
    then=Scope.IN_SCOPE,
    otherwise=Scope.OUT_OF_SCOPE,
    title="in scope through engagement",
    then_text="citizens are engaged meaningfully, and it is in scope",
    otherwise_text=("citizens are not meaningfully engaged in any stage, and it is out of scope"),
    warnings=(_SECOND_TYPE, _IDLE_PARTNERS),
)

#: The scope rule set (Box 2, paras 9-11 and 15).
SCOPE_RULES = RuleSet(
    id="scope",
    subject="scope",
    rules=(S1, S2),
    citations=("Box 2", "para 9", "para 10", "para 11", "para 15"),
)
