"""What an invalid document raises: every problem at once, each with its path (contract s. 1)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["DOCUMENT_PATH", "DocumentParseError", "InvalidInitiativeError", "ProblemsError"]

#: The path given to a problem with the document as a whole (not one of its keys).
DOCUMENT_PATH = "(document)"


class ProblemsError(ValueError):
    """A document that cannot be used, with every problem it has (the base of the two kinds).

    Attributes:
        errors: ``(path, message)`` pairs, one per problem.
        source: Where the document came from, if known.
    """

    #: What kind of document it is, in the message's first line.
    what = "document"

    def __init__(self, errors: Iterable[tuple[str, str]], source: str | None = None) -> None:
        self.errors: tuple[tuple[str, str], ...] = tuple(errors)
        self.source: str | None = source
        super().__init__(self._text())

    def _text(self) -> str:
        count = len(self.errors)
        where = f"{self.source}: " if self.source else ""
        noun = "problem" if count == 1 else "problems"
        lines = [f"{where}invalid {self.what} ({count} {noun}):"]
        lines.extend(f"  {path}: {message}" for path, message in self.errors)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._text()

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.errors, self.source))


class InvalidInitiativeError(ProblemsError):
    """An initiative document that cannot be loaded, with every problem it has.

    Attributes:
        errors: ``(path, message)`` pairs, one per problem, e.g.
            ``("initiated_by[1]", "'partner' is not an actor; allowed: ...")``. Paths are
            written as the contract writes them: a key, ``[i]`` for the i-th list item
            (counting from 0) and ``.key`` inside a mapping; ``(document)`` for the whole.
        source: The file (or stream) the document came from, if any.
    """

    what = "initiative document"

    def with_source(self, source: str) -> InvalidInitiativeError:
        """The same problems, attributed to ``source``."""
        return InvalidInitiativeError(self.errors, source)


class DocumentParseError(InvalidInitiativeError):
    """A file (or one record of a stream) that is not valid JSON, YAML or TOML.

    Attributes:
        line: The 1-based line of the problem, if the parser said.
        column: The 1-based column of the problem, if the parser said.
    """

    def __init__(
        self,
        message: str,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        where = "" if line is None else f"line {line}, column {column}: "
        super().__init__([(DOCUMENT_PATH, f"{where}{message}")], source)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message, self.source, self.line, self.column))

    def with_source(self, source: str) -> DocumentParseError:
        """The same problem, attributed to ``source``."""
        return DocumentParseError(self.message, source, self.line, self.column)
