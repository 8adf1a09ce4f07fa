"""`copenhagen batch`: rows, errors by position, exit codes, summary, inputs and outputs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from copenhagen import assess, load_initiative
from copenhagen.batch import compact_row, full_row
from tests.cli.conftest import Run
from tests.conftest import ROOT

Cli = Callable[..., Run]

GOOD = {"name": "Water watch", "initiated_by": ["cso"], "engaged_stages": ["collection"]}
OTHER = {"name": "Survey", "initiated_by": ["nso"], "engaged_stages": []}


def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(GOOD),
                '{"name": "broken"',
                "",
                json.dumps({"name": "Bad", "initiated_by": ["martians"]}),
                json.dumps(OTHER),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def test_jsonl_rows_errors_and_exit_status(cli: Cli, tmp_path: Path) -> None:
    run = cli("batch", str(registry(tmp_path)))
    assert run.status == 1
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [row["position"] for row in rows] == [1, 2, 4, 5]  # line numbers; blank skipped
    expected = compact_row(1, assess(load_initiative(GOOD)))
    assert run.out.splitlines()[0] == json.dumps(expected, sort_keys=True)
    assert rows[1]["errors"][0][0] == "(document)"
    assert rows[2]["errors"] == [[rows[2]["errors"][0][0], rows[2]["errors"][0][1]]]
    assert rows[2]["errors"][0][0] == "initiated_by[0]"
    assert "line 2 is invalid" in run.err
    assert "line 4 is invalid" in run.err
    assert "Summary: 4 records, 2 assessed, 2 invalid" in run.err


def test_all_good_exits_0_and_summary_counts(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(OTHER) + "\n", encoding="utf-8")
    summary = tmp_path / "summary.json"
    run = cli("batch", str(path), "--summary", str(summary), "--quiet")
    assert run.status == 0
    assert run.err == ""
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["records"] == 2
    assert data["invalid"] == 0
    assert data["scope"] == {"in_scope": 1, "out_of_scope": 1}
    assert data["rules"]["S1"] == 1
    assert data["rules"]["S2"] == 1
    assert data["rules"]["M3"] == 0  # never fired, still listed


def test_csv_in_csv_out(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "registry.csv"
    source.write_text(
        "name,initiated_by,partners,engaged_stages,meaningful_engagement,principles.informed_consent\n"
        "Water watch,cso,nso,design;collection,true,met\n"
        "Bad,cso,,,maybe,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    run = cli("batch", str(source), "--output", str(out))
    assert run.status == 1
    assert "record 2 (line 3) is invalid" in run.err  # the line, as a spreadsheet shows it
    assert "meaningful_engagement" in run.err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["position"] == "1"
    assert rows[0]["modality"] == "civic_driven_collaboration"  # by name (contract section 6)
    assert rows[0]["principles.informed_consent"] == "met"
    assert rows[1]["position"] == "2"
    assert "meaningful_engagement" in rows[1]["errors"]


def test_folder_input(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (folder / "b.yaml").write_text("name: x\ninitiated_by: [nobody]\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    run = cli("batch", str(folder))
    assert run.status == 1
    assert len(run.out.splitlines()) == 2
    assert "b.yaml is invalid" in run.err


def test_stdin_and_missing_input(cli: Cli, tmp_path: Path) -> None:
    run = cli("batch", "-", stdin=json.dumps(GOOD) + "\n")
    assert run.status == 0
    assert json.loads(run.out)["name"] == "Water watch"
    missing = cli("batch", str(tmp_path / "nope.jsonl"))
    assert missing.status == 1
    assert missing.out == ""
    assert missing.err == f"error: {tmp_path / 'nope.jsonl'}: no such file or folder\n"
    unknown = tmp_path / "registry.txt"
    unknown.write_text("", encoding="utf-8")
    assert cli("batch", str(unknown)).status == 2


def test_summary_reports(cli: Cli, tmp_path: Path) -> None:
    for suffix in (".md", ".html"):
        target = tmp_path / f"summary{suffix}"
        assert cli("batch", str(registry(tmp_path)), "-q", "--summary", str(target)).status == 1
        text = target.read_text(encoding="utf-8")
        assert "Modality" in text
        if suffix == ".html":
            assert "<svg" in text


def test_output_onto_the_input_is_refused_and_the_input_kept(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "registry.jsonl"
    original = '{"name": "a", "initiated_by": ["cso"]}\n'
    registry.write_text(original, encoding="utf-8")
    result = cli("batch", str(registry), "--output", str(registry))
    assert result.status == 2
    assert "is the input itself" in result.err
    assert registry.read_text(encoding="utf-8") == original


def test_detail_full_writes_each_whole_assessment(cli: Cli, tmp_path: Path) -> None:
    run = cli("batch", str(registry(tmp_path)), "--detail", "full", "-q")
    assert run.status == 1
    first, second = run.out.splitlines()[:2]
    expected = full_row(1, assess(load_initiative(GOOD)))
    assert expected == {"position": 1, **assess(load_initiative(GOOD)).to_dict()}
    assert first == json.dumps(expected, sort_keys=True)
    assert json.loads(second)["errors"]


def test_jobs_give_the_same_bytes(cli: Cli, tmp_path: Path) -> None:
    from copenhagen.synthetic import realistic_documents

    path = tmp_path / "many.jsonl"
    lines = [json.dumps(d) for d in realistic_documents(300, seed=3)]
    lines[7] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = cli("batch", str(path), "-q")
    for detail in ("compact", "full"):
        alone = cli("batch", str(path), "-q", "--detail", detail)
        many = cli("batch", str(path), "-q", "--detail", detail, "--jobs", "2")
        assert (many.status, many.out) == (alone.status, alone.out)
    assert one.out == cli("batch", str(path), "-q", "-j", "auto").out
    csv_one = cli("batch", str(path), "-q", "--output-format", "csv")
    assert csv_one.out == cli("batch", str(path), "-q", "--output-format", "csv", "-j", "2").out


def test_jobs_must_be_a_whole_number_from_1(cli: Cli, tmp_path: Path) -> None:
    for bad in ("0", "-2", "many"):
        run = cli("batch", str(registry(tmp_path)), "--jobs", bad)
        assert run.status == 2
        assert "--jobs" in run.err


def test_a_small_cache_gives_the_same_bytes(cli: Cli, tmp_path: Path) -> None:
    from copenhagen.synthetic import realistic_documents

    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps(d) + "\n" for d in realistic_documents(200, seed=4)), encoding="utf-8"
    )
    layer = ROOT / "examples" / "readings" / "private-sector-design.yaml"
    for rules in ((), ("--rules", str(layer))):
        alone = cli("batch", str(path), "-q", *rules)
        assert alone.status == 0, alone.err
        for size in ("1", "7"):
            small = cli("batch", str(path), "-q", "--cache-size", size, *rules)
            assert (small.status, small.out) == (alone.status, alone.out)


def test_cache_size_must_be_a_whole_number_from_1(cli: Cli, tmp_path: Path) -> None:
    from copenhagen.assessor import DEFAULT_CACHE_SIZE

    for bad in ("0", "-2", "many"):
        run = cli("batch", str(registry(tmp_path)), "--cache-size", bad)
        assert run.status == 2
        assert "--cache-size" in run.err
    # The help names the default as the library has it.
    assert f"default {DEFAULT_CACHE_SIZE:,}" in " ".join(cli("batch", "--help").out.split())
