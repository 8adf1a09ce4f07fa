"""A small, explainable rule engine: rules as data, first match, three-valued, exact about gaps.

A `Rule` pairs a cited, plain-language statement with a `Condition` and the outcome it concludes.
A `RuleSet` holds the ordered rules of one decision and decides it (contract sections 3 and 5):

* with every fact known, the rules are tried in order and the first whose condition holds
  concludes its ``then`` (or, with ``provided``, ``then`` when that holds and ``otherwise`` when
  not); when none holds the outcome is none;
* with unknown facts, the decision is determinate when every way of filling them in gives the
  same outcome, and that is its outcome. The engine first walks the rules in three-valued logic
  (a rule whose condition is unknown holds the decision open unless a filling agrees); only when
  the walk is held open does it try the fillings, and only the few values of each unknown fact
  that some condition can tell apart;
* ``missing`` (contract section 1) is the smallest set of unknown keys whose values, whatever
  they are, settle the decision (the first such set in contract section 2's order);
* a rule may carry warnings, each raised when its condition holds, in every filling, as the rule
  concludes.

The same engine decides every kind of rule: the three decisions, the participation profile's
placements, a principle's status from its practices. Caches live in `copenhagen.Assessor`, not
here: a rule set is frozen data. Nothing here evaluates code from strings.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

import attrs

from copenhagen.model import Decision, Initiative, Step
from copenhagen.rules.conditions import (
    EXACT,
    OPEN,
    Condition,
    Decider,
    Facts,
    Test,
    Verdict,
    join_phrases,
    join_words,
)
from copenhagen.rules.facts import FACTS, Fact, FactKind, in_document_order

__all__ = [
    "Evaluation",
    "Filling",
    "Rule",
    "RuleSet",
    "RuleWarning",
    "StepKind",
    "candidates",
]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


def _warnings(warnings: Iterable[RuleWarning]) -> tuple[RuleWarning, ...]:
    return tuple(warnings)


def _outcome_text(outcome: Any) -> str:
    if outcome is None:
        return "none"
    if isinstance(outcome, bool):
        return "true" if outcome else "false"
    return f"{type(outcome).__name__}.{outcome.name}"


class StepKind(Enum):
    """How a rule stood in an evaluation (the full trace shows every kind)."""

    #: The rule's condition held and it concluded.
    APPLIED = "applied"
    #: The rule's condition was false.
    NOT_APPLIED = "not_applied"
    #: The rule's condition was unknown: it may apply.
    MAY_APPLY = "may_apply"
    #: The rule's condition held but an earlier rule may apply first, or its proviso is unknown.
    PENDING = "pending"
    #: The catch-all: the known facts do not settle the decision.
    UNSETTLED = "unsettled"


@attrs.frozen(slots=True)
class RuleWarning:
    """A warning a rule raises as it concludes, when its condition holds.

    Attributes:
        when: The condition that raises it.
        text: The warning, one or two plain sentences with their citations.
    """

    when: Condition
    text: str


@attrs.frozen(slots=True)
class Rule:
    """One cited rule: if ``when`` holds, conclude ``then`` (provided ``provided`` holds).

    Attributes:
        id: Stable id (``"S1"``, ``"M3"``, ``"C2"``).
        statement: The rule in plain language.
        citations: Anchors in the framework text; the first is the step's citation.
        when: The condition under which the rule applies.
        then: The outcome it concludes (``None``: no outcome, determinately).
        title: A short name for what the rule concludes (``"civic action"``).
        then_text: The conclusion in words, completing "..., so ___".
        provided: If set, ``then`` needs it as well; when it is false the rule concludes
            ``otherwise``.
        otherwise: The outcome when ``provided`` is false.
        otherwise_text: That conclusion in words.
        warnings: Warnings raised when the rule concludes and their conditions hold.
        settles: ``False`` for a closing rule that marks the decision as not determinate (it
            concludes nothing: with every fact known it is passed over).
        source: The national or project text the rule implements, for a layer's rules.
    """

    id: str
    statement: str
    citations: tuple[str, ...] = attrs.field(converter=_strings)
    when: Condition
    then: Any
    title: str
    then_text: str = ""
    provided: Condition | None = None
    otherwise: Any = None
    otherwise_text: str = ""
    warnings: tuple[RuleWarning, ...] = attrs.field(default=(), converter=_warnings)
    settles: bool = True
    source: str = ""

    @citations.validator
    def _check_citations(self, _attribute: Any, value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError(f"rule {self.id} needs at least one citation")

    @property
    def citation(self) -> str:
        """The rule's main anchor, used in its trace steps."""
        return self.citations[0]

    def conditions(self) -> Iterator[Condition]:
        """Every condition of the rule: ``when``, ``provided`` and the warnings'."""
        yield self.when
        if self.provided is not None:
            yield self.provided
        for warning in self.warnings:
            yield warning.when

    @property
    def facts(self) -> tuple[str, ...]:
        """The fact keys the rule reads (through other rule sets too), in document order."""
        return in_document_order(k for c in self.conditions() for k in c.keys())  # noqa: SIM118

    def condition_formula(self) -> str:
        """The rule's condition as a formula."""
        return self.when.formula()

    def conclusion(self) -> str:
        """What the rule concludes, as a stable formula."""
        if not self.settles:
            return "not determinate"
        if self.provided is None:
            text = _outcome_text(self.then)
        else:
            text = (
                f"{_outcome_text(self.then)} if {self.provided.formula()} "
                f"else {_outcome_text(self.otherwise)}"
            )
        for warning in self.warnings:
            text += f"; warn if {warning.when.formula()}"
        return text

    def content(self) -> dict[str, Any]:
        """The rule's content as plain data (what the digest covers)."""
        texts = [w.text for w in self.warnings]
        content: dict[str, Any] = {
            "id": self.id,
            "statement": self.statement,
            "citations": list(self.citations),
            "facts": list(self.facts),
            "condition": self.condition_formula(),
            "conclusion": self.conclusion(),
            "warning": texts[0] if len(texts) == 1 else texts or "",
        }
        if self.source:
            content["source"] = self.source
        return content


@attrs.frozen(slots=True)
class Evaluation:
    """A decision together with the full trace: every rule tried, in order.

    Attributes:
        decision: The decision (its trace holds the deciding steps only).
        steps: Every rule tried, as steps (rules that did not apply included).
        kinds: How each of ``steps`` stood.
    """

    decision: Decision
    steps: tuple[Step, ...]
    kinds: tuple[StepKind, ...]


class Filling(Mapping[str, Any]):
    """Facts with some unknown ones filled in: what one way of completing a document gives."""

    __slots__ = ("_base", "_given")

    def __init__(self, base: Facts, given: Mapping[str, Any]) -> None:
        self._base = base
        self._given = given

    def __getitem__(self, key: str) -> Any:
        given = self._given
        if key in given:
            return given[key]
        return self._base[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._base)

    def __len__(self) -> int:
        return len(self._base)

    def is_known(self, key: str) -> bool:
        """Whether the document itself gives ``key`` (filling it in does not make it known)."""
        known = getattr(self._base, "is_known", None)
        if known is not None:
            return bool(known(key))
        return self._base[key] is not None


def _sentence(text: str) -> str:
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first not in FACTS:  # a fact key keeps its spelling, even first in a sentence
        text = text[:1].upper() + text[1:]
    return text + ("" if text.endswith(".") else ".")


def _reason(condition: Condition, facts: Facts) -> str:
    return join_phrases(condition.describe(facts))


def candidates(fact: Fact, tests: Iterable[Test]) -> tuple[Any, ...]:
    """The few values of an unknown fact that can change any of ``tests`` made of it.

    A set's tests each ask whether it meets some members; sets meeting the same "atoms" (members
    alike under every test) answer every test alike, so one member per atom is enough. A test
    that can tell every set apart (`EXACT`) asks for every set. A fact of one value (a boolean,
    a rating) takes each of its values.
    """
    if fact.kind is not FactKind.SET:
        return fact.domain
    universe = fact.domain
    listed = list(tests)
    if any(t is EXACT for t in listed):
        representatives = list(universe)
    else:
        atoms: dict[tuple[bool, ...], Any] = {}
        for member in universe:
            signature = tuple(t is None or member in t for t in listed)  # type: ignore[operator]
            atoms.setdefault(signature, member)
        representatives = list(atoms.values())
    return tuple(
        frozenset(combo)
        for size in range(len(representatives) + 1)
        for combo in itertools.combinations(representatives, size)
    )


class Completions:
    """Every way of filling in a set of facts' unknown ones, each with the outcome it gives.

    The table behind determinacy (every filling agrees), ``missing`` (the smallest set of
    unknown keys whose every assignment leaves the fillings agreeing) and the warnings raised
    in every filling.
    """

    __slots__ = ("_facts", "_outcomes", "unknown")

    def __init__(
        self, facts: Facts, unknown: tuple[str, ...], outcomes: dict[tuple[Any, ...], Verdict]
    ) -> None:
        self._facts = facts
        self.unknown = unknown
        self._outcomes = outcomes

    def verdict(self) -> Verdict:
        """Determinate with the common outcome when every filling agrees, else open."""
        found = iter(self._outcomes.values())
        first = next(found, None)
        if first is None:
            return OPEN
        for other in found:
            if other.outcome is not first.outcome and other.outcome != first.outcome:
                return OPEN
        return first

    def outcomes(self) -> frozenset[Any]:
        """Every outcome some filling gives."""
        return frozenset(v.outcome for v in self._outcomes.values())

    def items(self) -> Iterator[tuple[Filling, Verdict]]:
        """Each filling with its verdict."""
        for values, found in self._outcomes.items():
            yield Filling(self._facts, dict(zip(self.unknown, values, strict=True))), found

    def fillings(self) -> Iterator[Filling]:
        """Each filling."""
        for filling, _ in self.items():
            yield filling

    def missing(self) -> tuple[str, ...]:
        """The first smallest set of unknown keys whose values, whatever they are, settle it."""
        if self.verdict().determinate:
            return ()
        keys = self.unknown
        for size in range(1, len(keys) + 1):
            for chosen in itertools.combinations(range(len(keys)), size):
                if self._settled_by(chosen):
                    return tuple(keys[i] for i in chosen)
        return keys

    def _settled_by(self, chosen: tuple[int, ...]) -> bool:
        seen: dict[tuple[Any, ...], Any] = {}
        for values, found in self._outcomes.items():
            part = tuple(values[i] for i in chosen)
            if part in seen:
                known = seen[part]
                if found.outcome is not known and found.outcome != known:
                    return False
            else:
                seen[part] = found.outcome
        return True


@attrs.frozen(slots=True, weakref_slot=False)
class RuleSet:
    """The ordered, cited rules of one decision, decided first-match in three-valued logic.

    `evaluate` gives the `Decision` for a mapping of facts, `evaluation` the full trace as well,
    `verdict` the outcome alone; calling the rule set on an `Initiative` decides it afresh.
    `copenhagen.Assessor` keeps the cached, shared decisions.

    Attributes:
        id: Stable id (``"scope"``, ``"modality"``, ``"nso_category"``).
        subject: What it decides, in words (``"scope"``, ``"NSO category"``).
        rules: The rules, in the order they are tried.
        citations: Where the framework sets out the decision.
        base: The id of the rule set this one was derived from, if any (see `derive`).
    """

    id: str
    subject: str
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    citations: tuple[str, ...] = attrs.field(converter=_strings, default=())
    base: str | None = None
    _by_id: dict[str, Rule] = attrs.field(init=False, repr=False, eq=False)
    _facts: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _tests: dict[str, tuple[Test, ...]] = attrs.field(init=False, repr=False, eq=False)
    _unknowable: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _options: dict[str, tuple[Any, ...]] = attrs.field(init=False, repr=False, eq=False)
    _digest: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in by_id:
                raise ValueError(f"rule set {self.id!r} has two rules with id {rule.id!r}")
            by_id[rule.id] = rule
        if not by_id:
            raise ValueError(f"rule set {self.id!r} has no rules")
        facts = in_document_order(k for rule in self.rules for k in rule.facts)
        tests: dict[str, list[Test]] = {}
        for rule in self.rules:
            for condition in rule.conditions():
                for key, test in condition.set_tests():
                    tests.setdefault(key, []).append(test)
        content = {
            "id": self.id,
            "subject": self.subject,
            "base": self.base,
            "rules": [rule.content() for rule in self.rules],
        }
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        unknowable = tuple(k for k in facts if FACTS[k].unknown)
        setattr_ = object.__setattr__
        setattr_(self, "_by_id", by_id)
        setattr_(self, "_facts", facts)
        setattr_(self, "_tests", {k: tuple(v) for k, v in tests.items()})
        setattr_(self, "_unknowable", unknowable)
        setattr_(
            self,
            "_options",
            {k: candidates(FACTS[k], tests.get(k, ())) for k in unknowable},
        )
        setattr_(self, "_digest", hashlib.sha256(blob.encode("utf-8")).hexdigest())

    # -- what the rule set is -------------------------------------------------------------

    @property
    def facts(self) -> tuple[str, ...]:
        """Every fact key the rules may read (through other rule sets too), in order."""
        return self._facts

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the rule set's content: ids, statements, citations, facts, logic."""
        return self._digest

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (`KeyError` if there is none)."""
        return self._by_id[rule_id]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id

    def set_tests(self) -> Iterator[tuple[str, Test]]:
        """Every test the rules make of a fact (through other rule sets too)."""
        for key, tests in self._tests.items():
            for test in tests:
                yield key, test

    def outcome_tests(self) -> Iterator[tuple[str, Test]]:
        """The tests that decide the outcome: of the rules' conditions, not their warnings.

        What another rule set reading this one's outcome can tell apart through it, and what a
        diff of outcomes needs to walk.
        """
        for rule in self.rules:
            yield from rule.when.set_tests()
            if rule.provided is not None:
                yield from rule.provided.set_tests()

    def rule_sets(self) -> tuple[Decider, ...]:
        """The other rule sets whose outcome some rule reads, each once, in order of first use."""
        found: dict[str, Decider] = {}
        for rule in self.rules:
            for condition in rule.conditions():
                for other in condition.rule_sets():
                    found.setdefault(other.id, other)
        return tuple(found.values())

    def describe(self) -> str:
        """The rule set as plain text: one paragraph per rule."""
        lines = [f"Rule set {self.id!r} ({self.subject}), digest {self.digest[:12]}"]
        for rule in self.rules:
            lines.append(f"{rule.id} ({', '.join(rule.citations)}): {rule.statement}")
            lines.append(f"    reads: {', '.join(rule.facts) or 'nothing'}")
            lines.append(f"    when: {rule.condition_formula()}")
            lines.append(f"    then: {rule.conclusion()}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def content(self) -> dict[str, Any]:
        """The rule set as plain data: its id, subject, digest and each rule's content."""
        return {
            "id": self.id,
            "subject": self.subject,
            "base": self.base,
            "digest": self.digest,
            "citations": list(self.citations),
            "rules": [rule.content() for rule in self.rules],
        }

    # -- layering -------------------------------------------------------------------------

    def derive(
        self,
        id: str,
        *,
        replace: Iterable[Rule] = (),
        add: Iterable[Rule] = (),
        neutralise: Iterable[str] = (),
        before: str | None = None,
        subject: str | None = None,
    ) -> RuleSet:
        """A variant of this rule set, leaving this one untouched (a reform layer).

        Args:
            id: The variant's id.
            replace: Rules that take the place of the base's rules with the same ids.
            add: New rules, inserted before the rule ``before`` (by default after the last
                concluding rule, before a closing rule kept for undecided cases).
            neutralise: Ids of base rules to drop.
            before: The id of the rule the added rules go before.
            subject: What the variant decides, if it differs.

        Returns:
            The new rule set; its ``base`` is this rule set's id and its digest differs.

        Raises:
            KeyError: A replaced, neutralised or ``before`` id is not in the rule set.
            ValueError: An added rule reuses an id, or a closing rule is replaced or dropped.
        """
        replacements = {rule.id: rule for rule in replace}
        dropped = set(neutralise)
        for rule_id in itertools.chain(replacements, dropped):
            if rule_id not in self._by_id:
                raise KeyError(f"rule set {self.id!r} has no rule {rule_id!r}")
            if not self._by_id[rule_id].settles:
                raise ValueError(
                    f"rule {rule_id!r} closes rule set {self.id!r} for undecided cases; "
                    "it can be neither replaced nor removed"
                )
        rules = [replacements.get(r.id, r) for r in self.rules if r.id not in dropped]
        for rule in add:
            rules.insert(self._place(rules, before), rule)
        return RuleSet(
            id=id,
            subject=self.subject if subject is None else subject,
            rules=tuple(rules),
            citations=self.citations,
            base=self.id,
        )

    def _place(self, rules: list[Rule], before: str | None) -> int:
        """Where a new rule goes: before ``before``, else after the last concluding rule."""
        if before is not None:
            for i, rule in enumerate(rules):
                if rule.id == before:
                    return i
            raise KeyError(f"rule set {self.id!r} has no rule {before!r}")
        at = len(rules)
        while at and not rules[at - 1].settles:
            at -= 1
        return at

    # -- deciding -------------------------------------------------------------------------

    def facts_of(self, initiative: Initiative) -> dict[str, Any]:
        """The facts this rule set reads, taken from an initiative."""
        return {key: FACTS[key].read(initiative) for key in self._facts}

    def _walk(self, facts: Facts) -> Verdict:
        """Decide in three-valued logic: determinate only when no unknown holds it open."""
        blocked = False
        for rule in self.rules:
            holds = rule.when.evaluate(facts)
            if holds is False:
                continue
            if holds is None:
                blocked = True
                continue
            if not rule.settles:
                # A closing rule concludes nothing: passed over, unless something is open.
                continue
            if blocked:
                return OPEN
            if rule.provided is None:
                return Verdict(True, rule.then, rule.id)
            proviso = rule.provided.evaluate(facts)
            if proviso is None:
                return OPEN
            return Verdict(True, rule.then if proviso else rule.otherwise, rule.id)
        return OPEN if blocked else Verdict(True, None, "")

    def completions(self, facts: Facts) -> Completions:
        """Every way of filling in the unknown facts the rules read, with its outcome."""
        unknown = tuple(key for key in self._unknowable if facts[key] is None)
        options = [self._options[key] for key in unknown]
        outcomes: dict[tuple[Any, ...], Verdict] = {}
        for values in itertools.product(*options):
            outcomes[values] = self._walk(Filling(facts, dict(zip(unknown, values, strict=True))))
        return Completions(facts, unknown, outcomes)

    def verdict(self, facts: Facts) -> Verdict:
        """Whether ``facts`` settle the decision, the outcome, and the concluding rule.

        Determinate when every way of filling in the unknown facts gives the same outcome
        (contract section 5); the three-valued walk settles most cases without any filling.
        """
        walked = self._walk(facts)
        if walked.determinate or self._corners_differ(facts):
            return walked
        return self.completions(facts).verdict()

    def _corners_differ(self, facts: Facts) -> bool:
        """Whether two opposite ways of filling in the unknown facts give different outcomes.

        Most open decisions are found open by these two fillings alone, without walking all.
        """
        unknown = [key for key in self._unknowable if facts[key] is None]
        if not unknown:
            return False
        first = self._walk(Filling(facts, {k: self._options[k][0] for k in unknown}))
        last = self._walk(Filling(facts, {k: self._options[k][-1] for k in unknown}))
        return first.outcome is not last.outcome and first.outcome != last.outcome

    def decide(self, facts: Facts) -> tuple[Verdict, tuple[str, ...]]:
        """The verdict and the warnings raised, without building a trace."""
        walked = self._walk(facts)
        if walked.determinate:
            if not walked.rule:
                return walked, ()
            return walked, tuple(self._raised(self._by_id[walked.rule], facts))
        if self._corners_differ(facts):
            return walked, ()
        table = self.completions(facts)
        settled = table.verdict()
        if not settled.determinate:
            return settled, ()
        return settled, tuple(self._every_filling_raises(table))

    def outcomes(self, facts: Facts) -> frozenset[Any]:
        """Every outcome some way of filling in the unknown facts gives."""
        walked = self._walk(facts)
        if walked.determinate:
            return frozenset({walked.outcome})
        return self.completions(facts).outcomes()

    def missing_keys(self, facts: Facts, table: Completions | None = None) -> tuple[str, ...]:
        """The smallest set of unknown keys whose values, whatever they are, settle it.

        In document order; empty when the facts already settle the decision. Among equally small
        sets, the first in document order is given.
        """
        if table is None:
            if self._walk(facts).determinate:
                return ()
            table = self.completions(facts)
        return table.missing()

    def _raised(self, rule: Rule, facts: Facts, table: Completions | None = None) -> list[str]:
        """The warnings ``rule`` raises: those whose condition holds in every filling."""
        raised = []
        for warning in rule.warnings:
            holds = warning.when.evaluate(facts)
            if holds is None:
                fillings = (table or self.completions(facts)).fillings()
                holds = all(warning.when.evaluate(f) is True for f in fillings)
            if holds:
                raised.append(warning.text)
        return raised

    def _every_filling_raises(self, table: Completions) -> list[str]:
        """The warnings raised in every filling of a decision every filling agrees on."""
        every: list[str] | None = None
        for filling, found in table.items():
            raised = self._raised(self._by_id[found.rule], filling) if found.rule else []
            every = raised if every is None else [w for w in every if w in raised]
        return every or []

    def evaluation(self, facts: Facts, *, full: bool = True) -> Evaluation:
        """Decide afresh over ``facts``: the decision with its full trace.

        Args:
            facts: A value (``None`` when unknown) for every key in `facts`.
            full: Explain the rules that did not apply as well. Without it those steps are left
                out of ``steps`` and the facts only they would name are never read (the
                decision is the same either way).
        """
        steps: list[Step] = []
        kinds: list[StepKind] = []
        deciding: list[Step] = []
        warnings: list[str] = []
        open_rules: list[str] = []
        outcome: Any = None
        determinate = False
        missing: tuple[str, ...] | None = None

        def record(rule: Rule, kind: StepKind, text: str, *, decides: bool) -> None:
            step = Step(rule=rule.id, citation=rule.citation, explanation=_sentence(text))
            steps.append(step)
            kinds.append(kind)
            if decides:
                deciding.append(step)

        for rule in self.rules:
            holds = rule.when.evaluate(facts)
            if holds is False:
                if full:
                    text = f"not {rule.title}: {_reason(rule.when, facts)}"
                    record(rule, StepKind.NOT_APPLIED, text, decides=False)
                continue
            reason = _reason(rule.when, facts)
            if holds is None:
                record(rule, StepKind.MAY_APPLY, f"possibly {rule.title}: {reason}", decides=True)
                open_rules.append(rule.id)
                continue
            if not rule.settles:
                if not open_rules:
                    continue  # nothing is open: a closing rule concludes nothing
                held = self.completions(facts)
                if held.verdict().determinate:
                    break  # every filling agrees after all: said below
                missing = held.missing()
                record(rule, StepKind.UNSETTLED, self._unsettled(missing), decides=True)
                break
            if open_rules:
                text = (
                    f"{reason}, so {rule.then_text}, unless {join_words(open_rules)} "
                    f"{'applies' if len(open_rules) == 1 else 'apply'}"
                )
                record(rule, StepKind.PENDING, text, decides=True)
                break
            proviso = None if rule.provided is None else rule.provided.evaluate(facts)
            if rule.provided is not None and proviso is None:
                text = (
                    f"{reason}, and {_reason(rule.provided, facts)}, "
                    f"so the {self.subject} cannot be settled yet"
                )
                record(rule, StepKind.PENDING, text, decides=True)
                break
            if rule.provided is None:
                text = f"{reason}, so {rule.then_text}"
                outcome = rule.then
            else:
                conclusion = rule.then_text if proviso else rule.otherwise_text
                text = f"{reason}, and {_reason(rule.provided, facts)}, so {conclusion}"
                outcome = rule.then if proviso else rule.otherwise
            determinate = True
            warnings.extend(self._raised(rule, facts))
            record(rule, StepKind.APPLIED, text, decides=True)
            break
        else:
            if not open_rules:
                determinate = True  # no rule holds, none is open: the outcome is none
                record(self.rules[-1], StepKind.APPLIED, self._no_rule(), decides=True)

        table: Completions | None = None
        if not determinate:
            table = self.completions(facts)
            settled = table.verdict()
            if settled.determinate:
                # Held open in three-valued logic, but every filling agrees (a layer can order
                # rules so): name each rule that concludes in some filling.
                determinate, outcome = True, settled.outcome
                deciding[:] = self._agreeing(table, outcome)
                warnings.extend(self._every_filling_raises(table))
        if determinate:
            missing = ()
        elif missing is None:
            missing = self.missing_keys(facts, table)
            closing = self.rules[-1]
            if not closing.settles and closing.id not in {s.rule for s in steps}:
                # Close the short trace with the catch-all rule naming what is missing.
                record(closing, StepKind.UNSETTLED, self._unsettled(missing), decides=True)
        if not deciding:
            # Only reachable with a variant rule set that leaves some facts unconcluded.
            record(self.rules[-1], StepKind.UNSETTLED, self._unsettled(missing), decides=True)
        decision = Decision(
            outcome=outcome,
            determinate=determinate,
            missing=missing,
            trace=tuple(deciding),
            warnings=tuple(warnings),
        )
        return Evaluation(decision=decision, steps=tuple(steps), kinds=tuple(kinds))

    def _agreeing(self, table: Completions, outcome: Any) -> list[Step]:
        """The steps of a decision every filling agrees on: each rule concluding in some filling."""
        concluded: dict[str, Filling] = {}
        for filling, found in table.items():
            concluded.setdefault(found.rule, filling)
        unknown = join_words(table.unknown)
        shown = "none" if outcome is None else str(getattr(outcome, "name", outcome))
        shown = shown.lower().replace("_", " ")
        steps: list[Step] = []
        for rule in self.rules:
            example = concluded.get(rule.id)
            if example is None:
                continue
            text = (
                f"in some ways of filling in {unknown}, {rule.title}: "
                f"{_reason(rule.when, example)}; whichever way they turn out, "
                f"the outcome is {shown}"
            )
            steps.append(Step(rule=rule.id, citation=rule.citation, explanation=_sentence(text)))
        return steps

    def _no_rule(self) -> str:
        return f"no rule concludes for these facts, so there is no {self.subject} outcome"

    def _unsettled(self, missing: tuple[str, ...] | None) -> str:
        if not missing:
            return f"no rule settles the {self.subject} for these facts"
        return (
            f"the known facts do not settle the {self.subject}; it depends on {join_words(missing)}"
        )

    def evaluate(self, facts: Facts) -> Decision:
        """The decision for ``facts``, computed afresh (no cache)."""
        return self.evaluation(facts, full=False).decision

    def __call__(self, initiative: Initiative) -> Decision:
        """The decision for an initiative, computed afresh (`copenhagen.Assessor` caches)."""
        return self.evaluate(self.facts_of(initiative))
