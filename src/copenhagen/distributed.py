"""Assessing registries bigger than one machine with Dask (the optional ``dask`` extra).

The library does not bring its own distributed engine: the assessment is a pure function of
each record and an `copenhagen.Assessor` pickles (as its layers; its caches are rebuilt where it
lands), so an existing engine can map it over partitions. These functions are the documented
recipe (see the Batch guide):

- JSON Lines shards as a `dask.bag`: `assess_bag` maps `assess_lines` over each partition, and
  `assess_registry` reads a set of shards (one partition per file, so each row's ``position``
  is its line number in its shard), assesses them and writes one JSON Lines output per shard.
- A `dask.dataframe`: `assess_dataframe` maps `copenhagen.tabular.assess_frame` over its
  partitions.

The assessor goes into the task graph once, as a `dask.delayed` value: each worker receives it
once and every partition that worker assesses uses that copy, whose caches are bounded by the
assessor's own ``cache_size`` (so a worker's memory is bounded by the assessor it was sent,
never by a setting of the process). Nothing here sets Dask's configuration: the scheduler is
the caller's choice (a ``dask.distributed.Client`` in use, or ``scheduler=``).

Rows are exactly those of ``copenhagen batch`` for the same records, detail and assessor. Dask
is imported only by these functions.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copenhagen.batch.rows import Detail, provenance_digest

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor

__all__ = ["assess_bag", "assess_dataframe", "assess_lines", "assess_registry"]


def assess_lines(
    lines: Iterable[str], *, assessor: Assessor | None = None, detail: Detail = "compact"
) -> list[str]:
    """Assess JSON Lines text: one output row per non-blank line, numbered from 1.

    A pure function of its input, suitable for any engine's ``map`` (Dask, Spark,
    ``concurrent.futures``, ``multiprocessing``): it is `copenhagen.batch.run_batch` on those
    lines, in this process.

    Args:
        lines: The lines of one JSON Lines shard, in order (with or without newlines).
        assessor: The reading of the framework to assess with (the shipped rules by default).
        detail: ``"compact"`` rows, or ``"full"`` (``{"position": N, ...assess().to_dict()}``).

    Returns:
        One JSON text per record, without newlines, as ``copenhagen batch`` writes them:
        ``{"position": N, ...}`` with the assessment, or with ``"errors"``.
    """
    from copenhagen.batch import run_batch

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    out = io.StringIO()
    run_batch(io.StringIO(text), out, input_fmt="jsonl", assessor=assessor, detail=detail)
    return out.getvalue().splitlines()


def _shipped(assessor: Assessor | None) -> Any:
    """The assessor as one value of the task graph (``None``: each worker's default)."""
    if assessor is None:
        return None
    import dask

    # One key for the whole graph, named by the reading it holds, so that the same reading
    # sent twice is one value (Dask's advice for a large object shared by many tasks).
    reading = provenance_digest(assessor.provenance)
    name = f"copenhagen-assessor-{reading}-{assessor.cache_size}"
    return dask.delayed(assessor, name=name, pure=True)  # type: ignore[attr-defined]


def assess_bag(bag: Any, *, assessor: Assessor | None = None, detail: Detail = "compact") -> Any:
    """A bag of output rows from a bag of JSON Lines text, one partition at a time.

    Args:
        bag: A `dask.bag.Bag` of lines, e.g. ``dask.bag.read_text(paths, blocksize=None)``
            (one partition per file keeps each row's position its line number in its file).
        assessor: The reading of the framework to assess with (the shipped rules by default),
            sent to the workers once.
        detail: ``"compact"`` or ``"full"`` rows.

    Returns:
        A bag of JSON row texts, partition for partition.
    """
    return bag.map_partitions(assess_lines, assessor=_shipped(assessor), detail=detail)


def assess_registry(
    shards: str | Sequence[str],
    output_dir: str | Path,
    *,
    assessor: Assessor | None = None,
    detail: Detail = "compact",
    scheduler: Any = None,
) -> list[str]:
    """Assess JSON Lines shards with Dask and write one output file per shard.

    Args:
        shards: A glob or list of JSON Lines files (split a big registry with e.g.
            ``split -l 100000 registry.jsonl shard- --additional-suffix=.jsonl``). On a
            cluster, every worker must be able to read them and write to ``output_dir``.
        output_dir: Where to write ``<n>.jsonl``, one per shard, in shard order.
        assessor: The reading of the framework to assess with (the shipped rules by default).
        detail: ``"compact"`` or ``"full"`` rows.
        scheduler: A ``dask.distributed.Client``, a Dask scheduler name (``"synchronous"``,
            ``"threads"``, ``"processes"``), or ``None`` for the client in use or Dask's
            default.

    Returns:
        The paths written.
    """
    import dask.bag as db

    Path(output_dir).mkdir(parents=True, exist_ok=True)
    lines = db.read_text(shards, blocksize=None)  # type: ignore[no-untyped-call]
    rows = assess_bag(lines, assessor=assessor, detail=detail)
    written: list[str] = rows.to_textfiles(
        str(Path(output_dir) / "*.jsonl"),
        last_endline=True,
        compute=True,
        scheduler=scheduler,
    )
    return written


def assess_dataframe(
    frame: Any, *, assessor: Assessor | None = None, detail: Detail = "compact"
) -> Any:
    """A Dask DataFrame with the result columns of `copenhagen.tabular.assess_frame` added.

    Args:
        frame: A `dask.dataframe.DataFrame`, one initiative per row.
        assessor: The reading of the framework to assess with (the shipped rules by default),
            sent to the workers once.
        detail: ``"compact"`` or ``"full"`` (`copenhagen.tabular.result_columns`).

    Returns:
        The lazily assessed DataFrame (call ``.compute()`` or write it out).
    """
    from copenhagen.tabular import assess_frame

    meta = assess_frame(frame._meta, assessor=assessor, detail=detail)
    return frame.map_partitions(assess_frame, assessor=_shipped(assessor), detail=detail, meta=meta)
