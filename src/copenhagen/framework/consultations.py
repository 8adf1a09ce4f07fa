"""The consultation processes the framework came out of (Annex, (a)-(e)).

The annex lists five meetings, lettered (a) to (e), from November 2022 to July 2024, and adds that
open consultations in 2024 (forums, webinars and other platforms) discussed the draft and its
implementation; those are not lettered and are not an item here. Footnotes 5-10 give the
meetings' sources.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.citations import ANNEX

__all__ = ["ConsultationProcess", "ConsultationProcessEntry"]


@attrs.frozen(slots=True)
class ConsultationProcessEntry(Entry):
    """A consultation process's entry, with its letter and date in the annex.

    Attributes:
        letter: ``"a"`` to ``"e"``, as in the annex.
        date: The month and year the annex gives, e.g. ``"November 2022"``.
    """

    letter: str
    date: str


class ConsultationProcess(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """A meeting in the consultations that produced the framework (Annex, (a)-(e), in order)."""

    EXPERT_MEETING_2022 = "expert_meeting_2022"
    STATISTICAL_COMMISSION_54 = "statistical_commission_54"
    EXPERT_MEETING_2023 = "expert_meeting_2023"
    STATISTICAL_COMMISSION_55 = "statistical_commission_55"
    EXPERT_MEETING_2024 = "expert_meeting_2024"

    @property
    def entry(self) -> ConsultationProcessEntry:
        """The process's catalogue entry."""
        return _PROCESSES[self]

    @property
    def letter(self) -> str:
        """The process's letter in the annex, ``"a"`` to ``"e"``."""
        return self.entry.letter

    @property
    def date(self) -> str:
        """The month and year the annex gives."""
        return self.entry.date


def _process(
    key: str, letter: str, date: str, title: str, summary: str, *footnotes: int
) -> ConsultationProcessEntry:
    return ConsultationProcessEntry(
        key=key,
        number=None,
        title=title,
        summary=summary,
        citations=(ANNEX, *(f"footnote {n}" for n in footnotes)),
        letter=letter,
        date=date,
    )


_PROCESSES: dict[ConsultationProcess, ConsultationProcessEntry] = {
    ConsultationProcess.EXPERT_MEETING_2022: _process(
        "expert_meeting_2022",
        "a",
        "November 2022",
        "UN expert group meeting on data by citizens",
        "Asked for a conceptual framework able to sort citizen data by how the data are used and "
        "by how they come about (started by NSOs, by civil society, or by both), and named three "
        "categories: data to be integrated into official statistics, quality-assured data that "
        "complement official data, and data that stay independent of them.",
        5,
        6,
    ),
    ConsultationProcess.STATISTICAL_COMMISSION_54: _process(
        "statistical_commission_54",
        "b",
        "March 2023",
        "54th session of the UN Statistical Commission",
        "Stressed that a conceptual framework on citizen-generated data was needed, and backed "
        "setting up the Collaborative on Citizen Data.",
        2,
        7,
        8,
    ),
    ConsultationProcess.EXPERT_MEETING_2023: _process(
        "expert_meeting_2023",
        "c",
        "September 2023",
        "UN expert group meeting on the draft",
        "Fed into the draft framework, with close attention to sufficient participation by "
        "citizens in how citizen data are defined.",
        9,
    ),
    ConsultationProcess.STATISTICAL_COMMISSION_55: _process(
        "statistical_commission_55",
        "d",
        "March 2024",
        "55th session of the UN Statistical Commission",
        "Gave its support to the draft framework.",
    ),
    ConsultationProcess.EXPERT_MEETING_2024: _process(
        "expert_meeting_2024",
        "e",
        "July 2024",
        "UN expert group meeting on refinement",
        "Helped refine the framework and designed, together, the roadmap for putting it into "
        "practice.",
        10,
    ),
}
