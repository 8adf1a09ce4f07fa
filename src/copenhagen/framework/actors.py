"""The actors that initiate, partner in or fund a citizen data initiative, and their sides.

The framework names its actors across the text: citizens in the broad sense of Box 1, communities
and civil society organisations (paras 2, 15), national statistical offices and other state
institutions (paras 2, 15, 32-35), national human rights institutions (para 15, Table 1), academia
(paras 2, 15), the private sector (Box 1, para 36) and regional and international organisations
(para 45). The three sides are the contract's grouping (see the interpretation register).
"""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["ACTOR_SYNONYMS", "CITIZEN_SIDE", "OTHER_SIDE", "STATE_SIDE", "Actor", "Side"]


class Side(StrEnum):
    """Which side of the citizen/state divide an actor stands on (contract section 2, Box 1)."""

    CITIZEN = "citizen"
    STATE = "state"
    OTHER = "other"


class Actor(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """An actor in a citizen data initiative (paras 2, 15; Box 1)."""

    CITIZENS = "citizens"
    COMMUNITY = "community"
    CSO = "cso"
    NSO = "nso"
    STATE = "state"
    NHRI = "nhri"
    ACADEMIA = "academia"
    PRIVATE_SECTOR = "private_sector"
    INTERNATIONAL = "international"

    @property
    def entry(self) -> Entry:
        """The actor's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def side(self) -> Side:
        """The actor's side: citizen, state or other (contract section 2)."""
        return _SIDES[self]


_SIDES: dict[Actor, Side] = {
    Actor.CITIZENS: Side.CITIZEN,
    Actor.COMMUNITY: Side.CITIZEN,
    Actor.CSO: Side.CITIZEN,
    Actor.NSO: Side.STATE,
    Actor.STATE: Side.STATE,
    Actor.NHRI: Side.STATE,
    Actor.ACADEMIA: Side.OTHER,
    Actor.PRIVATE_SECTOR: Side.OTHER,
    Actor.INTERNATIONAL: Side.OTHER,
}

#: Citizens, communities and CSOs (Box 1 reads "citizen" broadly).
CITIZEN_SIDE: frozenset[Actor] = frozenset(a for a, s in _SIDES.items() if s is Side.CITIZEN)
#: NSOs, other state institutions and national human rights institutions.
STATE_SIDE: frozenset[Actor] = frozenset(a for a, s in _SIDES.items() if s is Side.STATE)
#: Non-state actors that are not on the citizen side.
OTHER_SIDE: frozenset[Actor] = frozenset(a for a, s in _SIDES.items() if s is Side.OTHER)

_CATALOGUE: dict[Actor, Entry] = {
    Actor.CITIZENS: Entry(
        key="citizens",
        number=None,
        title="Citizens",
        summary=(
            "Individual people, read broadly: refugees, asylum seekers, migrants, stateless "
            "people and others who lack citizenship where they live are included, since they "
            "hold rights and need to be seen in data."
        ),
        citations=("Box 1", "para 15"),
    ),
    Actor.COMMUNITY: Entry(
        key="community",
        number=None,
        title="Communities",
        summary=(
            "Named beside citizens and CSOs as those who may start, run or join an initiative; "
            "the text does not define the word. It speaks of communities with a collective "
            "identity, such as Indigenous Peoples, when it explains principles 7 and 8."
        ),
        citations=("para 15", "para 25", "para 26"),
    ),
    Actor.CSO: Entry(
        key="cso",
        number=None,
        title="Civil society organisations",
        summary=(
            "Civil society organisations, non-state actors that the text names beside citizens "
            "and communities; their networks can act as go-betweens linking citizens with "
            "public bodies such as NSOs."
        ),
        citations=("para 2", "para 15", "para 41"),
    ),
    Actor.NSO: Entry(
        key="nso",
        number=None,
        title="National statistical office",
        summary=(
            "The custodian of official statistics, which takes the Fundamental Principles of "
            "Official Statistics as its guide; the framework sees it as the steward of the "
            "country's data ecosystem and a broker of trust for citizen data."
        ),
        citations=("para 2", "para 15", "para 33", "para 34"),
    ),
    Actor.STATE: Entry(
        key="state",
        number=None,
        title="Other state institutions",
        summary="Government institutions other than the NSO, on the state's side with it.",
        citations=("para 2", "para 15"),
    ),
    Actor.NHRI: Entry(
        key="nhri",
        number=None,
        title="National human rights institution",
        summary=(
            "A national body that protects and promotes human rights; the framework gives it as "
            "an example of another actor that may drive an initiative."
        ),
        citations=("para 15", "Table 1", "footnote 6"),
    ),
    Actor.ACADEMIA: Entry(
        key="academia",
        number=None,
        title="Academia",
        summary=(
            "Universities and research institutes; a non-state actor that may start or join an "
            "initiative."
        ),
        citations=("para 2", "para 15", "Table 1"),
    ),
    Actor.PRIVATE_SECTOR: Entry(
        key="private_sector",
        number=None,
        title="Private sector",
        summary="Companies and other commercial actors that produce or use data in the ecosystem.",
        citations=("Box 1", "para 36", "para 37"),
    ),
    Actor.INTERNATIONAL: Entry(
        key="international",
        number=None,
        title="International and regional organisations",
        summary=(
            "UN bodies, development partners and other regional or international organisations "
            "that support implementation."
        ),
        citations=("para 45", "footnote 6"),
    ),
}

#: Other names users give the actors, each with its actor and the anchors where the text names the
#: actor that way (empty where the name is ordinary usage the text does not use, such as "NGO").
#: A document value that is not an actor is matched against these before spelling distance, so
#: ``ngo`` is offered ``cso``, not the near spelling ``nso``. Names are lower case, words
#: separated by single spaces; a value is compared in that form (``UN_agency`` is ``un agency``).
ACTOR_SYNONYMS: tuple[tuple[str, Actor, tuple[str, ...]], ...] = (
    ("citizen", Actor.CITIZENS, ("Box 1",)),
    ("individual", Actor.CITIZENS, ("para 2",)),
    ("individuals", Actor.CITIZENS, ("para 2",)),
    ("people", Actor.CITIZENS, ()),
    ("residents", Actor.CITIZENS, ()),
    ("volunteers", Actor.CITIZENS, ()),
    ("communities", Actor.COMMUNITY, ("para 15",)),
    ("community group", Actor.COMMUNITY, ()),
    ("indigenous peoples", Actor.COMMUNITY, ("para 26",)),
    ("civil society", Actor.CSO, ("para 34",)),
    ("civil society organisation", Actor.CSO, ("para 2",)),
    ("civil society organisations", Actor.CSO, ("para 2",)),
    ("civil society organization", Actor.CSO, ("para 45",)),
    ("civil society organizations", Actor.CSO, ("para 45",)),
    ("csos", Actor.CSO, ("para 2",)),
    ("ngo", Actor.CSO, ()),
    ("ngos", Actor.CSO, ()),
    ("non governmental organisation", Actor.CSO, ()),
    ("non governmental organization", Actor.CSO, ()),
    ("nonprofit", Actor.CSO, ()),
    ("non profit", Actor.CSO, ()),
    ("national statistical office", Actor.NSO, ("para 2", "para 33")),
    ("national statistics office", Actor.NSO, ()),
    ("statistical office", Actor.NSO, ("para 2",)),
    ("statistics office", Actor.NSO, ()),
    ("national statistical institute", Actor.NSO, ()),
    ("nsi", Actor.NSO, ()),
    ("nsos", Actor.NSO, ("para 33",)),
    ("government", Actor.STATE, ("para 2", "para 34")),
    ("government institution", Actor.STATE, ("para 2",)),
    ("government entity", Actor.STATE, ("Box 1",)),
    ("state institution", Actor.STATE, ("Table 1",)),
    ("state entity", Actor.STATE, ("para 36",)),
    ("ministry", Actor.STATE, ()),
    ("line ministry", Actor.STATE, ()),
    ("local government", Actor.STATE, ()),
    ("municipality", Actor.STATE, ()),
    ("public agency", Actor.STATE, ()),
    ("national human rights institution", Actor.NHRI, ("para 15",)),
    ("human rights institution", Actor.NHRI, ("para 45",)),
    ("ombudsman", Actor.NHRI, ()),
    ("ombudsperson", Actor.NHRI, ()),
    ("academic", Actor.ACADEMIA, ()),
    ("university", Actor.ACADEMIA, ()),
    ("universities", Actor.ACADEMIA, ()),
    ("research institute", Actor.ACADEMIA, ()),
    ("researchers", Actor.ACADEMIA, ()),
    ("private", Actor.PRIVATE_SECTOR, ("Box 1",)),
    ("business", Actor.PRIVATE_SECTOR, ()),
    ("company", Actor.PRIVATE_SECTOR, ()),
    ("companies", Actor.PRIVATE_SECTOR, ()),
    ("corporation", Actor.PRIVATE_SECTOR, ()),
    ("un", Actor.INTERNATIONAL, ("para 45",)),
    ("united nations", Actor.INTERNATIONAL, ()),
    ("un agency", Actor.INTERNATIONAL, ()),
    ("un country team", Actor.INTERNATIONAL, ("para 45",)),
    ("development partner", Actor.INTERNATIONAL, ("para 45",)),
    ("development partners", Actor.INTERNATIONAL, ("para 45",)),
    ("donor", Actor.INTERNATIONAL, ()),
    ("international organisation", Actor.INTERNATIONAL, ("para 45",)),
    ("international organization", Actor.INTERNATIONAL, ("para 45",)),
    ("regional organisation", Actor.INTERNATIONAL, ("para 45",)),
    ("regional organization", Actor.INTERNATIONAL, ("para 45",)),
)
