"""copenhagen: a Python library for the Copenhagen Framework on Citizen Data, version 1.0.

The framework's parts are typed, cited enums (`Stage`, `Actor`, `Modality`, `Objective`,
`Principle`, `NSOCategory`); an `Initiative` is loaded from a document with `load_initiative`
and assessed with `assess`, whose decisions explain themselves with cited traces.

Only the enums and the model are imported eagerly; everything that needs cattrs, networkx or
other heavier modules is imported the first time it is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from copenhagen._version import __version__
from copenhagen.framework import Actor, Modality, NSOCategory, Objective, Principle, Stage
from copenhagen.model import Decision, Initiative, Scope, Status, Step

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment, assessment_schema
    from copenhagen.assessor import (
        Assessor,
        assess,
        assess_principles,
        assess_scope,
        classify_modality,
        classify_nso_category,
    )
    from copenhagen.batch import assess_many
    from copenhagen.documents import (
        InvalidInitiativeError,
        dump_initiative,
        initiative_schema,
        load_initiative,
        load_initiatives,
    )
    from copenhagen.layers import InvalidLayerError, Layer, load_layer
    from copenhagen.principles import PrincipleAssessment, principle_graph
    from copenhagen.readings import diff

__all__ = [
    "Actor",
    "Assessment",
    "Assessor",
    "Decision",
    "Initiative",
    "InvalidInitiativeError",
    "InvalidLayerError",
    "Layer",
    "Modality",
    "NSOCategory",
    "Objective",
    "Principle",
    "PrincipleAssessment",
    "Scope",
    "Stage",
    "Status",
    "Step",
    "__version__",
    "assess",
    "assess_many",
    "assess_principles",
    "assess_scope",
    "assessment_schema",
    "classify_modality",
    "classify_nso_category",
    "diff",
    "dump_initiative",
    "initiative_schema",
    "load_initiative",
    "load_initiatives",
    "load_layer",
    "principle_graph",
]

# Where each lazily imported name lives.
_LAZY: dict[str, str] = {
    "Assessment": "copenhagen.assessment",
    "Assessor": "copenhagen.assessor",
    "InvalidLayerError": "copenhagen.layers",
    "Layer": "copenhagen.layers",
    "load_layer": "copenhagen.layers",
    "diff": "copenhagen.readings",
    "assess": "copenhagen.assessor",
    "assessment_schema": "copenhagen.assessment",
    "assess_many": "copenhagen.batch",
    "InvalidInitiativeError": "copenhagen.documents",
    "dump_initiative": "copenhagen.documents",
    "initiative_schema": "copenhagen.documents",
    "load_initiative": "copenhagen.documents",
    "load_initiatives": "copenhagen.documents",
    "PrincipleAssessment": "copenhagen.principles",
    "assess_principles": "copenhagen.assessor",
    "principle_graph": "copenhagen.principles",
    "assess_scope": "copenhagen.assessor",
    "classify_modality": "copenhagen.assessor",
    "classify_nso_category": "copenhagen.assessor",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'copenhagen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
