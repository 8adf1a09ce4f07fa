"""Reading a registry's JSON: whole-file errors, and what makes one project unreadable."""

from __future__ import annotations

import pytest

from copenhagen.ppsr import MAX_DEPTH, RegistryError, parse_registry
from copenhagen.ppsr.reading import hostile_problems


def test_a_list_or_an_object_with_a_project_key() -> None:
    assert parse_registry('[{"projectName": "a"}]') == [{"projectName": "a"}]
    assert parse_registry('{"Project": [{"projectName": "a"}], "other": 1}') == [
        {"projectName": "a"}
    ]
    assert parse_registry("[]") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[", "not valid JSON: Expecting value (line 1, column 2)"),
        ('{"projects": []}', "found an object without a 'Project' key"),
        ('{"Project": {"projectName": "a"}}', "found an object"),
        ('"registry.json"', "found a string"),
        ("null", "found null"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_whole_file_problems(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_registry(text)


def problems_of(text: str) -> tuple[tuple[str, str], ...]:
    (project,) = parse_registry(text)
    return hostile_problems(project)


def test_an_integer_past_pythons_limit_is_one_bad_project() -> None:
    projects = parse_registry('[{"projectId": ' + "9" * 5000 + '}, {"projectName": "ok"}]')
    assert hostile_problems(projects[0]) == (
        ("projectId", "an integer of 5000 digits, too long to read"),
    )
    assert hostile_problems(projects[1]) == ()


def test_nan_and_infinity_are_not_numbers() -> None:
    assert problems_of('[{"a": NaN, "b": [-Infinity]}]') == (
        ("a", "NaN is not a JSON number"),
        ("b[0]", "-Infinity is not a JSON number"),
    )


def test_a_key_given_twice() -> None:
    found = problems_of('[{"projectName": "a", "x": {"k": 1, "k": 2}, "projectName": "b"}]')
    assert found == (
        ("projectName", "this key is given more than once"),
        ("x.k", "this key is given more than once"),
    )


def test_lone_surrogates_in_values_and_keys() -> None:
    found = problems_of('[{"projectName": "a\\ud800", "\\udfff": 1}]')
    assert found == (
        ("(project)", "a key is not valid Unicode text: '\\udfff'"),
        ("projectName", "is not valid Unicode text (it holds a lone surrogate)"),
    )


def test_nesting_past_the_limit() -> None:
    # The project's own object is level 0; a container at level MAX_DEPTH is one too many.
    deep = '{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1)
    assert problems_of(f"[{deep}]") == (
        ("a" + ".a" * (MAX_DEPTH - 1), f"nested more than {MAX_DEPTH} levels deep"),
    )
    fine = '{"a": ' * MAX_DEPTH + "1" + "}" * MAX_DEPTH
    assert problems_of(f"[{fine}]") == ()


def test_many_problems_are_counted_not_all_listed() -> None:
    found = problems_of("[{" + ", ".join(f'"k{i}": NaN' for i in range(30)) + "}]")
    assert len(found) == 21
    assert found[-1] == ("(project)", "and 10 more problems of these kinds")


def test_odd_keys_are_quoted_in_paths() -> None:
    assert problems_of('[{"a b": {"c": NaN}}]') == (("'a b'.c", "NaN is not a JSON number"),)


def test_a_python_mapping_with_a_key_that_is_not_text() -> None:
    assert hostile_problems({"a": {1: "x"}}) == (("a", "a key is not text: 1"),)
