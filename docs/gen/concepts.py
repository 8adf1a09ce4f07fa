"""Generate the Concepts pages of the docs from the catalogue, so docs and data never drift.

mkdocs-gen-files runs this script during the build; ``pages()`` returns the same pages as a mapping
(path -> markdown) so that tests can check them without a build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from copenhagen.framework import (
    ANNEX,
    CITIZEN_DATA_SYNONYMS,
    FRAMEWORK,
    GSBPM_SOURCE,
    OPERATIONAL_DEFINITION,
    OUT_OF_SCOPE_CASE,
    Actor,
    CatalogueItem,
    Challenge,
    ConsultationProcess,
    ContributionType,
    DesignElement,
    EnablingElement,
    FrameworkAim,
    GSBPMPhase,
    Impact,
    KeyTerm,
    Modality,
    ModalityGroup,
    NSOCategory,
    NSOGain,
    NSORole,
    Objective,
    ParticipationAspect,
    ParticipationDimension,
    ParticipationLevel,
    RoadmapArea,
    Stage,
    Table1Column,
    table1_cells,
)

T = TypeVar("T", bound=CatalogueItem)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _named(item: CatalogueItem) -> str:
    # The title with the key under it, in one column: a column fewer keeps tables within the
    # page at 1280 pixels.
    return f"{item.title}<br>`{item.key}`"


def _cites(item: CatalogueItem) -> str:
    return ", ".join(item.citations)


def _code(source: str) -> str:
    return "```python\n" + source.strip() + "\n```\n"


def _items(
    items: Iterable[T],
    extra: Sequence[tuple[str, Callable[[T], object]]] = (),
    *,
    number: bool = False,
) -> str:
    headers = (["No."] if number else []) + ["Title and key", *(h for h, _ in extra)]
    headers += ["Summary", "Citations"]
    rows = []
    for item in items:
        row: list[object] = [item.number] if number else []
        row += [_named(item), *(f(item) for _, f in extra)]
        row += [item.summary, _cites(item)]
        rows.append(row)
    return _table(headers, rows)


def _page(title: str, intro: str, *blocks: str) -> str:
    return f"# {title}\n\n{intro.strip()}\n\n" + "\n".join(b.rstrip() + "\n" for b in blocks)


def _index() -> str:
    f = FRAMEWORK
    sections = _table(
        ["Section", "Paragraphs"],
        [(s.title, s.citations[0]) for s in f.sections],
    )
    anchors = _table(
        ["Anchor", "Title", "Summary"],
        [(e.citations[0], e.title, e.summary) for e in (*f.boxes, *f.tables, *f.footnotes)]
        + [(ANNEX, "Consultation processes", "The meetings the framework came out of.")],
    )
    pages = _table(
        ["Page", "What it covers"],
        [
            ("[Value chain and GSBPM](value-chain.md)", "the six stages and the design elements"),
            ("[GSBPM v5.1](gsbpm.md)", "the statistical standard the stages map to"),
            ("[Objectives](objectives.md)", "what initiatives aim at"),
            ("[Actors](actors.md)", "who initiates, partners and funds, and their sides"),
            ("[Collaboration modalities](modalities.md)", "the five modalities and two groups"),
            ("[Table 1](table-1.md)", "participation by stage and modality"),
            ("[Official statistics and NSOs](official-statistics.md)", "categories and roles"),
            ("[Enabling environment](enabling-environment.md)", "the eight elements"),
            ("[Roadmap](roadmap.md)", "the six areas of implementation"),
            ("[Participation](participation.md)", "degree and quality of engagement"),
            ("[Key terms and definition](key-terms.md)", "Box 1, Box 2, para 9 and the aims"),
            ("[Impacts and challenges](impacts-and-challenges.md)", "paras 1 and 3"),
            ("[Consultation processes](consultations.md)", "the meetings of the Annex"),
        ],
    )
    return _page(
        "The framework as data",
        f"""
*{f.title}*, version {f.version}, prepared by the {f.publisher}: {f.paragraphs} numbered
paragraphs, {len(f.boxes)} boxes, {len(f.tables)} table, {len(f.footnotes)} footnotes and an
annex. The
library holds every enumerable part of it as typed, immutable, cited data in
`copenhagen.framework`. Every page of this section is generated from that data; every summary is
written in the library's own words, and every item cites the paragraph, box, table or footnote it
rests on. The Principles have [a section of their own](../principles/index.md).
""",
        "## Pages\n\n" + pages,
        "## Looking things up\n\n"
        "Each part is an enum whose members carry their entry; `catalogue()` lists every part.\n\n"
        + _code(
            """
from copenhagen.framework import FRAMEWORK, Principle, Stage, catalogue

print(Principle.INFORMED_CONSENT.title, Principle.INFORMED_CONSENT.citations)
print(Stage.from_key("design").number, Principle.from_number(12).title)
print(FRAMEWORK.section_of(15).title)
for name, items in catalogue().items():
    print(name, len(items))
"""
        ),
        "## Chapters and sections\n\n" + sections,
        "## Boxes, table, footnotes and annex\n\n" + anchors,
    )


def _value_chain() -> str:
    stages = _items(
        Stage,
        [("GSBPM phases", lambda s: ", ".join(str(p) for p in s.gsbpm_phases))],
        number=True,
    )
    elements = _table(
        ["Letter", "Title and key", "Summary", "Citations"],
        [(f"({e.letter})", _named(e), e.summary, _cites(e)) for e in DesignElement],
    )
    return _page(
        "Value chain and GSBPM",
        """
The framework follows data through six stages, from design to the review of their impact, and
maps each stage to phases of the GSBPM (para 12, footnote 4; the same six stages are the rows of
Table 1). The data value chain itself is described in footnote 1. See
[GSBPM v5.1](gsbpm.md) for the phases and their sub-processes.
""",
        "## The six stages\n\n" + stages,
        "## What the design stage settles\n\nThe four elements (a)-(d) of para 12.\n\n" + elements,
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import DesignElement, Stage

design = Stage.from_number(1)
print(design.title, design.gsbpm_phases)
print([e.letter for e in design.design_elements])
print(DesignElement.from_letter("(d)").title)
"""
        ),
    )


def _gsbpm() -> str:
    phases = _items(
        GSBPMPhase,
        [("Stages (para 12)", lambda p: ", ".join(s.title for s in p.stages))],
        number=True,
    )
    subs = "\n".join(
        f"### {p.number}. {p.title}\n\n"
        + _table(["Code", "Name"], [(s.code, s.name) for s in p.subprocesses])
        for p in GSBPMPhase
    )
    return _page(
        "GSBPM v5.1",
        f"""
The Generic Statistical Business Process Model describes the processes that produce official
statistics. The framework maps its value-chain stages onto the model's eight phases (para 12)
and points to the standard in footnote 4. The phase and sub-process names and codes are facts of
the standard, not of the framework; source: {GSBPM_SOURCE}.
""",
        "## Phases\n\n" + phases,
        "## Sub-processes\n\n" + subs,
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import GSBPMPhase, GSBPMSubProcess

print([s.code for s in GSBPMPhase.COLLECT.subprocesses])
print(GSBPMSubProcess.from_code("6.4").name)
print(GSBPMPhase.DISSEMINATE.stages)
"""
        ),
    )


def _objectives() -> str:
    return _page(
        "Objectives",
        """
Para 14 lists eight purposes citizen data may serve, as unnumbered bullets, and says the list is
not exhaustive. Together with the collaboration modality they tell kinds of initiatives apart
(para 13). The keys are the values an initiative document uses under `objectives`.
""",
        _items(Objective),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import Objective

print(Objective("monitor_rights").title)
print(Objective.from_key("build_capacity").summary)
"""
        ),
    )


def _actors() -> str:
    return _page(
        "Actors",
        """
Who initiates, partners in or funds an initiative. "Citizen" is meant broadly (Box 1). The three
sides group the actors for the classification rules: the citizen side (citizens, communities,
CSOs), the state side (the NSO, other state institutions, national human rights institutions) and
the other non-state actors; the grouping is recorded in the
[interpretation register](../interpretation-register.md).
""",
        _items(Actor, [("Side", lambda a: a.side.value)]),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import CITIZEN_SIDE, Actor, Side

print(Actor.NHRI.side is Side.STATE)
print(sorted(a.value for a in CITIZEN_SIDE))
"""
        ),
    )


def _modalities() -> str:
    def names(actors: Sequence[Actor]) -> str:
        return ", ".join(a.title for a in actors) or "none"

    # One short section per modality rather than one eight-column table: the facts of a
    # modality stay together and the page fits its width at 1280 pixels.
    modalities = "\n".join(
        f"### {m.number}. {m.title}\n\n{m.summary}\n\n"
        f"- **Key**: `{m.key}`\n"
        f"- **Initiators**: {names(m.initiators)}\n"
        f"- **Works with**: {names(m.collaborators)}\n"
        f"- **Group** (para 16): {m.group.number}. {m.group.title}\n"
        f"- **Table 1 column**: {m.table1_column.title}\n"
        for m in Modality
    )
    groups = _items(
        ModalityGroup,
        [
            (
                "Modalities",
                lambda g: ", ".join(str(m.value) for m in g.modalities),
            )
        ],
        number=True,
    )
    return _page(
        "Collaboration modalities",
        """
Para 15 sorts initiatives by who started them and who else takes part, from fully citizen-run to
led by the state or other actors. Para 16 gathers the five modalities into two groups, and Table 1
gives them three columns. The initiators and partners listed follow the actors' sides (see
[Actors](actors.md)), as the classification rules on the [Rules](../rules.md) page read para 15;
the [interpretation register](../interpretation-register.md) says why (CAT-2).
""",
        "## The five modalities\n\nAll cite para 15, para 16 and Table 1.\n\n" + modalities,
        "## The two groups (para 16)\n\n" + groups,
        "## Outside the framework (para 15)\n\n"
        + _table(
            ["Title and key", "Summary", "Citations"],
            [(_named(OUT_OF_SCOPE_CASE), OUT_OF_SCOPE_CASE.summary, _cites(OUT_OF_SCOPE_CASE))],
        ),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import Modality

m = Modality.from_number(3)
print(m.title, [a.value for a in m.initiators], m.group.key, m.table1_column.key)
"""
        ),
    )


def _table_1() -> str:
    merged = [c for col in Table1Column for c in col.cells if c.spans_all_stages]

    def cell(stage: Stage, column: Table1Column) -> str:
        cells = table1_cells(stage, column)
        text = " ".join(c.summary for c in cells if not c.spans_all_stages)
        if any(c.spans_all_stages for c in cells):
            text += (
                " *(plus the cell [spanning all stages](#cells-spanning-all-stages))*"
                if text
                else "*(see the cell [spanning all stages](#cells-spanning-all-stages))*"
            )
        return text

    grid = _table(
        ["Stage", *(c.title for c in Table1Column)],
        [(f"{s.number}. {s.title}", *(cell(s, col) for col in Table1Column)) for s in Stage],
    )
    return _page(
        "Table 1: participation by stage and modality",
        """
Table 1 of the framework shows, for each stage of the value chain and each of three modality
columns, what citizen participation can look like. The summaries are ours; all cite Table 1.
Where the table merges a column's cells across every stage, the library keeps one cell spanning
all six stages rather than repeating or inventing text per stage.
""",
        "## Columns\n\n"
        + _items(
            Table1Column,
            [
                (
                    "Modalities",
                    lambda c: ", ".join(str(m.value) for m in c.modalities),
                )
            ],
            number=True,
        ),
        "## Cells spanning all stages\n\n"
        + _table(
            ["Column", "Modalities", "Summary"],
            [
                (c.column.title, ", ".join(str(m.value) for m in c.modalities), c.summary)
                for c in merged
            ],
        ),
        "## Stage by column\n\n" + grid,
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import Modality, Stage, table1_cells

column = Modality.NSO_DRIVEN_COLLABORATION.table1_column
for cell in table1_cells(Stage.PROCESSING, column):
    print(cell.key, cell.spans_all_stages, cell.summary)
"""
        ),
    )


def _official() -> str:
    categories = _items(
        NSOCategory,
        [("NSOs' relevance (para 33)", lambda c: c.nso_relevance)],
        number=True,
    )
    roles = _table(
        ["Letter", "Title and key", "Summary", "Citations"],
        [(f"({r.letter})", _named(r), r.summary, _cites(r)) for r in NSORole],
    )
    return _page(
        "Official statistics and NSOs",
        """
Chapter IV sorts citizen data by how they stand towards official statistics (para 32), says where
national statistical offices matter (para 33, footnote 5), lists their roles (para 34) and what
they gain (para 35).
""",
        "## Three categories (para 32)\n\n" + categories,
        "## Four roles of NSOs (para 34)\n\n" + roles,
        "## What NSOs gain (para 35)\n\nSupporting citizen data efforts also benefits the NSO "
        "itself.\n\n" + _items(NSOGain),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import NSOCategory, NSOGain, NSORole

print(NSOCategory.from_number(2).title)
print(NSOCategory.INDEPENDENT.nso_relevance)
print([r.letter for r in NSORole])
print([g.key for g in NSOGain])
"""
        ),
    )


def _environment() -> str:
    gaps = "\n".join(
        f'!!! warning "Gap in the text: {e.title} (para {e.paragraph})"\n    {e.gap}\n'
        for e in EnablingElement
        if e.gap
    )
    return _page(
        "Enabling environment",
        """
Chapter V names eight elements of an environment in which citizen data can be produced and used
sustainably (paras 36-44); para 36 calls the list aspirational and not exhaustive. The text does
not number them; each has its own paragraph. Para 18 says the principles need this environment
to take effect (see [Principles](../principles/index.md); para 18 itself points to chapter IV, a
slip the [interpretation register](../interpretation-register.md) records as CAT-11).
""",
        _items(EnablingElement, [("Para", lambda e: e.paragraph)]),
        gaps,
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import EnablingElement

print([e.paragraph for e in EnablingElement])
print(EnablingElement.QUALITY_ASSURANCE.gap)
"""
        ),
    )


def _roadmap() -> str:
    return _page(
        "Roadmap",
        """
Para 45 outlines how the Collaborative on Citizen Data will support countries and communities in
putting the framework into practice, in six key areas.
""",
        _items(RoadmapArea),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import RoadmapArea

for area in RoadmapArea:
    print(area.key, "-", area.title)
"""
        ),
    )


def _participation() -> str:
    aspects = _items(
        ParticipationAspect,
        [("Dimension", lambda a: a.dimension.title)],
    )
    return _page(
        "Participation",
        f"""
Para 11 calls participation meaningful when it lets citizens act as data agents with a say on the
issues that affect them, and measures it along two dimensions, degree and quality, each with
named aspects (footnote 3 cites the literature). The text gives no scale; documents rate each
aspect on the library's own scale ({", ".join(f"`{x.value}`" for x in ParticipationLevel)}),
recorded in the [interpretation register](../interpretation-register.md).
""",
        "## Dimensions\n\n" + _items(ParticipationDimension),
        "## Aspects\n\n" + aspects,
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import ParticipationAspect, ParticipationDimension

quality = [a.value for a in ParticipationAspect if a.dimension is ParticipationDimension.QUALITY]
print(quality)
"""
        ),
    )


def _impacts_and_challenges() -> str:
    return _page(
        "Impacts and challenges",
        """
The framework opens by saying why it is needed. Para 1 names five impacts of citizen
contributions to data, all in support of the 2030 Agenda's pledge to leave no one behind; para 3
names four challenges that keep those contributions from reaching their potential, and says there
are others; para 4 says the framework was written to meet them. Neither list is numbered.
""",
        "## Impacts (para 1)\n\n" + _items(Impact),
        "## Challenges (para 3)\n\n" + _items(Challenge),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import Challenge, Impact

print([i.key for i in Impact])
print(Challenge.DATA_QUALITY.summary, Challenge.DATA_QUALITY.citations)
"""
        ),
    )


def _consultations() -> str:
    return _page(
        "Consultation processes",
        """
The Annex lists the meetings the framework came out of, lettered (a) to (e), from the expert group
meeting of November 2022 to that of July 2024; footnotes 5-10 give their sources. It adds that
open consultations in 2024, through forums, webinars and other platforms, discussed the draft and
its implementation; those are not lettered, and the library does not make them an item.
""",
        _table(
            ["Letter", "Date", "Meeting and key", "Summary", "Citations"],
            [
                (f"({c.letter})", c.date, _named(c), c.summary, _cites(c))
                for c in ConsultationProcess
            ],
        ),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import ConsultationProcess

for process in ConsultationProcess:
    print(process.letter, process.date, process.title)
"""
        ),
    )


def _key_terms() -> str:
    d = OPERATIONAL_DEFINITION
    return _page(
        "Key terms and definition",
        """
Box 1 explains three key terms, Box 2 gives the working definition of citizen data, para 9
separates two types of citizen contribution, and para 4 lists what the framework sets out to do.
""",
        "## Key terms (Box 1)\n\n" + _items(KeyTerm),
        "### Other names for citizen data\n\nBox 1 lists these related terms (here in alphabetical "
        'order), which "citizen data" gathers under one name:\n\n'
        + "\n".join(f"- {s}" for s in CITIZEN_DATA_SYNONYMS)
        + "\n",
        f"## Operational definition (Box 2)\n\n{d.summary} ({_cites(d)})\n",
        "## Two types of citizen contribution (para 9)\n\n"
        + _items(
            ContributionType,
            [
                (
                    "Framework's focus",
                    lambda c: "yes" if c.is_focus else "no",
                )
            ],
            number=True,
        ),
        "## Aims of the framework (para 4)\n\n"
        + _table(
            ["Letter", "Title and key", "Summary"],
            [(f"({a.letter})", _named(a), a.summary) for a in FrameworkAim],
        ),
        "## Example\n\n"
        + _code(
            """
from copenhagen.framework import CITIZEN_DATA_SYNONYMS, ContributionType, KeyTerm

print(KeyTerm.CITIZEN.summary)
print(len(CITIZEN_DATA_SYNONYMS), [c.key for c in ContributionType if c.is_focus])
"""
        ),
    )


_PAGES: dict[str, Callable[[], str]] = {
    "concepts/index.md": _index,
    "concepts/value-chain.md": _value_chain,
    "concepts/gsbpm.md": _gsbpm,
    "concepts/objectives.md": _objectives,
    "concepts/actors.md": _actors,
    "concepts/modalities.md": _modalities,
    "concepts/table-1.md": _table_1,
    "concepts/official-statistics.md": _official,
    "concepts/enabling-environment.md": _environment,
    "concepts/roadmap.md": _roadmap,
    "concepts/participation.md": _participation,
    "concepts/key-terms.md": _key_terms,
    "concepts/impacts-and-challenges.md": _impacts_and_challenges,
    "concepts/consultations.md": _consultations,
}


def pages() -> dict[str, str]:
    """Every Concepts page: path under ``docs/`` -> markdown."""
    return {path: build() for path, build in _PAGES.items()}


def main() -> None:
    """Write the pages into the docs build (called by mkdocs-gen-files)."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as f:
            f.write(text)


if __name__ == "<run_path>":  # how mkdocs-gen-files runs its scripts
    main()
