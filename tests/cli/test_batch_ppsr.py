"""``copenhagen batch --input-format ppsr-core FILE [--parties TABLE]``: a registry assessed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Run

Cli = Callable[..., Run]
FIXTURES = Path(__file__).resolve().parents[1] / "ppsr" / "fixtures"
REGISTRY = str(FIXTURES / "registry.json")
PARTIES = str(FIXTURES / "parties.csv")


def test_a_ppsr_core_registry_is_assessed(cli: Cli) -> None:
    run = cli("batch", "--input-format", "ppsr-core", REGISTRY, "--parties", PARTIES, "-q")
    assert run.status == 1  # projects 3 and 4 are bad records
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [row["position"] for row in rows] == [1, 2, 3, 4]
    assert rows[0]["scope"]["outcome"] == "in_scope"
    assert rows[0]["modality"]["outcome"] == 2  # a CSO with the NSO as partner (M2)
    assert rows[1]["scope"]["determinate"] is False  # academia: engagement not stated
    (path, message), *_ = rows[2]["errors"]
    assert path == "initiated_by"
    assert "add a row 'Friends of the Marsh,<actor>' to the parties table" in message
    assert rows[3]["errors"] == [["projectName", "expected text, found a number"]]
    assert "record 3 is invalid" in run.err


def test_without_parties_every_record_names_what_to_add(cli: Cli) -> None:
    run = cli("batch", "--input-format", "ppsr-core", REGISTRY, "-q")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert all(row["errors"][0][0] in {"initiated_by", "partners", "projectName"} for row in rows)


def test_parties_only_with_ppsr_core(cli: Cli) -> None:
    run = cli("batch", REGISTRY, "--parties", PARTIES)
    assert run.status == 2
    assert "--parties goes with --input-format ppsr-core" in run.err


def test_a_bad_table_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    table = tmp_path / "p.csv"
    table.write_text("who,what\n", encoding="utf-8")
    run = cli("batch", "--input-format", "ppsr-core", REGISTRY, "--parties", str(table))
    assert run.status == 2
    assert "the header must be 'name,actor'" in run.err


def test_standard_input(cli: Cli) -> None:
    text = Path(REGISTRY).read_text(encoding="utf-8")
    run = cli("batch", "--input-format", "ppsr-core", "-", "--parties", PARTIES, "-q", stdin=text)
    assert [json.loads(line)["position"] for line in run.out.splitlines()] == [1, 2, 3, 4]
