"""Writing rows fast: the same bytes as `copenhagen.batch.rows`, from shared parts of assessments.

Both writers give, for an initiative, exactly ``dumps_row(compact_row(...))`` or
``dumps_row(full_row(...))`` of its ``assessor.assess(initiative)``; the tests check them against
those definitions. They are the same pipeline made fast, never a second copy of the rules:

* `CompactWriter` keeps one table per part of a compact row — the three decisions, the
  recommendations that read no principle, and the principles with the recommendations that do
  — each keyed on the classes of the facts that part's rules can tell apart
  (`copenhagen.rules.abstraction`: what the rules themselves read, never a list kept by hand).
  A table is filled only from ``assessor.assess``: a record whose parts were all seen costs a
  few look-ups and the joining of its row.
* `FullWriter` joins the JSON of an assessment's parts (decisions, principle findings, profile,
  recommendations), each serialised once for all the records that share it.

Every table is bounded by the assessor's ``cache_size``.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from copenhagen.batch.rows import DECISIONS, decision_entry, provenance_digest, tally_key
from copenhagen.batch.summary import Tally, tally_parts
from copenhagen.rules.abstraction import Abstraction

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.model import Initiative
    from copenhagen.recommendations import Recommendation

__all__ = ["CompactWriter", "FullWriter", "Written"]

#: A written row and what it adds to the batch summary (`copenhagen.batch.summary.Tally`).
Written = tuple[str, Tally]

# What json.dumps does to a str with its default ensure_ascii=True, without the call around it.
_string: Callable[[str], str] = encode_basestring_ascii


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


class _Part:
    """One part of a compact row: a table keyed on the classes of the fields its rules read."""

    __slots__ = ("fields", "key", "limit", "table")

    def __init__(self, tests: Iterable[tuple[str, Any]], limit: int) -> None:
        abstraction = Abstraction(tests)
        self.fields = abstraction.fields()
        found = {f: abstraction.fast_classifier(f) for f in self.fields}
        classifiers = {f: c for f, c in found.items() if c is not None}
        classified = list(classifiers)
        alone = [f for f in self.fields if f not in classifiers]
        classes: tuple[Callable[[Any], Any], ...] = tuple(classifiers.values())
        # The key: the classes of the classified fields, then the fields that are their own
        # class, each part read by one attrgetter (C-level calls throughout).
        read = operator.attrgetter(*classified) if classified else None
        keep = operator.attrgetter(*alone) if alone else None
        call: Callable[[Callable[[Any], Any], Any], Any] = operator.call
        if len(classified) == 1:
            read = operator.attrgetter(classified[0], classified[0])
            classes = (classes[0], _nothing)
        if len(alone) == 1:
            keep = operator.attrgetter(alone[0], alone[0])
        if read is not None and keep is not None:
            self.key: Callable[[Any], Any] = lambda i: (tuple(map(call, classes, read(i))), keep(i))
        elif read is not None:
            self.key = lambda i: tuple(map(call, classes, read(i)))
        elif keep is not None:
            self.key = keep
        else:
            self.key = lambda i: ()
        self.limit = limit
        self.table: dict[Any, Any] = {}

    def store(self, key: Any, piece: Any) -> Any:
        table = self.table
        if len(table) >= self.limit:
            table.clear()
        table[key] = piece
        return piece


def _nothing(_: Any) -> None:
    return None


class CompactWriter:
    """Compact rows (contract section 6) for one assessor, from tables of their parts.

    Args:
        assessor: The assessor whose assessments the rows are.
    """

    __slots__ = (
        "_assess",
        "_decisions",
        "_in_order",
        "_limit",
        "_order",
        "_other_ids",
        "_others",
        "_principles",
        "_provenance",
    )

    def __init__(self, assessor: Assessor) -> None:
        self._assess = assessor.assess
        self._limit = assessor.cache_size
        book = assessor.rules
        self._provenance = _string(provenance_digest(assessor.provenance))
        self._decisions = _Part(
            [t for rule_set in book.decisions for t in rule_set.set_tests()], self._limit
        )
        others, principled = assessor.recommendation_groups
        self._other_ids = frozenset(rule.id for rule in others)
        self._others = _Part([t for rule in others for t in rule.when.set_tests()], self._limit)
        tests = [t for rule in principled for t in rule.when.set_tests()]
        tests += [t for rule_set in book.principles.own for t in rule_set.set_tests()]
        self._principles = _Part(tests, self._limit)
        self._order = {rule.id: n for n, rule in enumerate(book.recommendations)}
        # Whether every rule of the first group comes before every rule of the second: then a
        # row's recommendations are the two parts' lists one after the other.
        positions = [self._order[rule.id] for rule in others]
        firsts = [self._order[rule.id] for rule in principled]
        self._in_order = not positions or not firsts or max(positions) < min(firsts)

    def _pieces(self, assessment: Assessment) -> tuple[Any, Any, Any]:
        """The three parts of an assessment's compact row, each as the row will show it.

        The decisions: the JSON of each, their warnings, and what they add to the summary; the
        recommendations reading no principle: their ids with their places, and the JSON of the
        list's items; the principles: the JSON of their statuses, the recommendations reading
        them (as the others), their warnings, and the statuses for the summary.
        """
        entries = {key: decision_entry(getattr(assessment, key)) for key in DECISIONS}
        tally = tally_key({**entries, "principles": {}})
        decisions = (
            _dumps(entries["modality"]),
            _dumps(entries["nso_category"]),
            _dumps(entries["scope"]),
            tuple(dict.fromkeys(w for k in DECISIONS for w in getattr(assessment, k).warnings)),
            (tally[0], tally[1], tally[2], tally[4]),
        )
        order, other_ids = self._order, self._other_ids
        recommendations = [(order[r.id], r.id) for r in assessment.recommendations]
        others = tuple(r for r in recommendations if r[1] in other_ids)
        principled = tuple(r for r in recommendations if r[1] not in other_ids)
        statuses = assessment.principles.principles_dict()
        principles = (
            _dumps(statuses),
            principled,
            _items(principled),
            assessment.principles.warnings,
            tuple(statuses.values()),
        )
        return decisions, (others, _items(others)), principles

    def write(self, position: int, initiative: Initiative) -> Written:
        """The row of a good record, and what it adds to the summary."""
        d, o, p = self._decisions, self._others, self._principles
        dk, ok, pk = d.key(initiative), o.key(initiative), p.key(initiative)
        decisions, others, principles = d.table.get(dk), o.table.get(ok), p.table.get(pk)
        if decisions is None or others is None or principles is None:
            pieces = self._pieces(self._assess(initiative))
            decisions = decisions or d.store(dk, pieces[0])
            others = others or o.store(ok, pieces[1])
            principles = principles or p.store(pk, pieces[2])
        if self._in_order:
            first, second = others[1], principles[2]
            recommendations = (
                "[" + first + ", " + second + "]"
                if first and second
                else "[" + (first or second) + "]"
            )
        else:
            ids = [rule_id for _, rule_id in sorted((*others[0], *principles[1]))]
            recommendations = _dumps(ids)
        warnings = (
            _dumps(list(dict.fromkeys((*decisions[3], *principles[3]))))
            if decisions[3] or principles[3]
            else "[]"
        )
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
        return text, (decisions[4], principles[4])


def _items(recommendations: tuple[tuple[int, str], ...]) -> str:
    """The items of a JSON list of recommendation ids, without the brackets."""
    return _dumps([rule_id for _, rule_id in recommendations])[1:-1]


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
