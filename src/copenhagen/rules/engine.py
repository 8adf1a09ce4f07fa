"""A small, explainable rule engine: rules as data, first-match in three-valued logic.

A `Rule` pairs a cited, plain-language statement with a `Condition` and the outcome it concludes.
A `RuleSet` holds the ordered rules of one decision (scope, modality, NSO category) and evaluates
them over an initiative's facts:

* rules are tried in order; the first whose condition is known to hold concludes;
* a rule whose condition is unknown holds the decision open: a later rule that holds can only
  conclude "unless the earlier one applies", so the decision is not determinate;
* a rule may conclude *provided* another condition holds (and give ``otherwise`` when it does not),
  which is how "NSO-driven, if the initiative is in scope" is written;
* a rule may carry a warning, raised when its warning condition holds as it concludes.

``missing`` (contract section 1) is derived, not hand-written: the engine tries the few values
of the unknown facts that can make a difference and keeps the smallest set of keys whose values,
whatever they are, settle the decision. Repeated patterns of facts are served from a bounded
cache of shared, immutable `Decision` objects (`copenhagen.rules.compiled`), keyed on exactly the
facts the rules read for that pattern.

Nothing here evaluates code from strings; rules and rule sets are frozen; the only mutable state
is the cache, whose reads and writes are single dictionary operations (safe across threads: two
threads missing together compute the same immutable value).
"""

from __future__ import annotations

import collections
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

import attrs

from copenhagen.framework.actors import Actor
from copenhagen.framework.objectives import Objective
from copenhagen.framework.stages import Stage
from copenhagen.model import DOCUMENT_KEYS, Decision, Initiative, Outcome, Step
from copenhagen.rules.compiled import Compiled
from copenhagen.rules.conditions import Condition, Facts, join_phrases, join_words

__all__ = [
    "CACHE_SIZE",
    "FACT_TYPES",
    "MAY_BE_UNKNOWN",
    "Evaluation",
    "Rule",
    "RuleSet",
    "StepKind",
]

#: The type of every fact a rule may read: an enum (a set of its members) or ``bool``.
FACT_TYPES: Mapping[str, type[Enum] | type[bool]] = {
    "initiated_by": Actor,
    "partners": Actor,
    "funders": Actor,
    "objectives": Objective,
    "engaged_stages": Stage,
    "meaningful_engagement": bool,
    "integrated_into_official_statistics": bool,
    "quality_assured": bool,
}

#: The facts that can be unknown (``None``): the initiative's fields that default to ``None``.
MAY_BE_UNKNOWN: frozenset[str] = frozenset(
    f.name for f in attrs.fields(Initiative) if f.default is None and f.name in FACT_TYPES
)

#: How many decided patterns of facts each rule set keeps (it starts afresh when full).
CACHE_SIZE = 65_536

_KEY_ORDER = {key: i for i, key in enumerate(DOCUMENT_KEYS)}


def _in_document_order(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(keys), key=_KEY_ORDER.__getitem__))


def _outcome_text(outcome: Outcome | None) -> str:
    if outcome is None:
        return "none"
    return f"{type(outcome).__name__}.{outcome.name}"


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


def _cache_size() -> int:
    # Read at each use, so that a test (or a user) may lower it.
    return CACHE_SIZE


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
            ``otherwise``; when unknown the decision is open.
        otherwise: The outcome when ``provided`` is false.
        otherwise_text: That conclusion in words.
        warn_if: A condition that, holding as the rule concludes, raises ``warning``.
        warning: The warning's text.
        settles: ``False`` for a catch-all rule that marks the decision as not determinate.
    """

    id: str
    statement: str
    citations: tuple[str, ...] = attrs.field(converter=_strings)
    when: Condition
    then: Outcome | None
    title: str
    then_text: str = ""
    provided: Condition | None = None
    otherwise: Outcome | None = None
    otherwise_text: str = ""
    warn_if: Condition | None = None
    warning: str = ""
    settles: bool = True

    @citations.validator
    def _check_citations(self, _attribute: Any, value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError(f"rule {self.id} needs at least one citation")

    @property
    def citation(self) -> str:
        """The rule's main anchor, used in its trace steps."""
        return self.citations[0]

    @property
    def facts(self) -> tuple[str, ...]:
        """The document keys the rule reads (through other rule sets too), in document order."""
        keys = list(self.when.keys())
        for extra in (self.provided, self.warn_if):
            if extra is not None:
                keys.extend(extra.keys())
        return _in_document_order(keys)

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
        if self.warn_if is not None:
            text += f"; warn if {self.warn_if.formula()}"
        return text

    def content(self) -> dict[str, Any]:
        """The rule's content as plain data (what the digest covers)."""
        return {
            "id": self.id,
            "statement": self.statement,
            "citations": list(self.citations),
            "facts": list(self.facts),
            "condition": self.condition_formula(),
            "conclusion": self.conclusion(),
            "warning": self.warning,
        }


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


def _sentence(text: str) -> str:
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first not in _KEY_ORDER:  # a document key keeps its spelling, even first in a sentence
        text = text[:1].upper() + text[1:]
    return text + ("" if text.endswith(".") else ".")


def _reason(condition: Condition, facts: Facts) -> str:
    return join_phrases(condition.describe(facts))


def _candidates(key: str, tests: list[frozenset[Any] | None]) -> tuple[Any, ...]:
    """The few values of an unknown fact that can change any test the rule set makes of it."""
    kind = FACT_TYPES.get(key)
    if kind is None:
        raise KeyError(f"the rule engine does not know the type of fact {key!r}")
    if kind is bool:
        return (False, True)
    universe = list(kind)
    # Every test asks whether the set meets some members; sets meeting the same "atoms" (members
    # alike under every test) answer every test alike, so one member per atom is enough.
    atoms: dict[tuple[bool, ...], Any] = {}
    for member in universe:
        signature = tuple(t is None or member in t for t in tests)
        atoms.setdefault(signature, member)
    representatives = list(atoms.values())
    return tuple(
        frozenset(combo)
        for size in range(len(representatives) + 1)
        for combo in itertools.combinations(representatives, size)
    )


@attrs.frozen(slots=True, weakref_slot=False)
class RuleSet:
    """The ordered, cited rules of one decision, evaluated first-match in three-valued logic.

    Call it on an `Initiative` for its (cached, shared) `Decision`; `evaluate` gives the same
    decision computed afresh from a mapping of facts, and `evaluation` the full trace as well.

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
    _tests: dict[str, list[frozenset[Any] | None]] = attrs.field(init=False, repr=False, eq=False)
    _digest: str = attrs.field(init=False, repr=False, eq=False)
    _compiled: Compiled = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in by_id:
                raise ValueError(f"rule set {self.id!r} has two rules with id {rule.id!r}")
            by_id[rule.id] = rule
        if not by_id:
            raise ValueError(f"rule set {self.id!r} has no rules")
        facts = _in_document_order(k for rule in self.rules for k in rule.facts)
        tests: dict[str, list[frozenset[Any] | None]] = {}
        for rule in self.rules:
            for condition in (rule.when, rule.provided, rule.warn_if):
                if condition is not None:
                    for key, members in condition.set_tests():
                        tests.setdefault(key, []).append(members)
        content = {
            "id": self.id,
            "subject": self.subject,
            "base": self.base,
            "rules": [rule.content() for rule in self.rules],
        }
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_facts", facts)
        object.__setattr__(self, "_tests", tests)
        object.__setattr__(self, "_digest", hashlib.sha256(blob.encode("utf-8")).hexdigest())
        object.__setattr__(self, "_compiled", Compiled(self.evaluate, facts, _cache_size))

    # -- what the rule set is -------------------------------------------------------------

    @property
    def facts(self) -> tuple[str, ...]:
        """Every document key the rules may read (through other rule sets too), in order."""
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

    def set_tests(self) -> Iterator[tuple[str, frozenset[Any] | None]]:
        """Every set-valued key the rules test, with the members tested for."""
        for key, tests in self._tests.items():
            for members in tests:
                yield key, members

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
            add: New rules, inserted before the rule ``before`` (by default before a closing
                catch-all rule, otherwise at the end).
            neutralise: Ids of base rules to drop.
            before: The id of the rule the added rules go before.
            subject: What the variant decides, if it differs.

        Returns:
            The new rule set; its ``base`` is this rule set's id and its digest differs.

        Raises:
            KeyError: A replaced, neutralised or ``before`` id is not in the rule set.
            ValueError: An added rule reuses an id.
        """
        replacements = {rule.id: rule for rule in replace}
        dropped = set(neutralise)
        for rule_id in itertools.chain(replacements, dropped):
            if rule_id not in self._by_id:
                raise KeyError(f"rule set {self.id!r} has no rule {rule_id!r}")
        rules = [replacements.get(r.id, r) for r in self.rules if r.id not in dropped]
        added = list(add)
        if added:
            if before is not None:
                if before not in {r.id for r in rules}:
                    raise KeyError(f"rule set {self.id!r} has no rule {before!r}")
                at = next(i for i, r in enumerate(rules) if r.id == before)
            elif rules and not rules[-1].settles:
                at = len(rules) - 1
            else:
                at = len(rules)
            rules[at:at] = added
        return RuleSet(
            id=id,
            subject=self.subject if subject is None else subject,
            rules=tuple(rules),
            citations=self.citations,
            base=self.id,
        )

    # -- evaluation -----------------------------------------------------------------------

    def facts_of(self, initiative: Initiative) -> dict[str, Any]:
        """The facts this rule set reads, taken from an initiative."""
        return {key: getattr(initiative, key) for key in self._facts}

    def verdict(self, facts: Facts) -> tuple[bool, Outcome | None, str]:
        """Whether ``facts`` settle the decision, the outcome, and the deciding rule's id.

        A quick first-match walk without explanations (``""`` as id when not determinate).
        """
        blocked = False
        for rule in self.rules:
            holds = rule.when.evaluate(facts)
            if holds is False:
                continue
            if holds is None:
                blocked = True
                continue
            if blocked or not rule.settles:
                return False, None, ""
            if rule.provided is None:
                return True, rule.then, rule.id
            proviso = rule.provided.evaluate(facts)
            if proviso is None:
                return False, None, ""
            return True, (rule.then if proviso else rule.otherwise), rule.id
        return False, None, ""

    def missing_keys(self, facts: Facts) -> tuple[str, ...]:
        """The smallest set of unknown keys whose values, whatever they are, settle it.

        In document order; empty when the facts already settle the decision. Among equally small
        sets, the first in document order is given.
        """
        if self.verdict(facts)[0]:
            return ()
        unknown = [key for key in self._facts if key in MAY_BE_UNKNOWN and facts[key] is None]
        options = {key: _candidates(key, self._tests.get(key, [])) for key in unknown}
        for size in range(1, len(unknown) + 1):
            for chosen in itertools.combinations(unknown, size):
                if self._settled_by(facts, chosen, options):
                    return chosen
        return ()

    def _settled_by(
        self, facts: Facts, chosen: tuple[str, ...], options: Mapping[str, tuple[Any, ...]]
    ) -> bool:
        given: dict[str, Any] = {}
        # A chain, not a copy: the facts beneath are read only where the rules read them.
        filled = collections.ChainMap(given, facts)  # type: ignore[arg-type]
        for values in itertools.product(*(options[key] for key in chosen)):
            given.update(zip(chosen, values, strict=True))
            if not self.verdict(filled)[0]:
                return False
        return True

    def evaluation(self, facts: Facts, *, full: bool = True) -> Evaluation:
        """Evaluate afresh over ``facts``: the decision with its full trace.

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
        outcome: Outcome | None = None
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
                missing = self.missing_keys(facts)
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
            if rule.warn_if is not None and rule.warn_if.evaluate(facts) is True:
                warnings.append(rule.warning)
            record(rule, StepKind.APPLIED, text, decides=True)
            break

        if determinate:
            missing = ()
        elif missing is None:
            missing = self.missing_keys(facts)
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

    def _unsettled(self, missing: tuple[str, ...]) -> str:
        if not missing:
            return f"no rule settles the {self.subject} for these facts"
        return (
            f"the known facts do not settle the {self.subject}; it depends on {join_words(missing)}"
        )

    def evaluate(self, facts: Facts) -> Decision:
        """The decision for ``facts``, computed afresh (no cache)."""
        return self.evaluation(facts, full=False).decision

    def __call__(self, initiative: Initiative) -> Decision:
        """The decision for an initiative: a few dictionary look-ups for a pattern seen before."""
        return self._compiled(initiative)

    @property
    def compiled(self) -> Compiled:
        """The compiled classifier: a bounded decision trie of shared `Decision` objects."""
        return self._compiled

    def cache_clear(self) -> None:
        """Forget every cached decision."""
        self._compiled.clear()

    def cache_size(self) -> int:
        """How many patterns of facts are cached."""
        return len(self._compiled)
