"""The shape every catalogue entry shares, and the mixin that lets enum members show theirs.

Every enumerable part of the framework is an enum whose members carry a catalogue entry: a stable
key, the number the text gives it (if any), a short title, a summary in our own words and the
anchors (paragraphs, boxes, table, footnotes) that it rests on.
"""

from __future__ import annotations

import attrs

__all__ = ["CatalogueMember", "Entry"]


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
