"""The six value-chain stages beside every sub-process of GSBPM v5.1 (para 12, footnote 4).

Para 12 maps each stage to GSBPM phases; every sub-process of a stage's phases is linked to the
stage, so each of the 44 appears at least once (phase 7 under two stages). How strongly each
corresponds is our reading of the stage's description in para 12 (register XW-8, XW-10); one link
goes beyond the phase map, where para 12 names release in a stage whose phase lacks it (XW-9).
The sub-processes are those of `copenhagen.framework.gsbpm`, not a second copy.
"""

from __future__ import annotations

from copenhagen.framework.crosswalks._model import (
    Crosswalk,
    CrosswalkLink,
    OutsideItem,
    OutsideStandard,
    Strength,
    ordered_links,
)
from copenhagen.framework.gsbpm import GSBPM_SUBPROCESSES, GSBPMPhase, GSBPMSubProcess
from copenhagen.framework.stages import Stage

__all__ = ["GSBPM", "GSBPM_CROSSWALK", "GSBPM_ITEMS"]

#: GSBPM v5.1 as published (footnote 4 gives its address).
GSBPM = OutsideStandard(
    key="gsbpm",
    title="Generic Statistical Business Process Model (GSBPM) v5.1",
    document="UNECE, Generic Statistical Business Process Model (GSBPM) v5.1, January 2019",
    address="https://unece.org/statistics/documents/2019/01/standards/gsbpm-v51",
    citations=("para 12", "footnote 4"),
)


def _item(sub: GSBPMSubProcess) -> OutsideItem:
    return OutsideItem(GSBPM, sub.code, sub.name, sub.summary, f"sub-process {sub.code}")


#: Every sub-process, in code order.
GSBPM_ITEMS: tuple[OutsideItem, ...] = tuple(_item(sub) for sub in GSBPM_SUBPROCESSES)

OVER, REL = Strength.OVERLAPS, Strength.RELATED
S = Stage
_MAP = ("para 12", "footnote 4")
_BUILD = "Configuring, testing and finalising the production system supports collection work."

# Every sub-process of each stage's phases (para 12): code, strength, reason. `_links` checks
# that none is missing or extra. Related links are judgements of register XW-8; phase 7's
# links, read under two stages, of XW-10.
_JUDGED: dict[Stage, tuple[tuple[str, Strength, str], ...]] = {
    S.DESIGN: (
        ("1.1", OVER, "Working out what data are needed is design element (a)."),
        ("1.2", OVER, "Confirming needs with those concerned is part of element (a)."),
        ("1.3", OVER, "Setting what the outputs must achieve defines objectives, (a)."),
        ("1.4", OVER, "Pinning down concepts is part of defining the data needed, (a)."),
        ("1.5", OVER, "Checking which data exist already is part of element (a)."),
        ("1.6", REL, "A business case is none of the design elements (a)-(d)."),
        ("2.1", OVER, "Designing outputs settles how the data will be used, element (d)."),
        ("2.2", OVER, "Designing the variables is part of the collection method, (c)."),
        ("2.3", OVER, "Designing the collection is choosing its methods, element (c)."),
        ("2.4", OVER, "Designing frame and sample is part of the collection method, (c)."),
        ("2.5", REL, "Designing processing and analysis goes beyond element (c)."),
        ("2.6", REL, "Designing production systems is none of the elements (a)-(d)."),
    ),
    S.COLLECTION: (
        ("3.1", OVER, "Building collection instruments readies the collection."),
        ("3.2", REL, "Building processing components serves a later stage."),
        ("3.3", REL, "Building dissemination components serves a later stage."),
        ("3.4", REL, _BUILD),
        ("3.5", REL, _BUILD),
        ("3.6", REL, _BUILD),
        ("3.7", REL, _BUILD),
        ("4.1", OVER, "Drawing the sample is part of running the collection."),
        ("4.2", OVER, "Setting the collection up is part of its operations."),
        ("4.3", OVER, "Running the collection is the core of this stage."),
        ("4.4", OVER, "Closing the collection off is part of its operations."),
    ),
    S.PROCESSING: (
        ("5.1", OVER, "Integrating the data is part of their first processing."),
        ("5.2", OVER, "Classifying and coding is part of first processing."),
        ("5.3", OVER, "Reviewing and validating is the validation this stage names."),
        ("5.4", OVER, "Editing and imputing is part of first processing."),
        ("5.5", OVER, "Deriving variables and units is part of first processing."),
        ("5.6", OVER, "Calculating weights is part of first processing."),
        ("5.7", OVER, "Calculating aggregates is part of first processing."),
        ("5.8", OVER, "Finalising the data files ends first processing."),
    ),
    S.ANALYSIS: (
        ("6.1", OVER, "Preparing draft outputs is part of the analysis."),
        ("6.2", OVER, "Validating outputs is part of the analysis."),
        ("6.3", OVER, "Interpreting and explaining outputs is the analysis itself."),
        ("6.4", OVER, "Disclosure control readies the analysis for dissemination."),
        ("6.5", OVER, "Finalising outputs closes the analysis."),
        ("7.1", OVER, "Readying output systems is part of disseminating."),
        ("7.2", OVER, "Producing dissemination products is disseminating."),
        ("7.3", OVER, "Releasing the products is part of disseminating."),
        ("7.4", REL, "Promoting products reaches users: uptake work more than this."),
        ("7.5", REL, "Supporting users is connecting with them: uptake work."),
    ),
    S.UPTAKE: (
        ("7.1", REL, "Readying output systems comes before uptake."),
        ("7.2", REL, "Products are what users take up; making them is dissemination."),
        ("7.3", REL, "Release makes uptake possible without being uptake."),
        ("7.4", OVER, "Promoting products encourages their use, as uptake asks."),
        ("7.5", OVER, "Supporting users is connecting with them, as uptake asks."),
    ),
    S.REVIEW: (
        ("8.1", OVER, "Gathering evaluation inputs, feedback among them, is review work."),
        ("8.2", OVER, "Evaluating how the process went overlaps reviewing its impact."),
        ("8.3", OVER, "Agreeing improvements for the next round is the review's aim in Table 1."),
    ),
}

# Citations beyond para 12 and footnote 4 for some links.
_MORE_CITES: dict[tuple[Stage, str], tuple[str, ...]] = {(S.REVIEW, "8.3"): ("Table 1",)}

# Links beyond para 12's phase map (register XW-9): stage, code, reason; all related.
_BEYOND: tuple[tuple[Stage, str, str], ...] = (
    (
        S.PROCESSING,
        "7.3",
        "Para 12 names release in this stage; GSBPM places release in the Disseminate phase.",
    ),
)


def _register(code: str, strength: Strength) -> str | None:
    if code.startswith("7."):
        return "XW-10"
    return "XW-8" if strength is Strength.RELATED else None


def _links() -> tuple[CrosswalkLink, ...]:
    by_code = {item.key: item for item in GSBPM_ITEMS}
    expected = {
        (stage, sub.code)
        for stage in Stage
        for phase in stage.gsbpm_phases
        for sub in GSBPMPhase(phase).subprocesses
    }
    judged = {(stage, code) for stage, rows in _JUDGED.items() for code, _, _ in rows}
    if judged != expected:  # para 12's map exactly: no sub-process forgotten, none invented
        raise ValueError(f"GSBPM links out of step with para 12: {sorted(judged ^ expected)}")
    links = [
        CrosswalkLink(
            stage,
            by_code[code],
            strength,
            reason,
            (*_MAP, *_MORE_CITES.get((stage, code), ())),
            _register(code, strength),
        )
        for stage, rows in _JUDGED.items()
        for code, strength, reason in rows
    ]
    links += [
        CrosswalkLink(stage, by_code[code], REL, reason, ("para 12",), "XW-9")
        for stage, code, reason in _BEYOND
    ]
    return ordered_links(links, GSBPM_ITEMS)


#: The stages beside GSBPM v5.1.
GSBPM_CROSSWALK = Crosswalk(
    standard=GSBPM,
    title="Value-chain stages and GSBPM v5.1 sub-processes",
    summary=(
        "Para 12 maps each of the six stages to GSBPM phases. Every sub-process of a stage's "
        "phases is linked to that stage: it overlaps the stage where the stage's description "
        "covers it and is related where it only serves it (register XW-8); phase 7 is read "
        "under both analysis and uptake (XW-10)."
    ),
    items=GSBPM_ITEMS,
    links=_links(),
)
