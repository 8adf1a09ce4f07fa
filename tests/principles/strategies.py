"""Strategies for the principle tests: the library's public ones, plus ones aimed at principles.

The assessment reads nothing but ``principles`` and ``practices``. The public
`copenhagen.strategies.initiatives` covers whole initiatives with a few of each; the local part
adds fully declared, mostly-met initiatives, so that cases where all thirteen principles are met
(and principle 10 with them) are drawn often.
"""

from __future__ import annotations

from hypothesis import strategies as st

from copenhagen import Actor, Initiative, Principle, Status
from copenhagen.framework import Practice
from copenhagen.strategies import initiatives as public_initiatives

statuses = st.sampled_from(list(Status))
mostly_met = st.sampled_from([Status.MET] * 4 + [Status.PARTIAL, Status.UNKNOWN, Status.NOT_MET])
declarations = st.one_of(
    st.dictionaries(st.sampled_from(list(Principle)), statuses),
    st.fixed_dictionaries(dict.fromkeys(Principle, mostly_met)),
)
answers = st.one_of(
    st.dictionaries(st.sampled_from(list(Practice)), st.booleans()),
    st.fixed_dictionaries({x: st.sampled_from([True, True, True, False]) for x in Practice}),
)


@st.composite
def _local(draw: st.DrawFn) -> Initiative:
    return Initiative(
        name="generated",
        initiated_by=frozenset({Actor.CSO}),
        principles=draw(declarations),
        practices=draw(answers),
    )


def initiatives() -> st.SearchStrategy[Initiative]:
    """Initiatives from the public strategies and from the principle-focused local one."""
    return st.one_of(_local(), public_initiatives())
