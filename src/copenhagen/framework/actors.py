"""The actors that initiate, partner in or fund a citizen data initiative, and their sides."""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["CITIZEN_SIDE", "OTHER_SIDE", "STATE_SIDE", "Actor", "Side"]


class Side(StrEnum):
    """Which side of the citizen/state divide an actor stands on (contract section 2, Box 1)."""

    CITIZEN = "citizen"
    STATE = "state"
    OTHER = "other"


class Actor(CatalogueMember, StrEnum):
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

# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[Actor, Entry] = {}
