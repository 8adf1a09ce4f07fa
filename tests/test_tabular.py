"""`copenhagen.tabular.assess_frame`: a DataFrame assessed into new columns."""

from __future__ import annotations

import math

import pandas as pd

from copenhagen import assess, load_initiative
from copenhagen.tabular import RESULT_COLUMNS, assess_frame


def test_rows_become_result_columns() -> None:
    frame = pd.DataFrame(
        {
            "name": ["Water watch", "Survey", "Broken"],
            "initiated_by": [["cso"], "nso", "martians"],
            "engaged_stages": ["design;collection", "[]", None],
            "meaningful_engagement": [True, math.nan, None],
            "principles.informed_consent": ["met", None, None],
        },
        index=["a", "b", "c"],
    )
    result = assess_frame(frame)
    assert list(result.columns) == [*frame.columns, *RESULT_COLUMNS]
    assert list(result.index) == ["a", "b", "c"]
    expected = assess(
        load_initiative(
            {
                "name": "Water watch",
                "initiated_by": ["cso"],
                "engaged_stages": ["design", "collection"],
                "meaningful_engagement": True,
                "principles": {"informed_consent": "met"},
            }
        )
    ).to_dict()
    row = result.loc["a"]
    assert row["scope"] == expected["scope"]["outcome"]
    assert row["modality"] == expected["modality"]["outcome"]
    assert row["nso_category_missing"] == expected["nso_category"]["missing"]
    assert row["status.informed_consent"] == "met"
    assert row["errors"] is None
    survey = result.loc["b"]
    assert survey["scope"] == "out_of_scope"  # engaged_stages "[]" is an empty list
    broken = result.loc["c"]
    assert broken["scope"] is None
    assert broken["errors"][0][0] == "initiated_by[0]"


def test_numpy_values_are_plain() -> None:
    frame = pd.DataFrame({"name": ["x"], "initiated_by": [["cso"]], "quality_assured": [True]})
    frame["quality_assured"] = frame["quality_assured"].astype("bool")
    assert assess_frame(frame).loc[0, "errors"] is None


def test_empty_frame_keeps_its_shape() -> None:
    frame = pd.DataFrame({"name": pd.Series([], dtype=object)})
    assert list(assess_frame(frame).columns) == ["name", *RESULT_COLUMNS]


def test_result_columns_must_be_new() -> None:
    import pytest

    with pytest.raises(ValueError, match="scope"):
        assess_frame(pd.DataFrame({"name": ["x"], "initiated_by": ["cso"], "scope": [1]}))
