"""The summary of a batch: counts by decision, principle status and rule, as records stream past.

`SummaryCounter` counts what each good row adds (a `Tally`: the three outcomes by name with the
rules that concluded them, and the principle statuses), so a registry of any size
needs only as much memory as there are distinct patterns of outcomes; the finished `BatchSummary`
is plain data. `copenhagen.reports.summary` renders it (text, Markdown, an HTML page with charts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from copenhagen.batch.rows import NONE, UNDECIDED, TallyKey
from copenhagen.framework.modalities import Modality
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.principles import PRINCIPLE_KEYS
from copenhagen.model import Scope, Status

__all__ = ["BatchSummary", "Counts", "SummaryCounter", "Tally", "tally_parts"]

#: What one good row adds to a summary, as two parts counted apart: the decisions' (the three
#: outcomes by name and the rules that concluded them) and the principles' (their statuses in
#: `Principle` order). Every count of a summary is of one part or the other.
Tally = tuple[tuple[str, str, str, tuple[str, ...]], tuple[str, ...]]


def tally_parts(key: TallyKey) -> Tally:
    """A `copenhagen.batch.rows.tally_key` as the two parts the counter counts apart."""
    scope, modality, category, statuses, rules = key
    return (scope, modality, category, rules), statuses


_SCOPE_KEYS = (Scope.IN_SCOPE.value, Scope.OUT_OF_SCOPE.value, UNDECIDED)
_MODALITY_KEYS = (*(m.name.lower() for m in Modality), NONE, UNDECIDED)
_CATEGORY_KEYS = (*(c.name.lower() for c in NSOCategory), NONE, UNDECIDED)
_STATUS_KEYS = tuple(s.value for s in Status)
_PRINCIPLE_KEYS = PRINCIPLE_KEYS

Counts = tuple[tuple[str, int], ...]

_PENDING_LIMIT = 4096


@attrs.frozen(slots=True)
class BatchSummary:
    """Counts over a batch of records.

    Attributes:
        records: Every record read, valid or not.
        invalid: Records that could not be assessed (their errors were reported).
        scope: Valid records by scope outcome (``undecided`` when not determinate).
        modality: Valid records by modality (``none`` when out of scope).
        nso_category: Valid records by NSO category (``none`` when out of scope).
        principles: For each principle, valid records by assessed status.
        rules: How often each rule concluded a decision (the last step of its trace); every
            known rule is listed, so a rule that never fired shows a zero.
    """

    records: int
    invalid: int
    scope: Counts
    modality: Counts
    nso_category: Counts
    principles: tuple[tuple[str, Counts], ...]
    rules: Counts

    @property
    def valid(self) -> int:
        """Records that were assessed."""
        return self.records - self.invalid

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain JSON-ready data (keys in a fixed order)."""
        return {
            "records": self.records,
            "valid": self.valid,
            "invalid": self.invalid,
            "scope": dict(self.scope),
            "modality": dict(self.modality),
            "nso_category": dict(self.nso_category),
            "principles": {key: dict(counts) for key, counts in self.principles},
            "rules": dict(self.rules),
        }


def _shipped_rules() -> tuple[str, ...]:
    from copenhagen.rules import RULE_SETS

    return tuple(rule.id for rule_set in RULE_SETS for rule in rule_set.rules)


class SummaryCounter:
    """Accumulates a `BatchSummary` as records stream past.

    It is a running tally and so, unlike the library's values, mutable. It keeps one counter per
    dimension (scope, modality, category, each principle, rules), so its memory is bounded by
    the number of outcomes, not of records.
    """

    __slots__ = (
        "_category",
        "_invalid",
        "_known",
        "_modality",
        "_pending",
        "_principles",
        "_records",
        "_rules",
        "_scope",
    )

    def __init__(self, rules: Iterable[str] | None = None) -> None:
        #: The ids of every rule that can conclude (the assessor's): each is listed in the
        #: summary, so that a rule that never fired shows a zero.
        self._known = tuple(_shipped_rules() if rules is None else rules)
        self._records = 0
        self._invalid = 0
        self._scope: Counter[str] = Counter()
        self._modality: Counter[str] = Counter()
        self._category: Counter[str] = Counter()
        self._principles: tuple[Counter[str], ...] = tuple(Counter() for _ in _PRINCIPLE_KEYS)
        self._rules: Counter[str] = Counter()
        # Parts seen since the last flush: counting a whole part is one increment, and a
        # registry repeats few of them; flushed into the counters above before they grow large.
        self._pending: tuple[
            Counter[tuple[str, str, str, tuple[str, ...]]], Counter[tuple[str, ...]]
        ] = (
            Counter(),
            Counter(),
        )

    def add(self, good: Any) -> None:
        """Count one good row (compact or full, or an assessment's ``to_dict()``)."""
        from copenhagen.batch.rows import tally_key

        self.add_key(tally_parts(tally_key(good)))

    def add_key(self, tally: Tally, times: int = 1) -> None:
        """Count ``times`` assessments that add ``tally`` (see `Tally`)."""
        self._records += times
        decisions, principles = self._pending
        decisions[tally[0]] += times
        principles[tally[1]] += times
        if len(decisions) >= _PENDING_LIMIT or len(principles) >= _PENDING_LIMIT:
            self._flush()

    def _flush(self) -> None:
        decisions, principles = self._pending
        for (scope, modality, category, rules), times in decisions.items():
            self._scope[scope] += times
            self._modality[modality] += times
            self._category[category] += times
            for rule in rules:
                self._rules[rule] += times
        for statuses, times in principles.items():
            for counter, status in zip(self._principles, statuses, strict=True):
                counter[status] += times
        decisions.clear()
        principles.clear()

    def add_invalid(self, times: int = 1) -> None:
        """Count records that could not be assessed."""
        self._records += times
        self._invalid += times

    def merge(self, other: SummaryCounter) -> None:
        """Add another counter's counts to this one (a worker's, say)."""
        other._flush()
        self._flush()
        self._records += other._records
        self._invalid += other._invalid
        self._scope.update(other._scope)
        self._modality.update(other._modality)
        self._category.update(other._category)
        for mine, theirs in zip(self._principles, other._principles, strict=True):
            mine.update(theirs)
        self._rules.update(other._rules)

    def summary(self) -> BatchSummary:
        """The counts so far."""
        self._flush()
        return BatchSummary(
            records=self._records,
            invalid=self._invalid,
            scope=_ordered(self._scope, _SCOPE_KEYS),
            modality=_ordered(self._modality, _MODALITY_KEYS),
            nso_category=_ordered(self._category, _CATEGORY_KEYS),
            principles=tuple(
                (key, _ordered(counter, _STATUS_KEYS))
                for key, counter in zip(_PRINCIPLE_KEYS, self._principles, strict=True)
            ),
            rules=_ordered(self._rules, self._known, keep_zero=True),
        )


def _ordered(counter: Counter[str], order: Iterable[str], *, keep_zero: bool = False) -> Counts:
    order = tuple(order)
    known = tuple((k, counter.get(k, 0)) for k in order if keep_zero or counter.get(k, 0))
    rest = tuple(sorted((k, n) for k, n in counter.items() if k not in order))
    return known + rest
