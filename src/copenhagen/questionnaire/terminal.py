"""The questionnaire in a terminal, with questionary (the ``terminal`` extra).

The same questions as the web form, asked one at a time: "Don't know" comes first, so Enter
skips a question. The answers are collected as a form would send them and read by the same
`read_answers`, so the terminal and the web form give the same document for the same answers.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from copenhagen.questionnaire.answers import (
    ANSWER_CHOSEN,
    ANSWER_DONT_KNOW,
    ANSWER_NONE,
    answer_field,
)
from copenhagen.questionnaire.questions import DONT_KNOW, Question, Section, Widget, sections

__all__ = ["QuestionnaireStopped", "ask_questions", "ask_section"]

Answers = dict[str, list[str]]


class QuestionnaireStopped(Exception):  # noqa: N818 - a stop, not an error
    """The person stopped the questionnaire (Ctrl+C or Ctrl+D)."""


def _unwrap(value: Any) -> Any:
    if value is None:  # questionary returns None when the prompt is interrupted
        raise QuestionnaireStopped
    return value


def _help(question: Question, out: TextIO, width: int) -> None:
    extra = question.extra_citations
    cites = f" ({', '.join(extra)})" if extra else ""
    for line in textwrap.wrap(question.help + cites, width - 4):
        out.write(f"    {line}\n")
    out.flush()


def _ask_text(question: Question) -> list[str]:
    import questionary

    def required(text: str) -> bool | str:
        return bool(text.strip()) or "an answer is needed here"

    hint = "" if question.required else "(Enter if you don't know)"
    answer = questionary.text(
        question.prompt,
        instruction=hint,
        validate=required if question.required else None,
        multiline=False,
    ).ask()
    return [_unwrap(answer)]


def _choice(title: str, value: str, description: str | None = None) -> Any:
    import questionary

    return questionary.Choice(title=title, value=value, description=description or None)


def _ask_list(question: Question) -> Answers:
    import questionary

    modes = [] if question.required else [_choice(DONT_KNOW, ANSWER_DONT_KNOW)]
    if question.none_allowed:
        modes.append(_choice("None of these", ANSWER_NONE))
    modes.append(_choice("Some of these: choose them", ANSWER_CHOSEN))
    how = ANSWER_CHOSEN
    if len(modes) > 1:
        how = _unwrap(questionary.select(question.prompt, choices=modes).ask())
    if how != ANSWER_CHOSEN:
        return {answer_field(question): [how], question.key: []}
    picked = questionary.checkbox(
        f"{question.title}: tick with Space, then press Enter",
        choices=[_choice(c.label, c.form_value, c.help) for c in question.choices],
        validate=lambda chosen: bool(chosen) or "tick at least one (Space), then Enter",
    ).ask()
    return {answer_field(question): [ANSWER_CHOSEN], question.key: list(_unwrap(picked))}


def _ask_one(question: Question) -> list[str]:
    import questionary

    choices = [_choice(DONT_KNOW, "")]
    choices += [_choice(c.label, c.form_value, c.help) for c in question.choices]
    return [_unwrap(questionary.select(question.prompt, choices=choices).ask())]


def _ask(question: Question, out: TextIO, width: int) -> Answers:
    _help(question, out, width)
    if question.widget is Widget.CHECKBOXES:
        return _ask_list(question)
    if question.widget in (Widget.TEXT, Widget.TEXTAREA):
        return {question.key: _ask_text(question)}
    return {question.key: _ask_one(question)}


def ask_section(section: Section, out: TextIO, width: int = 80) -> Answers:
    """Ask every question of ``section``; an optional section only if the person wants to.

    Raises:
        QuestionnaireStopped: If the person stops.
    """
    import questionary

    out.write(f"\n{section.title}\n")
    extra = section.extra_citations
    cites = f" ({', '.join(extra)})" if extra else ""
    for line in textwrap.wrap(section.help + cites, width - 2):
        out.write(f"  {line}\n")
    out.flush()
    if section.optional:
        count = len(section.questions)
        wanted = questionary.confirm(
            f"Answer the {count} questions on {section.title.lower()} now?", default=False
        ).ask()
        if not _unwrap(wanted):
            return {}
    answers: Answers = {}
    for question in section.questions:
        answers.update(_ask(question, out, width))
    return answers


def ask_questions(
    out: TextIO,
    width: int = 80,
    *,
    only: Callable[[Question], bool] | None = None,
    chosen: Iterable[Section] | None = None,
) -> Answers:
    """Ask the questionnaire's questions (or those ``only`` keeps), section by section.

    Args:
        out: Where help text is written (the terminal).
        width: The width to wrap help text to.
        only: Ask just the questions this keeps (used to ask again after a problem).
        chosen: The sections to go through; all of them by default.

    Returns:
        The answers, as a form would send them.

    Raises:
        QuestionnaireStopped: If the person stops.
    """
    answers: Answers = {}
    for section in chosen if chosen is not None else sections():
        if only is None:
            answers.update(ask_section(section, out, width))
            continue
        for question in section.questions:
            if only(question):
                answers.update(_ask(question, out, width))
    return answers
