"""The two dimensions of citizen participation and their aspects (para 11)."""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["ParticipationAspect", "ParticipationDimension", "ParticipationLevel"]


class ParticipationDimension(CatalogueMember, StrEnum):
    """The two dimensions along which participation can be measured (para 11)."""

    DEGREE = "degree"
    QUALITY = "quality"

    @property
    def entry(self) -> Entry:
        """The dimension's catalogue entry."""
        return _DIMENSIONS[self]


class ParticipationAspect(CatalogueMember, StrEnum):
    """An aspect of the degree or the quality of participation (para 11)."""

    EXTENT = "extent"
    DURATION = "duration"
    EFFORT = "effort"
    REPRESENTATION = "representation"
    INTENSITY = "intensity"
    ALIGNMENT = "alignment"
    IMPACT = "impact"
    INFLUENCE = "influence"

    @property
    def entry(self) -> Entry:
        """The aspect's catalogue entry."""
        return _ASPECTS[self]

    @property
    def dimension(self) -> ParticipationDimension:
        """Whether the aspect measures degree or quality (para 11)."""
        return _ASPECT_DIMENSION[self]


class ParticipationLevel(StrEnum):
    """The small ordinal scale on which a document rates an aspect of participation.

    The framework names the aspects but no scale (para 11); this four-step scale is the
    library's (see the interpretation register). ``rank`` orders the steps.
    """

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """0 for ``NONE`` up to 3 for ``HIGH``."""
        return _LEVEL_RANK[self]


_LEVEL_RANK: dict[ParticipationLevel, int] = {level: i for i, level in enumerate(ParticipationLevel)}

_ASPECT_DIMENSION: dict[ParticipationAspect, ParticipationDimension] = {
    ParticipationAspect.EXTENT: ParticipationDimension.DEGREE,
    ParticipationAspect.DURATION: ParticipationDimension.DEGREE,
    ParticipationAspect.EFFORT: ParticipationDimension.DEGREE,
    ParticipationAspect.REPRESENTATION: ParticipationDimension.DEGREE,
    ParticipationAspect.INTENSITY: ParticipationDimension.DEGREE,
    ParticipationAspect.ALIGNMENT: ParticipationDimension.QUALITY,
    ParticipationAspect.IMPACT: ParticipationDimension.QUALITY,
    ParticipationAspect.INFLUENCE: ParticipationDimension.QUALITY,
}

# TODO(catalogue): entries are filled in by the catalogue work.
_DIMENSIONS: dict[ParticipationDimension, Entry] = {}
_ASPECTS: dict[ParticipationAspect, Entry] = {}
