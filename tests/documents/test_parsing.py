"""Reading JSON, YAML and TOML text carefully: regression tests for hostile input (issue 12).

Each test is named after the item of the issue it pins ("hostile_N").
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from copenhagen import InvalidInitiativeError, load_initiative, load_initiatives
from copenhagen.documents import DocumentParseError, document_errors, read_document
from copenhagen.documents._limits import MAX_NODES, HugeNumber
from copenhagen.documents.parsing import parse_json, parse_toml, parse_yaml

HUGE = "1" * 5000
BASE_JSON = '"name": "x", "initiated_by": ["cso"]'


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, if the block runs away (a guard, not a timing assertion)."""

    def stop(*_: Any) -> None:
        raise AssertionError(f"ran away: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(text: str, kind: str = "json") -> tuple[tuple[str, str], ...]:
    parse = {"json": parse_json, "yaml": parse_yaml, "toml": parse_toml}[kind]
    try:
        document = parse(text)
    except InvalidInitiativeError as error:
        return error.errors
    return tuple(document_errors(document))


# --------------------------------------------------------------------------- item 2


def test_hostile_2_huge_integers_in_json_are_one_problem_at_their_path() -> None:
    text = f'{{{BASE_JSON}, "quality_assured": {HUGE}, "extra": {{"a": [1, {HUGE}]}}}}'
    assert errors_of(text) == (
        ("quality_assured", "expected true or false, not a number with 5,000 digits"),
        (
            "extra.a[1]",
            "this value is a number with 5,000 digits; at most 4,300 digits can be read",
        ),
    )
    assert parse_json(f"[{HUGE}]") == [HugeNumber(5000)]


def test_hostile_2_huge_integers_in_yaml_keys_and_values() -> None:
    text = f"name: x\ninitiated_by: [cso]\nextra:\n  b: {HUGE}\n  c: [-{HUGE}]\n"
    assert [path for path, _ in errors_of(text, "yaml")] == ["extra.b", "extra.c[0]"]


def test_hostile_2_huge_integers_in_toml_name_their_line() -> None:
    with pytest.raises(DocumentParseError) as raised:
        parse_toml(f'name = "x"\ninitiated_by = ["cso"]\n[extra]\nb = {HUGE}\n')
    assert (raised.value.line, raised.value.column) == (4, 5)
    assert "a number with 5,000 digits; at most 4,300 can be read" in raised.value.message


def test_hostile_2_huge_integers_from_python_mappings() -> None:
    huge = 10**5000
    errors = document_errors(
        {"name": "x", "initiated_by": ["cso"], "principles": {huge: "met"}, "extra": {"n": huge}}
    )
    assert errors == [
        (
            "principles.(a number with more than 4,300 digits)",
            "a number with more than 4,300 digits is not a principle number; the principles are "
            "numbered 1 to 13",
        ),
        (
            "extra.n",
            "this value is a number with more than 4,300 digits, which cannot be written back",
        ),
    ]


def test_hostile_2_a_huge_integer_in_json_lines_spoils_one_record(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.jsonl",
        f'{{{BASE_JSON}, "extra": {{"n": {HUGE}}}}}\n{{{BASE_JSON}}}\n',
    )
    results = list(load_initiatives(path))
    assert [r.ok for r in results] == [False, True]
    assert results[0].errors[0][0] == "extra.n"


# --------------------------------------------------------------------------- item 3


def _alias_bomb(levels: int) -> str:
    lines = [
        "name: bomb",
        "initiated_by: [cso]",
        "extra:",
        "  a0: &a0 [" + ", ".join(["lol"] * 9) + "]",
    ]
    for level in range(1, levels + 1):
        lines.append(f"  a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [7, 8, 30])
def test_hostile_3_yaml_alias_bombs_are_refused_without_expanding(levels: int) -> None:
    with at_most(20), pytest.raises(DocumentParseError) as raised:
        parse_yaml(_alias_bomb(levels))
    assert raised.value.message == (
        f"not readable YAML: the document holds more than {MAX_NODES:,} values once its "
        "aliases are expanded; write a smaller document"
    )


def test_hostile_3_shared_aliases_within_the_limit_load_and_stay_shared() -> None:
    text = "name: x\ninitiated_by: [cso]\nextra:\n  a: &a [1, 2]\n  b: *a\n  c: [*a, *a]\n"
    with at_most(20):
        initiative = load_initiative(parse_yaml(text))
    assert initiative.extra_data == {"a": [1, 2], "b": [1, 2], "c": [[1, 2], [1, 2]]}
    assert initiative.extra["a"] is initiative.extra["b"]  # frozen once, not copied out


def test_hostile_3_a_yaml_document_that_contains_itself_is_refused() -> None:
    with at_most(20), pytest.raises(DocumentParseError, match="contains itself"):
        parse_yaml("name: c\ninitiated_by: [cso]\nextra: &e\n  self: *e\n")


def test_hostile_3_a_bomb_from_python_is_refused_in_extra() -> None:
    level: Any = ["lol"] * 9
    for _ in range(9):
        level = [level] * 9
    with at_most(20):
        errors = document_errors({"name": "x", "initiated_by": ["cso"], "extra": {"a": level}})
    assert errors == [
        (
            "extra",
            f"holds more than {MAX_NODES:,} values once its aliases are expanded; write a "
            "smaller document",
        )
    ]


# --------------------------------------------------------------------------- item 7


def test_hostile_7_toml_nested_5000_deep_is_a_parse_error() -> None:
    text = 'name = "x"\ninitiated_by = ["cso"]\nextra = { a = ' + "[" * 5000 + "]" * 5000 + " }\n"
    with pytest.raises(DocumentParseError) as raised:
        parse_toml(text)
    assert raised.value.message == "not readable TOML: nested too deeply"


@pytest.mark.parametrize(
    ("kind", "text"),
    [("json", "[" * 100_000 + "]" * 100_000), ("yaml", "[" * 5000 + "]" * 5000)],
)
def test_hostile_7_json_and_yaml_nested_too_deeply_stay_parse_errors(kind: str, text: str) -> None:
    with pytest.raises(DocumentParseError, match=r"nested too deeply|maximum nesting depth"):
        {"json": parse_json, "yaml": parse_yaml}[kind](text)


# --------------------------------------------------------------------------- item 11


def test_hostile_11_a_repeated_json_key_is_an_error_at_its_path() -> None:
    text = f'{{{BASE_JSON}, "principles": {{"4": "met", "4": "not_met"}}}}'
    assert errors_of(text) == (
        ("principles.4", "this key is given twice in one mapping; give it once"),
    )
    nested = '{"name": "x", "name": "y", "name": "z", "extra": {"a": [{"b": 1, "b": 2}]}}'
    assert errors_of(nested) == (
        ("name", "this key is given 3 times in one mapping; give it once"),
        ("extra.a[0].b", "this key is given twice in one mapping; give it once"),
    )


def test_hostile_11_a_repeated_yaml_key_is_an_error_at_its_path_and_lines() -> None:
    text = "name: x\ninitiated_by: [cso]\nprinciples:\n  4: met\n  4: not_met\nname: y\n"
    assert errors_of(text, "yaml") == (
        ("name", "this key is given twice in one mapping (lines 1, 6); give it once"),
        ("principles.4", "this key is given twice in one mapping (lines 4, 5); give it once"),
    )


def test_hostile_11_repeated_keys_in_a_yaml_stream_name_the_file_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "name: a\ninitiated_by: [cso]\n---\nname: b\nname: c\n")
    results = list(load_initiatives(path))
    assert results[0].ok
    assert results[1].errors == (
        ("name", "this key is given twice in one mapping (lines 4, 5); give it once"),
    )


def test_hostile_11_keys_equal_only_as_text_are_not_repeats() -> None:
    assert parse_yaml("4: a\n'4': b\n") == {4: "a", "4": "b"}


# --------------------------------------------------------------------------- item 12


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1_0", "1_0"),
        ("190:20:30", "190:20:30"),
        ("0b101", "0b101"),
        ("010", 10),
        ("0o17", 15),
        ("0x1F", 31),
        ("-12", -12),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("1_0.5", "1_0.5"),
        ("yes", "yes"),
        ("NO", "NO"),
        ("<<", "<<"),
    ],
)
def test_hostile_12_yaml_reads_plain_scalars_as_yaml_1_2(text: str, value: Any) -> None:
    assert parse_yaml(f"a: {text}\n") == {"a": value}


def test_hostile_12_yaml_merge_keys_are_ordinary_keys() -> None:
    assert parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n") == {
        "base": {"x": 1},
        "other": {"<<": {"x": 1}},
    }


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", '{"name": "x", "initiated_by": ["cso"]}'),
        ("a.yaml", "name: x\ninitiated_by: [cso]\n"),
        ("a.toml", 'name = "x"\ninitiated_by = ["cso"]\n'),
    ],
)
def test_hostile_12_a_byte_order_mark_is_read_alike_in_every_format(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_initiative(path) == load_initiative({"name": "x", "initiated_by": ["cso"]})
    parse = {".json": parse_json, ".yaml": parse_yaml, ".toml": parse_toml}[path.suffix]
    assert parse("\ufeff" + text) == parse(text)


# --------------------------------------------------------------------------- issue 13, item 18


@pytest.mark.parametrize(
    "text", ["name: x\ninitiated_by:\n\t- cso\n", "name: x\nextra:\n  a: 1\n\tb: 2\n"]
)
def test_a_yaml_tab_is_named(text: str) -> None:
    with pytest.raises(DocumentParseError) as raised:
        parse_yaml(text)
    assert "a tab character, where YAML allows only spaces" in raised.value.message


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("a.json", "", "the file is empty: it holds no document"),
        ("a.yaml", " \n\n", "the file is empty: it holds no document"),
        ("a.toml", "\ufeff", "the file is empty: it holds no document"),
        ("a.yaml", "# only a comment\n", "the file holds only comments: it has no document"),
    ],
)
def test_an_empty_file_says_it_is_empty(tmp_path: Path, name: str, text: str, message: str) -> None:
    with pytest.raises(DocumentParseError) as raised:
        read_document(write(tmp_path, name, text))
    assert raised.value.message == message
