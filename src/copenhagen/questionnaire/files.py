"""A questionnaire's document and report as files (YAML, JSON; HTML, Markdown), and their names."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["DOCUMENT_FORMATS", "REPORT_FORMATS", "document_text", "file_stem", "report_text"]

#: Document formats and their file suffixes and media types.
DOCUMENT_FORMATS: Mapping[str, tuple[str, str]] = {
    "yaml": (".yaml", "application/yaml"),
    "json": (".json", "application/json"),
}
#: Report formats and their file suffixes and media types.
REPORT_FORMATS: Mapping[str, tuple[str, str]] = {
    "html": (".html", "text/html"),
    "markdown": (".md", "text/markdown"),
}

_HEADER = "# An initiative document for copenhagen; check it with: copenhagen validate FILE\n"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def document_text(document: Mapping[str, Any], fmt: str) -> str:
    """``document`` written as ``"yaml"`` or ``"json"`` text, keys in the order given.

    YAML needs PyYAML (the ``yaml`` extra). Strings YAML 1.1 would read as booleans (``yes``,
    ``NO``) come out quoted, so the library's loader reads them back as the same strings.

    Raises:
        ValueError: For another format.
    """
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        from copenhagen.documents.parsing import require_yaml

        yaml = require_yaml()
        body: str = yaml.safe_dump(
            dict(document), sort_keys=False, allow_unicode=True, default_flow_style=False
        )
        return _HEADER + body
    raise ValueError(f"unknown document format {fmt!r}; use one of {', '.join(DOCUMENT_FORMATS)}")


def report_text(assessment: Any, fmt: str) -> str:
    """The ``"html"`` or ``"markdown"`` report of ``assessment`` (`copenhagen.reports`).

    Raises:
        ValueError: For another format.
    """
    if fmt == "html":
        from copenhagen.reports.html import assessment_html

        return assessment_html(assessment)
    if fmt == "markdown":
        from copenhagen.reports.markdown import assessment_markdown

        return assessment_markdown(assessment)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")


def file_stem(name: str) -> str:
    """A safe file name stem for an initiative called ``name`` (ASCII letters, digits, dashes)."""
    stem = _NOT_SLUG.sub("-", name.lower()).strip("-")[:60].strip("-")
    return stem or "initiative"
