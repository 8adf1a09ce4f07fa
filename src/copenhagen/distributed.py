"""Assessing registries bigger than one machine with Dask (the optional ``dask`` extra).

The library does not bring its own distributed engine: the assessment is a pure function of
each record, picklable and free of shared state, so an existing engine can map it over
partitions. These functions are the documented recipe (see the Batch guide):

- JSON Lines shards as a `dask.bag`: `assess_bag` maps `assess_lines` over each partition, and
  `assess_registry` reads a set of shards (one partition per file, so each row's ``position``
  is its line number in its shard), assesses them and writes one JSON Lines output per shard.
- A `dask.dataframe`: `assess_dataframe` maps `copenhagen.tabular.assess_frame` over its
  partitions.

Rows are exactly those of ``copenhagen batch``. Dask is imported only by these functions.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["assess_bag", "assess_dataframe", "assess_lines", "assess_registry"]


def assess_lines(lines: Iterable[str]) -> list[str]:
    """Assess JSON Lines text: one output row per non-blank line, numbered from 1.

    A pure function of its input, suitable for any engine's ``map`` (Dask, Spark,
    ``concurrent.futures``, ``multiprocessing``).

    Args:
        lines: The lines of one JSON Lines shard, in order (with or without newlines).

    Returns:
        One JSON text per record, without newlines, as ``copenhagen batch`` writes them:
        ``{"position": N, ...}`` with the assessment, or with ``"errors"``.
    """
    from copenhagen.batch import run_batch

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    out = io.StringIO()
    run_batch(io.StringIO(text), out, input_fmt="jsonl")
    return out.getvalue().splitlines()


def assess_bag(bag: Any) -> Any:
    """A bag of output rows from a bag of JSON Lines text, one partition at a time.

    Args:
        bag: A `dask.bag.Bag` of lines, e.g. ``dask.bag.read_text(paths, blocksize=None)``
            (one partition per file keeps each row's position its line number in its file).

    Returns:
        A bag of JSON row texts, partition for partition.
    """
    return bag.map_partitions(assess_lines)


def assess_registry(
    shards: str | Sequence[str],
    output_dir: str | Path,
    *,
    scheduler: str | None = None,
) -> list[str]:
    """Assess JSON Lines shards with Dask and write one output file per shard.

    Args:
        shards: A glob or list of JSON Lines files (split a big registry with e.g.
            ``split -l 100000 registry.jsonl shard- --additional-suffix=.jsonl``).
        output_dir: Where to write ``<n>.jsonl``, one per shard, in shard order.
        scheduler: A Dask scheduler name (``"synchronous"``, ``"threads"``, ``"processes"``),
            or ``None`` for Dask's default or a ``dask.distributed`` client's.

    Returns:
        The paths written.
    """
    import dask.bag as db

    Path(output_dir).mkdir(parents=True, exist_ok=True)
    lines = db.read_text(shards, blocksize=None)  # type: ignore[no-untyped-call]
    rows = assess_bag(lines)
    written: list[str] = rows.to_textfiles(
        str(Path(output_dir) / "*.jsonl"),
        last_endline=True,
        compute=True,
        scheduler=scheduler,
    )
    return written


def assess_dataframe(frame: Any) -> Any:
    """A Dask DataFrame with the result columns of `copenhagen.tabular.assess_frame` added.

    Args:
        frame: A `dask.dataframe.DataFrame`, one initiative per row.

    Returns:
        The lazily assessed DataFrame (call ``.compute()`` or write it out).
    """
    from copenhagen.tabular import assess_frame

    meta = assess_frame(frame._meta)
    return frame.map_partitions(assess_frame, meta=meta)
