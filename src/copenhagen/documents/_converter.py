"""The one configured cattrs converter: document values in, model values out (contract section 2).

Each field of `Initiative` has a structure hook, chosen by the field's type as the model declares
it, that checks the value without coercing it. A hook that finds problems raises them the cattrs
way (`cattrs.errors`): a leaf problem is a ``ValueError``; a list's or mapping's problems are an
``IterableValidationError`` whose members carry an ``IterableValidationNote`` with the index or
key; the document's are a ``ClassValidationError`` whose members carry an
``AttributeValidationNote`` with the key. `problem_lines` turns such a group into the
``(path, message)`` pairs of `InvalidInitiativeError`, with the contract's paths.

Speed comes from the same hooks, memoised: a list or mapping is mostly one of a few patterns in
a registry, so each converter remembers, per hook, the result for each raw value it has checked
(a list as the tuple of its items, a mapping as the tuple of its items), a bounded number of
them. A record whose raw facts were all seen before then costs a few dictionary look-ups and the
construction of its `Initiative`.
"""

from __future__ import annotations

import contextlib
import functools
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, NewType

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)

from copenhagen._frozen import FrozenMap
from copenhagen.documents._limits import number_text, survey, text_problem, value_problem
from copenhagen.documents._tables import (
    ENUM_NOUNS,
    MEMBER_BY_VALUE,
    PRINCIPLE_BY_KEY,
    PRINCIPLE_NAME,
    suggestion,
)
from copenhagen.documents._wording import close_match, describe, key_text, quote
from copenhagen.documents.errors import DOCUMENT_PATH, InvalidInitiativeError
from copenhagen.framework import (
    Actor,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
)
from copenhagen.model import DOCUMENT_KEYS, Initiative, Status

__all__ = [
    "FIELD_TYPES",
    "MEMO_SIZE",
    "REQUIRED_KEYS",
    "CountryCode",
    "Initiators",
    "Name",
    "build_converter",
    "converter",
    "document_errors",
    "problem_lines",
    "structure_initiative",
]

#: A non-empty string: the initiative's name.
Name = NewType("Name", str)
#: A non-empty set of actors: who initiated the initiative.
Initiators = NewType("Initiators", frozenset[Actor])
#: An ISO 3166-1 alpha-2 code: two capital letters A-Z.
CountryCode = NewType("CountryCode", str)

# Fields whose rule is stricter than their type in the model.
_STRICTER: dict[str, Any] = {"name": Name, "initiated_by": Initiators, "country": CountryCode}


def _document_type(annotation: Any) -> Any:
    """The type a key's value must structure to: the model's, with ``| None`` removed."""
    args = typing.get_args(annotation)
    if type(None) in args:
        (annotation,) = (arg for arg in args if arg is not type(None))
    return annotation


_HINTS = typing.get_type_hints(Initiative)

#: The type each document key structures to, read from the model's own annotations.
FIELD_TYPES: dict[str, Any] = {
    field.name: _STRICTER.get(field.name, _document_type(_HINTS[field.name]))
    for field in attrs.fields(Initiative)
}

#: The keys a document must give (the fields without a default).
REQUIRED_KEYS: tuple[str, ...] = tuple(
    field.name for field in attrs.fields(Initiative) if field.default is attrs.NOTHING
)

#: How many raw values each memoised hook of a converter remembers (the oldest goes first).
MEMO_SIZE = 4096

#: How many problems inside ``extra`` are listed one by one before the rest are counted.
_EXTRA_PROBLEMS_SHOWN = 20


class _ProblemError(ValueError):
    """One problem of one value; its message is what the user reads."""


def _noted(error: Exception, note: str) -> Exception:
    error.add_note(note)
    return error


def _at_index(error: Exception, index: int, kind: Any) -> Exception:
    return _noted(error, IterableValidationNote(f"index {index}", index, kind))


def _at_key(error: Exception, key: str, kind: Any) -> Exception:
    return _noted(error, IterableValidationNote(f"key {key}", key, kind))


def _at_field(error: Exception, name: str, kind: Any) -> Exception:
    return _noted(error, AttributeValidationNote(f"key {name}", name, kind))


def _step(error: BaseException, inside: str) -> str:
    """The path step a member of a validation group adds, read from its cattrs note."""
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f".{note.name}" if inside else note.name
        if isinstance(note, IterableValidationNote):
            index = note.index
            return f"[{index}]" if isinstance(index, int) else f".{index}"
    return ""


def problem_lines(error: BaseException, path: str = "") -> list[tuple[str, str]]:
    """Every problem of a validation group as ``(path, message)``, in the group's order.

    Paths are written as the contract writes them: a key, ``[i]`` for a list item, ``.key``
    inside a mapping (``initiated_by[1]``, ``principles.informed_consent``); a problem of the
    whole document is at ``(document)``.
    """
    if isinstance(error, BaseExceptionGroup):
        lines: list[tuple[str, str]] = []
        for member in error.exceptions:
            lines.extend(problem_lines(member, path + _step(member, path)))
        return lines
    return [(path or DOCUMENT_PATH, str(error))]


# --------------------------------------------------------------------------- value hooks


def _allowed(enum: type[Enum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def _member(enum: type[Enum], value: Any) -> tuple[Any, str | None]:
    """The member ``value`` names, or ``None`` and a message saying why not."""
    if isinstance(value, enum):
        return value, None
    noun = ENUM_NOUNS[enum][0]
    if isinstance(value, str):
        member = MEMBER_BY_VALUE[enum].get(str.__str__(value))
        if member is not None:
            return member, None
        hint = suggestion(enum, value)
        return None, f"{quote(value)} is not {noun}; allowed: {_allowed(enum)}{hint}"
    return None, f"expected {noun} (a string), not {describe(value)}; allowed: {_allowed(enum)}"


def _set_hook(
    enum: type[Enum], interned: dict[frozenset[Any], frozenset[Any]], *, non_empty: bool
) -> Callable[[Any, Any], frozenset[Any]]:
    plural = ENUM_NOUNS[enum][1]

    def hook(value: Any, kind: Any) -> frozenset[Any]:
        if isinstance(value, str):
            raise _ProblemError(
                f"expected a list of {plural}, not {describe(value)} "
                f"(write [{quote(value)}] for a list of one)"
            )
        if not isinstance(value, list):  # contract section 2: a list must be a list
            raise _ProblemError(f"expected a list of {plural}, not {describe(value)}")
        members = []
        problems: list[Exception] = []
        for index, item in enumerate(value):
            member, problem = _member(enum, item)
            if problem is None:
                members.append(member)
            else:
                problems.append(_at_index(_ProblemError(problem), index, enum))
        if non_empty and not value:
            one = ENUM_NOUNS[enum][0].split(" ", 1)[1]
            problems.append(
                _ProblemError(f"must name at least one {one}; allowed: {_allowed(enum)}")
            )
        if problems:
            raise IterableValidationError(f"invalid list of {plural}", problems, kind)
        # Identical sets are the norm in a registry: one shared object each keeps memory low and
        # lets later caches hit on identity. At most 2**9 sets of actors: the table stays small.
        members_set = frozenset(members)
        return interned.setdefault(members_set, members_set)

    return hook


def _bool_hook(value: Any, _: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _ProblemError(f"expected true or false, not {describe(value)}")


def _str_hook(value: Any, _: Any) -> str:
    if type(value) is str and value.isascii():  # the common case: no surrogate can be in it
        return value
    if not isinstance(value, str):
        raise _ProblemError(f"expected a string, not {describe(value)}")
    text = str.__str__(value)
    if not text.isascii():
        problem = text_problem(text)
        if problem is not None:
            raise _ProblemError(f"the text {problem}")
    return text


def _name_hook(value: Any, _: Any) -> str:
    text = _str_hook(value, str)
    if not text:
        raise _ProblemError("must not be empty")
    return text


def _is_country_code(text: str) -> bool:
    return len(text) == 2 and text.isascii() and text.isalpha() and text.isupper()


def _country_hook(value: Any, _: Any) -> str:
    text = _str_hook(value, str)
    if not _is_country_code(text):
        hint = f"; did you mean {quote(text.upper())}?" if _is_country_code(text.upper()) else ""
        raise _ProblemError(
            f"{quote(text)} is not an ISO 3166-1 alpha-2 country code "
            f"(two capital letters, such as 'KE' or 'PH'){hint}"
        )
    return text


def _extra_hook(value: Any, kind: Any) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise _ProblemError(f"expected a mapping (any keys and values), not {describe(value)}")
    problem, found = survey(value, value_problem, key_text)
    if problem is not None:
        raise _ProblemError(problem)
    if found:
        shown = [
            _at_key(_ProblemError(message), path[1:], kind)
            for path, message in found[:_EXTRA_PROBLEMS_SHOWN]
        ]
        if len(found) > _EXTRA_PROBLEMS_SHOWN:
            more = len(found) - _EXTRA_PROBLEMS_SHOWN
            shown.append(_ProblemError(f"and {more:,} more values like these; fix them too"))
        raise IterableValidationError("invalid extra", shown, kind)
    return value


def _principle(key: Any) -> tuple[Principle | None, str | None]:
    """The principle a ``principles`` key names, or ``None`` and a message saying why not."""
    if isinstance(key, Principle):
        return key, None
    how = "use its lower-case name (e.g. 'informed_consent') or its number from 1 to 13"
    if isinstance(key, bool):
        return None, f"{key_text(key)} (a boolean) is not a principle; {how}"
    if isinstance(key, int):
        if key in PRINCIPLE_BY_KEY:
            return PRINCIPLE_BY_KEY[key], None
        shown = number_text(key)
        return None, f"{shown} is not a principle number; the principles are numbered 1 to 13"
    if isinstance(key, str):
        principle = PRINCIPLE_BY_KEY.get(str.__str__(key))
        if principle is not None:
            return principle, None
        names = list(PRINCIPLE_NAME.values())
        return None, (
            f"{quote(key)} is not a principle; allowed: {', '.join(names)} "
            f"(or a number from 1 to 13){close_match(key, names)}"
        )
    return None, f"expected a principle, not {describe(key)}; {how}"


def _shown_key(key: Any) -> str:
    return quote(key) if isinstance(key, str) else key_text(key)


def _principles_hook(value: Any, kind: Any) -> FrozenMap[Principle, Status]:
    if not isinstance(value, Mapping):
        raise _ProblemError(
            f"expected a mapping from principles to statuses, not {describe(value)}"
        )
    result: dict[Principle, Status] = {}
    given_as: dict[Principle, Any] = {}
    problems: list[Exception] = []
    for key, status in value.items():
        principle, problem = _principle(key)
        if principle is None:
            problems.append(_at_key(_ProblemError(problem or ""), key_text(key), kind))
            continue
        name = PRINCIPLE_NAME[principle]
        if principle in given_as:
            problem = (
                f"this principle is given twice, as {_shown_key(given_as[principle])} "
                f"and as {_shown_key(key)}; give it once"
            )
            problems.append(_at_key(_ProblemError(problem), name, kind))
            continue
        given_as[principle] = key
        member, problem = _member(Status, status)
        if problem is None:
            result[principle] = member
        else:
            problems.append(_at_key(_ProblemError(problem), name, kind))
    if problems:
        raise IterableValidationError("invalid principles", problems, kind)
    return FrozenMap(result)


def _mapping_hook(
    key_enum: type[Enum],
    value_check: Callable[[Any], tuple[Any, str | None]],
    what: str,
) -> Callable[[Any, Any], FrozenMap[Any, Any]]:
    def hook(value: Any, kind: Any) -> FrozenMap[Any, Any]:
        if not isinstance(value, Mapping):
            raise _ProblemError(f"expected a mapping {what}, not {describe(value)}")
        result = {}
        problems: list[Exception] = []
        for key, item in value.items():
            member, problem = _member(key_enum, key)
            if problem is None:
                checked, problem = value_check(item)
            if problem is not None:
                problems.append(_at_key(_ProblemError(problem), key_text(key), kind))
            else:
                result[member] = checked
        if problems:
            raise IterableValidationError(f"invalid mapping {what}", problems, kind)
        return FrozenMap(result)

    return hook


def _practice_answer(value: Any) -> tuple[bool | None, str | None]:
    if isinstance(value, bool):
        return value, None
    return None, f"expected true or false, not {describe(value)}"


# --------------------------------------------------------------------------- memoising

_MISSING: Any = object()
Hook = Callable[[Any, Any], Any]


def _remember(results: dict[Any, Any], key: Any, result: Any) -> None:
    if len(results) >= MEMO_SIZE:
        # The oldest goes; another thread may have taken it already.
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del results[next(iter(results))]
    results[key] = result


#: How a memoised hook keys a raw value: a list by the tuple of its items, a mapping by the
#: tuple of its items (with its values' types too, for "typed items"), a text or a boolean by
#: itself.
LIST, ITEMS, TYPED_ITEMS, TEXT, FLAG = "list", "items", "typed items", "text", "flag"
_SHAPE_TYPE = {LIST: list, ITEMS: dict, TYPED_ITEMS: dict, TEXT: str, FLAG: bool}


def _raw_key(value: Any, shape: str) -> Any:
    if shape == LIST:
        return tuple(value)
    if shape in (TEXT, FLAG):
        return value
    items = tuple(value.items())
    return (items, tuple(map(type, value.values()))) if shape == TYPED_ITEMS else items


def _all_text(value: Any, shape: str) -> bool:
    """Whether ``value`` is made of exact ``str`` only (typed items: its keys are)."""
    if shape == LIST:
        return all(type(item) is str for item in value)
    if shape in (TEXT, FLAG):
        return True
    keys_are_text = all(type(key) is str for key in value)
    return keys_are_text and (shape == TYPED_ITEMS or all(type(v) is str for v in value.values()))


def memoised(hook: Hook, shape: str) -> Hook:
    """``hook``, remembering its result for each raw value it has checked, keyed by ``shape``.

    Only values of exact type (``list``, ``dict``, ``str``) made of exact ``str`` are
    remembered: any value equal to such a key is then made of the same texts (``1 == True`` and
    ``1 == 1.0`` cannot confuse a key of strings), for which the hook returns the same result;
    with ``TYPED_ITEMS`` the values' types are part of the key (``True == 1``). At most
    `MEMO_SIZE` values are remembered, the oldest going first. The memo is the function's
    ``remembered`` attribute, and ``shape`` says how it is keyed.
    """
    results: dict[Any, Any] = {}
    exact = _SHAPE_TYPE[shape]

    def remembering(value: Any, kind: Any) -> Any:
        if type(value) is not exact:
            return hook(value, kind)
        try:
            key = _raw_key(value, shape)
            hit = results.get(key, _MISSING)
        except Exception:  # items that cannot be hashed: nothing to remember them by
            return hook(value, kind)
        if hit is not _MISSING:
            return hit
        result = hook(value, kind)
        if _all_text(value, shape):
            _remember(results, key, result)
        return result

    remembering.remembered = results  # type: ignore[attr-defined]
    remembering.shape = shape  # type: ignore[attr-defined]
    return remembering


# --------------------------------------------------------------------------- the document


def _unknown_key(key: Any) -> str:
    hint = close_match(key, DOCUMENT_KEYS)
    if hint:
        return f"unknown key{hint}"
    return f"unknown key; allowed keys: {', '.join(DOCUMENT_KEYS)}"


def _unreadable(error: Exception) -> str:
    """A problem for a value (a Python object) that raised while it was being read."""
    try:
        detail = str(error)
    except Exception:
        detail = ""
    detail = f": {detail[:200]}" if detail else ""
    return f"cannot be read: reading it raised {type(error).__name__}{detail}"


def _document_hook(conv: cattrs.Converter) -> Hook:
    """The hook for a whole document: each key through its own hook, every problem at once."""
    fields: dict[str, tuple[str, Hook, Any]] = {
        key: (key, conv.get_structure_hook(kind), kind) for key, kind in FIELD_TYPES.items()
    }
    rank = {key: index for index, key in enumerate(DOCUMENT_KEYS)}
    unknown_rank = len(DOCUMENT_KEYS)
    first, second = REQUIRED_KEYS
    get = fields.get

    def collect(document: Any) -> Initiative:
        """Every key through its hook, gathering every problem (the path of doubtful documents)."""
        if not isinstance(document, Mapping):
            problem = f"expected a mapping of keys to values, not {describe(document)}"
            raise ClassValidationError("not a document", [_ProblemError(problem)], Initiative)
        values: dict[str, Any] = {}
        problems: list[tuple[int, str, Exception]] = []
        try:
            for key, value in document.items():
                field = get(str.__str__(key)) if isinstance(key, str) else None
                if field is None:
                    problems.append((unknown_rank, key_text(key), _ProblemError(_unknown_key(key))))
                    continue
                if value is None:  # null means the same as absent
                    continue
                name, hook, kind = field
                try:
                    values[name] = hook(value, kind)
                except (_ProblemError, BaseValidationError) as error:
                    problems.append((rank[name], name, error))
                except Exception as error:  # a Python object that fails as it is read
                    problems.append((rank[name], name, _ProblemError(_unreadable(error))))
            for key in REQUIRED_KEYS:
                if key not in values and not any(path == key for _, path, _ in problems):
                    message = "this key is required"
                    if key in document:  # its value was null
                        message += "; null counts as absent"
                    problems.append((rank[key], key, _ProblemError(message)))
        except Exception as error:  # the mapping itself fails as it is read
            raise ClassValidationError(
                "unreadable document", [_ProblemError(_unreadable(error))], Initiative
            ) from None
        if problems:
            problems.sort(key=lambda problem: problem[0])  # stable: document order within a key
            raise ClassValidationError(
                "invalid initiative document",
                [_at_field(error, path, Initiative) for _, path, error in problems],
                Initiative,
            )
        return Initiative(**values)

    # What the loop below looks up first: each memoised hook's memo, for its plain shape.
    memos: dict[str, tuple[Hook, Any, dict[Any, Any] | None, str | None]] = {}
    for key, (_, hook, kind) in fields.items():
        shape = getattr(hook, "shape", None)
        memo = getattr(hook, "remembered", None) if shape in (LIST, ITEMS, TEXT, FLAG) else None
        memos[key] = (hook, kind, memo, shape if memo is not None else None)
    memo_of = memos.get

    def structure(document: Any, _: Any) -> Initiative:
        # The same hooks, in a loop that stops at the first doubt (an unknown key, a problem,
        # an item that cannot be hashed) and leaves the document to `collect`, which gathers
        # every problem. A raw value its hook has seen is looked up in the hook's own memo here,
        # which saves a call per key.
        if type(document) is dict:
            values: dict[str, Any] = {}
            try:
                for key, value in document.items():
                    hook, kind, memo, shape = memo_of(key)  # type: ignore[misc]  # None: unknown
                    if value is None:
                        continue
                    found = _MISSING
                    if memo is not None:
                        if shape is LIST:
                            if type(value) is list:
                                found = memo.get(tuple(value), _MISSING)
                        elif shape is FLAG:
                            if type(value) is bool:
                                found = memo.get(value, _MISSING)
                        elif shape is TEXT:
                            if type(value) is str:
                                found = memo.get(value, _MISSING)
                        elif type(value) is dict:
                            found = memo.get(tuple(value.items()), _MISSING)
                    values[key] = hook(value, kind) if found is _MISSING else found
                if first in values and second in values:
                    return Initiative(**values)
            except Exception:  # `collect` finds it again and says what it was
                pass
        return collect(document)

    return structure


def _equals(kind: Any) -> Callable[[Any], bool]:
    def predicate(other: Any) -> bool:
        return bool(other == kind)

    return predicate


def build_converter() -> cattrs.Converter:
    """A converter configured for initiative documents, with memos of its own.

    Every converter built here checks documents the same way; each has its own memo of raw
    values (bounded by `MEMO_SIZE` per hook) and its own table of shared sets.
    """
    conv = cattrs.Converter()
    interned: dict[frozenset[Any], frozenset[Any]] = {}
    hooks: dict[Any, Hook] = {
        Name: _name_hook,
        CountryCode: memoised(_country_hook, TEXT),
        str: _str_hook,
        bool: memoised(_bool_hook, FLAG),
        Initiators: memoised(_set_hook(Actor, interned, non_empty=True), LIST),
        FrozenMap[Principle, Status]: memoised(_principles_hook, ITEMS),
        FrozenMap[str, Any]: _extra_hook,
        FrozenMap[Practice, bool]: memoised(
            _mapping_hook(Practice, _practice_answer, "from practices to true or false"),
            TYPED_ITEMS,
        ),
        FrozenMap[ParticipationAspect, ParticipationLevel]: memoised(
            _mapping_hook(
                ParticipationAspect,
                functools.partial(_member, ParticipationLevel),
                "from aspects of participation to levels",
            ),
            ITEMS,
        ),
    }
    for enum in ENUM_NOUNS:
        set_hook = memoised(_set_hook(enum, interned, non_empty=False), LIST)
        hooks[frozenset[enum]] = set_hook  # type: ignore[valid-type]
    for kind, hook in hooks.items():
        if isinstance(kind, type):  # plain classes dispatch before predicates: register directly
            conv.register_structure_hook(kind, hook)
        else:
            conv.register_structure_hook_func(_equals(kind), hook)
    conv.register_structure_hook(Initiative, _document_hook(conv))
    return conv


#: The one configured converter of the library.
converter: cattrs.Converter = build_converter()

_structure = converter.get_structure_hook(Initiative)


def structure_initiative(document: object) -> Initiative:
    """Check a parsed ``document`` against contract section 2 and build its `Initiative`.

    This is the one way documents become initiatives: `copenhagen.load_initiative`, the batch
    and the command line all come here. A string is a value like any other (not a path): it
    is not a mapping, so it is refused.

    Args:
        document: The parsed document: a mapping of keys to values.

    Returns:
        The initiative.

    Raises:
        InvalidInitiativeError: With every problem of the document, each with its path; a
            value that is not a mapping gives "expected a mapping ..." at ``(document)``.
    """
    try:
        return _structure(document, Initiative)  # type: ignore[no-any-return]
    except BaseValidationError as group:
        problems = problem_lines(group)
    raise InvalidInitiativeError(problems)


def document_errors(document: object) -> list[tuple[str, str]]:
    """Every problem of a parsed ``document`` as ``(path, message)`` pairs; empty if valid."""
    try:
        _structure(document, Initiative)
    except BaseValidationError as group:
        return problem_lines(group)
    return []
