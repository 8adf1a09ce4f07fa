"""Display labels shared by every renderer: outcomes, statuses and principles in words.

Labels come from the framework catalogue where it has them and from the member's name otherwise,
so a report never depends on catalogue text being present. Every status label carries a symbol
and a word, so no renderer has to rely on colour to show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copenhagen.framework.modalities import Modality
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.principles import Principle
from copenhagen.model import Scope, Status

__all__ = [
    "DECISIONS",
    "STATUS_SYMBOL",
    "STATUS_WORD",
    "decision_label",
    "member_title",
    "principle_label",
    "status_label",
]

#: The three decisions of an assessment, in report order, with their headings.
DECISIONS: tuple[tuple[str, str], ...] = (
    ("scope", "Scope"),
    ("modality", "Modality"),
    ("nso_category", "NSO category"),
)

#: A symbol for each status, so the status is readable without colour.
STATUS_SYMBOL: Mapping[str, str] = {
    Status.MET.value: "✔",
    Status.PARTIAL.value: "◐",
    Status.NOT_MET.value: "✘",
    Status.UNKNOWN.value: "?",
}

#: The word for each status.
STATUS_WORD: Mapping[str, str] = {
    Status.MET.value: "met",
    Status.PARTIAL.value: "partial",
    Status.NOT_MET.value: "not met",
    Status.UNKNOWN.value: "unknown",
}


def member_title(member: Any) -> str:
    """The catalogue title of an enum member, or its name in words when the catalogue has none."""
    try:
        title = member.title
    except (KeyError, AttributeError, NotImplementedError):
        title = None
    if isinstance(title, str) and title:
        return title
    return str(member.name).replace("_", " ").capitalize()


def status_label(value: str | None) -> str:
    """``"✔ met"`` for ``"met"``; symbol and word, never colour alone."""
    if value is None:
        return "—"
    return f"{STATUS_SYMBOL.get(value, '?')} {STATUS_WORD.get(value, value)}"


def principle_label(key: str) -> str:
    """``"4 Informed consent"`` for ``"informed_consent"`` (the number of para 17 and a title)."""
    try:
        member = Principle[key.upper()]
    except KeyError:
        return key
    return f"{member.value} {member_title(member)}"


def decision_label(decision: str, outcome: Any) -> str:
    """The outcome of one decision (``"scope"``, ``"modality"``, ``"nso_category"``) in words."""
    if outcome is None:
        return "none"
    try:
        if decision == "scope":
            return "in scope" if outcome == Scope.IN_SCOPE.value else "out of scope"
        if decision == "modality":
            member: Any = Modality(outcome)
            return f"{member.value} {member_title(member)}"
        if decision == "nso_category":
            member = NSOCategory(outcome)
            return f"{member.value} {member_title(member)}"
    except ValueError:
        pass
    return str(outcome)
