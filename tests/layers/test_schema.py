"""The layer format's JSON Schema: valid draft 2020-12, and in step with what the loader takes."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from copenhagen import InvalidLayerError, load_layer
from copenhagen.layers import layer_schema

from .test_semantics import SHIPPED, layers

ROOT = Path(__file__).resolve().parents[2]
LAYER_FILES = [
    ROOT / "examples" / "readings" / "private-sector-design.yaml",
    ROOT / "tests" / "layers" / "shipped-restated.yaml",
]
VALIDATOR = jsonschema.Draft202012Validator(layer_schema())


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(layer_schema())
    assert layer_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert layer_schema() is not layer_schema()  # a fresh copy each call


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.name)
def test_the_example_layers_validate(path: Path) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(VALIDATOR.iter_errors(document)) == []
    load_layer(path)


def _guide_layers() -> list[Any]:
    """Every YAML block of the guide that is a layer (has an id, a title and a part)."""
    import re

    text = (ROOT / "docs" / "guides" / "national-reading.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and "title" in data and "id" in data:
            found.append(data)
    return found


def test_the_guide_s_layers_validate_and_load() -> None:
    found = _guide_layers()
    assert found
    for document in found:
        assert list(VALIDATOR.iter_errors(document)) == []
        load_layer(document)


def _bad(change: str) -> dict[str, Any]:
    document = copy.deepcopy(yaml.safe_load(LAYER_FILES[0].read_text(encoding="utf-8")))
    rule = document["scope"]["add"][0]
    if change == "unknown key":
        document["titel"] = "x"
    elif change == "bad actor":
        rule["when"] = {"has": {"initiated_by": ["privat_sector"]}}
    elif change == "outcome of another decision":
        rule["then"] = "civic_action"
    elif change == "wrong operator":
        rule["when"] = {"is": {"partners": True}}
    elif change == "decided in scope":
        rule["when"] = {"decided": {"scope": "in_scope"}}
    elif change == "not an anchor":
        rule["cite"] = "para15"
    elif change == "two operators":
        rule["when"] = {"empty": "partners", "is": {"quality_assured": True}}
    elif change == "otherwise without provided":
        rule["otherwise"] = "in_scope"
    elif change == "no part":
        del document["scope"]
    elif change == "bad id":
        document["id"] = "Upper Case"
    return document


@pytest.mark.parametrize(
    "change",
    [
        "unknown key",
        "bad actor",
        "outcome of another decision",
        "wrong operator",
        "decided in scope",
        "not an anchor",
        "two operators",
        "otherwise without provided",
        "no part",
        "bad id",
    ],
)
def test_bad_layers_are_refused_by_the_schema_and_the_loader(change: str) -> None:
    document = _bad(change)
    assert list(VALIDATOR.iter_errors(document)), change
    with pytest.raises(InvalidLayerError):
        load_layer(document)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers())
def test_every_layer_the_loader_takes_validates(document: dict[str, Any]) -> None:
    load_layer(copy.deepcopy(document))
    assert list(VALIDATOR.iter_errors(document)) == []


def test_the_restated_shipped_rules_are_in_the_schema_s_terms() -> None:
    assert set(SHIPPED) <= set(layer_schema()["properties"])
