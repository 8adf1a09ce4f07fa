"""Every fact a rule can read: its key, its values, whether it can be unknown, and where it lives.

A rule reads named facts of an initiative (contract section 2): the list keys (sets of enum
members), the boolean keys, and one fact per item of the three mappings — a principle's declared
status (``principles.informed_consent``), a practice's answer (``practices.secure_storage``) and
an aspect's rating (``participation.extent``). The engine needs to know each fact's values to
try the few that can make a difference when the fact is unknown (contract sections 1 and 5), and
the caches need to read each fact from an `Initiative` without going through a mapping.

A fact whose key is not here (the outcome of another rule set, a part of the assessment) is read
by the rule sets that compute it, never by a getter.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

import attrs

from copenhagen.framework.actors import Actor
from copenhagen.framework.objectives import Objective
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import DOCUMENT_KEYS, Initiative, Status

__all__ = [
    "FACTS",
    "Fact",
    "FactKind",
    "fact",
    "in_document_order",
    "practice_key",
    "principle_key",
    "rating_key",
]


class FactKind(Enum):
    """What sort of value a fact holds."""

    #: A set of enum members (``initiated_by``).
    SET = "set"
    #: ``True`` or ``False`` (``meaningful_engagement``).
    BOOL = "bool"
    #: One enum member (a declared status, a rating).
    MEMBER = "member"


def _getter(field: str, item: Any, default: Any) -> Callable[[Initiative], Any]:
    if item is None:
        return operator.attrgetter(field)
    read_map = operator.attrgetter(field)

    def read(initiative: Initiative) -> Any:
        return read_map(initiative).get(item, default)

    return read


@attrs.frozen(slots=True)
class Fact:
    """One fact a rule can read.

    Attributes:
        key: Its name in conditions and traces (``"initiated_by"``, ``"practices.secure_storage"``).
        kind: A set of members, a boolean, or one member.
        values: The enum a set's members or a member come from (``bool`` for a boolean fact).
        unknown: Whether the document may leave it unknown (``None``): every fact may but the
            initiators, partners, funders, objectives and declared statuses (absent means empty,
            or ``unknown`` for a status, which is a value, not a gap).
        field: The `Initiative` attribute holding it.
        item: For a fact inside a mapping, its key there (a `Principle`, `Practice`...).
        default: The value when a mapping does not hold the item.
    """

    key: str
    kind: FactKind
    values: type[Enum] | type[bool]
    unknown: bool
    field: str
    item: Any = None
    default: Any = None
    read: Callable[[Initiative], Any] = attrs.field(init=False, eq=False, repr=False)

    @read.default
    def _read(self) -> Callable[[Initiative], Any]:
        return _getter(self.field, self.item, self.default)

    @property
    def domain(self) -> tuple[Any, ...]:
        """Every value the fact can take when known (a set fact's members, for a set)."""
        if self.values is bool:
            return (False, True)
        members: tuple[Any, ...] = tuple(self.values)  # an enum: its members in order
        return members

    @property
    def order(self) -> tuple[int, int]:
        """Where the fact stands in contract section 2's key order (items in their enum's)."""
        top = _KEY_ORDER[self.field]
        if self.item is None:
            return (top, -1)
        members: list[Any] = list(self.item.__class__.__members__.values())
        return (top, members.index(self.item))

    def take(self, mapping: Mapping[Any, Any]) -> Any:
        """This fact's value out of the whole mapping it lives in (for a fact of an item)."""
        return mapping.get(self.item, self.default)

    def __reduce__(self) -> tuple[Any, ...]:
        return (fact, (self.key,))


def principle_key(principle: Principle) -> str:
    """The key of a principle's declared status: ``principles.informed_consent``."""
    return f"principles.{principle.name.lower()}"


def practice_key(practice: Practice) -> str:
    """The key of a practice's answer: ``practices.secure_storage``."""
    return f"practices.{practice.value}"


def rating_key(aspect: ParticipationAspect) -> str:
    """The key of an aspect's rating: ``participation.extent``."""
    return f"participation.{aspect.value}"


_KEY_ORDER = {key: i for i, key in enumerate(DOCUMENT_KEYS)}


def _facts() -> dict[str, Fact]:
    found: list[Fact] = [
        Fact("initiated_by", FactKind.SET, Actor, False, "initiated_by"),
        Fact("partners", FactKind.SET, Actor, False, "partners"),
        Fact("funders", FactKind.SET, Actor, False, "funders"),
        Fact("objectives", FactKind.SET, Objective, False, "objectives"),
        Fact("engaged_stages", FactKind.SET, Stage, True, "engaged_stages"),
        Fact("meaningful_engagement", FactKind.BOOL, bool, True, "meaningful_engagement"),
        Fact(
            "integrated_into_official_statistics",
            FactKind.BOOL,
            bool,
            True,
            "integrated_into_official_statistics",
        ),
        Fact("quality_assured", FactKind.BOOL, bool, True, "quality_assured"),
    ]
    found += [
        Fact(principle_key(p), FactKind.MEMBER, Status, False, "principles", p, Status.UNKNOWN)
        for p in Principle
    ]
    found += [Fact(practice_key(x), FactKind.BOOL, bool, True, "practices", x) for x in Practice]
    found += [
        Fact(rating_key(a), FactKind.MEMBER, ParticipationLevel, True, "participation", a)
        for a in ParticipationAspect
    ]
    return {f.key: f for f in found}


#: Every fact a rule can read, by key, in contract section 2's order.
FACTS: Mapping[str, Fact] = _facts()


def fact(key: str) -> Fact:
    """The fact named ``key``.

    Raises:
        KeyError: Naming the key, if no rule can read such a fact.
    """
    try:
        return FACTS[key]
    except KeyError:
        raise KeyError(f"no rule can read a fact named {key!r}") from None


def in_document_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Fact keys once each, in contract section 2's order (items in their enum's order)."""
    return tuple(sorted(set(keys), key=lambda key: FACTS[key].order))
