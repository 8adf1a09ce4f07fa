"""The questions come from the schema and the catalogue: every key, every value, every citation."""

from __future__ import annotations

import pytest

from copenhagen import Actor, Objective, Principle, Stage, initiative_schema
from copenhagen.framework import ParticipationAspect, Practice, is_anchor
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.questionnaire import Widget, question, questions, sections
from copenhagen.questionnaire.questions import PROMPTS, asked_keys, kept_keys, mapping_keys

SCHEMA = initiative_schema()


def test_every_document_key_is_asked_or_kept() -> None:
    assert set(asked_keys()) | set(kept_keys()) == set(DOCUMENT_KEYS)
    assert set(SCHEMA["properties"]) == set(DOCUMENT_KEYS)


def test_each_prompt_belongs_to_a_question_and_each_plain_key_has_one() -> None:
    plain = set(asked_keys()) - set(mapping_keys())
    assert set(PROMPTS) == plain


def test_question_keys_are_unique_and_ids_are_html_safe() -> None:
    keys = [q.key for q in questions()]
    assert len(keys) == len(set(keys))
    for q in questions():
        assert q.field_id.replace("-", "").replace("_", "").isalnum()


@pytest.mark.parametrize(
    ("key", "enum"),
    [
        ("initiated_by", Actor),
        ("partners", Actor),
        ("funders", Actor),
        ("objectives", Objective),
        ("engaged_stages", Stage),
    ],
)
def test_list_questions_offer_every_member_with_the_schema_title(key: str, enum: type) -> None:
    q = question(key)
    assert q.widget is Widget.CHECKBOXES
    assert [c.value for c in q.choices] == [m.value for m in enum]
    definition = SCHEMA["properties"][key]
    assert q.title == definition["title"]
    assert q.help == definition["description"]
    for choice, member in zip(q.choices, enum, strict=True):
        assert choice.citations == member.citations
        assert choice.label == member.title


def test_mapping_questions_cover_every_principle_practice_and_aspect() -> None:
    assert {f"principles.{p.name.lower()}" for p in Principle} <= {q.key for q in questions()}
    assert {f"practices.{p.value}" for p in Practice} <= {q.key for q in questions()}
    assert {f"participation.{a.value}" for a in ParticipationAspect} <= {q.key for q in questions()}
    statuses = SCHEMA["$defs"]["status"]["enum"]
    assert [c.value for c in question("principles.informed_consent").choices] == statuses


def test_only_required_lists_refuse_none() -> None:
    assert not question("initiated_by").none_allowed
    assert question("initiated_by").required
    assert question("engaged_stages").none_allowed


def test_every_framework_question_cites_valid_anchors() -> None:
    uncited = {"name", "description", "country", "funders"}  # the text says nothing of these
    for q in questions():
        assert all(is_anchor(c) for c in q.citations), q.key
        if q.key not in uncited:
            assert q.citations, f"{q.key} has no citation"
        assert q.prompt
        assert q.help
    for section in sections():
        assert all(is_anchor(c) for c in section.citations)


def test_extra_citations_leave_out_what_the_help_names() -> None:
    q = question("partners")
    assert "para 15" in q.help
    assert q.extra_citations == ()
