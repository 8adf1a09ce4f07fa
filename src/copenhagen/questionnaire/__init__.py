"""The questionnaire behind ``copenhagen serve`` and ``copenhagen new``, for non-programmers.

Its questions are generated from the document schema and the catalogue (`sections`), answers
become an initiative document (`read_answers`) and come back from one (`form_values`), and
`progress` shows the decisions so far with the unanswered questions that would decide the rest.
It adds no rule: every decision comes from the `copenhagen.Assessor` it is given (the shipped
rules, or a national reading of them).
"""

from __future__ import annotations

from copenhagen.questionnaire.answers import (
    ANSWER_CHOSEN,
    ANSWER_DONT_KNOW,
    ANSWER_NONE,
    Reading,
    answer_field,
    form_values,
    read_answers,
)
from copenhagen.questionnaire.progress import DecisionView, OpenQuestion, Progress, progress
from copenhagen.questionnaire.questions import (
    DONT_KNOW,
    Choice,
    Question,
    Section,
    Widget,
    question,
    questions,
    sections,
)

__all__ = [
    "ANSWER_CHOSEN",
    "ANSWER_DONT_KNOW",
    "ANSWER_NONE",
    "DONT_KNOW",
    "Choice",
    "DecisionView",
    "OpenQuestion",
    "Progress",
    "Question",
    "Reading",
    "Section",
    "Widget",
    "answer_field",
    "form_values",
    "progress",
    "question",
    "questions",
    "read_answers",
    "sections",
]
