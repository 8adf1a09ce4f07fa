"""Readings are cited to where they come from: the contract's own are not pinned on the text.

"Answering a questionnaire is not taking part" is contract section 2's definition of
``engaged_stages``; para 9 says something else (it sets apart citizens supporting the NSO's own
collections). No page, docstring or message may cite para 9 for it (register RULE-8, RULE-9).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        ROOT / "README.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "docs").rglob("*.yaml"),
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "examples").rglob("*.yaml"),
    ]
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A citation of para 9 as a sentence's support: "(para 9)", "(para 9, ...)", "(paras 9-11)".
_CITES_PARA_9 = re.compile(r"\(paras? 9(?:\)|[-–,;][^()]*\))")


def _sentences(path: Path) -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8").split())
    return _SENTENCE.split(text)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_answering_a_questionnaire_is_not_pinned_on_para_9(path: Path) -> None:
    pinned = [
        s for s in _sentences(path) if "questionnaire" in s.lower() and _CITES_PARA_9.search(s)
    ]
    assert pinned == [], f"{path.relative_to(ROOT)} cites para 9 for: {pinned}"


def test_the_classifying_guide_cites_the_contract_for_it() -> None:
    guide = " ".join((ROOT / "docs/guides/classifying.md").read_text(encoding="utf-8").split())
    sentence = next(s for s in _SENTENCE.split(guide) if "questionnaire is not taking part" in s)
    assert "contract section 2" in sentence
    assert "RULE-9" in guide
