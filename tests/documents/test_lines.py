"""Lines of paths: where each value of a YAML or JSON document stands in its text."""

from __future__ import annotations

import json

from copenhagen.documents.lines import json_lines, line_of, path_text, yaml_lines

YAML = """\
id: ug
modality:
  add:
    - id: UG1
      when:
        has:
          initiated_by: [cso, nso]
    - &shared
      id: UG2
  again: *shared
1: number key
"""


def test_yaml_lines_name_each_path() -> None:
    lines = yaml_lines(YAML)
    assert lines["id"] == 1
    assert lines["modality.add[0]"] == 4
    assert lines["modality.add[0].when.has.initiated_by"] == 7
    assert lines["modality.add[0].when.has.initiated_by[1]"] == 7
    assert lines["modality.add[1].id"] == 9
    assert lines["modality.again"] == 10  # an alias: where it is used
    assert lines["1"] == 11


def test_json_lines_name_each_path() -> None:
    document = {"id": "ug", "scope": {"add": [{"id": "A", "when": {"empty": "partners"}}]}}
    text = json.dumps(document, indent=2)
    lines = json_lines(text)
    for path, wanted in {
        "": 1,
        "id": 2,
        "scope": 3,
        "scope.add": 4,
        "scope.add[0]": 5,
        "scope.add[0].id": 6,
        "scope.add[0].when.empty": 8,
    }.items():
        assert lines[path] == wanted, path


def test_json_lines_follow_escapes_empty_containers_and_one_line_documents() -> None:
    lines = json_lines('{"a \\" b": [], "c": {}, "d": [1, [2, 3]], "e": "x,y:z"}')
    assert set(lines) == {"", 'a " b', "c", "d", "d[0]", "d[1]", "d[1][0]", "d[1][1]", "e"}
    assert set(lines.values()) == {1}


def test_a_missing_key_takes_the_line_of_what_holds_it() -> None:
    lines = yaml_lines(YAML)
    assert line_of(lines, ("modality", "add", 0, "because")) == 4
    assert line_of(lines, ("nowhere",)) is None or line_of(lines, ("nowhere",)) == 1
    assert path_text(("modality", "add", 0, "when", "has", "initiated_by", 1)) == (
        "modality.add[0].when.has.initiated_by[1]"
    )
