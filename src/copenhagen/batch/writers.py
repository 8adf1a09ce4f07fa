"""Writing rows fast: the same bytes as `copenhagen.batch.rows`, from shared parts of assessments.

Both writers give, for an initiative, exactly ``dumps_row(compact_row(...))`` or
``dumps_row(full_row(...))`` of its ``assessor.assess(initiative)``; the tests check them against
those definitions. They are the same pipeline made fast, never a second copy of the rules:

* `CompactWriter` keeps one table per part of a compact row — the three decisions, the
  principles' statuses and each group of recommendation rules, a piece whose facts lie within
  another's sharing its table — each keyed on the classes of the facts that part's rules can
  tell apart (`copenhagen.rules.abstraction`: what the rules themselves read, never a list
  kept by hand). A table is filled only by the assessor's own methods (the decisions,
  ``assess_principles``, ``recommendation_ids``: the parts ``assess`` is made of): a record
  whose parts were all seen costs a few look-ups and the joining of its row.
* `FullWriter` joins the JSON of an assessment's parts (decisions, principle findings, profile,
  recommendations), each serialised once for all the records that share it.

Every table is bounded by the assessor's ``cache_size``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from copenhagen.batch.rows import DECISIONS, decision_entry, provenance_digest, tally_key
from copenhagen.batch.summary import Tally, tally_parts
from copenhagen.rules.abstraction import Abstraction

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.model import Decision, Initiative
    from copenhagen.recommendations import Recommendation

__all__ = ["CompactWriter", "FullWriter", "Written"]

#: A written row and what it adds to the batch summary (`copenhagen.batch.summary.Tally`).
Written = tuple[str, Tally]

# What json.dumps does to a str with its default ensure_ascii=True, without the call around it.
_string: Callable[[str], str] = encode_basestring_ascii


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


class _Part:
    """One part of a compact row: a table keyed on the classes of the fields its rules read.

    A part holds one or more pieces (`_Piece`): those whose fields fall within another's are
    kept with it, so that each record costs one look-up per part.
    """

    __slots__ = ("key", "limit", "pieces", "table")

    def __init__(self, pieces: list[_Piece], limit: int) -> None:
        self.pieces = pieces
        self.key = Abstraction(t for piece in pieces for t in piece.tests).key_function()
        self.limit = limit
        self.table: dict[Any, tuple[Any, ...]] = {}

    def store(self, key: Any, sources: _Sources) -> tuple[Any, ...]:
        """File the part's pieces, made from the assessor's parts, under ``key``."""
        made = tuple(piece.make(sources) for piece in self.pieces)
        table = self.table
        if len(table) >= self.limit:
            table.clear()
        table[key] = made
        return made


class _Piece:
    """What one group of rules contributes to a compact row, and the tests those rules make."""

    __slots__ = ("fields", "make", "name", "tests")

    def __init__(
        self, name: str, tests: Iterable[tuple[str, Any]], make: Callable[[_Sources], Any]
    ) -> None:
        self.name = name
        self.tests = list(tests)
        self.fields = frozenset(Abstraction(self.tests).fields())
        self.make = make


class _Sources:
    """Where a missing piece comes from: the assessor's own parts of one initiative.

    Each is what ``assessor.assess(initiative)`` holds (the decisions, the principle
    assessment, the recommendations' ids), worked out by the assessor's methods alone, without
    the parts a compact row does not show (the profile, the steps' texts).
    """

    __slots__ = ("_ids", "assessor", "initiative")

    def __init__(self, assessor: Assessor, initiative: Initiative) -> None:
        self.assessor = assessor
        self.initiative = initiative
        self._ids: tuple[str, ...] | None = None

    def decisions(self) -> dict[str, Decision]:
        a, i = self.assessor, self.initiative
        return {
            "scope": a.assess_scope(i),
            "modality": a.classify_modality(i),
            "nso_category": a.classify_nso_category(i),
        }

    def recommendation_ids(self) -> tuple[str, ...]:
        if self._ids is None:
            self._ids = self.assessor.recommendation_ids(self.initiative)
        return self._ids


def _decisions_piece(sources: _Sources) -> tuple[str, str, str, tuple[str, ...], Any]:
    """The JSON of the three decisions, their warnings, and what they add to the summary."""
    decisions = sources.decisions()
    entries = {key: decision_entry(decisions[key]) for key in DECISIONS}
    tally = tally_key({**entries, "principles": {}})
    return (
        _dumps(entries["modality"]),
        _dumps(entries["nso_category"]),
        _dumps(entries["scope"]),
        tuple(dict.fromkeys(w for k in DECISIONS for w in decisions[k].warnings)),
        (tally[0], tally[1], tally[2], tally[4]),
    )


def _principles_piece(sources: _Sources) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The JSON of the principles' statuses, their warnings, and the statuses for the summary."""
    principles = sources.assessor.assess_principles(sources.initiative)
    statuses = principles.principles_dict()
    return _dumps(statuses), principles.warnings, tuple(statuses.values())


class CompactWriter:
    """Compact rows (contract section 6) for one assessor, from tables of their parts.

    The pieces of a row are the three decisions, the principles' statuses, and the ids of each
    of the assessor's groups of recommendation rules (`copenhagen.Assessor.recommendation_groups`);
    each is keyed on what its own rules read, and a piece whose fields lie within another's
    shares that one's table.

    Args:
        assessor: The assessor whose assessments the rows are.
    """

    __slots__ = (
        "_assessor",
        "_decisions",
        "_groups",
        "_in_order",
        "_joined",
        "_keys",
        "_limit",
        "_parts",
        "_principles",
        "_provenance",
    )

    def __init__(self, assessor: Assessor) -> None:
        self._assessor = assessor
        book = assessor.rules
        self._provenance = _string(provenance_digest(assessor.provenance))
        order = {rule.id: n for n, rule in enumerate(book.recommendations)}
        groups = assessor.recommendation_groups
        pieces = [
            _Piece(
                "decisions",
                (t for rule_set in book.decisions for t in rule_set.set_tests()),
                _decisions_piece,
            ),
            _Piece(
                "principles",
                (t for rule_set in book.principles.own for t in rule_set.set_tests()),
                _principles_piece,
            ),
            *(
                _Piece(
                    f"recommendations.{n}",
                    (t for rule in group for t in rule.when.set_tests()),
                    _group_piece(frozenset(rule.id for rule in group), order),
                )
                for n, group in enumerate(groups)
            ),
        ]
        # Each piece goes with the first other piece whose fields hold all of its own.
        homes: dict[str, list[_Piece]] = {piece.name: [piece] for piece in pieces}
        for piece in pieces:
            for other in pieces:
                if other is not piece and other.name in homes and piece.fields <= other.fields:
                    homes[other.name].extend(homes.pop(piece.name))
                    break
        self._parts = tuple(_Part(members, assessor.cache_size) for members in homes.values())
        self._keys = tuple(part.key for part in self._parts)
        where = {
            piece.name: (p, m)
            for p, part in enumerate(self._parts)
            for m, piece in enumerate(part.pieces)
        }
        self._decisions = where["decisions"]
        self._principles = where["principles"]
        self._groups = tuple(where[f"recommendations.{n}"] for n in range(len(groups)))
        # Whether the groups follow one another in rule order: then a row's recommendations are
        # the groups' lists one after the other.
        spans = [sorted(order[rule.id] for rule in group) for group in groups if len(group)]
        self._in_order = all(a[-1] < b[0] for a, b in itertools.pairwise(spans))
        self._joined: dict[Any, tuple[str, str]] = {}
        self._limit = assessor.cache_size

    def _join(
        self, groups: tuple[Any, ...], first: tuple[str, ...], second: tuple[str, ...]
    ) -> tuple[str, str]:
        made = _joined_lists(self._in_order, groups, first, second)
        if len(self._joined) >= self._limit:
            self._joined.clear()
        self._joined[groups, first, second] = made
        return made

    def write(self, position: int, initiative: Initiative) -> Written:
        """The row of a good record, and what it adds to the summary."""
        keys = [key(initiative) for key in self._keys]
        found = [part.table.get(key) for part, key in zip(self._parts, keys, strict=True)]
        if None in found:
            sources = _Sources(self._assessor, initiative)
            for n, part in enumerate(self._parts):
                if found[n] is None:
                    found[n] = part.store(keys[n], sources)
        d, m = self._decisions
        decisions = found[d][m]  # type: ignore[index]
        d, m = self._principles
        principles = found[d][m]  # type: ignore[index]
        groups = tuple([found[p][m] for p, m in self._groups])  # type: ignore[index]
        # The lists joined from the pieces, once for each combination of pieces met.
        joined = self._joined.get((groups, decisions[3], principles[1]))
        if joined is None:
            joined = self._join(groups, decisions[3], principles[1])
        recommendations, warnings = joined
        text = (
            '{"modality": ' + decisions[0]
            + ', "name": ' + _string(initiative.name)
            + ', "nso_category": ' + decisions[1]
            + ', "position": ' + str(position)
            + ', "principles": ' + principles[0]
            + ', "provenance": ' + self._provenance
            + ', "recommendations": ' + recommendations
            + ', "scope": ' + decisions[2]
            + ', "warnings": ' + warnings
            + "}"
        )  # fmt: skip
        return text, (decisions[4], principles[2])


def _joined_lists(
    in_order: bool, groups: tuple[Any, ...], first: tuple[str, ...], second: tuple[str, ...]
) -> tuple[str, str]:
    """The JSON of a row's recommendations (from its groups' pieces) and of its warnings."""
    if in_order:
        recommendations = "[" + ", ".join([g[1] for g in groups if g[1]]) + "]"
    else:
        ids = [rule_id for _, rule_id in sorted(r for g in groups for r in g[0])]
        recommendations = _dumps(ids)
    warnings = _dumps(list(dict.fromkeys((*first, *second)))) if first or second else "[]"
    return recommendations, warnings


def _group_piece(
    ids: frozenset[str], order: Mapping[str, int]
) -> Callable[[_Sources], tuple[tuple[tuple[int, str], ...], str]]:
    """How one group's piece is made.

    The piece: the group's recommendations' ids with their places in rule order, and the items
    of their JSON list (without the brackets).
    """

    def make(sources: _Sources) -> tuple[tuple[tuple[int, str], ...], str]:
        found = tuple((order[i], i) for i in sources.recommendation_ids() if i in ids)
        return found, _dumps([rule_id for _, rule_id in found])[1:-1]

    return make


class _Texts:
    """What is worked out from a shared object, keyed by its identity (kept alive while held)."""

    __slots__ = ("_limit", "_made")

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._made: dict[Any, tuple[Any, Any]] = {}

    def __call__(self, obj: Any, make: Callable[[Any], Any]) -> Any:
        key = id(obj)
        found = self._made.get(key)
        if found is not None and found[0] is obj:
            return found[1]
        made = make(obj)
        if len(self._made) >= self._limit:
            self._made.clear()
        self._made[key] = (obj, made)
        return made


def _json_of(obj: Any) -> str:
    return _dumps(obj.to_dict())


def _principles_json(principles: Any) -> tuple[str, str]:
    return _dumps(principles.to_dict()), _dumps(principles.principles_dict())


def _recommendations_json(recommendations: tuple[Recommendation, ...]) -> str:
    return _dumps([r.to_dict() for r in recommendations])


def _warnings_json(warnings: tuple[str, ...]) -> str:
    return _dumps(list(warnings))


class FullWriter:
    """Full rows (``{"position": N, ...assess().to_dict()}``), joined from shared parts' JSON.

    Args:
        assessor: The assessor whose assessments the rows are.
    """

    __slots__ = ("_assess", "_limit", "_provenance", "_tallies", "_texts")

    def __init__(self, assessor: Assessor) -> None:
        self._assess = assessor.assess
        self._limit = assessor.cache_size
        self._provenance = _dumps(assessor.provenance.to_dict())
        self._texts = _Texts(self._limit)
        self._tallies: dict[tuple[int, ...], tuple[tuple[Any, ...], Tally]] = {}

    def write(self, position: int, initiative: Initiative) -> Written:
        """The row of a good record, and what it adds to the summary."""
        a = self._assess(initiative)
        text = self._texts
        findings, statuses = text(a.principles, _principles_json)
        row = (
            '{"modality": ' + text(a.modality, _json_of)
            + ', "name": ' + _string(a.initiative.name)
            + ', "nso_category": ' + text(a.nso_category, _json_of)
            + ', "participation": ' + text(a.participation, _json_of)
            + ', "position": ' + str(position)
            + ', "principle_findings": ' + findings
            + ', "principles": ' + statuses
            + ', "provenance": ' + self._provenance
            + ', "recommendations": ' + text(a.recommendations, _recommendations_json)
            + ', "scope": ' + text(a.scope, _json_of)
            + ', "warnings": ' + text(a.warnings, _warnings_json)
            + "}"
        )  # fmt: skip
        return row, self._tally(a)

    def _tally(self, a: Assessment) -> Tally:
        """What the assessment adds to the summary: worked out once per set of shared parts."""
        parts = (a.scope, a.modality, a.nso_category, a.principles)
        key = tuple(map(id, parts))
        found = self._tallies.get(key)
        if found is not None and all(x is y for x, y in zip(found[0], parts, strict=True)):
            return found[1]
        scope, modality, category, principles = parts
        made = tally_parts(
            tally_key(
                {
                    "scope": decision_entry(scope),
                    "modality": decision_entry(modality),
                    "nso_category": decision_entry(category),
                    "principles": principles.principles_dict(),
                }
            )
        )
        if len(self._tallies) >= self._limit:
            self._tallies.clear()
        self._tallies[key] = (parts, made)
        return made
