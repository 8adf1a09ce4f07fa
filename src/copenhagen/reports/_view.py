"""Turn what a renderer is given (an `Assessment` or its ``to_dict()``) into plain data.

The pinned ``to_dict()`` shape holds the initiative's name but not its description, country or
which principles it declared; those are read from ``assessment.initiative`` when the renderer is
given the `Assessment` itself, and left out (or inferred from the findings) when given the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copenhagen.framework.principles import Principle
from copenhagen.model import Status

__all__ = [
    "ADDED_BECAUSE",
    "about",
    "as_dict",
    "declared_keys",
    "ordered_principles",
    "outcome_text",
    "principle_statuses",
    "stage_engaged",
    "stage_origin",
    "was_declared",
]

#: Why the library adds a stage the document does not list (rule P1, register PART-1).
ADDED_BECAUSE = "a citizen-side actor started the initiative, rule P1"


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


def _initiative(assessment: Any) -> Any:
    """The assessed `Initiative`, or ``None`` when only the ``to_dict()`` data were given."""
    if isinstance(assessment, Mapping):
        return None
    return getattr(assessment, "initiative", None)


def about(assessment: Any) -> tuple[tuple[str, str], ...]:
    """What a report shows under its title: ``(label, value)`` for the description and country.

    Only the parts the initiative gives, with their whitespace collapsed; empty for the data of
    ``to_dict()``, which does not carry them. The values are the user's: renderers escape them.
    """
    from copenhagen.reports._escape import one_line

    initiative = _initiative(assessment)
    if initiative is None:
        return ()
    parts = (
        ("Description", getattr(initiative, "description", None)),
        ("Country", getattr(initiative, "country", None)),
    )
    return tuple((label, one_line(str(value))) for label, value in parts if value)


def declared_keys(assessment: Any) -> frozenset[str] | None:
    """The keys of the principles the initiative declared a status for (``"unknown"`` included).

    ``None`` when only the ``to_dict()`` data were given, which do not say.
    """
    initiative = _initiative(assessment)
    declared = getattr(initiative, "principles", None)
    if declared is None:
        return None
    return frozenset(str(p.name).lower() for p in declared)


def was_declared(key: str, finding: Mapping[str, Any], declared: frozenset[str] | None) -> bool:
    """Whether the initiative declared a status for the principle ``key``.

    Without the initiative, a declared ``"unknown"`` counts as nothing declared, as the
    finding's own explanation reads it.
    """
    if declared is not None:
        return key in declared
    return finding.get("declared") not in (None, Status.UNKNOWN.value)


def ordered_principles(result: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(key, assessed status)`` of ``result["principles"]`` in `Principle` order (para 17).

    Data read back from JSON may have its keys sorted by name; reports keep the numbered order.
    Keys that name no principle come last, in the order given.
    """
    order = {p.name.lower(): p.value for p in Principle}
    items = [(str(k), str(v)) for k, v in (result.get("principles") or {}).items()]
    return sorted(items, key=lambda item: order.get(item[0], len(order) + 1))


def stage_origin(participation: Mapping[str, Any]) -> tuple[str, str] | None:
    """Which stages the document listed and which the library added to them, in words.

    ``None`` when the library added none, so that the engaged stages are the document's own
    list. Otherwise ``(listed, added)``: the document's stages (``"none"`` for an empty list,
    ``"not given"`` when it lists none at all) and the added ones with why (register PART-1).
    The words are plain text: renderers escape them.
    """
    from copenhagen.reports._labels import stage_label

    added = participation.get("added_stages") or []
    if not added:
        return None
    listed = participation.get("listed_stages")
    if listed is None:
        listed_text = "not given"
    elif not listed:
        listed_text = "none (an empty list)"
    else:
        listed_text = ", ".join(stage_label(str(stage)) for stage in listed)
    added_text = ", ".join(stage_label(str(stage)) for stage in added)
    return listed_text, f"{added_text} ({ADDED_BECAUSE})"


def stage_engaged(participation: Mapping[str, Any], row: Mapping[str, Any]) -> str:
    """Whether citizens take part in a Table 1 row's stage: ``yes``, ``no`` or ``unknown``.

    A stage the library added to the document's list says so (``"yes (added: rule P1)"``).
    """
    engaged = row.get("engaged")
    if engaged is None:
        return "unknown"
    if not engaged:
        return "no"
    added = {str(stage) for stage in participation.get("added_stages") or []}
    return "yes (added: rule P1)" if str(row.get("stage")) in added else "yes"
