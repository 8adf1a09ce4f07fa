"""Turn what a renderer is given (an `Assessment` or its ``to_dict()``) into plain data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copenhagen.framework.principles import Principle
from copenhagen.model import Status

__all__ = ["as_dict", "outcome_text", "principle_statuses"]


def as_dict(assessment: Any) -> Mapping[str, Any]:
    """The pinned ``to_dict()`` shape of an assessment, whether given the object or the data."""
    if isinstance(assessment, Mapping):
        return assessment
    to_dict = getattr(assessment, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"expected an Assessment or its to_dict(), got {type(assessment).__name__}")
    result: Mapping[str, Any] = to_dict()
    return result


def outcome_text(decision_name: str, decision: Mapping[str, Any]) -> str:
    """The outcome of a decision in words, saying plainly when it is undecided."""
    from copenhagen.reports._labels import decision_label

    if not decision.get("determinate", False):
        return "undecided"
    outcome = decision.get("outcome")
    if outcome is None:
        return "none (out of scope)"
    return decision_label(decision_name, outcome)


def principle_statuses(result: Mapping[str, Any]) -> dict[Principle, Status]:
    """The assessed status of every principle, keyed by member, from ``result["principles"]``."""
    statuses: dict[Principle, Status] = {}
    for key, value in result.get("principles", {}).items():
        try:
            statuses[Principle[str(key).upper()]] = Status(value)
        except (KeyError, ValueError):
            continue
    return statuses
