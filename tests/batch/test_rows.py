"""`copenhagen.batch.rows`: the row of a record, defined once (JSON Lines, CSV, schema, tally)."""

from __future__ import annotations

import json

from copenhagen import assess, load_initiative
from copenhagen.batch import (
    CSV_COLUMNS,
    csv_columns,
    flatten_row,
)

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
