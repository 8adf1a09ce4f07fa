"""Reading an uploaded document: hostile input, parsed only by the library's own loader functions.

The file's bytes are parsed in memory (never saved, and no path named inside them is ever opened:
the parsed data go to `copenhagen.documents.structure_initiative`, the loader's one door for
data). Its size is limited before it arrives (`copenhagen.web.security.BodyLimit`); the parsers
refuse what the loader refuses anywhere (YAML aliases expanding past the documented limit, keys
given twice, nesting too deep: see the Security and robustness page).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

import attrs

__all__ = ["Upload", "read_upload"]


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


def read_upload(filename: str, content: bytes) -> Upload:
    """Parse and check an uploaded document.

    Args:
        filename: The file's name as the browser sent it; only its suffix is used (``.json``,
            ``.yaml``/``.yml`` or ``.toml``), to choose the parser.
        content: The file's bytes.

    Returns:
        The document, or every problem found.
    """
    from copenhagen.documents import InvalidInitiativeError, dump_initiative, structure_initiative
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
    try:
        initiative = structure_initiative(data)  # data only: a string is never taken as a path
    except InvalidInitiativeError as error:
        return Upload(None, error.errors, name)
    return Upload(dump_initiative(initiative), (), name)
