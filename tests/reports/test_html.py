"""The standalone HTML report: it parses, needs no network, escapes everything."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from copenhagen import assess, load_initiative
from copenhagen.reports.html import assessment_html
from copenhagen.reports.summary import SummaryCounter, summary_html

VOID = {"meta", "br", "img", "hr", "input", "link"}
SVG_VOID = {"rect", "line", "circle", "path", "polygon", "ellipse", "polyline", "stop", "use"}


class Checker(HTMLParser):
    """Checks tags balance and collects the text and the tags used."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_page_parses_and_is_standalone(hostile: dict[str, Any]) -> None:
    page = assessment_html(hostile)
    checker = parse(page)
    assert "script" not in checker.tags
    assert "link" not in checker.tags
    assert "svg" in checker.tags  # the principle graph, inline
    for name, value in checker.attrs:
        if name in ("src", "href"):
            pytest.fail(f"the page loads {value!r}")
    assert not re.search(r"url\(\s*['\"]?https?:", page)


def test_user_strings_are_escaped(hostile: dict[str, Any]) -> None:
    page = assessment_html(hostile)
    assert "<script>" not in page
    assert "<img" not in page
    text = "".join(parse(page).text)
    assert '<script>alert("x")</script> **bold**' in text  # shown as text, intact


def test_decisions_and_statuses_in_words(hostile: dict[str, Any]) -> None:
    text = " ".join(parse(assessment_html(hostile)).text)
    for words in ("Scope", "in scope", "2 Civic-driven collaboration", "S1", "Box 2", "M2"):
        assert words in text
    assert "✘ not met" in text
    assert "✔ met" in text
    assert "? unknown" in text
    assert "Recommendations" in text
    assert "Participation" in text


def test_summary_page_with_charts() -> None:
    counter = SummaryCounter()
    for document in (
        {"name": "a <b>", "initiated_by": ["cso"]},
        {"name": "b", "initiated_by": ["nso"], "engaged_stages": []},
    ):
        counter.add(assess(load_initiative(document)).to_dict())
    counter.add_invalid()
    page = summary_html(counter.summary(), title="Registry <2026>")
    checker = parse(page)
    assert "svg" in checker.tags
    assert "rect" in checker.tags
    assert "Registry &lt;2026&gt;" in page
    text = " ".join(checker.text)
    assert "1 Civic action" in text
    assert "3 records: 2 assessed, 1 invalid." in text
    assert "never fired" in text
