"""The shape every catalogue entry shares, and the mixin that lets enum members show theirs.

Every enumerable part of the framework is an enum whose members carry a catalogue entry: a stable
key, the number the text gives it (if any), a short title, a summary in our own words and the
anchors (paragraphs, boxes, table, footnotes) that it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, Self, cast, runtime_checkable

import attrs

__all__ = ["CatalogueItem", "CatalogueMember", "Entry"]


@runtime_checkable
class CatalogueItem(Protocol):
    """Anything the catalogue lists: an enum member with an entry, an entry, a Table 1 cell...

    Every item answers the same five questions, so one renderer shows them all.
    """

    @property
    def key(self) -> str:
        """Stable identifier."""
        ...

    @property
    def number(self) -> int | None:
        """The number the framework gives the item, if any."""
        ...

    @property
    def title(self) -> str:
        """A short title."""
        ...

    @property
    def summary(self) -> str:
        """What the item says, in the library's own words."""
        ...

    @property
    def citations(self) -> tuple[str, ...]:
        """Anchors in the framework text."""
        ...


@attrs.frozen(slots=True)
class Entry:
    """One cited item of the framework's catalogue.

    Attributes:
        key: Stable identifier, lower-case with underscores (the document value where one exists).
        number: The item's number in the framework text, or ``None`` where the text numbers none.
        title: A short title.
        summary: What the item says, in the library's own words.
        citations: Anchors in the framework text, e.g. ``("para 15", "Table 1")``.
    """

    key: str
    number: int | None
    title: str
    summary: str
    citations: tuple[str, ...]


class CatalogueMember:
    """Mixin for framework enums: exposes the member's catalogue entry's fields directly.

    Subclasses define ``entry``; ``title``, ``summary``, ``citations``, ``key`` and ``number``
    then read from it, so ``Principle.INFORMED_CONSENT.title`` needs no second look-up.
    """

    __slots__ = ()

    # Identity hashing: members are singletons, and Enum's default hashes the member's name in
    # Python code, which dominates set and dict look-ups on the classification hot path.
    __hash__ = object.__hash__

    @classmethod
    def from_key(cls, key: str) -> Self:
        """The member whose catalogue entry has this key.

        Raises:
            KeyError: If no member has the key; the message lists the allowed keys.
        """
        members = cast("Iterable[Self]", cls)
        for member in members:
            if member.entry.key == key:
                return member
        allowed = ", ".join(m.entry.key for m in cast("Iterable[Self]", cls))
        raise KeyError(f"{cls.__name__} has no key {key!r}; allowed: {allowed}")

    @classmethod
    def from_number(cls, number: int) -> Self:
        """The member the framework gives this number.

        Raises:
            KeyError: If no member has the number (or the framework numbers none of them); the
                message lists the allowed numbers.
        """
        members = cast("Iterable[Self]", cls)
        for member in members:
            if member.entry.number == number and not isinstance(number, bool):
                return member
        numbers = [m.entry.number for m in cast("Iterable[Self]", cls)]
        allowed = ", ".join(str(n) for n in numbers if n is not None) or "none (not numbered)"
        raise KeyError(f"{cls.__name__} has no number {number!r}; allowed: {allowed}")

    @property
    def entry(self) -> Entry:
        """The member's catalogue entry."""
        raise NotImplementedError  # pragma: no cover - every catalogue enum overrides it

    @property
    def key(self) -> str:
        """The entry's stable key."""
        return self.entry.key

    @property
    def number(self) -> int | None:
        """The number the framework gives the item, if any."""
        return self.entry.number

    @property
    def title(self) -> str:
        """A short title."""
        return self.entry.title

    @property
    def summary(self) -> str:
        """What the item says, in the library's own words."""
        return self.entry.summary

    @property
    def citations(self) -> tuple[str, ...]:
        """Where the framework says it (``"para 15"``, ``"Box 2"``, ``"Table 1"``...)."""
        return self.entry.citations
