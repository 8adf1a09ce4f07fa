"""The floor under `copenhagen batch` on this machine: what parsing and writing alone cost.

Reads a JSON Lines registry (as `benchmarks/batch_million.py --keep` leaves it), parses every
line with `json.loads` and writes, for each record, a real row of the registry's size (the first
record's row with this record's name and position) in groups of eight, as `run_batch` writes
them; no assessment at all. Whatever the assessment costs comes on top of this, so it bounds
what any design that writes the pinned rows from parsed JSON can reach on one core.

Usage:
    python benchmarks/batch_floor.py REGISTRY [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--output", default="/dev/null", help="where rows go (default: none)")
    args = parser.parse_args()

    from copenhagen import assess, load_initiative
    from copenhagen.batch import dumps_row

    with args.registry.open(encoding="utf-8") as lines:
        first = json.loads(next(lines))
    row = dumps_row({"position": 0, **assess(load_initiative(first)).to_dict()})
    name = json.dumps(first["name"])
    head, _, rest = row.partition(name)
    middle, _, tail = rest.partition('"position": 0')
    middle += '"position": '
    records = 0
    start = time.perf_counter()
    with (
        args.registry.open(encoding="utf-8", errors="surrogateescape") as source,
        open(args.output, "w", encoding="utf-8") as out,
    ):
        pending: list[str] = []
        for number, line in enumerate(source, 1):
            try:
                document = json.loads(line)
            except ValueError:
                continue
            if type(document) is not dict or type(document.get("name")) is not str:
                continue
            pending.append(
                "".join((head, json.dumps(document["name"]), middle, str(number), tail, "\n"))
            )
            records += 1
            if len(pending) >= 8:
                out.write("".join(pending))
                pending.clear()
        out.write("".join(pending))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "records": records,
                "row_bytes": len(row) + 1,
                "seconds": round(seconds, 2),
                "records_per_second": round(records / seconds),
                "user_seconds": round(usage.ru_utime, 2),
                "system_seconds": round(usage.ru_stime, 2),
                "minor_page_faults": usage.ru_minflt,
                "output": args.output,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
