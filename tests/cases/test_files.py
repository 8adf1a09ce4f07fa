"""Case files read and checked: every problem at once with its line, and cases run."""

from __future__ import annotations

from pathlib import Path

import pytest

from copenhagen.cases import InvalidCaseFileError, load_case_file

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "examples" / "readings"


def write(folder: Path, text: str, name: str = "x.cases.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_worked_reading_s_case_file_loads_its_layer_and_passes() -> None:
    suite = load_case_file(WORKED / "private-sector-design.cases.yaml")
    assert [layer.id for layer in suite.layers] == ["private-sector-design"]
    assert len(suite.cases) == 5
    assert all(suite.check(case) == () for case in suite.cases)


def test_a_case_that_fails_says_what_was_expected_what_came_and_the_trace(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        """\
cases:
  - name: company app
    document: {name: App, initiated_by: [private_sector], engaged_stages: [collection],
               meaningful_engagement: true}
    expect:
      scope: out_of_scope
      missing: {nso_category: [quality_assured]}
      rules: {scope: [S1]}
      principles: {informed_consent: met}
      warnings: [not quality assured]
""",
    )
    suite = load_case_file(path)
    (case,) = suite.cases
    mismatches = suite.check(case)
    assert [m.what for m in mismatches] == [
        "scope",
        "missing.nso_category",
        "rules.scope",
        "principles.informed_consent",
        "warnings",
    ]
    report = suite.report(case, mismatches)
    assert "case 'company app'" in report
    assert f"{path}, line 2" in report
    assert "scope: expected out_of_scope" in report
    assert "got in_scope" in report
    assert "trace of scope:" in report
    assert "S2 (Box 2):" in report


def test_every_problem_of_a_bad_file_is_named_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, "id: x\n", name="broken.yaml")
    path = write(
        tmp_path,
        """\
rules: [broken.yaml, absent.yaml]
cases:
  - name: one
    document: {name: One, initiated_by: [csoo]}
    expect: {scope: inscope}
  - name: one
    document: {name: Two, initiated_by: [cso]}
    expect: {modality: civic_action}
  - name: three
    file: nowhere.yaml
    expect: {principles: {consent: met}, missing: {scope: [partners]}, rule: {}}
  - name: four
    document: {name: Four, initiated_by: [cso]}
    file: other.yaml
    expect: {}
""",
    )
    with pytest.raises(InvalidCaseFileError) as caught:
        load_case_file(path)
    found = dict(caught.value.errors)
    assert "line 1: layer broken.yaml" in found["rules[0]"]
    assert "line 1: layer absent.yaml: no such file" in found["rules[1]"]
    assert "'csoo' is not an actor" in found["cases[0].document.initiated_by[0]"]
    assert found["cases[0].document.initiated_by[0]"].startswith("line 4:")
    assert "did you mean 'in_scope'" in found["cases[0].expect.scope"]
    assert "nowhere.yaml: no such file" in found["cases[2].file"]
    assert "did you mean 'informed_consent'" in found["cases[2].expect.principles.consent"]
    assert "not a key that can be missing" in found["cases[2].expect.missing.scope[0]"]
    assert "did you mean 'rules'" in found["cases[2].expect.rule"]
    assert "document (a mapping) or file (a path): one of them" in found["cases[3]"]
    assert "expect is required" in found["cases[3].expect"]
    assert str(path) in str(caught.value)


def test_names_are_unique_and_rule_ids_are_the_reading_s(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
cases:
  - name: same
    document: {name: A, initiated_by: [cso]}
    expect: {rules: {modality: [M1]}}
  - name: same
    document: {name: B, initiated_by: [cso]}
    expect: {rules: {modality: [M11]}}
""",
    )
    with pytest.raises(InvalidCaseFileError) as caught:
        load_case_file(path)
    found = dict(caught.value.errors)
    assert set(found) == {"cases[1].expect.rules.modality[0]"}
    assert "did you mean 'M1'" in found["cases[1].expect.rules.modality[0]"]
    path.write_text(path.read_text().replace("M11", "M1"), encoding="utf-8")
    with pytest.raises(InvalidCaseFileError, match="taken by case 0"):
        load_case_file(path)


def test_a_file_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "cases:\n  - name: [unclosed\n")
    with pytest.raises(InvalidCaseFileError) as caught:
        load_case_file(path)
    ((where, message),) = caught.value.errors
    assert where == "(file)"
    assert "line 3" in message or "line 2" in message
