"""`copenhagen.batch.writers`: the fast writers give the row definition's bytes and tallies.

The definition is `copenhagen.batch.rows` (``dumps_row(compact_row(...))``, ``full_row``,
``tally_key``); the writers are the same rows made fast from tables of shared parts. These tests
hold them to it: over the whole key space of the decisions, and over sequences of initiatives
through one writer, drawn to share parts, for the shipped rules and a layered reading.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import Initiative
from copenhagen.assessor import Assessor
from copenhagen.batch.rows import (
    DECISIONS,
    compact_row,
    decision_entry,
    dumps_row,
    full_row,
    tally_key,
)
from copenhagen.batch.summary import tally_parts
from copenhagen.batch.writers import CompactWriter, FullWriter
from copenhagen.rules.abstraction import Abstraction
from tests.variants import (
    FUNDED_ADVICE,
    M4_FUNDERS,
    PRIVATELY_FUNDED,
    STATE_FUNDED,
    variant_initiatives,
)

# --- Issue 11, item 4: every class of the decisions' facts ------------------------------------


def test_every_point_of_the_decisions_key_space_gives_the_rules_own_decisions() -> None:
    """The compact row's decisions at one initiative per class of every decision fact.

    The classes are those the three decision rule sets' tests tell apart (`Abstraction`): 8,640
    points, of which the 540 with no initiator cannot be an initiative, so 8,100 are walked. At
    each, the writer's decision JSON equals ``decision_entry`` of a fresh assessor's decisions,
    and that of the rule sets' own ``evaluate`` over the plain mapping of the facts.
    """
    writer_assessor, fresh = Assessor(), Assessor()
    rule_sets = dict(zip(DECISIONS, writer_assessor.rules.decisions, strict=True))
    abstraction = Abstraction(t for rs in rule_sets.values() for t in rs.set_tests())
    writer = CompactWriter(writer_assessor)
    deciders = {
        "scope": fresh.assess_scope,
        "modality": fresh.classify_modality,
        "nso_category": fresh.classify_nso_category,
    }
    walked = 0
    for point in abstraction.points():
        if not point["initiated_by"]:
            continue  # an initiative names at least one initiator
        initiative = Initiative(name=f"Point {walked}", **point)
        row = json.loads(writer.write(walked + 1, initiative)[0])
        for key, rule_set in rule_sets.items():
            expected = decision_entry(deciders[key](initiative))
            assert row[key] == expected, (key, point)
            assert decision_entry(rule_set.evaluate(point)) == expected, (key, point)
        walked += 1
    assert abstraction.size() == 8_640
    assert walked == 8_100


# --- Issue 11, item 5: the writers are the row definition -------------------------------------

#: Whole groups of fields an initiative may take from another, so that the two share parts
#: (the same decisions with other principles, the same profile with other decisions...).
_GROUPS = (
    ("initiated_by", "partners", "funders"),
    ("engaged_stages", "meaningful_engagement"),
    ("integrated_into_official_statistics", "quality_assured"),
    ("principles", "practices"),
    ("participation", "objectives"),
)


@st.composite
def _sharing(draw: st.DrawFn) -> list[Initiative]:
    """A sequence of initiatives, many repeating or mixing a few drawn ones (parts repeat)."""
    pool = draw(st.lists(variant_initiatives(), min_size=1, max_size=4))
    found = []
    for n in range(draw(st.integers(1, 12))):
        first = draw(st.sampled_from(pool))
        second = draw(st.sampled_from(pool))
        group = draw(st.sampled_from(((), *_GROUPS)))
        taken = {field: getattr(second, field) for field in group}
        found.append(attrs.evolve(first, name=f"{first.name} {n}", **taken))
    return found


_ASSESSORS = {
    "shipped": Assessor(),
    "layered": Assessor([M4_FUNDERS, FUNDED_ADVICE]),
    "tiny cache": Assessor([M4_FUNDERS, FUNDED_ADVICE], cache_size=3),
}
#: One writer of each kind per assessor, kept across every example: its tables fill up, serve
#: the parts they hold and (with the tiny cache) start afresh, all of it under test.
_WRITERS = {
    (name, kind): kind(assessor)
    for name, assessor in _ASSESSORS.items()
    for kind in (CompactWriter, FullWriter)
}


def _expected(assessor: Assessor, position: int, initiative: Initiative) -> tuple[Any, ...]:
    a = assessor.assess(initiative)
    compact = compact_row(position, a)
    tally = tally_parts(tally_key(compact))
    return dumps_row(compact), dumps_row(full_row(position, a)), tally


@given(_sharing())
def test_one_writer_over_many_initiatives_gives_the_row_definition(
    batch: list[Initiative],
) -> None:
    for name, assessor in _ASSESSORS.items():
        compact, full = _WRITERS[name, CompactWriter], _WRITERS[name, FullWriter]
        for position, initiative in enumerate(batch, 1):
            row, full_text, tally = _expected(assessor, position, initiative)
            assert compact.write(position, initiative) == (row, tally), name
            assert full.write(position, initiative) == (full_text, tally), name
            ids = json.loads(row)["recommendations"]
            assert ids == list(assessor.recommendation_ids(initiative))


def test_the_layers_new_readings_reach_the_writers_rows() -> None:
    # The writers' tables are keyed on what each assessor's rules read: after many rows whose
    # parts the two readings share, the one where they differ is still told apart.
    for initiative in (PRIVATELY_FUNDED, STATE_FUNDED):
        for name in _ASSESSORS:
            row, full_text, tally = _expected(_ASSESSORS[name], 5, initiative)
            assert _WRITERS[name, CompactWriter].write(5, initiative) == (row, tally)
            assert _WRITERS[name, FullWriter].write(5, initiative) == (full_text, tally)
    shipped = json.loads(_WRITERS["shipped", CompactWriter].write(1, STATE_FUNDED)[0])
    layered = json.loads(_WRITERS["layered", CompactWriter].write(1, STATE_FUNDED)[0])
    assert (shipped["modality"]["outcome"], layered["modality"]["outcome"]) == (2, 3)
