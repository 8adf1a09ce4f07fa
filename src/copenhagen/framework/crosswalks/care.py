"""The 13 principles beside the CARE Principles for Indigenous Data Governance (paras 25-26).

Para 25 reads principle 7 as including a group's self-determination over data about its collective
identity, as for Indigenous groups; para 26 makes data sovereignty matter for Indigenous Peoples
above all. The CARE Principles (Collective benefit, Authority to control, Responsibility, Ethics)
each have three parts, C1 to E3, named as in the Global Indigenous Data Alliance's text. The
summaries are ours; register XW-7 records what they rest on.
"""

from __future__ import annotations

from copenhagen.framework.crosswalks._model import (
    Crosswalk,
    LinkRow,
    OutsideItem,
    OutsideStandard,
    Strength,
    build_links,
)
from copenhagen.framework.principles import Principle

__all__ = ["CARE", "CARE_CROSSWALK", "CARE_ITEMS"]

#: The CARE Principles as published.
CARE = OutsideStandard(
    key="care",
    title="CARE Principles for Indigenous Data Governance",
    document=(
        "Global Indigenous Data Alliance (GIDA), 'CARE Principles for Indigenous Data "
        "Governance' (developed by the International Indigenous Data Sovereignty Interest Group "
        "of the Research Data Alliance, 2019), first formally published in Data Science Journal, "
        "2020, doi:10.5334/dsj-2020-043"
    ),
    address="https://datascience.codata.org/articles/10.5334/dsj-2020-043",
    citations=("para 25", "para 26"),
)

_GROUPS = {
    "C": "Collective Benefit",
    "A": "Authority to Control",
    "R": "Responsibility",
    "E": "Ethics",
}


def _item(key: str, title: str, summary: str) -> OutsideItem:
    return OutsideItem(CARE, key, title, summary, f"{_GROUPS[key[0]]}, {key}")


#: The twelve parts, C1 to E3, in the published order.
CARE_ITEMS: tuple[OutsideItem, ...] = (
    _item(
        "C1",
        "For inclusive development and innovation",
        "Collective benefit: Indigenous Peoples gain from data for development and innovation "
        "of their own.",
    ),
    _item(
        "C2",
        "For improved governance and citizen engagement",
        "Collective benefit: data support better governance and the engagement of citizens.",
    ),
    _item(
        "C3",
        "For equitable outcomes",
        "Collective benefit: data help bring about fair outcomes.",
    ),
    _item(
        "A1",
        "Recognizing rights and interests",
        "Authority to control: Indigenous Peoples' rights and interests in Indigenous data are "
        "recognised.",
    ),
    _item(
        "A2",
        "Data for governance",
        "Authority to control: data serve Indigenous Peoples' own governance.",
    ),
    _item(
        "A3",
        "Governance of data",
        "Authority to control: Indigenous Peoples set the rules for, and lead the stewardship "
        "of, Indigenous data.",
    ),
    _item(
        "R1",
        "For positive relationships",
        "Responsibility: work with Indigenous data rests on good relationships.",
    ),
    _item(
        "R2",
        "For expanding capability and capacity",
        "Responsibility: it widens Indigenous Peoples' own capability and capacity with data.",
    ),
    _item(
        "R3",
        "For Indigenous languages and worldviews",
        "Responsibility: it respects Indigenous languages and ways of seeing the world.",
    ),
    _item(
        "E1",
        "For minimizing harm and maximizing benefit",
        "Ethics: harm from the data is kept low and benefit high.",
    ),
    _item(
        "E2",
        "For justice",
        "Ethics: data work serves justice.",
    ),
    _item(
        "E3",
        "For future use",
        "Ethics: governance looks ahead to how the data may be used later.",
    ),
)


OVER, REL = Strength.OVERLAPS, Strength.RELATED
P = Principle

_LINKS: list[LinkRow] = [
    (
        P.RELEVANCE,
        "C1",
        REL,
        "Data that answer a community's own questions are data it can benefit from.",
        ("para 20",),
    ),
    (
        P.PARTICIPATION_AND_INCLUSION,
        "C2",
        REL,
        "Both seek the engagement of the people the data are about.",
        ("para 21",),
    ),
    (
        P.SELF_IDENTIFICATION,
        "A1",
        REL,
        "Para 25 reads the principle as a right of self-determination over data, to be recognised.",
        ("para 25",),
        "XW-7",
    ),
    (
        P.SELF_IDENTIFICATION,
        "A3",
        OVER,
        "A group organising and controlling data on its collective identity governs that data.",
        ("para 25",),
        "XW-7",
    ),
    (
        P.DATA_SOVEREIGNTY,
        "A1",
        OVER,
        "Both recognise the right of people and communities to control their data.",
        ("para 26",),
        "XW-7",
    ),
    (
        P.DATA_SOVEREIGNTY,
        "A2",
        REL,
        "Data that are accurate and fitting for the community serve its own decisions.",
        ("para 26",),
        "XW-7",
    ),
    (
        P.DATA_SOVEREIGNTY,
        "A3",
        OVER,
        "Control at every stage, up to refusing uses, is the community governing its data.",
        ("para 26",),
        "XW-7",
    ),
    (
        P.DATA_SOVEREIGNTY,
        "E3",
        REL,
        "The right to refuse and block certain uses looks ahead to how data may be used.",
        ("para 26",),
        "XW-7",
    ),
    (
        P.ETHICAL_AND_SAFE_USE,
        "E1",
        OVER,
        "Both put rights and wellbeing first at every stage and keep harm from the data low.",
        ("para 17", "para 28"),
    ),
    (
        P.ETHICAL_AND_SAFE_USE,
        "E2",
        REL,
        "Not discriminating against or stigmatising anyone is a demand of justice.",
        ("para 17",),
    ),
]

#: The principles beside the CARE Principles.
CARE_CROSSWALK = Crosswalk(
    standard=CARE,
    title="Principles and the CARE Principles for Indigenous Data Governance",
    summary=(
        "Paras 25 and 26 tie principles 7 and 8 to the data rights of Indigenous Peoples, the "
        "ground the CARE Principles cover. Authority to control meets self-identification and "
        "data sovereignty; ethics meets ethical and safe use; two parts of collective benefit "
        "relate to relevance and participation. Responsibility and equitable outcomes have no "
        "counterpart among the 13 (register XW-7)."
    ),
    items=CARE_ITEMS,
    links=build_links(CARE_ITEMS, _LINKS),
)
