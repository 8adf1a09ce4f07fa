"""Loading many initiatives from one file or stream, record by record.

JSON Lines and YAML streams are read line by line, so a file of a million records never sits in
memory; a record that is invalid (or, in JSON Lines and YAML streams, does not even parse) gives
a `LoadResult` holding its problems, and the records after it still load.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from copenhagen.documents._converter import structure_initiative
from copenhagen.documents._wording import describe
from copenhagen.documents.errors import InvalidInitiativeError
from copenhagen.documents.loading import has_content
from copenhagen.documents.parsing import FORMATS, format_of, parse_json, parse_toml, parse_yaml
from copenhagen.model import Initiative

__all__ = ["STREAM_FORMATS", "LoadResult", "load_initiatives"]

#: The formats `load_initiatives` reads.
STREAM_FORMATS: tuple[str, ...] = ("jsonl", "json", "yaml", "toml")


@attrs.frozen(slots=True)
class LoadResult:
    """One record of a multi-record file: the initiative, or the problems that stopped it.

    Attributes:
        position: The record's 1-based position in the file; for JSON Lines, its line number.
        initiative: The loaded initiative, or ``None`` if the record is invalid.
        errors: ``(path, message)`` pairs, every problem of the record; empty if it loaded.
        line: The line the record starts on, where known (JSON Lines and YAML streams).
    """

    position: int
    initiative: Initiative | None
    errors: tuple[tuple[str, str], ...] = ()
    line: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the record loaded."""
        return self.initiative is not None


def _result(position: int, document: Any, line: int | None = None) -> LoadResult:
    try:
        initiative = structure_initiative(document)
    except InvalidInitiativeError as error:
        return LoadResult(position, None, error.errors, line)
    return LoadResult(position, initiative, (), line)


def _from_jsonl(lines: Iterable[str], source: str) -> Iterator[LoadResult]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            document = parse_json(line.rstrip("\r\n"), source, first_line=number)
        except InvalidInitiativeError as error:
            yield LoadResult(number, None, error.errors, number)
            continue
        yield _result(number, document, number)


def _records(data: Any, first: int, line: int | None) -> Iterator[LoadResult]:
    """Results for one parsed document: a list holds many records, anything else is one."""
    if isinstance(data, list):
        for offset, item in enumerate(data):
            yield _result(first + offset, item)
    else:
        yield _result(first, data, line)


def _from_whole(text: str, kind: str, source: str) -> Iterator[LoadResult]:
    data = parse_json(text, source) if kind == "json" else parse_toml(text, source)
    yield from _records(data, 1, None)


_DOCUMENT_START = re.compile(r"---(?:\s|$)")
_DOCUMENT_END = re.compile(r"\.\.\.(?:\s|$)")


def _yaml_chunks(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Split a YAML stream at its document markers: (first line, text) for each document.

    Splitting by lines (markers stand at the start of a line, as YAML requires) keeps one
    document in memory at a time and lets the documents after a broken one still load.
    """
    buffer: list[str] = []
    start = 1
    content = False
    for number, line in enumerate(lines, 1):
        if _DOCUMENT_START.match(line):
            if content:
                yield start, "".join(buffer)
                buffer, content = [], False
            if not buffer:
                start = number
            # An earlier marker of a document with no content would make this chunk hold two
            # documents: blank it (keeping the line count, so positions stay right).
            buffer = ["\n" if _DOCUMENT_START.match(kept) else kept for kept in buffer]
            buffer.append(line)
            content = content or has_content(line[3:])
            continue
        if _DOCUMENT_END.match(line):
            if content:
                yield start, "".join(buffer)
            buffer, content = [], False
            continue
        if not buffer:
            start = number
        buffer.append(line)
        content = content or has_content(line)
    if content:
        yield start, "".join(buffer)


def _from_yaml(lines: Iterable[str], source: str) -> Iterator[LoadResult]:
    position = 1
    for start, text in _yaml_chunks(lines):
        try:
            data = parse_yaml(text, source, first_line=start)
        except InvalidInitiativeError as error:
            yield LoadResult(position, None, error.errors, start)
            position += 1
            continue
        if data is None:  # an empty document: only comments
            continue
        for result in _records(data, position, start):
            yield result
            position += 1


def _iterate(stream: IO[str], kind: str, source: str, owned: bool) -> Iterator[LoadResult]:
    try:
        if kind == "jsonl":
            yield from _from_jsonl(stream, source)
        elif kind == "yaml":
            yield from _from_yaml(stream, source)
        else:
            yield from _from_whole(stream.read(), kind, source)
    finally:
        if owned:
            stream.close()


def load_initiatives(
    source: str | os.PathLike[str] | IO[str], *, format: str | None = None
) -> Iterator[LoadResult]:
    """Load every initiative of a file or text stream, one `LoadResult` per record.

    JSON Lines (one document per line; blank lines skipped; ``position`` is the line number)
    and YAML (a stream of ``---``-separated documents, each a document or a list of them) are
    read record by record, so the file never sits in memory whole. A JSON array (or a TOML
    file, which holds one document) is read whole, then yielded record by record. An invalid
    record, or a JSON Lines line or YAML document that does not parse, gives a result with
    ``errors`` and ``initiative=None``; the records after it still load.

    Args:
        source: A path (``.jsonl``/``.ndjson``, ``.json``, ``.yaml``/``.yml``, ``.toml``) or an
            open text stream such as ``sys.stdin``.
        format: ``"jsonl"``, ``"json"``, ``"yaml"`` or ``"toml"``; needed for a stream whose
            name has no such suffix, and overrides the suffix otherwise.

    Returns:
        An iterator of results, in file order.

    Raises:
        FileNotFoundError: If the path does not exist (raised at once, not on iteration).
        ValueError: If the format is unknown or cannot be told from the source.
        DocumentParseError: On iteration, if a JSON array or TOML file does not parse at all.
        ImportError: For YAML when PyYAML (the ``yaml`` extra) is not installed.
    """
    if format is not None and format not in STREAM_FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(STREAM_FORMATS)}")
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        kind = format or format_of(path, STREAM_FORMATS)
        stream: IO[str] = path.open(encoding="utf-8-sig")
        return _iterate(stream, kind, str(source), owned=True)
    name = str(getattr(source, "name", "") or "<stream>")
    if format is None:
        kind = FORMATS.get(Path(name).suffix.lower(), "")
        if not kind:
            raise ValueError(
                f"cannot tell the format of {name} ({describe(source)}); "
                f"pass format= one of {', '.join(STREAM_FORMATS)}"
            )
    else:
        kind = format
    return _iterate(source, kind, name, owned=False)
