"""The limits a document must keep, and how they are measured without trusting the document.

Documents come from files, forms and exports nobody here controls. Three things could make
reading one cost far more than its size, or crash on the way out:

- depth: values nested hundreds of levels deep exhaust Python's recursion limit when they are
  frozen, hashed or written back (`MAX_DEPTH`);
- expansion: YAML aliases (and shared objects in a Python mapping) let a few hundred bytes stand
  for billions of values (`MAX_NODES`, counted over the shared graph, never by expanding it);
- numbers past the interpreter's limit on decimal digits cannot be read or written at all
  (`HugeNumber`, and `number_text` for messages).

The docs page "Security and robustness" lists these limits with their values.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "HugeNumber",
    "children",
    "digit_limit",
    "is_text",
    "number_text",
    "parse_int",
    "survey",
    "text_problem",
    "too_long",
    "value_problem",
]

#: How deeply a document's values may nest (mappings and lists). Far beyond any real document,
#: and well inside what freezing, hashing and dumping can do without exhausting recursion.
MAX_DEPTH = 100

#: How many values (mappings, lists and scalars, each counted once per place it appears) a
#: document may hold once its YAML aliases are expanded. A real initiative has a few dozen.
MAX_NODES = 100_000


def digit_limit() -> int:
    """The interpreter's limit on the decimal digits of an integer (0: none); 4,300 by default."""
    return sys.get_int_max_str_digits()


@attrs.frozen(slots=True)
class HugeNumber:
    """An integer literal with more digits than the interpreter reads, kept as its digit count.

    The parsers put one where the number stood, so that the loader reports it at its path
    instead of the parser failing for the whole file.

    Attributes:
        digits: How many decimal digits the literal has.
    """

    digits: int

    def __str__(self) -> str:
        return f"a number with {self.digits:,} digits"


def parse_int(text: str) -> int | HugeNumber:
    """``int(text)``, or a `HugeNumber` when ``text`` has more digits than can be read."""
    try:
        return int(text)
    except ValueError:
        return HugeNumber(sum(1 for c in text if c.isdigit()))


# Below this many bits an integer has fewer than 4,300 decimal digits, so str() cannot fail.
_SAFE_BITS = 14_000


def too_long(value: int) -> bool:
    """Whether the integer ``value`` has more decimal digits than the interpreter writes."""
    if value.bit_length() <= _SAFE_BITS:
        return False
    try:
        str(value)
    except ValueError:
        return True
    return False


def number_text(value: int | float) -> str:
    """A number as a message shows it; never fails, whatever its size."""
    if isinstance(value, int) and too_long(value):
        return f"a number with more than {digit_limit():,} digits"
    return int.__repr__(value) if isinstance(value, int) else float.__repr__(value)


def is_text(text: str) -> bool:
    r"""Whether ``text`` can be written as UTF-8: no lone surrogate such as ``"\\ud800"``."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be kept (a lone surrogate, which no writer can encode), or ``None``."""
    if is_text(text):
        return None
    at = next(i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff")
    return (
        f"holds U+{ord(text[at]):04X} at character {at + 1}, a lone surrogate: half of a "
        "character, which cannot be written as text"
    )


def value_problem(value: Any) -> str | None:
    """Why a scalar (or a mapping key) cannot be kept and written back, or ``None``.

    The reason reads after "this value" or "this key": ``"holds U+D800 at character 2, ..."``.
    """
    kind = type(value)
    if kind is str:
        return None if value.isascii() else text_problem(value)
    if kind is float or kind is bool or value is None:
        return None
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, HugeNumber):
        return f"is {value}; at most {digit_limit():,} digits can be read"
    if isinstance(value, int) and too_long(value):
        return f"is {number_text(value)}, which cannot be written back"
    return None


# Types that hold no other values: most of a document, told apart without an ABC check.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def children(value: Any) -> Iterator[tuple[Any, Any]] | None:
    """``(step, child)`` for each child of a container (a mapping's keys, a list's indexes).

    ``None`` for a value that holds no others. Steps are mapping keys, or ``int`` indexes.
    """
    kind = type(value)
    if kind is dict:
        items: Iterator[tuple[Any, Any]] = iter(value.items())
        return items
    if kind is list:
        return enumerate(value)
    if kind in _SCALARS:
        return None
    if isinstance(value, Mapping):
        return iter(value.items())
    if isinstance(value, list | tuple):
        return enumerate(value)
    if isinstance(value, set | frozenset):
        return enumerate(value)
    return None


def _too_deep(max_depth: int) -> str:
    return f"nests more than {max_depth} levels deep; flatten it or store it apart"


class _LimitError(Exception):
    """Raised inside `survey` as soon as a limit is passed, saying which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _at(path: str, step: Any, in_mapping: bool, step_text: Callable[[Any], str]) -> str:
    return f"{path}.{step_text(step)}" if in_mapping else f"{path}[{step}]"


def _plain(value: Any) -> bool:
    """Whether a scalar is certainly fine (the common case), without calling a check."""
    kind = type(value)
    return (kind is str and value.isascii()) or kind is bool or value is None or kind is float


def survey(
    value: Any,
    check: Callable[[Any], str | None] | None = None,
    step_text: Callable[[Any], str] = str,
    max_depth: int = MAX_DEPTH,
    max_nodes: int = MAX_NODES,
) -> tuple[str | None, list[tuple[str, str]]]:
    """Why ``value`` passes a limit, and each key or scalar in it that ``check`` refuses.

    The limits are depth, the number of values once shared objects are expanded, and containing
    itself. Each shared list or mapping (a YAML alias) is walked the first time it is met and its
    counts are reused afterwards, so an alias bomb costs as much as its text, not its expansion;
    the walk stops as soon as a limit is passed (the first result is then the reason, the second
    empty). Problems found by ``check`` (see `value_problem`) are reported at the first path
    that reaches them, relative (``.key``, ``[i]``), in document order.
    """
    if (  # the common case, as a CSV registry's extra.* columns make it: flat and plain
        type(value) is dict
        and len(value) < max_nodes
        and max_depth >= 1
        and all(_plain(k) and _plain(v) for k, v in value.items())
    ):
        return None, []
    measured: dict[int, tuple[int, int]] = {}  # id -> (values once expanded, levels)
    active: set[int] = set()
    problems: list[tuple[str, str]] = []

    def visit(node: Any, depth: int, path: str) -> tuple[int, int]:
        key = id(node)
        known = measured.get(key)
        if known is None:
            if key in active:
                raise _LimitError(
                    "contains itself (a YAML alias inside its own anchor); write the values out"
                )
            if depth > max_depth:
                raise _LimitError(_too_deep(max_depth))
            active.add(key)
            nodes, height = 1, 1
            in_mapping = type(node) is dict or isinstance(node, Mapping)
            for step, child in children(node) or ():
                if check is not None and in_mapping and not _plain(step):
                    bad = check(step)
                    if bad is not None:
                        problems.append((_at(path, step, True, step_text), f"this key {bad}"))
                if type(child) in _SCALARS or children(child) is None:
                    nodes += 1
                    if check is not None and not _plain(child):
                        bad = check(child)
                        if bad is not None:
                            where = _at(path, step, in_mapping, step_text)
                            problems.append((where, f"this value {bad}"))
                else:
                    size, below = visit(child, depth + 1, _at(path, step, in_mapping, step_text))
                    nodes += size
                    height = max(height, below + 1)
                if nodes > max_nodes:
                    raise _LimitError(
                        f"holds more than {max_nodes:,} values once its aliases are expanded; "
                        "write a smaller document"
                    )
            active.discard(key)
            known = measured[key] = (nodes, height)
        if depth + known[1] - 1 > max_depth:
            raise _LimitError(_too_deep(max_depth))
        return known

    if children(value) is None:
        return None, []
    try:
        visit(value, 1, "")
    except _LimitError as stop:
        return stop.reason, []
    except RecursionError:
        return "nests too deeply to be read; flatten it or store it apart", []
    return None, problems
