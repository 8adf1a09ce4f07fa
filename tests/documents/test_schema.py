"""The JSON Schema agrees with the loader, both ways, and documents every allowed value."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from copenhagen import Actor, Initiative, Principle, initiative_schema
from copenhagen.documents import document_errors
from copenhagen.framework import Objective, ParticipationAspect, Practice, Stage
from copenhagen.strategies import documents, invalid_documents

SCHEMA = initiative_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
WORDS = st.sampled_from(["cso", "met", "KE", "", "design", "4", "openness", "high", "extent"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 20) | st.floats(allow_nan=False) | WORDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORDS, inner, max_size=3),
    max_leaves=6,
)


def as_json(document: Any) -> Any:
    """What a JSON file would hold: keys become strings."""
    return json.loads(json.dumps(document))


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["additionalProperties"] is False
    assert SCHEMA["required"] == ["name", "initiated_by"]


def test_schema_keys_are_the_model_fields() -> None:
    assert list(SCHEMA["properties"]) == [f.name for f in attrs.fields(Initiative)]
    for key, prop in SCHEMA["properties"].items():
        assert prop["title"], key
        assert prop["description"], key


@pytest.mark.parametrize(
    ("name", "enum"),
    [
        ("actor", Actor),
        ("objective", Objective),
        ("stage", Stage),
        ("practice", Practice),
        ("participation_aspect", ParticipationAspect),
    ],
)
def test_allowed_values_carry_their_meanings(name: str, enum: Any) -> None:
    definition = SCHEMA["$defs"][name]
    assert definition["enum"] == [m.value for m in enum]
    assert [c["const"] for c in definition["oneOf"]] == [m.value for m in enum]
    for choice, member in zip(definition["oneOf"], enum, strict=True):
        assert choice["title"] == member.title
        assert choice["description"] == member.summary
        assert choice["title"]
        assert choice["description"]


def test_principles_by_name_or_number_but_not_both() -> None:
    principles = SCHEMA["properties"]["principles"]["anyOf"][0]
    names = [p.name.lower() for p in Principle]
    assert principles["propertyNames"]["enum"] == names + [str(p.value) for p in Principle]
    assert list(principles["properties"]) == names
    base = {"name": "x", "initiated_by": ["cso"]}
    assert VALIDATOR.is_valid({**base, "principles": {"informed_consent": "met", "9": "partial"}})
    assert not VALIDATOR.is_valid({**base, "principles": {"informed_consent": "met", "4": "met"}})


def test_unknown_key_is_rejected() -> None:
    assert not VALIDATOR.is_valid({"name": "x", "initiated_by": ["cso"], "partnrs": []})


@given(documents())
def test_every_valid_document_validates(document: dict[str, Any]) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(as_json(document))]
    assert errors == []


@given(invalid_documents())
def test_every_invalid_document_is_rejected_by_both(case: tuple[dict[str, Any], str]) -> None:
    document = as_json(case[0])
    assert document_errors(document)
    assert not VALIDATOR.is_valid(document)


@settings(max_examples=max(settings.default.max_examples, 200))
@given(
    documents(), st.lists(st.tuples(st.sampled_from(list(SCHEMA["properties"])), JSON), max_size=3)
)
def test_schema_and_loader_agree_on_near_valid_documents(
    document: dict[str, Any], changes: list[tuple[str, Any]]
) -> None:
    document.update(changes)
    document = as_json(document)
    schema_accepts = VALIDATOR.is_valid(document)
    loader_accepts = not document_errors(document)
    # The promise: whatever the schema rejects, the loader rejects too (and here, conversely).
    assert schema_accepts == loader_accepts, (document, document_errors(document))


def test_generated_schema_page() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "docs" / "gen" / "schema.py"
    spec = importlib.util.spec_from_file_location("gen_schema", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = module.pages()["schema.md"]
    for key in SCHEMA["properties"]:
        assert f"| `{key}` |" in page
    for actor in Actor:
        assert f"| `{actor.value}` | {actor.title} |" in page
    assert json.dumps(SCHEMA, indent=2, ensure_ascii=False) in page
