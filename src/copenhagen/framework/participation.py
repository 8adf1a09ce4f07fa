"""The two dimensions of citizen participation and their aspects (para 11)."""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["ParticipationAspect", "ParticipationDimension", "ParticipationLevel"]


class ParticipationDimension(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """The two dimensions along which participation can be measured (para 11)."""

    DEGREE = "degree"
    QUALITY = "quality"

    @property
    def entry(self) -> Entry:
        """The dimension's catalogue entry."""
        return _DIMENSIONS[self]


class ParticipationAspect(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
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


_LEVEL_RANK: dict[ParticipationLevel, int] = {
    level: i for i, level in enumerate(ParticipationLevel)
}

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

_DIMENSIONS: dict[ParticipationDimension, Entry] = {
    ParticipationDimension.DEGREE: Entry(
        key="degree",
        number=None,
        title="Degree of engagement",
        summary=(
            "How much citizens take part, in aspects that can be measured: how widely, how long, "
            "with how much effort, how representatively and how intensively."
        ),
        citations=("para 10", "para 11", "footnote 3"),
    ),
    ParticipationDimension.QUALITY: Entry(
        key="quality",
        number=None,
        title="Quality of engagement",
        summary=(
            "How good the engagement is: whether it fits citizens' needs and interests, whether "
            "their contributions make a difference, and whether they get real chances to "
            "influence."
        ),
        citations=("para 10", "para 11", "footnote 3"),
    ),
}


def _aspect(key: str, title: str, summary: str) -> Entry:
    return Entry(key=key, number=None, title=title, summary=summary, citations=("para 11",))


_ASPECTS: dict[ParticipationAspect, Entry] = {
    ParticipationAspect.EXTENT: _aspect(
        "extent", "Extent", "How far participation reaches: how many people and which stages."
    ),
    ParticipationAspect.DURATION: _aspect(
        "duration", "Duration", "How long citizens stay involved."
    ),
    ParticipationAspect.EFFORT: _aspect(
        "effort", "Effort", "How much time and work citizens put in."
    ),
    ParticipationAspect.REPRESENTATION: _aspect(
        "representation",
        "Representation",
        "Whether the groups the issue concerns are among those taking part.",
    ),
    ParticipationAspect.INTENSITY: _aspect(
        "intensity", "Intensity", "How deeply and actively citizens take part."
    ),
    ParticipationAspect.ALIGNMENT: _aspect(
        "alignment",
        "Alignment",
        "How well the engagement matches what citizens need and care about.",
    ),
    ParticipationAspect.IMPACT: _aspect(
        "impact", "Impact", "What difference citizens' contributions make."
    ),
    ParticipationAspect.INFLUENCE: _aspect(
        "influence",
        "Influence",
        "Whether citizens get real, meaningful chances to shape decisions.",
    ),
}
