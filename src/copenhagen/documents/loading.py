"""Loading one initiative: from a mapping or a JSON, YAML or TOML file (contract sections 1-2)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from copenhagen.documents._converter import converter, document_problems, structure_document
from copenhagen.documents._fast import fast_structure
from copenhagen.documents.errors import DocumentParseError, InvalidInitiativeError
from copenhagen.documents.parsing import format_of, parse_json, parse_toml, parse_yaml
from copenhagen.model import Initiative

__all__ = ["document_errors", "load_initiative", "read_document"]


def read_document(path: str | os.PathLike[str]) -> Any:
    """The parsed content of a ``.json``, ``.yaml``/``.yml`` or ``.toml`` file, unchecked.

    Raises:
        FileNotFoundError: If there is no such file.
        DocumentParseError: If the file is not valid JSON, YAML or TOML (with line and column).
        InvalidInitiativeError: If the suffix is none of those.
        ImportError: For a YAML file when PyYAML is not installed.
    """
    file = Path(path)
    kind = format_of(file, ("json", "yaml", "toml"))
    source = str(path)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DocumentParseError(
            f"not UTF-8 text (byte {error.start + 1} cannot be read)", source
        ) from None
    if kind == "json":
        return parse_json(text, source)
    if kind == "toml":
        return parse_toml(text, source)
    return parse_yaml(text, source)


def load_initiative(source: Mapping[str, Any] | str | os.PathLike[str]) -> Initiative:
    """Load one initiative from a mapping or a file (contract section 2).

    Args:
        source: A mapping (the document itself), or the path of a ``.json``, ``.yaml``/``.yml``
            or ``.toml`` file holding one document. YAML is read safely, and only ``true`` and
            ``false`` are booleans in it.

    Returns:
        The initiative, with lists as frozensets and unknown facts as ``None``.

    Raises:
        InvalidInitiativeError: With every problem of the document at once, each with its path
            (`DocumentParseError`, a subclass, if a file does not parse: it names the line and
            column).
        FileNotFoundError: If the file does not exist.
        ImportError: For a YAML file when PyYAML (the ``yaml`` extra) is not installed.
    """
    if type(source) is dict:  # the common case first: a plainly valid document is done here
        initiative = fast_structure(source)
        if initiative is not None:
            return initiative
        return structure_document(source)
    if isinstance(source, str | os.PathLike):
        document = read_document(source)
        try:
            return converter.structure(document, Initiative)
        except InvalidInitiativeError as error:
            raise error.with_source(str(source)) from None
    return converter.structure(source, Initiative)


def document_errors(document: Any) -> list[tuple[str, str]]:
    """Every problem of ``document`` as ``(path, message)`` pairs; empty if it is valid."""
    return document_problems(document)[1]
