"""Key terms (Box 1), the operational definition (Box 2) and the two types of contribution (para 9).

Box 1 explains three terms the framework relies on; Box 2 gives the working definition of citizen
data, which para 10 says rests on two concepts (participation and the value-chain stages); para 9
separates two ways citizens contribute to data and says the framework is about the first.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = [
    "CITIZEN_DATA_SYNONYMS",
    "OPERATIONAL_DEFINITION",
    "ContributionType",
    "KeyTerm",
]


class KeyTerm(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """A key term explained in Box 1."""

    CITIZEN = "citizen"
    CITIZEN_DATA = "citizen_data"
    NATIONAL_DATA_ECOSYSTEM = "national_data_ecosystem"

    @property
    def entry(self) -> Entry:
        """The term's catalogue entry."""
        return _TERMS[self]


class ContributionType(CatalogueMember, IntEnum):
    """The two types of citizen contribution to data, relative to official statistics (para 9)."""

    OUTSIDE_OFFICIAL_STATISTICS = 1
    SUPPORT_TO_OFFICIAL_STATISTICS = 2

    @property
    def entry(self) -> Entry:
        """The type's catalogue entry."""
        return _CONTRIBUTIONS[self]

    @property
    def is_focus(self) -> bool:
        """Whether the framework is about this type (para 9: only the first)."""
        return self is ContributionType.OUTSIDE_OFFICIAL_STATISTICS

    @property
    def ordinal(self) -> str:
        """How para 9 counts the type: ``"first"`` or ``"second"``."""
        return "first" if self is ContributionType.OUTSIDE_OFFICIAL_STATISTICS else "second"


#: The other names Box 1 lists for citizen engagement in data, which "citizen data" gathers under
#: one term. Sorted alphabetically; the text's "community-driven or community-generated data" is
#: split into its two terms.
CITIZEN_DATA_SYNONYMS: tuple[str, ...] = (
    "citizen engagement in social innovation",
    "citizen observatories",
    "citizen science",
    "citizen-generated data",
    "community science",
    "community-based monitoring",
    "community-driven data",
    "community-generated data",
    "crowdsourcing",
    "participatory action research",
    "participatory mapping",
    "volunteered geographic information",
)

_TERMS: dict[KeyTerm, Entry] = {
    KeyTerm.CITIZEN: Entry(
        key="citizen",
        number=None,
        title="Citizen (broad sense)",
        summary=(
            "Read in a broad sense. Refugees, asylum seekers, migrants, stateless people and "
            "other marginalised groups may not hold citizenship where they live, yet they hold "
            "rights under international and national law and have needs that data should "
            "capture and that they should help produce, so the term takes them in too."
        ),
        citations=("Box 1",),
    ),
    KeyTerm.CITIZEN_DATA: Entry(
        key="citizen_data",
        number=None,
        title="Citizen data",
        summary=(
            "One inclusive umbrella term for citizens' involvement in collecting, producing and "
            "using data, chosen over the many related names (see CITIZEN_DATA_SYNONYMS)."
        ),
        citations=("Box 1", "Box 2"),
    ),
    KeyTerm.NATIONAL_DATA_ECOSYSTEM: Entry(
        key="national_data_ecosystem",
        number=None,
        title="National data ecosystem",
        summary=(
            "Not officially defined; roughly, the people, bodies, processes and technology that "
            "create, use and govern data in a country. State and non-state actors both work in "
            "it, and citizens and their data belong to it alongside NSOs, government, business "
            "and academia."
        ),
        citations=("Box 1", "para 36"),
    ),
}

#: The operational definition of citizen data (Box 2), summarised; para 10 explains it.
OPERATIONAL_DEFINITION = Entry(
    key="operational_definition",
    number=None,
    title="Operational definition of citizen data",
    summary=(
        "Citizen data are data that come from initiatives in which citizens take part at one or "
        "more stages of the data value chain, following principles for inclusive, responsible, "
        "professional and ethical work, whether or not the data end up in official statistics. "
        "It combines two ideas, participation and stages, and fixes neither a minimum degree or "
        "quality of participation nor particular stages, though it urges as much as possible "
        "and, failing that, the design stage."
    ),
    citations=("Box 2", "para 10"),
)

_CONTRIBUTIONS: dict[ContributionType, Entry] = {
    ContributionType.OUTSIDE_OFFICIAL_STATISTICS: Entry(
        key="outside_official_statistics",
        number=1,
        title="Initiatives outside official statistics",
        summary=(
            "Data initiatives run apart from official statistics, chiefly to empower citizens, "
            "strengthen their agency and make them visible, through sufficient and meaningful "
            "engagement. This is the type the framework addresses."
        ),
        citations=("para 9",),
    ),
    ContributionType.SUPPORT_TO_OFFICIAL_STATISTICS: Entry(
        key="support_to_official_statistics",
        number=2,
        title="Support to official data",
        summary=(
            "Citizens helping NSOs with official collections such as censuses and surveys, to "
            "bring in their perspective, lift response rates and make the data better, more "
            "inclusive and more useful. Outside the framework's focus."
        ),
        citations=("para 9", "para 35"),
    ),
}
