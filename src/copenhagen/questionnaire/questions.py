"""The questions of the questionnaire, generated from the document schema and the catalogue.

Every key of the initiative document (contract section 2) becomes a question: its title and help
come from `copenhagen.initiative_schema`, its choices from the schema's enums, and the choices'
citations from the catalogue (`copenhagen.framework`). Only the question itself, phrased for a
person rather than a program, is written here, so the questionnaire cannot drift from the model:
a key added to the document without a phrasing here fails the tests.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum, StrEnum
from typing import Any

import attrs

from copenhagen.framework import (
    Actor,
    Objective,
    ParticipationAspect,
    ParticipationLevel,
    Practice,
    Principle,
    Stage,
)
from copenhagen.framework.citations import is_anchor

__all__ = [
    "DONT_KNOW",
    "Choice",
    "Question",
    "Section",
    "Widget",
    "question",
    "questions",
    "sections",
]

#: What every question offers besides its choices; choosing it leaves the key out.
DONT_KNOW = "Don't know"


class Widget(StrEnum):
    """How a question is answered."""

    TEXT = "text"  # one line of text
    TEXTAREA = "textarea"  # free text over several lines
    CHECKBOXES = "checkboxes"  # any number of the choices (a list key)
    RADIOS = "radios"  # one of a few choices (yes, no)
    SELECT = "select"  # one of the choices, from a list


@attrs.frozen(slots=True)
class Choice:
    """One allowed answer.

    Attributes:
        value: The value the document holds for it (a string, or a boolean).
        label: A short label.
        help: What it means, in the library's words.
        citations: Where the framework says it, if anywhere.
    """

    value: str | bool
    label: str
    help: str = ""
    citations: tuple[str, ...] = ()

    @property
    def form_value(self) -> str:
        """The value as a form sends it: ``"true"``/``"false"`` for booleans."""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return self.value


@attrs.frozen(slots=True)
class Question:
    """One question: a key of the document, asked in plain words.

    Attributes:
        key: The document path it answers: a top-level key (``"engaged_stages"``), or a key and
            an entry of a mapping key (``"principles.informed_consent"``).
        title: The key's title (from the schema, or the catalogue for a mapping's entry).
        prompt: The question put to a person.
        help: What the key means (the schema's description, or the catalogue's summary).
        citations: Where the framework supports the key.
        widget: How it is answered.
        choices: The allowed answers (empty for text).
        required: Whether the document must give it.
        none_allowed: For a list: whether "none of these" is an answer (absent for a required
            list, which must name at least one).
    """

    key: str
    title: str
    prompt: str
    help: str
    citations: tuple[str, ...]
    widget: Widget
    choices: tuple[Choice, ...] = ()
    required: bool = False
    none_allowed: bool = True

    @property
    def field_id(self) -> str:
        """An HTML id for the question (``q-`` and the key with dots as dashes)."""
        return "q-" + self.key.replace(".", "-")

    @property
    def extra_citations(self) -> tuple[str, ...]:
        """The citations the help text does not already name."""
        return unnamed(self.citations, self.help)

    @property
    def top_key(self) -> str:
        """The top-level document key the question answers (``"principles"`` for an entry)."""
        return self.key.split(".", 1)[0]


@attrs.frozen(slots=True)
class Section:
    """A group of questions shown together.

    Attributes:
        key: Stable identifier.
        title: Its heading.
        help: One or two sentences on what it covers.
        citations: Where the framework sets it out.
        questions: Its questions, in order.
        optional: Whether a person may skip the whole section (shown folded).
    """

    key: str
    title: str
    help: str
    citations: tuple[str, ...]
    questions: tuple[Question, ...]
    optional: bool = False

    @property
    def extra_citations(self) -> tuple[str, ...]:
        """The citations the help text does not already name."""
        return unnamed(self.citations, self.help)


#: The one thing written here per key: how to ask for it.
PROMPTS: Mapping[str, str] = {
    "name": "What is the initiative called?",
    "description": "In a few sentences, what does it do? (optional)",
    "country": "In which country does it take place? Give the two-letter code, such as KE.",
    "initiated_by": "Who started the initiative?",
    "partners": "Who works with the initiators in carrying it out?",
    "funders": "Who pays for it?",
    "objectives": "What does the initiative set out to achieve?",
    "engaged_stages": (
        "In which stages of the data value chain do citizens, communities or CSOs take an "
        "active part?"
    ),
    "meaningful_engagement": (
        "Is that engagement sufficient and meaningful: do the people involved really shape "
        "the issues that matter to them?"
    ),
    "integrated_into_official_statistics": (
        "Are the initiative's data taken into official statistics?"
    ),
    "quality_assured": "Are the data quality assured to the standards of official statistics?",
}

# Keys whose questions are generated per entry rather than asked once.
_MAPPING_KEYS = ("principles", "practices", "participation")
# Keys a person does not answer in a questionnaire: kept as given (see the answers module).
_KEPT_KEYS = ("extra",)

_ENUM_OF: Mapping[str, type[Enum]] = {
    "initiated_by": Actor,
    "partners": Actor,
    "funders": Actor,
    "objectives": Objective,
    "engaged_stages": Stage,
}
_DEF_OF: Mapping[type[Enum], str] = {
    Actor: "actor",
    Objective: "objective",
    Stage: "stage",
    ParticipationLevel: "participation_level",
}

_CITATION = re.compile(r"\((paras? [^)]*)\)")


def unnamed(citations: Iterable[str], text: str) -> tuple[str, ...]:
    """The ``citations`` that ``text`` does not already name, to show beside it."""
    return tuple(c for c in citations if c not in text)


def anchors_in(text: str) -> tuple[str, ...]:
    """The framework citations written in parentheses in ``text``, such as ``(para 15)``."""
    return tuple(found for found in _CITATION.findall(text) if is_anchor(found))


@functools.cache
def _schema() -> Mapping[str, Any]:
    from copenhagen.documents import initiative_schema

    schema: Mapping[str, Any] = initiative_schema()
    return schema


def _choices(enum: type[Enum], def_name: str) -> tuple[Choice, ...]:
    """The schema's titled values of an enum, with the catalogue's citations where it has them."""
    entries = {item["const"]: item for item in _schema()["$defs"][def_name]["oneOf"]}
    choices = []
    for member in enum:
        item = entries[member.value]
        cites = getattr(member, "citations", ())
        choices.append(Choice(member.value, item["title"], item["description"], tuple(cites)))
    return tuple(choices)


_YES_NO = (Choice(True, "Yes"), Choice(False, "No"))


def _top(key: str) -> Question:
    prop = _schema()["properties"][key]
    title, text = prop["title"], prop["description"]
    required = key in _schema()["required"]
    enum = _ENUM_OF.get(key)
    if enum is not None:
        return Question(
            key,
            title,
            PROMPTS[key],
            text,
            anchors_in(text),
            Widget.CHECKBOXES,
            _choices(enum, _DEF_OF[enum]),
            required=required,
            none_allowed=not required,
        )
    kinds = {branch.get("type") for branch in prop.get("anyOf", [prop])}
    choices: tuple[Choice, ...] = ()
    if "boolean" in kinds:
        widget, choices = Widget.RADIOS, _YES_NO
    else:
        widget = Widget.TEXTAREA if key == "description" else Widget.TEXT
    return Question(
        key, title, PROMPTS[key], text, anchors_in(text), widget, choices, required=required
    )


def _principle(principle: Principle) -> Question:
    key = principle.name.lower()
    statuses = tuple(
        Choice(item["const"], item["title"], item["description"])
        for item in _schema()["$defs"]["status"]["oneOf"]
    )
    return Question(
        f"principles.{key}",
        f"{principle.value}. {principle.title}",
        f"Does the initiative uphold principle {principle.value}, {principle.title}?",
        principle.summary,
        principle.citations,
        Widget.SELECT,
        statuses,
    )


def _practice(practice: Practice) -> Question:
    return Question(
        f"practices.{practice.value}",
        practice.title,
        f"{practice.title}: is this so for the initiative?",
        practice.summary,
        practice.citations,
        Widget.SELECT,
        _YES_NO,
    )


def _aspect(aspect: ParticipationAspect) -> Question:
    return Question(
        f"participation.{aspect.value}",
        aspect.title,
        f"How would you rate participation for {aspect.title.lower()} "
        f"({aspect.dimension.value} of engagement)?",
        aspect.summary,
        aspect.citations,
        Widget.SELECT,
        _choices(ParticipationLevel, "participation_level"),
    )


def _entries(key: str, citations: tuple[str, ...], asked: Iterable[Question]) -> Section:
    """The optional section asking the entries of the mapping key ``key`` one by one."""
    prop = _schema()["properties"][key]
    return Section(key, prop["title"], prop["description"], citations, tuple(asked), True)


@functools.cache
def sections() -> tuple[Section, ...]:
    """Every section of the questionnaire, in the order a person is asked them."""
    from copenhagen.framework import catalogue_part

    def part(name: str) -> tuple[str, ...]:
        return catalogue_part(name).citations

    return (
        Section(
            "about",
            "The initiative",
            "Its name is needed; the rest is optional.",
            (),
            tuple(_top(k) for k in ("name", "description", "country")),
        ),
        Section(
            "actors",
            "Who takes part",
            "Who started it, who carries it out with them and who pays decide its collaboration "
            "modality.",
            part("actors"),
            tuple(_top(k) for k in ("initiated_by", "partners", "funders")),
        ),
        Section(
            "objectives",
            "What it is for",
            "The aims the framework lists for citizen data.",
            part("objectives"),
            (_top("objectives"),),
        ),
        Section(
            "engagement",
            "How citizens take part",
            "Where citizens take an active part, and whether that is meaningful, decide whether "
            "an initiative started by others is citizen data at all.",
            ("Box 2", *part("stages")),
            tuple(_top(k) for k in ("engaged_stages", "meaningful_engagement")),
        ),
        Section(
            "official",
            "Official statistics",
            "These two facts decide which of the framework's three categories the data fall in.",
            part("nso_categories"),
            tuple(_top(k) for k in ("integrated_into_official_statistics", "quality_assured")),
        ),
        _entries("principles", part("principles"), (_principle(p) for p in Principle)),
        _entries("practices", part("principles"), (_practice(p) for p in Practice)),
        _entries(
            "participation",
            part("participation_aspects"),
            (_aspect(a) for a in ParticipationAspect),
        ),
    )


def questions() -> Iterator[Question]:
    """Every question, in order."""
    for section in sections():
        yield from section.questions


@functools.cache
def _by_key() -> Mapping[str, Question]:
    return {q.key: q for q in questions()}


def question(key: str) -> Question:
    """The question that answers the document key (or mapping entry) ``key``.

    Raises:
        KeyError: If no question answers it.
    """
    return _by_key()[key]


def asked_keys() -> tuple[str, ...]:
    """The top-level document keys the questionnaire asks about, in document order."""
    from copenhagen.model import DOCUMENT_KEYS

    seen = {q.top_key for q in questions()}
    return tuple(k for k in DOCUMENT_KEYS if k in seen)


def kept_keys() -> tuple[str, ...]:
    """Document keys the questionnaire carries through untouched (``extra``)."""
    return _KEPT_KEYS


def mapping_keys() -> tuple[str, ...]:
    """Document keys that are mappings asked entry by entry."""
    return _MAPPING_KEYS


def choice_values(choices: Iterable[Choice]) -> tuple[str, ...]:
    """The form values of ``choices``."""
    return tuple(c.form_value for c in choices)
