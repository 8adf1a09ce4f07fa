"""Collaboration modality: who started the initiative, with whom (para 15, Table 1; M1-M6).

The modality reads the initiators and, for citizen-only initiatives, the partners. Funders are
never read: paying for an initiative is not collaborating in it (contract section 2). For
initiatives no citizen-side actor started, the modality exists only when the initiative is in
scope, so M5 and M6 read the scope rule set.
"""

from __future__ import annotations

from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE, Actor
from copenhagen.framework.modalities import Modality
from copenhagen.model import Scope
from copenhagen.rules.conditions import DecidedAs, Has, Not, Only, all_of
from copenhagen.rules.engine import Rule, RuleSet
from copenhagen.rules.scope import CITIZEN_INITIATOR, SCOPE_RULES

__all__ = ["MODALITY_RULES"]

_ONLY_CITIZENS_INITIATED = Only("initiated_by", CITIZEN_SIDE, "citizen-side")
_ONLY_CITIZEN_PARTNERS = Only("partners", CITIZEN_SIDE, "citizen-side")
_STATE_INITIATOR = Has("initiated_by", STATE_SIDE, "state-side")
_OTHER_INITIATOR = Has("initiated_by", OTHER_SIDE, "other non-state")
_NSO_INITIATOR = Has("initiated_by", {Actor.NSO})
_IN_SCOPE = DecidedAs(SCOPE_RULES, Scope.IN_SCOPE)
_OUT_OF_SCOPE_TEXT = "no modality applies, since the initiative is outside the framework"

M1 = Rule(
    id="M1",
    statement=(
        "Started by citizen-side actors only, with no partner from outside the citizen side: "
        "civic action."
    ),
    citations=("para 15", "Table 1"),
    when=all_of(_ONLY_CITIZENS_INITIATED, _ONLY_CITIZEN_PARTNERS),
    then=Modality.CIVIC_ACTION,
    title="civic action",
    then_text="it is civic action",
)

M2 = Rule(
    id="M2",
    statement=(
        "Started by citizen-side actors only, carried out with at least one partner from "
        "outside the citizen side: civic-driven collaboration."
    ),
    citations=("para 15", "Table 1"),
    when=all_of(_ONLY_CITIZENS_INITIATED, Not(_ONLY_CITIZEN_PARTNERS)),
    then=Modality.CIVIC_DRIVEN_COLLABORATION,
    title="civic-driven collaboration",
    then_text="it is civic-driven collaboration",
)

M3 = Rule(
    id="M3",
    statement=(
        "Started by citizen-side and state-side actors together: jointly initiated "
        "collaboration (co-creation)."
    ),
    citations=("para 15", "Table 1"),
    when=all_of(CITIZEN_INITIATOR, _STATE_INITIATOR),
    then=Modality.JOINTLY_INITIATED_COLLABORATION,
    title="jointly initiated collaboration",
    then_text="it is jointly initiated collaboration",
)

M4 = Rule(
    id="M4",
    statement=(
        "Started by citizen-side actors together with other non-state actors (academia, the "
        "private sector, international bodies) and no state-side actor: civic-driven "
        "collaboration (an interpretation, RULE-1)."
    ),
    citations=("para 15", "para 2", "Table 1"),
    when=all_of(CITIZEN_INITIATOR, _OTHER_INITIATOR, Not(_STATE_INITIATOR)),
    then=Modality.CIVIC_DRIVEN_COLLABORATION,
    title="civic-driven collaboration with other non-state co-initiators",
    then_text="it is read as civic-driven collaboration",
)

M5 = Rule(
    id="M5",
    statement=(
        "Started without any citizen-side actor, with the NSO among the initiators: NSO-driven "
        "collaboration, if the initiative is in scope; no modality if it is out of scope."
    ),
    citations=("para 15", "Table 1"),
    when=all_of(Not(CITIZEN_INITIATOR), _NSO_INITIATOR),
    provided=_IN_SCOPE,
    then=Modality.NSO_DRIVEN_COLLABORATION,
    otherwise=None,
    title="NSO-driven collaboration",
    then_text="it is NSO-driven collaboration",
    otherwise_text=_OUT_OF_SCOPE_TEXT,
)

M6 = Rule(
    id="M6",
    statement=(
        "Started without any citizen-side actor and without the NSO: collaboration driven by "
        "other actors, if the initiative is in scope; no modality if it is out of scope."
    ),
    citations=("para 15", "Table 1"),
    when=all_of(Not(CITIZEN_INITIATOR), Not(_NSO_INITIATOR)),
    provided=_IN_SCOPE,
    then=Modality.OTHER_ACTOR_DRIVEN_COLLABORATION,
    otherwise=None,
    title="collaboration driven by other actors",
    then_text="it is collaboration driven by other actors",
    otherwise_text=_OUT_OF_SCOPE_TEXT,
)

#: The modality rule set (para 15, Table 1).
MODALITY_RULES = RuleSet(
    id="modality",
    subject="modality",
    rules=(M1, M2, M3, M4, M5, M6),
    citations=("para 15", "para 16", "Table 1"),
)
