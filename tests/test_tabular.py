"""`copenhagen.tabular.assess_frame`: a DataFrame assessed into typed columns of the batch row."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copenhagen import Assessor, assess, load_initiative
from copenhagen.batch import compact_row, csv_columns, full_row
from copenhagen.documents import InvalidInitiativeError, structure_initiative
from copenhagen.synthetic import realistic_documents
from copenhagen.tabular import RESULT_COLUMNS, _reader, assess_frame, result_columns
from tests.variants import funders_layer


def expected_row(document: dict[str, Any], columns: tuple[str, ...], assessor: Any = None) -> list:
    """A row's values as the row definition gives them, loaded and assessed on its own."""
    try:
        initiative = structure_initiative(document)
    except InvalidInitiativeError as error:
        return [[list(e) for e in error.errors] if c == "errors" else None for c in columns]
    found = (assessor or Assessor()).assess(initiative)
    compact, full = compact_row(1, found), full_row(1, found)
    return [_reader(c)(compact, full) for c in columns]


def row_values(frame: pd.DataFrame, row: int, columns: tuple[str, ...]) -> list:
    values = [frame[c].iloc[row] for c in columns]
    return [None if not isinstance(v, list) and pd.isna(v) else v for v in values]


def test_columns_derive_from_the_row_definition() -> None:
    kept = [c for c in csv_columns("compact") if c not in ("position", "name")]
    assert [c.replace("status.", "principles.") for c in RESULT_COLUMNS] == kept
    # The names of version 1.0 are all there.
    for d in ("scope", "modality", "nso_category"):
        assert {d, f"{d}_determinate", f"{d}_missing"} <= set(RESULT_COLUMNS)
    assert {"status.informed_consent", "recommendations", "warnings", "errors"} <= set(
        RESULT_COLUMNS
    )
    assert set(result_columns("full")) - set(RESULT_COLUMNS) == {
        "participation_engaged_stages",
        "participation_coverage",
        "participation_degree",
        "participation_quality",
        "participation_table_1_column",
    }


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
    assert row["scope"] == "in_scope"
    assert row["modality"] == "civic_action"  # by name, not the value 1
    assert row["nso_category"] == "undecided"
    assert row["nso_category_missing"] == expected["nso_category"]["missing"]
    assert row["status.informed_consent"] == "met"
    assert row["errors"] is None
    survey = result.loc["b"]
    assert survey["scope"] == "out_of_scope"  # engaged_stages "[]" is an empty list
    assert survey["modality"] == "none"
    broken = result.loc["c"]
    assert pd.isna(broken["scope"])
    assert broken["name"] == "Broken"  # the frame keeps the name of a bad row
    assert broken["errors"][0][0] == "initiated_by[0]"


def test_typed_columns() -> None:
    frame = pd.json_normalize(list(realistic_documents(300, seed=3)))
    result = assess_frame(frame)
    for d in ("scope", "modality", "nso_category"):
        assert isinstance(result[d].dtype, pd.CategoricalDtype)
        assert result[d].notna().all()  # never blank: every record is counted
        assert result[d].value_counts().sum() == len(frame)
        assert str(result[f"{d}_determinate"].dtype) == "boolean"
        assert all(isinstance(v, list) for v in result[f"{d}_missing"])
    assert (result["modality"] == "undecided").any()
    assert isinstance(result["status.openness"].dtype, pd.CategoricalDtype)
    assert result["provenance"].nunique() == 1
    full = assess_frame(frame, detail="full")
    assert str(full["participation_coverage"].dtype) == "Float64"
    assert isinstance(full["participation_degree"].dtype, pd.CategoricalDtype)


def test_every_row_is_its_own_assessment() -> None:
    documents = list(realistic_documents(400, seed=5))
    documents[7] = {**documents[7], "quality_assured": "yes"}
    documents[8] = {**documents[8], "colour": "red"}
    documents[9] = {key: v for key, v in documents[9].items() if key != "initiated_by"}
    frame = pd.json_normalize(documents)
    for detail in ("compact", "full"):
        columns = result_columns(detail)
        result = assess_frame(frame, detail=detail)  # type: ignore[arg-type]
        for row, document in enumerate(frame.to_dict("records")):
            given = {k: v for k, v in document.items() if isinstance(v, list) or not pd.isna(v)}
            given = _nested(given)
            assert row_values(result, row, columns) == expected_row(given, columns), row


def _nested(flat: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in flat.items():
        group, dot, inner = key.partition(".")
        if dot:
            found.setdefault(group, {})[inner] = value
        else:
            found[key] = value
    return found


def test_a_layer_reaches_the_columns() -> None:
    frame = pd.json_normalize(list(realistic_documents(300, seed=9)))
    layered = Assessor([funders_layer()])
    base, read = assess_frame(frame), assess_frame(frame, assessor=layered)
    assert not base["modality"].equals(read["modality"])
    for row in range(len(frame)):
        document = _nested(
            {
                k: v
                for k, v in frame.iloc[row].to_dict().items()
                if isinstance(v, list) or not pd.isna(v)
            }
        )
        assert row_values(read, row, RESULT_COLUMNS) == expected_row(
            document, RESULT_COLUMNS, layered
        )


def test_list_cells_are_lists() -> None:
    frame = pd.DataFrame({"name": ["a", "b"], "initiated_by": ["nso", "nso"]})
    result = assess_frame(frame)
    for column in ("scope_missing", "scope_rules", "recommendations", "warnings"):
        assert all(type(v) is list for v in result[column])
    assert result.loc[0, "scope_missing"] == ["engaged_stages", "meaningful_engagement"]


def test_numpy_values_are_plain() -> None:
    frame = pd.DataFrame({"name": ["x"], "initiated_by": [["cso"]], "quality_assured": [True]})
    frame["quality_assured"] = frame["quality_assured"].astype("bool")
    assert assess_frame(frame).loc[0, "errors"] is None
    arrays = pd.DataFrame({"name": ["x"], "initiated_by": [np.array(["cso", "nso"])]})
    assert assess_frame(arrays).loc[0, "modality"] == "jointly_initiated_collaboration"


def test_numbers_are_not_booleans() -> None:
    frame = pd.DataFrame(
        {"name": ["x", "y"], "initiated_by": ["cso", "cso"], "quality_assured": [True, 1]},
        dtype=object,
    )
    result = assess_frame(frame)
    assert result.loc[0, "errors"] is None
    assert result.loc[1, "errors"] == [
        ["quality_assured", "expected true or false, not the number 1"]
    ]


def test_empty_frame_keeps_its_shape() -> None:
    frame = pd.DataFrame({"name": pd.Series([], dtype=object)})
    result = assess_frame(frame)
    assert list(result.columns) == ["name", *RESULT_COLUMNS]
    assert isinstance(result["scope"].dtype, pd.CategoricalDtype)


def test_result_columns_must_be_new() -> None:
    with pytest.raises(ValueError, match="scope"):
        assess_frame(pd.DataFrame({"name": ["x"], "initiated_by": ["cso"], "scope": [1]}))


def test_a_mapping_given_twice_is_refused() -> None:
    frame = pd.DataFrame(
        {"name": ["x"], "principles": [{"openness": "met"}], "principles.openness": ["met"]}
    )
    with pytest.raises(ValueError, match="principles"):
        assess_frame(frame)


_CELLS = st.one_of(
    st.none(),
    st.just(math.nan),
    st.sampled_from(["cso", "nso", "cso;academia", "[]", "", "martians", "true", "met", "KE"]),
    st.lists(st.sampled_from(["cso", "nso", "state", "design", "collection", "x"]), max_size=3),
    st.booleans(),
    st.integers(-1, 2),
)
_COLUMNS = [
    "name",
    "initiated_by",
    "partners",
    "engaged_stages",
    "meaningful_engagement",
    "quality_assured",
    "integrated_into_official_statistics",
    "principles.openness",
    "practices.secure_storage",
    "participation.extent",
    "country",
    "extra.url",
    "colour",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"name": st.sampled_from(["a", "b", "", None])},
            optional=dict.fromkeys(_COLUMNS[1:], _CELLS),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_frame_is_assessed_row_by_row(rows: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(rows, dtype=object)
    result = assess_frame(frame)
    for row in range(len(frame)):
        cells = frame.iloc[row].to_dict()
        given = {k: v for k, v in cells.items() if isinstance(v, list) or not _absent(v)}
        document = _nested(
            {
                k: (_csv_list(v) if k in _LIST_KEYS and isinstance(v, str) else v)
                for k, v in given.items()
            }
        )
        assert row_values(result, row, RESULT_COLUMNS) == expected_row(document, RESULT_COLUMNS)


_LIST_KEYS = {"initiated_by", "partners", "funders", "objectives", "engaged_stages"}


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _csv_list(text: str) -> list[str]:
    from copenhagen.batch import csv_cell_list

    return csv_cell_list(text)


def test_a_refused_cell_is_never_taken_for_a_like_one() -> None:
    # No rule reads `country`: both rows fall in one pattern of what the rules read, and the
    # refused one must not take the other's results.
    frame = pd.DataFrame(
        {"name": ["valid", "refused"], "initiated_by": ["cso", "cso"], "country": ["KE", "xx"]}
    )
    result = assess_frame(frame)
    assert result.loc[0, "errors"] is None
    assert result.loc[1, "errors"][0][0] == "country"
    assert pd.isna(result.loc[1, "scope"])
