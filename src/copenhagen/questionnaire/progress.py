"""Where answers stand: the decisions so far, and the questions that would settle the rest.

The decisions are the assessor's (a `copenhagen.Assessor`); a decision that is not determinate
names in ``missing`` the unknown document keys whose values would decide it (contract section 1),
and each such key is put back to the person as its question, in plain words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.questionnaire.answers import Reading
from copenhagen.questionnaire.questions import Question, question

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.assessor import Assessor
    from copenhagen.model import Initiative

__all__ = ["DecisionView", "OpenQuestion", "Progress", "progress", "read_as_none"]


@attrs.frozen(slots=True)
class DecisionView:
    """One decision, ready to show.

    Attributes:
        key: ``"scope"``, ``"modality"`` or ``"nso_category"``.
        heading: Its heading (``"NSO category"``).
        outcome: The outcome in words (``"undecided"`` when not determinate).
        determinate: Whether the known facts settle it.
        missing: The questions whose answers would decide it.
        trace: ``(rule, citation, explanation)`` of each step of its trace.
        warnings: Its warnings.
    """

    key: str
    heading: str
    outcome: str
    determinate: bool
    missing: tuple[Question, ...]
    trace: tuple[tuple[str, str, str], ...]
    warnings: tuple[str, ...]


@attrs.frozen(slots=True)
class OpenQuestion:
    """An unanswered question that would decide something.

    Attributes:
        question: The question.
        decides: The headings of the decisions it would help settle.
    """

    question: Question
    decides: tuple[str, ...]


@attrs.frozen(slots=True)
class Progress:
    """Where the answers stand.

    Attributes:
        reading: The answers read as a document.
        errors: Every problem of the document (the answers' own and the loader's), as
            ``(path, message)``; when the loader finds any, nothing is assessed.
        initiative: The loaded initiative, or ``None`` if the document is not valid.
        assessment: Its assessment, or ``None``.
        decisions: The three decisions, in report order (empty without an assessment).
        open_questions: The questions whose answers would decide the undecided decisions, in
            document order, each once.
        read_as_none: Questions answered "don't know" that the library reads as "none".
    """

    reading: Reading
    errors: tuple[tuple[str, str], ...]
    initiative: Initiative | None
    assessment: Assessment | None
    decisions: tuple[DecisionView, ...]
    open_questions: tuple[OpenQuestion, ...]
    read_as_none: tuple[Question, ...]

    @property
    def complete(self) -> bool:
        """Whether every decision is determinate."""
        return bool(self.decisions) and all(d.determinate for d in self.decisions)


def read_as_none(keys: tuple[str, ...]) -> tuple[Question, ...]:
    """The questions among ``keys`` whose document key, left out, means "none" (contract s. 2).

    Read from the model: a field whose default is an empty set rather than ``None``.
    """
    from copenhagen.model import Initiative

    fields = attrs.fields_dict(Initiative)
    return tuple(
        question(k)
        for k in keys
        if k in fields and fields[k].default is not None and fields[k].default == frozenset()
    )


def _decision(key: str, heading: str, decision: Mapping[str, Any]) -> DecisionView:
    from copenhagen.reports._view import outcome_text

    return DecisionView(
        key=key,
        heading=heading,
        outcome=outcome_text(key, decision),
        determinate=bool(decision.get("determinate")),
        missing=tuple(question(m) for m in decision.get("missing") or ()),
        trace=tuple((s["rule"], s["citation"], s["explanation"]) for s in decision["trace"]),
        warnings=tuple(decision.get("warnings") or ()),
    )


def progress(reading: Reading, assessor: Assessor) -> Progress:
    """Load the answers' document and assess it with ``assessor``.

    Args:
        reading: The answers, read by `copenhagen.questionnaire.read_answers`.
        assessor: What decides (`copenhagen.Assessor`, with any layers).

    Returns:
        The decisions so far and the questions that would settle the rest; the errors instead
        when the document is not valid yet.
    """
    from copenhagen.documents import document_errors, load_initiative
    from copenhagen.reports._labels import DECISIONS

    errors = tuple(reading.problems) + tuple(document_errors(reading.document))
    none_read = read_as_none(reading.dont_know)
    if len(errors) > len(reading.problems):
        return Progress(reading, errors, None, None, (), (), none_read)
    initiative = load_initiative(reading.document)
    assessment = assessor.assess(initiative)
    data = assessment.to_dict()
    decisions = tuple(_decision(key, heading, data[key]) for key, heading in DECISIONS)
    deciding: dict[str, list[str]] = {}
    for view in decisions:
        for q in view.missing:
            deciding.setdefault(q.key, []).append(view.heading)
    from copenhagen.model import DOCUMENT_KEYS

    order = sorted(deciding, key=DOCUMENT_KEYS.index)
    open_questions = tuple(OpenQuestion(question(k), tuple(deciding[k])) for k in order)
    return Progress(reading, errors, initiative, assessment, decisions, open_questions, none_read)
