"""`copenhagen.distributed`: the Dask recipe, on local schedulers and on a LocalCluster."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from copenhagen import Assessor
from copenhagen.batch import Detail, run_batch
from copenhagen.distributed import assess_bag, assess_dataframe, assess_lines, assess_registry
from copenhagen.synthetic import realistic_documents
from copenhagen.tabular import RESULT_COLUMNS, assess_frame
from tests.variants import funders_layer


def shard_text(seed: int, n: int = 40) -> str:
    lines = [json.dumps(d) for d in realistic_documents(n, seed=seed)]
    lines[3] = '{"name": "broken"'
    return "\n".join(lines) + "\n"


def batch_rows(text: str, assessor: Assessor | None = None, detail: Detail = "compact") -> str:
    out = io.StringIO()
    run_batch(io.StringIO(text), out, input_fmt="jsonl", assessor=assessor, detail=detail)
    return out.getvalue()


def test_provenance_is_the_same_in_every_process() -> None:
    # A worker process hashes strings with its own seed: nothing digested may depend on the
    # order of a set (the recommendations' digest once did, so cluster rows differed).
    code = (
        "from copenhagen.assessor import default_assessor;"
        "from copenhagen.batch.rows import provenance_digest;"
        "print(provenance_digest(default_assessor().provenance))"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in map(str, range(8))
    }
    assert len(found) == 1


def test_the_layer_changes_outcomes() -> None:
    text = shard_text(1, 200)
    layered = [json.loads(r) for r in batch_rows(text, Assessor([funders_layer()])).splitlines()]
    base = [json.loads(r) for r in batch_rows(text).splitlines()]
    assert any("F1" in r.get("modality", {}).get("rules", []) for r in layered)
    assert [r.get("modality") for r in layered] != [r.get("modality") for r in base]


def test_assess_lines_is_pure_and_picklable() -> None:
    text = shard_text(1)
    assert assess_lines(text.splitlines()) == batch_rows(text).splitlines()
    assert pickle.loads(pickle.dumps(assess_lines)) is assess_lines


def test_assess_lines_takes_the_assessor_and_detail() -> None:
    text = shard_text(2)
    layered = Assessor([funders_layer()])
    found = assess_lines(text.splitlines(), assessor=layered, detail="full")
    assert found == batch_rows(text, layered, "full").splitlines()


def test_registry_of_shards(tmp_path: Path) -> None:
    texts = [shard_text(seed) for seed in (1, 2, 3)]
    for number, text in enumerate(texts):
        (tmp_path / f"shard-{number}.jsonl").write_text(text, encoding="utf-8")
    written = assess_registry(
        sorted(str(p) for p in tmp_path.glob("shard-*.jsonl")),
        tmp_path / "out",
        scheduler="synchronous",
    )
    assert len(written) == 3
    for text, path in zip(texts, sorted(written), strict=True):
        assert Path(path).read_text(encoding="utf-8") == batch_rows(text)


def test_bag_partitions() -> None:
    texts = [shard_text(seed, 10) for seed in (4, 5)]
    bag = db.from_sequence([t.splitlines() for t in texts], npartitions=2).flatten()
    with dask.config.set(scheduler="synchronous"):
        rows = assess_bag(bag).compute()
    assert rows == batch_rows(texts[0]).splitlines() + batch_rows(texts[1]).splitlines()


def test_dataframe_partitions() -> None:
    frame = pd.DataFrame(
        {
            "name": [f"i{n}" for n in range(6)],
            "initiated_by": ["cso", "nso", "academia", "cso;nso", "martians", "community"],
        }
    )
    lazy = assess_dataframe(dd.from_pandas(frame, npartitions=3))
    result = lazy.compute(scheduler="synchronous")
    expected = assess_frame(frame)
    # Dask may store the input's strings in its own string dtype; the results are what matter.
    columns = list(RESULT_COLUMNS)
    pd.testing.assert_frame_equal(result[columns], expected[columns])
    assert list(result.columns) == list(expected.columns)


def test_nothing_is_left_in_dask_config() -> None:
    before = dask.config.get("scheduler", None)
    text = shard_text(6, 10)
    rows = assess_bag(db.from_sequence(text.splitlines(), npartitions=1)).compute(
        scheduler="synchronous"
    )
    assert rows == batch_rows(text).splitlines()
    assert dask.config.get("scheduler", None) == before


# --------------------------------------------------------------------------- a cluster


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two worker processes, one thread each: the assessor must cross a process boundary."""
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        Client(cluster) as found,
    ):
        yield found


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("shards")
    paths = []
    for number, seed in enumerate((11, 12, 13, 14)):
        path = folder / f"shard-{number}.jsonl"
        path.write_text(shard_text(seed, 80), encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("layered", [False, True], ids=["base rules", "layered"])
def test_local_cluster_rows_are_batch_rows(
    client: Client, shards: list[str], tmp_path: Path, layered: bool
) -> None:
    assessor = Assessor([funders_layer()], cache_size=256) if layered else None
    written = assess_registry(shards, tmp_path, assessor=assessor, scheduler=client)
    assert len(written) == len(shards)
    for shard, path in zip(shards, sorted(written), strict=True):
        expected = batch_rows(Path(shard).read_text(encoding="utf-8"), assessor)
        assert Path(path).read_bytes() == expected.encode("utf-8")
    # Both workers took part, each with its own copy of the reading.
    assert len(client.scheduler_info()["workers"]) == 2


def test_local_cluster_ships_the_layer(client: Client, shards: list[str]) -> None:
    layered = Assessor([funders_layer()])
    bag = db.read_text(shards, blocksize=None)
    found = assess_bag(bag, assessor=layered, detail="full").compute(scheduler=client)
    texts = [Path(s).read_text(encoding="utf-8") for s in shards]
    expected = [row for t in texts for row in batch_rows(t, layered, "full").splitlines()]
    assert found == expected
    assert found != [row for t in texts for row in batch_rows(t, None, "full").splitlines()]
    layer = {"id": "funded-m1", "digest": funders_layer().digest}
    assert all(json.loads(r)["provenance"]["layers"] == [layer] for r in found if "scope" in r)


def test_local_cluster_dataframe(client: Client) -> None:
    frame = pd.json_normalize(list(realistic_documents(300, seed=21)))
    layered = Assessor([funders_layer()])
    # Dask would otherwise turn the columns of lists and of booleans into text.
    with dask.config.set({"dataframe.convert-string": False}):
        partitions = dd.from_pandas(frame, npartitions=4)
    lazy = assess_dataframe(partitions, assessor=layered)
    result = lazy.compute(scheduler=client)
    expected = assess_frame(frame, assessor=layered)
    columns = list(RESULT_COLUMNS)
    pd.testing.assert_frame_equal(result[columns], expected[columns])


def test_the_assessor_is_one_value_of_the_graph() -> None:
    layered = Assessor([funders_layer()], cache_size=128)
    bag = db.from_sequence(shard_text(7, 20).splitlines(), npartitions=4)
    graph = dict(assess_bag(bag, assessor=layered).__dask_graph__())
    shipped = [key for key in graph if str(key).startswith("copenhagen-assessor-")]
    assert len(shipped) == 1
    # The same reading sent again is the same value; another cache bound is another.
    again = dict(assess_bag(bag, assessor=Assessor([funders_layer()], cache_size=128)).dask)
    assert shipped[0] in again
    other = dict(assess_bag(bag, assessor=Assessor([funders_layer()])).__dask_graph__())
    assert shipped[0] not in other
