"""Recommendations: each gap an assessment finds, turned into a concrete, cited next step.

A recommendation rule is data on the library's one rule engine: a stable id, the citation it
rests on, a plain statement, a `Condition` saying when it applies, and a text whose blanks are
filled by named `Slot` objects (the missing keys of a decision, the stages not yet engaged...).
A rule applies only when its condition is known to hold: while a fact it needs is unknown, it
stays silent rather than guess. The rules run in their listed order (`RECOMMENDATION_RULES`), so
the same assessment always gives the same list; their digest is part of every assessment's
provenance. The interpretation register explains the choices (PART-7).

A condition reads the initiative's facts and the parts of its assessment through a `Findings`
view: the decisions and the participation profile by their rule sets (`DecidedAs`,
`Undecided`, `Missing`), the principles by `StatusIn`.
"""

from __future__ import annotations

import hashlib
import json
import operator
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from copenhagen.framework.official import NSOCategory
from copenhagen.framework.participation import ParticipationAspect, ParticipationLevel
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import Principle
from copenhagen.framework.stages import Stage
from copenhagen.model import Decision, Initiative, Scope, Status
from copenhagen.participation import (
    DEGREE_RULES,
    DESIGN_STAGE_RULES,
    QUALITY_RULES,
    ParticipationProfile,
)
from copenhagen.principles.assessment import PRINCIPLE_RULES, PrincipleAssessment, PrincipleRules
from copenhagen.principles.queries import practices_of
from copenhagen.principles.relations import REQUIRES, REQUIRES_CLOSURE
from copenhagen.rules.category import NSO_CATEGORY_RULES
from copenhagen.rules.conditions import (
    EXACT,
    Condition,
    DecidedAs,
    Decider,
    Facts,
    Has,
    In,
    Is,
    Known,
    Missing,
    Not,
    Test,
    Undecided,
    Verdict,
    all_of,
    any_of,
    missing_of,
    verdict_of,
)
from copenhagen.rules.facts import FACTS, in_document_order, practice_key, principle_key, rating_key
from copenhagen.rules.modality import MODALITY_RULES
from copenhagen.rules.scope import CITIZEN_INITIATOR, SCOPE_RULES

__all__ = [
    "PRINCIPLE_CITATIONS",
    "RECOMMENDATION_RULES",
    "Findings",
    "Recommendation",
    "RecommendationRule",
    "RecommendationSet",
    "Slot",
    "StatusIn",
    "recommend",
]


@attrs.frozen(slots=True, cache_hash=True)
class Recommendation:
    """One concrete next step for an initiative, with the framework's support for it.

    Attributes:
        id: Stable id: the rule's id (``open_practices.<principle>`` for a per-principle step).
        text: The step, in one or two plain sentences.
        citation: Where the framework supports it (``"para 10"``, ``"paras 32-34"``).
    """

    id: str
    text: str
    citation: str

    def to_dict(self) -> dict[str, str]:
        """The recommendation as plain data."""
        return {"id": self.id, "text": self.text, "citation": self.citation}


#: The paragraph that says how each principle is put into practice (paras 19-31).
PRINCIPLE_CITATIONS: dict[Principle, str] = {p: f"para {p.value + 18}" for p in Principle}

# The member names, not catalogue text: the wording stays stable whatever the catalogue says.
_ID: dict[Principle, str] = {p: p.name.lower() for p in Principle}
_NAME: dict[Principle, str] = {p: p.name.lower().replace("_", " ") for p in Principle} | {
    Principle.SELF_IDENTIFICATION: "self-identification",  # a hyphenated word, not two
}
_SHORTFALL: dict[Status, str] = {Status.NOT_MET: "not met", Status.PARTIAL: "only partly met"}
_SHORT = frozenset(_SHORTFALL)


# --------------------------------------------------------------------------------------------
# What the rules read: the initiative and its assessment's parts
# --------------------------------------------------------------------------------------------


def status_key(principle: Principle) -> str:
    """The key under which a `Findings` view gives a principle's assessed status."""
    return f"status.{_ID[principle]}"


def own_key(principle: Principle) -> str:
    """The key under which a `Findings` view gives a principle's own status."""
    return f"own.{_ID[principle]}"


# A settled value's verdict, one shared object each (the profile keeps values, not verdicts).
_SETTLED: dict[Any, Verdict] = {v: Verdict(True, v) for v in (True, False, *ParticipationLevel)}
_OPEN = Verdict(False)


def _known(value: Any) -> Verdict:
    return _OPEN if value is None else _SETTLED[value]


@attrs.frozen(slots=True)
class Findings:
    """What the recommendation rules read: the initiative and the assessment's parts.

    As a mapping it gives every fact of the initiative (`copenhagen.rules.FACTS` keys) and each
    principle's assessed and own status (``status.<principle>``, ``own.<principle>``); the
    decisions and the profile's placements are read by their rule sets' ids.

    Attributes:
        initiative: The initiative assessed.
        scope: Its scope decision.
        modality: Its modality decision.
        nso_category: Its NSO category decision.
        principles: Its principle assessment.
        participation: Its participation profile.
        decision_ids: The ids of the rule sets that made the three decisions, in that order.
    """

    initiative: Initiative
    scope: Decision
    modality: Decision
    nso_category: Decision
    principles: PrincipleAssessment
    participation: ParticipationProfile
    decision_ids: tuple[str, str, str] = ("scope", "modality", "nso_category")

    def verdict_of(self, rule_set_id: str) -> Verdict | None:
        """The verdict of a decision or profile placement this view holds, else ``None``."""
        getter = _VERDICTS.get(rule_set_id)
        if getter is not None:
            return getter(self)
        if rule_set_id in self.decision_ids:
            return self.decision(rule_set_id).verdict
        return None

    def missing_of(self, rule_set_id: str) -> tuple[str, ...] | None:
        """The ``missing`` keys of a decision this view holds, else ``None``."""
        if rule_set_id in self.decision_ids:
            return self.decision(rule_set_id).missing
        return None

    def decision(self, rule_set_id: str) -> Decision:
        """The decision made by the rule set with this id (`KeyError` if none of the three)."""
        scope, modality, category = self.decision_ids
        if rule_set_id == scope:
            return self.scope
        if rule_set_id == modality:
            return self.modality
        if rule_set_id == category:
            return self.nso_category
        raise KeyError(rule_set_id)


_SCOPE = operator.attrgetter("scope")
_MODALITY = operator.attrgetter("modality")
_CATEGORY = operator.attrgetter("nso_category")
_VERDICTS = {
    DESIGN_STAGE_RULES.id: lambda f: _known(f.participation.design_stage_engaged),
    DEGREE_RULES.id: lambda f: _known(f.participation.degree),
    QUALITY_RULES.id: lambda f: _known(f.participation.quality),
}


def findings_getters(
    findings_keys: Iterable[str], decision_ids: tuple[str, str, str]
) -> dict[str, Any]:
    """How a `copenhagen.rules.compiled.Recorder` reads each key of a `Findings` view.

    Args:
        findings_keys: The fact keys the rules may read (initiative facts and statuses).
        decision_ids: The ids of the decision rule sets whose verdicts and ``missing`` it holds.
    """
    getters: dict[str, Any] = {}
    for key in findings_keys:
        if key in FACTS:
            read = FACTS[key].read
            getters[key] = lambda f, read=read: read(f.initiative)
        elif key.startswith("status."):
            principle = Principle[key.split(".", 1)[1].upper()]
            getters[key] = lambda f, p=principle: f.principles.status(p)
        elif key.startswith("own."):
            principle = Principle[key.split(".", 1)[1].upper()]
            getters[key] = lambda f, p=principle: f.principles.own_status(p)
    scope, modality, category = decision_ids
    parts = {scope: _SCOPE, modality: _MODALITY, category: _CATEGORY}
    for rule_set_id, read in parts.items():
        getters["verdict:" + rule_set_id] = lambda f, read=read: read(f).verdict
        getters["missing:" + rule_set_id] = lambda f, read=read: read(f).missing
    for rule_set_id, verdict in _VERDICTS.items():
        getters["verdict:" + rule_set_id] = verdict
    return getters


def _statuses(statuses: Iterable[Status]) -> frozenset[Status]:
    return frozenset(statuses)


def _stages(stages: Iterable[Stage]) -> frozenset[Stage]:
    return frozenset(stages)


def _rule_tuple(rules: Iterable[RecommendationRule]) -> tuple[RecommendationRule, ...]:
    return tuple(rules)


@attrs.frozen(slots=True)
class StatusIn(Condition):
    """A principle's assessed (or own) status is one of ``statuses``.

    Two-valued: a status is always known, ``unknown`` being one of the statuses.

    Attributes:
        principle: The principle.
        statuses: The statuses looked for.
        own: Read its own status (before the "and" over what it requires) instead.
        rules: The principle rules the status comes from (for the facts it reads).
    """

    principle: Principle
    statuses: frozenset[Status] = attrs.field(converter=_statuses)
    own: bool = False
    rules: PrincipleRules = attrs.field(default=PRINCIPLE_RULES, eq=False, repr=False)
    #: The `Findings` key read.
    key: str = attrs.field(init=False, eq=False, repr=False)

    @key.default
    def _key(self) -> str:
        return own_key(self.principle) if self.own else status_key(self.principle)

    def evaluate(self, facts: Facts) -> bool:  # noqa: D102
        return facts[self.key] in self.statuses

    def describe(self, facts: Facts) -> tuple[str, ...]:  # noqa: D102
        return (f"principle {self.principle.value} is {facts[self.key].value}",)

    def formula(self) -> str:  # noqa: D102
        listed = ", ".join(s.value for s in Status if s in self.statuses)
        return f"{self.key} in [{listed}]"

    def keys(self) -> tuple[str, ...]:  # noqa: D102
        return (self.key,)

    def base_keys(self) -> tuple[str, ...]:
        """The initiative's facts the status depends on."""
        return in_document_order(k for j in self._involved() for k in self.rules.own[j].facts)

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        """Every test of the initiative's facts the status depends on."""
        for j in self._involved():
            yield from self.rules.own[j].set_tests()

    def _involved(self) -> list[int]:
        """The indices of the principles whose own status this status reads."""
        i = self.principle.value - 1
        if self.own:
            return [i]
        return [i, *(q.value - 1 for q in REQUIRES_CLOSURE[self.principle])]


# --------------------------------------------------------------------------------------------
# Slots: the named blanks of a recommendation's text
# --------------------------------------------------------------------------------------------


class Slot:
    """A named blank in a recommendation's text, filled from what the rules read."""

    __slots__ = ()

    name: str

    def render(self, facts: Facts) -> str:
        """The words that fill the blank."""
        raise NotImplementedError

    def formula(self) -> str:
        """What fills the blank, as a stable formula (for listings and digests)."""
        raise NotImplementedError

    def keys(self) -> tuple[str, ...]:
        """The fact keys of a `Findings` view the blank reads."""
        raise NotImplementedError

    def reads(self) -> tuple[str, ...]:
        """What the blank reads of a `Findings` view (see `Condition.reads`)."""
        return self.keys()

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        """The tests the blank makes of the initiative's facts (through decisions too).

        By default it names the values of the facts it reads.
        """
        return ((k, EXACT) for k in self.reads() if k in FACTS)

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        """The tests it makes of the facts it reads itself (a decision is read whole)."""
        return self.set_tests()


@attrs.frozen(slots=True)
class MissingKeys(Slot):
    """The keys that would settle a decision, comma-separated."""

    name: str
    rule_set: Decider = attrs.field(eq=False)

    def render(self, facts: Facts) -> str:
        return ", ".join(missing_of(facts, self.rule_set))

    def formula(self) -> str:
        return f"missing({self.rule_set.id})"

    def keys(self) -> tuple[str, ...]:
        return self.rule_set.facts

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        return self.rule_set.set_tests()

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        return iter(())

    def reads(self) -> tuple[str, ...]:
        return (f"missing:{self.rule_set.id}",)


@attrs.frozen(slots=True)
class StagesNotEngaged(Slot):
    """The stages not listed as engaged, in value-chain order, but ``leave_out``."""

    name: str
    leave_out: frozenset[Stage] = attrs.field(converter=_stages)

    def render(self, facts: Facts) -> str:
        engaged = facts["engaged_stages"] or frozenset()
        return ", ".join(s.value for s in Stage if s not in engaged and s not in self.leave_out)

    def formula(self) -> str:
        left = ", ".join(s.value for s in Stage if s in self.leave_out)
        return f"stages not in engaged_stages, but [{left}]"

    def keys(self) -> tuple[str, ...]:
        return ("engaged_stages",)


@attrs.frozen(slots=True)
class Unrated(Slot):
    """The aspects of participation not rated, in aspect order."""

    name: str

    def render(self, facts: Facts) -> str:
        return ", ".join(a.value for a in ParticipationAspect if facts[rating_key(a)] is None)

    def formula(self) -> str:
        return "aspects not rated"

    def keys(self) -> tuple[str, ...]:
        return tuple(rating_key(a) for a in ParticipationAspect)

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        return ((rating_key(a), frozenset()) for a in ParticipationAspect)


@attrs.frozen(slots=True)
class LevelsBelowHigh(Slot):
    """Each of degree and quality that is settled below high, with its level."""

    name: str

    def render(self, facts: Facts) -> str:
        said = []
        for word, rule_set in (("degree", DEGREE_RULES), ("quality", QUALITY_RULES)):
            found = verdict_of(facts, rule_set)
            if found.determinate and found.outcome is not ParticipationLevel.HIGH:
                said.append(f"{word} ({found.outcome.value})")
        return " and ".join(said)

    def formula(self) -> str:
        return "degree and quality settled below high"

    def keys(self) -> tuple[str, ...]:
        return (*DEGREE_RULES.facts, *QUALITY_RULES.facts)

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        yield from DEGREE_RULES.set_tests()
        yield from QUALITY_RULES.set_tests()

    def view_tests(self) -> Iterator[tuple[str, Test]]:
        return iter(())

    def reads(self) -> tuple[str, ...]:
        return (f"verdict:{DEGREE_RULES.id}", f"verdict:{QUALITY_RULES.id}")


@attrs.frozen(slots=True)
class Shortfall(Slot):
    """How far a principle falls short: "not met" or "only partly met"."""

    name: str
    principle: Principle

    def render(self, facts: Facts) -> str:
        return _SHORTFALL[facts[status_key(self.principle)]]

    def formula(self) -> str:
        return f"shortfall({status_key(self.principle)})"

    def keys(self) -> tuple[str, ...]:
        return (status_key(self.principle),)

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        return StatusIn(self.principle, _SHORT).set_tests()


@attrs.frozen(slots=True)
class OpenPractices(Slot):
    """The titles of a principle's practices not answered yes, as a "Still open" sentence."""

    name: str
    principle: Principle

    def render(self, facts: Facts) -> str:
        still = [
            x.title for x in practices_of(self.principle) if facts[practice_key(x)] is not True
        ]
        return f" Still open: {'; '.join(still)}." if still else ""

    def formula(self) -> str:
        return f"practices of {_ID[self.principle]} not answered yes"

    def keys(self) -> tuple[str, ...]:
        return tuple(practice_key(x) for x in practices_of(self.principle))

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        return ((practice_key(x), frozenset({True})) for x in practices_of(self.principle))


@attrs.frozen(slots=True)
class HeldDown(Slot):
    """What holds a principle's status below its own, as an "It also depends on" sentence."""

    name: str
    principle: Principle

    def render(self, facts: Facts) -> str:
        status = facts[status_key(self.principle)]
        if status is facts[own_key(self.principle)]:
            return ""
        held = [q for q in REQUIRES[self.principle] if facts[status_key(q)] is status]
        return f" It also depends on: {', '.join(_NAME[q] for q in held)}." if held else ""

    def formula(self) -> str:
        return f"requirements holding down {_ID[self.principle]}"

    def keys(self) -> tuple[str, ...]:
        return (
            status_key(self.principle),
            own_key(self.principle),
            *(status_key(q) for q in REQUIRES[self.principle]),
        )

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        yield from StatusIn(self.principle, _SHORT).set_tests()
        for q in REQUIRES[self.principle]:
            yield from StatusIn(q, _SHORT).set_tests()


@attrs.frozen(slots=True)
class Silent(Slot):
    """The principles on which the initiative says nothing at all, comma-separated."""

    name: str

    def render(self, facts: Facts) -> str:
        return ", ".join(_NAME[p] for p, silent in _SILENT.items() if silent.evaluate(facts))

    def formula(self) -> str:
        return "principles neither declared nor with a practice answered"

    def keys(self) -> tuple[str, ...]:
        return tuple(k for silent in _SILENT.values() for k in silent.keys())  # noqa: SIM118

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        return (test for silent in _SILENT.values() for test in silent.set_tests())


@attrs.frozen(slots=True)
class WeakerOf(Slot):
    """Which of two principles is the one not met (the other being met)."""

    name: str
    first: Principle
    second: Principle

    def render(self, facts: Facts) -> str:
        met = facts[status_key(self.first)] is Status.MET
        return _NAME[self.second] if met else _NAME[self.first]

    def formula(self) -> str:
        return f"the one of {_ID[self.first]}, {_ID[self.second]} not met"

    def keys(self) -> tuple[str, ...]:
        return (status_key(self.first), status_key(self.second))

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        yield from StatusIn(self.first, _SHORT).set_tests()
        yield from StatusIn(self.second, _SHORT).set_tests()


# --------------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------------


def _slots(slots: Iterable[Slot]) -> tuple[Slot, ...]:
    return tuple(slots)


@attrs.frozen(slots=True)
class RecommendationRule:
    """A rule that turns one kind of gap into a next step.

    Attributes:
        id: Stable rule id (``"engage_design_stage"``...); the recommendation's id.
        citation: Where the framework supports the step.
        statement: When the rule applies and what it asks, in one plain sentence.
        when: The condition under which it applies (only when known to hold).
        text: The step's text; ``{name}`` blanks are filled by ``slots``.
        slots: The named blanks of ``text``.
    """

    id: str
    citation: str
    statement: str
    when: Condition
    text: str
    slots: tuple[Slot, ...] = attrs.field(default=(), converter=_slots)

    def recommend(self, facts: Facts) -> Recommendation | None:
        """The rule's recommendation for these facts, or ``None`` when it does not apply."""
        if self.when.evaluate(facts) is not True:
            return None
        if not self.slots:
            return Recommendation(self.id, self.text, self.citation)
        filled = {slot.name: slot.render(facts) for slot in self.slots}
        return Recommendation(self.id, self.text.format_map(filled), self.citation)

    def conditions(self) -> Iterator[Condition]:
        """The rule's condition (the engine's common interface)."""
        yield self.when

    def content(self) -> dict[str, Any]:
        """The rule's content as plain data (what the digest covers)."""
        return {
            "id": self.id,
            "citation": self.citation,
            "statement": self.statement,
            "condition": self.when.formula(),
            "text": self.text,
            "slots": {slot.name: slot.formula() for slot in self.slots},
        }


def _base_keys(condition: Condition) -> Iterator[str]:
    """The initiative's facts a condition depends on (a status: the facts it follows from)."""
    return (key for key, _ in condition.set_tests() if key in FACTS)


@attrs.frozen(slots=True, weakref_slot=False)
class RecommendationSet:
    """The recommendation rules, applied each in turn (every rule that holds recommends).

    Attributes:
        id: Stable id (``"recommendations"``).
        rules: The rules, in the order their recommendations are listed.
        base: The id of the set this one was derived from, if any.
    """

    id: str
    rules: tuple[RecommendationRule, ...] = attrs.field(converter=_rule_tuple)
    base: str | None = None
    _digest: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        ids = [rule.id for rule in self.rules]
        if len(set(ids)) != len(ids):
            raise ValueError(f"recommendation set {self.id!r} repeats a rule id")
        content = {"id": self.id, "base": self.base, "rules": [r.content() for r in self.rules]}
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        object.__setattr__(self, "_digest", hashlib.sha256(blob.encode("utf-8")).hexdigest())

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the rules' content."""
        return self._digest

    @property
    def subject(self) -> str:
        """What the set gives, in words."""
        return "recommendations"

    def rule(self, rule_id: str) -> RecommendationRule:
        """The rule with this id (`KeyError` if there is none)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def __iter__(self) -> Iterator[RecommendationRule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def keys(self) -> tuple[str, ...]:
        """Every key the rules read of a `Findings` view (facts and statuses)."""
        return tuple(dict.fromkeys(k for r in self.rules for k in r.when.keys()))  # noqa: SIM118

    @property
    def facts(self) -> tuple[str, ...]:
        """The initiative's facts the rules depend on (through decisions and statuses too)."""
        return in_document_order(k for r in self.rules for k in _base_keys(r.when))

    def findings_keys(self) -> tuple[str, ...]:
        """Every key of a `Findings` view the rules and their texts read (`Condition.reads`)."""
        return tuple(
            dict.fromkeys(
                k
                for r in self.rules
                for k in (*r.when.reads(), *(k for s in r.slots for k in s.reads()))
            )
        )

    def recommend(self, facts: Facts) -> tuple[Recommendation, ...]:
        """Every rule's recommendation for these facts, in the rules' order."""
        return tuple(r for rule in self.rules if (r := rule.recommend(facts)) is not None)

    def content(self) -> dict[str, Any]:
        """The set as plain data."""
        return {
            "id": self.id,
            "base": self.base,
            "digest": self.digest,
            "rules": [rule.content() for rule in self.rules],
        }

    def derive(
        self,
        id: str,
        *,
        replace: Iterable[RecommendationRule] = (),
        add: Iterable[RecommendationRule] = (),
        neutralise: Iterable[str] = (),
        before: str | None = None,
    ) -> RecommendationSet:
        """A variant of this set, leaving this one untouched (see `RuleSet.derive`).

        Raises:
            KeyError: A replaced, neutralised or ``before`` id is not in the set.
        """
        replacements = {rule.id: rule for rule in replace}
        dropped = set(neutralise)
        known = {rule.id for rule in self.rules}
        for rule_id in (*replacements, *dropped):
            if rule_id not in known:
                raise KeyError(f"recommendation set {self.id!r} has no rule {rule_id!r}")
        rules = [replacements.get(r.id, r) for r in self.rules if r.id not in dropped]
        at = len(rules)
        if before is not None:
            at = next((i for i, r in enumerate(rules) if r.id == before), -1)
            if at < 0:
                raise KeyError(f"recommendation set {self.id!r} has no rule {before!r}")
        rules[at:at] = list(add)
        return RecommendationSet(id=id, rules=tuple(rules), base=self.id)


def _silent(principle: Principle) -> Condition:
    """Nothing declared for ``principle`` and none of its practices answered."""
    return all_of(
        In(principle_key(principle), {Status.UNKNOWN}),
        *(Not(Known(practice_key(x))) for x in practices_of(principle)),
    )


#: For each principle: nothing is declared for it and none of its practices is answered.
_SILENT: dict[Principle, Condition] = {p: _silent(p) for p in Principle}


def _ask_for_missing(
    rule_id: str, rule_set: Decider, template: str, citation: str, statement: str
) -> RecommendationRule:
    return RecommendationRule(
        rule_id,
        citation,
        statement,
        Undecided(rule_set),
        template,
        (MissingKeys("keys", rule_set),),
    )


_STAGES = "engaged_stages"
# Citizens take part somewhere: a stage is listed, or a citizen-side actor started it (P1).
_ENGAGED_SOMEWHERE = any_of(CITIZEN_INITIATOR, Has(_STAGES, frozenset(Stage)))
_SOME_STAGE_LEFT = any_of(*(Not(Has(_STAGES, {s})) for s in Stage if s is not Stage.DESIGN))
# In the levels' own order: a set's order changes from one process to the next, and the order
# of a condition's parts is in its formula, so in the rule set's digest.
_BELOW_HIGH = tuple(level for level in ParticipationLevel if level is not ParticipationLevel.HIGH)
_CONSENT = Practice.CONSENT_BEFORE_COLLECTION


def _open_practices(principle: Principle) -> RecommendationRule:
    return RecommendationRule(
        f"open_practices.{_ID[principle]}",
        PRINCIPLE_CITATIONS[principle],
        f"When principle {principle.value} is not met or only partly met, list its practices "
        "still open and the principles holding it down.",
        StatusIn(principle, _SHORT),
        f"Principle {principle.value} ({_NAME[principle]}) is {{shortfall}}.{{open}}{{held}}",
        (
            Shortfall("shortfall", principle),
            OpenPractices("open", principle),
            HeldDown("held", principle),
        ),
    )


def _held_down_by_security() -> Condition:
    conf, security = Principle.CONFIDENTIALITY, Principle.DATA_SECURITY
    return any_of(
        *(
            all_of(
                StatusIn(conf, {status}),
                StatusIn(security, {status}),
                Not(StatusIn(conf, {status}, own=True)),
            )
            for status in (Status.PARTIAL, Status.NOT_MET, Status.UNKNOWN)
        )
    )


def _one_met(first: Principle, second: Principle) -> Condition:
    met, short = {Status.MET}, _SHORT
    return any_of(
        all_of(StatusIn(first, met), StatusIn(second, short)),
        all_of(StatusIn(first, short), StatusIn(second, met)),
    )


#: The recommendation rules, in the order their recommendations are listed.
RECOMMENDATION_RULES = RecommendationSet(
    id="recommendations",
    rules=(
        _ask_for_missing(
            "decide_scope",
            SCOPE_RULES,
            "Record {keys} in the initiative's document, so that it can be decided whether the "
            "initiative produces citizen data.",
            "Box 2",
            "When scope is undecided, ask for the facts that would decide it.",
        ),
        _ask_for_missing(
            "decide_modality",
            MODALITY_RULES,
            "Record {keys}, so that the collaboration modality can be decided.",
            "para 15",
            "When the modality is undecided, ask for the facts that would decide it.",
        ),
        _ask_for_missing(
            "decide_nso_category",
            NSO_CATEGORY_RULES,
            "Record {keys}, so that the data's relation to official statistics can be decided.",
            "para 32",
            "When the NSO category is undecided, ask for the facts that would decide it.",
        ),
        RecommendationRule(
            "bring_into_scope",
            "Box 2",
            "When the initiative is out of scope, ask for active, meaningful citizen engagement.",
            DecidedAs(SCOPE_RULES, Scope.OUT_OF_SCOPE),
            "Involve citizens, communities or CSOs actively and meaningfully in at least one "
            "stage of the data value chain; without that the data are not citizen data.",
        ),
        RecommendationRule(
            "engage_design_stage",
            "para 10",
            "When citizens take no part in the design stage, ask for it first.",
            DecidedAs(DESIGN_STAGE_RULES, False),
            "Engage citizens at the design stage, where they can shape the objectives, the "
            "partners, the methods and who may use the data; it is the stage to put first when "
            "not every stage can be engaged.",
        ),
        RecommendationRule(
            "list_engaged_stages",
            "para 12",
            "When the engaged stages are unknown (and scope does not already ask), ask for them.",
            all_of(Not(Known(_STAGES)), Not(Missing(SCOPE_RULES, _STAGES))),
            "Record the stages of the value chain where citizens take part (engaged_stages), so "
            "that the coverage of their participation can be judged.",
        ),
        RecommendationRule(
            "widen_engagement",
            "para 10",
            "When citizens take part in some stages but not all, name the others (the design "
            "stage has a step of its own).",
            all_of(_ENGAGED_SOMEWHERE, _SOME_STAGE_LEFT),
            "Where feasible, widen citizen engagement to the stages not yet engaged: {stages}.",
            (StagesNotEngaged("stages", {Stage.DESIGN}),),
        ),
        RecommendationRule(
            "make_engagement_meaningful",
            "para 11",
            "When the engagement is said not to be meaningful, ask for real influence.",
            Is("meaningful_engagement", False),
            "Make the engagement meaningful: give citizens real influence over the issues that "
            "affect them, so that they act as data agents rather than only as respondents.",
        ),
        RecommendationRule(
            "rate_participation",
            "para 11",
            "When degree or quality is unknown for want of ratings, name the unrated aspects.",
            all_of(
                any_of(*(Not(Known(rating_key(a))) for a in ParticipationAspect)),
                any_of(Undecided(DEGREE_RULES), Undecided(QUALITY_RULES)),
            ),
            "Rate the aspects of participation not yet rated ({aspects}), so that its degree "
            "and quality can be judged.",
            (Unrated("aspects"),),
        ),
        RecommendationRule(
            "raise_participation",
            "para 10",
            "When degree or quality is known and below high, ask to aim higher.",
            any_of(
                *(DecidedAs(DEGREE_RULES, level) for level in _BELOW_HIGH),
                *(DecidedAs(QUALITY_RULES, level) for level in _BELOW_HIGH),
            ),
            "Aim higher on the {levels} of participation, starting with its lowest-rated aspects.",
            (LevelsBelowHigh("levels"),),
        ),
        RecommendationRule(
            "seek_quality_assurance",
            "paras 32-34",
            "When the data are independent of official statistics (category 3), suggest quality "
            "assurance with the NSO to move towards category 2.",
            DecidedAs(NSO_CATEGORY_RULES, NSOCategory.INDEPENDENT),
            "Seek quality assurance of the data with the national statistical office, to move "
            "towards data that complement official statistics (category 2).",
        ),
        RecommendationRule(
            "quality_assure_integrated_data",
            "para 43",
            "When the data are integrated but not quality assured (rule C1's warning), ask for "
            "quality assurance.",
            all_of(
                DecidedAs(NSO_CATEGORY_RULES, NSOCategory.INTEGRATED),
                Is("quality_assured", False),
            ),
            "The data are integrated into official statistics without being quality assured: "
            "agree a fit-for-purpose quality assurance with the national statistical office.",
        ),
        *(_open_practices(p) for p in Principle),
        RecommendationRule(
            "declare_principles",
            "para 17",
            "Name the principles on which the initiative says nothing at all.",
            any_of(*_SILENT.values()),
            "State how the initiative upholds these principles, or answer their practices: "
            "{silent}.",
            (Silent("silent"),),
        ),
        RecommendationRule(
            "consent_before_collection",
            "para 22",
            "When citizens collect data and consent is not assured, ask for consent first.",
            all_of(
                Has(_STAGES, {Stage.COLLECTION}),
                Not(StatusIn(Principle.INFORMED_CONSENT, {Status.MET})),
                any_of(Not(Known(practice_key(_CONSENT))), Is(practice_key(_CONSENT), False)),
            ),
            "Citizens collect data here: make sure each person gives free, informed consent "
            "before their data are collected, knowing the purpose, the risks and the uses.",
        ),
        RecommendationRule(
            "secure_data_for_confidentiality",
            "para 30",
            "When confidentiality is held down by data security, ask for security measures.",
            _held_down_by_security(),
            "Put data security measures in place (secure storage, controlled access, agreed "
            "sharing): confidentiality cannot be kept without them.",
        ),
        RecommendationRule(
            "balance_openness_and_confidentiality",
            "para 31",
            "When openness is pursued while confidentiality is not met or only partly met, ask "
            "to anonymise and secure before release.",
            all_of(
                StatusIn(Principle.OPENNESS, {Status.MET, Status.PARTIAL}),
                StatusIn(Principle.CONFIDENTIALITY, _SHORT),
            ),
            "The data are being opened up while confidentiality is not fully kept: anonymise "
            "and secure them before release, weighing openness against privacy.",
        ),
        RecommendationRule(
            "consent_with_transparency",
            "para 27",
            "When exactly one of informed consent and transparency is met (the other known), "
            "ask to bring the other up to it.",
            _one_met(Principle.INFORMED_CONSENT, Principle.TRANSPARENCY),
            "Bring {weak} up to the level of its partner principle: consent and transparency "
            "together build participants' trust.",
            (WeakerOf("weak", Principle.INFORMED_CONSENT, Principle.TRANSPARENCY),),
        ),
    ),
)


def recommend(
    findings: Findings, rules: RecommendationSet = RECOMMENDATION_RULES
) -> tuple[Recommendation, ...]:
    """The next steps for an assessed initiative, in the rules' order.

    Args:
        findings: The initiative and the parts of its assessment.
        rules: The recommendation rules (the shipped ones unless told otherwise).

    Returns:
        Every rule's recommendation that applies, in the order of ``rules``.
    """
    return rules.recommend(_View(findings))


class _View(Mapping[str, Any]):
    """A `Findings` read as a mapping of facts and statuses (no recording)."""

    __slots__ = ("_findings", "_getters")

    def __init__(self, findings: Findings) -> None:
        self._findings = findings
        self._getters = findings_getters(_ALL_KEYS, findings.decision_ids)

    def __getitem__(self, key: str) -> Any:
        return self._getters[key](self._findings)

    def __iter__(self) -> Iterator[str]:
        return iter(self._getters)

    def __len__(self) -> int:
        return len(self._getters)

    def verdict_of(self, rule_set_id: str) -> Verdict | None:
        return self._findings.verdict_of(rule_set_id)

    def missing_of(self, rule_set_id: str) -> tuple[str, ...] | None:
        return self._findings.missing_of(rule_set_id)

    def is_known(self, key: str) -> bool:
        return self[key] is not None


_ALL_KEYS: tuple[str, ...] = (
    *FACTS,
    *(status_key(p) for p in Principle),
    *(own_key(p) for p in Principle),
)
