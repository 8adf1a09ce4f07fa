"""`copenhagen.distributed`: the Dask recipe, run on Dask's local synchronous scheduler."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

from copenhagen.batch import run_batch
from copenhagen.distributed import assess_bag, assess_dataframe, assess_lines, assess_registry
from copenhagen.synthetic import realistic_documents
from copenhagen.tabular import RESULT_COLUMNS, assess_frame


def shard_text(seed: int, n: int = 40) -> str:
    lines = [json.dumps(d) for d in realistic_documents(n, seed=seed)]
    lines[3] = '{"name": "broken"'
    return "\n".join(lines) + "\n"


def batch_rows(text: str) -> list[str]:
    out = io.StringIO()
    run_batch(io.StringIO(text), out, input_fmt="jsonl")
    return out.getvalue().splitlines()


def test_assess_lines_is_pure_and_picklable() -> None:
    text = shard_text(1)
    assert assess_lines(text.splitlines()) == batch_rows(text)
    assert pickle.loads(pickle.dumps(assess_lines)) is assess_lines


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
        assert Path(path).read_text(encoding="utf-8").splitlines() == batch_rows(text)


def test_bag_partitions() -> None:
    texts = [shard_text(seed, 10) for seed in (4, 5)]
    bag = db.from_sequence([t.splitlines() for t in texts], npartitions=2).flatten()
    with dask.config.set(scheduler="synchronous"):
        rows = assess_bag(bag).compute()
    assert rows == batch_rows(texts[0]) + batch_rows(texts[1])


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
