"""One project to one document: only what the record states, the rest listed, nothing guessed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen import InvalidInitiativeError, load_initiative
from copenhagen.framework import Actor
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.ppsr import Parties, batch_problems, convert_project, load_parties, parse_registry

FIXTURES = Path(__file__).parent / "fixtures"
UNDECIDED = [
    "objectives",
    "meaningful_engagement",
    "integrated_into_official_statistics",
    "quality_assured",
    "principles",
    "country",
    "practices",
    "participation",
]


@pytest.fixture(scope="module")
def projects() -> list[Any]:
    return parse_registry((FIXTURES / "registry.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parties() -> Parties:
    return load_parties(FIXTURES / "parties.csv")


def test_a_full_record(projects: list[Any], parties: Parties) -> None:
    result = convert_project(1, projects[0], parties)
    assert result.ok
    assert result.document == {
        "name": "Harbour plastic count",
        "initiated_by": ["cso"],
        "partners": ["nso"],
        "funders": ["private_sector"],
        "engaged_stages": ["collection", "processing"],
        "description": "Volunteers walk fixed stretches of shore and record what they find.",
        "extra": {"ppsr_core": {"projectId": "reg-0001"}},
    }
    assert list(result.unknown) == UNDECIDED
    assert list(result.unused) == [
        "projectDateCreated",
        "projectLastUpdatedDate",
        "projectAim",
        "projectStatus",
        "projectStartDate",
        "projectDuration",
        "projectScienceType",
        "language",
        "projectResponsiblePartyContactEmail",
        "contactPoint",
        "projectMedia",
        "projectGeographicLocation",
        "projectCountry",
        "scientificProcessInvolved[3]",
        "projectAssociatedParty[2].projectAssociatedPartyName",
        "projectAssociatedParty[2].projectAssociatedPartyRole",
        "projectUrl",
    ]
    assert load_initiative(result.document).name == "Harbour plastic count"
    assert batch_problems(result) == ()


def test_single_values_where_ppsr_core_allows_many(projects: list[Any], parties: Parties) -> None:
    result = convert_project(2, projects[1], parties)
    assert result.document["engaged_stages"] == ["collection"]
    assert result.document["partners"] == []  # the record lists its parties; none is a partner
    assert result.document["funders"] == ["state"]  # the federal sponsor, and the table's NSF
    assert result.document["extra"] == {"ppsr_core": {"projectId": 2}}
    assert "projectAssociatedParty.projectAssociatedPartyId" in result.unused


def test_a_party_missing_from_the_table_leaves_its_key_unknown(
    projects: list[Any], parties: Parties
) -> None:
    result = convert_project(3, projects[2], parties)
    assert result.ok
    assert "initiated_by" not in result.document
    assert result.unknown[0] == "initiated_by"
    ((key, message),) = batch_problems(result)
    assert key == "initiated_by"
    assert "'Friends of the Marsh'" in message
    assert "add a row 'Friends of the Marsh,<actor>' to the parties table" in message


def test_without_a_table_no_party_becomes_an_actor(projects: list[Any]) -> None:
    for position, project in enumerate(projects[:3], 1):
        document = convert_project(position, project).document
        assert "initiated_by" not in document
        assert set(document.get("partners", [])) == set()


def test_a_field_of_the_wrong_type_makes_the_project_unreadable(projects: list[Any]) -> None:
    result = convert_project(4, projects[3])
    assert not result.ok
    assert result.errors == (("projectName", "expected text, found a number"),)
    assert result.to_dict() == {
        "position": 4,
        "errors": [["projectName", "expected text, found a number"]],
    }


WRONG = "expected text, found"


@pytest.mark.parametrize(
    ("record", "error"),
    [
        ("x", ("(project)", "expected a JSON object (one PPSR-Core project), found text")),
        ({"projectId": True}, ("projectId", "expected text or a whole number, found a boolean")),
        ({"projectId": 1.5}, ("projectId", "expected text or a whole number, found a number")),
        (
            {"projectResponsiblePartyName": ["A"]},
            ("projectResponsiblePartyName", f"{WRONG} a list"),
        ),
        (
            {"scientificProcessInvolved": ["Observation", 3]},
            ("scientificProcessInvolved[1]", f"{WRONG} a number"),
        ),
        (
            {"projectAssociatedParty": ["A"]},
            ("projectAssociatedParty[0]", "expected an object, found text"),
        ),
        (
            {"projectAssociatedParty": {"projectAssociatedPartyRole": 1}},
            ("projectAssociatedParty.projectAssociatedPartyRole", f"{WRONG} a number"),
        ),
    ],
)
def test_wrong_types(record: object, error: tuple[str, str]) -> None:
    assert convert_project(1, record).errors == (error,)


def test_roles_that_fill_no_key_are_unused() -> None:
    parties = Parties.from_mapping({"A": "nhri", "B": "academia"})
    record = {
        "projectAssociatedParty": [
            {"projectAssociatedPartyName": "A", "projectAssociatedPartyRole": "Agent"},
            {"projectAssociatedPartyName": "B"},
            {"projectAssociatedPartyName": "B", "projectAssociatedPartyRole": "Collaborator"},
            {},
        ]
    }
    result = convert_project(1, record, parties)
    assert result.document == {"partners": ["academia"], "funders": []}
    assert list(result.unused) == [
        "projectAssociatedParty[0].projectAssociatedPartyName",
        "projectAssociatedParty[0].projectAssociatedPartyRole",
        "projectAssociatedParty[1].projectAssociatedPartyName",
        "projectAssociatedParty[3]",
    ]


def test_an_unnamed_partner_leaves_partners_unknown() -> None:
    result = convert_project(
        1, {"projectAssociatedParty": {"projectAssociatedPartyRole": "Partner"}}
    )
    assert "partners" not in result.document
    assert result.document["funders"] == []
    assert ("partners", "the record has a Partner without a name: add partners yourself") in (
        batch_problems(result)
    )


def test_a_record_without_a_responsible_party() -> None:
    (problem,) = batch_problems(convert_project(1, {"projectName": "x"}))
    assert problem[0] == "initiated_by"
    assert "names no responsible party" in problem[1]


def test_null_fields_are_unused_not_errors() -> None:
    result = convert_project(1, {"projectName": None, "projectDescription": "d"})
    assert result.document == {"description": "d"}
    assert result.unused == ("projectName",)
    assert result.unknown[0] == "name"


def test_unknown_is_in_section_2_order() -> None:
    unknown = convert_project(1, {}).unknown
    assert list(unknown) == [k for k in DOCUMENT_KEYS if k != "extra"]


def test_to_dict_is_the_contract_line(projects: list[Any], parties: Parties) -> None:
    line = convert_project(1, projects[0], parties).to_dict()
    assert list(line) == ["position", "document", "unknown", "unused"]
    assert json.loads(json.dumps(line)) == line


def test_strings_are_kept_as_given() -> None:
    name = "  Reef\tWatch \u202e "
    parties = Parties.from_mapping({name: Actor.COMMUNITY})
    record = {"projectName": name, "projectResponsiblePartyName": name}
    document = convert_project(1, record, parties).document
    assert document == {"name": name, "initiated_by": ["community"]}


# Hostile records: any JSON, nested, with odd keys; conversion never raises, and what it
# writes is a document the loader accepts or refuses with a contract error.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
fields = st.sampled_from(
    [
        "projectName",
        "projectId",
        "projectDescription",
        "projectResponsiblePartyName",
        "scientificProcessInvolved",
        "projectAssociatedParty",
        "projectCountry",
        "projectMedia",
    ]
)


@given(st.dictionaries(fields | st.text(max_size=6), json_values, max_size=6))
def test_any_record_converts_or_is_refused_cleanly(record: dict[str, Any]) -> None:
    parties = Parties.from_mapping({"A": "cso"})
    result = convert_project(1, record, parties)
    line = json.dumps(result.to_dict(), ensure_ascii=False)
    assert json.loads(line) == json.loads(json.dumps(result.to_dict()))
    if result.ok:
        assert set(result.document) | set(result.unknown) >= set(DOCUMENT_KEYS) - {"extra"}
        try:
            load_initiative(result.document)
        except InvalidInitiativeError as error:
            problems = error.errors
            assert problems
    else:
        assert result.document == {}
        assert all(isinstance(p, str) and isinstance(m, str) for p, m in result.errors)
