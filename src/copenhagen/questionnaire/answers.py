"""Answers and documents: what a person answered, as an initiative document, and back.

A form (or the terminal) gives answers as strings, keyed by the question's key. `read_answers`
turns them into a document and adds no rule of its own: a value that is not allowed is passed on
as given, so the library's own loader rejects it with its own message, and a "don't know" leaves
the key out, which the library reads as the contract says (unknown for ``engaged_stages`` and the
yes/no facts; none for the other lists). Only contradictions within one answer (ticking choices
and "none" together) are the questionnaire's to report. `form_values` is the way back, for a
document to edit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from copenhagen.questionnaire.questions import Question, Widget, kept_keys, questions

__all__ = [
    "ANSWER_CHOSEN",
    "ANSWER_DONT_KNOW",
    "ANSWER_NONE",
    "Reading",
    "answer_field",
    "form_values",
    "read_answers",
]

#: The values of a list question's answer field (``KEY--answer``).
ANSWER_DONT_KNOW = "dont_know"
ANSWER_NONE = "none"
ANSWER_CHOSEN = "chosen"

FormData = Mapping[str, Sequence[str]]


def answer_field(question: Question) -> str:
    """The name of the field that says how a list question was answered."""
    return f"{question.key}--answer"


@attrs.frozen(slots=True)
class Reading:
    """What a set of answers says.

    Attributes:
        document: The initiative document the answers give (keys in document order).
        problems: ``(path, message)`` pairs for answers that contradict themselves.
        dont_know: The keys answered "don't know" (or left empty), in question order.
    """

    document: dict[str, Any]
    problems: tuple[tuple[str, str], ...] = ()
    dont_know: tuple[str, ...] = ()


def _first(form: FormData, name: str) -> str:
    values = form.get(name) or ()
    return str(values[0]) if values else ""


def _scalar(question: Question, raw: str) -> Any:
    """A yes/no answer as a boolean; anything else as given (the loader judges it)."""
    for choice in question.choices:
        if choice.form_value == raw:
            return choice.value
    return raw


def _read_list(
    question: Question, form: FormData
) -> tuple[list[str] | None, tuple[str, str] | None]:
    """The list a list question gives (``None`` for don't know), or a contradiction."""
    chosen = [str(v) for v in form.get(question.key) or () if str(v)]
    how = _first(form, answer_field(question))
    if how == ANSWER_NONE and question.none_allowed:
        if chosen:
            return None, (question.key, "choose some of the options or 'none', not both")
        return [], None
    if chosen:  # ticking an option answers the question, whatever the radio says
        return chosen, None
    if how == ANSWER_CHOSEN:
        return None, (question.key, "tick at least one option, or answer 'don't know'")
    return None, None


def read_answers(form: FormData) -> Reading:
    """The document a set of answers gives.

    Args:
        form: The answers: each question's key (and a list question's ``KEY--answer``) to the
            strings given for it, as an HTML form sends them; ``extra`` holds the JSON text of
            the document's ``extra``, which no question asks and which is kept as given.

    Returns:
        The document, the answers' contradictions and the keys left as "don't know".
    """
    document: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    dont_know: list[str] = []
    for question in questions():
        value: Any
        if question.widget is Widget.CHECKBOXES:
            value, problem = _read_list(question, form)
            if problem is not None:
                problems.append(problem)
        else:
            raw = _first(form, question.key)
            if question.widget is Widget.TEXTAREA:
                raw = raw.replace("\r\n", "\n")  # browsers send a text area's line ends so
            if not raw.strip():
                value = None  # a blank answer is "don't know"
            elif question.widget in (Widget.TEXT, Widget.TEXTAREA):
                value = raw  # as typed: nothing trimmed
            else:
                value = _scalar(question, raw)
        if value is None:
            dont_know.append(question.key)
            continue
        top, _, entry = question.key.partition(".")
        if entry:
            document.setdefault(top, {})[entry] = value
        else:
            document[top] = value
    for key in kept_keys():
        text = _first(form, key).strip()
        if not text:
            continue
        try:
            document[key] = json.loads(text)
        except ValueError:
            problems.append((key, "the data kept from the uploaded document were damaged"))
    return Reading(_ordered(document), tuple(problems), tuple(dont_know))


def _ordered(document: dict[str, Any]) -> dict[str, Any]:
    from copenhagen.model import DOCUMENT_KEYS

    return {key: document[key] for key in DOCUMENT_KEYS if key in document}


def form_values(document: Mapping[str, Any]) -> dict[str, list[str]]:
    """The answers that give ``document`` back: the form filled in for editing it.

    Args:
        document: A valid document, as `copenhagen.dump_initiative` gives it (principle keys by
            name, lists as lists).

    Returns:
        Each question's key to the strings the form holds for it; ``extra`` as JSON text.
    """
    values: dict[str, list[str]] = {}
    for question in questions():
        top, _, entry = question.key.partition(".")
        value = document.get(top)
        if entry:
            value = value.get(entry) if isinstance(value, Mapping) else None
        if value is None:
            continue
        if question.widget is Widget.CHECKBOXES:
            items = [str(v) for v in value]
            values[question.key] = items
            values[answer_field(question)] = [ANSWER_CHOSEN if items else ANSWER_NONE]
        elif isinstance(value, bool):
            values[question.key] = ["true" if value else "false"]
        else:
            values[question.key] = [str(value)]
    for key in kept_keys():
        if document.get(key):
            values[key] = [json.dumps(document[key], ensure_ascii=False, sort_keys=True)]
    return values
