"""The PPSR-Core import page (from docs/gen/neighbours.py) and the register entries it cites."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from copenhagen.framework.citations import is_anchor
from copenhagen.ppsr import FIELDS, PROCESS_TERMS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def page() -> str:
    spec = importlib.util.spec_from_file_location("_ppsr_gen", ROOT / "docs/gen/neighbours.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages: dict[str, str] = module.pages()
    return pages["neighbours/ppsr-core.md"]


def test_the_page_is_in_the_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "neighbours/ppsr-core.md" in nav
    assert "docs/gen/neighbours.py" in nav


def test_the_page_shows_the_whole_table(page: str) -> None:
    for mapping in FIELDS:
        assert f"`{mapping.field}`" in page
        assert mapping.how.replace("|", "\\|") in page
    for term in PROCESS_TERMS:
        assert f"| {term.term} |" in page


def test_the_example_runs(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    exec(compile(block, "ppsr-core.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert "'initiated_by': ['cso']" in out[0]
    assert "'errors'" in out[1]


@pytest.mark.parametrize("name", ["crosswalks", "ppsr"])
def test_register_entries_have_ids_anchors_and_cites(name: str) -> None:
    text = (ROOT / "docs/register" / f"{name}.md").read_text(encoding="utf-8")
    register = (ROOT / "docs/interpretation-register.md").read_text(encoding="utf-8")
    assert f'--8<-- "register/{name}.md"' in register
    entries = re.findall(r"^## ([A-Z]+-\d+) .* \{#([a-z]+-\d+)\}$", text, flags=re.M)
    assert entries
    assert all(anchor == entry.lower() for entry, anchor in entries)
    for cites in re.findall(r"^\*\*Cites\.\*\* (.*)$", text, flags=re.M):
        if cites.startswith("none:"):
            continue
        for anchor in cites.rstrip(".").split(", "):
            assert is_anchor(anchor), (name, anchor)
    assert text.count("**Cites.**") == len(entries)
