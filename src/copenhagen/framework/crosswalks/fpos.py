"""The 13 principles beside the ten Fundamental Principles of Official Statistics (paras 17, 23).

Para 17 says the principles were drawn from existing statistical principles, the FPOS first among
them; para 23 sends principle 5 to the FPOS; para 33 places NSOs under them. The ten principles
are those of UN General Assembly resolution 68/261 (29 January 2014). The resolution numbers them
without headings; the short titles are the ones UNECE and UNSD publish beside the text. The
summaries are ours. Register XW-2 records what has no counterpart on either side.
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

__all__ = ["FPOS", "FPOS_CROSSWALK", "FPOS_ITEMS"]

#: The Fundamental Principles of Official Statistics as published.
FPOS = OutsideStandard(
    key="fpos",
    title="Fundamental Principles of Official Statistics",
    document=(
        "United Nations General Assembly, resolution 68/261 'Fundamental Principles of "
        "Official Statistics' (A/RES/68/261), adopted 29 January 2014"
    ),
    address="https://w3.unece.org/fpos30/principles.html",
    citations=("para 17", "para 23", "para 33"),
)


def _item(number: int, title: str, summary: str) -> OutsideItem:
    return OutsideItem(FPOS, str(number), title, summary, f"Principle {number}")


#: The ten principles, in the resolution's order.
FPOS_ITEMS: tuple[OutsideItem, ...] = (
    _item(
        1,
        "Relevance, impartiality and equal access",
        "Official statistics serve the government, the economy and the public; they must be of "
        "practical use and be compiled and released even-handedly, so that everyone can claim "
        "their right to public information.",
    ),
    _item(
        2,
        "Professional standards, scientific principles and professional ethics",
        "To keep trust, agencies settle how data are collected, processed, stored and presented "
        "on professional grounds alone, scientific principles and professional ethics included.",
    ),
    _item(
        3,
        "Accountability and transparency",
        "Agencies publish the sources, methods and procedures behind their figures, to "
        "scientific standards, so that users can read the data correctly.",
    ),
    _item(
        4,
        "Prevention of misuse",
        "Agencies may speak out when statistics are misread or misused.",
    ),
    _item(
        5,
        "Sources of official statistics",
        "Any source may feed statistics, surveys or administrative records alike; agencies "
        "choose among them for quality, timeliness, cost and the load on respondents.",
    ),
    _item(
        6,
        "Confidentiality",
        "Data on single persons or bodies collected for statistics are kept strictly "
        "confidential and serve statistical purposes only.",
    ),
    _item(
        7,
        "Legislation",
        "The laws, regulations and measures statistical systems operate under are public.",
    ),
    _item(
        8,
        "National coordination",
        "The statistical agencies of a country work in concert, for a consistent and efficient "
        "system.",
    ),
    _item(
        9,
        "Use of international standards",
        "Agencies use international concepts, classifications and methods, which keeps "
        "statistical systems consistent and efficient at every official level.",
    ),
    _item(
        10,
        "International cooperation",
        "Cooperation between countries, bilateral or multilateral, improves official statistics "
        "everywhere.",
    ),
)


OVER, REL = Strength.OVERLAPS, Strength.RELATED
P = Principle

_LINKS: list[LinkRow] = [
    (
        P.INDEPENDENCE,
        "1",
        OVER,
        "Both keep the data work even-handed, out of reach of those who would bend it.",
        ("para 17", "para 19"),
        "XW-3",
    ),
    (
        P.INDEPENDENCE,
        "2",
        OVER,
        "Deciding methods on professional grounds alone is what freedom from pressure protects.",
        ("para 17", "para 19"),
        "XW-3",
    ),
    (
        P.RELEVANCE,
        "1",
        OVER,
        "Both ask for data of practical use, judged here by the people the data concern.",
        ("para 17", "para 20"),
    ),
    (
        P.PROFESSIONAL_STANDARDS,
        "2",
        OVER,
        "Both rest the methods on professional and scientific considerations.",
        ("para 17", "para 23"),
    ),
    (
        P.PROFESSIONAL_STANDARDS,
        "5",
        REL,
        "Choosing sources for quality, cost and burden matches weighing what each party can do.",
        ("para 23",),
    ),
    (
        P.PROFESSIONAL_STANDARDS,
        "9",
        OVER,
        "Para 23 sends professional practice to international standards, as this principle does.",
        ("para 23",),
    ),
    (
        P.DATA_SECURITY,
        "6",
        REL,
        "Safe storage and clear data agreements are among the means of keeping data confidential.",
        ("para 24", "para 30"),
    ),
    (
        P.TRANSPARENCY,
        "3",
        OVER,
        "Both publish how the data were made: design, sources, methods and procedures.",
        ("para 17", "para 27"),
    ),
    (
        P.TRANSPARENCY,
        "7",
        REL,
        "Making the governing rules public is one part of openness about data practice.",
        ("para 27",),
    ),
    (
        P.ETHICAL_AND_SAFE_USE,
        "2",
        REL,
        "Professional ethics, named in that principle, is one strand of ethical production.",
        ("para 28",),
    ),
    (
        P.ETHICAL_AND_SAFE_USE,
        "4",
        REL,
        "Speaking out against misuse serves the aim that data harm no one.",
        ("para 17", "para 28"),
    ),
    (
        P.ACCOUNTABILITY,
        "3",
        REL,
        "That principle's accountability is about explaining methods; ours answers for rights "
        "and impact.",
        ("para 29",),
        "XW-4",
    ),
    (
        P.CONFIDENTIALITY,
        "6",
        OVER,
        "Both keep data on single persons or bodies confidential and to their purpose; ours adds "
        "credit.",
        ("para 17", "para 30"),
    ),
    (
        P.OPENNESS,
        "1",
        OVER,
        "Both make results available to all; ours adds formats for those with specific needs.",
        ("para 17", "para 31"),
    ),
]

#: The principles beside the FPOS.
FPOS_CROSSWALK = Crosswalk(
    standard=FPOS,
    title="Principles and the Fundamental Principles of Official Statistics",
    summary=(
        "Para 17 names the FPOS as a source the 13 principles were drawn from and adapted, and "
        "para 23 sends professional standards to them. Each principle is set beside the FPOS it "
        "shares ground with; principles with no counterpart, and FPOS with none among the 13, are "
        "listed as such (register XW-2)."
    ),
    items=FPOS_ITEMS,
    links=build_links(FPOS_ITEMS, _LINKS),
)
