"""Reading an uploaded document: hostile input, parsed only by the library's own loader functions.

The file's bytes are parsed in memory (never saved, and no path named inside them is ever opened:
the parsed data go to the loader as data, and only once they are known to be a valid mapping).
Its size is limited before it arrives (`copenhagen.web.security.BodyLimit`) and, after parsing,
so is the number of values it expands to, since YAML aliases can make a small file stand for a
huge document.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

import attrs

__all__ = ["MAX_VALUES", "Upload", "read_upload"]

#: The most values (mappings, lists and scalars, counted as if aliases were copied) a document
#: may expand to.
MAX_VALUES = 20_000


@attrs.frozen(slots=True)
class Upload:
    """An uploaded document, read.

    Attributes:
        document: The document as `copenhagen.dump_initiative` writes it, or ``None``.
        errors: ``(path, message)`` pairs: why it could not be read (empty when it was).
        filename: The name the browser gave the file (only its last part).
    """

    document: dict[str, Any] | None
    errors: tuple[tuple[str, str], ...]
    filename: str


def _too_many(data: Any, budget: int) -> bool:
    """Whether ``data`` holds more than ``budget`` values, counting shared parts each time."""
    stack = [data]
    count = 0
    while stack:
        item = stack.pop()
        count += 1
        if count > budget:
            return True
        if isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def read_upload(filename: str, content: bytes) -> Upload:
    """Parse and check an uploaded document.

    Args:
        filename: The file's name as the browser sent it; only its suffix is used (``.json``,
            ``.yaml``/``.yml`` or ``.toml``), to choose the parser.
        content: The file's bytes.

    Returns:
        The document, or every problem found.
    """
    from copenhagen.documents import (
        InvalidInitiativeError,
        document_errors,
        dump_initiative,
        load_initiative,
    )
    from copenhagen.documents.errors import DOCUMENT_PATH
    from copenhagen.documents.parsing import format_of, parse_json, parse_toml, parse_yaml

    name = PurePath(filename.replace("\\", "/")).name or "(unnamed)"
    parsers = {"json": parse_json, "yaml": parse_yaml, "toml": parse_toml}
    try:
        kind = format_of(Path(name), tuple(parsers))  # the suffix only: nothing is opened
        text = content.decode("utf-8-sig")
        data = parsers[kind](text, name)
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 text (byte {error.start + 1} cannot be read)"
        return Upload(None, ((DOCUMENT_PATH, problem),), name)
    except InvalidInitiativeError as error:
        return Upload(None, error.errors, name)
    if _too_many(data, MAX_VALUES):
        problem = f"the document expands to more than {MAX_VALUES:,} values; it is not read"
        return Upload(None, ((DOCUMENT_PATH, problem),), name)
    errors = document_errors(data)  # reads data only: a string here is never taken as a path
    if errors:
        return Upload(None, tuple(errors), name)
    return Upload(dump_initiative(load_initiative(data)), (), name)
