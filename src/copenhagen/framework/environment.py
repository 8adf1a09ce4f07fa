"""The enabling environment for citizen data (paras 36-44) and the roadmap areas (para 45).

Para 36 calls its list of elements aspirational and not exhaustive; each element has a paragraph of
its own (37-44). The text of para 43 announces a list of key aspects of quality assurance that is
missing from the published text; the entry records that gap instead of filling it.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["EnablingElement", "EnablingElementEntry", "RoadmapArea"]


@attrs.frozen(slots=True)
class EnablingElementEntry(Entry):
    """An enabling-environment element's entry.

    Attributes:
        paragraph: The paragraph that describes the element (37-44).
        gap: What the published text leaves out for this element, or ``None`` if nothing.
    """

    paragraph: int
    gap: str | None = None


class EnablingElement(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """An element of an enabling environment for citizen data (paras 37-44, in order)."""

    WHOLE_OF_SOCIETY = "whole_of_society"
    SKILLS_AND_KNOWLEDGE = "skills_and_knowledge"
    TRUST = "trust"
    LAWS_AND_REGULATIONS = "laws_and_regulations"
    DATA_GOVERNANCE = "data_governance"
    INFRASTRUCTURE = "infrastructure"
    QUALITY_ASSURANCE = "quality_assurance"
    FUNDING = "funding"

    @property
    def entry(self) -> EnablingElementEntry:
        """The element's catalogue entry."""
        return _ELEMENTS[self]

    @property
    def paragraph(self) -> int:
        """The paragraph that describes the element."""
        return self.entry.paragraph

    @property
    def gap(self) -> str | None:
        """What the published text leaves out for this element, if anything."""
        return self.entry.gap


class RoadmapArea(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """A key area of the implementation roadmap (para 45, in order)."""

    RESOURCES_AND_PARTNERSHIPS = "resources_and_partnerships"
    ADVOCACY = "advocacy"
    KNOWLEDGE_EXCHANGE = "knowledge_exchange"
    KNOWLEDGE_PRODUCTS = "knowledge_products"
    NEEDS_AND_CAPACITY = "needs_and_capacity"
    SUSTAINABLE_ARRANGEMENTS = "sustainable_arrangements"

    @property
    def entry(self) -> Entry:
        """The area's catalogue entry."""
        return _AREAS[self]


def _element(
    key: str, paragraph: int, title: str, summary: str, gap: str | None = None
) -> EnablingElementEntry:
    return EnablingElementEntry(
        key=key,
        number=None,
        title=title,
        summary=summary,
        citations=("para 36", f"para {paragraph}"),
        paragraph=paragraph,
        gap=gap,
    )


_ELEMENTS: dict[EnablingElement, EnablingElementEntry] = {
    EnablingElement.WHOLE_OF_SOCIETY: _element(
        "whole_of_society",
        37,
        "Whole-of-society approach",
        "Bring the 2030 Agenda's all-of-society way of working into data: shift mindsets, power "
        "and structures so citizens' contributions count, and pool resources in partnerships of "
        "state bodies, academia, business, CSOs and citizens.",
    ),
    EnablingElement.SKILLS_AND_KNOWLEDGE: _element(
        "skills_and_knowledge",
        38,
        "Skills and knowledge",
        "Everyone in the ecosystem needs technical skills to produce and use data, plus skills "
        "particular to citizen data: building trust and partnerships and engaging citizens well "
        "at every stage; capacity work should also cover legal and ethical questions.",
    ),
    EnablingElement.TRUST: _element(
        "trust",
        39,
        "Trust",
        "Stakeholders come together from the start, agree a common goal and own it jointly; "
        "openness on both sides, citizen oversight, quality standards and ethics build trust, "
        "and citizen data used in policy strengthen it further.",
    ),
    EnablingElement.LAWS_AND_REGULATIONS: _element(
        "laws_and_regulations",
        40,
        "Laws and regulations",
        "Rules on openness, use and protection of data, covering privacy and control of "
        "citizens' data; statistical laws may need changing so that citizens, communities and "
        "CSOs can be recognised as producers of official statistics.",
    ),
    EnablingElement.DATA_GOVERNANCE: _element(
        "data_governance",
        41,
        "Data governance and institutional arrangements",
        "Inclusive governance that gives citizens a say over data: a high-level body sets "
        "direction and resources, technical groups handle specifics, the NSO's standard-setting "
        "role grows, and CSO networks act as go-betweens.",
    ),
    EnablingElement.INFRASTRUCTURE: _element(
        "infrastructure",
        42,
        "Inclusive statistical and technical infrastructure",
        "Concepts, classifications, methods and standards, and tools and platforms for "
        "collecting, storing, processing and sharing data, open to communities and marginalised "
        "groups and making citizen data interoperable with other data.",
    ),
    EnablingElement.QUALITY_ASSURANCE: _element(
        "quality_assurance",
        43,
        "Fit-for-purpose quality assurance",
        "An inclusive, transparent quality framework for quantitative and qualitative data and "
        "metadata that keeps citizen data sound yet flexible, and stresses how citizen data and "
        "official statistics complement each other. The list of key aspects the paragraph "
        "announces is missing from the published text (see the gap).",
        gap=(
            "Para 43 announces a list of key aspects of quality assurance, but the published "
            "text ends the paragraph there: the list is missing, and the library does not "
            "supply one."
        ),
    ),
    EnablingElement.FUNDING: _element(
        "funding",
        44,
        "Funding",
        "Beyond government funding of official statistics, new ways of financing are needed to "
        "keep citizens, communities, CSOs and citizen science groups producing citizen data and "
        "building their capacity.",
    ),
}


def _area(key: str, title: str, summary: str) -> Entry:
    return Entry(key=key, number=None, title=title, summary=summary, citations=("para 45",))


_AREAS: dict[RoadmapArea, Entry] = {
    RoadmapArea.RESOURCES_AND_PARTNERSHIPS: _area(
        "resources_and_partnerships",
        "Mobilise resources and partners",
        "Enlist NSOs, CSOs, development partners, citizen science networks, academia, human "
        "rights bodies, UN teams in countries and other organisations behind implementation.",
    ),
    RoadmapArea.ADVOCACY: _area(
        "advocacy",
        "Advocate for citizen data",
        "Make the case that citizen data are key to inclusive data and policy.",
    ),
    RoadmapArea.KNOWLEDGE_EXCHANGE: _area(
        "knowledge_exchange",
        "Bridge efforts and share knowledge",
        "Exchange experience, impact stories and lessons from local to global level, and learn "
        "across efforts.",
    ),
    RoadmapArea.KNOWLEDGE_PRODUCTS: _area(
        "knowledge_products",
        "Develop knowledge products and tools",
        "Produce resources that help put the Framework into practice.",
    ),
    RoadmapArea.NEEDS_AND_CAPACITY: _area(
        "needs_and_capacity",
        "Assess needs and build capacity",
        "Strengthen what stakeholders can do, locally, nationally and globally.",
    ),
    RoadmapArea.SUSTAINABLE_ARRANGEMENTS: _area(
        "sustainable_arrangements",
        "Sustain partnerships and institutions",
        "Help countries set up lasting mechanisms for collaboration so citizen data efforts "
        "continue and have effect.",
    ),
}
