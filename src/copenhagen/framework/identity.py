"""The framework's own identity: title, version, publisher, structure and aims (paras 1-8).

``FRAMEWORK`` describes the document itself: its 45 numbered paragraphs and the chapter and section
each falls under, its two boxes, its table and its ten footnotes. ``FrameworkAim`` lists what the
framework sets out to do (para 4, (a)-(e)).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.citations import FOOTNOTES, PARAGRAPHS

__all__ = ["FRAMEWORK", "FrameworkAim", "FrameworkAimEntry", "FrameworkIdentity", "Section"]


@attrs.frozen(slots=True)
class Section:
    """A chapter, or a section within one, and the paragraphs it holds.

    Attributes:
        chapter: The chapter's Roman numeral, ``"I"`` to ``"VI"``.
        chapter_title: The chapter's title (shortened where the text's is long).
        section: The section's label within the chapter (``"1"``, ``"2.A"``), or ``None`` for a
            chapter without sections.
        section_title: The section's title, or ``None``.
        paragraphs: The numbered paragraphs the section holds, in order.
    """

    chapter: str
    chapter_title: str
    section: str | None
    section_title: str | None
    paragraphs: tuple[int, ...]

    @property
    def key(self) -> str:
        """``"ii.2.a"``-style identifier: chapter, then section label, lower case."""
        parts = [self.chapter] + ([self.section] if self.section else [])
        return ".".join(parts).lower()

    @property
    def number(self) -> int:
        """The section's first paragraph."""
        return self.paragraphs[0]

    @property
    def title(self) -> str:
        """``"II.2.A Objectives of citizen data"``-style heading."""
        if self.section is None:
            return f"{self.chapter}. {self.chapter_title}"
        return f"{self.chapter}.{self.section} {self.section_title}"

    @property
    def summary(self) -> str:
        """Which paragraphs the section holds."""
        first, last = self.paragraphs[0], self.paragraphs[-1]
        where = f"para {first}" if first == last else f"paras {first}-{last}"
        return f"Chapter {self.chapter} ({self.chapter_title}), {where}."

    @property
    def citations(self) -> tuple[str, ...]:
        """The section's paragraphs as a citation."""
        first, last = self.paragraphs[0], self.paragraphs[-1]
        return (f"para {first}",) if first == last else (f"paras {first}-{last}",)


@attrs.frozen(slots=True)
class FrameworkIdentity:
    """What the framework document is and how it is laid out.

    Attributes:
        title: The framework's title.
        short_title: A short name for it.
        version: Its version.
        publisher: Who prepared it (para 8).
        paragraphs: How many numbered paragraphs it has.
        sections: Its chapters and sections, in order, covering every paragraph once.
        boxes: Its boxes, in order.
        tables: Its tables, in order.
        footnotes: Its footnotes, in order.
    """

    title: str
    short_title: str
    version: str
    publisher: str
    paragraphs: int
    sections: tuple[Section, ...]
    boxes: tuple[Entry, ...]
    tables: tuple[Entry, ...]
    footnotes: tuple[Entry, ...]

    def section_of(self, paragraph: int) -> Section:
        """The chapter or section holding ``paragraph``.

        Raises:
            KeyError: If the framework has no such paragraph.
        """
        for section in self.sections:
            if paragraph in section.paragraphs:
                return section
        raise KeyError(
            f"the framework has no paragraph {paragraph!r}; allowed: 1-{self.paragraphs}"
        )

    def paragraph_index(self) -> Mapping[int, Section]:
        """Every paragraph number, in order, mapped to the chapter or section holding it."""
        return MappingProxyType({p: s for s in self.sections for p in s.paragraphs})


def _range(first: int, last: int) -> tuple[int, ...]:
    return tuple(range(first, last + 1))


_II = "Concept and definition"
_III = "Principles of citizen data"

_SECTIONS: tuple[Section, ...] = (
    Section("I", "Objectives", None, None, _range(1, 8)),
    Section("II", _II, "1", "Operational definition of citizen data", _range(9, 12)),
    Section("II", _II, "2", "Types of citizen data initiatives", (13,)),
    Section("II", _II, "2.A", "Objectives of citizen data", (14,)),
    Section("II", _II, "2.B", "Collaboration modality", (15,)),
    Section("II", _II, "3", "Taxonomy of citizen data", (16,)),
    Section("III", _III, "1", "List of principles", (17,)),
    Section("III", _III, "2", "Implementation of the principles", _range(18, 31)),
    Section("IV", "The role of national statistical offices", None, None, _range(32, 35)),
    Section("V", "Enabling environment", None, None, _range(36, 44)),
    Section("VI", "Roadmap for implementation", None, None, (45,)),
)


def _anchor(anchor: str, title: str, summary: str) -> Entry:
    kind, number = anchor.split()
    return Entry(
        key=f"{kind.lower()}_{number}",
        number=int(number),
        title=title,
        summary=summary,
        citations=(anchor,),
    )


_FOOTNOTES: tuple[Entry, ...] = (
    _anchor("footnote 1", "Data value chain", "What the data value chain is (to para 1)."),
    _anchor(
        "footnote 2",
        "Mandate of the Collaborative",
        "The UN Statistical Commission's 54th session asked for the Collaborative (to para 8).",
    ),
    _anchor(
        "footnote 3",
        "Literature on participation",
        "Arnstein's ladder, Shirk et al. and Haklay's typologies of participation (to para 11).",
    ),
    _anchor("footnote 4", "GSBPM", "The GSBPM, its eight phases and its source (to para 12)."),
    _anchor(
        "footnote 5",
        "Expert meeting, Bangkok 2022",
        "The UN expert group meeting whose categories para 32 uses (to para 33).",
    ),
    _anchor(
        "footnote 6", "UNSD meeting page", "Source and participants of the 2022 meeting (Annex)."
    ),
    _anchor("footnote 7", "Term CGD", "The framework widened the original term CGD (Annex)."),
    _anchor(
        "footnote 8", "Commission report", "The 54th session report of the Commission (Annex)."
    ),
    _anchor(
        "footnote 9",
        "September 2023 meeting",
        "A web address only, attached to the September 2023 expert meeting (Annex, item c).",
    ),
    _anchor(
        "footnote 10",
        "July 2024 meeting",
        "A web address only, attached to the July 2024 expert meeting (Annex, item e).",
    ),
)
assert len(_FOOTNOTES) == FOOTNOTES  # the anchor index and the footnote list must agree

#: The framework document itself.
FRAMEWORK = FrameworkIdentity(
    title="The Copenhagen Framework on Citizen Data",
    short_title="Copenhagen Framework",
    version="1.0",
    publisher="Collaborative on Citizen Data",
    paragraphs=PARAGRAPHS,
    sections=_SECTIONS,
    boxes=(
        _anchor("Box 1", "Key terms", "Citizen, citizen data and the national data ecosystem."),
        _anchor("Box 2", "Operational definition", "The working definition of citizen data."),
    ),
    tables=(
        _anchor(
            "Table 1",
            "Taxonomy of citizen data",
            "Citizen participation at each value-chain stage under each group of modalities.",
        ),
    ),
    footnotes=_FOOTNOTES,
)


@attrs.frozen(slots=True)
class FrameworkAimEntry(Entry):
    """An aim's entry, with the letter para 4 gives it.

    Attributes:
        letter: ``"a"`` to ``"e"``.
    """

    letter: str


class FrameworkAim(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """What the framework itself sets out to do (para 4, (a)-(e))."""

    TRANSFORMATION = "transformation"
    AWARENESS = "awareness"
    RESPONSIBLE_USE = "responsible_use"
    NSO_ROLE = "nso_role"
    WIDER_DEBATES = "wider_debates"

    @property
    def entry(self) -> FrameworkAimEntry:
        """The aim's catalogue entry."""
        return _AIMS[self]

    @property
    def letter(self) -> str:
        """The aim's letter in para 4."""
        return self.entry.letter


def _aim(key: str, letter: str, title: str, summary: str) -> FrameworkAimEntry:
    return FrameworkAimEntry(
        key=key, number=None, title=title, summary=summary, citations=("para 4",), letter=letter
    )


_AIMS: dict[FrameworkAim, FrameworkAimEntry] = {
    FrameworkAim.TRANSFORMATION: _aim(
        "transformation",
        "a",
        "Guide inclusive transformation",
        "Offer a tool steering stakeholders towards more inclusive data and policy, and show "
        "where capacity and support are needed.",
    ),
    FrameworkAim.AWARENESS: _aim(
        "awareness",
        "b",
        "Raise awareness of participation",
        "Make data communities see why sufficient, meaningful citizen participation matters, so "
        "data reflect every group, the marginalised included.",
    ),
    FrameworkAim.RESPONSIBLE_USE: _aim(
        "responsible_use",
        "c",
        "Encourage responsible citizen data",
        "Promote responsible production and use under the principles, and help citizens gain "
        "agency and representation as they take part.",
    ),
    FrameworkAim.NSO_ROLE: _aim(
        "nso_role",
        "d",
        "Define the NSO's role",
        "Set out NSOs' role as stewards of the data ecosystem and make them more responsive to "
        "citizen data producers, whose data can then inform planning.",
    ),
    FrameworkAim.WIDER_DEBATES: _aim(
        "wider_debates",
        "e",
        "Bring citizens into wider debates",
        "Carry citizens' perspective into broader data discussions such as digital "
        "transformation, artificial intelligence and data governance.",
    ),
}
