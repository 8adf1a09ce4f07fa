"""The generated Rules page lists every rule with its statement, facts, citations and digest."""

from __future__ import annotations

import runpy
from pathlib import Path

from copenhagen.rules import RULE_SETS

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "gen" / "rules.py"


def test_the_rules_page_shows_every_rule_and_digest() -> None:
    pages = runpy.run_path(str(SCRIPT), run_name="rules_page")["pages"]()
    page = pages["rules.md"]
    for rule_set in RULE_SETS:
        assert rule_set.digest in page
        for rule in rule_set:
            assert f"| **{rule.id}** | {rule.statement} |" in page
            assert ", ".join(rule.citations) in page
