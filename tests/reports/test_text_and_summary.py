"""The terminal text report, the summary renderers and the bar chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from copenhagen import assess, load_initiative
from copenhagen.reports.chart import bar_chart_svg
from copenhagen.reports.summary import (
    SummaryCounter,
    summary_markdown,
    summary_text,
    tally_key,
)
from copenhagen.reports.text import ansi, assessment_text, printable


def test_text_report_reads_without_colour(hostile: dict[str, Any]) -> None:
    text = assessment_text(hostile, source="x.yaml")
    assert "\x1b" not in text
    assert "Scope          in scope" in text
    assert "✘ not met" in text
    coloured = assessment_text(hostile, style=ansi)
    assert "\x1b[" in coloured
    assert "✘ not met" in coloured  # the words stay


def test_control_characters_cannot_steer_the_terminal() -> None:
    result = assess(load_initiative({"name": "a\x1b[2Jb\x07", "initiated_by": ["cso"]})).to_dict()
    text = assessment_text(result)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert printable("a\x1bb") == "a\\x1bb"


def test_stage_line_wraps_like_the_others() -> None:
    # With every stage named, the participation line is long: it must wrap within the width,
    # its continuation indented under the label column like every other wrapped line.
    every_stage = ["design", "collection", "processing", "analysis", "uptake", "review"]
    result = assess(
        load_initiative(
            {"name": "All stages", "initiated_by": ["cso"], "engaged_stages": every_stage}
        )
    ).to_dict()
    for width in (60, 80, 100):
        lines = assessment_text(result, width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
        at = next(i for i, line in enumerate(lines) if line.startswith("Participation"))
        assert "citizens engaged in 6 of 6 stages" in lines[at]
        assert lines[at + 1].startswith(" " * 17), lines[at + 1]
        assert "Impact review" in " ".join(lines[at : at + 5])


def test_chart_escapes_and_labels_every_bar() -> None:
    svg = bar_chart_svg("Records <by> modality", [("a & <b>", 3), ("none", 0), ("c", 1)])
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "a & <b>" in texts
    assert "Records <by> modality" in texts
    assert "3 (75.0%)" in texts
    assert "0 (0.0%)" in texts


def test_summary_counts_and_renderers() -> None:
    counter = SummaryCounter()
    results = [
        assess(load_initiative({"name": "a", "initiated_by": ["cso"]})).to_dict(),
        assess(load_initiative({"name": "b", "initiated_by": ["academia"]})).to_dict(),
    ]
    for result in results:
        counter.add(result)
    counter.add_invalid()
    summary = counter.summary()
    assert (summary.records, summary.valid, summary.invalid) == (3, 2, 1)
    assert dict(summary.modality) == {"civic_action": 1, "undecided": 1}
    assert dict(summary.scope) == {"in_scope": 1, "undecided": 1}
    assert tally_key(results[0])[4] == ("S1", "M1", "C4")
    rules = dict(summary.rules)
    assert rules["S1"] == 1
    assert rules["M3"] == 0
    assert summary.to_dict()["principles"]["independence"] == {"unknown": 2}
    assert "never fired" in summary_text(summary)
    assert "| 1 Civic action | 1 |" in summary_markdown(summary)
