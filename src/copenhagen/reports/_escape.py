"""Escaping for user strings: every string a report shows passes through one of these.

Names, descriptions and ``extra`` come from users; a report must show them as text and never let
them become markup. Library strings pass through the same functions, so nothing is forgotten.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape_html", "escape_markdown", "one_line"]

# Characters Markdown may read as markup anywhere in a line (values never start a line).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_WHITESPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse runs of whitespace (including newlines) into single spaces."""
    return _WHITESPACE.sub(" ", text).strip()


def escape_html(text: object) -> str:
    """Text made safe inside HTML element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def escape_markdown(text: object) -> str:
    """Text made safe in Markdown, including inside a table cell.

    HTML special characters become entities (raw HTML passes through Markdown), Markdown's own
    punctuation gets a backslash, and newlines become spaces so a value cannot start a new block
    or break a table row.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(str(text)))
    # Backslashes first, entities second: an entity's own "#" must not gain a backslash.
    return html.escape(escaped, quote=False)
