"""The five collaboration modalities (para 15), their two groups (para 16) and Table 1."""

from __future__ import annotations

from enum import IntEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Modality"]


class Modality(CatalogueMember, IntEnum):
    """Who initiated an initiative and how others join it (para 15)."""

    CIVIC_ACTION = 1
    CIVIC_DRIVEN_COLLABORATION = 2
    JOINTLY_INITIATED_COLLABORATION = 3
    NSO_DRIVEN_COLLABORATION = 4
    OTHER_ACTOR_DRIVEN_COLLABORATION = 5

    @property
    def entry(self) -> Entry:
        """The modality's catalogue entry."""
        return _CATALOGUE[self]


# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[Modality, Entry] = {}
