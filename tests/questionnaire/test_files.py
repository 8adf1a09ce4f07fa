"""Documents and reports as files: they load back, and file names are safe."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given

from copenhagen import Initiative, dump_initiative, load_initiative
from copenhagen.documents.parsing import parse_yaml
from copenhagen.questionnaire.files import document_text, file_stem, report_text
from copenhagen.strategies import initiatives


@given(initiatives())
def test_both_formats_load_back_to_the_same_initiative(initiative: Initiative) -> None:
    document = dump_initiative(initiative)
    assert load_initiative(json.loads(document_text(document, "json"))) == initiative
    assert load_initiative(parse_yaml(document_text(document, "yaml"))) == initiative


def test_strings_yaml_1_1_would_read_as_booleans_stay_strings() -> None:
    document = {"name": "yes", "initiated_by": ["cso"], "country": "NO", "description": "off"}
    text = document_text(document, "yaml")
    assert load_initiative(parse_yaml(text)).country == "NO"
    assert yaml.safe_load(text)["name"] == "yes"  # even a YAML 1.1 reader keeps them


@pytest.mark.parametrize("text", ["0E0", "1e3", "-2E+5", "0o17", "0x1F"])
def test_strings_yaml_1_2_would_read_as_numbers_stay_strings(text: str) -> None:
    # The library reads YAML as YAML 1.2 does (register SEC-4), where "0E0" is a number.
    document = {"name": text, "initiated_by": ["cso"], "extra": {text: text}}
    loaded = load_initiative(parse_yaml(document_text(document, "yaml")))
    assert loaded.name == text
    assert dict(loaded.extra) == {text: text}


def test_file_stems_are_safe() -> None:
    assert file_stem("Beach litter (Ghana) 2024!") == "beach-litter-ghana-2024"
    assert file_stem("../../etc/passwd") == "etc-passwd"
    assert file_stem("<script>") == "script"
    assert file_stem("日本") == "initiative"
    assert len(file_stem("x" * 500)) == 60


def test_unknown_formats_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown document format"):
        document_text({}, "xml")
    with pytest.raises(ValueError, match="unknown report format"):
        report_text({}, "pdf")
