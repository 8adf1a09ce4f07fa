"""`copenhagen.batch.rows`: the row of a record, defined once (JSON Lines, CSV, schema, tally)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copenhagen import assess, load_initiative
from copenhagen.batch import (
    CSV_COLUMNS,
    Detail,
    compact_row,
    csv_columns,
    dumps_row,
    flatten_row,
    full_row,
    row_schema,
)
from copenhagen.batch.rows import bad_row
from copenhagen.strategies import initiatives

GOOD = {"name": "Water watch", "initiated_by": ["cso"]}


def test_csv_output_columns() -> None:
    result = assess(load_initiative(GOOD)).to_dict()
    cells = flatten_row({"position": 7, **result})
    row = dict(zip(CSV_COLUMNS, cells, strict=True))
    assert row["position"] == "7"
    assert row["name"] == "Water watch"
    assert row["scope"] == "in_scope"
    assert row["scope_determinate"] == "true"
    assert row["nso_category_missing"] == "integrated_into_official_statistics;quality_assured"
    bad = dict(
        zip(csv_columns(), flatten_row({"position": 2, "errors": [["a", "b;c"]]}), strict=True)
    )
    assert json.loads(bad["errors"]) == [["a", "b;c"]]
    assert bad["name"] == ""


def test_neutralise_follows_the_owasp_rule() -> None:
    from copenhagen.batch.cells import FORMULA_STARTS, neutralise

    assert frozenset("=+-@\t\r") == FORMULA_STARTS
    assert [neutralise(t) for t in ("=1", "", "a=1", "'=1")] == ["'=1", "", "a=1", "'=1"]


# --------------------------------------------------------------------------- the row schema

_VALIDATORS = {
    detail: jsonschema.Draft202012Validator(row_schema(detail)) for detail in ("compact", "full")
}


@pytest.mark.parametrize("detail", ["compact", "full"])
def test_the_row_schema_is_a_valid_schema(detail: Detail) -> None:
    jsonschema.Draft202012Validator.check_schema(row_schema(detail))
    assert row_schema(detail) == row_schema(detail)  # a new plain dict each call, the same


@settings(max_examples=60, deadline=None)
@given(initiatives(), st.integers(min_value=1, max_value=10**6))
def test_every_row_fits_the_row_schema(initiative: Any, position: int) -> None:
    assessment = assess(initiative)
    compact = json.loads(dumps_row(compact_row(position, assessment)))
    full = json.loads(dumps_row(full_row(position, assessment)))
    _VALIDATORS["compact"].validate(compact)
    _VALIDATORS["full"].validate(full)
    # Each schema holds only its own kind of good row.
    assert not _VALIDATORS["compact"].is_valid(full)
    assert not _VALIDATORS["full"].is_valid(compact)


def test_bad_rows_fit_either_schema_with_their_name_when_they_have_one() -> None:
    for row in (
        bad_row(3, (("initiated_by", "this key is required"),)),
        bad_row(4, (("(document)", "not valid JSON"),), "Named"),
    ):
        data = json.loads(dumps_row(row))
        for validator in _VALIDATORS.values():
            validator.validate(data)
    assert json.loads(dumps_row(bad_row(4, (("a", "b"),), "Named")))["name"] == "Named"
    assert "name" not in json.loads(dumps_row(bad_row(4, (("a", "b"),))))


def test_csv_outcomes_are_named_never_blank() -> None:
    """Issue 11, item 4: every decision's cell says an outcome's name, undecided or none."""
    cases = {
        "in scope, named": (
            {"name": "A", "initiated_by": ["cso"], "partners": ["nso"]},
            "in_scope",
        ),
        "out of scope, none": (
            {"name": "B", "initiated_by": ["nso"], "engaged_stages": []},
            "out_of_scope",
        ),
        "undecided": ({"name": "C", "initiated_by": ["nso"]}, "undecided"),
    }
    for document, scope in cases.values():
        row = compact_row(1, assess(load_initiative(document)))
        cells = dict(zip(csv_columns(), flatten_row(row), strict=True))
        assert cells["scope"] == scope
        for key in ("modality", "nso_category"):
            assert cells[key]
            if cells["scope"] == "out_of_scope":
                assert cells[key] == "none"
    named = dict(
        zip(
            csv_columns(),
            flatten_row(compact_row(1, assess(load_initiative(cases["in scope, named"][0])))),
            strict=True,
        )
    )
    assert named["modality"] == "civic_driven_collaboration"


def test_a_bad_row_keeps_its_name_in_every_form() -> None:
    row = bad_row(5, (("initiated_by", "this key is required"),), "Kept")
    assert json.loads(dumps_row(row))["name"] == "Kept"
    for detail in ("compact", "full"):
        cells = dict(zip(csv_columns(detail), flatten_row(row, detail=detail), strict=True))  # type: ignore[arg-type]
        assert (cells["position"], cells["name"]) == ("5", "Kept")
        assert json.loads(cells["errors"]) == [["initiated_by", "this key is required"]]
