"""Every report shows the document's own stages beside the ones the library adds (rule P1),
and each principle's related standards (the crosswalks, register XW-1)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import pytest

from copenhagen import assess, load_initiative
from copenhagen.reports.html import assessment_html
from copenhagen.reports.markdown import assessment_markdown
from copenhagen.reports.text import assessment_text

RENDERERS: dict[str, Callable[[Any], str]] = {
    "text": assessment_text,
    "markdown": assessment_markdown,
    "html": assessment_html,
}


def flat(text: str) -> str:
    """The report's words, lower case, with wrapping, markup, colons and entities undone."""
    words = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("*", "").replace(":", " ")
    return " ".join(words.lower().split())


def report(renderer: str, document: dict[str, Any], *, data: bool = False) -> str:
    result = assess(load_initiative({"name": "Stages", **document}))
    return flat(RENDERERS[renderer](result.to_dict() if data else result))


@pytest.mark.parametrize("data", [False, True])
@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_reports_say_which_stages_the_document_listed_and_which_were_added(
    renderer: str, data: bool
) -> None:
    text = report(renderer, {"initiated_by": ["cso"], "engaged_stages": ["collection"]}, data=data)
    assert "listed in the document data collection" in text
    assert "added by the library design (a citizen-side actor started the initiative, rule p1)" in (
        text
    )


@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_an_empty_or_absent_list_is_named_as_such(renderer: str) -> None:
    empty = report(renderer, {"initiated_by": ["community"], "engaged_stages": []})
    assert "listed in the document none (an empty list)" in empty
    absent = report(renderer, {"initiated_by": ["community"]})
    assert "listed in the document not given" in absent
    assert "added by the library design" in absent


@pytest.mark.parametrize(
    "document",
    [
        {"initiated_by": ["cso"], "engaged_stages": ["design", "analysis"]},
        {"initiated_by": ["nso"], "engaged_stages": ["collection"], "meaningful_engagement": True},
    ],
)
@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_nothing_is_said_to_be_added_when_nothing_was(
    renderer: str, document: dict[str, Any]
) -> None:
    text = report(renderer, document)
    assert "added by the library" not in text
    assert "(added rule p1)" not in text


@pytest.mark.parametrize("renderer", ["markdown", "html"])
def test_table_1_marks_the_added_design_stage(renderer: str) -> None:
    text = report(renderer, {"initiated_by": ["cso"], "engaged_stages": ["analysis"]})
    assert "yes (added rule p1)" in text
    assert text.count("(added rule p1)") == 1


@pytest.mark.parametrize("data", [False, True])
@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_reports_name_each_shown_finding_s_related_standards(renderer: str, data: bool) -> None:
    document = {
        "initiated_by": ["cso"],
        "principles": {"confidentiality": "met", "data_sovereignty": "partial"},
    }
    text = report(renderer, document, data=data)
    assert "related standards fpos 6 (overlaps), hrbad privacy (overlaps)" in text
    assert "related standards care a1 (overlaps), care a2 (related)" in text


def test_a_report_of_data_without_crosswalks_still_renders() -> None:
    # Results stored before the crosswalks joined the findings have none: nothing is shown.
    data = assess(load_initiative({"name": "Old", "initiated_by": ["cso"]})).to_dict()
    for finding in data["principle_findings"].values():
        del finding["crosswalks"]
    for renderer in RENDERERS.values():
        assert "Related standards" not in renderer(data)
