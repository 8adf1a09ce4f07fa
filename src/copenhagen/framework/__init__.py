"""The Copenhagen Framework on Citizen Data as cited, immutable data. No decisions live here."""

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.actors import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE, Actor, Side
from copenhagen.framework.modalities import Modality
from copenhagen.framework.objectives import Objective
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import (
    ParticipationAspect,
    ParticipationDimension,
    ParticipationLevel,
)
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage

__all__ = [
    "CITIZEN_SIDE",
    "OTHER_SIDE",
    "STATE_SIDE",
    "Actor",
    "CatalogueMember",
    "Entry",
    "Modality",
    "NSOCategory",
    "Objective",
    "ParticipationAspect",
    "ParticipationDimension",
    "ParticipationLevel",
    "Practice",
    "Principle",
    "Side",
    "Stage",
]
