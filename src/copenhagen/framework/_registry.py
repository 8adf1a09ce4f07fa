"""One ordered registry of every part of the catalogue, for the command line and the docs."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from copenhagen.framework._catalogue import CatalogueItem
from copenhagen.framework.actors import Actor
from copenhagen.framework.citations import ANNEX, FOOTNOTES
from copenhagen.framework.consultations import ConsultationProcess
from copenhagen.framework.environment import EnablingElement, RoadmapArea
from copenhagen.framework.gsbpm import GSBPM_SUBPROCESSES, GSBPMPhase
from copenhagen.framework.identity import FRAMEWORK, FrameworkAim
from copenhagen.framework.modalities import (
    OUT_OF_SCOPE_CASE,
    TABLE_1,
    Modality,
    ModalityGroup,
    Table1Column,
)
from copenhagen.framework.objectives import Objective
from copenhagen.framework.official import NSOCategory, NSOGain, NSORole
from copenhagen.framework.participation import ParticipationAspect, ParticipationDimension
from copenhagen.framework.principles import PRINCIPLES_IMPLEMENTATION, ExternalStandard, Principle
from copenhagen.framework.rationale import Challenge, Impact
from copenhagen.framework.stages import DesignElement, Stage
from copenhagen.framework.terms import OPERATIONAL_DEFINITION, ContributionType, KeyTerm

__all__ = ["CataloguePart", "catalogue", "catalogue_part", "catalogue_parts"]


@attrs.frozen(slots=True)
class CataloguePart:
    """One part of the catalogue: a named, cited, ordered tuple of items.

    Attributes:
        name: Stable identifier of the part, e.g. ``"stages"``.
        title: A heading for the part.
        citations: Where the framework sets the part out.
        items: The part's items in the framework's order; each has ``key``, ``number``,
            ``title``, ``summary`` and ``citations``.
    """

    name: str
    title: str
    citations: tuple[str, ...]
    items: tuple[CatalogueItem, ...]


_FOOTNOTE_ANCHORS = tuple(f"footnote {n}" for n in range(1, FOOTNOTES + 1))


@functools.cache
def catalogue_parts() -> tuple[CataloguePart, ...]:
    """Every part of the catalogue, in the order of the framework text."""
    p = CataloguePart
    return (
        p("impacts", "Impacts of citizen contributions", ("para 1",), tuple(Impact)),
        p("challenges", "Challenges to citizen contributions", ("para 3",), tuple(Challenge)),
        p("framework_aims", "Aims of the framework", ("para 4",), tuple(FrameworkAim)),
        p("sections", "Chapters and sections", ("paras 1-45",), FRAMEWORK.sections),
        p("boxes", "Boxes", ("Box 1", "Box 2"), FRAMEWORK.boxes),
        p("tables", "Tables", ("Table 1",), FRAMEWORK.tables),
        p("footnotes", "Footnotes", _FOOTNOTE_ANCHORS, FRAMEWORK.footnotes),
        p("key_terms", "Key terms", ("Box 1",), tuple(KeyTerm)),
        p("contribution_types", "Types of contribution", ("para 9",), tuple(ContributionType)),
        p("definition", "Operational definition", ("Box 2", "para 10"), (OPERATIONAL_DEFINITION,)),
        p(
            "participation_dimensions",
            "Dimensions of participation",
            ("para 11",),
            tuple(ParticipationDimension),
        ),
        p(
            "participation_aspects",
            "Aspects of participation",
            ("para 11",),
            tuple(ParticipationAspect),
        ),
        p("stages", "Stages of the data value chain", ("para 12",), tuple(Stage)),
        p("design_elements", "Design-stage elements", ("para 12",), tuple(DesignElement)),
        p("gsbpm_phases", "GSBPM v5.1 phases", ("footnote 4",), tuple(GSBPMPhase)),
        p("gsbpm_subprocesses", "GSBPM v5.1 sub-processes", ("footnote 4",), GSBPM_SUBPROCESSES),
        p("objectives", "Objectives of citizen data", ("para 14",), tuple(Objective)),
        p("actors", "Actors", ("Box 1", "para 2", "para 15"), tuple(Actor)),
        p("modalities", "Collaboration modalities", ("para 15",), tuple(Modality)),
        p("out_of_scope", "Outside the framework", ("para 15",), (OUT_OF_SCOPE_CASE,)),
        p("modality_groups", "Groups of modalities", ("para 16",), tuple(ModalityGroup)),
        p("table_1_columns", "Table 1 columns", ("Table 1",), tuple(Table1Column)),
        p("table_1", "Table 1 cells", ("Table 1",), TABLE_1),
        p("principles", "Principles", ("paras 17-31",), tuple(Principle)),
        p(
            "principles_implementation",
            "Implementing the principles",
            ("para 18",),
            (PRINCIPLES_IMPLEMENTATION,),
        ),
        p(
            "external_standards",
            "Standards the principles draw on",
            ("para 17", "para 23"),
            tuple(ExternalStandard),
        ),
        p("nso_categories", "Categories of citizen data", ("para 32",), tuple(NSOCategory)),
        p("nso_roles", "Roles of NSOs", ("para 34",), tuple(NSORole)),
        p("nso_gains", "What NSOs gain", ("para 35",), tuple(NSOGain)),
        p(
            "enabling_elements",
            "Elements of an enabling environment",
            ("paras 36-44",),
            tuple(EnablingElement),
        ),
        p("roadmap_areas", "Roadmap areas", ("para 45",), tuple(RoadmapArea)),
        p(
            "consultation_processes",
            "Consultation processes",
            (ANNEX,),
            tuple(ConsultationProcess),
        ),
    )


@functools.cache
def catalogue() -> Mapping[str, tuple[CatalogueItem, ...]]:
    """The whole catalogue: part name -> the part's items, in the framework's order.

    Examples:
        >>> from copenhagen.framework import catalogue
        >>> stages = catalogue()["stages"]
        >>> stages[0].key
        'design'
    """
    return MappingProxyType({part.name: part.items for part in catalogue_parts()})


def catalogue_part(name: str) -> CataloguePart:
    """The part called ``name``.

    Raises:
        KeyError: If there is no such part; the message lists the part names.
    """
    for part in catalogue_parts():
        if part.name == name:
            return part
    allowed = ", ".join(p.name for p in catalogue_parts())
    raise KeyError(f"the catalogue has no part {name!r}; allowed: {allowed}")
