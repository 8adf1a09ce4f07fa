"""The five collaboration modalities (para 15), their two groups (para 16) and Table 1.

Para 15 sorts initiatives by who started them and who else takes part; para 16 gathers the five
modalities into two groups; Table 1 lays the modalities out in three columns against the six stages
of the value chain and says what citizen participation looks like in each place.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.actors import Actor, Side
from copenhagen.framework.stages import Stage

__all__ = [
    "OUT_OF_SCOPE_CASE",
    "TABLE_1",
    "Modality",
    "ModalityEntry",
    "ModalityGroup",
    "Table1Cell",
    "Table1Column",
    "table1_cells",
    "table1_cells_for",
]


class ModalityGroup(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """The two groups into which para 16 gathers the modalities."""

    CITIZEN_DRIVEN = "citizen_driven"
    STATE_OR_OTHER_DRIVEN = "state_or_other_driven"

    @property
    def entry(self) -> Entry:
        """The group's catalogue entry."""
        return _GROUPS[self]

    @property
    def modalities(self) -> tuple[Modality, ...]:
        """The modalities in the group, in order."""
        return tuple(m for m in Modality if m.group is self)


class Table1Column(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """The three modality columns of Table 1 (modality 1; modalities 2-3; modalities 4-5)."""

    CIVIC_ACTION = "civic_action"
    CIVIC_DRIVEN_OR_JOINT = "civic_driven_or_joint"
    NSO_OR_OTHER_DRIVEN = "nso_or_other_driven"

    @property
    def entry(self) -> Entry:
        """The column's catalogue entry."""
        return _COLUMNS[self]

    @property
    def modalities(self) -> tuple[Modality, ...]:
        """The modalities the column covers, in order."""
        return tuple(m for m in Modality if m.table1_column is self)

    @property
    def cells(self) -> tuple[Table1Cell, ...]:
        """The column's cells in Table 1, cells spanning all stages first."""
        return tuple(c for c in TABLE_1 if c.column is self)


@attrs.frozen(slots=True)
class ModalityEntry(Entry):
    """A modality's catalogue entry, with the actors who start it and who join it (para 15).

    Both lists are derived from the actors' sides (`Actor.side`, contract section 2), as the
    classification rules M1-M6 read para 15 (register CAT-2), never written out by hand.

    Attributes:
        initiators: Who starts an initiative of this modality (for modality 3, one actor of
            each of the two sides listed starts it together with one of the other).
        collaborators: Who the initiators carry it out with (empty for civic action, which
            takes no partner from outside the citizen side, and for modality 3, whose
            initiators carry it out together).
    """

    initiators: tuple[Actor, ...]
    collaborators: tuple[Actor, ...]


class Modality(CatalogueMember, IntEnum):
    """Who initiated an initiative and how others join it (para 15)."""

    CIVIC_ACTION = 1
    CIVIC_DRIVEN_COLLABORATION = 2
    JOINTLY_INITIATED_COLLABORATION = 3
    NSO_DRIVEN_COLLABORATION = 4
    OTHER_ACTOR_DRIVEN_COLLABORATION = 5

    @property
    def entry(self) -> ModalityEntry:
        """The modality's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def initiators(self) -> tuple[Actor, ...]:
        """Who starts an initiative of this modality, in `Actor` order (para 15, by side)."""
        return self.entry.initiators

    @property
    def collaborators(self) -> tuple[Actor, ...]:
        """Who the initiators work with, in `Actor` order (para 15, by side)."""
        return self.entry.collaborators

    @property
    def group(self) -> ModalityGroup:
        """The para 16 group the modality belongs to."""
        return _GROUP[self]

    @property
    def table1_column(self) -> Table1Column:
        """The Table 1 column that describes this modality."""
        return _COLUMN[self]


@attrs.frozen(slots=True)
class Table1Cell:
    """One cell of Table 1: what citizen participation looks like for some stages in one column.

    Most cells cover one stage. Table 1 merges some cells across every stage; such a cell lists
    all six stages rather than the library repeating its text under each. A cell may speak of
    only some of its column's modalities (the second column's note on modality 3).

    Attributes:
        column: The modality column.
        stages: The stages (rows) the cell covers, in order.
        summary: What participation looks like there, in our own words.
        modalities: The modalities the cell speaks of: by default all of its column's.
    """

    column: Table1Column
    stages: tuple[Stage, ...]
    summary: str
    modalities: tuple[Modality, ...] = attrs.field()

    @modalities.default
    def _column_modalities(self) -> tuple[Modality, ...]:
        return self.column.modalities

    @property
    def spans_all_stages(self) -> bool:
        """Whether the table merges this cell across all six stages."""
        return len(self.stages) == len(Stage)

    @property
    def whole_column(self) -> bool:
        """Whether the cell speaks of every modality of its column."""
        return self.modalities == self.column.modalities

    def applies_to(self, modality: Modality) -> bool:
        """Whether the cell describes initiatives of ``modality``."""
        return modality in self.modalities

    @property
    def key(self) -> str:
        """``<column>.<stage>`` or ``<column>.all_stages``, plus ``.modality_<n>`` if partial.

        The suffix marks a cell that speaks of only some of its column's modalities.
        """
        where = "all_stages" if self.spans_all_stages else "_".join(s.value for s in self.stages)
        only = "" if self.whole_column else "".join(f".modality_{m.value}" for m in self.modalities)
        return f"{self.column.value}.{where}{only}"

    @property
    def number(self) -> int | None:
        """The table's row number for a one-stage cell; ``None`` for a merged cell."""
        return None if self.spans_all_stages else self.stages[0].number

    @property
    def title(self) -> str:
        """The column's and the row's titles, and the modalities when not the whole column's."""
        where = "all stages" if self.spans_all_stages else self.stages[0].title
        only = (
            ""
            if self.whole_column
            else f" (modality {', '.join(str(m.value) for m in self.modalities)} only)"
        )
        return f"{self.column.title}: {where}{only}"

    @property
    def citations(self) -> tuple[str, ...]:
        """Table 1."""
        return ("Table 1",)


def table1_cells(stage: Stage, column: Table1Column) -> tuple[Table1Cell, ...]:
    """The Table 1 cells that describe ``stage`` in ``column``, merged cells first.

    Examples:
        >>> tuple(c.key for c in table1_cells(Stage.REVIEW, Table1Column.CIVIC_ACTION))
        ('civic_action.all_stages',)
    """
    return tuple(c for c in column.cells if stage in c.stages)


def table1_cells_for(stage: Stage, modality: Modality) -> tuple[Table1Cell, ...]:
    """The Table 1 cells that describe ``stage`` for initiatives of ``modality``.

    The cells of the modality's column, less those that speak of its other modalities only: the
    note on modality 3 is not shown for modality 2.

    Examples:
        >>> m2, m3 = Modality.CIVIC_DRIVEN_COLLABORATION, Modality.JOINTLY_INITIATED_COLLABORATION
        >>> len(table1_cells_for(Stage.REVIEW, m3)) - len(table1_cells_for(Stage.REVIEW, m2))
        1
    """
    return tuple(c for c in table1_cells(stage, modality.table1_column) if c.applies_to(modality))


def _side(*sides: Side, but: Actor | None = None) -> tuple[Actor, ...]:
    # The actors of the given sides, in Actor order: the lists follow the sides, never a copy.
    return tuple(a for a in Actor if a.side in sides and a is not but)


_CITIZEN_SIDE = _side(Side.CITIZEN)
_NOT_CITIZEN_SIDE = _side(Side.STATE, Side.OTHER)

_CATALOGUE: dict[Modality, ModalityEntry] = {
    Modality.CIVIC_ACTION: ModalityEntry(
        key="civic_action",
        number=1,
        title="Civic action",
        summary=(
            "Citizens, communities or CSOs start the initiative, run it and own it entirely: no "
            "partner from outside the citizen side takes part, whether state, academic or "
            "private."
        ),
        citations=("para 15", "para 16", "Table 1"),
        initiators=_CITIZEN_SIDE,
        collaborators=(),
    ),
    Modality.CIVIC_DRIVEN_COLLABORATION: ModalityEntry(
        key="civic_driven_collaboration",
        number=2,
        title="Civic-driven collaboration",
        summary=(
            "Citizens, communities or CSOs start the initiative and carry it out together with "
            "the NSO or other state bodies; the library counts any partner from outside the "
            "citizen side the same way (register CAT-2)."
        ),
        citations=("para 15", "para 16", "Table 1"),
        initiators=_CITIZEN_SIDE,
        collaborators=_NOT_CITIZEN_SIDE,
    ),
    Modality.JOINTLY_INITIATED_COLLABORATION: ModalityEntry(
        key="jointly_initiated_collaboration",
        number=3,
        title="Jointly initiated collaboration",
        summary=(
            "Citizens, communities or CSOs and the NSO or another state body start the "
            "initiative together; the text also calls this co-creation, with decisions shared "
            "equally (Table 1)."
        ),
        citations=("para 15", "para 16", "Table 1"),
        initiators=_side(Side.CITIZEN, Side.STATE),
        collaborators=(),
    ),
    Modality.NSO_DRIVEN_COLLABORATION: ModalityEntry(
        key="nso_driven_collaboration",
        number=4,
        title="NSO-driven collaboration",
        summary=(
            "The NSO starts the initiative and carries it out with citizens, communities or CSOs."
        ),
        citations=("para 15", "para 16", "Table 1"),
        initiators=(Actor.NSO,),
        collaborators=_CITIZEN_SIDE,
    ),
    Modality.OTHER_ACTOR_DRIVEN_COLLABORATION: ModalityEntry(
        key="other_actor_driven_collaboration",
        number=5,
        title="Collaboration driven by other actors",
        summary=(
            "Another actor, for example academia or a national human rights institution, starts "
            "the initiative and involves citizens, communities or CSOs in a sufficient and "
            "meaningful way."
        ),
        citations=("para 15", "para 16", "Table 1"),
        initiators=_side(Side.STATE, Side.OTHER, but=Actor.NSO),
        collaborators=_CITIZEN_SIDE,
    ),
}

#: Para 15's closing case: an initiative outside the framework's scope.
OUT_OF_SCOPE_CASE = Entry(
    key="other_actor_without_engagement",
    number=None,
    title="Out of scope: no citizen engagement",
    summary=(
        "When another actor runs an initiative without collaborating with citizens, communities "
        "or CSOs and without engaging them sufficiently and meaningfully, its data do not count "
        "as citizen data and the framework does not cover it."
    ),
    citations=("para 15", "Box 2"),
)

_GROUPS: dict[ModalityGroup, Entry] = {
    ModalityGroup.CITIZEN_DRIVEN: Entry(
        key="citizen_driven",
        number=1,
        title="Citizen-driven or joint initiatives",
        summary=(
            "Civic action, civic-driven and jointly initiated collaborations: citizens usually "
            "take part along the whole value chain."
        ),
        citations=("para 16",),
    ),
    ModalityGroup.STATE_OR_OTHER_DRIVEN: Entry(
        key="state_or_other_driven",
        number=2,
        title="Initiatives led by the NSO or other actors",
        summary=(
            "NSO-driven collaborations and those driven by other actors: citizens take part at "
            "some stages, which Table 1 shows."
        ),
        citations=("para 16", "Table 1"),
    ),
}

_GROUP: dict[Modality, ModalityGroup] = {
    Modality.CIVIC_ACTION: ModalityGroup.CITIZEN_DRIVEN,
    Modality.CIVIC_DRIVEN_COLLABORATION: ModalityGroup.CITIZEN_DRIVEN,
    Modality.JOINTLY_INITIATED_COLLABORATION: ModalityGroup.CITIZEN_DRIVEN,
    Modality.NSO_DRIVEN_COLLABORATION: ModalityGroup.STATE_OR_OTHER_DRIVEN,
    Modality.OTHER_ACTOR_DRIVEN_COLLABORATION: ModalityGroup.STATE_OR_OTHER_DRIVEN,
}

_COLUMNS: dict[Table1Column, Entry] = {
    Table1Column.CIVIC_ACTION: Entry(
        key="civic_action",
        number=1,
        title="Civic action",
        summary="The column for modality 1.",
        citations=("Table 1",),
    ),
    Table1Column.CIVIC_DRIVEN_OR_JOINT: Entry(
        key="civic_driven_or_joint",
        number=2,
        title="Civic-driven or jointly initiated",
        summary="The column shared by modalities 2 and 3.",
        citations=("Table 1",),
    ),
    Table1Column.NSO_OR_OTHER_DRIVEN: Entry(
        key="nso_or_other_driven",
        number=3,
        title="Driven by the NSO or another actor",
        summary="The column shared by modalities 4 and 5, state or non-state.",
        citations=("Table 1",),
    ),
}

_COLUMN: dict[Modality, Table1Column] = {
    Modality.CIVIC_ACTION: Table1Column.CIVIC_ACTION,
    Modality.CIVIC_DRIVEN_COLLABORATION: Table1Column.CIVIC_DRIVEN_OR_JOINT,
    Modality.JOINTLY_INITIATED_COLLABORATION: Table1Column.CIVIC_DRIVEN_OR_JOINT,
    Modality.NSO_DRIVEN_COLLABORATION: Table1Column.NSO_OR_OTHER_DRIVEN,
    Modality.OTHER_ACTOR_DRIVEN_COLLABORATION: Table1Column.NSO_OR_OTHER_DRIVEN,
}

_ALL = tuple(Stage)
_C1, _C2, _C3 = Table1Column

#: Table 1, cell by cell: merged cells first within each column, then one cell per stage.
TABLE_1: tuple[Table1Cell, ...] = (
    Table1Cell(
        _C1,
        _ALL,
        "Participation is as deep and as good as it gets, at every stage: citizens or CSOs run "
        "the gathering, the sharing and the use of the data themselves.",
    ),
    Table1Cell(
        _C2,
        _ALL,
        "Citizens or CSOs lead the initiative, working with the NSO or other partners, who may "
        "contribute at different stages of the value chain.",
    ),
    Table1Cell(
        _C2,
        _ALL,
        "Under modality 3, the citizen side and its partner share decision-making equally over "
        "the whole initiative.",
        (Modality.JOINTLY_INITIATED_COLLABORATION,),
    ),
    Table1Cell(
        _C2,
        (Stage.DESIGN,),
        "In design, citizens or CSOs may turn to state bodies for help in planning a "
        "collection; the NSO might, say, supply a sampling frame and help draw the sample for a "
        "collection citizens run.",
    ),
    Table1Cell(
        _C2,
        (Stage.COLLECTION,),
        "CSOs lead the gathering while the NSO helps them follow internationally agreed methods, "
        "as in the marine litter example.",
    ),
    Table1Cell(
        _C2,
        (Stage.PROCESSING,),
        "The NSO can support validation and the choice of processing methods.",
    ),
    Table1Cell(
        _C2,
        (Stage.ANALYSIS,),
        "For example, data from CSOs are pooled, standardised and handed to the NSO for "
        "reporting on the SDGs.",
    ),
    Table1Cell(
        _C2,
        (Stage.UPTAKE,),
        "The NSO and other state bodies can act as a bridge to policymakers so that the "
        "citizen data get used.",
    ),
    Table1Cell(
        _C2,
        (Stage.REVIEW,),
        "Citizens and institutions improve the instrument together and prepare later rounds of "
        "data collection.",
    ),
    Table1Cell(
        _C3,
        (Stage.DESIGN,),
        "Citizens or CSOs co-design with state bodies (the NSO, a human rights institution) or "
        "with non-state ones such as academia: the goals, the partners, the methods, who may "
        "access the data and what they may be used for.",
    ),
    Table1Cell(
        _C3,
        (Stage.COLLECTION,),
        "Citizens may help gather data where the initiator struggles alone, as with sensitive "
        "subjects or some environmental questions; joint programmes that engage citizens and "
        "civil society can also lead to this.",
    ),
    Table1Cell(
        _C3,
        (Stage.PROCESSING,),
        "Citizens and CSOs help make sure processing protects privacy and confidentiality, and "
        "sometimes do the processing, e.g. classifying disaster data or checking crowdsourced "
        "maps.",
    ),
    Table1Cell(
        _C3,
        (Stage.ANALYSIS,),
        "Citizens and CSOs take part in analysis and dissemination so the key issues are brought "
        "out and the results reach their audiences in accessible forms.",
    ),
    Table1Cell(
        _C3,
        (Stage.UPTAKE,),
        "Citizens are brought in to raise the value and effect of the data, in particular to push "
        "for change on issues that matter to particular groups.",
    ),
    Table1Cell(
        _C3,
        (Stage.REVIEW,),
        "Citizens and communities help improve the initiative, correct methods and technical "
        "details, and shape future programmes.",
    ),
)
