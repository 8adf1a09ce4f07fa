"""The one configured cattrs converter: document values in, model values out (contract section 2).

Each field of `Initiative` has a structure hook, chosen by the field's type as the model declares
it, that checks the value without coercing it and reports every problem it finds (with the
path below the key). `structure_document` runs the hooks over a whole document and raises one
`InvalidInitiativeError` holding every problem at once. `converter.structure(doc, Initiative)`
does the same, trying the fast path first.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, NewType

import attrs
import cattrs

from copenhagen._frozen import FrozenMap
from copenhagen.documents._fast import fast_structure
from copenhagen.documents._tables import (
    ENUM_NOUNS,
    EXTRA_MAX_DEPTH,
    MEMBER_BY_VALUE,
    PRINCIPLE_BY_KEY,
    PRINCIPLE_NAME,
    intern_set,
    nesting_depth,
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
    "REQUIRED_KEYS",
    "CountryCode",
    "Initiators",
    "Name",
    "converter",
    "document_problems",
    "structure_document",
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


class _ProblemsError(Exception):
    """Raised by a hook: the problems of one value, as (path below the key, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


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
        values = [str(m.value) for m in enum]
        hint = close_match(value, values)
        return None, f"{quote(value)} is not {noun}; allowed: {_allowed(enum)}{hint}"
    return None, f"expected {noun} (a string), not {describe(value)}; allowed: {_allowed(enum)}"


def _set_hook(enum: type[Enum], *, non_empty: bool) -> Callable[[Any, Any], frozenset[Any]]:
    plural = ENUM_NOUNS[enum][1]

    def hook(value: Any, _: Any) -> frozenset[Any]:
        if isinstance(value, str):
            raise _ProblemsError(
                [
                    (
                        "",
                        f"expected a list of {plural}, not {describe(value)} "
                        f"(write [{quote(value)}] for a list of one)",
                    )
                ]
            )
        if not isinstance(value, list):  # contract section 2: a list must be a list
            raise _ProblemsError([("", f"expected a list of {plural}, not {describe(value)}")])
        members = []
        problems = []
        for index, item in enumerate(value):
            member, problem = _member(enum, item)
            if problem is None:
                members.append(member)
            else:
                problems.append((f"[{index}]", problem))
        if non_empty and not value:
            one = ENUM_NOUNS[enum][0].split(" ", 1)[1]
            problems.append(("", f"must name at least one {one}; allowed: {_allowed(enum)}"))
        if problems:
            raise _ProblemsError(problems)
        return intern_set(frozenset(members))

    return hook


def _bool(value: Any, where: str = "") -> tuple[bool | None, list[tuple[str, str]]]:
    if isinstance(value, bool):
        return value, []
    return None, [(where, f"expected true or false, not {describe(value)}")]


def _bool_hook(value: Any, _: Any) -> bool:
    result, problems = _bool(value)
    if problems:
        raise _ProblemsError(problems)
    return bool(result)


def _str_hook(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _ProblemsError([("", f"expected a string, not {describe(value)}")])
    return str.__str__(value)


def _name_hook(value: Any, _: Any) -> str:
    text = _str_hook(value, str)
    if not text:
        raise _ProblemsError([("", "must not be empty")])
    return text


def _is_country_code(text: str) -> bool:
    return len(text) == 2 and text.isascii() and text.isalpha() and text.isupper()


def _country_hook(value: Any, _: Any) -> str:
    text = _str_hook(value, str)
    if not _is_country_code(text):
        hint = f"; did you mean {quote(text.upper())}?" if _is_country_code(text.upper()) else ""
        raise _ProblemsError(
            [
                (
                    "",
                    f"{quote(text)} is not an ISO 3166-1 alpha-2 country code "
                    f"(two capital letters, such as 'KE' or 'PH'){hint}",
                )
            ]
        )
    return text


def _extra_hook(value: Any, _: Any) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise _ProblemsError(
            [("", f"expected a mapping (any keys and values), not {describe(value)}")]
        )
    if nesting_depth(value, EXTRA_MAX_DEPTH) > EXTRA_MAX_DEPTH:
        raise _ProblemsError(
            [("", f"nests more than {EXTRA_MAX_DEPTH} levels deep; flatten it or store it apart")]
        )
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
        return None, f"{key} is not a principle number; the principles are numbered 1 to 13"
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


def _principles_hook(value: Any, _: Any) -> FrozenMap[Principle, Status]:
    if not isinstance(value, Mapping):
        raise _ProblemsError(
            [("", f"expected a mapping from principles to statuses, not {describe(value)}")]
        )
    result: dict[Principle, Status] = {}
    given_as: dict[Principle, Any] = {}
    problems: list[tuple[str, str]] = []
    for key, status in value.items():
        principle, problem = _principle(key)
        if principle is None:
            problems.append((f".{key_text(key)}", problem or ""))
            continue
        where = f".{PRINCIPLE_NAME[principle]}"
        if principle in given_as:
            problems.append(
                (
                    where,
                    f"this principle is given twice, as {_shown_key(given_as[principle])} "
                    f"and as {_shown_key(key)}; give it once",
                )
            )
            continue
        given_as[principle] = key
        member, problem = _member(Status, status)
        if problem is None:
            result[principle] = member
        else:
            problems.append((where, problem))
    if problems:
        raise _ProblemsError(problems)
    return FrozenMap(result)


def _mapping_hook(
    key_enum: type[Enum],
    value_check: Callable[[Any], tuple[Any, str | None]],
    what: str,
) -> Callable[[Any, Any], FrozenMap[Any, Any]]:
    def hook(value: Any, _: Any) -> FrozenMap[Any, Any]:
        if not isinstance(value, Mapping):
            raise _ProblemsError([("", f"expected a mapping {what}, not {describe(value)}")])
        result = {}
        problems: list[tuple[str, str]] = []
        for key, item in value.items():
            where = f".{key_text(key)}"
            member, problem = _member(key_enum, key)
            if problem is not None:
                problems.append((where, problem))
                continue
            checked, problem = value_check(item)
            if problem is not None:
                problems.append((where, problem))
            else:
                result[member] = checked
        if problems:
            raise _ProblemsError(problems)
        return FrozenMap(result)

    return hook


def _practice_answer(value: Any) -> tuple[bool | None, str | None]:
    result, problems = _bool(value)
    return result, problems[0][1] if problems else None


def _equals(kind: Any) -> Callable[[Any], bool]:
    def predicate(other: Any) -> bool:
        return bool(other == kind)

    return predicate


def _build_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    hooks: dict[Any, Callable[[Any, Any], Any]] = {
        Name: _name_hook,
        CountryCode: _country_hook,
        str: _str_hook,
        bool: _bool_hook,
        Initiators: _set_hook(Actor, non_empty=True),
        FrozenMap[Principle, Status]: _principles_hook,
        FrozenMap[str, Any]: _extra_hook,
        FrozenMap[Practice, bool]: _mapping_hook(
            Practice, _practice_answer, "from practices to true or false"
        ),
        FrozenMap[ParticipationAspect, ParticipationLevel]: _mapping_hook(
            ParticipationAspect,
            functools.partial(_member, ParticipationLevel),
            "from aspects of participation to levels",
        ),
    }
    for enum in ENUM_NOUNS:
        hooks[frozenset[enum]] = _set_hook(enum, non_empty=False)  # type: ignore[valid-type]
    for kind, hook in hooks.items():
        if isinstance(kind, type):  # plain classes dispatch before predicates: register directly
            conv.register_structure_hook(kind, hook)
        else:
            conv.register_structure_hook_func(_equals(kind), hook)
    conv.register_structure_hook(Initiative, _structure_initiative)
    return conv


def _unknown_key(key: Any) -> str:
    hint = close_match(key, DOCUMENT_KEYS)
    if hint:
        return f"unknown key{hint}"
    return f"unknown key; allowed keys: {', '.join(DOCUMENT_KEYS)}"


_ORDER = {key: index for index, key in enumerate(DOCUMENT_KEYS)}


def document_problems(document: Any) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Structure each key of ``document``; return the model values and every problem found."""
    if not isinstance(document, Mapping):
        return {}, [
            (DOCUMENT_PATH, f"expected a mapping of keys to values, not {describe(document)}")
        ]
    values: dict[str, Any] = {}
    found: list[tuple[int, str, str]] = []
    for key, value in document.items():
        kind = FIELD_TYPES.get(key) if isinstance(key, str) else None
        if kind is None:
            found.append((len(_ORDER), key_text(key), _unknown_key(key)))
            continue
        if value is None:  # null means the same as absent
            continue
        try:
            values[key] = converter.structure(value, kind)
        except _ProblemsError as problems:
            found.extend((_ORDER[key], key + path, message) for path, message in problems.problems)
    for key in REQUIRED_KEYS:
        if key not in document:
            found.append((_ORDER[key], key, "this key is required"))
        elif document[key] is None:
            found.append((_ORDER[key], key, "this key is required; null counts as absent"))
    found.sort(key=lambda problem: problem[0])  # stable: document order within a key
    return values, [(path, message) for _, path, message in found]


def structure_document(document: Any) -> Initiative:
    """Check ``document`` against contract section 2 and build its `Initiative`.

    Raises:
        InvalidInitiativeError: With every problem of the document.
    """
    values, problems = document_problems(document)
    if problems:
        raise InvalidInitiativeError(problems)
    return Initiative(**values)


def _structure_initiative(document: Any, _: Any) -> Initiative:
    return fast_structure(document) or structure_document(document)


#: The one configured converter of the library.
converter: cattrs.Converter = _build_converter()
