"""Searching a fact space too large to walk: Hypothesis finds differences and shrinks them.

Used by `copenhagen.readings.diff` past `copenhagen.readings.space.MAX_POINTS` points. Each round
draws points of the abstract space (one value per class of each fact, simpler classes first)
until one gives a pair of results not yet found; Hypothesis then shrinks that point to the
simplest one still giving a new pair, and the next round looks for the next. A round that finds
nothing new ends the search. Runs are derandomised and use no example database, so the same
readings give the same result every time; unlike the walk, a search can miss a rare pair, and
the diff says which method it used.
"""

from __future__ import annotations

from typing import Any

from copenhagen._version import DISTRIBUTION
from copenhagen.readings.space import Facts, PairSpace
from copenhagen.rules.engine import RuleSet

__all__ = ["search"]


class _NewPairFoundError(Exception):
    """Raised inside a round at the first point giving a pair not found yet."""

    def __init__(self, pair: Any, point: Facts) -> None:
        super().__init__(pair)
        self.pair = pair
        self.point = point


def search(
    space: PairSpace, a: RuleSet, b: RuleSet, *, examples: int
) -> tuple[dict[Any, dict[str, Any]], int]:
    """Differing pairs of ``a`` and ``b`` found by search, each with a shrunk example document.

    Args:
        space: The abstract fact space of both rule sets (one value per pair of classes).
        a: One rule set.
        b: The other.
        examples: How many points each round tries before it gives up.

    Returns:
        The pairs found with their examples, and how many points were evaluated.

    Raises:
        ImportError: Naming the ``strategies`` extra, if Hypothesis is not installed.
    """
    try:
        from hypothesis import HealthCheck, Phase, Verbosity, given, settings
        from hypothesis import strategies as st
    except ImportError:
        raise ImportError(
            f"the fact space has {space.size:,} points, too many to walk; searching it needs "
            f"Hypothesis: pip install '{DISTRIBUTION}[strategies]'"
        ) from None
    from copenhagen.readings.comparing import result_of

    points = st.fixed_dictionaries(
        {key: st.sampled_from(space.representatives(key)) for key in space.keys}
    ).map(Facts)
    found: dict[Any, dict[str, Any]] = {}
    evaluated = 0

    @settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        verbosity=Verbosity.quiet,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(points)
    def round_(point: Facts) -> None:
        nonlocal evaluated
        evaluated += 1
        pair = (result_of(a, point), result_of(b, point))
        if pair[0] != pair[1] and pair not in found:
            raise _NewPairFoundError(pair, point)

    while True:
        try:
            round_()
        except _NewPairFoundError as new:  # the shrunk point: Hypothesis replays it last
            found[new.pair] = space.document(new.point)
            continue
        return found, evaluated
