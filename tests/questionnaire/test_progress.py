"""The decisions shown are the assessor's, and the open questions are exactly their `missing`."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from copenhagen import Initiative, assess, dump_initiative
from copenhagen.assessment import Assessment
from copenhagen.assessor import default_assessor
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.questionnaire import form_values, progress, read_answers
from copenhagen.questionnaire.progress import read_as_none
from copenhagen.strategies import initiatives


class Recording:
    """An assessor that records what it was asked and answers with the library's rules."""

    def __init__(self) -> None:
        self.seen: list[Initiative] = []

    def assess(self, initiative: Initiative) -> Assessment:
        self.seen.append(initiative)
        return assess(initiative)


def state_of(document: dict[str, Any], assessor: Any = None) -> Any:
    return progress(read_answers(form_values(document)), assessor or default_assessor())


@given(initiatives())
def test_open_questions_are_the_decisions_missing_keys(initiative: Initiative) -> None:
    if not initiative.name.strip():
        return
    state = state_of(dump_initiative(initiative) | {"description": None})
    data = assess(state.initiative).to_dict()
    missing = {key for d in ("scope", "modality", "nso_category") for key in data[d]["missing"]}
    asked = [o.question.key for o in state.open_questions]
    assert set(asked) == missing
    assert asked == sorted(asked, key=DOCUMENT_KEYS.index)
    for view in state.decisions:
        assert view.determinate == data[view.key]["determinate"]
        assert [q.key for q in view.missing] == data[view.key]["missing"]
        assert [step[0] for step in view.trace] == [s["rule"] for s in data[view.key]["trace"]]
    assert state.complete == (not missing)


def test_the_given_assessor_decides() -> None:
    assessor = Recording()
    state = state_of({"name": "X", "initiated_by": ["nso"]}, assessor)
    assert [i.name for i in assessor.seen] == ["X"]
    assert state.assessment is not None


def test_an_invalid_document_is_not_assessed() -> None:
    assessor = Recording()
    state = progress(read_answers({"initiated_by": ["cso"]}), assessor)
    assert assessor.seen == []
    assert state.decisions == ()
    assert [p for p, _ in state.errors] == ["name"]


def test_an_undecided_nso_case_asks_the_facts_that_decide_it() -> None:
    state = state_of({"name": "Survey", "initiated_by": ["nso"], "partners": ["cso"]})
    asked = [o.question.key for o in state.open_questions]
    assert asked == [
        "engaged_stages",
        "meaningful_engagement",
        "integrated_into_official_statistics",
        "quality_assured",
    ]
    assert state.open_questions[0].decides == ("Scope", "Modality", "NSO category")


def test_dont_know_lists_read_as_none_are_named() -> None:
    assert [q.key for q in read_as_none(("partners", "engaged_stages", "objectives"))] == [
        "partners",
        "objectives",
    ]
