"""Where a compact batch row's time goes, stage by stage, against the floor, in one process.

For the lines of a JSON Lines registry held in memory, each stage is timed (CPU time, best of
``--rounds``) over every line, after a first pass has filled every cache, so each record costs
what a record whose every part was seen before costs: the least the batch can spend on it.

- ``floor``: `json.loads` and a pre-built compact row written (`batch_floor.py` in-process);
- ``parse``: the library's JSON parser (`copenhagen.documents.parsing.parse_json`: repeated
  keys, digit limits and depth refused);
- ``load``: parse, then `structure_initiative` (the converter, its results memoised per raw
  value of a key);
- ``write``: load, then `CompactWriter.write` (the row from its parts' tables) and the rows
  joined into writes: the whole of a warm `copenhagen batch`, without the file;
- ``ideal``: a design with nothing but the necessary steps and none of the library's checks:
  `json.loads`, each raw value's frozen form found in a dictionary, the `Initiative` built,
  three dictionary look-ups for the row's parts, and the row joined. No design that builds an
  `Initiative` from each record in Python can be much faster than this.

Usage:
    python benchmarks/batch_breakdown.py REGISTRY [--records 50000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import operator
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from batch_floor import prebuilt_row
    from copenhagen import Assessor
    from copenhagen.batch.writers import CompactWriter
    from copenhagen.documents import InvalidInitiativeError, structure_initiative
    from copenhagen.documents.parsing import parse_json
    from copenhagen.model import Initiative

    with args.registry.open(encoding="utf-8") as source:
        lines = list(itertools.islice(source, args.records))
    head, middle, tail = prebuilt_row(args.registry, "compact")
    writer = CompactWriter(Assessor())
    loads, dumps = json.loads, json.dumps

    def floor() -> None:
        out, pending = io.StringIO(), []
        for number, line in enumerate(lines, 1):
            try:
                document = loads(line)
            except ValueError:
                continue
            pending.append("".join((head, dumps(document["name"]), middle, str(number), tail)))
            if len(pending) >= 16:
                out.write("\n".join(pending) + "\n")
                pending.clear()

    def parse() -> None:
        for line in lines:
            try:
                parse_json(line)
            except ValueError:
                continue

    def load() -> None:
        for line in lines:
            try:
                structure_initiative(parse_json(line))
            except (ValueError, InvalidInitiativeError):
                continue

    def write() -> None:
        out, pending = io.StringIO(), []
        for number, line in enumerate(lines, 1):
            try:
                initiative = structure_initiative(parse_json(line))
            except (ValueError, InvalidInitiativeError):
                continue
            pending.append(writer.write(number, initiative)[0])
            if len(pending) >= 16:
                out.write("".join(pending))
                pending.clear()

    frozen: dict[Any, Any] = {}
    parts: list[dict[Any, Any]] = [{}, {}, {}]
    keys = [
        operator.attrgetter(
            "initiated_by", "partners", "engaged_stages", "meaningful_engagement",
            "integrated_into_official_statistics", "quality_assured",
        ),
        operator.attrgetter("principles", "practices"),
        operator.attrgetter("engaged_stages", "practices", "participation"),
    ]  # fmt: skip

    def ideal() -> None:
        out, pending = io.StringIO(), []
        for number, line in enumerate(lines, 1):
            try:
                document = loads(line)
            except ValueError:
                continue
            values = {}
            try:
                for key, value in document.items():
                    if key == "name":
                        values[key] = value
                        continue
                    raw = (key, tuple(value) if type(value) is list else value)
                    if type(value) is dict:
                        raw = (key, tuple(value.items()))
                    found = frozen.get(raw)
                    if found is None:
                        probe = structure_initiative(
                            {"name": "x", "initiated_by": ["cso"], key: value}
                        )
                        found = frozen[raw] = getattr(probe, key)
                    values[key] = found
                initiative = Initiative(**values)
            except (InvalidInitiativeError, TypeError, ValueError):
                continue
            found_parts = []
            for table, key_of in zip(parts, keys, strict=True):
                piece = table.get(key_of(initiative))
                if piece is None:
                    piece = table[key_of(initiative)] = (head, tail)
                found_parts.append(piece)
            pending.append(
                "".join((found_parts[0][0], dumps(initiative.name), middle, str(number),
                         found_parts[1][1]))
            )  # fmt: skip
            if len(pending) >= 16:
                out.write("\n".join(pending) + "\n")
                pending.clear()

    stages: dict[str, Callable[[], None]] = {
        "floor": floor, "parse": parse, "load": load, "write": write, "ideal": ideal,
    }  # fmt: skip
    for run in stages.values():
        run()  # fill every cache and memo first
    best = {name: float("inf") for name in stages}
    for _ in range(args.rounds):
        for name, run in stages.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    count = len(lines)
    print(
        json.dumps(
            {
                "records": count,
                "microseconds_per_record": {k: round(v / count * 1e6, 2) for k, v in best.items()},
                "floor_over_stage": {k: round(best["floor"] / v, 3) for k, v in best.items()},
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
