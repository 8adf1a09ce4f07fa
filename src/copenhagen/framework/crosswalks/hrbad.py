"""The 13 principles beside the components of the human rights-based approach to data (para 17).

Para 17 says the principles take the human rights-based approach to data into account. Its six
components are the headings of OHCHR's guidance note (2018), in the note's order; the page each
section starts on is the item's section. The summaries are ours, kept to what the note's headings
and its published summaries say (register XW-5).
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

__all__ = ["HRBAD", "HRBAD_CROSSWALK", "HRBAD_ITEMS"]

#: OHCHR's guidance note on a human rights-based approach to data.
HRBAD = OutsideStandard(
    key="hrbad",
    title="A Human Rights-Based Approach to Data",
    document=(
        "Office of the United Nations High Commissioner for Human Rights (OHCHR), 'A Human "
        "Rights-Based Approach to Data: Leaving No One Behind in the 2030 Agenda for Sustainable "
        "Development', guidance note to data collection and disaggregation, 2018"
    ),
    address="hrbaportal.org/wp-content/files/GuidanceNoteonApproachtoData-1.pdf",
    citations=("para 17",),
)


def _item(key: str, title: str, page: int, summary: str) -> OutsideItem:
    return OutsideItem(HRBAD, key, title, summary, f"section '{title}', p. {page}")


#: The six components, in the guidance note's order.
HRBAD_ITEMS: tuple[OutsideItem, ...] = (
    _item(
        "participation",
        "Participation",
        3,
        "The people concerned, marginalised groups above all, take part in collecting data.",
    ),
    _item(
        "data_disaggregation",
        "Data disaggregation",
        7,
        "Data are broken down by characteristics such as sex, age, ethnicity, disability, sexual "
        "orientation or religion, so that discrimination shows and can be guarded against.",
    ),
    _item(
        "self_identification",
        "Self-identification",
        11,
        "People state their own identity and group, in ways that do not deepen the "
        "discrimination vulnerable groups face.",
    ),
    _item(
        "transparency",
        "Transparency",
        14,
        "Those who collect data are open about how the collection is done.",
    ),
    _item(
        "privacy",
        "Privacy",
        16,
        "Respondents' privacy is protected and their personal data are kept confidential.",
    ),
    _item(
        "accountability",
        "Accountability",
        18,
        "Those who collect and use data answer for how they do it.",
    ),
)


OVER, REL = Strength.OVERLAPS, Strength.RELATED
P = Principle

_LINKS: list[LinkRow] = [
    (
        P.PARTICIPATION_AND_INCLUSION,
        "participation",
        OVER,
        "Both involve the groups concerned, the marginalised first, in the data work.",
        ("para 17", "para 21"),
        "XW-5",
    ),
    (
        P.PARTICIPATION_AND_INCLUSION,
        "data_disaggregation",
        REL,
        "Both make marginalised groups visible: one by involving them, one by counting them apart.",
        ("para 17",),
        "XW-6",
    ),
    (
        P.INFORMED_CONSENT,
        "transparency",
        REL,
        "Consent needs the information that openness about the collection gives.",
        ("para 22", "para 27"),
    ),
    (
        P.DATA_SECURITY,
        "privacy",
        REL,
        "Secure storage and management protect respondents' privacy; para 30 ties the two.",
        ("para 24", "para 30"),
    ),
    (
        P.SELF_IDENTIFICATION,
        "self_identification",
        OVER,
        "Both leave identity and group membership to the people themselves.",
        ("para 17", "para 25"),
        "XW-5",
    ),
    (
        P.TRANSPARENCY,
        "transparency",
        OVER,
        "Both ask collectors to be open about how data are gathered and used.",
        ("para 17", "para 27"),
        "XW-5",
    ),
    (
        P.ACCOUNTABILITY,
        "accountability",
        OVER,
        "Both hold data producers answerable for their conduct; ours names rights and impact.",
        ("para 17", "para 29"),
        "XW-5",
    ),
    (
        P.CONFIDENTIALITY,
        "privacy",
        OVER,
        "Both protect privacy and keep personal data confidential; ours adds attribution.",
        ("para 17", "para 30"),
        "XW-5",
    ),
]

#: The principles beside the human rights-based approach to data.
HRBAD_CROSSWALK = Crosswalk(
    standard=HRBAD,
    title="Principles and the human rights-based approach to data",
    summary=(
        "Para 17 says the principles take the human rights-based approach to data into account. "
        "Five of its six components share a name or an aim with one of the 13 principles; data "
        "disaggregation relates to participation and inclusion."
    ),
    items=HRBAD_ITEMS,
    links=build_links(HRBAD_ITEMS, _LINKS),
)
