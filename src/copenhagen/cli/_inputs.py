"""Reading the FILE arguments of ``assess``, ``validate`` and ``explain``; ``-`` is standard input.

Each file gives an initiative or every problem it has. A file that does not exist, cannot be
read or does not parse is invalid like any other (contract section 4). Standard input is read as
bytes and decoded strictly as UTF-8 (a byte order mark is allowed), so a stray byte is reported
rather than carried into the assessment; it holds one document, JSON or YAML.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import attrs

from copenhagen.cli._console import Console
from copenhagen.model import Initiative

__all__ = ["Loaded", "Unreadable", "decode_utf8", "load_files", "read_stdin"]

STDIN = "-"
STDIN_LABEL = "<stdin>"


class Unreadable(Exception):  # noqa: N818 - it names the input, as FileNotFoundError does
    """An input that could not be read at all; the message is one sentence naming it."""


@attrs.frozen(slots=True)
class Loaded:
    """One FILE argument, loaded.

    Attributes:
        label: How to name it in messages (the path, or ``<stdin>``).
        initiative: The initiative, or ``None`` if the file is invalid.
        errors: ``(path, message)`` pairs when the document is invalid.
        problem: When the input could not be read at all (a missing file, standard input that
            is closed or not UTF-8): one sentence saying so, naming the input.
    """

    label: str
    initiative: Initiative | None
    errors: tuple[tuple[str, str], ...] = ()
    problem: str | None = None

    def report(self, console: Console) -> None:
        """Write why this input is invalid on standard error."""
        if self.problem is not None:
            console.unreadable(self.problem)
        else:
            console.invalid(self.label, self.errors)


def decode_utf8(data: bytes, what: str = "standard input") -> str:
    """``data`` decoded strictly as UTF-8, without its byte order mark if it has one.

    Raises:
        Unreadable: Naming the first byte that is not UTF-8 and its position (counted from 1,
            as columns are).
    """
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = skip + error.start
        raise Unreadable(
            f"{what} is not UTF-8 text (byte 0x{data[at]:02x} at position {at + 1})"
        ) from None


def _text_to_str(text: str) -> str:
    """Text from a stream that already decoded it; checked as if it were read as bytes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes a lenient stream kept as lone surrogates: find the first one as a byte.
        try:
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError as error:
            raise Unreadable(
                f"standard input is not UTF-8 text (character U+{ord(text[error.start]):04X} "
                f"at position {error.start + 1})"
            ) from None
        return decode_utf8(data)
    return text.removeprefix("\ufeff")


def read_stdin(stdin: TextIO | None) -> str:
    """All of standard input as text: its bytes (when it has them) decoded strictly as UTF-8.

    Raises:
        Unreadable: If there is no standard input (it was closed), it cannot be read, or it is
            not UTF-8 text.
    """
    if stdin is None or getattr(stdin, "closed", False):
        raise Unreadable("no standard input")
    buffer: Any = getattr(stdin, "buffer", None)
    try:
        data: str | bytes = buffer.read() if buffer is not None else stdin.read()
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise Unreadable(f"standard input cannot be read ({reason})") from None
    if isinstance(data, bytes):
        return decode_utf8(data)
    return _text_to_str(data)


def _parse(text: str) -> Any:
    """One document (JSON or YAML) read from text.

    JSON is tried first; if it fails, YAML, which also reads most JSON (e.g. with unquoted keys
    or a comment). If both fail, the error shown is the JSON one when the text looks like JSON
    (starts with ``{`` or ``[``), the YAML one otherwise; each names its line and column.
    """
    from copenhagen.documents import DocumentParseError
    from copenhagen.documents.parsing import parse_json, parse_yaml

    if not text.strip():
        raise Unreadable("standard input is empty: it holds no document")
    looks_like_json = text.lstrip().startswith(("{", "["))
    try:
        return parse_json(text, STDIN_LABEL)
    except DocumentParseError as json_error:
        try:
            return parse_yaml(text, STDIN_LABEL)
        except DocumentParseError as yaml_error:
            raise (json_error if looks_like_json else yaml_error) from None
        except ImportError:  # no PyYAML: JSON is all that can be read
            if looks_like_json:
                raise json_error from None
            raise


def _load(name: str, stdin: TextIO | None) -> Loaded:
    from copenhagen.documents import InvalidInitiativeError, load_initiative, structure_initiative
    from copenhagen.documents._files import file_problem

    label = STDIN_LABEL if name == STDIN else name
    try:
        if name == STDIN:  # parsed data: a string there is a value, never a path to open
            return Loaded(label, structure_initiative(_parse(read_stdin(stdin))))
        # Only a regular file is read: a folder, a named pipe or a loop of links is refused
        # without waiting on it, and "no such file" is said only when there is none.
        return Loaded(label, load_initiative(name))
    except Unreadable as error:
        return Loaded(label, None, problem=str(error))
    except InvalidInitiativeError as error:
        return Loaded(label, None, tuple(error.errors))
    except OSError as error:
        return Loaded(label, None, problem=f"{label}: {file_problem(error)}")
    except ImportError as error:
        return Loaded(label, None, problem=f"{label}: {error}")


def load_files(names: Iterable[str], stdin: TextIO | None) -> Iterator[Loaded]:
    """Load each FILE argument in order, keeping the errors of the invalid ones."""
    for name in names:
        yield _load(name, stdin)
