"""How the 13 principles relate to each other, as plain cited data (paras 17-31).

Each `Relation` is one directed edge of the principle graph: its kind, the anchor of the text it
rests on, a one-line reason in the library's own words, and whether the text states it
(``stated=True``) or the library reads it into the text (``stated=False``; every such edge is
listed in the interpretation register, PRIN-1).

The encoding follows contract section 3: an ordered pair of principles holds one edge; where the
text gives a pair two relations, ``requires`` is the edge's kind and the other relation is named
in its reason; a relation without direction is two edges, one each way.

Nothing here imports networkx: the assessment reads `REQUIRES` and `REQUIRES_CLOSURE`, which are
computed once, at import, from `RELATIONS`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.framework.principles import Principle

__all__ = [
    "DEPENDENTS_CLOSURE",
    "RELATIONS",
    "REQUIRES",
    "REQUIRES_CLOSURE",
    "Relation",
    "RelationKind",
]


class RelationKind(StrEnum):
    """The kinds of relation between two principles, with what an edge ``u -> v`` means."""

    #: ``u`` cannot be met unless ``v`` is (the only kind the assessment propagates).
    REQUIRES = "requires"
    #: ``u`` and ``v`` serve one aim together (drawn both ways).
    JOINTLY_SERVES = "jointly_serves"
    #: ``u`` and ``v`` pull apart and must be weighed against each other (drawn both ways).
    BALANCED_AGAINST = "balanced_against"
    #: Meeting ``u`` helps to meet ``v``.
    SUPPORTS = "supports"
    #: The text ties ``u`` closely to ``v``; the edge itself claims no need either way (the
    #: pair's other edge, ``v -> u``, may still be a ``requires``, as 12 -> 6 is).
    LINKED_WITH = "linked_with"

    @property
    def description(self) -> str:
        """What an edge of this kind from ``u`` to ``v`` means, in one line."""
        return _KIND_DESCRIPTIONS[self]

    @property
    def symmetric(self) -> bool:
        """Whether the kind has no direction (its edges come in pairs, one each way)."""
        return self in (RelationKind.JOINTLY_SERVES, RelationKind.BALANCED_AGAINST)


_KIND_DESCRIPTIONS: dict[RelationKind, str] = {
    RelationKind.REQUIRES: "the first cannot be met unless the second is",
    RelationKind.JOINTLY_SERVES: "the two serve one aim together",
    RelationKind.BALANCED_AGAINST: "the two have to be weighed against each other",
    RelationKind.SUPPORTS: "meeting the first helps to meet the second",
    RelationKind.LINKED_WITH: (
        "the text ties the two closely together; this edge says nothing of need either way"
    ),
}


@attrs.frozen(slots=True)
class Relation:
    """One directed, cited edge of the principle graph.

    Attributes:
        source: The principle the edge starts from (``u``).
        target: The principle the edge points to (``v``).
        kind: What the edge means (see `RelationKind`).
        citation: The anchor of the framework text it rests on, e.g. ``"para 28"``.
        reason: One line, in the library's own words, saying why the edge is there.
        stated: True where the text states the relation, False where it is the library's
            reading (listed in the interpretation register, PRIN-1).
    """

    source: Principle
    target: Principle
    kind: RelationKind
    citation: str
    reason: str
    stated: bool

    @property
    def id(self) -> str:
        """A stable identifier, ``"<source number> -> <target number>"`` (e.g. ``"12 -> 6"``)."""
        return f"{self.source.value} -> {self.target.value}"

    def attributes(self) -> dict[str, str | bool]:
        """The edge attributes of contract section 3, as plain data."""
        return {
            "kind": self.kind.value,
            "citation": self.citation,
            "reason": self.reason,
            "stated": self.stated,
        }


P = Principle
_R = RelationKind


def _one(
    source: Principle,
    target: Principle,
    kind: RelationKind,
    citation: str,
    reason: str,
    *,
    stated: bool,
) -> Iterator[Relation]:
    yield Relation(source, target, kind, citation, reason, stated)


def _both(
    first: Principle,
    second: Principle,
    kind: RelationKind,
    citation: str,
    reason: str,
    *,
    stated: bool,
) -> Iterator[Relation]:
    # A relation without direction is two edges, one each way (contract section 3).
    yield Relation(first, second, kind, citation, reason, stated)
    yield Relation(second, first, kind, citation, reason, stated)


# Para 28 names four of the twelve principles that adopting principle 10 takes in; the other
# eight it covers only as "all other principles". The reasons say which, and add no gloss of why
# (a why the text does not give would read as stated; register PRIN-2).
_NAMED_IN_PARA_28: dict[Principle, str] = {
    P.INFORMED_CONSENT: "consent",
    P.CONFIDENTIALITY: "privacy",
    P.DATA_SECURITY: "security",
    P.PARTICIPATION_AND_INCLUSION: "participation and inclusion",
}


def _ethics_reason(other: Principle) -> str:
    named = _NAMED_IN_PARA_28.get(other)
    if named is not None:
        return (
            "Ethical and safe use takes in all the other principles; para 28 names "
            f"{named} among them."
        )
    return (
        "Ethical and safe use takes in all the other principles; para 28 does not name "
        f"{other.title.lower()} on its own."
    )


def _relations() -> Iterator[Relation]:
    # Para 28: adhering to principle 10 means adopting every other principle.
    for other in Principle:
        if other is P.ETHICAL_AND_SAFE_USE:
            continue
        yield from _one(
            P.ETHICAL_AND_SAFE_USE,
            other,
            _R.REQUIRES,
            "para 28",
            _ethics_reason(other),
            stated=True,
        )
    # Para 30: upholding 12 needs data secured against unauthorised access, closely tied to 6.
    yield from _one(
        P.CONFIDENTIALITY,
        P.DATA_SECURITY,
        _R.REQUIRES,
        "para 30",
        "Confidentiality needs data kept secure against unauthorised access; the text also "
        "calls the two closely linked.",
        stated=True,
    )
    yield from _one(
        P.DATA_SECURITY,
        P.CONFIDENTIALITY,
        _R.LINKED_WITH,
        "para 30",
        "The text calls security measures closely linked to confidentiality and privacy.",
        stated=True,
    )
    # Para 20: 1 and 2 together keep the choice of issues with citizens, not politics.
    yield from _both(
        P.INDEPENDENCE,
        P.RELEVANCE,
        _R.JOINTLY_SERVES,
        "para 20",
        "Together they keep the choice of issues with citizens and their organisations, free "
        "of political interests.",
        stated=True,
    )
    # Para 27: 4 and 9 together build trust between producers and participants.
    yield from _both(
        P.INFORMED_CONSENT,
        P.TRANSPARENCY,
        _R.JOINTLY_SERVES,
        "para 27",
        "Together they build trust between those who produce the data and those who take part.",
        stated=True,
    )
    # Para 27: transparency also helps collection and use keep to ethical principles. The text
    # says "ethical principles" in general and never names principle 10: a reading (PRIN-1).
    yield from _one(
        P.TRANSPARENCY,
        P.ETHICAL_AND_SAFE_USE,
        _R.SUPPORTS,
        "para 27",
        "Open data practices help collection and use keep to ethical principles, which the "
        "library reads as principle 10.",
        stated=False,
    )
    # Principle 13's own statement (para 17) keeps confidentiality and privacy while opening
    # data; para 31 says the two are weighed together, not set against each other.
    yield from _both(
        P.OPENNESS,
        P.CONFIDENTIALITY,
        _R.BALANCED_AGAINST,
        "paras 17, 31",
        "Opening data up must be weighed with protecting confidential and sensitive "
        "information, for example by anonymising it.",
        stated=True,
    )
    # Paras 25-26: 7 (read as self-determination) and 8 both give groups control of their data.
    yield from _both(
        P.SELF_IDENTIFICATION,
        P.DATA_SOVEREIGNTY,
        _R.JOINTLY_SERVES,
        "paras 25-26",
        "Both give a group, such as an Indigenous people, control over data about its "
        "collective identity.",
        stated=False,
    )
    # Para 25: transparency helps where self-identification meets social protection schemes.
    yield from _one(
        P.TRANSPARENCY,
        P.SELF_IDENTIFICATION,
        _R.SUPPORTS,
        "para 25",
        "Openness about how data feed social protection helps people identify themselves freely.",
        stated=False,
    )
    # Para 25: co-design (participation) helps with the same difficulty.
    yield from _one(
        P.PARTICIPATION_AND_INCLUSION,
        P.SELF_IDENTIFICATION,
        _R.SUPPORTS,
        "para 25",
        "Designing the collection together with the people concerned eases self-identification.",
        stated=False,
    )
    # Para 21: meaningful participation shares decisions, so citizens choose the issues (para 20).
    yield from _one(
        P.PARTICIPATION_AND_INCLUSION,
        P.RELEVANCE,
        _R.SUPPORTS,
        "para 21",
        "Meaningful participation shares decisions, so the data answer what participants value.",
        stated=False,
    )
    # Para 19: freedom from pressure protects the quality that professional standards aim at.
    yield from _one(
        P.INDEPENDENCE,
        P.PROFESSIONAL_STANDARDS,
        _R.SUPPORTS,
        "para 19",
        "Keeping the collection free of outside agendas protects the quality of the results.",
        stated=False,
    )
    # Para 17 (principle 5): professional standards aim at relevance and fitness for use.
    yield from _one(
        P.PROFESSIONAL_STANDARDS,
        P.RELEVANCE,
        _R.SUPPORTS,
        "para 17",
        "Sound methods are meant to make the data relevant and fit for use.",
        stated=False,
    )
    # Para 17 (principles 4 and 8): both give people control over their own data.
    yield from _both(
        P.INFORMED_CONSENT,
        P.DATA_SOVEREIGNTY,
        _R.JOINTLY_SERVES,
        "para 17",
        "Both leave people in control of their own data and what is done with it.",
        stated=False,
    )
    # Para 30: use is limited to the purposes participants agreed to, which consent fixes.
    yield from _one(
        P.INFORMED_CONSENT,
        P.CONFIDENTIALITY,
        _R.SUPPORTS,
        "para 30",
        "Consent fixes the agreed purposes to which confidential data may be put.",
        stated=False,
    )
    # Para 31: security measures and anonymisation let data be opened safely (also para 24).
    yield from _one(
        P.DATA_SECURITY,
        P.OPENNESS,
        _R.SUPPORTS,
        "para 31",
        "Security measures and sharing agreements let data reach wider audiences safely.",
        stated=False,
    )
    # Paras 17 and 31: both principles reach out to those who face barriers to taking part.
    yield from _both(
        P.PARTICIPATION_AND_INCLUSION,
        P.OPENNESS,
        _R.JOINTLY_SERVES,
        "para 31",
        "Both make sure people facing barriers, such as disability, can take part and use data.",
        stated=False,
    )
    # Para 29: accountability protects the safety and wellbeing that principle 10 puts first.
    yield from _one(
        P.ACCOUNTABILITY,
        P.ETHICAL_AND_SAFE_USE,
        _R.SUPPORTS,
        "para 29",
        "Answering for the impact of data protects the safety and wellbeing of those affected.",
        stated=False,
    )
    # Para 17 (principle 8): control of one's data is meant to keep its handling safe and ethical.
    yield from _one(
        P.DATA_SOVEREIGNTY,
        P.ETHICAL_AND_SAFE_USE,
        _R.SUPPORTS,
        "para 17",
        "Control by the people concerned keeps the handling of their data safe and ethical.",
        stated=False,
    )


#: Every edge of the principle graph, in a fixed order (the graph and exports keep it).
RELATIONS: tuple[Relation, ...] = tuple(_relations())


def _direct_requirements() -> FrozenMap[Principle, tuple[Principle, ...]]:
    direct: dict[Principle, set[Principle]] = {p: set() for p in Principle}
    for relation in RELATIONS:
        if relation.kind is RelationKind.REQUIRES:
            direct[relation.source].add(relation.target)
    return FrozenMap({p: tuple(sorted(direct[p])) for p in Principle})


def _closure(
    direct: Mapping[Principle, tuple[Principle, ...]],
) -> FrozenMap[Principle, tuple[Principle, ...]]:
    # Depth-first search from each principle; raises on a cycle, which the contract forbids.
    closure: dict[Principle, frozenset[Principle]] = {}

    def visit(p: Principle, path: tuple[Principle, ...]) -> frozenset[Principle]:
        if p in path:
            raise ValueError(f"'requires' relations form a cycle through {p.name}")
        if p not in closure:
            found: set[Principle] = set()
            for q in direct[p]:
                found.add(q)
                found |= visit(q, (*path, p))
            closure[p] = frozenset(found)
        return closure[p]

    for p in Principle:
        visit(p, ())
    return FrozenMap({p: tuple(sorted(closure[p])) for p in Principle})


def _reverse(
    forward: Mapping[Principle, tuple[Principle, ...]],
) -> FrozenMap[Principle, tuple[Principle, ...]]:
    return FrozenMap(
        {p: tuple(q for q in Principle if p in forward[q]) for p in Principle},
    )


#: What each principle requires directly, in `Principle` order.
REQUIRES: FrozenMap[Principle, tuple[Principle, ...]] = _direct_requirements()
#: What each principle requires, directly or through others, in `Principle` order.
REQUIRES_CLOSURE: FrozenMap[Principle, tuple[Principle, ...]] = _closure(REQUIRES)
#: What requires each principle, directly or through others, in `Principle` order.
DEPENDENTS_CLOSURE: FrozenMap[Principle, tuple[Principle, ...]] = _reverse(REQUIRES_CLOSURE)
