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
    r"""``document`` written as ``"yaml"`` or ``"json"`` text, keys in the order given.

    YAML needs PyYAML (the ``yaml`` extra). Strings YAML 1.1 would read as booleans (``yes``,
    ``NO``) come out quoted, and a string holding a character YAML reads as a line break or does
    not print (``\x85``, ``\u2028``, a control character) is written double-quoted with that
    character escaped, so the library's loader reads every string back as it was.

    Raises:
        ValueError: For another format.
    """
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        from copenhagen.documents.parsing import require_yaml

        yaml = require_yaml()
        body: str = yaml.dump(
            dict(document),
            Dumper=_dumper(yaml),
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
        )
        return _HEADER + body
    raise ValueError(f"unknown document format {fmt!r}; use one of {', '.join(DOCUMENT_FORMATS)}")


def _dumper(yaml: Any) -> Any:
    """A safe YAML dumper that double-quotes (and so escapes) strings that do not print.

    It also knows how the library's own loader resolves plain scalars (YAML 1.2's core schema,
    `copenhagen.documents.parsing.yaml_loader`), so a string that loader would read as a
    number (``0E0``, ``1e3``) is quoted too, as PyYAML quotes YAML 1.1's booleans.
    """
    from copenhagen.documents.parsing import yaml_loader

    class Dumper(yaml.SafeDumper):  # type: ignore[misc]
        pass

    for first, resolvers in yaml_loader().yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            Dumper.add_implicit_resolver(tag, regexp, [first])

    def string(dumper: Any, text: str) -> Any:
        style = None if text.isprintable() else '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)

    Dumper.add_representer(str, string)
    return Dumper


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
