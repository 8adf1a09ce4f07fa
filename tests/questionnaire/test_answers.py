"""Answers become a document with no rule of their own, and a document becomes answers again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from copenhagen import Initiative, dump_initiative, load_initiative
from copenhagen.documents import document_errors
from copenhagen.questionnaire import answer_field, form_values, question, read_answers
from copenhagen.strategies import initiatives

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def _typed(initiative: Initiative) -> bool:
    # A blank answer is "don't know", and browsers send text areas with CRLF line ends.
    name_ok = bool(initiative.name.strip())
    text = initiative.description
    return name_ok and (text is None or (bool(text.strip()) and "\r" not in text))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_an_example_comes_back_from_its_answers(path: Path) -> None:
    document = dump_initiative(load_initiative(path))
    reading = read_answers(form_values(document))
    assert reading.problems == ()
    assert reading.document == document


@given(initiatives())
def test_any_initiative_comes_back_from_its_answers(initiative: Initiative) -> None:
    if not _typed(initiative):
        return
    document = dump_initiative(initiative)
    reading = read_answers(form_values(document))
    assert reading.problems == ()
    assert load_initiative(reading.document) == initiative


def form(**answers: Any) -> dict[str, list[str]]:
    return {key.replace("__", "."): v if isinstance(v, list) else [v] for key, v in answers.items()}


def test_dont_know_leaves_every_key_out() -> None:
    reading = read_answers(form(name="X", initiated_by=["cso"]))
    assert reading.document == {"name": "X", "initiated_by": ["cso"]}
    assert "engaged_stages" in reading.dont_know
    assert "meaningful_engagement" in reading.dont_know


def test_none_of_these_is_an_empty_list() -> None:
    stages = question("engaged_stages")
    reading = read_answers({"name": ["X"], "initiated_by": ["nso"], answer_field(stages): ["none"]})
    assert reading.document["engaged_stages"] == []


def test_ticking_options_answers_even_if_the_radio_says_dont_know() -> None:
    stages = question("engaged_stages")
    answers = {"engaged_stages": ["design"], answer_field(stages): ["dont_know"]}
    assert read_answers(answers).document["engaged_stages"] == ["design"]


def test_none_with_ticks_is_a_contradiction_and_nothing_is_guessed() -> None:
    stages = question("engaged_stages")
    answers = {"name": ["X"], "engaged_stages": ["design"], answer_field(stages): ["none"]}
    reading = read_answers(answers)
    assert "engaged_stages" not in reading.document
    assert [path for path, _ in reading.problems] == ["engaged_stages"]


def test_chosen_without_ticks_is_a_problem() -> None:
    answers = {answer_field(question("partners")): ["chosen"]}
    assert [p for p, _ in read_answers(answers).problems] == ["partners"]


def test_a_tampered_value_reaches_the_loader_as_given() -> None:
    # The questionnaire has no rules of its own: the library's loader judges the value.
    reading = read_answers(form(name="X", initiated_by=["alien"], meaningful_engagement="maybe"))
    assert reading.document["initiated_by"] == ["alien"]
    assert reading.document["meaningful_engagement"] == "maybe"
    paths = [path for path, _ in document_errors(reading.document)]
    assert paths == ["initiated_by[0]", "meaningful_engagement"]


def test_yes_and_no_are_booleans() -> None:
    answers = form(quality_assured="true", integrated_into_official_statistics="false")
    reading = read_answers(answers)
    assert reading.document["quality_assured"] is True
    assert reading.document["integrated_into_official_statistics"] is False


def test_mapping_entries_are_gathered_under_their_key() -> None:
    reading = read_answers(
        form(principles__informed_consent="met", practices__secure_storage="false")
    )
    assert reading.document["principles"] == {"informed_consent": "met"}
    assert reading.document["practices"] == {"secure_storage": False}


def test_text_is_kept_as_typed_and_a_blank_answer_is_dont_know() -> None:
    reading = read_answers(form(name="  Beach  ", description="a\r\nb", country="   "))
    assert reading.document["name"] == "  Beach  "
    assert reading.document["description"] == "a\nb"
    assert "country" not in reading.document


def test_extra_is_kept_exactly_and_damage_is_reported() -> None:
    document = {"name": "X", "initiated_by": ["cso"], "extra": {"b": [1, {"c": None}], "a": "é"}}
    assert read_answers(form_values(document)).document == document
    damaged = read_answers({"extra": ["{not json"]})
    assert [p for p, _ in damaged.problems] == ["extra"]
