"""Plain-language explanations of decisions, for an NSO or CSO officer.

The short form gives the steps that decided (a `Decision`'s own trace); the full form gives every
rule of each rule set in order, including those that did not apply and why.
"""

from __future__ import annotations

from collections.abc import Iterable

from copenhagen.model import Decision, Initiative, Outcome, Step
from copenhagen.rules.conditions import join_words, outcome_words
from copenhagen.rules.engine import RuleSet

__all__ = ["explain", "full_trace", "outcome_text"]


def outcome_text(outcome: Outcome | None) -> str:
    """An outcome in words: ``"civic-driven collaboration"``, ``"in scope"``, ``"none"``."""
    return outcome_words(outcome)


def full_trace(initiative: Initiative, rule_set: RuleSet) -> tuple[Step, ...]:
    """Every rule of ``rule_set`` tried on ``initiative``, in order, each as a step.

    Args:
        initiative: The initiative.
        rule_set: The rule set (e.g. ``MODALITY_RULES``).

    Returns:
        One step per rule tried, including rules that did not apply (their explanation says
        why), up to the rule that concluded.
    """
    return rule_set.evaluation(rule_set.facts_of(initiative)).steps


def _heading(decision: Decision) -> str:
    if decision.determinate:
        if decision.outcome is None:
            return "none (settled: the initiative is outside the framework)"
        return outcome_text(decision.outcome)
    return f"not determinate yet; missing: {join_words(decision.missing) or 'nothing'}"


def _lines(steps: Iterable[Step], indent: str) -> list[str]:
    return [f"{indent}- {step.rule} ({step.citation}): {step.explanation}" for step in steps]


def _explain_decision(decision: Decision, indent: str = "") -> list[str]:
    lines = _lines(decision.trace, indent)
    lines.extend(f"{indent}! {warning}" for warning in decision.warnings)
    return lines


def explain(
    subject: Decision | Initiative,
    *,
    full: bool = False,
    rule_sets: Iterable[RuleSet] | None = None,
) -> str:
    """Explain a decision, or every decision about an initiative, in plain sentences.

    Args:
        subject: A `Decision` (its deciding steps), or an `Initiative` (each rule set's
            decision about it).
        full: For an initiative, show every rule tried, including those that did not apply.
        rule_sets: For an initiative, the rule sets to explain (default: scope, modality and
            NSO category).

    Returns:
        Lines of text: each decision's outcome, then one line per step: rule id, citation and
        a sentence naming the facts it used; warnings are marked with ``!``.

    Raises:
        ValueError: ``full`` was asked of a `Decision`, which keeps only its deciding steps.
    """
    if isinstance(subject, Decision):
        if full:
            raise ValueError(
                "a Decision keeps only its deciding steps; pass the initiative for the full trace"
            )
        return "\n".join([f"Outcome: {_heading(subject)}", *_explain_decision(subject)])
    if rule_sets is None:
        from copenhagen.rules import RULE_SETS

        rule_sets = RULE_SETS
    lines = [f"{subject.name}"]
    for rule_set in rule_sets:
        evaluation = rule_set.evaluation(rule_set.facts_of(subject))
        decision = evaluation.decision
        subject_words = rule_set.subject[:1].upper() + rule_set.subject[1:]
        lines.append(f"{subject_words}: {_heading(decision)}")
        if full:
            lines.extend(_lines(evaluation.steps, "  "))
            closing = [s for s in decision.trace if s not in evaluation.steps]
            lines.extend(_lines(closing, "  "))
            lines.extend(f"  ! {warning}" for warning in decision.warnings)
        else:
            lines.extend(_explain_decision(decision, "  "))
    return "\n".join(lines)
