"""Reading the FILE arguments of ``assess``, ``validate`` and ``explain``; ``-`` is standard input.

Each file gives an initiative or every problem it has. A file that does not exist, cannot be
read or does not parse is invalid like any other (contract section 4).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TextIO

import attrs

from copenhagen.model import Initiative

__all__ = ["Loaded", "load_files"]

STDIN = "-"


@attrs.frozen(slots=True)
class Loaded:
    """One FILE argument, loaded.

    Attributes:
        label: How to name it in messages (the path, or ``<stdin>``).
        initiative: The initiative, or ``None`` if the file is invalid.
        errors: ``(path, message)`` pairs when invalid.
    """

    label: str
    initiative: Initiative | None
    errors: tuple[tuple[str, str], ...] = ()


def _from_text(text: str) -> Initiative:
    """One document (JSON or YAML) read from text; JSON is tried first for its clearer errors."""
    from copenhagen.documents import load_initiative
    from copenhagen.documents.parsing import parse_json, parse_yaml

    source = "<stdin>"
    stripped = text.lstrip()
    document = (
        parse_json(text, source) if stripped.startswith(("{", "[")) else parse_yaml(text, source)
    )
    return load_initiative(document)


def _load(name: str, stdin: TextIO) -> Loaded:
    from copenhagen.documents import InvalidInitiativeError, load_initiative

    label = "<stdin>" if name == STDIN else name
    try:
        if name == STDIN:
            return Loaded(label, _from_text(stdin.read()))
        if os.path.isdir(name):
            return Loaded(label, None, (("(document)", "is a folder, not a file"),))
        if not os.path.exists(name):
            return Loaded(label, None, (("(document)", "no such file"),))
        return Loaded(label, load_initiative(name))
    except InvalidInitiativeError as error:
        return Loaded(label, None, tuple(error.errors))
    except FileNotFoundError:
        return Loaded(label, None, (("(document)", "no such file"),))
    except (OSError, ImportError, UnicodeDecodeError) as error:
        return Loaded(label, None, (("(document)", str(error)),))


def load_files(names: Iterable[str], stdin: TextIO) -> Iterator[Loaded]:
    """Load each FILE argument in order, keeping the errors of the invalid ones."""
    for name in names:
        yield _load(name, stdin)
