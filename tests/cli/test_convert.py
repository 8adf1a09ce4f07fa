"""``copenhagen convert --from ppsr-core FILE [--parties TABLE]`` (contract section 8)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Run

Cli = Callable[..., Run]
FIXTURES = Path(__file__).resolve().parents[1] / "ppsr" / "fixtures"
REGISTRY = str(FIXTURES / "registry.json")
PARTIES = str(FIXTURES / "parties.csv")


def lines(run: Run) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run.out.splitlines()]


def test_one_line_per_project_in_order(cli: Cli) -> None:
    run = cli("convert", "--from", "ppsr-core", REGISTRY, "--parties", PARTIES)
    assert run.status == 1  # project 4 could not be read
    out = lines(run)
    assert [line["position"] for line in out] == [1, 2, 3, 4]
    for line in out[:3]:
        assert list(line) == ["position", "document", "unknown", "unused"]
    assert out[0]["document"]["initiated_by"] == ["cso"]
    assert "initiated_by" in out[2]["unknown"]
    assert out[3] == {"position": 4, "errors": [["projectName", "expected text, found a number"]]}
    assert "project 4 is invalid" in run.err
    assert "projectName: expected text, found a number" in run.err
    assert "3 read, 1 could not be read; 1 without initiated_by" in run.err
    assert (
        "parties named but not in the table (projects naming each): 'Friends of the Marsh' (1)"
        in run.err
    )


def test_without_a_parties_table_no_record_has_initiated_by(cli: Cli) -> None:
    out = lines(cli("convert", "--from", "ppsr-core", REGISTRY))
    assert all("initiated_by" not in line.get("document", {}) for line in out)


def test_every_project_read_is_exit_0(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"Project": [{"projectName": "x"}]}', encoding="utf-8")
    run = cli("convert", "--from", "ppsr-core", str(path))
    assert run.status == 0
    assert lines(run)[0]["document"] == {"name": "x"}


def test_standard_input(cli: Cli) -> None:
    run = cli("convert", "--from", "ppsr-core", "-", stdin='[{"projectName": "x"}]')
    assert run.status == 0
    assert lines(run)[0]["document"] == {"name": "x"}
    bad = cli("convert", "--from", "ppsr-core", "-", stdin=b'[{"projectName": "\xff"}]')
    assert bad.status == 1
    assert "not UTF-8 text (byte 0xff at offset 18)" in bad.err
    assert cli("convert", "--from", "ppsr-core", "-", stdin=None).status == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [("{", "not valid JSON"), ('{"projects": []}', "without a 'Project' key")],
)
def test_an_unreadable_registry(cli: Cli, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    run = cli("convert", "--from", "ppsr-core", str(path))
    assert run.status == 1
    assert run.out == ""
    assert message in run.err


def test_missing_file_and_folder(cli: Cli, tmp_path: Path) -> None:
    missing = cli("convert", "--from", "ppsr-core", str(tmp_path / "none.json"))
    assert (missing.status, missing.out) == (1, "")
    assert "no such file" in missing.err
    folder = cli("convert", "--from", "ppsr-core", str(tmp_path))
    assert "is a folder, not a file" in folder.err


def test_a_bad_parties_table_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    table = tmp_path / "p.csv"
    table.write_text("name,actor\nA,ngo\n", encoding="utf-8")
    run = cli("convert", "--from", "ppsr-core", REGISTRY, "--parties", str(table))
    assert run.status == 2
    assert run.out == ""
    assert "line 2: 'ngo' is not an actor; allowed: citizens" in run.err
    missing = cli("convert", "--from", "ppsr-core", REGISTRY, "--parties", str(tmp_path / "x"))
    assert missing.status == 2
    assert "(table): no such file" in missing.err


def test_from_is_required_and_checked(cli: Cli) -> None:
    assert cli("convert", REGISTRY).status == 2
    assert cli("convert", "--from", "dwc", REGISTRY).status == 2


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path opened while the test runs (an audit hook; it cannot be removed, so it only
    records while switched on)."""
    seen: list[str] = []
    active = [True]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if active[0] and event == "open" and isinstance(args[0], str):
            seen.append(args[0])

    sys.addaudithook(hook)
    yield seen
    active[0] = False


def test_nothing_named_inside_a_record_is_opened(cli: Cli, opened: list[str]) -> None:
    # The fixture's first project names /etc/passwd as its media file and a URL as its site.
    cli("convert", "--from", "ppsr-core", REGISTRY, "--parties", PARTIES)
    cli("batch", "--input-format", "ppsr-core", REGISTRY, "--parties", PARTIES, "-q")
    assert "/etc/passwd" not in opened
    assert not [p for p in opened if "shore-keepers" in p]
    assert REGISTRY in opened
