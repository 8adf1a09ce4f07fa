"""Plain wording for problems: how a value is described, allowed values, close matches."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from copenhagen.documents._limits import HugeNumber, number_text, too_long

__all__ = ["close_match", "describe", "key_text", "quote"]


def quote(text: str) -> str:
    """A string in quotes, as a user would write it in a document."""
    return repr(str.__str__(text))


def key_text(key: Any) -> str:
    """A mapping key as it appears in a path (JSON spelling for non-strings)."""
    if isinstance(key, str):
        return str.__str__(key)
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, HugeNumber) or (isinstance(key, int) and too_long(key)):
        return f"({key if isinstance(key, HugeNumber) else number_text(key)})"
    if isinstance(key, int | float):
        return number_text(key)
    try:
        return str(key)
    except Exception:  # a Python object whose __str__ fails still gets a path
        return f"<{type(key).__name__}>"


def describe(value: Any) -> str:
    """Name a value's kind and show it briefly, for a message a non-programmer can read."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, HugeNumber):
        return str(value)
    if isinstance(value, int) and too_long(value):
        return number_text(value)
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {quote(shown)}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, tuple):
        return "a tuple (write a list)"
    if isinstance(value, set | frozenset):
        return "a set (write a list)"
    if isinstance(value, datetime.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    return f"a value of type {type(value).__name__}"


def close_match(word: Any, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice to ``word``, or ``""`` if none is close."""
    if not isinstance(word, str):
        return ""
    options = list(choices)
    lowered = {option.lower(): option for option in options}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {quote(lowered[match[0]])}?" if match else ""
