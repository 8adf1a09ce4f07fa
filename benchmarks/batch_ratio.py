"""`copenhagen batch` against its floor, as whole processes, interleaved, median of three.

Issue "One assessor" sets the batch's speed as ratios to a floor measured on the same machine in
the same run: `batch_floor.py`, which only reads each line, parses it and writes a pre-built row
of the same detail. For each case (compact rows, full rows, compact rows with ``--jobs 2``) the
floor and the batch are run one after the other, ``--rounds`` times, each a whole process with
interpreter start included; the medians of wall time and of CPU time are compared. A ratio is
floor time / batch time: 1.0 would be a batch as fast as reading and writing alone.

The registry is the seeded one of `batch_million.py` (1% corrupt lines). Every batch run is
checked: every record has its row, every bad record its error.

Usage:
    python benchmarks/batch_ratio.py [--records 200000] [--rounds 3] [--registry FILE]
        [--cases compact,full,jobs2] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from batch_million import CORRUPT_EVERY, batch_command, check, timed, write_registry

HERE = Path(__file__).parent

#: case: (the floor's detail, the batch's options)
CASES = {
    "compact": ("compact", ("--detail", "compact")),
    "full": ("full", ("--detail", "full")),
    "jobs2": ("compact", ("--detail", "compact", "--jobs", "2")),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--registry", type=Path, default=None, help="reuse this registry")
    parser.add_argument("--cases", default=",".join(CASES), help="which cases, comma-separated")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="copenhagen-ratio-"))
    workdir.mkdir(parents=True, exist_ok=True)
    registry = args.registry or workdir / "registry.jsonl"
    if args.registry is None:
        bad = write_registry(registry, args.records, args.seed)
    else:
        bad = args.records // CORRUPT_EVERY
    output, errors = workdir / "rows.jsonl", workdir / "errors.txt"
    results: dict[str, object] = {"records": args.records, "rounds": args.rounds}
    for case in args.cases.split(","):
        detail, options = CASES[case]
        floor = [sys.executable, str(HERE / "batch_floor.py"), str(registry)]
        floor += ["--detail", detail, "--output", str(output)]
        runs: dict[str, list[tuple[float, float, int]]] = {"floor": [], "batch": []}
        for _ in range(args.rounds):
            wall, cpu, peak, status, how = timed(floor, errors)
            assert status == 0, errors.read_text()
            runs["floor"].append((wall, cpu, peak))
            wall, cpu, peak, status, how = timed(batch_command(registry, output, *options), errors)
            # 1: some records were bad, as the registry's corrupt lines are (contract section 6)
            assert status == (1 if bad else 0), errors.read_text()[-2000:]
            check(output, errors, args.records, bad)
            runs["batch"].append((wall, cpu, peak))
        median = {
            name: [statistics.median(r[k] for r in found) for k in range(3)]
            for name, found in runs.items()
        }
        results[case] = {
            "options": " ".join(options),
            "floor_wall_seconds": round(median["floor"][0], 2),
            "batch_wall_seconds": round(median["batch"][0], 2),
            "floor_cpu_seconds": round(median["floor"][1], 2),
            "batch_cpu_seconds": round(median["batch"][1], 2),
            "wall_ratio": round(median["floor"][0] / median["batch"][0], 3),
            "cpu_ratio": round(median["floor"][1] / median["batch"][1], 3),
            "batch_records_per_second": round(args.records / median["batch"][0]),
            "batch_peak_rss_mib": round(max(r[2] for r in runs["batch"]) / 1024, 1),
            "measured_with": how,
        }
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
