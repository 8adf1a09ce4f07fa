"""Generate real reports of a bundled example for the "Report example" page.

mkdocs-gen-files runs this script during the build. It writes, from the bundled examples:

- ``reports/example.html``: the standalone HTML report of one initiative
  (``copenhagen assess --format html examples/map-kibera.yaml``);
- ``reports/example.md.txt``: the Markdown report of the same initiative, as plain text;
- ``reports/examples-summary.html``: the batch summary over every bundled example
  (``copenhagen batch examples/ --summary ...``), with its bar charts.

``pages()`` returns them as a mapping (path -> text) so that tests can check them without a build.
"""

from __future__ import annotations

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "map-kibera.yaml"


def pages() -> dict[str, str]:
    """Every generated file: path under the site -> its text."""
    from copenhagen import assess, load_initiative
    from copenhagen.batch import run_batch
    from copenhagen.reports.html import assessment_html
    from copenhagen.reports.markdown import assessment_markdown
    from copenhagen.reports.summary import summary_html

    result = assess(load_initiative(EXAMPLE))
    summary = run_batch(EXAMPLES, io.StringIO(), input_fmt="folder")
    return {
        "reports/example.html": assessment_html(result),
        "reports/example.md.txt": assessment_markdown(result),
        "reports/examples-summary.html": summary_html(
            summary, title="Batch summary of the bundled examples"
        ),
    }


def main() -> None:
    """Write the pages through mkdocs-gen-files."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as out:
            out.write(text)


if __name__ in ("__main__", "<run_path>"):
    main()
