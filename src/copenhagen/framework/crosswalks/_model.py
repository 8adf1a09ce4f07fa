"""The shape of a crosswalk: an outside standard, its items, and cited links to the framework.

A crosswalk joins members of the framework (principles, or value-chain stages) to the items of
another standard. Each link says how strongly the two correspond, why (one line, our words), which
anchors of the framework it rests on, and, through the item, where the outside text is published.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage

__all__ = [
    "Crosswalk",
    "CrosswalkLink",
    "LinkRow",
    "OutsideItem",
    "OutsideStandard",
    "Strength",
    "build_links",
    "ordered_links",
]


class Strength(StrEnum):
    """How strongly a framework member and an outside item correspond (register XW-1).

    The linked-data export writes each strength as one SKOS mapping property: `skos_property`.
    """

    EQUIVALENT = "equivalent"
    OVERLAPS = "overlaps"
    RELATED = "related"

    @property
    def skos_property(self) -> str:
        """The SKOS mapping property for this strength, as a compact IRI (``skos:...``)."""
        return _SKOS[self]


_SKOS = {
    Strength.EQUIVALENT: "skos:exactMatch",
    Strength.OVERLAPS: "skos:closeMatch",
    Strength.RELATED: "skos:relatedMatch",
}


@attrs.frozen(slots=True)
class OutsideStandard:
    """A standard the framework stands beside, as published.

    Attributes:
        key: The crosswalk's name, e.g. ``"fpos"``.
        title: The standard's own title.
        document: The published document the items come from (issuer, title, year, symbol).
        address: Where that document is published (a URL or a repository and path).
        citations: Where the framework refers to the standard (its anchors).
    """

    key: str
    title: str
    document: str
    address: str
    citations: tuple[str, ...]


@attrs.frozen(slots=True)
class OutsideItem:
    """One item of an outside standard: a principle, a component or a sub-process.

    Attributes:
        standard: The standard it belongs to.
        key: Its identifier in crosswalk data: ``"1"``-``"10"`` (FPOS), a component's name in
            lower case with ``_`` (HRBAD), ``"C1"``-``"E3"`` (CARE), a sub-process code (GSBPM).
        title: The standard's own name for it (a name, not its text).
        summary: What it asks for, in the library's own words.
        section: Where in the document the item stands, e.g. ``"Principle 6"``.
    """

    standard: OutsideStandard
    key: str
    title: str
    summary: str
    section: str

    @property
    def source(self) -> str:
        """Where the item's text is published: the document and the item's section."""
        return f"{self.standard.document}, {self.section}; {self.standard.address}"


@attrs.frozen(slots=True)
class CrosswalkLink:
    """One cited correspondence between a framework member and an outside item.

    Attributes:
        member: The principle (FPOS, HRBAD, CARE) or the stage (GSBPM) the link starts from.
        item: The outside item it reaches.
        strength: How strongly they correspond.
        reason: Why, in one line of our own words.
        citations: The framework's anchors the link rests on.
        register: The interpretation-register entry recording the judgement, if any.
    """

    member: Principle | Stage
    item: OutsideItem
    strength: Strength
    reason: str
    citations: tuple[str, ...]
    register: str | None = None

    @property
    def crosswalk(self) -> str:
        """The name of the crosswalk the link belongs to (the outside standard's key)."""
        return self.item.standard.key

    @property
    def from_key(self) -> str:
        """The ``from`` of contract section 8: a principle's lower-case name, a stage's value."""
        member = self.member
        return member.value if isinstance(member, Stage) else member.name.lower()

    def to_dict(self) -> dict[str, str]:
        """The link as contract section 8 writes it.

        Returns:
            ``{"from", "to", "strength", "reason", "source"}``, every value a string.
        """
        return {
            "from": self.from_key,
            "to": self.item.key,
            "strength": self.strength.value,
            "reason": self.reason,
            "source": self.item.source,
        }


@attrs.frozen(slots=True)
class Crosswalk:
    """The framework beside one outside standard: the standard's items and the links to them.

    Attributes:
        standard: The outside standard.
        title: A heading for the crosswalk.
        summary: What the crosswalk joins and on what grounds, in our own words.
        items: Every item of the standard, in its own order (linked or not).
        links: The links, in framework order (principle number or stage order), then item order.
    """

    standard: OutsideStandard
    title: str
    summary: str
    items: tuple[OutsideItem, ...]
    links: tuple[CrosswalkLink, ...]

    @property
    def name(self) -> str:
        """The crosswalk's name, as ``copenhagen framework --crosswalk`` takes it."""
        return self.standard.key

    def links_from(self, member: Principle | Stage) -> tuple[CrosswalkLink, ...]:
        """The links that start from ``member``, in item order."""
        return tuple(link for link in self.links if link.member is member)

    def links_to(self, item: OutsideItem) -> tuple[CrosswalkLink, ...]:
        """The links that reach ``item``, in framework order."""
        return tuple(link for link in self.links if link.item == item)

    def unlinked_items(self) -> tuple[OutsideItem, ...]:
        """The items no link reaches: what the standard covers that the framework does not."""
        reached = {link.item.key for link in self.links}
        return tuple(item for item in self.items if item.key not in reached)

    def to_list(self) -> list[dict[str, str]]:
        """The crosswalk as contract section 8 writes it: one ``to_dict()`` per link, in order."""
        return [link.to_dict() for link in self.links]


#: A link written compactly in a crosswalk's data: member, item key, strength, reason, citations
#: and, optionally, the register entry.
LinkRow = (
    tuple[Principle | Stage, str, Strength, str, tuple[str, ...]]
    | tuple[Principle | Stage, str, Strength, str, tuple[str, ...], str]
)


def build_links(items: tuple[OutsideItem, ...], rows: list[LinkRow]) -> tuple[CrosswalkLink, ...]:
    """The links of ``rows``, each item looked up by key among ``items``, in `ordered_links` order.

    Raises:
        KeyError: If a row names an item key that ``items`` lacks.
    """
    by_key = {item.key: item for item in items}
    links = [
        CrosswalkLink(
            row[0], by_key[row[1]], row[2], row[3], row[4], row[5] if len(row) > 5 else None
        )
        for row in rows
    ]
    return ordered_links(links, items)


def ordered_links(
    links: list[CrosswalkLink], items: tuple[OutsideItem, ...]
) -> tuple[CrosswalkLink, ...]:
    """``links`` in framework order (stage order, principle number), then in item order."""
    position = {item.key: i for i, item in enumerate(items)}
    members = [*Stage, *Principle]
    return tuple(
        sorted(links, key=lambda link: (members.index(link.member), position[link.item.key]))
    )
