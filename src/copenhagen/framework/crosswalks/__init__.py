"""Crosswalks: the framework beside the standards it names, as cited data next to the catalogue.

Four crosswalks, each an outside standard's items and cited links to the framework:

- ``fpos``: the 13 principles and the ten Fundamental Principles of Official Statistics
  (paras 17, 23);
- ``hrbad``: the 13 principles and the six components of the human rights-based approach to data
  (para 17);
- ``care``: the 13 principles and the CARE Principles for Indigenous Data Governance, C1 to E3
  (paras 25-26);
- ``gsbpm``: the six value-chain stages and every sub-process of GSBPM v5.1 (para 12,
  footnote 4).

Each link has a `Strength`, a one-line reason in our own words, the framework anchors it rests
on and the outside item's source; judgement calls are in the interpretation register (XW-1 ...).
The crosswalks are the library's reading, not part of the framework, so `catalogue()` does not
list them.

Examples:
    >>> from copenhagen.framework import Principle
    >>> from copenhagen.framework.crosswalks import crosswalk, crosswalk_links
    >>> [link.to_dict()["to"] for link in crosswalk("fpos").links_from(Principle.CONFIDENTIALITY)]
    ['6']
    >>> sorted({link.crosswalk for link in crosswalk_links(Principle.DATA_SOVEREIGNTY)})
    ['care']
"""

from __future__ import annotations

from copenhagen.framework.crosswalks._model import (
    Crosswalk,
    CrosswalkLink,
    OutsideItem,
    OutsideStandard,
    Strength,
)
from copenhagen.framework.crosswalks.care import CARE_CROSSWALK
from copenhagen.framework.crosswalks.fpos import FPOS_CROSSWALK
from copenhagen.framework.crosswalks.gsbpm import GSBPM_CROSSWALK
from copenhagen.framework.crosswalks.hrbad import HRBAD_CROSSWALK
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage

__all__ = [
    "CROSSWALKS",
    "CROSSWALK_NAMES",
    "Crosswalk",
    "CrosswalkLink",
    "OutsideItem",
    "OutsideStandard",
    "Strength",
    "crosswalk",
    "crosswalk_links",
]

#: Every crosswalk, in the order the CLI and the docs list them.
CROSSWALKS: tuple[Crosswalk, ...] = (
    FPOS_CROSSWALK,
    HRBAD_CROSSWALK,
    CARE_CROSSWALK,
    GSBPM_CROSSWALK,
)

#: The crosswalks' names, as ``copenhagen framework --crosswalk`` takes them.
CROSSWALK_NAMES: tuple[str, ...] = tuple(c.name for c in CROSSWALKS)


def crosswalk(name: str) -> Crosswalk:
    """The crosswalk called ``name`` (``"fpos"``, ``"hrbad"``, ``"care"`` or ``"gsbpm"``).

    Raises:
        KeyError: If there is no such crosswalk; the message lists the names.
    """
    for found in CROSSWALKS:
        if found.name == name:
            return found
    raise KeyError(f"no crosswalk {name!r}; allowed: {', '.join(CROSSWALK_NAMES)}")


def crosswalk_links(member: Principle | Stage) -> tuple[CrosswalkLink, ...]:
    """Every crosswalk link that starts from ``member``, crosswalk by crosswalk, in item order.

    A principle has links in ``fpos``, ``hrbad`` and ``care``; a stage in ``gsbpm``. Each link's
    ``crosswalk`` names its crosswalk and ``to_dict()`` gives contract section 8's form.

    Args:
        member: A `Principle` or a `Stage`.

    Raises:
        TypeError: If ``member`` is neither.
    """
    if not isinstance(member, Principle | Stage):
        raise TypeError(f"expected a Principle or a Stage, got {type(member).__name__}")
    return tuple(link for found in CROSSWALKS for link in found.links_from(member))
