"""The pytest plugin: case files collected, one item per case, failures and bad files shown."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
LAYER = (ROOT / "examples" / "readings" / "private-sector-design.yaml").read_text(encoding="utf-8")

CASES = """\
rules: [national.yaml]
cases:
  - name: company app is out of scope
    document: {name: App, initiated_by: [private_sector], engaged_stages: [collection]}
    expect: {scope: out_of_scope, rules: {scope: [PSD1]}}
  - name: wrong on purpose
    document: {name: App, initiated_by: [private_sector], engaged_stages: [design],
               meaningful_engagement: true}
    expect: {scope: out_of_scope}
"""


def test_the_plugin_is_registered_as_copenhagen() -> None:
    from importlib.metadata import entry_points

    (found,) = [e for e in entry_points(group="pytest11") if e.name == "copenhagen"]
    assert found.value == "copenhagen.cases.plugin"


def test_each_case_is_an_item_and_a_failure_shows_expected_got_and_trace(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(".yaml", national=LAYER)
    pytester.makefile(".cases.yaml", national=CASES)
    result = pytester.runpytest("-p", "copenhagen", "-v", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*national.cases.yaml::company app is out of scope PASSED*",
            "*national.cases.yaml::wrong on purpose FAILED*",
            "*scope: expected out_of_scope",
            "*got in_scope",
            "*trace of scope:",
            "*S2 (Box 2):*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_bad_case_file_is_a_collection_error_naming_its_line(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".cases.yaml",
        bad="cases:\n  - name: a\n    document: {name: A, initiated_by: [cso]}\n"
        "    expect: {scope: in-scope}\n",
    )
    result = pytester.runpytest("-p", "copenhagen", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*ERROR collecting bad.cases.yaml*", "*cases?0?.expect.scope: line 4: 'in-scope'*"]
    )
