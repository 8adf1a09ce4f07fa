"""Reports speak in words: names instead of keys, every declared principle shown, one symbol set.

Each test here guards a problem reports once had: internal keys (``civic_action``,
``nso_or_other_driven``, ``collegial``, ``design``) shown as if they were names; principles
declared met or partly met hidden in the terminal report's one-line list of unknowns; "? unknown"
in the Declared column for principles nobody declared; ✓/✗ in the graph but ✔/✘ elsewhere; a
graph caption citing the wrong paragraphs; "nso category" in a chart title; and no description or
country under the title.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import markdown as md_lib
import pytest
from hypothesis import given

from copenhagen import assess, load_initiative
from copenhagen.assessment import Assessment
from copenhagen.framework.modalities import Table1Column
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import Initiative, Status
from copenhagen.participation import HaklayLevel, ShirkModel
from copenhagen.principles import RELATIONS
from copenhagen.principles.svg import STATUS_STYLES
from copenhagen.reports._escape import one_line
from copenhagen.reports._labels import (
    HAKLAY_LABELS,
    SHIRK_LABELS,
    STATUS_SYMBOL,
    STATUS_WORD,
    haklay_label,
    principle_label,
    shirk_label,
    stage_label,
    status_label,
    table1_column_label,
)
from copenhagen.reports.html import assessment_html
from copenhagen.reports.markdown import assessment_markdown, principle_mermaid
from copenhagen.reports.summary import SummaryCounter, summary_html
from copenhagen.reports.text import assessment_text
from copenhagen.strategies import initiatives
from tests.reports.conftest import HOSTILE_DESCRIPTION

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NHRI = ROOT / "examples" / "nhri-community-survey.yaml"
PAD = " " * 15  # the text report's label column


def example(path: Path) -> Assessment:
    return assess(load_initiative(path))


def reports(assessment: Assessment) -> dict[str, str]:
    """Each report, its whitespace collapsed so that words wrapped in the text report rejoin."""
    return {
        "html": one_line(assessment_html(assessment)),
        "markdown": one_line(assessment_markdown(assessment)),
        "text": one_line(assessment_text(assessment)),
    }


# --- 1. Names, not keys ------------------------------------------------------------------------


def test_labels_come_from_the_catalogue_and_cover_every_member() -> None:
    for stage in Stage:
        assert stage_label(stage.value) == stage.title
    for column in Table1Column:
        assert table1_column_label(column.value) == column.title
    assert set(SHIRK_LABELS) == set(ShirkModel)
    assert set(HAKLAY_LABELS) == set(HaklayLevel)
    assert shirk_label("collegial") == "Collegial (Shirk et al. 2012)"
    level_4 = "Level 4: extreme citizen science (Haklay 2013)"
    assert haklay_label("extreme_citizen_science") == level_4
    for label in (*SHIRK_LABELS.values(), *HAKLAY_LABELS.values()):
        assert "_" not in label


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_participation_is_named_not_keyed(path: Path) -> None:
    assessment = example(path)
    p = assessment.to_dict()["participation"]
    for fmt, report in reports(assessment).items():
        # No key of the profile is shown, in either its raw or its de-underscored form.
        assert not re.search(r"Table 1 column:? (civic|nso)", report), fmt
        assert not re.search(r"(Shirk et al\. model|Haklay level):? ", report), fmt
        for key in ("table_1_column", "shirk_model", "haklay_level"):
            if p[key] and "_" in p[key]:
                assert p[key] not in report, (fmt, key)
        if p["table_1_column"]:
            assert Table1Column(p["table_1_column"]).title in report, fmt
        if p["shirk_model"]:
            assert SHIRK_LABELS[ShirkModel(p["shirk_model"])] in report, fmt
        if p["haklay_level"]:
            assert HAKLAY_LABELS[HaklayLevel(p["haklay_level"])] in report, fmt
        for stage in p["engaged_stages"] or []:
            assert Stage(stage).title in report, (fmt, stage)


def test_table_1_rows_name_their_stages() -> None:
    assessment = example(NHRI)
    html = assessment_html(assessment, graph=False)
    markdown = assessment_markdown(assessment, graph=False)
    for stage in Stage:
        assert f"<tr><td>{stage.title}</td>" in html
        assert f"| {stage.title} | " in markdown
    assert "<td>design</td>" not in html
    assert "| design |" not in markdown


def test_text_names_the_table_1_column() -> None:
    text = assessment_text(example(NHRI))
    assert f"Table 1 column: {Table1Column.NSO_OR_OTHER_DRIVEN.title}" in text
    assert "nso or other driven" not in text
    assert "civic driven or joint" not in assessment_text(
        example(ROOT / "examples" / "ghana-marine-litter.yaml")
    )


def test_mermaid_edges_are_labelled_in_words() -> None:
    diagram = principle_mermaid(example(NHRI))
    assert '|"jointly serves"|' in diagram
    assert "jointly_serves" not in diagram
    assert "balanced_against" not in diagram


# --- 2. The text report lists every declared or changed principle on its own line -------------


def _principle_block(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Principles"))
    end = lines.index("", start)
    return lines[start + 1 : end]


def _own_lines(block: list[str]) -> dict[str, str]:
    """Principle label -> its status line and everything under it, as one line of words."""
    starts = [
        i
        for i, line in enumerate(block)
        if line.startswith(PAD) and not line.startswith(PAD + " ") and "not declared:" not in line
    ]
    found: dict[str, str] = {}
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(block)
        stop = min([stop] + [j for j in range(i, stop) if "not declared:" in block[j]])
        for principle in Principle:
            label = principle_label(principle.name.lower())
            for status in Status:
                if block[i].startswith(f"{PAD}{status_label(status.value):<10} {label}"):
                    found[label] = " ".join(line.strip() for line in block[i:stop])
    return found


def _grouped(block: list[str]) -> str:
    for i, line in enumerate(block):
        if "not declared:" in line:
            return " ".join(part.strip() for part in block[i:])
    return ""


def _check_text_report(assessment: Assessment, text: str, *, declared: set[Principle]) -> None:
    result = assessment.to_dict()
    block = _principle_block(text)
    alone = _own_lines(block)
    grouped = _grouped(block)
    for principle in Principle:
        key = principle.name.lower()
        label = principle_label(key)
        finding = result["principle_findings"][key]
        status = finding["status"]
        must_stand_alone = principle in declared or finding["declared"] != status
        if must_stand_alone:
            assert label in alone, (label, block)
            entry = alone[label]
            # Symbol and word, then the reason with its citations.
            assert entry.startswith(f"{STATUS_SYMBOL[status]} {STATUS_WORD[status]}")
            assert one_line(finding["explanation"]) in entry
            for citation in finding["citations"]:
                assert citation in entry
            assert f"{label}," not in grouped
            assert not grouped.endswith(label)
        if label not in alone:
            # Only a never-declared principle that is still unknown may share the summary line.
            assert principle not in declared
            assert status == Status.UNKNOWN.value
            assert label in grouped


def test_nhri_example_shows_confidentiality_and_ethical_use_with_why() -> None:
    assessment = example(NHRI)
    text = assessment_text(assessment)
    alone = _own_lines(_principle_block(text))
    confidentiality = alone[principle_label("confidentiality")]
    assert confidentiality.startswith("? unknown")
    assert "(declared ✔ met)" in confidentiality
    assert "data security (principle 6)" in confidentiality
    assert "para 30" in confidentiality
    ethical = alone[principle_label("ethical_and_safe_use")]
    assert ethical.startswith("? unknown")
    assert "(declared ◐ partial)" in ethical
    assert "para 28" in ethical
    grouped = _grouped(_principle_block(text))
    assert principle_label("confidentiality") not in grouped
    assert principle_label("ethical_and_safe_use") not in grouped
    _check_text_report(assessment, text, declared=set(assessment.initiative.principles))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_text_lists_each_declared_principle_in_examples(path: Path) -> None:
    assessment = example(path)
    _check_text_report(
        assessment, assessment_text(assessment), declared=set(assessment.initiative.principles)
    )


@given(initiatives())
def test_text_lists_each_declared_or_changed_principle(initiative: Initiative) -> None:
    assessment = assess(initiative)
    declared = set(initiative.principles)
    _check_text_report(assessment, assessment_text(assessment), declared=declared)
    # From the data alone a declared "unknown" cannot be told from nothing declared.
    from_data = {p for p in declared if initiative.principles[p] is not Status.UNKNOWN}
    _check_text_report(assessment, assessment_text(assessment.to_dict()), declared=from_data)


# --- 3. "not declared" in the Declared column --------------------------------------------------

_HTML_ROW = re.compile(r'<tr><th scope="row">([^<]*)</th><td>(.*?)</td>')


def _declared_cells(assessment: Any) -> dict[str, tuple[str, str]]:
    html = assessment_html(assessment, graph=False)
    markdown = assessment_markdown(assessment, graph=False)
    cells: dict[str, tuple[str, str]] = {}
    for principle in Principle:
        label = principle_label(principle.name.lower())
        html_cell = dict(_HTML_ROW.findall(html))[label]
        md_row = next(line for line in markdown.splitlines() if line.startswith(f"| {label} |"))
        cells[label] = (html_cell, md_row.split(" | ")[1])
    return cells


@given(initiatives())
def test_declared_column_says_not_declared(initiative: Initiative) -> None:
    assessment = assess(initiative)
    cells = _declared_cells(assessment)
    for principle in Principle:
        html_cell, md_cell = cells[principle_label(principle.name.lower())]
        if principle in initiative.principles:
            words = status_label(initiative.principles[principle].value)
            assert words in html_cell
            assert md_cell == words
        else:
            assert "not declared" in html_cell
            assert "unknown" not in html_cell
            assert md_cell == "not declared"


def test_declared_column_from_the_data_alone() -> None:
    assessment = example(NHRI)
    cells = _declared_cells(assessment.to_dict())
    assert cells[principle_label("independence")][1] == "not declared"
    assert cells[principle_label("confidentiality")][1] == "✔ met"
    assert cells[principle_label("ethical_and_safe_use")][1] == "◐ partial"


# --- 4. One set of status symbols ---------------------------------------------------------------


def test_graph_and_reports_use_the_same_symbols() -> None:
    for status, style in STATUS_STYLES.items():
        assert style.symbol == STATUS_SYMBOL[status.value]
        assert style.word == STATUS_WORD[status.value]
    assessment = assess(
        load_initiative(
            {
                "name": "x",
                "initiated_by": ["cso"],
                "principles": {"informed_consent": "met", "data_security": "not_met"},
            }
        )
    )
    for report in (assessment_html(assessment), principle_mermaid(assessment)):
        assert "✓" not in report
        assert "✗" not in report
        assert "✔ met" in report
        assert "✘ not met" in report


# --- 5. The graph cites the paragraphs its edges cite ------------------------------------------


def _relations_range() -> str:
    numbers = [int(n) for r in RELATIONS for n in re.findall(r"\d+", r.citation)]
    return f"paras {min(numbers)}-{max(numbers)}"


def test_graph_caption_cites_the_paragraphs_of_its_edges() -> None:
    cited = _relations_range()
    assert cited == "paras 17-31"
    html = assessment_html(example(NHRI))
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.S)
    assert caption is not None
    assert cited in caption.group(1)
    assert "paras 20-31" not in html
    assert principle_mermaid.__doc__ is not None
    assert cited in principle_mermaid.__doc__


# --- 6. Chart titles in words ------------------------------------------------------------------


def test_summary_chart_titles() -> None:
    counter = SummaryCounter()
    for path in EXAMPLES[:3]:
        counter.add(example(path).to_dict())
    page = summary_html(counter.summary())
    assert "Records by NSO category" in page
    assert "Records by modality" in page
    assert "nso category" not in page
    assert "nso_category" not in page


# --- 7. Description and country under the title -----------------------------------------------


def test_html_shows_description_and_country_escaped(hostile_assessment: Assessment) -> None:
    html = assessment_html(hostile_assessment)
    assert "<img" not in html
    head = html[html.index("<h1>") : html.index('<section id="decisions">')]
    assert "&lt;img src=x onerror=alert(1)&gt; # heading - item" in head
    assert "<strong>Country:</strong> KE" in head


def test_markdown_shows_description_and_country_escaped(hostile_assessment: Assessment) -> None:
    text = assessment_markdown(hostile_assessment)
    head = text[: text.index("## Decisions")]
    assert "**Country:** KE" in head
    rendered = md_lib.markdown(head, extensions=["tables"])
    assert "<img" not in rendered
    assert "<ul>" not in rendered  # the description's "- item" did not start a list
    assert rendered.count("<h1>") == 1  # nor its "# heading" a heading
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "# heading - item" in rendered


def test_text_shows_description_and_country(hostile_assessment: Assessment) -> None:
    text = assessment_text(hostile_assessment)
    head = text[: text.index("Scope")]
    assert f"Description: {one_line(HOSTILE_DESCRIPTION)}" in " ".join(head.split())
    assert "\nCountry: KE\n" in head
    # Control characters in a description cannot reach the terminal.
    initiative = load_initiative(
        {"name": "n", "initiated_by": ["cso"], "description": "a\x1b[2Jb", "country": "KE"}
    )
    shown = assessment_text(assess(initiative))
    assert "\x1b" not in shown
    assert "Description: a\\x1b[2Jb" in shown


def test_nothing_under_the_title_when_not_given() -> None:
    assessment = assess(load_initiative({"name": "n", "initiated_by": ["cso"]}))
    for report in reports(assessment).values():
        assert "Description" not in report
        assert "Country" not in report
