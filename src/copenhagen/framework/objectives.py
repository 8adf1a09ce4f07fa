"""The eight objectives of citizen data (para 14).

Para 14 lists the objectives as unnumbered bullets and calls the list illustrative rather than
complete; the entries keep the text's order and carry no number. Para 13 explains that objectives
and collaboration modality together tell kinds of initiative apart.
"""

from __future__ import annotations

from enum import StrEnum

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["Objective"]


class Objective(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
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


_CITES = ("para 14",)

_CATALOGUE: dict[Objective, Entry] = {
    Objective.REPRESENT_UNREPRESENTED: Entry(
        key="represent_unrepresented",
        number=None,
        title="Represent the unrepresented",
        summary=(
            "Serve groups who do not see themselves in the official figures of their country or "
            "locality, for instance because usual collection methods miss them, they are hard to "
            "reach, or they face discrimination."
        ),
        citations=("para 13", *_CITES),
    ),
    Objective.MONITOR_SERVICES: Entry(
        key="monitor_services",
        number=None,
        title="Monitor services",
        summary=(
            "Check whether services such as health care or schooling are available, affordable "
            "and good enough, and feed the findings into law and policy work."
        ),
        citations=_CITES,
    ),
    Objective.MONITOR_RIGHTS: Entry(
        key="monitor_rights",
        number=None,
        title="Monitor rights",
        summary=(
            "Track how far rights in law and in international human rights standards are "
            "recognised, put into effect and actually enjoyed by the people who hold them."
        ),
        citations=_CITES,
    ),
    Objective.COMPLEMENT_OFFICIAL_DATA: Entry(
        key="complement_official_data",
        number=None,
        title="Challenge or complement official data",
        summary=(
            "Question official figures or add other perspectives next to them, widening the "
            "evidence available for open and inclusive decisions."
        ),
        citations=_CITES,
    ),
    Objective.UNDERSTAND_COMPLEX_ISSUES: Entry(
        key="understand_complex_issues",
        number=None,
        title="Understand complex issues",
        summary=(
            "Shed light on the tangled problems and power relations within communities that "
            "deepen marginalisation."
        ),
        citations=_CITES,
    ),
    Objective.RAISE_AWARENESS: Entry(
        key="raise_awareness",
        number=None,
        title="Raise awareness and mobilise",
        summary=(
            "Build public understanding, spur action and strengthen local communities, towards "
            "more resilient and inclusive societies."
        ),
        citations=_CITES,
    ),
    Objective.SCIENTIFIC_RESEARCH: Entry(
        key="scientific_research",
        number=None,
        title="Evidence for research",
        summary="Supply evidence for scientific study, to test hypotheses and advance knowledge.",
        citations=_CITES,
    ),
    Objective.BUILD_CAPACITY: Entry(
        key="build_capacity",
        number=None,
        title="Build capacity",
        summary=("Train people or strengthen a community's ability to make decisions and to act."),
        citations=_CITES,
    ),
}
