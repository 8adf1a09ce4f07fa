"""One PPSR-Core project to one initiative document, by the table of `copenhagen.ppsr.fields`.

The document holds only what the record states. What it leaves undecided is listed in
``unknown`` (document keys, in contract section 2's order), and what it did not use in ``unused``
(the record's fields, or single items of them, in the record's order). A party becomes an actor
only through the user's parties table. A field of the wrong type makes the project unreadable,
with its path: nothing is coerced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from copenhagen.framework import Actor, Stage
from copenhagen.model import DOCUMENT_KEYS
from copenhagen.ppsr.fields import FIELDS, PARTY_ROLES, PROCESS_TERMS, PartyRole
from copenhagen.ppsr.parties import Parties
from copenhagen.ppsr.reading import PROJECT, hostile_problems

__all__ = ["Conversion", "batch_problems", "convert_project"]

Errors = tuple[tuple[str, str], ...]

_STAGES = {term.term: term.stage for term in PROCESS_TERMS}
_ACTORS = ", ".join(a.value for a in Actor)
_ROLES = {role.value: role for role in PartyRole}


@attrs.frozen(slots=True)
class Conversion:
    """One project read from a PPSR-Core registry.

    Attributes:
        position: The project's number in the registry's list, from 1.
        document: The initiative document: only what the record states (empty if unreadable).
        unknown: Document keys the record does not decide, in contract section 2's order.
        unused: The record's fields (or items of them) that were not mapped, in record order.
        errors: ``(path, message)`` pairs when the project could not be read; empty otherwise.
        pending: Parties named in the record but missing from the parties table:
            ``(document key, role or "responsible", name)``.
    """

    position: int
    document: dict[str, Any] = attrs.field(factory=dict)
    unknown: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()
    errors: Errors = ()
    pending: tuple[tuple[str, str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the project was read."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The line ``copenhagen convert`` writes (contract section 8).

        ``{"position", "document", "unknown", "unused"}`` for a project read; for one that
        could not be, ``{"position", "errors": [[path, message], ...]}`` as a bad batch row.
        """
        if self.errors:
            return {"position": self.position, "errors": [list(e) for e in self.errors]}
        return {
            "position": self.position,
            "document": self.document,
            "unknown": list(self.unknown),
            "unused": list(self.unused),
        }


@attrs.define
class _Reading:
    """What the handlers gather from one record."""

    parties: Parties
    document: dict[str, Any] = attrs.field(factory=dict)
    actors: dict[str, set[Actor]] = attrs.field(factory=dict)  # partners, funders
    undecided: set[str] = attrs.field(factory=set)
    unused: list[str] = attrs.field(factory=list)
    errors: list[tuple[str, str]] = attrs.field(factory=list)
    pending: list[tuple[str, str, str]] = attrs.field(factory=list)

    def wrong(self, path: str, expected: str, value: Any) -> None:
        self.errors.append((path, f"expected {expected}, found {_kind(value)}"))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    kinds = {str: "text", int: "a number", float: "a number", dict: "an object", list: "a list"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)


def _text(reading: _Reading, path: str, value: Any) -> str | None:
    if isinstance(value, str):
        return value
    reading.wrong(path, "text", value)
    return None


def _name(reading: _Reading, value: Any) -> None:
    text = _text(reading, "projectName", value)
    if text is not None:
        reading.document["name"] = text


def _description(reading: _Reading, value: Any) -> None:
    text = _text(reading, "projectDescription", value)
    if text is not None:
        reading.document["description"] = text


def _project_id(reading: _Reading, value: Any) -> None:
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        reading.document["extra"] = {"ppsr_core": {"projectId": value}}
    else:
        reading.wrong("projectId", "text or a whole number", value)


def _responsible(reading: _Reading, value: Any) -> None:
    name = _text(reading, "projectResponsiblePartyName", value)
    if name is None:
        return
    actor = reading.parties.actor_of(name)
    if actor is None:
        reading.pending.append(("initiated_by", "responsible party", name))
    else:
        reading.document["initiated_by"] = [actor.value]


def _one_or_many(reading: _Reading, field: str, value: Any, kind: type, what: str) -> list[Any]:
    """PPSR-Core's JSON gives a many-valued field as one value or as a list of them."""
    items = value if isinstance(value, list) else [value]
    good = []
    for index, item in enumerate(items):
        path = f"{field}[{index}]" if isinstance(value, list) else field
        if isinstance(item, kind):
            good.append((path, item))
        else:
            reading.wrong(path, what, item)
    return good


_NAME, _ROLE = "projectAssociatedPartyName", "projectAssociatedPartyRole"


def _associated(reading: _Reading, value: Any) -> None:
    """Associated parties: their roles decide partners and funders (register PPSR-3)."""
    for filled in ("partners", "funders"):
        reading.actors.setdefault(filled, set())
    for path, party in _one_or_many(reading, "projectAssociatedParty", value, dict, "an object"):
        if not party:
            reading.unused.append(path)
        for field, item in party.items():
            if field == "projectUsFederalSponsor":
                if _text(reading, f"{path}.{field}", item) is not None:
                    reading.actors["funders"].add(Actor.STATE)  # any value is a federal body
            elif field not in (_NAME, _ROLE):
                reading.unused.append(f"{path}.{field}")
        name = _optional_text(reading, f"{path}.{_NAME}", party.get(_NAME))
        role = _optional_text(reading, f"{path}.{_ROLE}", party.get(_ROLE))
        key = PARTY_ROLES.get(_ROLES[role]) if role in _ROLES else None
        if key is None:  # no role, or one that fills no key: the party is not used
            reading.unused += [f"{path}.{f}" for f in (_NAME, _ROLE) if f in party]
            continue
        actor = reading.parties.actor_of(name) if name is not None else None
        if actor is None:
            reading.pending.append((key, str(role), name or ""))
            reading.undecided.add(key)
        else:
            reading.actors[key].add(actor)


def _optional_text(reading: _Reading, path: str, value: Any) -> str | None:
    return None if value is None else _text(reading, path, value)


def _stages(reading: _Reading, value: Any) -> None:
    terms = _one_or_many(reading, "scientificProcessInvolved", value, str, "text")
    stages = set()
    for path, term in terms:
        stage = _STAGES.get(term)
        if stage is None:
            reading.unused.append(path)
        else:
            stages.add(stage)
    if stages:
        reading.document["engaged_stages"] = [s.value for s in Stage if s in stages]


_HANDLERS: dict[str, Callable[[_Reading, Any], None]] = {
    "projectId": _project_id,
    "projectName": _name,
    "projectDescription": _description,
    "projectResponsiblePartyName": _responsible,
    "scientificProcessInvolved": _stages,
    "projectAssociatedParty": _associated,
}

# The table and the code are one: every project field the table maps has its handler.
_MAPPED = {m.field for m in FIELDS if m.entity == "project" and m.key is not None}
if set(_HANDLERS) != _MAPPED:  # pragma: no cover - a table edit without its code
    raise RuntimeError(f"PPSR-Core handlers out of step with the table: {_MAPPED ^ set(_HANDLERS)}")


def convert_project(position: int, project: Any, parties: Parties | None = None) -> Conversion:
    """One parsed PPSR-Core project as an initiative document.

    Args:
        position: The project's number in the registry, from 1.
        project: The parsed record (a JSON object).
        parties: The user's table of party names and actors; without it no party becomes an
            actor.

    Returns:
        The conversion; its ``errors`` say why a project could not be read.
    """
    if not isinstance(project, Mapping):
        message = f"expected a JSON object (one PPSR-Core project), found {_kind(project)}"
        return Conversion(position, errors=((PROJECT, message),))
    hostile = hostile_problems(project)
    if hostile:
        return Conversion(position, errors=hostile)
    reading = _Reading(parties or Parties())
    for field, value in project.items():
        handler = _HANDLERS.get(field)
        if handler is None or value is None:
            reading.unused.append(field)
        else:
            handler(reading, value)
    if reading.errors:
        return Conversion(position, errors=tuple(reading.errors))
    document = _ordered(reading)
    unknown = tuple(k for k in DOCUMENT_KEYS if k not in document and k != "extra")
    return Conversion(
        position,
        document,
        unknown,
        tuple(reading.unused),
        pending=tuple(reading.pending),
    )


def _ordered(reading: _Reading) -> dict[str, Any]:
    """The document in contract section 2's key order; actor lists in `Actor` order."""
    found = dict(reading.document)
    for key, actors in reading.actors.items():
        if key not in reading.undecided:
            found[key] = [a.value for a in Actor if a in actors]
    return {key: found[key] for key in DOCUMENT_KEYS if key in found}


def batch_problems(conversion: Conversion) -> Errors:
    """What a read project still lacks to be assessed, each naming what to add.

    ``initiated_by`` is required (contract section 2); ``partners`` and ``funders`` are asked
    for only when the record names a party for them that the parties table lacks, since leaving
    them out would read as "none".
    """
    problems: list[tuple[str, str]] = []
    for key, role, name in conversion.pending:
        if not name:
            problems.append((key, f"the record has a {role} without a name: add {key} yourself"))
            continue
        problems.append(
            (
                key,
                f"the record names the {role} {name!r} but not what kind of actor it is: add a "
                f"row '{name},<actor>' to the parties table (--parties); actors: {_ACTORS}",
            )
        )
    if "initiated_by" not in conversion.document and not any(
        key == "initiated_by" for key, _, _ in conversion.pending
    ):
        problems.append(
            (
                "initiated_by",
                "the record names no responsible party (projectResponsiblePartyName): add one, "
                "with its actor in the parties table (--parties)",
            )
        )
    return tuple(problems)
