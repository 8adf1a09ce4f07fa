"""National readings on the command line: --rules, diff, check and schema --layer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from copenhagen import Assessor, diff, load_layer
from copenhagen.layers import layer_schema

from .conftest import Run

ROOT = Path(__file__).resolve().parents[2]
WORKED = str(ROOT / "examples" / "readings" / "private-sector-design.yaml")
COMPANY = """\
name: Pothole app
initiated_by: [private_sector]
engaged_stages: [collection]
meaningful_engagement: true
"""
Cli = Callable[..., Run]


@pytest.fixture
def company(tmp_path: Path) -> str:
    path = tmp_path / "company.yaml"
    path.write_text(COMPANY, encoding="utf-8")
    return str(path)


@pytest.fixture
def bad_layer(tmp_path: Path) -> str:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: bad\ntitle: Bad\nscope:\n  remove: [S9]\n  add:\n    - {id: X, when: {hsa: {}}}\n",
        encoding="utf-8",
    )
    return str(path)


def test_assess_with_rules_decides_by_the_reading_and_records_it(cli: Cli, company: str) -> None:
    base = json.loads(cli("assess", "--format", "json", company).out)
    read = json.loads(cli("assess", "--format", "json", "--rules", WORKED, company).out)
    assert base["scope"]["outcome"] == "in_scope"
    assert read["scope"]["outcome"] == "out_of_scope"
    assert [s["rule"] for s in read["scope"]["trace"]] == ["PSD1"]
    assert read["provenance"]["layers"] == [
        {"id": "private-sector-design", "digest": load_layer(WORKED).digest}
    ]


@pytest.mark.parametrize(
    "command",
    [
        ("assess", "FILE"),
        ("explain", "FILE"),
        ("batch", "FILE"),
        ("rules",),
        ("serve",),
        ("new", "NEW"),
    ],
)
def test_an_invalid_layer_is_a_usage_error_with_every_problem(
    cli: Cli, company: str, bad_layer: str, tmp_path: Path, command: tuple[str, ...]
) -> None:
    args = [
        company if a == "FILE" else str(tmp_path / "new.yaml") if a == "NEW" else a for a in command
    ]
    run = cli(*args, "--rules", bad_layer)
    assert run.status == 2, run.err
    assert run.out == ""
    assert f"rule layer {bad_layer} is invalid (5 problems)" in run.err
    assert "scope.remove[0]: line 4: 'S9' names no rule of scope" in run.err
    assert "scope.add[0].when.hsa: line 6, rule X: unknown operator 'hsa'" in run.err
    assert "because is required" in run.err


def test_a_missing_layer_file_is_a_usage_error(cli: Cli, company: str) -> None:
    run = cli("assess", company, "--rules", "no-such-layer.yaml")
    assert run.status == 2
    assert "rule layer no-such-layer.yaml: no such file" in run.err


def test_layers_apply_in_order_and_a_clash_names_the_file(
    cli: Cli, company: str, tmp_path: Path
) -> None:
    first = tmp_path / "first.yaml"
    first.write_text("id: first\ntitle: First\nscope: {remove: [S2]}\n", encoding="utf-8")
    second = tmp_path / "second.yaml"
    second.write_text(
        "id: second\ntitle: Second\nscope:\n  add:\n    - id: Z1\n      before: S2\n"
        "      when: {empty: partners}\n      then: none\n      cite: Box 2\n      because: z\n",
        encoding="utf-8",
    )
    run = cli("assess", company, "--rules", str(first), "--rules", str(second))
    assert run.status == 2
    assert f"rule layer {second} (on {first}) is invalid" in run.err
    assert "scope.add[0].before" in run.err
    assert "it is removed above" not in run.err  # removed by the layer below, not this one


def test_explain_uses_the_reading(cli: Cli, company: str) -> None:
    run = cli("explain", "--decisions-only", "--rules", WORKED, company)
    assert run.status == 0
    assert "PSD1 (Box 2):" in run.out
    assert "Scope: out of scope" in run.out


def test_batch_rows_follow_the_reading(cli: Cli, company: str, tmp_path: Path) -> None:
    registry = tmp_path / "registry.jsonl"
    document = {
        "name": "Pothole app",
        "initiated_by": ["private_sector"],
        "engaged_stages": ["collection"],
        "meaningful_engagement": True,
    }
    registry.write_text(json.dumps(document) + "\n", encoding="utf-8")
    base = cli("batch", str(registry), "-q").out
    read = cli("batch", str(registry), "-q", "--rules", WORKED).out
    assert json.loads(base)["scope"]["outcome"] == "in_scope"
    assert json.loads(read)["scope"]["outcome"] == "out_of_scope"


def test_rules_lists_the_reading_s_rules_with_their_source(cli: Cli) -> None:
    data = json.loads(cli("rules", "--format", "json", "--rules", WORKED).out)
    scope = data[0]
    assert [r["id"] for r in scope["rules"]] == ["S1", "PSD1", "S2"]
    assert scope["rules"][1]["source"] == "Illustration, rule 1"
    assert scope["digest"] == Assessor([load_layer(WORKED)]).rules.scope.digest
    text = cli("rules", "--rules", WORKED).out
    assert "PSD1  [Box 2, para 10, para 15]" in text
    assert "implements: Illustration, rule 1" in text


def test_serve_and_new_take_the_reading(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("uvicorn")
    import uvicorn

    import copenhagen.web

    made: dict[str, Any] = {}
    real = copenhagen.web.create_app

    def create_app(assessor: Any = None, **kwargs: Any) -> Any:
        made["assessor"] = assessor
        return real(assessor, **kwargs)

    monkeypatch.setattr(copenhagen.web, "create_app", create_app)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: None)
    assert cli("serve", "--rules", WORKED).status == 0
    assert [layer.id for layer in made["assessor"].layers] == ["private-sector-design"]
    # The questionnaire checks the layers before it asks for a terminal.
    run = cli("new", str(tmp_path / "x.yaml"), "--rules", WORKED)
    assert "needs a terminal" in run.err


def test_diff_text_shows_a_table_per_decision_and_the_method(cli: Cli) -> None:
    run = cli("diff", WORKED)
    assert run.status == 1
    assert "b: the shipped rules with" in run.out
    assert "Compared: Scope walked whole" in run.out
    assert "Scope: 2 differences" in run.out
    assert "a says" in run.out
    assert "b says" in run.out
    assert "for initiatives like" in run.out
    assert "undecided  out of scope  S2 / PSD1" in run.out
    assert "initiated_by [private_sector], engaged_stages [collection]" in run.out


def test_diff_json_is_the_list_diff_returns(cli: Cli) -> None:
    run = cli("diff", "base", WORKED, "--format", "json")
    assert run.status == 1
    items = json.loads(run.out)
    assert items == json.loads(json.dumps(diff(Assessor(), Assessor([load_layer(WORKED)]))))
    assert "walked whole" in run.err  # the method, on standard error beside the data


def test_diff_of_alike_readings_is_empty_and_exits_0(cli: Cli) -> None:
    run = cli("diff", "base", "base", "--format", "json")
    assert (run.status, json.loads(run.out)) == (0, [])
    same = cli("diff", WORKED, WORKED)
    assert same.status == 0
    assert "Scope: the same for every initiative" in same.out


def test_diff_joins_layers_with_plus(cli: Cli, tmp_path: Path) -> None:
    undo = tmp_path / "undo.yaml"
    undo.write_text("id: undo\ntitle: Undo\nscope: {remove: [PSD1]}\n", encoding="utf-8")
    assert cli("diff", f"{WORKED}+{undo}").status == 2  # load_layer checks the shipped rules
    run = cli("diff", "base", f"base+{WORKED}", "--format", "json")
    assert run.status == 1


def test_diff_with_an_invalid_layer_is_a_usage_error(cli: Cli, bad_layer: str) -> None:
    run = cli("diff", bad_layer)
    assert run.status == 2
    assert "names no rule of scope" in run.err


def test_check_passes_the_worked_reading_and_fails_a_broken_one(cli: Cli, tmp_path: Path) -> None:
    run = cli("check", WORKED)
    assert run.status == 0
    assert run.out.count("ok ") == 4
    assert "(Box 2, paras 10-11)" in run.out
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\ntitle: Broken\nscope:\n  add:\n    - id: B1\n      before: S1\n"
        "      when: {has: {initiated_by: [citizen_side]}}\n      then: out_of_scope\n"
        "      cite: Box 2\n      because: a test\n",
        encoding="utf-8",
    )
    failed = cli("check", str(broken))
    assert failed.status == 1
    assert "FAILS  Every concluding rule" in failed.out
    assert "rule S1 never concludes" in failed.out
    data = json.loads(cli("check", str(broken), "--format", "json").out)
    assert data["holds"] is False
    assert cli("check").status == 0  # the shipped rules alone


def test_schema_layer_prints_the_layer_schema(cli: Cli) -> None:
    run = cli("schema", "--layer")
    assert run.status == 0
    assert json.loads(run.out) == layer_schema()
    misused = cli("schema", "--layer", "assessment")
    assert misused.status == 2
