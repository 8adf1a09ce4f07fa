"""The 13 principles of citizen data (para 17) and notes on implementing them (paras 18-31)."""

from __future__ import annotations

from enum import IntEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Principle"]


class Principle(CatalogueMember, IntEnum):
    """One of the 13 principles of citizen data (para 17)."""

    INDEPENDENCE = 1
    RELEVANCE = 2
    PARTICIPATION_AND_INCLUSION = 3
    INFORMED_CONSENT = 4
    PROFESSIONAL_STANDARDS = 5
    DATA_SECURITY = 6
    SELF_IDENTIFICATION = 7
    DATA_SOVEREIGNTY = 8
    TRANSPARENCY = 9
    ETHICAL_AND_SAFE_USE = 10
    ACCOUNTABILITY = 11
    CONFIDENTIALITY = 12
    OPENNESS = 13

    @property
    def entry(self) -> Entry:
        """The principle's catalogue entry."""
        return _CATALOGUE[self]


# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[Principle, Entry] = {}
