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

__all__ = ["CITIZEN_SIDE", "OTHER_SIDE", "STATE_SIDE", "Actor", "Side"]


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
