"""The row a batch writes for each record, defined once (contract section 6).

A good record's **compact** row holds ``position``, ``name``, ``provenance`` (a short digest of
everything the assessment's provenance holds), the three decisions each as ``{"outcome",
"determinate", "missing", "rules", "warnings"}`` (``rules``: the rule of each step of the trace,
in order), ``principles``, ``recommendations`` (their ids, in order) and ``warnings``: every
field it shares with ``assess().to_dict()`` is equal. ``--detail full`` writes ``{"position": N,
...assess().to_dict()}`` instead. A bad record's row has ``position``, ``errors`` and, when the
record is a mapping whose ``name`` is a non-empty string, ``name``.

Everything else is derived from these definitions: the JSON Lines text (`dumps_row`), the CSV
columns and cells (`csv_columns`, `flatten_row`), the JSON Schema (`row_schema`), the columns of
`copenhagen.tabular`, and what a row adds to the batch summary (`tally_key`). The fast writers
of `copenhagen.batch.writers` give these bytes exactly, from the same assessments.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

from copenhagen.batch.cells import neutralise_cells
from copenhagen.framework.modalities import Modality
from copenhagen.framework.official import NSOCategory
from copenhagen.framework.principles import PRINCIPLE_KEYS
from copenhagen.model import DOCUMENT_KEYS, Decision, Scope, Status

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment, Provenance

__all__ = [
    "CSV_COLUMNS",
    "DECISIONS",
    "DECISION_FIELDS",
    "NONE",
    "UNDECIDED",
    "Detail",
    "Errors",
    "TallyKey",
    "bad_row",
    "compact_row",
    "csv_columns",
    "decision_entry",
    "dumps_row",
    "flatten_row",
    "full_row",
    "outcome_key",
    "outcome_name",
    "provenance_digest",
    "row",
    "row_schema",
    "tally_key",
]

#: How much a good record's row holds: the compact row (the default), or all of ``to_dict()``.
Detail = Literal["compact", "full"]
#: A bad record's problems, as ``(path, message)`` pairs.
Errors = tuple[tuple[str, str], ...]

#: The three decisions, in the order they are reported.
DECISIONS: tuple[str, str, str] = ("scope", "modality", "nso_category")
#: The fields of a decision in a compact row.
DECISION_FIELDS: tuple[str, ...] = ("outcome", "determinate", "missing", "rules", "warnings")
#: The enum whose member each decision's outcome is.
OUTCOMES: Mapping[str, type[Enum]] = {
    "scope": Scope,
    "modality": Modality,
    "nso_category": NSOCategory,
}

#: A decision's outcome by name when it is not determinate.
UNDECIDED = "undecided"
#: A decision's outcome by name when there is determinately none (out of scope).
NONE = "none"

#: How long the provenance digest of a compact row is (hex digits of its SHA-256).
PROVENANCE_DIGITS = 16


def dumps_row(row: Mapping[str, Any]) -> str:
    """One JSON Lines row, serialised the way the library always does: sorted keys, one line.

    ``dumps_row({"position": 1, **a.to_dict()})`` is ``json.dumps(..., sort_keys=True)``.
    """
    return json.dumps(row, sort_keys=True)


def decision_entry(decision: Decision) -> dict[str, Any]:
    """A decision as a compact row holds it (its trace as the rules of its steps)."""
    outcome = decision.outcome
    return {
        "outcome": None if outcome is None else outcome.value,
        "determinate": decision.determinate,
        "missing": list(decision.missing),
        "rules": [step.rule for step in decision.trace],
        "warnings": list(decision.warnings),
    }


def provenance_digest(provenance: Provenance) -> str:
    """A short digest of everything an assessment's provenance holds (its first 16 hex digits)."""
    blob = json.dumps(provenance.to_dict(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:PROVENANCE_DIGITS]


def compact_row(position: int, assessment: Assessment) -> dict[str, Any]:
    """The compact row of a good record (contract section 6)."""
    return {
        "position": position,
        "name": assessment.initiative.name,
        "provenance": provenance_digest(assessment.provenance),
        **{key: decision_entry(getattr(assessment, key)) for key in DECISIONS},
        "principles": assessment.principles.principles_dict(),
        "recommendations": [r.id for r in assessment.recommendations],
        "warnings": list(assessment.warnings),
    }


def full_row(position: int, assessment: Assessment) -> dict[str, Any]:
    """The full row of a good record: ``{"position": N, ...assess().to_dict()}``."""
    return {"position": position, **assessment.to_dict()}


def bad_row(position: int, errors: Errors, name: str | None = None) -> dict[str, Any]:
    """The row of a bad record: its position, every problem, and its name when it has one."""
    found: dict[str, Any] = {"position": position, "errors": [list(e) for e in errors]}
    if name:
        found["name"] = name
    return found


def row(position: int, assessment: Assessment, detail: Detail = "compact") -> dict[str, Any]:
    """The row of a good record at ``detail``."""
    return (
        compact_row(position, assessment) if detail == "compact" else full_row(position, assessment)
    )


# --------------------------------------------------------------------------- reading rows


def _rules_of(decision: Mapping[str, Any]) -> list[str]:
    """The rules of a decision's steps, from a compact row's ``rules`` or a full row's trace."""
    if "rules" in decision:
        return list(decision["rules"])
    return [step["rule"] for step in decision.get("trace") or ()]


def outcome_key(decision: Mapping[str, Any], enum: type[Enum] | None) -> str:
    """How a decision (its ``to_dict()``) is named in a summary or a CSV cell.

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


def outcome_name(key: str, decision: Mapping[str, Any]) -> str:
    """The outcome of the decision ``key`` (``scope``, ...) by name (see `outcome_key`)."""
    return outcome_key(decision, OUTCOMES[key])


#: What one good row adds to a batch summary: the three outcomes by name, the principle
#: statuses in `Principle` order, and the ids of the rules that concluded the three decisions.
TallyKey = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]


def tally_key(good: Mapping[str, Any]) -> TallyKey:
    """What one good row (compact or full, or ``to_dict()``) adds to a batch summary.

    The rule that concluded each decision is its trace's last step (for an undecided decision,
    the rule that found it open); earlier steps only led up to it.
    """
    principles = good.get("principles") or {}
    rules = tuple(found[-1] for key in DECISIONS if (found := _rules_of(good.get(key) or {})))
    scope, modality, category = (outcome_name(key, good[key]) for key in DECISIONS)
    return (
        scope,
        modality,
        category,
        tuple(str(principles.get(key, Status.UNKNOWN.value)) for key in PRINCIPLE_KEYS),
        rules,
    )


# --------------------------------------------------------------------------- CSV

_PARTICIPATION_COLUMNS: tuple[str, ...] = (
    "participation_engaged_stages",
    "participation_coverage",
    "participation_degree",
    "participation_quality",
    "participation_table_1_column",
)


def csv_columns(detail: Detail = "compact") -> tuple[str, ...]:
    """The columns of CSV output: a compact row's fields, and the profile's with ``full``.

    The columns of version 1.0's CSV keep their order; ``provenance`` (the row's digest) comes
    last, so that a reader of those files by position finds each column where it was.
    """
    return (
        "position",
        "name",
        *(
            f"{d}{part}"
            for d in DECISIONS
            for part in ("", "_determinate", "_missing", "_rules", "_warnings")
        ),
        *(f"principles.{p}" for p in PRINCIPLE_KEYS),
        *(_PARTICIPATION_COLUMNS if detail == "full" else ()),
        "recommendations",
        "warnings",
        "errors",
        "provenance",
    )


#: The columns of ``--detail full`` CSV output (`csv_columns`), as version 1.0 named them.
CSV_COLUMNS: tuple[str, ...] = csv_columns("full")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _listed(items: Sequence[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False) if items else ""


def flatten_row(
    good_or_bad: Mapping[str, Any], *, detail: Detail | None = None, keep_formulas: bool = False
) -> list[str]:
    """A row spread over the cells of `csv_columns` (``detail``).

    Without ``detail``, a row holding ``participation`` (a full row, or an assessment's
    ``to_dict()`` with its position) is spread over the full columns, any other over the
    compact ones.

    Each decision's outcome is written by name (`outcome_name`: never blank, so every record is
    counted); lists of identifiers (missing keys, rule ids, stages, recommendation ids) are
    joined with ``;`` as in CSV input; free text that may itself hold ``;`` (warnings, errors)
    is a JSON array. A cell a spreadsheet would run as a formula gets a leading ``'``
    (`copenhagen.batch.cells.neutralise`) unless ``keep_formulas``.
    """
    if detail is None:
        detail = "full" if "participation" in good_or_bad else "compact"
    cells = _cells(good_or_bad, detail)
    return cells if keep_formulas else neutralise_cells(cells)


def _cells(found: Mapping[str, Any], detail: Detail) -> list[str]:
    columns = csv_columns(detail)
    if "errors" in found:
        cells = [""] * len(columns)
        cells[0] = _cell(found["position"])
        cells[1] = _cell(found.get("name"))
        cells[-2] = json.dumps(found["errors"], ensure_ascii=False)
        return cells
    provenance = found.get("provenance")
    if isinstance(provenance, Mapping):  # a full row holds it whole: the digest stands for it
        provenance = _digest_of(provenance)
    cells = [_cell(found["position"]), _cell(found["name"])]
    for key in DECISIONS:
        decision = found[key]
        cells += [
            outcome_name(key, decision),
            _cell(decision["determinate"]),
            ";".join(decision["missing"]),
            ";".join(_rules_of(decision)),
            _listed(decision["warnings"]),
        ]
    principles = found.get("principles", {})
    cells += [_cell(principles.get(p)) for p in PRINCIPLE_KEYS]
    if detail == "full":
        participation = found.get("participation") or {}
        stages = participation.get("engaged_stages")
        cells += [
            "" if stages is None else (";".join(stages) if stages else "[]"),
            _cell(participation.get("coverage")),
            _cell(participation.get("degree")),
            _cell(participation.get("quality")),
            _cell(participation.get("table_1_column")),
        ]
    recommendations = found.get("recommendations", [])
    cells += [
        ";".join(r if isinstance(r, str) else r["id"] for r in recommendations),
        _listed(found.get("warnings") or []),
        "",
        _cell(provenance),
    ]
    return cells


def _digest_of(provenance: Mapping[str, Any]) -> str:
    blob = json.dumps(provenance, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:PROVENANCE_DIGITS]


# --------------------------------------------------------------------------- JSON Schema


def _values(enum: type[Enum]) -> list[Any]:
    return [member.value for member in enum]


def _closed(properties: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
    }


def row_schema(detail: Detail = "compact") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the rows `copenhagen batch` writes at ``detail``.

    A row is either a good record's (compact, or ``full``: a position with the assessment's
    ``to_dict()``) or a bad record's.

    Returns:
        A new, plain dict each call.
    """
    from copenhagen.assessment import assessment_schema

    position = {"type": "integer", "minimum": 1}
    name = {"type": "string", "minLength": 1}
    bad = _closed(
        {
            "position": position,
            "name": name,
            "errors": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "array",
                    "prefixItems": [{"type": "string"}, {"type": "string"}],
                    "minItems": 2,
                    "maxItems": 2,
                },
            },
        },
        required=("position", "errors"),
    )
    statuses = _values(Status)
    strings = {"type": "array", "items": {"type": "string"}}
    if detail == "full":
        full = assessment_schema()
        for meta in ("$schema", "$id", "title", "description"):
            full.pop(meta, None)
        full["properties"] = {"position": position, **full["properties"]}
        full["required"] = ["position", *full["required"]]
        good = full
    else:
        good = _closed(
            {
                "position": position,
                "name": name,
                "provenance": {"type": "string", "pattern": f"^[0-9a-f]{{{PROVENANCE_DIGITS}}}$"},
                **{
                    key: _closed(
                        {
                            "outcome": {"enum": [*_values(OUTCOMES[key]), None]},
                            "determinate": {"type": "boolean"},
                            "missing": {
                                "type": "array",
                                "items": {"enum": list(DOCUMENT_KEYS)},
                                "uniqueItems": True,
                            },
                            "rules": {**strings, "minItems": 1},
                            "warnings": strings,
                        }
                    )
                    for key in DECISIONS
                },
                "principles": _closed({p: {"enum": statuses} for p in PRINCIPLE_KEYS}),
                "recommendations": strings,
                "warnings": strings,
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://github.com/copenhagen-citizen-data/copenhagen/row-{detail}.schema.json",
        "title": f"A row of copenhagen batch ({detail})",
        "description": (
            "One JSON Lines row per record of a registry, in input order: a good record's row "
            "(contract section 6) or a bad record's (its position, every problem, and its name "
            "when it has one)."
        ),
        "oneOf": [good, bad],
    }
