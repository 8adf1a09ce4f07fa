"""The Markdown report: content, escaping and statuses in words."""

from __future__ import annotations

from typing import Any

import markdown as md_lib

from copenhagen.reports.markdown import assessment_markdown, principle_mermaid
from tests.reports.conftest import HOSTILE_NAME


def test_user_strings_cannot_become_markup(hostile: dict[str, Any]) -> None:
    text = assessment_markdown(hostile)
    assert "<script>" not in text
    assert HOSTILE_NAME not in text
    rendered = md_lib.markdown(text, extensions=["tables"])
    assert "<script" not in rendered
    assert "<a " not in rendered  # the [link](...) stayed text
    assert "<strong>bold</strong>" not in rendered
    assert "<code>code</code>" not in rendered
    # The name shows as text, with its characters intact.
    assert "&lt;script&gt;" in rendered
    assert "**bold**" in rendered


def test_report_has_every_part(hostile: dict[str, Any]) -> None:
    text = assessment_markdown(hostile)
    for heading in ("## Decisions", "## Principles", "## Participation", "## Recommendations"):
        assert heading in text
    assert "| Scope | **in scope** | S1 (Box 2) |" in text
    assert "```mermaid" in text
    # Statuses in words and symbols, never by colour alone.
    assert "✘ not met" in text
    assert "✔ met" in text


def test_mermaid_writes_each_status_in_its_node(hostile: dict[str, Any]) -> None:
    diagram = principle_mermaid(hostile)
    assert diagram.startswith("flowchart TD")
    assert "6 Data security: ✘ not met" in diagram
    assert diagram.count(":::") == 13


def test_without_graph(hostile: dict[str, Any]) -> None:
    assert "mermaid" not in assessment_markdown(hostile, graph=False)
