"""The generated Principles pages (docs/gen/principles.py) and the hand-written principle docs."""

from __future__ import annotations

import re
import runpy
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from copenhagen import Principle
from copenhagen.principles import RELATIONS, RelationKind, practices_of
from tests.principles.textcheck import copied_runs

ROOT = Path(__file__).resolve().parents[2]
GEN = ROOT / "docs" / "gen" / "principles.py"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    module = runpy.run_path(str(GEN), run_name="principles_docs")
    return module["pages"]()  # type: ignore[no-any-return]


def test_one_page_per_principle_linked_from_the_index(pages: dict[str, str]) -> None:
    index = pages["principles/index.md"]
    for p in Principle:
        name = f"{p.name.lower()}.md"
        assert f"principles/{name}" in pages
        assert f"]({name})" in index


def test_index_embeds_the_drawing_and_a_legend_in_words(pages: dict[str, str]) -> None:
    index = pages["principles/index.md"]
    figure = re.search(r"<figure.*?</figure>", index, re.S)
    assert figure is not None
    assert "\n\n" not in figure.group(0)  # a blank line would end the raw HTML block
    ET.fromstring(figure.group(0))
    for kind in RelationKind:
        assert f"`{kind.value}`" in index
    for word in ("solid", "dashed", "dotted", "arrowhead"):
        assert word in index
    for r in RELATIONS:
        assert f"`{r.id}`" in index
    assert "principles/graph.svg" in pages
    ET.fromstring(pages["principles/graph.svg"])
    ET.fromstring(pages["principles/example-assessment.svg"])


@pytest.mark.parametrize("p", list(Principle))
def test_principle_page_lists_relations_and_practices(pages: dict[str, str], p: Principle) -> None:
    page = pages[f"principles/{p.name.lower()}.md"]
    assert page.startswith(f"# {p.value}. {p.title}\n")
    for heading in ("## Statement", "## Implementation note", "## Standards", "## Relations"):
        assert heading in page
    assert "### Requires" in page
    assert "### Required by" in page
    for r in RELATIONS:
        if p in (r.source, r.target):
            other = r.target if r.source is p else r.source
            assert f"]({other.name.lower()}.md)" in page
            assert r.reason in page
    for practice in practices_of(p):
        assert f"`{practice.value}`" in page


def test_generated_pages_are_own_words(pages: dict[str, str], framework_text: str) -> None:
    for path, text in pages.items():
        if path.endswith(".md"):
            assert not copied_runs(text, framework_text), path


@pytest.mark.parametrize("doc", ["docs/register/principles.md", "docs/guides/principles.md"])
def test_hand_written_docs_are_own_words(doc: str, framework_text: str) -> None:
    assert not copied_runs((ROOT / doc).read_text(encoding="utf-8"), framework_text)


def test_register_entries_have_stable_ids() -> None:
    text = (ROOT / "docs" / "register" / "principles.md").read_text(encoding="utf-8")
    ids = re.findall(r"^## (PRIN-\d+) ", text, re.M)
    assert ids == [f"PRIN-{n}" for n in range(1, len(ids) + 1)]


def test_tables_start_after_a_blank_line(pages: dict[str, str]) -> None:
    # Markdown reads a table glued to the paragraph above it as part of that paragraph.
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        lines = text.splitlines()
        for before, line in pairwise(lines):
            if line.startswith("|") and not before.startswith("|"):
                assert before == "", f"{path}: table after {before!r}"


def test_index_links_the_para_18_note_to_chapter_v(pages: dict[str, str]) -> None:
    # Register CAT-11: the principles' note points to chapter V, where the environment is.
    from copenhagen.framework import PRINCIPLES_IMPLEMENTATION

    index = pages["principles/index.md"]
    assert PRINCIPLES_IMPLEMENTATION.summary in index
    assert "](../concepts/enabling-environment.md)" in index
