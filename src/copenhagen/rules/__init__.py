"""The rule engine and the three classifiers: scope, modality and NSO category.

Each decision is a `RuleSet` of cited rules (contract section 3: S1-S2, M1-M6, C0-C4) evaluated
in three-valued logic; `assess_scope`, `classify_modality` and `classify_nso_category` return
`copenhagen.Decision` objects whose traces explain them, and `explain` turns them into plain
sentences.
"""

from __future__ import annotations

from copenhagen.rules.category import NSO_CATEGORY_RULES, classify_nso_category
from copenhagen.rules.conditions import (
    Always,
    Condition,
    DecidedAs,
    Empty,
    Has,
    Is,
    Not,
    Only,
    all_of,
    any_of,
)
from copenhagen.rules.engine import Evaluation, Rule, RuleSet, StepKind
from copenhagen.rules.explain import explain, full_trace, outcome_text
from copenhagen.rules.modality import MODALITY_RULES, classify_modality
from copenhagen.rules.scope import SCOPE_RULES, assess_scope

__all__ = [
    "MODALITY_RULES",
    "NSO_CATEGORY_RULES",
    "RULE_SETS",
    "SCOPE_RULES",
    "Always",
    "Condition",
    "DecidedAs",
    "Empty",
    "Evaluation",
    "Has",
    "Is",
    "Not",
    "Only",
    "Rule",
    "RuleSet",
    "StepKind",
    "all_of",
    "any_of",
    "assess_scope",
    "classify_modality",
    "classify_nso_category",
    "explain",
    "full_trace",
    "outcome_text",
]

#: The three rule sets, in the order decisions are reported: scope, modality, NSO category.
RULE_SETS: tuple[RuleSet, ...] = (SCOPE_RULES, MODALITY_RULES, NSO_CATEGORY_RULES)
