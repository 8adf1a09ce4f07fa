"""Where each value of a parsed document stands in its text: a line for every path.

Messages about a layer or a case file name the line of the problem, as a parse error does. The
hardened parsers (`copenhagen.documents.parsing`) give plain data; these functions read the same
text once more, already known to parse, and map each path (``modality.add[0].when``, written as
`copenhagen.InvalidInitiativeError` writes paths) to the 1-based line where its value starts (for
a mapping's value, the line of its key). YAML is read through the same safe loader, node by node,
each shared (aliased) node once; JSON by a small scanner that follows the tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from copenhagen.documents._wording import key_text

__all__ = ["Path", "json_lines", "line_of", "path_text", "yaml_lines"]

#: A path into a document: mapping keys and list indices, outermost first.
Path = tuple[Any, ...]


def path_text(path: Iterable[Any]) -> str:
    """A path as problems write it: ``modality.add[0].when.has.initiated_by[1]``.

    An integer step is a list index; a mapping key is a string (`key_text` of the key).
    """
    text = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            text += f"[{step}]"
        else:
            shown = key_text(step)
            text = f"{text}.{shown}" if text else shown
    return text


def line_of(lines: dict[str, int], path: Path) -> int | None:
    """The line of ``path``, or of the nearest enclosing value the text has (a key left out)."""
    for end in range(len(path), -1, -1):
        found = lines.get(path_text(path[:end]))
        if found is not None:
            return found
    return None


def yaml_lines(text: str) -> dict[str, int]:
    """The line of every path of a YAML document that parses (see the module docstring)."""
    from copenhagen.documents.parsing import yaml_loader

    loader = yaml_loader()(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    found: dict[str, int] = {}
    if root is None:
        return found
    seen: set[int] = set()
    stack: list[tuple[Any, Path, int]] = [(root, (), root.start_mark.line + 1)]
    while stack:
        node, path, line = stack.pop()
        found.setdefault(path_text(path), line)
        if id(node) in seen:  # an alias: its values were mapped where it was first written
            continue
        seen.add(id(node))
        children: list[tuple[Any, Path, int]] = []
        if node.tag.endswith(":map"):
            for key_node, value_node in node.value:
                key = key_node.value if key_node.tag.endswith(":str") else _scalar(key_node)
                key = key_text(key)  # a path step, never a list index
                children.append((value_node, (*path, key), key_node.start_mark.line + 1))
        elif node.tag.endswith(":seq"):
            for index, item in enumerate(node.value):
                children.append((item, (*path, index), item.start_mark.line + 1))
        stack.extend(reversed(children))  # in the text's order: an alias after its anchor
    return found


def _scalar(node: Any) -> Any:
    """A non-string key as the parsed document holds it (``1``, ``true``), for its path."""
    value = node.value
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|\s+')


def json_lines(text: str) -> dict[str, int]:
    """The line of every path of a JSON document that parses (see the module docstring)."""
    found: dict[str, int] = {}
    line = 1
    # Each open container: its path, whether it is a mapping, and its current key or index.
    frames: list[list[Any]] = []
    key_next = False  # inside a mapping, the next string is a key
    pending: Any = None
    for match in _TOKEN.finditer(text.lstrip("\ufeff")):
        token = match.group()
        if token.isspace():
            line += token.count("\n")
            continue
        if token in ":":
            continue
        if token == ",":
            top = frames[-1]
            if top[1]:
                key_next = True
            else:
                top[2] += 1
            continue
        if token in "}]":
            frames.pop()
            key_next = False
            continue
        if key_next:
            pending = json.loads(token)
            frames[-1][2] = pending
            key_next = False
            continue
        path: Path = () if not frames else (*frames[-1][0], frames[-1][2])
        found.setdefault(path_text(path), line)
        if token == "{":
            frames.append([path, True, None])
            key_next = True
        elif token == "[":
            frames.append([path, False, 0])
    return found
