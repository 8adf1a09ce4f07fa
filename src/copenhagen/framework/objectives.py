"""The eight objectives of citizen data (para 14)."""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Objective"]


class Objective(CatalogueMember, StrEnum):
    """What a citizen data initiative aims to achieve (para 14, in the text's order)."""

    REPRESENT_UNREPRESENTED = "represent_unrepresented"
    MONITOR_SERVICES = "monitor_services"
    MONITOR_RIGHTS = "monitor_rights"
    COMPLEMENT_OFFICIAL_DATA = "complement_official_data"
    UNDERSTAND_COMPLEX_ISSUES = "understand_complex_issues"
    RAISE_AWARENESS = "raise_awareness"
    SCIENTIFIC_RESEARCH = "scientific_research"
    BUILD_CAPACITY = "build_capacity"

    @property
    def entry(self) -> Entry:
        """The objective's catalogue entry."""
        return _CATALOGUE[self]


# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[Objective, Entry] = {}
