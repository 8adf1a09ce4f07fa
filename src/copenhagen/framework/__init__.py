"""The Copenhagen Framework on Citizen Data as cited, immutable data. No decisions live here.

Every enumerable part of the framework is an enum whose members expose their catalogue entry's
fields (``Principle.INFORMED_CONSENT.title``, ``.summary``, ``.citations``, ``.key``, ``.number``)
and look-ups (``Stage.from_key("design")``, ``Modality.from_number(3)``); ``catalogue()`` lists
every part in order.

The enums the model and the rules need are imported eagerly; the rest of the catalogue (GSBPM,
identity, key terms, enabling environment, citations, the registry) loads on first use, to keep
``import copenhagen`` fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from copenhagen.framework._catalogue import CatalogueItem, CatalogueMember, Entry
from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE, Actor, Side
from copenhagen.framework.modalities import (
    OUT_OF_SCOPE_CASE,
    TABLE_1,
    Modality,
    ModalityEntry,
    ModalityGroup,
    Table1Cell,
    Table1Column,
    table1_cells,
    table1_cells_for,
)
from copenhagen.framework.objectives import Objective
from copenhagen.framework.official import (
    NSOCategory,
    NSOCategoryEntry,
    NSOGain,
    NSORole,
    NSORoleEntry,
)
from copenhagen.framework.participation import (
    ParticipationAspect,
    ParticipationDimension,
    ParticipationLevel,
)
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import (
    PRINCIPLES_IMPLEMENTATION,
    ExternalStandard,
    Principle,
    PrincipleEntry,
)
from copenhagen.framework.stages import DesignElement, DesignElementEntry, Stage

if TYPE_CHECKING:
    from copenhagen.framework._registry import (
        CataloguePart,
        catalogue,
        catalogue_part,
        catalogue_parts,
    )
    from copenhagen.framework.citations import ANCHORS, ANNEX, Citation, is_anchor, parse_citation
    from copenhagen.framework.consultations import ConsultationProcess, ConsultationProcessEntry
    from copenhagen.framework.environment import (
        EnablingElement,
        EnablingElementEntry,
        RoadmapArea,
    )
    from copenhagen.framework.gsbpm import (
        GSBPM_SOURCE,
        GSBPM_SUBPROCESSES,
        GSBPMPhase,
        GSBPMSubProcess,
    )
    from copenhagen.framework.identity import (
        FRAMEWORK,
        FrameworkAim,
        FrameworkAimEntry,
        FrameworkIdentity,
        Section,
    )
    from copenhagen.framework.rationale import Challenge, Impact
    from copenhagen.framework.terms import (
        CITIZEN_DATA_SYNONYMS,
        OPERATIONAL_DEFINITION,
        ContributionType,
        KeyTerm,
    )

__all__ = [
    "ANCHORS",
    "ANNEX",
    "CITIZEN_DATA_SYNONYMS",
    "CITIZEN_SIDE",
    "FRAMEWORK",
    "GSBPM_SOURCE",
    "GSBPM_SUBPROCESSES",
    "OPERATIONAL_DEFINITION",
    "OTHER_SIDE",
    "OUT_OF_SCOPE_CASE",
    "PRINCIPLES_IMPLEMENTATION",
    "STATE_SIDE",
    "TABLE_1",
    "Actor",
    "CatalogueItem",
    "CatalogueMember",
    "CataloguePart",
    "Challenge",
    "Citation",
    "ConsultationProcess",
    "ConsultationProcessEntry",
    "ContributionType",
    "DesignElement",
    "DesignElementEntry",
    "EnablingElement",
    "EnablingElementEntry",
    "Entry",
    "ExternalStandard",
    "FrameworkAim",
    "FrameworkAimEntry",
    "FrameworkIdentity",
    "GSBPMPhase",
    "GSBPMSubProcess",
    "Impact",
    "KeyTerm",
    "Modality",
    "ModalityEntry",
    "ModalityGroup",
    "NSOCategory",
    "NSOCategoryEntry",
    "NSOGain",
    "NSORole",
    "NSORoleEntry",
    "Objective",
    "ParticipationAspect",
    "ParticipationDimension",
    "ParticipationLevel",
    "Practice",
    "Principle",
    "PrincipleEntry",
    "RoadmapArea",
    "Section",
    "Side",
    "Stage",
    "Table1Cell",
    "Table1Column",
    "catalogue",
    "catalogue_part",
    "catalogue_parts",
    "is_anchor",
    "parse_citation",
    "table1_cells",
    "table1_cells_for",
]


# Where each lazily imported name lives.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("CataloguePart", "catalogue", "catalogue_part", "catalogue_parts"),
        "copenhagen.framework._registry",
    ),
    **dict.fromkeys(
        ("ANCHORS", "ANNEX", "Citation", "is_anchor", "parse_citation"),
        "copenhagen.framework.citations",
    ),
    **dict.fromkeys(
        ("ConsultationProcess", "ConsultationProcessEntry"), "copenhagen.framework.consultations"
    ),
    **dict.fromkeys(("Challenge", "Impact"), "copenhagen.framework.rationale"),
    **dict.fromkeys(
        ("EnablingElement", "EnablingElementEntry", "RoadmapArea"),
        "copenhagen.framework.environment",
    ),
    **dict.fromkeys(
        ("GSBPM_SOURCE", "GSBPM_SUBPROCESSES", "GSBPMPhase", "GSBPMSubProcess"),
        "copenhagen.framework.gsbpm",
    ),
    **dict.fromkeys(
        ("FRAMEWORK", "FrameworkAim", "FrameworkAimEntry", "FrameworkIdentity", "Section"),
        "copenhagen.framework.identity",
    ),
    **dict.fromkeys(
        ("CITIZEN_DATA_SYNONYMS", "OPERATIONAL_DEFINITION", "ContributionType", "KeyTerm"),
        "copenhagen.framework.terms",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'copenhagen.framework' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
