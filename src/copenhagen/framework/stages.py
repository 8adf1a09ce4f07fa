"""The six stages of the citizen data value chain, their GSBPM phases and design elements (para 12).

The stages are read from para 12 (and repeated as the rows of Table 1); footnote 1 describes the
data value chain and footnote 4 the GSBPM the stages are mapped to.
"""

from __future__ import annotations

from enum import StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = ["DesignElement", "DesignElementEntry", "Stage"]


class Stage(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
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

    @property
    def design_elements(self) -> tuple[DesignElement, ...]:
        """What the stage defines: the four elements (a)-(d) for design, none for the others."""
        return tuple(DesignElement) if self is Stage.DESIGN else ()


@attrs.frozen(slots=True)
class DesignElementEntry(Entry):
    """A catalogue entry for one design-stage element, with the letter the text gives it.

    Attributes:
        letter: ``"a"`` to ``"d"``, as in para 12 and Table 1.
    """

    letter: str


class DesignElement(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """What the design stage settles, items (a)-(d) of para 12 (repeated in Table 1, row 1)."""

    OBJECTIVES_AND_DATA_NEEDS = "objectives_and_data_needs"
    PARTNERSHIPS = "partnerships"
    COLLECTION_METHODS = "collection_methods"
    DATA_ACCESS_AND_USE = "data_access_and_use"

    @property
    def entry(self) -> DesignElementEntry:
        """The element's catalogue entry."""
        return _DESIGN_ELEMENTS[self]

    @property
    def letter(self) -> str:
        """The element's letter in the text, ``"a"`` to ``"d"``."""
        return self.entry.letter

    @classmethod
    def from_letter(cls, letter: str) -> DesignElement:
        """The element the text labels with ``letter`` (``"a"`` to ``"d"``, brackets optional).

        Raises:
            KeyError: If no element has the letter.
        """
        wanted = letter.strip("() ").lower()
        for element in cls:
            if element.letter == wanted:
                return element
        raise KeyError(f"DesignElement has no letter {letter!r}; allowed: a, b, c, d")


_STAGE_CITES = ("para 12", "Table 1")

_CATALOGUE: dict[Stage, Entry] = {
    Stage.DESIGN: Entry(
        key="design",
        number=1,
        title="Design",
        summary=(
            "Deciding what the initiative is for and how it will run: its goals and the data it "
            "needs, who takes part as partners, how data will be gathered, and who may use the "
            "results and how. Para 10 singles it out as the stage to prioritise when citizens "
            "cannot take part everywhere."
        ),
        citations=("para 10", *_STAGE_CITES),
    ),
    Stage.COLLECTION: Entry(
        key="collection",
        number=2,
        title="Data collection",
        summary="Carrying out the operations that gather the data.",
        citations=_STAGE_CITES,
    ),
    Stage.PROCESSING: Entry(
        key="processing",
        number=3,
        title="Processing, validation and release",
        summary=(
            "First treatment of the gathered data: cleaning and processing them, checking the "
            "results and releasing them."
        ),
        citations=_STAGE_CITES,
    ),
    Stage.ANALYSIS: Entry(
        key="analysis",
        number=4,
        title="Analysis and dissemination",
        summary="Analysing the data and spreading the findings to their audiences.",
        citations=_STAGE_CITES,
    ),
    Stage.UPTAKE: Entry(
        key="uptake",
        number=5,
        title="Data uptake",
        summary=(
            "Getting the data used: reaching the people who can act on them and encouraging or "
            "rewarding their use."
        ),
        citations=_STAGE_CITES,
    ),
    Stage.REVIEW: Entry(
        key="review",
        number=6,
        title="Impact review",
        summary=(
            "Looking back at what difference the data made and collecting feedback for the next "
            "round."
        ),
        citations=_STAGE_CITES,
    ),
}

_GSBPM_PHASES: dict[Stage, tuple[int, ...]] = {
    Stage.DESIGN: (1, 2),
    Stage.COLLECTION: (3, 4),
    Stage.PROCESSING: (5,),
    Stage.ANALYSIS: (6, 7),
    Stage.UPTAKE: (7,),
    Stage.REVIEW: (8,),
}

_DESIGN_ELEMENTS: dict[DesignElement, DesignElementEntry] = {
    DesignElement.OBJECTIVES_AND_DATA_NEEDS: DesignElementEntry(
        key="objectives_and_data_needs",
        number=None,
        title="Objectives and data needs",
        summary=(
            "What the initiative aims at, which policy questions it addresses, what data it needs."
        ),
        citations=_STAGE_CITES,
        letter="a",
    ),
    DesignElement.PARTNERSHIPS: DesignElementEntry(
        key="partnerships",
        number=None,
        title="Partnerships",
        summary="Which partners and forms of collaboration the initiative relies on.",
        citations=_STAGE_CITES,
        letter="b",
    ),
    DesignElement.COLLECTION_METHODS: DesignElementEntry(
        key="collection_methods",
        number=None,
        title="Collection methods",
        summary="The methods and approaches chosen for gathering the data.",
        citations=_STAGE_CITES,
        letter="c",
    ),
    DesignElement.DATA_ACCESS_AND_USE: DesignElementEntry(
        key="data_access_and_use",
        number=None,
        title="Data access and use",
        summary="Who may reach and use the data, and the uses the data are put to.",
        citations=_STAGE_CITES,
        letter="d",
    ),
}
