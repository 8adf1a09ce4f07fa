"""Loading documents from mappings: the contract's rules, the exact messages, the memoised path."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copenhagen import (
    Actor,
    InvalidInitiativeError,
    Principle,
    Stage,
    Status,
    dump_initiative,
    load_initiative,
)
from copenhagen.documents import document_errors, structure_initiative
from copenhagen.documents._converter import build_converter
from copenhagen.framework import ParticipationAspect, ParticipationLevel, Practice
from copenhagen.strategies import documents, initiatives, invalid_documents

ACTORS = "citizens, community, cso, nso, state, nhri, academia, private_sector, international"
PRINCIPLES = (
    "independence, relevance, participation_and_inclusion, informed_consent, "
    "professional_standards, data_security, self_identification, data_sovereignty, "
    "transparency, ethical_and_safe_use, accountability, confidentiality, openness"
)
# Scaled by profile: 10,000 examples under `ci` (max_examples 400), a quick run under `dev`.
FUZZ_EXAMPLES = 10_000 if settings.default.max_examples >= 400 else 300

BASE: dict[str, Any] = {"name": "Beach litter", "initiated_by": ["cso"]}
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def errors_of(**keys: Any) -> list[tuple[str, str]]:
    return document_errors({**BASE, **keys})


def test_minimal_document_defaults() -> None:
    initiative = load_initiative(BASE)
    assert initiative.name == "Beach litter"
    assert initiative.initiated_by == frozenset({Actor.CSO})
    assert initiative.partners == frozenset()
    assert initiative.funders == frozenset()
    assert initiative.objectives == frozenset()
    assert initiative.engaged_stages is None
    assert initiative.meaningful_engagement is None
    assert initiative.integrated_into_official_statistics is None
    assert initiative.quality_assured is None
    assert all(initiative.declared(p) is Status.UNKNOWN for p in Principle)
    assert initiative.extra_data == {}


def test_null_means_absent() -> None:
    keys = ["partners", "funders", "objectives", "engaged_stages", "meaningful_engagement"]
    keys += ["integrated_into_official_statistics", "quality_assured", "principles"]
    keys += ["description", "country", "extra", "practices", "participation"]
    assert load_initiative({**BASE, **dict.fromkeys(keys)}) == load_initiative(BASE)


def test_unknown_and_empty_stages_differ() -> None:
    assert load_initiative({**BASE, "engaged_stages": []}).engaged_stages == frozenset()
    assert load_initiative(BASE).engaged_stages is None
    assert dump_initiative(load_initiative({**BASE, "engaged_stages": []}))["engaged_stages"] == []
    assert "engaged_stages" not in dump_initiative(load_initiative(BASE))


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"name": None}, [("name", "this key is required; null counts as absent")]),
        (
            {"initiated_by": []},
            [("initiated_by", f"must name at least one actor; allowed: {ACTORS}")],
        ),
        (
            {"initiated_by": "cso"},
            [
                (
                    "initiated_by",
                    "expected a list of actors, not the string 'cso' "
                    "(write ['cso'] for a list of one)",
                )
            ],
        ),
        (
            {"initiated_by": ["cso", "partner"]},
            [("initiated_by[1]", f"'partner' is not an actor; allowed: {ACTORS}")],
        ),
        (
            {"partners": ["nso", "privat_sector"]},
            [
                (
                    "partners[1]",
                    f"'privat_sector' is not an actor; allowed: {ACTORS}; "
                    "did you mean 'private_sector'?",
                )
            ],
        ),
        (
            {"funders": [3]},
            [("funders[0]", f"expected an actor (a string), not the number 3; allowed: {ACTORS}")],
        ),
        (
            {"engaged_stages": ["desing"]},
            [
                (
                    "engaged_stages[0]",
                    "'desing' is not a stage; allowed: design, collection, processing, analysis, "
                    "uptake, review; did you mean 'design'?",
                )
            ],
        ),
        ({"partnrs": ["nso"]}, [("partnrs", "unknown key; did you mean 'partners'?")]),
        (
            {"zzz": 1},
            [
                (
                    "zzz",
                    "unknown key; allowed keys: name, initiated_by, partners, funders, objectives, "
                    "engaged_stages, meaningful_engagement, integrated_into_official_statistics, "
                    "quality_assured, principles, description, country, extra, practices, "
                    "participation",
                )
            ],
        ),
        (
            {"meaningful_engagement": "yes"},
            [("meaningful_engagement", "expected true or false, not the string 'yes'")],
        ),
        ({"quality_assured": 1}, [("quality_assured", "expected true or false, not the number 1")]),
        (
            {"integrated_into_official_statistics": "false"},
            [
                (
                    "integrated_into_official_statistics",
                    "expected true or false, not the string 'false'",
                )
            ],
        ),
        ({"description": 12}, [("description", "expected a string, not the number 12")]),
        ({"name": ""}, [("name", "must not be empty")]),
        (
            {"country": "ke"},
            [
                (
                    "country",
                    "'ke' is not an ISO 3166-1 alpha-2 country code (two capital letters, such as "
                    "'KE' or 'PH'); did you mean 'KE'?",
                )
            ],
        ),
        (
            {"principles": {"informed_consent": "met", "4": "partial"}},
            [
                (
                    "principles.informed_consent",
                    "this principle is given twice, as 'informed_consent' and as '4'; give it once",
                )
            ],
        ),
        (
            {"principles": {4: "met", "informed_consent": "met"}},
            [
                (
                    "principles.informed_consent",
                    "this principle is given twice, as 4 and as 'informed_consent'; give it once",
                )
            ],
        ),
        (
            {"principles": {"informed_consnt": "met"}},
            [
                (
                    "principles.informed_consnt",
                    f"'informed_consnt' is not a principle; allowed: {PRINCIPLES} (or a number "
                    "from 1 to 13); did you mean 'informed_consent'?",
                )
            ],
        ),
        (
            {"principles": {14: "met"}},
            [
                (
                    "principles.14",
                    "14 is not a principle number; the principles are numbered 1 to 13",
                )
            ],
        ),
        (
            {"principles": {True: "met"}},
            [
                (
                    "principles.true",
                    "true (a boolean) is not a principle; use its lower-case name (e.g. "
                    "'informed_consent') or its number from 1 to 13",
                )
            ],
        ),
        (
            {"principles": {"openness": "yes"}},
            [
                (
                    "principles.openness",
                    "'yes' is not a status; allowed: met, partial, not_met, unknown",
                )
            ],
        ),
        (
            {"principles": {"13": None}},
            [
                (
                    "principles.openness",
                    "expected a status (a string), not null; "
                    "allowed: met, partial, not_met, unknown",
                )
            ],
        ),
        ({"extra": [1]}, [("extra", "expected a mapping (any keys and values), not a list")]),
        (
            {"practices": {"secure_storage": 1}},
            [("practices.secure_storage", "expected true or false, not the number 1")],
        ),
        (
            {"participation": {"extent": "very high"}},
            [
                (
                    "participation.extent",
                    "'very high' is not a participation level; allowed: none, low, medium, "
                    "high; did you mean 'high'?",
                )
            ],
        ),
    ],
)
def test_error_messages_are_pinned(keys: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert errors_of(**keys) == expected
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative({**BASE, **keys})
    assert list(raised.value.errors) == expected


def test_missing_required_keys_and_not_a_mapping() -> None:
    assert document_errors({}) == [
        ("name", "this key is required"),
        ("initiated_by", "this key is required"),
    ]
    assert document_errors([1, 2]) == [
        ("(document)", "expected a mapping of keys to values, not a list")
    ]


def test_every_problem_at_once_in_document_order() -> None:
    document = {
        "partnrs": [],
        "name": "",
        "initiated_by": ["cso", "partner", "nso"],
        "meaningful_engagement": "yes",
        "principles": {"openness": "mett"},
    }
    assert [path for path, _ in document_errors(document)] == [
        "name",
        "initiated_by[1]",
        "meaningful_engagement",
        "principles.openness",
        "partnrs",
    ]


def test_error_text_lists_every_problem() -> None:
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative({"name": "", "initiated_by": ["partner"]})
    assert str(raised.value) == (
        "invalid initiative document (2 problems):\n"
        "  name: must not be empty\n"
        f"  initiated_by[0]: 'partner' is not an actor; allowed: {ACTORS}"
    )
    assert isinstance(raised.value, ValueError)
    assert raised.value.source is None
    # No cattrs or parser exception hangs off it.
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None


def test_principle_keys_by_name_number_and_text() -> None:
    loaded = load_initiative(
        {**BASE, "principles": {"independence": "met", 4: "partial", "13": "not_met"}}
    )
    assert dict(loaded.principles) == {
        Principle.INDEPENDENCE: Status.MET,
        Principle.INFORMED_CONSENT: Status.PARTIAL,
        Principle.OPENNESS: Status.NOT_MET,
    }
    for bad in ("04", " 4", "Independence", "INDEPENDENCE", 4.0, 0):
        assert errors_of(principles={bad: "met"}), bad


def test_practices_and_participation() -> None:
    loaded = load_initiative(
        {
            **BASE,
            "practices": {"secure_storage": True, "grievance_channel": False},
            "participation": {"extent": "high", "influence": "none"},
        }
    )
    assert dict(loaded.practices) == {
        Practice.SECURE_STORAGE: True,
        Practice.GRIEVANCE_CHANNEL: False,
    }
    assert dict(loaded.participation) == {
        ParticipationAspect.EXTENT: ParticipationLevel.HIGH,
        ParticipationAspect.INFLUENCE: ParticipationLevel.NONE,
    }


def test_extra_kept_exactly_and_frozen() -> None:
    extra = {"a": [1, {"b": None}], "c": {"d": [True, "x"]}, "n": 1.5}
    loaded = load_initiative({**BASE, "extra": extra})
    assert loaded.extra_data == extra
    assert dump_initiative(loaded)["extra"] == extra
    hash(loaded)  # deep-frozen: hashable
    extra["a"].append(2)  # the caller's data is not shared
    assert loaded.extra_data["a"] == [1, {"b": None}]


def test_enum_members_are_accepted_from_python() -> None:
    loaded = load_initiative(
        {"name": "x", "initiated_by": [Actor.CSO], "engaged_stages": [Stage.DESIGN]}
    )
    assert loaded.initiated_by == frozenset({Actor.CSO})
    assert loaded.engaged_stages == frozenset({Stage.DESIGN})


def test_no_coercion_of_sets_to_other_enums() -> None:
    assert errors_of(initiated_by=[Stage.DESIGN]) == [
        ("initiated_by[0]", f"'design' is not an actor; allowed: {ACTORS}")
    ]


def test_identical_sets_are_shared() -> None:
    first = load_initiative({"name": "a", "initiated_by": ["cso", "nso"]})
    second = load_initiative({"name": "b", "initiated_by": ["nso", "cso", "cso"]})
    third = structure_initiative({"name": "c", "initiated_by": ["nso", "cso"]})
    assert first.initiated_by is second.initiated_by is third.initiated_by


def _fresh(document: Any) -> Any:
    """The document structured by a converter that has remembered nothing yet."""
    from copenhagen import Initiative

    return build_converter().structure(document, Initiative)


@given(documents())
def test_remembered_results_are_the_hooks_own(document: dict[str, Any]) -> None:
    """The memo is the converter's own result: a warm converter and a fresh one agree."""
    first = structure_initiative(document)
    assert structure_initiative(json.loads(json.dumps(document))) == first
    assert _fresh(document) == first


@pytest.mark.parametrize(
    ("seen", "then", "path"),
    [
        ({"principles": {"4": "met"}}, {"principles": {4.0: "met"}}, "principles.4.0"),
        ({"principles": {"1": "met"}}, {"principles": {True: "met"}}, "principles.true"),
        (
            {"practices": {"secure_storage": True}},
            {"practices": {"secure_storage": 1}},
            "practices.secure_storage",
        ),
        ({"initiated_by": ["cso"]}, {"initiated_by": ("cso",)}, "initiated_by"),
        ({"engaged_stages": ["design"]}, {"engaged_stages": [Actor.CSO]}, "engaged_stages[0]"),
    ],
)
def test_a_remembered_value_never_stands_for_an_equal_one_of_another_type(
    seen: dict[str, Any], then: dict[str, Any], path: str
) -> None:
    """``1 == True == 1.0`` in Python: the memo must not let one stand for another."""
    structure_initiative({**BASE, **seen})
    assert [p for p, _ in document_errors({**BASE, **then})] == [path]


def test_the_memo_is_bounded() -> None:
    from copenhagen import Initiative
    from copenhagen.documents._converter import FIELD_TYPES, MEMO_SIZE

    converter = build_converter()
    for index in range(MEMO_SIZE + 10):
        converter.structure({**BASE, "funders": ["cso", "nso"] * (index + 1)}, Initiative)
    remembered = converter.get_structure_hook(FIELD_TYPES["funders"]).remembered
    assert len(remembered) == MEMO_SIZE
    assert ("cso", "nso") not in remembered  # the oldest went first
    # Still right after the oldest patterns went.
    funders = converter.structure({**BASE, "funders": ["cso", "nso"]}, Initiative).funders
    assert funders == frozenset({Actor.CSO, Actor.NSO})


@given(invalid_documents())
def test_invalid_documents_fail_at_their_path(case: tuple[dict[str, Any], str]) -> None:
    document, path = case
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative(document)
    assert [p for p, _ in raised.value.errors] == [path]


@given(documents())
def test_round_trip_from_documents(document: dict[str, Any]) -> None:
    initiative = load_initiative(document)
    dumped = dump_initiative(initiative)
    assert load_initiative(dumped) == initiative
    assert dump_initiative(load_initiative(dumped)) == dumped
    assert load_initiative(json.loads(json.dumps(dumped))) == initiative


@given(initiatives())
def test_round_trip_from_initiatives(initiative: Any) -> None:
    assert load_initiative(dump_initiative(initiative)) == initiative


@given(documents(), st.randoms(use_true_random=False))
def test_order_and_repeats_in_lists_change_nothing(document: dict[str, Any], rnd: Any) -> None:
    shuffled = dict(document)
    for key in ("initiated_by", "partners", "funders", "objectives", "engaged_stages"):
        if shuffled.get(key):
            items = list(shuffled[key]) * 2
            rnd.shuffle(items)
            shuffled[key] = items
    assert load_initiative(shuffled) == load_initiative(document)
    assert json.dumps(dump_initiative(load_initiative(shuffled))) == json.dumps(
        dump_initiative(load_initiative(document))
    )


@given(documents())
def test_dump_lists_in_declaration_order(document: dict[str, Any]) -> None:
    dumped = dump_initiative(load_initiative(document))
    order = {m.value: i for enum in (Actor, Stage) for i, m in enumerate(enum)}
    for key in ("initiated_by", "partners", "funders", "engaged_stages"):
        values = dumped.get(key, [])
        assert values == sorted(set(values), key=order.__getitem__)


# Values near the document's vocabulary reach deeper into the loader than random text would.
WORDS = st.sampled_from(["cso", "nso", "met", "KE", "ke", "", "design", "extent", "high", "4"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 20) | st.floats(allow_nan=False) | WORDS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            WORDS | st.sampled_from(["openness", "secure_storage"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)
KEYS = st.sampled_from(
    [
        "name",
        "initiated_by",
        "partners",
        "engaged_stages",
        "principles",
        "country",
        "extra",
        "practices",
        "participation",
        "quality_assured",
        "Name",
    ]
)


def _loads_or_rejects(value: Any) -> None:
    # A string given to load_initiative is a path; structure it as a document value instead.
    load = structure_initiative if isinstance(value, str) else load_initiative
    errors = document_errors(value)
    if errors:
        with pytest.raises(InvalidInitiativeError) as raised:
            load(value)
        assert list(raised.value.errors) == errors
        assert all(isinstance(p, str) and isinstance(m, str) and m for p, m in errors)
    else:
        initiative = load(value)
        assert load_initiative(dump_initiative(initiative)) == initiative


# Valid documents to mutate: the example files, dumped. Drawing one from a fixed pool is far cheaper
# than generating one, which keeps 10,000 fuzz examples within about a minute.
POOL = [dump_initiative(load_initiative(path)) for path in sorted(EXAMPLES.glob("*.yaml"))]
POOL += [BASE, {**BASE, "principles": {4: "met", "13": "partial"}, "engaged_stages": []}]


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = dict(draw(st.sampled_from(POOL)))
    document.update(draw(st.lists(st.tuples(KEYS, JSON), min_size=1, max_size=3)))
    return document


@settings(max_examples=FUZZ_EXAMPLES)
@given(JSON | st.dictionaries(KEYS, JSON, max_size=6) | mutated_documents())
def test_fuzz_loading_succeeds_or_raises(value: Any) -> None:
    _loads_or_rejects(value)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(("cso",), "a tuple (write a list)"), ({"cso"}, "a set (write a list)")],
)
def test_lists_must_be_lists(value: Any, shown: str) -> None:
    """Contract section 2: a list must be a list; no other collection is taken for one."""
    with pytest.raises(InvalidInitiativeError) as caught:
        load_initiative({"name": "x", "initiated_by": value})
    assert caught.value.errors == (("initiated_by", f"expected a list of actors, not {shown}"),)


def test_enum_members_are_their_values() -> None:
    loaded = load_initiative({"name": "x", "initiated_by": [Actor.CSO, "nso"]})
    assert loaded.initiated_by == frozenset({Actor.CSO, Actor.NSO})


def _nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


def test_extra_nested_too_deeply_is_an_error_not_a_crash() -> None:
    """`extra` is kept as given, up to a depth no real document reaches (register DOC-9)."""
    deep = {"name": "x", "initiated_by": ["cso"], "extra": {"a": _nested(400)}}
    with pytest.raises(InvalidInitiativeError) as caught:
        load_initiative(deep)
    assert caught.value.errors == (
        ("extra", "nests more than 100 levels deep; flatten it or store it apart"),
    )
    assert document_errors(deep) == list(caught.value.errors)


def test_extra_nested_within_the_limit_round_trips() -> None:
    document = {"name": "x", "initiated_by": ["cso"], "extra": {"a": _nested(98)}}
    loaded = load_initiative(document)
    assert dump_initiative(loaded)["extra"] == document["extra"]
    assert hash(loaded) == hash(load_initiative(document))


# --------------------------------------------------------------------------- hostile input


def test_hostile_1_parsed_strings_are_values_never_paths(tmp_path: Path) -> None:
    """Issue 12, item 1: a document that is a string is "expected a mapping", never opened."""
    secret = tmp_path / "secret.json"
    secret.write_text('{"api_key": "s3cr3t"}', encoding="utf-8")
    for value in (str(secret), str(tmp_path), "x\u0000.json", "-"):
        with pytest.raises(InvalidInitiativeError) as raised:
            structure_initiative(value)
        assert raised.value.errors == (
            ("(document)", f"expected a mapping of keys to values, not {_shown(value)}"),
        )
        assert "api_key" not in str(raised.value)


def _shown(value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return f"the string {shown!r}"


@pytest.mark.parametrize(
    ("keys", "path"),
    [
        ({"name": "Beach\ud800"}, "name"),
        ({"description": "\udfff"}, "description"),
        ({"extra": {"note": ["ok", "a\ud83d"]}}, "extra.note[1]"),
        ({"extra": {"k\udc80": 1}}, "extra.k\udc80"),
    ],
)
def test_hostile_5_lone_surrogates_are_refused_at_their_path(
    keys: dict[str, Any], path: str
) -> None:
    errors = errors_of(**keys)
    assert [p for p, _ in errors] == [path]
    assert "a lone surrogate" in errors[0][1]
    # The message itself can be written: it names the character, it does not hold it.
    errors[0][1].encode("utf-8")


def test_hostile_5_a_proper_pair_of_surrogates_is_text() -> None:
    assert load_initiative({**BASE, "name": "Rivers \U0001f30a"}).name == "Rivers \U0001f30a"


class _RaisingHash(str):
    def __hash__(self) -> int:
        raise RuntimeError("no hash")


class _RaisingStr:
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class _RaisingMapping(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise KeyError("boom")

    def __iter__(self) -> Iterator[str]:
        return iter(["name"])

    def __len__(self) -> int:
        return 1


def test_hostile_12_objects_that_raise_as_they_are_read_give_clear_errors() -> None:
    """Issue 12, item 12: a hash, str or __getitem__ that raises is a problem, not a crash."""
    assert document_errors(_RaisingMapping()) == [
        ("(document)", "cannot be read: reading it raised KeyError: 'boom'")
    ]
    errors = document_errors({**BASE, "initiated_by": [_RaisingStr()]})
    assert errors[0][0] == "initiated_by[0]"
    assert "not a value of type _RaisingStr" in errors[0][1]
    assert document_errors({**BASE, _RaisingStr(): 1})[0][0] == "<_RaisingStr>"
    # A str subclass is read as the text it holds, whatever its hash does.
    assert load_initiative({**BASE, "partners": [_RaisingHash("nso")]}).partners == {Actor.NSO}


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("ngo", "cso"),
        ("NGO", "cso"),
        ("civil society", "cso"),
        ("Civil_Society", "cso"),
        ("government", "state"),
        ("ministry", "state"),
        ("goverment", "state"),
        ("university", "academia"),
        ("univeristy", "academia"),
        ("UN agency", "international"),
        ("company", "private_sector"),
        ("ombudsman", "nhri"),
        ("statistics office", "nso"),
        ("comunity", "community"),
        ("privat_sector", "private_sector"),
    ],
)
def test_wrong_actors_are_suggested_from_the_catalogues_synonyms_first(
    value: str, suggested: str
) -> None:
    """Issue 13, item 14: `ngo` is offered `cso` (its synonym), not the near spelling `nso`."""
    ((path, message),) = errors_of(initiated_by=[value])
    assert path == "initiated_by[0]"
    assert f"; did you mean '{suggested}'" in message
    assert structure_initiative({**BASE, "initiated_by": [suggested]})  # the fix is valid


def test_every_synonym_names_a_valid_actor_and_cited_anchors() -> None:
    from copenhagen.framework.actors import ACTOR_SYNONYMS
    from copenhagen.framework.citations import is_anchor

    names = [name for name, _, _ in ACTOR_SYNONYMS]
    assert len(names) == len(set(names))
    for name, actor, citations in ACTOR_SYNONYMS:
        assert name == " ".join(name.lower().split())
        assert name not in {a.value for a in Actor}
        assert isinstance(actor, Actor)
        assert all(is_anchor(citation) for citation in citations)
