"""Reading documents from text: JSON, YAML (safe loading only) and TOML, with clear parse errors.

PyYAML is optional (the ``yaml`` extra) and imported only when a YAML document is read. YAML is
read with the YAML 1.2 reading of booleans: only ``true``/``false`` are booleans, so ``yes``,
``no``, ``on`` and ``off`` stay strings (and the country code ``NO`` stays ``"NO"``); the contract
coerces nothing, and a YAML 1.1 parser would silently turn them into booleans.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from copenhagen._version import DISTRIBUTION
from copenhagen.documents.errors import DocumentParseError, InvalidInitiativeError

__all__ = ["FORMATS", "format_of", "parse_json", "parse_toml", "parse_yaml", "require_yaml"]

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
                    "(document)",
                    f"cannot read {path.suffix or 'a file without a suffix'}: "
                    f"use one of {suffixes}",
                )
            ],
            str(path),
        )
    return kind or ""


def parse_json(text: str, source: str | None = None, first_line: int = 1) -> Any:
    """Parse JSON text.

    Raises:
        DocumentParseError: Naming the line and column of the problem.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentParseError(
            f"not valid JSON: {error.msg}", source, error.lineno + first_line - 1, error.colno
        ) from None
    except RecursionError:
        raise DocumentParseError("not readable JSON: nested too deeply", source) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_toml(text: str, source: str | None = None) -> Any:
    """Parse TOML text.

    Raises:
        DocumentParseError: Naming the line and column of the problem.
    """
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


@functools.cache
def yaml_loader() -> type[Any]:
    """A safe YAML loader (the C one when available) that reads only true/false as booleans."""
    yaml = require_yaml()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[Any] = type("CopenhagenLoader", (base,), {})
    bool_tag = "tag:yaml.org,2002:bool"
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != bool_tag]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return loader


def parse_yaml(text: str, source: str | None = None, first_line: int = 1) -> Any:
    """Parse one YAML document.

    Raises:
        DocumentParseError: Naming the line and column of the problem.
        ImportError: If PyYAML is not installed.
    """
    yaml = require_yaml()
    try:
        return yaml.load(text, Loader=yaml_loader())  # a safe loader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "could not be read"
        if mark is None:
            raise DocumentParseError(f"not valid YAML: {problem}", source) from None
        raise DocumentParseError(
            f"not valid YAML: {problem}", source, mark.line + first_line, mark.column + 1
        ) from None
    except yaml.YAMLError as error:
        raise DocumentParseError(f"not valid YAML: {error}", source) from None
    except RecursionError:
        raise DocumentParseError("not readable YAML: nested too deeply", source) from None
