"""Official statistics and citizen data: the three NSO categories (para 32) and NSO roles (para 34).

Para 33 says for which categories NSOs matter and why; footnote 5 names the expert meeting whose
categories para 32 takes up; para 34 lists four roles for NSOs, which steward data and broker
trust, and para 35 what NSOs gain in return.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["NSOCategory", "NSOCategoryEntry", "NSOGain", "NSORole", "NSORoleEntry"]


@attrs.frozen(slots=True)
class NSOCategoryEntry(Entry):
    """An NSO category's entry, with what NSOs mean for that category (para 33).

    Attributes:
        nso_relevance: Why and how NSOs matter for data in this category, in our own words.
    """

    nso_relevance: str


class NSOCategory(CatalogueMember, IntEnum):
    """How citizen data stand towards official statistics (para 32)."""

    INTEGRATED = 1
    COMPLEMENTARY = 2
    INDEPENDENT = 3

    @property
    def entry(self) -> NSOCategoryEntry:
        """The category's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def nso_relevance(self) -> str:
        """Why and how NSOs matter for data in this category (para 33)."""
        return self.entry.nso_relevance


@attrs.frozen(slots=True)
class NSORoleEntry(Entry):
    """An NSO role's entry, with the letter the text gives it.

    Attributes:
        letter: ``"a"`` to ``"d"``, as in para 34.
    """

    letter: str


class NSORole(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """A role of the NSO as data steward and trust broker for citizen data (para 34, (a)-(d))."""

    QUALITY_STANDARDS = "quality_standards"
    CAPACITY_BUILDING = "capacity_building"
    PARTNERSHIPS = "partnerships"
    ADVOCACY = "advocacy"

    @property
    def entry(self) -> NSORoleEntry:
        """The role's catalogue entry."""
        return _ROLES[self]

    @property
    def letter(self) -> str:
        """The role's letter in para 34, ``"a"`` to ``"d"``."""
        return self.entry.letter


class NSOGain(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """What NSOs gain by supporting citizen data efforts (para 35, in order)."""

    INCLUSIVE_COLLECTIONS = "inclusive_collections"
    STRONGER_STEWARDSHIP = "stronger_stewardship"

    @property
    def entry(self) -> Entry:
        """The gain's catalogue entry."""
        return _GAINS[self]


_LINKED = (
    "As custodians of official statistics that take the Fundamental Principles of Official "
    "Statistics as their guide, NSOs are especially relevant here, where citizen data connect "
    "to official statistics."
)

_CATALOGUE: dict[NSOCategory, NSOCategoryEntry] = {
    NSOCategory.INTEGRATED: NSOCategoryEntry(
        key="integrated",
        number=1,
        title="Integrated into official statistics",
        summary="Citizen data meant to become part of official statistics.",
        citations=("para 32", "para 33", "footnote 5"),
        nso_relevance=_LINKED,
    ),
    NSOCategory.COMPLEMENTARY: NSOCategoryEntry(
        key="complementary",
        number=2,
        title="Quality-assured complement",
        summary=(
            "Citizen data whose quality is assured and which sit beside official data without "
            "having to be absorbed into them."
        ),
        citations=("para 32", "para 33", "footnote 5"),
        nso_relevance=_LINKED,
    ),
    NSOCategory.INDEPENDENT: NSOCategoryEntry(
        key="independent",
        number=3,
        title="Independent",
        summary=(
            "Other citizen or community efforts that stay separate from, and outside, official "
            "data."
        ),
        citations=("para 32", "para 33", "footnote 5"),
        nso_relevance=(
            "NSOs can still help here, by supporting a data culture built on strong methods for "
            "producing and using data."
        ),
    ),
}

_ROLES: dict[NSORole, NSORoleEntry] = {
    NSORole.QUALITY_STANDARDS: NSORoleEntry(
        key="quality_standards",
        number=None,
        title="Set quality standards",
        summary=(
            "Produce standards, guidelines and methods for validating citizen data, so that they "
            "can serve official statistics or policy."
        ),
        citations=("para 34",),
        letter="a",
    ),
    NSORole.CAPACITY_BUILDING: NSORoleEntry(
        key="capacity_building",
        number=None,
        title="Build capacity",
        summary="Strengthen the skills of those who produce citizen data.",
        citations=("para 34",),
        letter="b",
    ),
    NSORole.PARTNERSHIPS: NSORoleEntry(
        key="partnerships",
        number=None,
        title="Broker partnerships",
        summary="Bring citizens, civil society and government together in partnerships.",
        citations=("para 34",),
        letter="c",
    ),
    NSORole.ADVOCACY: NSORoleEntry(
        key="advocacy",
        number=None,
        title="Advocate",
        summary=(
            "Make the value of citizen data known and argue for bringing them into official "
            "statistics and national planning."
        ),
        citations=("para 34",),
        letter="d",
    ),
}

_GAINS: dict[NSOGain, Entry] = {
    NSOGain.INCLUSIVE_COLLECTIONS: Entry(
        key="inclusive_collections",
        number=None,
        title="More inclusive collections of their own",
        summary=(
            "Supporting citizen data makes the NSO's own collections, censuses and surveys among "
            "them, more inclusive."
        ),
        citations=("para 35",),
    ),
    NSOGain.STRONGER_STEWARDSHIP: Entry(
        key="stronger_stewardship",
        number=None,
        title="A stronger role as data steward",
        summary="It also strengthens the NSO's role as steward of the national data ecosystem.",
        citations=("para 35", "para 34"),
    ),
}
