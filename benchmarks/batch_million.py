"""Time `copenhagen batch` end to end on a JSON Lines registry of a million initiatives.

Writes N (default 1,000,000) documents from the seeded `copenhagen.synthetic.realistic_documents`
generator to a JSON Lines file, with 1% of the lines corrupted (alternately broken JSON and an
invalid actor), then runs `copenhagen batch FILE --output OUT [--detail D] [--jobs N]` as a
child process under `/usr/bin/time -v` (or, where that is missing, measures the child's peak RSS
with `resource.getrusage`). It checks that no good record was lost and every bad one was
reported, and prints records per second and peak memory.

Usage:
    python benchmarks/batch_million.py [--records N] [--seed S] [--workdir DIR] [--keep]
        [--registry FILE] [--detail compact|full] [--jobs N] [--cache-size N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORRUPT_EVERY = 100  # 1% of the lines


def write_registry(path: Path, records: int, seed: int) -> int:
    """Write the registry; return the number of corrupt lines."""
    from copenhagen.synthetic import realistic_documents

    bad = 0
    with path.open("w", encoding="utf-8") as out:
        for number, document in enumerate(realistic_documents(records, seed=seed), 1):
            if number % CORRUPT_EVERY == 0:
                bad += 1
                if (number // CORRUPT_EVERY) % 2:
                    out.write(json.dumps(document)[:-7] + "\n")  # cut short: not JSON
                else:
                    out.write(json.dumps({**document, "initiated_by": ["martians"]}) + "\n")
            else:
                out.write(json.dumps(document) + "\n")
    return bad


def batch_command(registry: Path, output: Path, *options: str) -> list[str]:
    """The command line that assesses ``registry`` into ``output`` (a whole process)."""
    return [sys.executable, "-m", "copenhagen", "batch", str(registry), "-o", str(output), *options]


def _seconds(report: str, label: str) -> float:
    found = re.search(rf"{label} \(seconds\): ([0-9.]+)", report)
    return float(found.group(1)) if found else float("nan")


def timed(command: list[str], errors: Path) -> tuple[float, float, int, int, str]:
    """Run ``command``; return (wall s, CPU s of it and its children, peak RSS KiB, exit status,
    how it was measured). Its standard output and error go to ``errors``."""
    timer = Path("/usr/bin/time")
    start = time.perf_counter()
    with errors.open("w", encoding="utf-8") as err:
        if timer.exists():
            report_file = errors.with_suffix(".time")
            status = subprocess.call(
                [str(timer), "-v", "-o", str(report_file), *command], stderr=err, stdout=err
            )
            elapsed = time.perf_counter() - start
            report = report_file.read_text()
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
            cpu = _seconds(report, "User time") + _seconds(report, "System time")
            peak = int(found.group(1)) if found else -1
            return elapsed, cpu, peak, status, "/usr/bin/time -v"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        status = subprocess.call(command, stderr=err, stdout=err)
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, usage.ru_maxrss, status, "resource.getrusage(RUSAGE_CHILDREN)"


def check(output: Path, errors: Path, records: int, bad: int) -> tuple[int, int, int]:
    """Count good rows, bad rows and bad records the run counted on standard error.

    Standard error shows the first few bad records and then counts the rest: the count is read
    from its summary line.
    """
    good = wrong = 0
    with output.open(encoding="utf-8") as rows:
        for line in rows:
            if line.startswith('{"errors"'):
                wrong += 1
            else:
                good += 1
    counted = re.search(r"Summary: \d+ records, \d+ assessed, (\d+) invalid", errors.read_text())
    reported = int(counted.group(1)) if counted else -1
    assert good + wrong == records, (good, wrong, records)
    assert wrong == bad == reported, (wrong, bad, reported)
    return good, wrong, reported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the files afterwards")
    parser.add_argument("--detail", choices=("compact", "full"), default="compact")
    parser.add_argument("--jobs", default="1", help="worker processes (copenhagen batch --jobs)")
    parser.add_argument("--cache-size", default=None, help="copenhagen batch --cache-size")
    parser.add_argument(
        "--registry", type=Path, default=None, help="reuse this registry instead of writing one"
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="copenhagen-batch-"))
    workdir.mkdir(parents=True, exist_ok=True)
    registry, output = workdir / "registry.jsonl", workdir / "results.jsonl"
    errors = workdir / "errors.txt"
    start = time.perf_counter()
    if args.registry is None:
        bad = write_registry(registry, args.records, args.seed)
    else:
        registry = args.registry
        bad = args.records // CORRUPT_EVERY
    generated = time.perf_counter() - start
    options = ["--detail", args.detail, "--jobs", args.jobs]
    if args.cache_size is not None:
        options += ["--cache-size", args.cache_size]
    command = batch_command(registry, output, *options)
    seconds, cpu, peak_kib, status, how = timed(command, errors)
    good, wrong, reported = check(output, errors, args.records, bad)
    result = {
        "records": args.records,
        "corrupt_lines": bad,
        "generate_seconds": round(generated, 1),
        "input_bytes": registry.stat().st_size,
        "output_bytes": output.stat().st_size,
        "batch_seconds": round(seconds, 1),
        "records_per_second": round(args.records / seconds),
        "cpu_seconds": round(cpu, 1),
        "records_per_cpu_second": round(args.records / cpu),
        "detail": args.detail,
        "jobs": args.jobs,
        "cache_size": args.cache_size or "the assessor's default",
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "peak_rss_measured_with": how,
        "exit_status": status,
        "good_rows": good,
        "error_rows": wrong,
        "errors_counted_on_stderr": reported,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    if not args.keep:
        kept = {args.registry}
        for path in (registry, output, errors, errors.with_suffix(".time")):
            if path in kept:
                continue
            path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
