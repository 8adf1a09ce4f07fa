"""Reading a case file (contract section 7) and checking its cases against an assessor.

The file is read with the library's hardened YAML parser and checked whole before any case runs:
its keys, each case's name (unique), document (or file, relative to the case file) and expected
results, and the layers it names (relative to the file). Every problem is reported at once with
its path and line (`InvalidCaseFileError`). A case checks only what it names: the three
decisions' outcomes (a member name, ``none``, or ``undecided``), their ``missing`` keys and the
rule ids of their traces (each exactly), principles' statuses, and words each of which some
warning must contain.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.documents._wording import close_match, describe, key_text, quote
from copenhagen.documents.errors import InvalidInitiativeError, ProblemsError
from copenhagen.documents.lines import line_of, path_text, yaml_lines
from copenhagen.framework.principles import Principle
from copenhagen.layers.vocabulary import DECISION_IDS, outcome_names
from copenhagen.model import Decision, Initiative, Status
from copenhagen.rules.facts import FACTS

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.layers import Layer

__all__ = [
    "DECISIONS",
    "UNDECIDED",
    "Case",
    "CaseFile",
    "InvalidCaseFileError",
    "Mismatch",
    "load_case_file",
]

#: The decisions a case may name, in the order they are checked.
DECISIONS = DECISION_IDS
#: How a case names a decision that is not determinate.
UNDECIDED = "undecided"

_FILE_KEYS = ("rules", "cases")
_CASE_KEYS = ("name", "document", "file", "expect")
_EXPECT_KEYS = (*DECISIONS, "missing", "rules", "principles", "warnings")
#: The document keys a decision can name as missing (those that may be unknown).
_MISSING_KEYS = tuple(key for key, fact in FACTS.items() if fact.unknown and "." not in key)
_PRINCIPLES = {p.name.lower(): p for p in Principle}
_STATUSES = tuple(str(s.value) for s in Status)
_STEP = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


class InvalidCaseFileError(ProblemsError):
    """A case file that cannot be used, with every problem it has, each naming its line.

    Attributes:
        errors: ``(path, message)`` pairs, e.g. ``("cases[2].expect.scope", "line 14: ...")``.
        source: The case file.
    """

    what = "case file"


@attrs.frozen(slots=True)
class Case:
    """One case: an initiative and the results it should get.

    Attributes:
        name: The case's name, unique in its file (the test item's name).
        line: The line of the file where the case starts.
        initiative: The initiative, loaded from the case's document or file.
        expect: What is expected, as the file writes it (checked already).
    """

    name: str
    line: int
    initiative: Initiative
    expect: Mapping[str, Any]


@attrs.frozen(slots=True)
class Mismatch:
    """One expectation of a case that the assessment does not meet.

    Attributes:
        what: What was compared (``"scope"``, ``"missing.nso_category"``, ``"warnings"``...).
        expected: What the case expects.
        got: What the assessment gave.
        decision: The decision whose trace explains it, if any.
    """

    what: str
    expected: Any
    got: Any
    decision: str | None = None


def _outcome_name(decision: Decision) -> str:
    if not decision.determinate:
        return UNDECIDED
    return "none" if decision.outcome is None else decision.outcome.name.lower()


def _decisions(assessment: Assessment) -> dict[str, Decision]:
    return {
        "scope": assessment.scope,
        "modality": assessment.modality,
        "nso_category": assessment.nso_category,
    }


class CaseFile:
    """A checked case file: its layers, its cases, and the assessor they are checked with.

    Args:
        path: The file.
        layers: The layers it names, in order.
        cases: Its cases, in the file's order.
    """

    __slots__ = ("_assessor", "cases", "layers", "path")

    def __init__(self, path: Path, layers: Iterable[Layer], cases: Iterable[Case]) -> None:
        self.path = path
        self.layers: tuple[Layer, ...] = tuple(layers)
        self.cases: tuple[Case, ...] = tuple(cases)
        self._assessor: Assessor | None = None

    @property
    def assessor(self) -> Assessor:
        """The assessor of the file's layers (built the first time it is needed)."""
        if self._assessor is None:
            from copenhagen.assessor import Assessor

            self._assessor = Assessor(self.layers)
        return self._assessor

    def check(self, case: Case) -> tuple[Mismatch, ...]:
        """Every expectation of ``case`` that its assessment does not meet."""
        assessment = self.assessor.assess(case.initiative)
        decisions = _decisions(assessment)
        expect = case.expect
        found: list[Mismatch] = []
        for name in DECISIONS:
            if name in expect and _outcome_name(decisions[name]) != expect[name]:
                got = _outcome_name(decisions[name])
                found.append(Mismatch(name, expect[name], got, name))
        for name, keys in expect.get("missing", {}).items():
            got_keys = list(decisions[name].missing)
            if set(got_keys) != set(keys):
                found.append(Mismatch(f"missing.{name}", list(keys), got_keys, name))
        for name, ids in expect.get("rules", {}).items():
            got_ids = [step.rule for step in decisions[name].trace]
            if got_ids != list(ids):
                found.append(Mismatch(f"rules.{name}", list(ids), got_ids, name))
        for key, status in expect.get("principles", {}).items():
            got_status = assessment.principles.status(_PRINCIPLES[key]).value
            if got_status != status:
                found.append(Mismatch(f"principles.{key}", status, got_status))
        for words in expect.get("warnings", []):
            if not any(words in warning for warning in assessment.warnings):
                wanted = f"a warning containing {quote(words)}"
                found.append(Mismatch("warnings", wanted, list(assessment.warnings)))
        return tuple(found)

    def report(self, case: Case, mismatches: Iterable[Mismatch]) -> str:
        """What a failing case shows: each expectation missed, then the traces that explain it."""
        listed = list(mismatches)
        lines = [f"case {quote(case.name)} ({self.path}, line {case.line}):"]
        for mismatch in listed:
            lines.append(f"  {mismatch.what}: expected {_shown(mismatch.expected)}")
            lines.append(f"  {' ' * len(mismatch.what)}       got {_shown(mismatch.got)}")
        decisions = _decisions(self.assessor.assess(case.initiative))
        for name in dict.fromkeys(m.decision for m in listed if m.decision is not None):
            lines.append(f"  trace of {name}:")
            lines.extend(
                f"    {step.rule} ({step.citation}): {step.explanation}"
                for step in decisions[name].trace
            )
        return "\n".join(lines)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


class _Reader:
    """Checks one case file, gathering every problem with its line."""

    def __init__(self, path: Path, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[tuple[str, str]] = []

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        line = line_of(self.lines, path)
        where = f"line {line}: " if line is not None else ""
        self.problems.append((path_text(path) or "(file)", where + message))

    def unknown_keys(
        self, data: Mapping[Any, Any], path: tuple[Any, ...], allowed: tuple[str, ...]
    ) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    (*path, key_text(key)),
                    f"unknown key {quote(str(key))}; allowed: {', '.join(allowed)}"
                    f"{close_match(key, allowed)}",
                )

    def strings(self, value: Any, path: tuple[Any, ...], what: str) -> list[str] | None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(path, f"{what} is a list of strings, not {describe(value)}")
            return None
        return value

    # -- the file ---------------------------------------------------------------------------

    def read(self, document: Any) -> CaseFile | None:
        if not isinstance(document, Mapping):
            self.problem((), f"a case file is a mapping with cases, not {describe(document)}")
            return None
        self.unknown_keys(document, (), _FILE_KEYS)
        layers = self.layers(document.get("rules"))
        cases_data = document.get("cases")
        if not isinstance(cases_data, list) or not cases_data:
            self.problem(("cases",), "cases is required: a non-empty list of cases")
            return None
        suite = CaseFile(self.path, layers or (), ())
        if layers is not None:
            try:
                decision_rules = suite.assessor.decision_rule_sets
            except ProblemsError as error:  # a layer names what the layers below it removed
                for where, message in error.errors:
                    self.problem(("rules",), f"layer {error.source}: {where}: {message}")
                decision_rules = None
        else:
            decision_rules = None
        ids = (
            None
            if decision_rules is None
            else {n: [r.id for r in rs] for n, rs in zip(DECISIONS, decision_rules, strict=True)}
        )
        cases: list[Case] = []
        names: dict[str, int] = {}
        for index, item in enumerate(cases_data):
            case = self.case(item, ("cases", index), ids)
            if case is None:
                continue
            if case.name in names:
                self.problem(
                    ("cases", index, "name"),
                    f"the name {quote(case.name)} is taken by case {names[case.name]} "
                    "(counting from 0); give each case its own name",
                )
                continue
            names[case.name] = index
            cases.append(case)
        if self.problems:
            return None
        suite.cases = tuple(cases)
        return suite

    def layers(self, value: Any) -> list[Layer] | None:
        from copenhagen.layers import InvalidLayerError, load_layer

        if value is None:
            return []
        listed = self.strings(value, ("rules",), "rules")
        if listed is None:
            return None
        found: list[Layer] = []
        for index, name in enumerate(listed):
            where = self.path.parent / name
            try:
                found.append(load_layer(where))
            except InvalidLayerError as error:
                for path, message in error.errors:
                    self.problem(("rules", index), f"layer {name}: {path}: {message}")
            except OSError as error:
                self.problem(("rules", index), f"layer {name}: {_reason(error)}")
        return found if len(found) == len(listed) else None

    # -- cases ------------------------------------------------------------------------------

    def case(
        self, data: Any, path: tuple[Any, ...], ids: dict[str, list[str]] | None
    ) -> Case | None:
        if not isinstance(data, Mapping):
            self.problem(
                path, f"a case is a mapping with name, document and expect, not {describe(data)}"
            )
            return None
        before = len(self.problems)
        self.unknown_keys(data, path, _CASE_KEYS)
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem(
                (*path, "name"), f"name is required: a non-empty string, not {describe(name)}"
            )
        initiative = self.initiative(data, path)
        expect = data.get("expect")
        if not isinstance(expect, Mapping) or not expect:
            self.problem(
                (*path, "expect"),
                f"expect is required: a mapping with any of {', '.join(_EXPECT_KEYS)}",
            )
        else:
            self.expect(expect, (*path, "expect"), ids)
        if len(self.problems) > before or initiative is None:
            return None
        assert isinstance(name, str)
        assert isinstance(expect, Mapping)
        return Case(name.strip(), line_of(self.lines, path) or 0, initiative, expect)

    def initiative(self, data: Mapping[str, Any], path: tuple[Any, ...]) -> Initiative | None:
        from copenhagen.documents import load_initiative, structure_initiative

        given = [key for key in ("document", "file") if data.get(key) is not None]
        if len(given) != 1:
            self.problem(
                path,
                "a case gives its initiative as document (a mapping) or file (a path): one of them",
            )
            return None
        if given == ["document"]:
            try:
                return structure_initiative(data["document"])
            except InvalidInitiativeError as error:
                for inner, message in error.errors:
                    steps = tuple(m[0] or int(m[1]) for m in _STEP.findall(inner))
                    where = (
                        (*path, "document", *steps)
                        if inner != "(document)"
                        else (*path, "document")
                    )
                    self.problem(where, message)
                return None
        name = data["file"]
        if not isinstance(name, str) or not name:
            self.problem((*path, "file"), f"file is a path, not {describe(name)}")
            return None
        try:
            return load_initiative(self.path.parent / name)
        except InvalidInitiativeError as error:
            for inner, message in error.errors:
                self.problem((*path, "file"), f"{name}: {inner}: {message}")
        except OSError as error:
            self.problem((*path, "file"), f"{name}: {_reason(error)}")
        return None

    def expect(
        self, data: Mapping[str, Any], path: tuple[Any, ...], ids: dict[str, list[str]] | None
    ) -> None:
        self.unknown_keys(data, path, _EXPECT_KEYS)
        for decision in DECISIONS:
            if decision in data:
                allowed = (*outcome_names(decision), UNDECIDED)
                self.choice(data[decision], (*path, decision), allowed, f"an outcome of {decision}")
        for decision, keys in self.by_decision(data, "missing", path):
            listed = self.strings(keys, (*path, "missing", decision), "missing")
            for index, key in enumerate(listed or ()):
                self.choice(
                    key,
                    (*path, "missing", decision, index),
                    _MISSING_KEYS,
                    "a key that can be missing",
                )
        for decision, rules in self.by_decision(data, "rules", path):
            listed = self.strings(rules, (*path, "rules", decision), "rules")
            for index, rule_id in enumerate(listed or ()):
                if ids is not None:
                    self.choice(
                        rule_id,
                        (*path, "rules", decision, index),
                        tuple(ids[decision]),
                        f"a rule of {decision}",
                    )
        principles = data.get("principles")
        if principles is not None:
            if not isinstance(principles, Mapping):
                self.problem(
                    (*path, "principles"),
                    f"principles is a mapping of principle to status, not {describe(principles)}",
                )
            else:
                for key, status in principles.items():
                    where = (*path, "principles", key_text(key))
                    if self.choice(key, where, tuple(_PRINCIPLES), "a principle"):
                        self.choice(status, where, _STATUSES, "a status")
        if "warnings" in data:
            self.strings(data["warnings"], (*path, "warnings"), "warnings")

    def by_decision(
        self, data: Mapping[str, Any], key: str, path: tuple[Any, ...]
    ) -> Iterable[tuple[str, Any]]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, Mapping):
            self.problem((*path, key), f"{key} maps decisions to lists, not {describe(value)}")
            return []
        self.unknown_keys(value, (*path, key), DECISIONS)
        return [(name, items) for name, items in value.items() if name in DECISIONS]

    def choice(
        self, value: Any, path: tuple[Any, ...], allowed: tuple[str, ...], what: str
    ) -> bool:
        if isinstance(value, str) and value in allowed:
            return True
        shown = quote(value) if isinstance(value, str) else describe(value)
        self.problem(
            path,
            f"{shown} is not {what}; allowed: {', '.join(allowed)}{close_match(value, allowed)}",
        )
        return False


def _reason(error: OSError) -> str:
    from copenhagen.documents._files import file_problem

    return file_problem(error)


def load_case_file(path: str | os.PathLike[str]) -> CaseFile:
    """Read and check a case file (contract section 7).

    Args:
        path: The ``*.cases.yaml`` file. Its ``rules`` (layers) and each case's ``file`` are
            read relative to it.

    Returns:
        The case file, its cases loaded and their expectations checked.

    Raises:
        InvalidCaseFileError: With every problem of the file at once, each naming its line.
        OSError: If the file cannot be read (``FileNotFoundError`` if it does not exist).
    """
    from copenhagen.documents.loading import parse_text, read_text

    file = Path(path)
    try:
        _, text = read_text(file, ("yaml",))
        document = parse_text("yaml", text, str(file))
    except InvalidInitiativeError as error:  # not YAML, a key given twice, a wrong suffix
        raise InvalidCaseFileError(
            [("(file)" if p == "(document)" else p, m) for p, m in error.errors], str(file)
        ) from None
    reader = _Reader(file, yaml_lines(text))
    found = reader.read(document)
    if found is None:
        raise InvalidCaseFileError(reader.problems, str(file))
    return found
