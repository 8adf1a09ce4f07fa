"""The floor under `copenhagen batch`: what reading, parsing and writing alone cost.

Reads a JSON Lines registry line by line, parses each line with `json.loads` and writes, for each
record that is a mapping with a name, one pre-built row of the chosen detail (the registry's
first record's row, `copenhagen.batch.rows`, with this record's position and name) in groups,
as `run_batch` writes them; no assessment at all. Whatever the assessment costs comes on top of
this, so it bounds what any design writing those rows from parsed JSON can reach on one core.
Issue "One assessor" sets the batch's targets as ratios to this floor (`batch_ratio.py` times
both as whole processes).

Usage:
    python benchmarks/batch_floor.py REGISTRY [--detail compact|full] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def prebuilt_row(registry: Path, detail: str) -> tuple[str, str, str]:
    """The first record's row cut around its name and position: (head, middle, tail)."""
    from copenhagen import assess, load_initiative
    from copenhagen.batch.rows import dumps_row, row

    with registry.open(encoding="utf-8") as lines:
        first = json.loads(next(lines))
    text = dumps_row(row(0, assess(load_initiative(first)), detail))  # type: ignore[arg-type]
    name = json.dumps(first["name"])
    head, _, rest = text.partition(name)
    middle, found, tail = rest.partition('"position": 0')
    if not found:  # the position comes before the name in key order
        raise SystemExit("the row's keys are not in the order this floor expects")
    return head, middle + '"position": ', tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("registry", type=Path)
    parser.add_argument("--detail", choices=("compact", "full"), default="compact")
    parser.add_argument("--output", default="/dev/null", help="where rows go (default: none)")
    args = parser.parse_args()

    head, middle, tail = prebuilt_row(args.registry, args.detail)
    dumps, loads = json.dumps, json.loads
    records = 0
    start = time.perf_counter()
    with (
        args.registry.open(encoding="utf-8", errors="surrogateescape") as source,
        open(args.output, "w", encoding="utf-8") as out,
    ):
        pending: list[str] = []
        for number, line in enumerate(source, 1):
            try:
                document = loads(line)
            except ValueError:
                continue
            if type(document) is not dict or type(document.get("name")) is not str:
                continue
            pending.append("".join((head, dumps(document["name"]), middle, str(number), tail)))
            records += 1
            if len(pending) >= 64:
                out.write("\n".join(pending) + "\n")
                pending.clear()
        if pending:
            out.write("\n".join(pending) + "\n")
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "detail": args.detail,
                "records": records,
                "row_bytes": len(head) + len(middle) + len(tail) + 1,
                "seconds": round(seconds, 2),
                "records_per_second": round(records / seconds),
                "user_seconds": round(usage.ru_utime, 2),
                "system_seconds": round(usage.ru_stime, 2),
                "output": args.output,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
