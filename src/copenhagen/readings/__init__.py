"""Readings compared and checked: exact diffs between two assessors, invariants of one.

`diff` lists every pair of differing results two readings (`copenhagen.Assessor` objects with
their layers) give some initiative, each with a smallest example (contract section 7); `check`
verifies the invariants a reading of the framework should keep. Both walk the abstract fact
space of the rule sets (`FactSpace`): one initiative of every class their conditions can tell
apart.
"""

from __future__ import annotations

from copenhagen.readings.comparing import Differences, Examined, diff
from copenhagen.readings.invariants import (
    INVARIANTS,
    Invariant,
    InvariantResult,
    Reading,
    Violation,
    check,
)
from copenhagen.readings.space import MAX_POINTS, FactSpace

__all__ = [
    "INVARIANTS",
    "MAX_POINTS",
    "Differences",
    "Examined",
    "FactSpace",
    "Invariant",
    "InvariantResult",
    "Reading",
    "Violation",
    "check",
    "diff",
]
