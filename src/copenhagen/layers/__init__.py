"""Rule layers: national or project readings of the framework, on top of the shipped rules.

NSOs localise the framework (para 45) and researchers compare readings of it; a layer says what
a reading changes in the scope, modality and NSO category rule sets (contract section 5). A
`Layer` is built in Python from engine rules, or read from a YAML or JSON document with
`load_layer`, which turns the document's conditions into the engine's own condition objects
(never code) and reports every problem at once (`InvalidLayerError`). `copenhagen.Assessor`
applies layers in order; `layer_schema` is the document format's JSON Schema.
"""

from __future__ import annotations

from copenhagen.layers.errors import InvalidLayerError
from copenhagen.layers.loading import load_layer
from copenhagen.layers.model import Layer, Part, rule_document
from copenhagen.layers.schema import layer_schema

__all__ = ["InvalidLayerError", "Layer", "Part", "layer_schema", "load_layer", "rule_document"]
