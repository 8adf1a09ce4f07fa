"""Display labels shared by every renderer: outcomes, statuses and principles in words.

Labels come from the framework catalogue where it has them and from the member's name otherwise,
so a report never depends on catalogue text being present. Every status label carries a symbol
and a word, so no renderer has to rely on colour to show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copenhagen.framework.modalities import Modality, Table1Column
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import Scope, Status
from copenhagen.participation import HaklayLevel, ShirkModel

__all__ = [
    "DECISIONS",
    "HAKLAY_LABELS",
    "NOT_DECLARED",
    "SHIRK_LABELS",
    "STATUS_SYMBOL",
    "STATUS_WORD",
    "aspect_label",
    "crosswalks_label",
    "decision_label",
    "declared_label",
    "haklay_label",
    "member_title",
    "principle_label",
    "shirk_label",
    "stage_label",
    "status_label",
    "table1_column_label",
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

#: What the "Declared" column shows for a principle the initiative declared nothing for.
NOT_DECLARED = "not declared"

#: Shirk et al. (2012)'s models of public participation (footnote 3), named in words. The
#: enum has no catalogue entry, so its labels live here.
SHIRK_LABELS: Mapping[ShirkModel, str] = {
    ShirkModel.CONTRACTUAL: "Contractual (Shirk et al. 2012)",
    ShirkModel.CONTRIBUTORY: "Contributory (Shirk et al. 2012)",
    ShirkModel.COLLABORATIVE: "Collaborative (Shirk et al. 2012)",
    ShirkModel.CO_CREATED: "Co-created (Shirk et al. 2012)",
    ShirkModel.COLLEGIAL: "Collegial (Shirk et al. 2012)",
}

#: Haklay (2013)'s levels of participation in citizen science (footnote 3), with their numbers.
HAKLAY_LABELS: Mapping[HaklayLevel, str] = {
    level: f"Level {level.level}: {level.value.replace('_', ' ')} (Haklay 2013)"
    for level in HaklayLevel
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


def _words(value: object) -> str:
    # The last resort for a value no table knows: at least no underscores.
    return str(value).replace("_", " ")


def stage_label(value: str) -> str:
    """``"Data collection"`` for ``"collection"``: a stage of the value chain (para 10)."""
    try:
        return member_title(Stage(value))
    except ValueError:
        return _words(value)


def table1_column_label(value: str) -> str:
    """``"Civic action"`` for ``"civic_action"``: a column of Table 1."""
    try:
        return member_title(Table1Column(value))
    except ValueError:
        return _words(value)


def aspect_label(value: str) -> str:
    """``"Extent"`` for ``"extent"``: an aspect of participation (para 11)."""
    try:
        return member_title(ParticipationAspect(value))
    except ValueError:
        return _words(value)


def shirk_label(value: str) -> str:
    """``"Collegial (Shirk et al. 2012)"`` for ``"collegial"`` (footnote 3)."""
    try:
        return SHIRK_LABELS[ShirkModel(value)]
    except ValueError:
        return _words(value)


def haklay_label(value: str) -> str:
    """``"Level 4: extreme citizen science (Haklay 2013)"`` for its key (footnote 3)."""
    try:
        return HAKLAY_LABELS[HaklayLevel(value)]
    except ValueError:
        return _words(value)


def declared_label(value: str | None, *, declared: bool) -> str:
    """The declared status of a principle, or `NOT_DECLARED` when the initiative gave none."""
    return status_label(value) if declared else NOT_DECLARED


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


def crosswalks_label(links: Any) -> str:
    """A finding's crosswalk links in a few words: ``"FPOS 6 (overlaps), CARE A1 (related)"``.

    Each link names its standard (the crosswalk's name in capitals), the item and how strongly
    they correspond; empty when there are none. The reasons and sources are in the data and on
    the crosswalk pages.
    """
    words = []
    for link in links or ():
        if not isinstance(link, Mapping):
            continue
        standard = str(link.get("crosswalk", "")).upper()
        item = _words(link.get("to", ""))
        words.append(f"{standard} {item} ({_words(link.get('strength', ''))})".strip())
    return ", ".join(words)
