"""The user's table of party names and actors: the only way a PPSR-Core party becomes an `Actor`.

PPSR-Core records name their responsible and associated parties but not what kind of organisation
each is. The framework's rules need that kind (citizen side, state side, other: contract section
2), so the user says it, once per name, in a CSV file with the header ``name,actor``. Names are
matched exactly, character for character: nothing is guessed from a name (register PPSR-4).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.framework import Actor

__all__ = ["InvalidPartiesError", "Parties", "load_parties"]

_HEADER = ["name", "actor"]
_ACTORS = ", ".join(a.value for a in Actor)


class InvalidPartiesError(ValueError):
    """A parties table that cannot be used; ``.errors`` holds every problem at once.

    Attributes:
        errors: ``(where, message)`` pairs; ``where`` is ``"line N"`` or ``"(table)"``.
        source: The file, if the table came from one.
    """

    def __init__(self, errors: Iterable[tuple[str, str]], source: str | None = None) -> None:
        self.errors: tuple[tuple[str, str], ...] = tuple(errors)
        self.source = source
        where = f"{source}: " if source else ""
        lines = "; ".join(f"{w}: {m}" for w, m in self.errors)
        super().__init__(f"{where}invalid parties table: {lines}")


def _frozen(actors: Mapping[str, Actor]) -> FrozenMap[str, Actor]:
    return FrozenMap(actors)


@attrs.frozen(slots=True)
class Parties:
    """Party names and the actor each one is.

    Attributes:
        actors: Name (exactly as records spell it) -> actor.
    """

    actors: FrozenMap[str, Actor] = attrs.field(factory=FrozenMap, converter=_frozen)

    def actor_of(self, name: str) -> Actor | None:
        """The actor the table gives ``name``, or ``None`` if the table does not list it."""
        actor: Actor | None = self.actors.get(name)
        return actor

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> Parties:
        """A table from ``(name, actor value)`` rows, numbered from line 2 (after a header).

        Raises:
            InvalidPartiesError: Naming every bad row: an empty name, an actor that is not an
                `Actor` value (with the allowed values), a name given two different actors.
        """
        problems: list[tuple[str, str]] = []
        parties = cls._build(((n, name, a) for n, (name, a) in enumerate(rows, 2)), problems)
        if problems:
            raise InvalidPartiesError(problems)
        return parties

    @classmethod
    def from_mapping(cls, actors: Mapping[str, Actor | str]) -> Parties:
        """A table from a mapping of names to actors (or their values).

        Raises:
            InvalidPartiesError: As `from_rows`.
        """
        return cls.from_rows((name, str(actor)) for name, actor in actors.items())

    @classmethod
    def _build(
        cls, rows: Iterable[tuple[int, str, str]], problems: list[tuple[str, str]]
    ) -> Parties:
        """The table of ``(line, name, actor value)`` rows; bad rows go to ``problems``."""
        actors: dict[str, Actor] = {}
        first_line: dict[str, int] = {}
        for line, name, value in rows:
            where = f"line {line}"
            if not name:
                problems.append((where, "the name is empty"))
                continue
            try:
                actor = Actor(value)
            except ValueError:
                problems.append((where, f"{value!r} is not an actor; allowed: {_ACTORS}"))
                continue
            if name in actors and actors[name] is not actor:
                problems.append(
                    (
                        where,
                        f"{name!r} is {actor.value} here but {actors[name].value} on line "
                        f"{first_line[name]}: give each name one actor",
                    )
                )
                continue
            actors.setdefault(name, actor)
            first_line.setdefault(name, line)
        return cls(actors)


def load_parties(path: str | os.PathLike[str]) -> Parties:
    """Read a parties table: a CSV file whose header is ``name,actor``, one party per row.

    The file is UTF-8 (a byte order mark is allowed); blank lines are skipped; a name is kept
    exactly as written (spaces included), and an actor is an `Actor` value such as ``cso``.

    Raises:
        InvalidPartiesError: Naming every problem: a missing or unreadable file, a wrong header, a
            row without exactly two cells, and the row problems of `Parties.from_rows`.
    """
    source = os.fspath(path)
    try:
        with open(source, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            table: list[tuple[int, list[str]]] = []  # (the line a row starts on, its cells)
            ended = 0
            for cells in reader:
                table.append((ended + 1, cells))
                ended = reader.line_num
    except FileNotFoundError:
        raise InvalidPartiesError([("(table)", "no such file")], source) from None
    except IsADirectoryError:
        raise InvalidPartiesError([("(table)", "it is a folder, not a file")], source) from None
    except UnicodeDecodeError as error:
        bad = error.object[error.start : error.start + 1].hex()
        raise InvalidPartiesError(
            [("(table)", f"not UTF-8 text (byte 0x{bad} at offset {error.start})")], source
        ) from None
    except csv.Error as error:
        raise InvalidPartiesError(
            [("(table)", f"not a readable CSV file: {error}")], source
        ) from None
    except OSError as error:
        raise InvalidPartiesError([("(table)", error.strerror or str(error))], source) from None
    if not table or [cell.strip() for cell in table[0][1]] != _HEADER:
        found = ",".join(table[0][1]) if table else "nothing"
        raise InvalidPartiesError(
            [("line 1", f"the header must be 'name,actor', found {found!r}")], source
        )
    problems: list[tuple[str, str]] = []
    rows: list[tuple[int, str, str]] = []
    for line, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # a blank line is no party
        if len(cells) != 2:
            problems.append((f"line {line}", f"expected 2 cells (name,actor), found {len(cells)}"))
            continue
        rows.append((line, cells[0], cells[1]))
    parties = Parties._build(rows, problems)
    if problems:
        problems.sort(key=lambda problem: int(problem[0].removeprefix("line ")))
        raise InvalidPartiesError(problems, source)
    return parties
