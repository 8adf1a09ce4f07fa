"""Reading a PPSR-Core registry: the JSON text, and what makes one of its projects unreadable.

A registry is a JSON list of projects, or an object whose ``Project`` key holds that list (the
shape of PPSR-Core's own JSON Schema).

Records come from exports nobody here controls, so they are hostile input: an integer too long
for Python, ``NaN``, a key given twice, a lone surrogate or nesting past `MAX_DEPTH` make that one
project unreadable, with the path of the problem, and the others are still read. Only a file that
is not JSON at all, or not of that shape, stops the whole registry. Nothing a record names (a
media file, a URL) is ever opened.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

__all__ = ["MAX_DEPTH", "PROJECT", "RegistryError", "hostile_problems", "parse_registry"]

#: The deepest nesting a project may have below its own object (PPSR-Core needs three levels).
MAX_DEPTH = 32
#: The path given to a problem with a project as a whole.
PROJECT = "(project)"
# At most this many problems are listed for one project; a count says how many more there were.
_MOST = 20

Errors = tuple[tuple[str, str], ...]


class RegistryError(ValueError):
    """A registry that cannot be read at all: not UTF-8, not JSON, or not a list of projects."""


@attrs.frozen(slots=True)
class _Unreadable:
    """A JSON value Python's ``json`` would turn into something no document can hold."""

    what: str


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        result.duplicates = tuple(dict.fromkeys(twice))
    return result


def _integer(text: str) -> int | _Unreadable:
    try:
        return int(text)
    except ValueError:  # past CPython's limit on the digits of an int read from text
        return _Unreadable(f"an integer of {len(text.lstrip('-'))} digits, too long to read")


def _constant(name: str) -> _Unreadable:
    return _Unreadable(f"{name} is not a JSON number")


def parse_registry(text: str) -> list[Any]:
    """The projects of a PPSR-Core registry's JSON text, each as parsed (not yet checked).

    Raises:
        RegistryError: If the text is not JSON, is nested too deeply to parse, or is neither a
            list nor an object whose ``Project`` key holds a list.
    """
    try:
        data = json.loads(
            text, object_pairs_hook=_object, parse_int=_integer, parse_constant=_constant
        )
    except json.JSONDecodeError as error:
        raise RegistryError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise RegistryError("not readable JSON: nested too deeply") from None
    if isinstance(data, dict) and "Project" in data:
        data = data["Project"]
    if not isinstance(data, list):
        raise RegistryError(
            "expected a JSON list of PPSR-Core projects, or an object whose 'Project' key holds "
            f"that list; found {_kind(data)}"
        )
    return data


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object without a 'Project' key" if "Project" not in value else "an object"
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), "a value of another kind")


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    shown = key if key.isidentifier() or key.replace(":", "").isidentifier() else repr(key)
    return shown if parent == PROJECT else f"{parent}.{shown}"


def _not_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk(project: Any) -> Iterator[tuple[str, str]]:
    stack: list[tuple[Any, str, int]] = [(project, PROJECT, 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _Unreadable):
            yield path, value.what
        elif isinstance(value, str):
            if _not_text(value):
                yield path, "is not valid Unicode text (it holds a lone surrogate)"
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                yield path, f"nested more than {MAX_DEPTH} levels deep"
                continue
            if isinstance(value, _Object):
                for twice in value.duplicates:
                    yield _path(path, twice), "this key is given more than once"
            items: Iterable[tuple[str | int, Any]] = (
                value.items() if isinstance(value, dict) else enumerate(value)
            )
            children = []
            for key, child in items:
                if isinstance(value, dict) and not isinstance(key, str):  # a Python caller's
                    yield path, f"a key is not text: {key!r}"
                    continue
                if isinstance(key, str) and _not_text(key):
                    yield path, f"a key is not valid Unicode text: {key!r}"
                    continue
                children.append((child, _path(path, key), depth + 1))
            stack.extend(reversed(children))


def hostile_problems(project: Any) -> Errors:
    """Everything in a parsed project that no document could hold, each with its path.

    A project with any such problem is not read (register PPSR-6). At most 20 problems are
    listed; a last line counts the rest.
    """
    found: list[tuple[str, str]] = []
    more = 0
    for problem in _walk(project):
        if len(found) < _MOST:
            found.append(problem)
        else:
            more += 1
    if more:
        found.append((PROJECT, f"and {more} more problems of these kinds"))
    return tuple(found)
