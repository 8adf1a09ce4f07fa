"""Loading one initiative: from a mapping or a JSON, YAML or TOML file (contract sections 1-2).

Parsed data becomes an `Initiative` one way only, `structure_initiative`; `load_initiative` adds
reading a file for a path. Only a path given as a path is ever opened: a string inside a
document, a JSON Lines record or standard input is a value like any other.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from copenhagen.documents._converter import structure_initiative
from copenhagen.documents._files import open_regular_file
from copenhagen.documents.errors import DocumentParseError, InvalidInitiativeError
from copenhagen.documents.parsing import format_of, parse_json, parse_toml, parse_yaml
from copenhagen.model import Initiative

__all__ = ["has_content", "load_initiative", "parse_text", "read_document", "read_text"]


def has_content(text: str) -> bool:
    """Whether YAML ``text`` holds anything but blank lines, comments and directives."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not line.startswith("%"):
            return True
    return False


def read_text(path: str | os.PathLike[str], formats: tuple[str, ...]) -> tuple[str, str]:
    """The format (from the suffix) and the text of a document file, checked but not parsed.

    The file must be a regular file (not a folder, named pipe or device), in UTF-8; a byte
    order mark is skipped. The text holds something besides blank lines (and, for YAML,
    comments).

    Args:
        path: The file.
        formats: The formats it may be in (`copenhagen.documents.parsing.FORMATS` values).

    Raises:
        FileNotFoundError: If there is no such file.
        OSError: If it cannot be read, or is not a regular file (``strerror`` says why).
        DocumentParseError: If the file is empty or not UTF-8.
        InvalidInitiativeError: If the suffix is not one of ``formats``.
    """
    source = str(path)
    with open_regular_file(path) as opened:  # a folder or a pipe is refused before the suffix
        kind = format_of(Path(path), formats)
        data = opened.read()
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentParseError(
            f"not UTF-8 text (byte {skip + error.start + 1} cannot be read)", source
        ) from None
    if not text.strip():
        raise DocumentParseError("the file is empty: it holds no document", source)
    if kind == "yaml" and not has_content(text):
        raise DocumentParseError("the file holds only comments: it has no document", source)
    return kind, text


def parse_text(kind: str, text: str, source: str | None = None) -> Any:
    """Parse a document's text in its format (``json``, ``yaml`` or ``toml``), unchecked."""
    if kind == "json":
        return parse_json(text, source)
    if kind == "toml":
        return parse_toml(text, source)
    return parse_yaml(text, source)


def read_document(path: str | os.PathLike[str]) -> Any:
    """The parsed content of a ``.json``, ``.yaml``/``.yml`` or ``.toml`` file, unchecked.

    The file is read as `read_text` reads it. An integer too long to read stands as a
    `copenhagen.documents._limits.HugeNumber`, for the loader to report at its path.

    Raises:
        FileNotFoundError: If there is no such file.
        OSError: If it cannot be read, or is not a regular file (``strerror`` says why).
        DocumentParseError: If the file is empty, not UTF-8, or not valid JSON, YAML or TOML
            (with line and column).
        InvalidInitiativeError: If the suffix is none of those, or a key is given twice.
        ImportError: For a YAML file when PyYAML is not installed.
    """
    kind, text = read_text(path, ("json", "yaml", "toml"))
    return parse_text(kind, text, str(path))


def load_initiative(source: Mapping[str, Any] | str | os.PathLike[str]) -> Initiative:
    """Load one initiative from a mapping or a file (contract section 2).

    Args:
        source: A mapping (the document itself), or the path of a ``.json``, ``.yaml``/``.yml``
            or ``.toml`` file holding one document. A string is always a path (contract
            section 1); for parsed data that may be anything, use
            `copenhagen.documents.structure_initiative`, which never opens a file. YAML is read
            safely, and only ``true`` and ``false`` are booleans in it.

    Returns:
        The initiative, with lists as frozensets and unknown facts as ``None``.

    Raises:
        InvalidInitiativeError: With every problem of the document at once, each with its path
            (`DocumentParseError`, a subclass, if a file does not parse: it names the line and
            column).
        FileNotFoundError: If the file does not exist.
        OSError: If the path is not a regular file (a folder, a named pipe...) or cannot be read.
        ImportError: For a YAML file when PyYAML (the ``yaml`` extra) is not installed.
    """
    if isinstance(source, str | os.PathLike):
        document = read_document(source)
        try:
            return structure_initiative(document)
        except InvalidInitiativeError as error:
            raise error.with_source(str(source)) from None
    return structure_initiative(source)
