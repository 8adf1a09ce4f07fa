"""Reading documents from text: JSON, YAML (safe loading only) and TOML, with clear parse errors.

Every parser here reads a document the same careful way:

- a leading byte order mark (U+FEFF) is skipped, in every format;
- a key given twice in one mapping is an error at its path (a JSON or YAML parser would keep the
  last one silently; TOML refuses it itself);
- an integer with more digits than the interpreter reads (4,300 by default) does not stop the
  parser: it becomes a `HugeNumber`, which the loader reports at its path (TOML, whose parser
  cannot be told so, names the line);
- nesting too deep for the parser is a parse error, not a crash.

YAML is read with a safe loader and the YAML 1.2 core schema's resolution of plain scalars:
only ``true``/``false`` are booleans (``yes``, ``no``, ``on``, ``off`` and the country code
``NO`` stay strings), and only decimal, ``0o`` and ``0x`` integers and plain decimal floats are
numbers (YAML 1.1's ``1_0``, ``190:20:30`` and ``010`` as octal are strings, or decimal ``10``).
Merge keys (``<<``) are a YAML 1.1 feature and are not read. A YAML document may not expand
past `MAX_NODES` values through its aliases, counted without expanding them. PyYAML is optional
(the ``yaml`` extra) and imported only when a YAML document is read.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from copenhagen._version import DISTRIBUTION
from copenhagen.documents._limits import MAX_NODES, digit_limit, parse_int, survey
from copenhagen.documents._wording import key_text
from copenhagen.documents.errors import DOCUMENT_PATH, DocumentParseError, InvalidInitiativeError

__all__ = [
    "FORMATS",
    "format_of",
    "parse_json",
    "parse_toml",
    "parse_yaml",
    "require_yaml",
    "yaml_loader",
]

#: File suffixes and the format each one is read as.
FORMATS: dict[str, str] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

YAML_MISSING = (
    "reading YAML needs PyYAML, which is not installed; "
    f"install it with: pip install '{DISTRIBUTION}[yaml]'"
)

_BOM = "\ufeff"


def format_of(path: Path, allowed: tuple[str, ...]) -> str:
    """The format of ``path`` from its suffix.

    Raises:
        InvalidInitiativeError: If the suffix is not one of ``allowed`` formats.
    """
    kind = FORMATS.get(path.suffix.lower())
    if kind not in allowed:
        suffixes = ", ".join(s for s, k in FORMATS.items() if k in allowed)
        raise InvalidInitiativeError(
            [
                (
                    DOCUMENT_PATH,
                    f"cannot read {path.suffix or 'a file without a suffix'}: "
                    f"use one of {suffixes}",
                )
            ],
            str(path),
        )
    return kind or ""


def _path(inside: str, key: Any) -> str:
    step = key_text(key)
    return f"{inside}.{step}" if inside else step


# --------------------------------------------------------------------------- JSON


class _RepeatedKeyError(Exception):
    """Raised from inside the JSON parser at the first object holding a key twice."""


def _checked_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _RepeatedKeyError
    return mapping


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its pairs, in order, repeats and all (for the careful second reading)."""


# The common case: C speed, plus one call per object to notice a repeated key.
_DECODER = json.JSONDecoder(object_pairs_hook=_checked_object)
# The careful reading, only after the first one met a repeated key or a huge number.
_CAREFUL = json.JSONDecoder(object_pairs_hook=_Pairs, parse_int=parse_int)


def _unpair(value: Any, inside: str, repeats: list[tuple[str, str]]) -> Any:
    """Plain data from the careful reading, noting each key given twice at its path."""
    if isinstance(value, _Pairs):
        counts: dict[str, int] = {}
        for key, _ in value:
            counts[key] = counts.get(key, 0) + 1
        repeats.extend(
            (_path(inside, key), _twice_message(n)) for key, n in counts.items() if n > 1
        )
        return {key: _unpair(item, _path(inside, key), repeats) for key, item in value}
    if isinstance(value, list):
        return [_unpair(item, f"{inside}[{index}]", repeats) for index, item in enumerate(value)]
    return value


def _twice_message(count: int, lines: list[int] | None = None) -> str:
    times = "twice" if count == 2 else f"{count} times"
    where = f" (lines {', '.join(map(str, lines))})" if lines else ""
    return f"this key is given {times} in one mapping{where}; give it once"


def parse_json(text: str, source: str | None = None, first_line: int = 1) -> Any:
    """Parse JSON text.

    Raises:
        DocumentParseError: Naming the line and column of the problem.
        InvalidInitiativeError: If a key is given twice in one object (at its path).
    """
    if text.startswith(_BOM):
        text = text[1:]
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise DocumentParseError(
            f"not valid JSON: {error.msg}", source, error.lineno + first_line - 1, error.colno
        ) from None
    except RecursionError:
        raise DocumentParseError("not readable JSON: nested too deeply", source) from None
    except (_RepeatedKeyError, ValueError):  # a repeated key, or an integer with too many digits
        pass
    repeats: list[tuple[str, str]] = []
    try:
        document = _unpair(_CAREFUL.decode(text), "", repeats)
    except RecursionError:
        raise DocumentParseError("not readable JSON: nested too deeply", source) from None
    if repeats:
        raise InvalidInitiativeError(repeats, source)
    return document


# --------------------------------------------------------------------------- TOML

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _long_number(text: str) -> tuple[int, int, int] | None:
    """Line, column and digit count of the first integer too long to read, if any."""
    limit = digit_limit()
    if not limit:
        return None
    found = re.search(rf"\d(?:_?\d){{{limit},}}", text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return line, column, sum(c.isdigit() for c in found.group())


def parse_toml(text: str, source: str | None = None) -> Any:
    """Parse TOML text.

    Raises:
        DocumentParseError: Naming the line and column of the problem.
    """
    if text.startswith(_BOM):
        text = text[1:]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION.search(message)
        if found is None:
            # tomllib says "(at end of document)" rather than a line and column there.
            message = message.replace(" (at end of document)", "")
            lines = text.split("\n")
            raise DocumentParseError(
                f"not valid TOML: {message} (at the end of the document)",
                source,
                len(lines),
                len(lines[-1]) + 1,
            ) from None
        raise DocumentParseError(
            f"not valid TOML: {message[: found.start()]}",
            source,
            int(found.group(1)),
            int(found.group(2)),
        ) from None
    except RecursionError:
        raise DocumentParseError("not readable TOML: nested too deeply", source) from None
    except ValueError:  # an integer with more digits than can be read
        where = _long_number(text)
        limit = f"{digit_limit():,}"
        if where is None:
            raise DocumentParseError(
                f"not readable TOML: a number has more than {limit} digits", source
            ) from None
        line, column, digits = where
        raise DocumentParseError(
            f"not readable TOML: a number with {digits:,} digits; at most {limit} can be read",
            source,
            line,
            column,
        ) from None


# --------------------------------------------------------------------------- YAML


def require_yaml() -> Any:
    """The ``yaml`` module.

    Raises:
        ImportError: Naming the ``copenhagen-citizen-data[yaml]`` extra, if PyYAML is not
            installed.
    """
    try:
        import yaml
    except ImportError:
        raise ImportError(YAML_MISSING) from None
    return yaml


_YAML_TAG = "tag:yaml.org,2002:"
_ANY_DEPTH = 1_000_000
# YAML 1.2 core schema (section 10.3.2): plain scalars that are booleans, integers and floats.
_YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_YAML_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_YAML_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


def _construct_int(loader: Any, node: Any) -> Any:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return parse_int(text)


def _construct_map(loader: Any, node: Any) -> Iterator[dict[Any, Any]]:
    data: dict[Any, Any] = {}
    yield data
    data.update(loader.construct_mapping(node))
    if len(data) < len(node.value):  # a key given twice
        lines: dict[Any, list[int]] = {}
        for key_node, _ in node.value:
            key = loader.constructed_objects.get(key_node)
            lines.setdefault(key, []).append(key_node.start_mark.line)
        loader.repeated.append((data, {k: v for k, v in lines.items() if len(v) > 1}))


@functools.cache
def yaml_loader() -> type[Any]:
    """A safe YAML loader (the C one when available) reading plain scalars as YAML 1.2 does.

    Only true/false are booleans; integers and floats are the core schema's; merge keys are
    not read; each mapping notes any key it is given twice (in ``repeated``).
    """
    yaml = require_yaml()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    replaced = {f"{_YAML_TAG}{name}" for name in ("bool", "int", "float", "merge", "value")}

    def init(self: Any, stream: Any) -> None:
        base.__init__(self, stream)
        self.repeated = []

    def flatten_mapping(self: Any, node: Any) -> None:
        """Merge keys are YAML 1.1 only: ``<<`` is an ordinary key here."""

    loader: type[Any] = type(
        "CopenhagenLoader", (base,), {"__init__": init, "flatten_mapping": flatten_mapping}
    )
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in replaced]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(f"{_YAML_TAG}bool", _YAML_BOOL, list("tTfF"))
    loader.add_implicit_resolver(f"{_YAML_TAG}int", _YAML_INT, list("-+0123456789"))
    loader.add_implicit_resolver(f"{_YAML_TAG}float", _YAML_FLOAT, list("-+.0123456789"))
    loader.add_constructor(f"{_YAML_TAG}int", _construct_int)
    loader.add_constructor(f"{_YAML_TAG}map", _construct_map)
    return loader


def _yaml_problem(error: Any, mark: Any, text: str) -> str:
    problem = str(error.problem or error.context or "could not be read")
    lines = text.splitlines()
    at_tab = mark is not None and mark.line < len(lines) and lines[mark.line][mark.column :][:1]
    if at_tab == "\t" or "'\\t'" in problem:
        return "a tab character, where YAML allows only spaces (indent with spaces, not tabs)"
    return problem


def _paths_to(document: Any, targets: dict[int, Any]) -> dict[int, str]:
    """The first path at which each object of ``targets`` (by id) appears in ``document``."""
    found: dict[int, str] = {}
    walked: set[int] = set()
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack and len(found) < len(targets):
        node, path = stack.pop()
        if id(node) in walked:
            continue
        walked.add(id(node))
        if id(node) in targets and id(node) not in found:
            found[id(node)] = path
        if isinstance(node, dict):
            stack.extend((child, _path(path, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, f"{path}[{i}]") for i, child in enumerate(node))
    return found


_Repeats = list[tuple[dict[Any, Any], dict[Any, list[int]]]]


def _repeated_keys(document: Any, repeated: _Repeats, first_line: int) -> list[tuple[str, str]]:
    """``(path, message)`` for each key a YAML mapping was given more than once."""
    paths = _paths_to(document, {id(mapping): mapping for mapping, _ in repeated})
    found = []
    for mapping, keys in repeated:
        inside = paths.get(id(mapping), "")
        for key, lines in keys.items():
            shown = [line + first_line for line in lines]
            found.append((_path(inside, key), _twice_message(len(lines), shown)))
    return found


def parse_yaml(text: str, source: str | None = None, first_line: int = 1) -> Any:
    """Parse one YAML document.

    Raises:
        DocumentParseError: Naming the line and column of the problem; also for a document
            that expands past `MAX_NODES` values through aliases, or contains itself.
        InvalidInitiativeError: If a key is given twice in one mapping (at its path).
        ImportError: If PyYAML is not installed.
    """
    yaml = require_yaml()
    if text.startswith(_BOM):
        text = text[1:]
    loader = yaml_loader()(text)
    try:
        document = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = _yaml_problem(error, mark, text)
        if mark is None:
            raise DocumentParseError(f"not valid YAML: {problem}", source) from None
        raise DocumentParseError(
            f"not valid YAML: {problem}", source, mark.line + first_line, mark.column + 1
        ) from None
    except yaml.YAMLError as error:
        raise DocumentParseError(f"not valid YAML: {error}", source) from None
    except RecursionError:
        raise DocumentParseError("not readable YAML: nested too deeply", source) from None
    finally:
        loader.dispose()
    # Aliases share objects: count the values they stand for, without expanding them. (Depth is
    # bounded by the parser's own recursion here, and checked where it matters, in `extra`.)
    too_big, _ = survey(document, max_depth=_ANY_DEPTH, max_nodes=MAX_NODES)
    if too_big is not None:
        raise DocumentParseError(f"not readable YAML: the document {too_big}", source)
    if loader.repeated:
        raise InvalidInitiativeError(_repeated_keys(document, loader.repeated, first_line), source)
    return document
