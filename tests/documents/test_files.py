"""Loading from files and streams: formats, parse errors with positions, bad records in streams."""

from __future__ import annotations

import builtins
import io
import json
from pathlib import Path
from typing import Any

import pytest

from copenhagen import Actor, InvalidInitiativeError, load_initiative, load_initiatives
from copenhagen.documents import DocumentParseError, LoadResult, parsing, read_document

GOOD = {"name": "Beach litter", "initiated_by": ["cso"], "partners": ["nso"]}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.json", json.dumps(GOOD)),
        ("a.yaml", "name: Beach litter\ninitiated_by: [cso]\npartners:\n  - nso\n"),
        ("a.yml", "name: Beach litter\ninitiated_by: [cso]\npartners: [nso]\n"),
        ("a.toml", 'name = "Beach litter"\ninitiated_by = ["cso"]\npartners = ["nso"]\n'),
    ],
)
def test_every_format_loads_the_same(tmp_path: Path, name: str, text: str) -> None:
    assert load_initiative(write(tmp_path, name, text)) == load_initiative(GOOD)
    assert load_initiative(str(write(tmp_path, name, text))) == load_initiative(GOOD)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_initiative(tmp_path / "nope.yaml")
    with pytest.raises(FileNotFoundError):
        load_initiatives(tmp_path / "nope.jsonl")


def test_unknown_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "{}")
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative(path)
    assert raised.value.errors == (
        ("(document)", "cannot read .txt: use one of .json, .yaml, .yml, .toml"),
    )


def test_yaml_booleans_are_only_true_and_false(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.yaml", "name: x\ninitiated_by: [cso]\nquality_assured: yes\ncountry: NO\n"
    )
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative(path)
    assert raised.value.errors == (
        ("quality_assured", "expected true or false, not the string 'yes'"),
    )
    ok = write(
        tmp_path, "b.yaml", "name: x\ninitiated_by: [cso]\nquality_assured: true\ncountry: NO\n"
    )
    assert load_initiative(ok).country == "NO"
    assert load_initiative(ok).quality_assured is True


def test_errors_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "name: x\ninitiated_by: [partner]\n")
    with pytest.raises(InvalidInitiativeError) as raised:
        load_initiative(path)
    assert raised.value.source == str(path)
    assert str(raised.value).startswith(f"{path}: invalid initiative document (1 problem):\n")


@pytest.mark.parametrize(
    ("name", "text", "line", "column", "message"),
    [
        (
            "a.json",
            '{\n  "name": "x",\n  "initiated_by": [cso]\n}',
            3,
            20,
            "not valid JSON: Expecting value",
        ),
        (
            "a.yaml",
            "name: x\ninitiated_by: [cso\npartners: []\n",
            3,
            9,
            "not valid YAML: did not find expected ',' or ']'",
        ),
        (
            "a.toml",
            'name = "x"\ninitiated_by = [cso]\n',
            2,
            17,
            "not valid TOML: Invalid value",
        ),
        (
            "eof.toml",
            'name = "t"\ninitiated_by = ["cso"]\ndescription = "abc',
            3,
            19,
            "not valid TOML: Unterminated string (at the end of the document)",
        ),
    ],
)
def test_parse_errors_give_file_line_and_column(
    tmp_path: Path, name: str, text: str, line: int, column: int, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(DocumentParseError) as raised:
        load_initiative(path)
    error = raised.value
    assert isinstance(error, InvalidInitiativeError)
    assert isinstance(error, ValueError)
    assert (error.line, error.column, error.message) == (line, column, message)
    assert error.errors == (("(document)", f"line {line}, column {column}: {message}"),)
    assert error.source == str(path)
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_yaml_missing_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.yaml", "name: x\ninitiated_by: [cso]\n")
    real_import = builtins.__import__

    def no_yaml(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "yaml" or name.startswith("yaml."):
            raise ImportError("No module named 'yaml'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_yaml)
    parsing.yaml_loader.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"pip install 'copenhagen-citizen-data\[yaml\]'"):
            load_initiative(path)
        with pytest.raises(ImportError, match=r"pip install 'copenhagen-citizen-data\[yaml\]'"):
            list(load_initiatives(path))
    finally:
        parsing.yaml_loader.cache_clear()
    # JSON needs no PyYAML.
    assert load_initiative(write(tmp_path, "a.json", json.dumps(GOOD))).name == "Beach litter"


def test_read_document_gives_raw_data(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "a.json", json.dumps(GOOD))) == GOOD


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"name": "\xff"}')
    with pytest.raises(DocumentParseError) as raised:
        load_initiative(path)
    assert raised.value.errors == (("(document)", "not UTF-8 text (byte 11 cannot be read)"),)


def summary(results: list[LoadResult]) -> list[tuple[int, bool, list[str]]]:
    return [(r.position, r.ok, [path for path, _ in r.errors]) for r in results]


def test_json_lines_bad_records_in_the_middle(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD),
        "",
        json.dumps({"name": "y", "initiated_by": ["partner"]}),
        '{"name": "broken"',
        "   ",
        json.dumps({"name": "z", "initiated_by": ["nso"]}),
    ]
    path = write(tmp_path, "many.jsonl", "\n".join(lines) + "\n")
    results = list(load_initiatives(path))
    assert summary(results) == [
        (1, True, []),
        (3, False, ["initiated_by[0]"]),
        (4, False, ["(document)"]),
        (6, True, []),
    ]
    assert results[2].errors[0][1].startswith("line 4, column 18: not valid JSON")
    assert results[3].initiative is not None
    assert results[3].initiative.initiated_by == frozenset({Actor.NSO})
    assert results[3].line == 6


def test_yaml_stream_bad_records_in_the_middle(tmp_path: Path) -> None:
    text = (
        "# a registry\n"
        "---\n"
        "name: a\ninitiated_by: [cso]\n"
        "---\n"
        "name: b\ninitiated_by: [partner]\n"
        "--- # a comment only\n"
        "---\n"
        "name: c\ninitiated_by: [cso\n"
        "---\n"
        "name: d\ninitiated_by: [nso]\n"
        "...\n"
    )
    results = list(load_initiatives(write(tmp_path, "many.yaml", text)))
    assert summary(results) == [
        (1, True, []),
        (2, False, ["initiated_by[0]"]),
        (3, False, ["(document)"]),
        (4, True, []),
    ]
    assert [r.line for r in results] == [1, 5, 8, 12]
    assert (
        results[2].errors[0][1]
        == "line 12, column 1: not valid YAML: did not find expected ',' or ']'"
    )


def test_yaml_list_and_json_array(tmp_path: Path) -> None:
    yaml_list = (
        "- name: a\n  initiated_by: [cso]\n"
        "- name: b\n  initiated_by: [x]\n"
        "- {name: c, initiated_by: [nso]}\n"
    )
    json_array = json.dumps([GOOD, {"name": 1, "initiated_by": ["cso"]}, GOOD])
    for path in (write(tmp_path, "l.yaml", yaml_list), write(tmp_path, "a.json", json_array)):
        assert summary(list(load_initiatives(path))) == [
            (1, True, []),
            (2, False, ["initiated_by[0]"] if path.suffix == ".yaml" else ["name"]),
            (3, True, []),
        ]


def test_single_documents_as_streams(tmp_path: Path) -> None:
    for name, text in (
        ("one.json", json.dumps(GOOD)),
        ("one.toml", 'name = "x"\ninitiated_by = ["cso"]\n'),
        ("one.yaml", "name: x\ninitiated_by: [cso]\n"),
    ):
        assert summary(list(load_initiatives(write(tmp_path, name, text)))) == [(1, True, [])]


def test_whole_file_parse_error_raises(tmp_path: Path) -> None:
    results = load_initiatives(write(tmp_path, "a.json", "[{"))
    with pytest.raises(DocumentParseError):
        list(results)


def test_streams_from_open_text(tmp_path: Path) -> None:
    stdin = io.StringIO(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n")
    assert summary(list(load_initiatives(stdin, format="jsonl"))) == [(1, True, []), (2, True, [])]
    with pytest.raises(ValueError, match="pass format="):
        load_initiatives(io.StringIO("{}"))
    with pytest.raises(ValueError, match="unknown format"):
        load_initiatives(io.StringIO("{}"), format="xml")
    with (tmp_path / "s.yaml").open("w", encoding="utf-8") as out:
        out.write("name: x\ninitiated_by: [cso]\n")
    with (tmp_path / "s.yaml").open(encoding="utf-8") as stream:
        assert summary(list(load_initiatives(stream))) == [(1, True, [])]
        assert not stream.closed  # the caller's stream is left open


def test_json_lines_read_lazily(tmp_path: Path) -> None:
    class Lines(io.StringIO):
        read_lines = 0

        def __next__(self) -> str:
            Lines.read_lines += 1
            return super().__next__()

    stream = Lines("\n".join([json.dumps(GOOD)] * 1000))
    results = load_initiatives(stream, format="jsonl")
    next(results)
    assert Lines.read_lines == 1


def test_documents_import_no_optional_dependency() -> None:
    import subprocess
    import sys

    code = (
        "import sys, copenhagen.documents\n"
        "print(sorted(m for m in ('yaml', 'hypothesis', 'networkx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_pickle() -> None:
    import pickle

    error = InvalidInitiativeError([("name", "this key is required")], "a.yaml")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.errors, copy.source, str(copy)) == (error.errors, error.source, str(error))
    parse = DocumentParseError("not valid JSON: x", "a.json", 2, 3)
    again = pickle.loads(pickle.dumps(parse))
    assert (again.errors, again.line, again.column) == (parse.errors, 2, 3)


# --------------------------------------------------------------------------- hostile input


def test_hostile_12_a_folder_a_fifo_or_a_loop_is_a_clear_error_without_waiting(
    tmp_path: Path,
) -> None:
    """Issue 12, item 12: "no such file" only when there is none; a FIFO is never waited on."""
    import os

    folder = tmp_path / "folder.json"
    folder.mkdir()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "loop2.json")
    (tmp_path / "loop2.json").symlink_to(loop)
    with pytest.raises(IsADirectoryError, match="is a folder, not a file"):
        load_initiative(folder)
    with pytest.raises(OSError, match=r"is a named pipe \(FIFO\), not a regular file"):
        load_initiative(fifo)
    with pytest.raises(OSError, match="Too many levels of symbolic links") as raised:
        load_initiative(loop)
    assert not isinstance(raised.value, FileNotFoundError)
    with pytest.raises(FileNotFoundError):
        load_initiative(tmp_path / "nothing.json")
    with pytest.raises(FileNotFoundError):
        load_initiative("x\u0000.json")
