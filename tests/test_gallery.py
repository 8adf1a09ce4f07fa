"""The case gallery and the principles' real cases: sourced, complete, and generated into pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from copenhagen import Principle, assess, load_initiative
from copenhagen.questionnaire import question

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_gen_{name}", ROOT / "docs/gen" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gallery() -> ModuleType:
    return _script("gallery")


@pytest.fixture(scope="module")
def cases(gallery: ModuleType) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = gallery.cases()
    return found


def test_the_gallery_has_at_least_twelve_cases_each_with_its_document(
    cases: list[dict[str, Any]],
) -> None:
    assert len(cases) >= 12
    slugs = [c["slug"] for c in cases]
    assert len(slugs) == len(set(slugs))
    assert sorted(slugs) == sorted(p.stem for p in GALLERY.glob("*.yaml"))


def test_the_framework_s_own_examples_are_among_them(cases: list[dict[str, Any]]) -> None:
    alluded = " ".join(c.get("alluded", "") for c in cases)
    for words in ("marine litter", "community-based monitoring", "disabilities"):
        assert words in alluded


@pytest.mark.parametrize("slug", sorted(p.stem for p in GALLERY.glob("*.yaml")))
def test_each_case_is_sourced_and_says_what_is_unknown(
    slug: str, cases: list[dict[str, Any]]
) -> None:
    case = next(c for c in cases if c["slug"] == slug)
    path = GALLERY / f"{slug}.yaml"
    head = path.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Source: http")
    assert case["sources"]
    assert all(s["url"].startswith(("https://", "http://")) and s["title"] for s in case["sources"])
    assert head.split()[2] in {s["url"] for s in case["sources"]}
    assert case["reading"]
    for key in case["unknown"]:
        question(key)  # every note is about a real document key
    result = assess(load_initiative(path)).to_dict()
    missing = {m for d in ("scope", "modality", "nso_category") for m in result[d]["missing"]}
    assert missing <= set(case["unknown"]), f"{slug}: explain every missing fact"


def test_gallery_pages_embed_each_report(gallery: ModuleType, cases: list[dict[str, Any]]) -> None:
    pages = gallery.pages()
    assert "gallery/index.md" in pages
    for case in cases:
        slug = case["slug"]
        page = pages[f"gallery/{slug}.md"]
        assert f'src="{slug}-report.html"' in page  # beside the page: no folder URLs
        assert "## What is unknown about it" in page
        name = load_initiative(GALLERY / f"{slug}.yaml").name
        assert "<h1>Assessment:" in pages[f"gallery/{slug}-report.html"]
        assert name.split()[0] in pages[f"gallery/{slug}-report.html"]


def test_every_principle_has_a_real_case_upheld_and_breached() -> None:
    data = yaml.safe_load((ROOT / "docs/gen/principle_cases.yaml").read_text(encoding="utf-8"))
    assert set(data) == {p.name.lower() for p in Principle}
    for key, cases in data.items():
        for side in ("upholding", "breaching"):
            assert cases[side], f"{key}: no {side} case"
            for case in cases[side]:
                assert case["url"].startswith(("https://", "http://")), key
                assert case["case"]
                assert case["text"]


def test_principle_pages_show_the_cases() -> None:
    pages: dict[str, str] = _script("principles").pages()
    page = pages["principles/informed_consent.md"]
    assert "## In practice" in page
    assert "### Upholding it" in page
    assert "### Breaching it" in page
    assert "https://nav.indigenousnavigator.com" in page
