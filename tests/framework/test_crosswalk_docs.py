"""The pages docs/gen/neighbours.py generates: in the nav, from the data, with working examples."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from copenhagen.framework.crosswalks import CROSSWALKS

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs/gen/neighbours.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result: dict[str, str] = _script("_crosswalks_gen").pages()
    return result


def test_pages_are_in_the_nav(pages: dict[str, str]) -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in pages:
        assert path in nav, path
    assert "docs/gen/neighbours.py" in nav


def test_pages_are_deterministic(pages: dict[str, str]) -> None:
    assert _script("_crosswalks_gen2").pages() == pages


def test_each_crosswalk_page_shows_its_links_and_items(pages: dict[str, str]) -> None:
    for walk in CROSSWALKS:
        page = pages[f"neighbours/{walk.name}.md"]
        assert page.startswith(f"# {walk.title}\n")
        for link in walk.links:
            assert link.reason in page
        for item in walk.items:
            assert item.summary in page
        assert walk.standard.document in page


def test_pictures_are_well_formed_svg_without_scripts(pages: dict[str, str]) -> None:
    for walk in CROSSWALKS:
        page = pages[f"neighbours/{walk.name}.md"]
        drawing = re.search(r"<svg.*?</svg>", page, flags=re.S)
        assert drawing is not None
        root = ET.fromstring(drawing.group(0))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<script" not in drawing.group(0)
        assert "\n\n" not in drawing.group(0)  # a raw HTML block Markdown leaves alone
        lines = root.findall("{http://www.w3.org/2000/svg}line")
        assert len(lines) == len(walk.links) + 3  # one per link, plus the legend's three


def test_examples_run(pages: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    for name, text in pages.items():
        blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
        assert blocks, name
        for block in blocks:
            exec(compile(block, name, "exec"), {})
    assert capsys.readouterr().out
