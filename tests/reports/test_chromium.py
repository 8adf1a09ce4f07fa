"""Render the HTML report in headless Chromium, as a person would see it.

Locally the test skips when no Chromium is installed; under CI a missing browser fails it
(`tests.chromium.chromium`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from copenhagen.reports.html import assessment_html
from tests.chromium import chromium


def render(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--user-data-dir={page.parent / 'profile'}",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_decisions_are_visible_in_chromium(hostile: dict[str, Any], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(assessment_html(hostile), encoding="utf-8")
    done = render(page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    # The browser built the page: the decisions, their reasons and the graph are in it.
    for words in ("Decisions", "in scope", "2 Civic-driven collaboration", "Box 2", "para 15"):
        assert words in dom
    assert "<svg" in dom
    assert "✘ not met" in dom
    # Nothing the user wrote ran: no script element exists in the rendered document.
    assert "<script" not in dom
    shot = tmp_path / "report.png"
    done = render(page, f"--screenshot={shot}", "--window-size=1200,1600")
    assert done.returncode == 0
    assert shot.stat().st_size > 10_000
