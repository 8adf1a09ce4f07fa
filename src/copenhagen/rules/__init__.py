"""The rule engine and the three decisions' rule sets: scope, modality and NSO category.

Each decision is a `RuleSet` of cited rules (contract section 3: S1-S2, M1-M6, C0-C4) over the
facts of `copenhagen.rules.facts`, decided in three-valued logic (`copenhagen.rules.engine`) with
the conditions of `copenhagen.rules.conditions`; `explain` turns decisions into plain sentences.
The same engine decides the participation profile's placements, the principles' statuses and
the recommendations; `copenhagen.Assessor` holds one reading's rule sets and their caches.
"""

from __future__ import annotations

from copenhagen.rules.category import NSO_CATEGORY_RULES
from copenhagen.rules.conditions import (
    Always,
    AtLeast,
    Condition,
    DecidedAs,
    Empty,
    Has,
    In,
    Is,
    Known,
    Missing,
    Not,
    Only,
    Undecided,
    Verdict,
    all_of,
    any_of,
)
from copenhagen.rules.engine import Evaluation, Rule, RuleSet, RuleWarning, StepKind
from copenhagen.rules.explain import explain, full_trace, outcome_text
from copenhagen.rules.facts import FACTS, Fact, FactKind
from copenhagen.rules.modality import MODALITY_RULES
from copenhagen.rules.scope import SCOPE_RULES

__all__ = [
    "FACTS",
    "MODALITY_RULES",
    "NSO_CATEGORY_RULES",
    "RULE_SETS",
    "SCOPE_RULES",
    "Always",
    "AtLeast",
    "Condition",
    "DecidedAs",
    "Empty",
    "Evaluation",
    "Fact",
    "FactKind",
    "Has",
    "In",
    "Is",
    "Known",
    "Missing",
    "Not",
    "Only",
    "Rule",
    "RuleSet",
    "RuleWarning",
    "StepKind",
    "Undecided",
    "Verdict",
    "all_of",
    "any_of",
    "explain",
    "full_trace",
    "outcome_text",
]

#: The three shipped decisions' rule sets, in the order decisions are reported.
RULE_SETS: tuple[RuleSet, ...] = (SCOPE_RULES, MODALITY_RULES, NSO_CATEGORY_RULES)
