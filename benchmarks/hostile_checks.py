"""What each hostile-input check costs per record, on the seeded registry.

Each check is timed as the difference between the library's step and the same step without the
check, in one process, rounds interleaved, CPU time of this thread (the cores are shared), best
of the rounds. Figures go to the "Security and robustness" page.

Usage:
    python benchmarks/hostile_checks.py [N]
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from copenhagen import assess
from copenhagen.batch import flatten_row, run_batch
from copenhagen.documents import structure_initiative
from copenhagen.documents._limits import survey, value_problem
from copenhagen.documents._wording import key_text
from copenhagen.documents.parsing import parse_json
from copenhagen.synthetic import realistic_documents

sys.path.insert(0, str(Path(__file__).parent))
from bench_documents import interleaved


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    documents = list(realistic_documents(n, seed=3))
    lines = [json.dumps(document) for document in documents]
    parsed = [json.loads(line) for line in lines]
    for document in parsed:
        structure_initiative(document)
    rows = [
        {"position": i, **assess(structure_initiative(d)).to_dict()}
        for i, d in enumerate(parsed[:2000], 1)
    ]
    extra = {"source_url": "https://example.org/x", "tags": ["air", "water"], "n": 12}
    texts = [d["name"] for d in parsed] + [d["description"] for d in parsed if "description" in d]

    def check_extra(_: Any) -> Any:
        return survey(extra, value_problem, key_text)

    times = interleaved(
        {
            "loads": (json.loads, lines),
            "careful": (parse_json, lines),
            "texts": (str.isascii, texts),
            "extra": (check_extra, parsed),
            "neutralised": (flatten_row, rows),
            "kept": (lambda row: flatten_row(row, keep_formulas=True), rows),
        }
    )
    loads = times["loads"]
    reading = times["careful"] - loads
    text_check = times["texts"] * len(texts) / n
    extra_check = times["extra"]
    formulas = times["neutralised"] - times["kept"]

    text = "".join(line + "\n" for line in lines[:5000])
    registry = Path(tempfile.mkdtemp()) / "registry.jsonl"
    registry.write_text(text, encoding="utf-8")
    run_batch(registry, io.StringIO())  # the assessment's caches warm, as in a long run
    start = time.thread_time()
    run_batch(registry, io.StringIO())
    batch = (time.thread_time() - start) / 5000 * 1e6

    print(f"{'check':<62} µs per record")
    print(f"{'json.loads of the line (for scale)':<62} {loads:8.2f}")
    print(f"{'repeated keys, byte order mark (parse_json - json.loads)':<62} {reading:8.2f}")
    print(f"{'lone surrogates in name and description (isascii)':<62} {text_check:8.3f}")
    print(f"{'extra: limits and leaves (a record with a small extra)':<62} {extra_check:8.2f}")
    print(f"{'CSV formulas neutralised (flatten_row, on - off)':<62} {formulas:8.2f}")
    print(f"{'copenhagen batch per record, every check on (for scale)':<62} {batch:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
