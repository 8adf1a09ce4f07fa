"""Hypothesis strategies for initiatives: enum members, valid and invalid documents, `Initiative`.

Public API for property-testing code that consumes initiatives. Hypothesis is an optional
dependency (the ``strategies`` extra)::

    from hypothesis import given
    from copenhagen.strategies import initiatives

    @given(initiatives(initiated_by=frozenset({Actor.CSO})))
    def test_my_function(initiative): ...

Every strategy can fix keys (a value, or a strategy drawing one) and say how often facts are
unknown. Names and ``extra`` are kept small so that examples are fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from copenhagen._version import DISTRIBUTION

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - exercised by a test that hides hypothesis
    raise ImportError(
        "copenhagen.strategies needs Hypothesis, which is not installed; "
        f"install it with: pip install '{DISTRIBUTION}[strategies]'"
    ) from None

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
    Stage,
)
from copenhagen.model import DOCUMENT_KEYS, Initiative, Status

if TYPE_CHECKING:
    from copenhagen.assessor import Assessor
    from copenhagen.readings.space import FactSpace

__all__ = ["documents", "initiatives", "invalid_documents", "members"]

E = TypeVar("E", bound=Enum)

_COUNTRIES = ("KE", "GH", "PH", "DK", "CO", "NP", "BR", "IN", "ZA", "US", "NO")
_FIELDS = tuple(field.name for field in attrs.fields(Initiative))
_FLAGS = ("meaningful_engagement", "integrated_into_official_statistics", "quality_assured")
_SET_ENUMS: dict[str, type[Enum]] = {
    "partners": Actor,
    "funders": Actor,
    "objectives": Objective,
}

# Small JSON values for `extra`: quick to generate, and exactly what a JSON document can hold.
_JSON_SCALARS = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=8)
_JSON = st.recursive(
    _JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
_NAMES = st.text(min_size=1, max_size=12)
_KEY_FORMS = st.sampled_from(("name", "number", "text"))
_DESCRIPTIONS = st.text(max_size=20)
_COUNTRY = st.sampled_from(_COUNTRIES)
_EXTRA = st.dictionaries(st.text(max_size=6), _JSON, max_size=3)


@functools.cache
def members(enum_cls: type[E]) -> st.SearchStrategy[E]:
    """Any member of ``enum_cls`` (shrinking towards the first declared)."""
    return st.sampled_from(list(enum_cls))


# Strategies are built once: building them inside every draw costs far more than drawing.
_PER_MILLE = st.integers(0, 999)
_BOOLS = st.booleans()


@functools.cache
def _value_lists(enum: type[Enum], min_size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(members(enum), min_size=min_size, max_size=4).map(
        lambda chosen: [member.value for member in chosen]
    )


@functools.cache
def _unique_members(enum: type[Enum], max_size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(members(enum), max_size=max_size, unique=True)


def _check_probability(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"unknown_probability must be between 0 and 1, not {p!r}")


def _check_keys(given: Mapping[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError(f"unknown {what}: {', '.join(unknown)}; allowed: {', '.join(allowed)}")


def _fixed(draw: Callable[[st.SearchStrategy[Any]], Any], value: Any) -> Any:
    return draw(value) if isinstance(value, st.SearchStrategy) else value


def _unknown(draw: Callable[[st.SearchStrategy[Any]], Any], p: float) -> bool:
    return p > 0 and draw(_PER_MILLE) < round(p * 1000)


def _written_list(
    draw: Callable[[st.SearchStrategy[Any]], Any], enum: type[Enum], *, min_size: int
) -> list[Any]:
    """Values of ``enum`` as a document writes them: any order, repeats allowed."""
    return draw(_value_lists(enum, min_size))  # type: ignore[no-any-return]


def _principle_key(draw: Callable[[st.SearchStrategy[Any]], Any], principle: Principle) -> Any:
    form = draw(_KEY_FORMS)
    if form == "name":
        return principle.name.lower()
    return principle.value if form == "number" else str(principle.value)


@st.composite
def _document(
    draw: Callable[[st.SearchStrategy[Any]], Any], p: float, fixed: dict[str, Any]
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": draw(_NAMES),
        "initiated_by": _written_list(draw, Actor, min_size=1),
    }
    for key, enum in _SET_ENUMS.items():
        if draw(_BOOLS):
            doc[key] = _written_list(draw, enum, min_size=0)
    if _unknown(draw, p):
        if draw(_BOOLS):
            doc["engaged_stages"] = None
    else:
        doc["engaged_stages"] = _written_list(draw, Stage, min_size=0)
    for key in _FLAGS:
        if _unknown(draw, p):
            if draw(_BOOLS):
                doc[key] = None
        else:
            doc[key] = draw(_BOOLS)
    if draw(_BOOLS):
        chosen = draw(_unique_members(Principle, 5))
        doc["principles"] = {_principle_key(draw, pr): draw(members(Status)).value for pr in chosen}
    if draw(_BOOLS):
        doc["description"] = draw(_DESCRIPTIONS)
    if draw(_BOOLS):
        doc["country"] = draw(_COUNTRY)
    if draw(_BOOLS):
        doc["extra"] = draw(_EXTRA)
    if draw(_BOOLS):
        chosen = draw(_unique_members(Practice, 4))
        doc["practices"] = {pr.value: draw(_BOOLS) for pr in chosen}
    if draw(_BOOLS):
        chosen = draw(_unique_members(ParticipationAspect, 4))
        doc["participation"] = {a.value: draw(members(ParticipationLevel)).value for a in chosen}
    for key, value in fixed.items():
        doc[key] = _fixed(draw, value)
    return doc


def documents(
    *, unknown_probability: float = 0.3, assessor: Assessor | None = None, **fixed_keys: Any
) -> st.SearchStrategy[dict[str, Any]]:
    """Valid initiative documents (contract section 2), as a JSON or YAML file would hold them.

    Lists come in any order with repeats, principles are keyed by name, number or number as a
    string, and optional keys are sometimes absent and sometimes ``null``.

    Args:
        unknown_probability: How often each of ``engaged_stages`` and the three yes/no facts is
            unknown (absent or ``null``), from 0 to 1.
        assessor: A reading (a `copenhagen.Assessor` with its layers) to test: the keys its
            decision rules read are drawn class by class, as for `initiatives`.
        **fixed_keys: Document keys to fix, each to a value or a strategy for values, e.g.
            ``documents(initiated_by=["cso"], meaningful_engagement=None)``.

    Returns:
        A strategy for plain dicts that `copenhagen.load_initiative` accepts.
    """
    _check_probability(unknown_probability)
    _check_keys(fixed_keys, DOCUMENT_KEYS, "document keys")
    reading = {} if assessor is None else _reading_fields(assessor, unknown_probability)
    written = {
        key: strategy.flatmap(_as_written)
        for key, strategy in reading.items()
        if key not in fixed_keys
    }
    return _document(unknown_probability, {**written, **fixed_keys})


def _as_written(value: frozenset[Any] | bool | None) -> st.SearchStrategy[Any]:
    """A fact as a document writes it: a list in any order (``None`` and booleans as they are)."""
    if not isinstance(value, frozenset):
        return st.just(value)
    from copenhagen.rules.conditions import ordered

    return st.permutations([member.value for member in ordered(value)])


@st.composite
def _of_class(
    draw: Callable[[st.SearchStrategy[Any]], Any], space: FactSpace, key: str, p: float
) -> Any:
    """A value of fact ``key``: a class of the reading's first, then a value of that class.

    A set's class is the groups of members it meets (members every condition treats alike):
    how many groups is drawn first (as likely one as all), then which, one member of each,
    then maybe more members of the same groups.
    """
    from copenhagen.rules.conditions import ordered

    values = space.representatives(key)
    if None in values and _unknown(draw, p):
        return None
    known = [v for v in values if v is not None]
    if not isinstance(known[0], frozenset):
        return draw(st.sampled_from(known))
    groups = [next(iter(v)) for v in known if len(v) == 1]
    size = draw(st.integers(1 if key == "initiated_by" else 0, len(groups)))
    chosen = frozenset(
        draw(st.lists(st.sampled_from(groups), min_size=size, max_size=size, unique=True))
    )
    alike = ordered({m for member in chosen for m in space.alike(key, member)})
    more = draw(st.frozensets(st.sampled_from(alike), max_size=3)) if alike else frozenset()
    return chosen | more


def _reading_fields(assessor: Assessor, p: float) -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the `Initiative` fields a reading's decision rules read, class by class."""
    from copenhagen.readings.space import FactSpace
    from copenhagen.rules.facts import FACTS

    space = FactSpace(assessor.decision_rule_sets)
    return {key: _of_class(space, key, p) for key in space.keys if FACTS[key].item is None}


def _member_set(enum: type[Enum], *, min_size: int = 0) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(members(enum), min_size=min_size, max_size=4)


@st.composite
def _flag(draw: Callable[[st.SearchStrategy[Any]], Any], p: float) -> bool | None:
    return None if _unknown(draw, p) else bool(draw(_BOOLS))


@st.composite
def _stages(draw: Callable[[st.SearchStrategy[Any]], Any], p: float) -> frozenset[Stage] | None:
    return None if _unknown(draw, p) else draw(_member_set(Stage))


def _field_strategies(p: float) -> dict[str, st.SearchStrategy[Any]]:
    return {
        "name": _NAMES,
        "initiated_by": _member_set(Actor, min_size=1),
        "partners": _member_set(Actor),
        "funders": _member_set(Actor),
        "objectives": _member_set(Objective),
        "engaged_stages": _stages(p),
        "meaningful_engagement": _flag(p),
        "integrated_into_official_statistics": _flag(p),
        "quality_assured": _flag(p),
        "principles": st.dictionaries(members(Principle), members(Status), max_size=5).map(
            FrozenMap
        ),
        "description": st.none() | _DESCRIPTIONS,
        "country": st.none() | _COUNTRY,
        "extra": _EXTRA,
        "practices": st.dictionaries(members(Practice), _BOOLS, max_size=4).map(FrozenMap),
        "participation": st.dictionaries(
            members(ParticipationAspect), members(ParticipationLevel), max_size=4
        ).map(FrozenMap),
    }


def initiatives(
    *, unknown_probability: float = 0.3, assessor: Assessor | None = None, **fixed_fields: Any
) -> st.SearchStrategy[Initiative]:
    """`Initiative` objects, drawn field by field (not through documents, for speed).

    Args:
        unknown_probability: How often each of ``engaged_stages`` and the three yes/no facts is
            ``None`` (unknown), from 0 to 1.
        assessor: A reading (a `copenhagen.Assessor` with its layers) to test. The facts its
            decision rules read are then drawn class by class: first one of the distinctions
            its conditions can see (which actors or sides, empty or not; the simplest first,
            so Hypothesis shrinks towards them), then a value of that class. Every rule of the
            reading is reached with few examples.
        **fixed_fields: Fields to fix, each to a model value or a strategy for values, e.g.
            ``initiatives(initiated_by=frozenset({Actor.CSO}), meaningful_engagement=True)``.

    Returns:
        A strategy for initiatives that `copenhagen.dump_initiative` round-trips.
    """
    _check_probability(unknown_probability)
    _check_keys(fixed_fields, _FIELDS, "Initiative fields")
    fields = _field_strategies(unknown_probability)
    if assessor is not None:
        fields.update(_reading_fields(assessor, unknown_probability))
    for name, value in fixed_fields.items():
        fields[name] = value if isinstance(value, st.SearchStrategy) else st.just(value)
    return st.fixed_dictionaries(fields).map(lambda values: Initiative(**values))


# Each mutation takes a valid document and a draw function, changes one thing and returns the
# path of the single problem it made.
Mutation = Callable[[dict[str, Any], Callable[[st.SearchStrategy[Any]], Any]], str]


def _unknown_key(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(("partner", "Name", "stages", "country_code", "notes")))
    doc[key] = draw(_JSON_SCALARS)
    return key


def _missing_required(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(("name", "initiated_by")))
    if draw(_BOOLS):
        del doc[key]
    else:
        doc[key] = None
    return key


def _bad_member(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key = draw(
        st.sampled_from(("initiated_by", "partners", "funders", "objectives", "engaged_stages"))
    )
    items = list(doc.get(key) or [])
    if key == "initiated_by" and not items:
        items = ["cso"]
    index = draw(st.integers(0, len(items)))
    bad = draw(st.sampled_from(("partner", "NSO", "", 3, True, None, ["cso"], "citizen")))
    items.insert(index, bad)
    doc[key] = items
    return f"{key}[{index}]"


def _not_a_list(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(("initiated_by", "partners", "objectives", "engaged_stages")))
    doc[key] = draw(st.sampled_from(("cso", "design", 1, True, {"cso": True})))
    return key


def _empty_initiators(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    doc["initiated_by"] = []
    return "initiated_by"


def _bad_flag(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(_FLAGS))
    doc[key] = draw(st.sampled_from(("yes", "false", "true", 0, 1, 1.0, [True], "no")))
    return key


def _bad_string(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(("name", "description", "country")))
    doc[key] = draw(st.sampled_from((3, True, ["x"], {"a": 1})))
    return key


def _bad_text(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    if draw(_BOOLS):
        doc["name"] = ""
        return "name"
    doc["country"] = draw(st.sampled_from(("ke", "Kenya", "KEN", "K", "", "K1", "É1", "KE ")))
    return "country"


def _principles_without(doc: dict[str, Any], principle: Principle) -> dict[Any, Any]:
    forms = {principle.name.lower(), principle.value, str(principle.value)}
    return {k: v for k, v in (doc.get("principles") or {}).items() if k not in forms}


def _bad_principle_key(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    principles = dict(doc.get("principles") or {})
    key = draw(
        st.sampled_from(("consent", "Independence", 0, 14, "14", "04", True, "informed consent"))
    )
    if key is True:  # True == 1 as a dict key: drop principle 1 written as a number first
        principles = {k: v for k, v in principles.items() if isinstance(k, str) or k != 1}
    principles[key] = "met"
    doc["principles"] = principles
    return "principles." + ("true" if key is True else str(key))


def _bad_status(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    principle = draw(members(Principle))
    principles = _principles_without(doc, principle)
    principles[_principle_key(draw, principle)] = draw(
        st.sampled_from(("yes", "MET", True, 1, None, "partly"))
    )
    doc["principles"] = principles
    return f"principles.{principle.name.lower()}"


def _twice(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    principle = draw(members(Principle))
    principles = _principles_without(doc, principle)
    principles[principle.name.lower()] = "met"
    principles[draw(st.sampled_from((principle.value, str(principle.value))))] = "met"
    doc["principles"] = principles
    return f"principles.{principle.name.lower()}"


def _bad_mapping(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    key: str = draw(st.sampled_from(("principles", "extra", "practices", "participation")))
    doc[key] = draw(st.sampled_from(("met", ["a"], 1, True)))
    return key


def _bad_practice(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    practices = dict(doc.get("practices") or {})
    if draw(_BOOLS):
        practices["consent"] = True
        doc["practices"] = practices
        return "practices.consent"
    practice = draw(members(Practice))
    practices[practice.value] = draw(st.sampled_from(("yes", 1, None)))
    doc["practices"] = practices
    return f"practices.{practice.value}"


def _bad_participation(doc: dict[str, Any], draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    ratings = dict(doc.get("participation") or {})
    if draw(_BOOLS):
        ratings["depth"] = "high"
        doc["participation"] = ratings
        return "participation.depth"
    aspect = draw(members(ParticipationAspect))
    ratings[aspect.value] = draw(st.sampled_from(("very high", 3, None, "HIGH")))
    doc["participation"] = ratings
    return f"participation.{aspect.value}"


_MUTATIONS: tuple[Mutation, ...] = (
    _unknown_key,
    _missing_required,
    _bad_member,
    _not_a_list,
    _empty_initiators,
    _bad_flag,
    _bad_string,
    _bad_text,
    _bad_principle_key,
    _bad_status,
    _twice,
    _bad_mapping,
    _bad_practice,
    _bad_participation,
)


@st.composite
def _invalid(draw: Callable[[st.SearchStrategy[Any]], Any]) -> tuple[dict[str, Any], str]:
    doc = draw(documents())
    mutation = draw(st.sampled_from(_MUTATIONS))
    return doc, mutation(doc, draw)


def invalid_documents() -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """Documents with exactly one problem, each with the path of that problem.

    Each is a valid document from `documents` with one thing broken: an unknown or missing key,
    a bad list item, a value of the wrong kind, a bad principle key or status, a principle given
    twice, a bad practice or participation rating. Loading one raises
    `copenhagen.InvalidInitiativeError` whose only error has the returned path.
    """
    return _invalid()
