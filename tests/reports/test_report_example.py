"""The docs' report example is generated from a bundled example and is a real, standalone report."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "gen" / "report_example.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("report_example", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_reports() -> None:
    module = load_script()
    if not module.EXAMPLE.exists():
        pytest.skip(f"{module.EXAMPLE} is not there")
    pages = module.pages()
    assert set(pages) == {
        "reports/example.html",
        "reports/example.md.txt",
        "reports/examples-summary.html",
    }
    html = pages["reports/example.html"]
    assert html.startswith("<!DOCTYPE html>")
    assert "Map Kibera" in html
    assert "<svg" in html
    summary = pages["reports/examples-summary.html"]
    assert summary.count("<svg") == 2  # by modality and by NSO category
    assert pages["reports/example.md.txt"].startswith("# Assessment: Map Kibera")
