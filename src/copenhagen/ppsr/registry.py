"""A whole PPSR-Core registry: read it, convert each project, and hand documents to the batch."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, TextIO

from copenhagen.ppsr.converting import Conversion, batch_problems, convert_project
from copenhagen.ppsr.parties import Parties
from copenhagen.ppsr.reading import RegistryError, parse_registry

__all__ = [
    "REGISTRY",
    "decode_registry",
    "read_registry",
    "read_registry_text",
    "registry_documents",
]

#: The path given to a problem with the registry as a whole.
REGISTRY = "(registry)"

Errors = tuple[tuple[str, str], ...]


def read_registry_text(source: str | os.PathLike[str] | TextIO) -> str:
    """The text of a registry: a file the caller named, or an open text stream.

    A file is read as UTF-8; a byte order mark is allowed.

    Raises:
        RegistryError: If the file is not UTF-8 text.
        OSError: If the file cannot be opened.
    """
    if not isinstance(source, str | os.PathLike):
        return source.read().removeprefix("\ufeff")
    with open(source, "rb") as stream:
        return decode_registry(stream.read())


def decode_registry(data: bytes) -> str:
    """Registry bytes as text: UTF-8, a byte order mark allowed.

    Raises:
        RegistryError: Naming the first byte that is not UTF-8 and where it is.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise RegistryError(f"not UTF-8 text (byte 0x{bad} at offset {error.start})") from None


def read_registry(
    source: str | os.PathLike[str] | TextIO, parties: Parties | None = None
) -> Iterator[Conversion]:
    """Convert every project of a PPSR-Core registry, in order.

    Args:
        source: A file the caller names, or an open text stream, holding a JSON list of
            projects or an object whose ``Project`` key holds that list.
        parties: The user's table of party names and actors.

    Yields:
        One `Conversion` per project; a project that cannot be read carries its errors.

    Raises:
        RegistryError: If the registry cannot be read at all (before anything is yielded).
        OSError: If the file cannot be opened.
    """
    projects = parse_registry(read_registry_text(source))
    for position, project in enumerate(projects, 1):
        yield convert_project(position, project, parties)


def registry_documents(
    source: str | os.PathLike[str] | TextIO, parties: Parties | None = None
) -> Iterator[tuple[int, dict[str, Any] | None, Errors]]:
    """The registry's projects as ``(position, document, problems)`` for a batch run.

    ``document`` is ``None`` for a project that could not be read (``problems`` say why); for one
    that was read, ``problems`` name what it still lacks to be assessed (`batch_problems`). A
    registry that cannot be read at all is one bad record at position 1.
    """
    try:
        projects = parse_registry(read_registry_text(source))
    except (RegistryError, OSError) as error:
        message = str(error) if isinstance(error, RegistryError) else (error.strerror or str(error))
        yield 1, None, ((REGISTRY, message),)
        return
    for position, project in enumerate(projects, 1):
        conversion = convert_project(position, project, parties)
        if conversion.errors:
            yield conversion.position, None, conversion.errors
        else:
            yield conversion.position, conversion.document, batch_problems(conversion)
