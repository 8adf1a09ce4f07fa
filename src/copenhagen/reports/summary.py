"""The summary of a batch: counts by decision, principle status and rule, and its reports.

Counting is done as records stream past (`SummaryCounter`), so a registry of any size needs only
as much memory as there are distinct patterns of outcomes. The finished `BatchSummary` renders as
text, Markdown or a standalone HTML page with inline SVG bar charts of the counts by modality
(para 15) and NSO category (para 32).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from copenhagen.framework.modalities import Modality
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.principles import PRINCIPLE_KEYS
from copenhagen.model import Scope, Status
from copenhagen.reports._escape import escape_html as h
from copenhagen.reports._escape import escape_markdown as md
from copenhagen.reports._labels import member_title, principle_label, status_label

__all__ = [
    "BatchSummary",
    "SummaryCounter",
    "TallyKey",
    "outcome_key",
    "summary_html",
    "summary_markdown",
    "summary_text",
    "tally_key",
]

#: What one valid record adds to the summary: the three outcomes, the principle statuses in
#: `Principle` order, and the ids of the rules that concluded the three decisions.
TallyKey = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]

UNDECIDED = "undecided"
NONE = "none"

_DECISION_KEYS = ("scope", "modality", "nso_category")
_SCOPE_KEYS = (Scope.IN_SCOPE.value, Scope.OUT_OF_SCOPE.value, UNDECIDED)
_MODALITY_KEYS = (*(m.name.lower() for m in Modality), NONE, UNDECIDED)
_CATEGORY_KEYS = (*(c.name.lower() for c in NSOCategory), NONE, UNDECIDED)
_STATUS_KEYS = tuple(s.value for s in Status)
_PRINCIPLE_KEYS = PRINCIPLE_KEYS


def outcome_key(decision: Mapping[str, Any], enum: Any) -> str:
    """How a decision (its ``to_dict()``) is counted in a summary.

    Returns the outcome member's lower-case name (``enum`` is the outcome's enum, or ``None`` to
    use the value as it is), ``none`` when there is determinately no outcome, or ``undecided``.
    """
    if not decision.get("determinate"):
        return UNDECIDED
    outcome = decision.get("outcome")
    if outcome is None:
        return NONE
    if enum is None:
        return str(outcome)
    return str(enum(outcome).name.lower())


def tally_key(result: Mapping[str, Any]) -> TallyKey:
    """What one assessment (its ``to_dict()``) adds to a batch summary."""
    principles = result.get("principles") or {}
    # The rule that concluded each decision is its trace's last step (for an undecided
    # decision, the rule that found it open); earlier steps only led up to it.
    traces = ((result.get(decision) or {}).get("trace") or [] for decision in _DECISION_KEYS)
    rules = tuple(trace[-1]["rule"] for trace in traces if trace)
    return (
        outcome_key(result["scope"], None),
        outcome_key(result["modality"], Modality),
        outcome_key(result["nso_category"], NSOCategory),
        tuple(str(principles.get(key, Status.UNKNOWN.value)) for key in _PRINCIPLE_KEYS),
        rules,
    )


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


def _known_rules() -> tuple[str, ...]:
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
        "_modality",
        "_pending",
        "_principles",
        "_records",
        "_rules",
        "_scope",
    )

    def __init__(self) -> None:
        self._records = 0
        self._invalid = 0
        self._scope: Counter[str] = Counter()
        self._modality: Counter[str] = Counter()
        self._category: Counter[str] = Counter()
        self._principles: tuple[Counter[str], ...] = tuple(Counter() for _ in _PRINCIPLE_KEYS)
        self._rules: Counter[str] = Counter()
        # Keys seen since the last flush: counting a whole key is one increment, and a registry
        # repeats few of them; flushed into the counters above before it can grow large.
        self._pending: Counter[TallyKey] = Counter()

    def add(self, result: Mapping[str, Any]) -> None:
        """Count one assessment (its ``to_dict()``)."""
        self.add_key(tally_key(result))

    def add_key(self, key: TallyKey, times: int = 1) -> None:
        """Count ``times`` assessments whose `tally_key` is ``key``."""
        self._records += times
        pending = self._pending
        pending[key] += times
        if len(pending) >= _PENDING_LIMIT:
            self._flush()

    def _flush(self) -> None:
        for key, times in self._pending.items():
            self._count(key, times)
        self._pending.clear()

    def _count(self, key: TallyKey, times: int) -> None:
        scope, modality, category, statuses, rules = key
        self._scope[scope] += times
        self._modality[modality] += times
        self._category[category] += times
        for counter, status in zip(self._principles, statuses, strict=True):
            counter[status] += times
        for rule in rules:
            self._rules[rule] += times

    def add_invalid(self) -> None:
        """Count one record that could not be assessed."""
        self._records += 1
        self._invalid += 1

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
            rules=_ordered(self._rules, _known_rules(), keep_zero=True),
        )


def _ordered(counter: Counter[str], order: Iterable[str], *, keep_zero: bool = False) -> Counts:
    order = tuple(order)
    known = tuple((k, counter.get(k, 0)) for k in order if keep_zero or counter.get(k, 0))
    rest = tuple(sorted((k, n) for k, n in counter.items() if k not in order))
    return known + rest


def _label(kind: str, key: str) -> str:
    if key in (NONE, UNDECIDED):
        return "none (out of scope)" if key == NONE else UNDECIDED
    try:
        if kind == "modality":
            member: Any = Modality[key.upper()]
            return f"{member.value} {member_title(member)}"
        if kind == "nso_category":
            member = NSOCategory[key.upper()]
            return f"{member.value} {member_title(member)}"
    except KeyError:
        pass
    return key.replace("_", " ")


#: The title of each section's bar chart, written out (``"NSO"`` keeps its capitals); the
#: scope section has a table only.
_CHART_TITLES: Mapping[str, str] = {
    "Modality": "Records by modality",
    "NSO category": "Records by NSO category",
}


def _sections(summary: BatchSummary) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    yield "Scope", [(_label("scope", k), n) for k, n in summary.scope]
    yield "Modality", [(_label("modality", k), n) for k, n in summary.modality]
    yield "NSO category", [(_label("nso_category", k), n) for k, n in summary.nso_category]


def summary_text(summary: BatchSummary) -> str:
    """The summary as plain text for a terminal (the command line prints it on standard error)."""
    lines = [
        f"Summary: {summary.records} records, {summary.valid} assessed, {summary.invalid} invalid",
    ]
    for title, rows in _sections(summary):
        lines.append(f"  {title}:")
        lines.extend(f"    {label:<44} {n:>9}" for label, n in rows)
    lines.append("  Principles (assessed status):")
    wide = max((len(principle_label(key)) for key, _ in summary.principles), default=0)
    for key, counts in summary.principles:
        cells = ", ".join(f"{status_label(s)} {n}" for s, n in counts)
        lines.append(f"    {principle_label(key):<{wide}}  {cells}")
    lines.append("  Rules (times each concluded a decision):")
    lines.extend(
        f"    {rule:<8} {n:>9}" + ("   <- never fired" if n == 0 else "")
        for rule, n in summary.rules
    )
    return "\n".join(lines) + "\n"


def summary_markdown(summary: BatchSummary) -> str:
    """The summary as Markdown tables."""
    out = [
        "# Batch summary",
        "",
        f"{summary.records} records: {summary.valid} assessed, {summary.invalid} invalid.",
        "",
    ]
    for title, rows in _sections(summary):
        out += [f"## {title}", "", "| Outcome | Records |", "|---|---:|"]
        out += [f"| {md(label)} | {n} |" for label, n in rows]
        out.append("")
    out += [
        "## Principles",
        "",
        "| Principle | " + " | ".join(md(status_label(s)) for s in _STATUS_KEYS) + " |",
        "|---|" + "---:|" * len(_STATUS_KEYS),
    ]
    for key, counts in summary.principles:
        found = dict(counts)
        out.append(
            f"| {md(principle_label(key))} | "
            + " | ".join(str(found.get(s, 0)) for s in _STATUS_KEYS)
            + " |"
        )
    out += ["", "## Rules", "", "| Rule | Times it concluded a decision |", "|---|---:|"]
    out += [f"| {md(rule)} | {n} |" for rule, n in summary.rules]
    return "\n".join(out) + "\n"


def summary_html(summary: BatchSummary, *, title: str = "Batch summary") -> str:
    """The summary as a standalone HTML page with inline SVG bar charts."""
    from copenhagen.reports.chart import bar_chart_svg
    from copenhagen.reports.html import page

    body = [
        f"<h1>{h(title)}</h1>",
        f"<p>{summary.records} records: {summary.valid} assessed, {summary.invalid} invalid.</p>",
    ]
    for heading, rows in _sections(summary):
        body.append(f"<section><h2>{h(heading)}</h2>")
        chart = _CHART_TITLES.get(heading)
        if chart is not None:
            body.append(f"<figure>{bar_chart_svg(chart, rows)}</figure>")
        body.append("<table><thead><tr><th>Outcome</th><th>Records</th></tr></thead><tbody>")
        body += [f"<tr><td>{h(label)}</td><td>{n}</td></tr>" for label, n in rows]
        body.append("</tbody></table></section>")
    body.append("<section><h2>Principles</h2><table><thead><tr><th>Principle</th>")
    body += [f"<th>{h(status_label(s))}</th>" for s in _STATUS_KEYS]
    body.append("</tr></thead><tbody>")
    for key, counts in summary.principles:
        found = dict(counts)
        cells = "".join(f"<td>{found.get(s, 0)}</td>" for s in _STATUS_KEYS)
        body.append(f"<tr><th scope='row'>{h(principle_label(key))}</th>{cells}</tr>")
    body.append("</tbody></table></section>")
    body.append(
        "<section><h2>Rules</h2><p>How often each rule concluded a decision. A rule that never "
        "fired over a real registry is worth a look.</p><table><thead><tr><th>Rule</th>"
        "<th>Times it concluded a decision"
        "</th></tr></thead><tbody>"
    )
    body += [
        f"<tr><td>{h(rule)}</td><td>{n}{' (never fired)' if n == 0 else ''}</td></tr>"
        for rule, n in summary.rules
    ]
    body.append("</tbody></table></section>")
    return page(title, "\n".join(body))
