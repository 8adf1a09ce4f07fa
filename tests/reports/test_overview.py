"""The one-table overview of many assessments (``copenhagen assess --format table``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copenhagen import assess, load_initiative
from copenhagen.reports.overview import overview_text

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def results() -> list[tuple[str, dict[str, Any]]]:
    return [(path.name, assess(load_initiative(path)).to_dict()) for path in EXAMPLES]


def test_one_row_per_initiative_in_order(results: list[tuple[str, dict[str, Any]]]) -> None:
    lines = overview_text(results).splitlines()
    assert lines[0].split() == ["Initiative", "Scope", "Modality", "NSO", "category", "Principles"]
    assert set(lines[1]) == {"-", " "}
    starts = [line.split()[0] for line in lines[2:] if line and not line.startswith(" ")]
    assert starts == [label for label, _ in results]


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_fits_the_width_without_breaking_words_when_it_can(
    results: list[tuple[str, dict[str, Any]]], width: int
) -> None:
    text = overview_text(results, width=width)
    lines = text.splitlines()
    longest_label = max(len(label) for label, _ in results)
    if width >= longest_label + 60:
        assert all(len(line) <= width for line in lines), width
    words = set(text.split())
    # Every outcome's words come through whole.
    for word in ("collaboration", "Independent", "undecided", "Integrated"):
        assert word in words, (width, word)


def test_decisions_and_tally_are_those_of_the_assessment(
    results: list[tuple[str, dict[str, Any]]],
) -> None:
    label, result = next((lb, r) for lb, r in results if lb == "map-kibera.yaml")
    text = overview_text([(label, result)], width=200)
    row = text.splitlines()[2]
    assert "in scope" in row
    assert "1 Civic action" in row
    met = list(result["principles"].values()).count("met")
    assert f"✔{met:>2}" in row


def test_nothing_to_show() -> None:
    assert overview_text([]) == "No initiative to show.\n"
