"""Official statistics and citizen data: the three NSO categories (para 32) and NSO roles."""

from __future__ import annotations

from enum import IntEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["NSOCategory"]


class NSOCategory(CatalogueMember, IntEnum):
    """How citizen data stand towards official statistics (para 32)."""

    INTEGRATED = 1
    COMPLEMENTARY = 2
    INDEPENDENT = 3

    @property
    def entry(self) -> Entry:
        """The category's catalogue entry."""
        return _CATALOGUE[self]


# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[NSOCategory, Entry] = {}
