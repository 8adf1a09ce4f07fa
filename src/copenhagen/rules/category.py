"""NSO category: how citizen data stand towards official statistics (paras 32-33; C0-C4).

Integrated into official statistics (1), quality assured and complementing them (2), or
independent of them (3). Only in-scope initiatives have a category, so C0 reads the scope rule set.
"""

from __future__ import annotations

from copenhagen.framework.official import NSOCategory
from copenhagen.model import Scope
from copenhagen.rules.conditions import Always, DecidedAs, Is, all_of
from copenhagen.rules.engine import Rule, RuleSet, RuleWarning
from copenhagen.rules.scope import SCOPE_RULES

__all__ = ["NSO_CATEGORY_RULES"]

_INTEGRATED = "integrated_into_official_statistics"

C0 = Rule(
    id="C0",
    statement=(
        "An initiative outside the framework's scope has no NSO category; while its scope is "
        "undecided, so is its category."
    ),
    citations=("para 9", "para 32"),
    when=DecidedAs(SCOPE_RULES, Scope.OUT_OF_SCOPE),
    then=None,
    title="outside the framework",
    then_text="it has no NSO category",
)

C1 = Rule(
    id="C1",
    statement=(
        "Data integrated into official statistics are category 1, integrated; a warning is "
        "given when they are declared not quality assured to official standards."
    ),
    citations=("para 32", "para 33", "para 34"),
    when=Is(_INTEGRATED, True),
    then=NSOCategory.INTEGRATED,
    title="integrated into official statistics",
    then_text="the data are category 1, integrated into official statistics",
    warnings=(
        RuleWarning(
            Is("quality_assured", False),
            "The data are integrated into official statistics but declared not quality "
            "assured: data that enter official statistics are expected to meet official "
            "quality standards (paras 32-34, 43).",
        ),
    ),
)

C2 = Rule(
    id="C2",
    statement=(
        "Data not integrated into official statistics but quality assured to official "
        "standards are category 2, complementary."
    ),
    citations=("para 32", "para 43"),
    when=all_of(Is(_INTEGRATED, False), Is("quality_assured", True)),
    then=NSOCategory.COMPLEMENTARY,
    title="complementary to official statistics",
    then_text="the data are category 2, complementing official statistics",
)

C3 = Rule(
    id="C3",
    statement=(
        "Data neither integrated into official statistics nor quality assured to official "
        "standards are category 3, independent."
    ),
    citations=("para 32", "para 33"),
    when=all_of(Is(_INTEGRATED, False), Is("quality_assured", False)),
    then=NSOCategory.INDEPENDENT,
    title="independent of official statistics",
    then_text="the data are category 3, independent of official statistics",
)

C4 = Rule(
    id="C4",
    statement=(
        "Otherwise the category is not determinate: the unknown facts that would decide it "
        "are listed as missing."
    ),
    citations=("para 32",),
    when=Always(),
    then=None,
    title="undecided",
    settles=False,
)

#: The NSO category rule set (paras 32-33).
NSO_CATEGORY_RULES = RuleSet(
    id="nso_category",
    subject="NSO category",
    rules=(C0, C1, C2, C3, C4),
    citations=("para 32", "para 33"),
)
