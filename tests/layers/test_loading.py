"""load_layer: the layer format of contract section 5 read into engine conditions, or refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from copenhagen import Actor, Assessor, InvalidLayerError, Scope, load_initiative, load_layer
from copenhagen.layers import Layer
from copenhagen.rules import DecidedAs, Empty, Has, Is, Not, Only

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "examples" / "readings" / "private-sector-design.yaml"


def rule(**fields: Any) -> dict[str, Any]:
    """A valid rule for scope, with fields changed or added."""
    found: dict[str, Any] = {
        "id": "UG1",
        "when": {"has": {"initiated_by": ["nhri"]}},
        "then": "in_scope",
        "cite": "para 15",
        "because": "an NHRI-started initiative is read as in scope",
    }
    found.update(fields)
    return {k: v for k, v in found.items() if v is not None}


def layer(**parts: Any) -> dict[str, Any]:
    return {"id": "ug-2026", "title": "A national reading", **parts}


def errors(document: Any) -> dict[str, str]:
    with pytest.raises(InvalidLayerError) as caught:
        load_layer(document)
    return dict(caught.value.errors)


def test_the_worked_layer_loads_into_engine_rules() -> None:
    loaded = load_layer(WORKED)
    assert isinstance(loaded, Layer)
    assert loaded.id == "private-sector-design"
    part = loaded.parts["scope"]
    ((added, before),) = part.add
    assert before == "S2"
    assert added.id == "PSD1"
    assert added.then is Scope.OUT_OF_SCOPE
    assert added.citations == ("Box 2", "para 10", "para 15")
    assert added.source == "Illustration, rule 1"
    assert added.statement.startswith("in this reading")
    # The conditions are the engine's own objects, built from data.
    assert added.when.formula() == (
        "(all(initiated_by in [private_sector]) and not any(engaged_stages in [design]))"
    )


def test_every_condition_operator_becomes_its_engine_condition() -> None:
    when = {
        "all": [
            {"has": {"initiated_by": ["citizen_side"]}},
            {"only": {"partners": ["state_side", "academia"]}},
            {"not": {"empty": "engaged_stages"}},
            {"any": [{"is": {"quality_assured": False}}, {"decided": {"scope": "in_scope"}}]},
        ]
    }
    loaded = load_layer(layer(nso_category={"add": [rule(id="X1", when=when, then="none")]}))
    ((added, _),) = loaded.parts["nso_category"].add
    has, only, empty, either = added.when.parts  # type: ignore[attr-defined]
    assert has == Has("initiated_by", {Actor.CITIZENS, Actor.COMMUNITY, Actor.CSO}, "citizen-side")
    assert only == Only("partners", {Actor.NSO, Actor.STATE, Actor.NHRI, Actor.ACADEMIA})
    assert empty == Not(Empty("engaged_stages"))
    assert either.parts[0] == Is("quality_assured", False)
    decided = either.parts[1]
    assert isinstance(decided, DecidedAs)
    assert decided.outcome is Scope.IN_SCOPE


def test_a_file_and_its_mapping_give_the_same_layer_and_digest(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(WORKED.read_text(encoding="utf-8"))
    from_file, from_mapping = load_layer(WORKED), load_layer(data)
    assert from_file.digest == from_mapping.digest
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert from_file.digest == hashlib.sha256(blob.encode("utf-8")).hexdigest()
    json_file = tmp_path / "layer.json"
    json_file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    assert load_layer(json_file).digest == from_file.digest
    assert from_file.document == data


def test_the_document_is_kept_apart_from_the_mapping_given() -> None:
    data = layer(scope={"add": [rule()]})
    loaded = load_layer(data)
    digest = loaded.digest
    data["title"] = "changed afterwards"
    assert loaded.digest == digest


def test_the_provenance_records_each_layer() -> None:
    loaded = load_layer(WORKED)
    result = Assessor([loaded]).assess(load_initiative({"name": "x", "initiated_by": ["cso"]}))
    assert result.to_dict()["provenance"]["layers"] == [
        {"id": "private-sector-design", "digest": loaded.digest}
    ]


def test_a_string_is_always_a_path() -> None:
    with pytest.raises(FileNotFoundError):
        load_layer("id: x\ntitle: y\nscope: {remove: [S2]}\n")


def test_only_yaml_and_json_files_are_read(tmp_path: Path) -> None:
    path = tmp_path / "layer.toml"
    path.write_text('id = "x"\n', encoding="utf-8")
    found = errors(path)
    assert "use one of .json, .yaml, .yml" in found["(layer)"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("id: a\nid: b\ntitle: t\nscope: {remove: [S2]}\n", "given twice"),
        ("id: a\ntitle: t\nscope: {remove: [S2]\n", "not valid YAML"),
        ("", "empty"),
    ],
)
def test_the_hardened_parser_refuses_what_it_refuses(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "layer.yaml"
    path.write_text(text, encoding="utf-8")
    assert words in " ".join(errors(path).values())


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nid: x\n", encoding="utf-8")
    assert "not readable YAML" in errors(path)["(layer)"]


def test_a_huge_number_is_reported_at_its_path(tmp_path: Path) -> None:
    path = tmp_path / "layer.json"
    path.write_text('{"id": "x", "title": ' + "9" * 5000 + ', "scope": {}}', encoding="utf-8")
    found = errors(path)
    assert "5,000 digits" in found["title"]


def test_every_kind_of_problem_is_reported_at_once_with_path_line_rule_and_close_match(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        """\
id: ug-2026
titel: A national reading
modality:
  remove: [M9]
  replace:
    - id: M3
      when: {has: {initiated_by: [citizen_side, privat_sector]}}
      then: in_scope
      cite: para 15
      because: joint
  add:
    - id: UG1
      before: M7
      when: {is: {partners: true}}
      then: civic_action
      cite: para 99
      because: a rule
    - id: UG1
      when: {has: {objectivs: [monitor_rights]}}
      then: none
      cite: Table 1
      because: a second rule
scope:
  add:
    - id: UG3
      when: {decided: {scope: in_scope}}
      then: in_scope
      cite: Box 2
      because: scope cannot read itself
    - id: S1
      when: {empty: initiated_by}
      then: out_of_scope
      cite: Box 2
      because: a shipped id
""",
        encoding="utf-8",
    )
    found = errors(path)
    expected = {
        "titel": ("line 2:", "unknown key 'titel'", "did you mean 'title'?"),
        "title": ("title is required",),
        "modality.remove[0]": ("line 4:", "'M9' names no rule of modality", "M1, M2"),
        "modality.replace[0].when.has.initiated_by[1]": (
            "line 7, rule M3:",
            "'privat_sector' is not an actor or a side",
            "citizen_side, state_side, other_side",
            "did you mean 'private_sector'?",
        ),
        "modality.replace[0].then": (
            "line 8, rule M3:",
            "'in_scope' is not an outcome of modality ('in_scope' is an outcome of scope)",
            "allowed: civic_action, civic_driven_collaboration",
        ),
        "modality.add[0].before": ("line 13, rule UG1:", "'M7' names no rule of modality"),
        "modality.add[0].when.is.partners": (
            "line 14, rule UG1:",
            "partners is a list key: test it with has, only or empty, not is",
        ),
        "modality.add[0].cite": ("line 16, rule UG1:", "'para 99' is not a framework anchor"),
        "modality.add[1].id": ("line 18, rule UG1:", "adds a rule UG1 twice"),
        "modality.add[1].when.has.objectivs": (
            "line 19, rule UG1:",
            "unknown key 'objectivs'",
            "did you mean 'objectives'?",
        ),
        "scope.add[0].when.decided": (
            "line 26, rule UG3:",
            "only rules of modality and nso_category may use it",
        ),
        "scope.add[1].id": ("line 30, rule S1:", "taken by a rule of scope"),
    }
    assert set(found) == set(expected)
    for where, parts in expected.items():
        for part in parts:
            assert part in found[where], (where, found[where])


@pytest.mark.parametrize(
    ("when", "path", "words"),
    [
        (
            {"is": {"meaningful": True}},
            "when.is.meaningful",
            "did you mean 'meaningful_engagement'",
        ),
        ({"has": {"meaningful_engagement": [True]}}, "when.has.meaningful_engagement", "is"),
        ({"empty": "quality_assured"}, "when.empty.quality_assured", "true/false key"),
        ({"is": {"quality_assured": "yes"}}, "when.is.quality_assured", "true or false"),
        ({"has": {"engaged_stages": ["desing"]}}, "when.has.engaged_stages[0]", "'design'"),
        ({"has": {"partners": []}}, "when.has.partners", "non-empty list"),
        ({"only": {"partners": []}}, "when.only.partners", "{empty: partners}"),
        ({"has": {"partners": ["cso"], "funders": ["nso"]}}, "when.has", "exactly one key"),
        ({"all": []}, "when.all", "non-empty list of conditions"),
        ({"has": {"partners": ["cso"]}, "is": {"quality_assured": True}}, "when", "all or any"),
        ({"hsa": {"partners": ["cso"]}}, "when.hsa", "did you mean 'has'"),
        ("partners has cso", "when", "a mapping with one operator"),
        ("__import__('os').system('true')", "when", "a mapping with one operator"),
    ],
)
def test_a_bad_condition_names_its_path_and_what_is_allowed(
    when: Any, path: str, words: str
) -> None:
    found = errors(layer(scope={"add": [rule(when=when)]}))
    assert words in found[f"scope.add[0].{path}"]


@pytest.mark.parametrize(
    ("fields", "path", "words"),
    [
        ({"id": "9lives"}, "id", "not a rule id"),
        ({"because": None}, "because", "because is required"),
        ({"because": "two\nlines"}, "because", "one line"),
        ({"cite": []}, "cite", "at least one"),
        ({"cite": ["para 15", "paras 11-10"]}, "cite[1]", "not a framework anchor"),
        ({"then": "inscope"}, "then", "did you mean 'in_scope'"),
        ({"otherwise": "out_of_scope"}, "otherwise", "goes with provided"),
        ({"warn": {"when": {"empty": "partners"}}}, "warn.text", "text is required"),
        ({"provided": {"is": {"x": True}}}, "provided.is.x", "unknown key"),
        ({"extra": 1}, "extra", "unknown key 'extra'"),
    ],
)
def test_a_bad_rule_names_its_path(fields: dict[str, Any], path: str, words: str) -> None:
    found = errors(layer(scope={"add": [rule(**fields)]}))
    assert words in found[f"scope.add[0].{path}"]


def test_replaced_rules_keep_their_place_and_take_no_before() -> None:
    found = errors(layer(scope={"replace": [rule(id="S2", before="S1")]}))
    assert "keeps the place" in found["scope.replace[0].before"]


def test_a_closing_rule_can_be_neither_removed_nor_replaced() -> None:
    found = errors(layer(nso_category={"remove": ["C4"]}))
    assert "closes nso_category for undecided cases" in found["nso_category.remove[0]"]


def test_a_rule_removed_is_gone_for_the_rest_of_the_part() -> None:
    found = errors(layer(modality={"remove": ["M4"], "add": [rule(id="X", before="M4")]}))
    assert "it is removed above" in found["modality.add[0].before"]


def test_before_may_name_a_rule_the_same_part_added() -> None:
    first = rule(id="UG1", when={"has": {"initiated_by": ["nhri"]}})
    second = rule(id="UG2", before="UG1", when={"has": {"initiated_by": ["state"]}})
    loaded = load_layer(layer(scope={"add": [first, second]}))
    assessor = Assessor([loaded])
    assert [r.id for r in assessor.rules.scope] == ["S1", "S2", "UG2", "UG1"]


def test_a_new_id_must_be_new_among_all_the_assessor_s_rules() -> None:
    found = errors(layer(scope={"add": [rule(id="PS1")]}))
    assert "taken by a rule of principle.independence" in found["scope.add[0].id"]


@pytest.mark.parametrize(
    ("document", "path", "words"),
    [
        ({"id": "UG", "title": "t", "scope": {}}, "id", "lower-case letters"),
        ({"id": "ug", "title": "t"}, "(layer)", "changes at least one rule set"),
        ({"id": "ug", "title": "t", "scope": []}, "scope", "is a mapping"),
        ({"id": "ug", "title": "t", "scope": {"delete": []}}, "scope.delete", "remove, replace"),
        ({"id": "ug", "title": "t", "scope": {"remove": "S2"}}, "scope.remove", "is a list"),
        ({"id": "ug", "title": "t", "scope": {"remove": [2]}}, "scope.remove[0]", "rule ids"),
    ],
)
def test_bad_layer_keys(document: Any, path: str, words: str) -> None:
    assert words in errors(document)[path]


def test_a_file_holding_a_list_is_no_layer(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- id: x\n", encoding="utf-8")
    assert "a layer is a mapping" in errors(path)["(layer)"]


def test_the_error_is_a_value_error_and_pickles() -> None:
    import pickle

    with pytest.raises(ValueError, match="invalid rule layer") as caught:
        load_layer(layer(scope={"remove": ["S9"]}))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.errors == caught.value.errors


def test_load_layer_takes_only_a_path_or_a_mapping() -> None:
    with pytest.raises(TypeError, match="a path or a mapping"):
        load_layer(42)  # type: ignore[arg-type]
