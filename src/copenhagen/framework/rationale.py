"""Why the framework exists: what citizen contributions achieve and what holds them back.

Para 1 lists five impacts of citizen contributions, all in support of the 2030 Agenda's pledge to
leave no one behind; para 3 lists four challenges that keep those contributions from reaching
their potential, "among others", and para 4 says the framework was written to meet them. Para 2's
list of the data challenges citizen contributions help to overcome is a different list and is not
catalogued here (register CAT-15).
"""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Challenge", "Impact"]


class Impact(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """An impact of citizen contributions to data (para 1, in order)."""

    EMPOWERING_COMMUNITIES = "empowering_communities"
    RESPECTING_MARGINALISED_VOICES = "respecting_marginalised_voices"
    EXPANDING_DATA_PRODUCTION = "expanding_data_production"
    ADDRESSING_INTERSECTIONAL_MARGINALISATION = "addressing_intersectional_marginalisation"
    HOLDING_INSTITUTIONS_ACCOUNTABLE = "holding_institutions_accountable"

    @property
    def entry(self) -> Entry:
        """The impact's catalogue entry."""
        return _IMPACTS[self]


class Challenge(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """A challenge citizen contributions to data face (para 3, in order; not exhaustive)."""

    TRUST_AND_ENGAGEMENT = "trust_and_engagement"
    DATA_QUALITY = "data_quality"
    KNOWLEDGE_AND_CAPACITY = "knowledge_and_capacity"
    SUSTAINABILITY = "sustainability"

    @property
    def entry(self) -> Entry:
        """The challenge's catalogue entry."""
        return _CHALLENGES[self]


def _entry(key: str, title: str, summary: str, citation: str) -> Entry:
    return Entry(key=key, number=None, title=title, summary=summary, citations=(citation,))


_IMPACTS: dict[Impact, Entry] = {
    Impact.EMPOWERING_COMMUNITIES: _entry(
        "empowering_communities",
        "Empowering communities",
        "Communities gain strength in their dialogue with public institutions.",
        "para 1",
    ),
    Impact.RESPECTING_MARGINALISED_VOICES: _entry(
        "respecting_marginalised_voices",
        "Respecting marginalised voices",
        "The voices of marginalised people are respected.",
        "para 1",
    ),
    Impact.EXPANDING_DATA_PRODUCTION: _entry(
        "expanding_data_production",
        "Expanding who produces data",
        "The power to produce data reaches citizens.",
        "para 1",
    ),
    Impact.ADDRESSING_INTERSECTIONAL_MARGINALISATION: _entry(
        "addressing_intersectional_marginalisation",
        "Addressing intersectional marginalisation",
        "Marginalisation that comes from several overlapping causes is tackled.",
        "para 1",
    ),
    Impact.HOLDING_INSTITUTIONS_ACCOUNTABLE: _entry(
        "holding_institutions_accountable",
        "Holding institutions accountable",
        "Institutions are made to answer for what they do.",
        "para 1",
    ),
}

_CHALLENGES: dict[Challenge, Entry] = {
    Challenge.TRUST_AND_ENGAGEMENT: _entry(
        "trust_and_engagement",
        "Trust and engagement",
        "Too little trust, or too little engagement, between state bodies and non-state actors.",
        "para 3",
    ),
    Challenge.DATA_QUALITY: _entry(
        "data_quality",
        "Data quality",
        "Doubts about the quality of the data that non-state actors collect.",
        "para 3",
    ),
    Challenge.KNOWLEDGE_AND_CAPACITY: _entry(
        "knowledge_and_capacity",
        "Knowledge and capacity",
        "The actors involved know too little about data, and have too little capacity, to work "
        "with it.",
        "para 3",
    ),
    Challenge.SUSTAINABILITY: _entry(
        "sustainability",
        "Sustainability",
        "Worries about whether citizen data efforts can be kept going.",
        "para 3",
    ),
}
