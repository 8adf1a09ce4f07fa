"""Typed questions about the principle graph, answered from the relation data (paras 17-31).

These read `copenhagen.principles.relations` directly, so they are fast and never import
networkx; `copenhagen.principles.principle_graph` gives the same edges as a networkx graph.
"""

from __future__ import annotations

from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.principles.relations import (
    DEPENDENTS_CLOSURE,
    RELATIONS,
    REQUIRES,
    REQUIRES_CLOSURE,
    Relation,
    RelationKind,
)

__all__ = [
    "dependents",
    "direct_requirements",
    "practices_of",
    "relations_of",
    "requirements",
    "tensions",
]


def requirements(principle: Principle) -> tuple[Principle, ...]:
    """What ``principle`` requires, directly or through other principles (paras 28, 30).

    Args:
        principle: The principle asked about.

    Returns:
        The principles it cannot be met without, in `Principle` order.

    Examples:
        >>> [p.name for p in requirements(Principle.CONFIDENTIALITY)]
        ['DATA_SECURITY']
    """
    return REQUIRES_CLOSURE[principle]


def direct_requirements(principle: Principle) -> tuple[Principle, ...]:
    """What ``principle`` requires directly (its ``requires`` edges), in `Principle` order."""
    return REQUIRES[principle]


def dependents(principle: Principle) -> tuple[Principle, ...]:
    """The principles that require ``principle``, directly or through others.

    Args:
        principle: The principle asked about.

    Returns:
        Every principle that cannot be met unless ``principle`` is, in `Principle` order.

    Examples:
        >>> [p.name for p in dependents(Principle.DATA_SECURITY)]
        ['ETHICAL_AND_SAFE_USE', 'CONFIDENTIALITY']
    """
    return DEPENDENTS_CLOSURE[principle]


def tensions(principle: Principle) -> tuple[Principle, ...]:
    """The principles ``principle`` has to be weighed against (para 31), in `Principle` order.

    Examples:
        >>> [p.name for p in tensions(Principle.OPENNESS)]
        ['CONFIDENTIALITY']
    """
    found = {
        r.target
        for r in RELATIONS
        if r.source is principle and r.kind is RelationKind.BALANCED_AGAINST
    }
    return tuple(sorted(found))


def relations_of(principle: Principle) -> tuple[Relation, ...]:
    """Every edge that starts or ends at ``principle``, in the graph's fixed edge order.

    Examples:
        >>> [r.id for r in relations_of(Principle.DATA_SECURITY) if r.kind == "requires"]
        ['10 -> 6', '12 -> 6']
    """
    return tuple(r for r in RELATIONS if principle in (r.source, r.target))


def practices_of(principle: Principle) -> tuple[Practice, ...]:
    """The checklist practices that show ``principle`` in action, in `Practice` order.

    Examples:
        >>> [p.value for p in practices_of(Principle.INFORMED_CONSENT)]
        ['consent_before_collection', 'purpose_and_risks_explained', 'withdrawal_possible']
    """
    return _PRACTICES[principle]


_PRACTICES: dict[Principle, tuple[Practice, ...]] = {
    p: tuple(practice for practice in Practice if practice.principle is p) for p in Principle
}
