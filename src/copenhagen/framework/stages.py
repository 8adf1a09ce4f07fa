"""The six stages of the citizen data value chain and their GSBPM phases (para 12)."""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Stage"]


class Stage(CatalogueMember, StrEnum):
    """A stage of the data value chain, in the framework's order (para 12)."""

    DESIGN = "design"
    COLLECTION = "collection"
    PROCESSING = "processing"
    ANALYSIS = "analysis"
    UPTAKE = "uptake"
    REVIEW = "review"

    @property
    def entry(self) -> Entry:
        """The stage's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def gsbpm_phases(self) -> tuple[int, ...]:
        """The GSBPM phase numbers the framework maps this stage to (para 12)."""
        return _GSBPM_PHASES[self]


# TODO(catalogue): entries are filled in by the catalogue work.
_CATALOGUE: dict[Stage, Entry] = {}
_GSBPM_PHASES: dict[Stage, tuple[int, ...]] = {
    Stage.DESIGN: (1, 2),
    Stage.COLLECTION: (3, 4),
    Stage.PROCESSING: (5,),
    Stage.ANALYSIS: (6, 7),
    Stage.UPTAKE: (7,),
    Stage.REVIEW: (8,),
}
