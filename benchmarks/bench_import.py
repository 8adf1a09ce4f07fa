"""The cost of ``import copenhagen`` against importing attrs and cattrs alone (issue 5).

Each import runs as a fresh ``python -c`` process, so interpreter start-up is included, exactly
as a user's script pays it. The two commands alternate (so a busy moment of the machine hits
both alike) for ``RUNS`` rounds, and the medians are compared. An empty interpreter is timed as
well, for reference. Target: ``import copenhagen`` within 1.25 times the attrs-and-cattrs
import. Figures go to ``extra_info`` and docs/performance/assessment.md.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from typing import Any

RUNS = 30

COMMANDS: dict[str, str] = {
    "copenhagen": "import copenhagen",
    "attrs_cattrs": "import attrs, cattrs",
    "empty": "pass",
}


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def measure(runs: int = RUNS) -> dict[str, float]:
    """Median wall time (seconds) of each command, the commands alternating run by run."""
    for code in COMMANDS.values():
        _wall(code)  # warm the file system cache and the byte-code caches first
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, code in COMMANDS.items():
            times[name].append(_wall(code))
    return {name: statistics.median(values) for name, values in times.items()}


def test_import_time(benchmark: Any) -> None:
    medians = measure()
    ratio = medians["copenhagen"] / medians["attrs_cattrs"]
    benchmark.group = "import"
    benchmark.extra_info.update(
        {
            "copenhagen_ms": round(medians["copenhagen"] * 1000, 1),
            "attrs_cattrs_ms": round(medians["attrs_cattrs"] * 1000, 1),
            "empty_interpreter_ms": round(medians["empty"] * 1000, 1),
            "ratio": round(ratio, 3),
        }
    )
    print(
        f"\nimport copenhagen {medians['copenhagen'] * 1000:.1f} ms, "
        f"import attrs, cattrs {medians['attrs_cattrs'] * 1000:.1f} ms, "
        f"empty interpreter {medians['empty'] * 1000:.1f} ms; ratio {ratio:.2f} (target <= 1.25)"
    )
    benchmark.pedantic(_wall, args=(COMMANDS["copenhagen"],), rounds=1)


if __name__ == "__main__":
    result = measure()
    print({k: round(v * 1000, 1) for k, v in result.items()})
    print("ratio", round(result["copenhagen"] / result["attrs_cattrs"], 3))
