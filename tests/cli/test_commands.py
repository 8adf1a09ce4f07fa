"""The other subcommands: validate, explain, schema, rules, graph, framework, and every --help."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from copenhagen.cli import build_parser
from copenhagen.rules import RULE_SETS
from tests.cli.conftest import Run

Cli = Callable[..., Run]

COMMANDS = ("assess", "validate", "batch", "explain", "schema", "rules", "graph", "framework")


def test_every_command_is_registered() -> None:
    help_text = build_parser().format_help()
    for command in COMMANDS:
        assert command in help_text


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_complete(cli: Cli, command: str) -> None:
    run = cli(command, "--help")
    assert run.status == 0
    assert run.out.startswith(f"usage: copenhagen {command}")
    assert "--color" in run.out
    if command in ("assess", "validate", "batch", "explain"):
        assert "exit status" in run.out


def test_version(cli: Cli) -> None:
    from copenhagen import __version__

    run = cli("--version")
    assert run.status == 0
    assert __version__ in run.out


def test_validate(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("validate", str(files["valid"]), str(files["invalid"]), str(files["missing"]))
    assert run.status == 1
    assert run.out == f"{files['valid']}: valid\n"
    assert "initiated_by[0]" in run.err
    assert "missing.yaml" in run.err
    assert cli("validate", str(files["valid"])).status == 0


def test_validate_a_registry(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "r.jsonl"
    registry.write_text(
        json.dumps({"name": "a", "initiated_by": ["cso"]}) + "\n" + '{"name": 1}\n',
        encoding="utf-8",
    )
    run = cli("validate", str(registry))
    assert run.status == 1
    assert "record 2" in run.err
    assert "name" in run.err


def test_explain_gives_every_rule_tried(cli: Cli, files: dict[str, Path]) -> None:
    run = cli("explain", str(files["valid"]))
    assert run.status == 0
    # The full trace: rules that did not apply are there too (M1 is tried before M2).
    for rule in ("S1", "M1", "M2", "C1", "C2"):
        assert f"{rule} (" in run.out
    assert "Principles:" in run.out
    assert "para 17" in run.out
    # Every finding names its related standards (the crosswalks, register XW-11).
    assert run.out.count("Related standards: ") == 13
    assert "Related standards: FPOS 6 (overlaps), HRBAD privacy (overlaps)" in run.out
    bad = cli("explain", str(files["invalid"]))
    assert bad.status == 1
    assert bad.out == ""


def test_schema(cli: Cli) -> None:
    run = cli("schema")
    assert run.status == 0
    schema = json.loads(run.out)
    assert "initiated_by" in schema["properties"]
    assessment = json.loads(cli("schema", "assessment").out)
    assert "principle_findings" in assessment["properties"]


def test_schema_row_on_the_command_line(cli: Cli) -> None:
    from copenhagen.batch import row_schema

    for args, detail in ((("--row",), "compact"), (("--row", "--detail", "full"), "full")):
        run = cli("schema", *args)
        assert run.status == 0
        assert json.loads(run.out) == row_schema(detail)  # type: ignore[arg-type]
    assert cli("schema", "assessment", "--row").status == 2
    assert cli("schema", "--detail", "full").status == 2
    assert cli("schema", "--row", "--layer").status == 2


def test_rules_lists_every_rule_set_of_the_assessor_with_citations_and_digests(cli: Cli) -> None:
    from copenhagen.assessor import default_assessor
    from copenhagen.framework.citations import is_anchor
    from copenhagen.reports._escape import escape_markdown

    text = cli("rules").out
    data = json.loads(cli("rules", "--format", "json").out)
    markdown = cli("rules", "--format", "markdown").out
    book = default_assessor().rules
    every = [*book.decisions, *book.participation, *book.principles, book.recommendations]
    assert [listed["id"] for listed in data] == [rule_set.id for rule_set in every]
    assert {listed["group"] for listed in data} == {
        "decision",
        "participation",
        "principles",
        "recommendations",
    }
    for rule_set, listed in zip(every, data, strict=True):
        assert listed["digest"] == rule_set.digest
        assert f"digest {rule_set.digest}" in text
        assert f"Digest: `{rule_set.digest}`" in markdown
        for rule, item in zip(rule_set.rules, listed["rules"], strict=True):
            assert item["id"] == rule.id
            assert item["statement"] == rule.statement
            assert item["facts"] == list(getattr(rule, "facts", item["facts"]))
            assert all(is_anchor(c) for c in item["citations"])
            assert f"  {rule.id}  [{', '.join(item['citations'])}]" in text
            assert f"| {escape_markdown(rule.id)} |" in markdown


def test_rules_headings_keep_the_subjects_capitals(cli: Cli) -> None:
    text = cli("rules").out
    markdown = cli("rules", "--format", "markdown").out
    for rule_set in RULE_SETS:
        heading = rule_set.subject[:1].upper() + rule_set.subject[1:]
        assert f"\n{heading} ({rule_set.id})\n" in f"\n{text}"
        assert f"## {heading} (`{rule_set.id}`)" in markdown
    assert "NSO category (nso_category)" in text
    assert "Nso" not in text + markdown


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_points_to_what_users_can_read(cli: Cli, command: str | None) -> None:
    # "contract section 2" names a document users do not have: help says what is meant instead.
    run = cli(*(() if command is None else (command,)), "--help")
    assert run.status == 0
    assert not re.search(r"(?i)\bsection \d", run.out), run.out
    assert "contract" not in run.out.lower() or "contract.md" in run.out


@pytest.mark.parametrize("fmt", ["mermaid", "dot", "graphml", "json", "svg"])
def test_graph_formats(cli: Cli, fmt: str) -> None:
    run = cli("graph", "--format", fmt)
    assert run.status == 0
    assert run.out.strip()
    if fmt in ("graphml", "svg"):
        ET.fromstring(run.out)
    if fmt == "json":
        assert len(json.loads(run.out)["nodes"]) == 13
    if fmt == "dot":
        assert "digraph" in run.out


def test_framework_browsing(cli: Cli) -> None:
    parts = cli("framework")
    assert parts.status == 0
    assert "principles" in parts.out
    assert "stages" in parts.out
    principles = cli("framework", "principles")
    assert principles.status == 0
    assert "Informed consent" in principles.out
    one = json.loads(cli("framework", "principles.informed_consent", "--format", "json").out)
    assert one["key"] == "informed_consent"
    assert one["number"] == 4
    assert cli("framework", "nonsense").status == 1
    assert cli("framework", "principles.nonsense").status == 1
