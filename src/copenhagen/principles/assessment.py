"""How far an initiative meets each principle, and why (paras 17-31, contract section 3).

Each principle's own status is decided by two cited rule sets on the library's rule engine
(interpretation register, PRIN-3):

* ``from_practices.<principle>`` reads the principle's practice answers: every practice answered
  yes gives met, every one answered no gives not met, a mix gives partly met; while some are
  unanswered the status is settled only if every way of answering them agrees;
* ``principle.<principle>`` takes the status the initiative declares, and where it declares none,
  the one its practices settle; a declared status its own answers rule out raises a warning (the
  declared status is used).

The assessed status then applies the contract's pinned "and" (`copenhagen.model.status_and`)
along the ``requires`` relations: a principle is assessed no better than anything it cannot be
met without (paras 28, 30). Every finding says in plain words where its status came from.

Nothing here imports networkx: the relations come from `copenhagen.principles.relations`, whose
transitive ``requires`` closure is precomputed. `copenhagen.Assessor` caches the decisions.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import PRINCIPLE_KEYS, Principle
from copenhagen.model import Status, status_and
from copenhagen.principles.queries import practices_of
from copenhagen.principles.relations import RELATIONS, REQUIRES, REQUIRES_CLOSURE, RelationKind
from copenhagen.rules.conditions import (
    Always,
    Condition,
    DecidedAs,
    Facts,
    In,
    Is,
    Known,
    Verdict,
    all_of,
    any_of,
)
from copenhagen.rules.engine import Rule, RuleSet, RuleWarning
from copenhagen.rules.facts import practice_key, principle_key

if TYPE_CHECKING:
    from copenhagen.framework.crosswalks import CrosswalkLink

__all__ = [
    "FROM_PRACTICES_RULES",
    "PRINCIPLE_RULES",
    "STATUS_RULES",
    "PracticeEvidence",
    "PrincipleAssessment",
    "PrincipleFinding",
    "PrincipleRules",
    "Reasons",
    "practice_evidence",
    "principles_of",
]

_WORDS: dict[Status, str] = {
    Status.MET: "met",
    Status.PARTIAL: "partly met",
    Status.NOT_MET: "not met",
    Status.UNKNOWN: "unknown",
}

# Where the statement of every principle is (para 17).
_STATEMENT = "para 17"

_REQUIRES_CITATION: dict[tuple[Principle, Principle], str] = {
    (r.source, r.target): r.citation for r in RELATIONS if r.kind is RelationKind.REQUIRES
}


def _name(principle: Principle) -> str:
    return f"{principle.title.lower()} (principle {principle.value})"


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@attrs.frozen(slots=True)
class PracticeEvidence:
    """What the answered practices of one principle say (interpretation register, PRIN-3).

    Attributes:
        principle: The principle.
        yes: Its practices answered true, in `Practice` order.
        no: Its practices answered false.
        unanswered: Its practices not answered.
        possible: Every status the practices could still give once all are answered (the
            outcomes of the ``from_practices`` rule set over every way of answering the rest).
        derived: The status the answers settle, or ``UNKNOWN`` if they leave more than one
            possible; ``None`` when no practice of the principle is answered.
    """

    principle: Principle
    yes: tuple[Practice, ...]
    no: tuple[Practice, ...]
    unanswered: tuple[Practice, ...]
    possible: frozenset[Status]
    derived: Status | None

    def contradicts(self, declared: Status) -> bool:
        """Whether a declared status is ruled out by the answered practices."""
        return (
            declared is not Status.UNKNOWN
            and self.derived is not None
            and declared not in self.possible
        )

    def summary(self) -> str:
        """The answers in a few words, e.g. ``"2 of 3 practices answered yes, 1 no"``."""
        total = len(self.yes) + len(self.no) + len(self.unanswered)
        text = f"{len(self.yes)} of {total} practices answered yes, {len(self.no)} no"
        if self.unanswered:
            text += f", {len(self.unanswered)} unanswered"
        return text


# --------------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------------


def _name_of(principle: Principle) -> str:
    return principle.name.lower()


def _from_practices(principle: Principle) -> RuleSet:
    """A principle's status from its practice answers alone (PRIN-3)."""
    keys = [practice_key(x) for x in practices_of(principle)]
    title = principle.title.lower()
    citations = ("para 17", f"para {principle.value + 18}")
    return RuleSet(
        id=f"from_practices.{_name_of(principle)}",
        subject=f"{title} from its practices",
        rules=(
            Rule(
                id="PX1",
                statement="Every practice of the principle answered yes: met.",
                citations=citations,
                when=all_of(*(Is(k, True) for k in keys)),
                then=Status.MET,
                title="every practice done",
                then_text="its practices make it met",
            ),
            Rule(
                id="PX2",
                statement="Every practice of the principle answered no: not met.",
                citations=citations,
                when=all_of(*(Is(k, False) for k in keys)),
                then=Status.NOT_MET,
                title="no practice done",
                then_text="its practices make it not met",
            ),
            Rule(
                id="PX3",
                statement="Some of its practices answered yes and some no: partly met.",
                citations=citations,
                when=Always(),
                then=Status.PARTIAL,
                title="some practices done",
                then_text="its practices make it partly met",
            ),
        ),
        citations=citations,
    )


def _ruled_out(status: Status, keys: list[str]) -> Condition:
    """The practice answers rule a declared ``status`` out (every answer given agrees)."""
    if status is Status.MET:
        return any_of(*(Is(k, False) for k in keys))
    if status is Status.NOT_MET:
        return any_of(*(Is(k, True) for k in keys))
    if len(keys) == 1:
        # One practice can only give met or not met: once answered, partly met is ruled out.
        return Known(keys[0])
    return any_of(all_of(*(Is(k, True) for k in keys)), all_of(*(Is(k, False) for k in keys)))


_DECLARABLE = (Status.MET, Status.PARTIAL, Status.NOT_MET)


def _status(principle: Principle, practices: RuleSet) -> RuleSet:
    """A principle's own status: the declared one, else the one its practices settle (PRIN-3)."""
    keys = [practice_key(x) for x in practices_of(principle)]
    declared = principle_key(principle)
    title = principle.title.lower()
    rules = [
        Rule(
            id=f"PS{n}",
            statement=(
                f"Declared {_WORDS[status]}: {_WORDS[status]}, even if its practice answers rule "
                "that out (which is warned of)."
            ),
            citations=("para 17",),
            when=In(declared, {status}),
            then=status,
            title=f"declared {_WORDS[status]}",
            then_text=f"it is {_WORDS[status]} as declared",
            warnings=(
                RuleWarning(
                    _ruled_out(status, keys),
                    f"The status declared for {title} is ruled out by its own practice "
                    "answers; the declared status is used (para 17).",
                ),
            ),
        )
        for n, status in enumerate(_DECLARABLE, 1)
    ]
    rules += [
        Rule(
            id=f"PS{n}",
            statement=f"Nothing declared, and its practices make it {_WORDS[status]}.",
            citations=("para 17", f"para {principle.value + 18}"),
            when=DecidedAs(practices, status),
            then=status,
            title=f"{_WORDS[status]} by its practices",
            then_text=f"it is {_WORDS[status]} by its practices",
        )
        for n, status in enumerate(_DECLARABLE, len(rules) + 1)
    ]
    return RuleSet(
        id=f"principle.{_name_of(principle)}",
        subject=f"own status of {title}",
        rules=rules,
        citations=("para 17",),
    )


@attrs.frozen(slots=True)
class PrincipleRules:
    """The rule sets the principle assessment is decided by (one assessor's, layers applied).

    Attributes:
        from_practices: Each principle's status from its practices, in `Principle` order.
        own: Each principle's own status (declared, else from practices), in `Principle` order.
    """

    from_practices: tuple[RuleSet, ...]
    own: tuple[RuleSet, ...]

    def __iter__(self) -> Iterator[RuleSet]:
        yield from self.from_practices
        yield from self.own


def _principle_rules() -> PrincipleRules:
    from_practices = tuple(_from_practices(p) for p in Principle)
    own = tuple(_status(p, x) for p, x in zip(Principle, from_practices, strict=True))
    return PrincipleRules(from_practices, own)


#: The shipped principle rules.
PRINCIPLE_RULES: PrincipleRules = _principle_rules()
#: Each principle's status from its practices (`PRINCIPLE_RULES.from_practices`).
FROM_PRACTICES_RULES: tuple[RuleSet, ...] = PRINCIPLE_RULES.from_practices
#: Each principle's own status (`PRINCIPLE_RULES.own`).
STATUS_RULES: tuple[RuleSet, ...] = PRINCIPLE_RULES.own


def practice_evidence(
    principle: Principle,
    answers: Mapping[Practice, bool],
    rules: RuleSet | None = None,
) -> PracticeEvidence:
    """Read the answers to ``principle``'s practices (PRIN-3).

    Args:
        principle: The principle whose practices are read.
        answers: The initiative's answers, practice to true/false (``Initiative.practices``).
        rules: The principle's ``from_practices`` rule set (the shipped one by default).

    Returns:
        The evidence: which practices are answered how, and the status they settle.
    """
    rule_set = FROM_PRACTICES_RULES[principle.value - 1] if rules is None else rules
    yes: list[Practice] = []
    no: list[Practice] = []
    unanswered: list[Practice] = []
    facts: dict[str, Any] = {}
    for practice in practices_of(principle):
        answer = answers.get(practice)
        facts[practice_key(practice)] = answer
        (unanswered if answer is None else yes if answer else no).append(practice)
    possible = rule_set.outcomes(facts)
    derived: Status | None = None
    if yes or no:
        derived = next(iter(possible)) if len(possible) == 1 else Status.UNKNOWN
    return PracticeEvidence(principle, tuple(yes), tuple(no), tuple(unanswered), possible, derived)


@attrs.frozen(slots=True)
class PrincipleFinding:
    """The assessed status of one principle and why (contract section 3).

    Attributes:
        principle: The principle.
        declared: The status the initiative declares (``UNKNOWN`` where it declares none).
        from_practices: The status its answered practices settle (``UNKNOWN`` if they do not
            settle it), or ``None`` where none of its practices is answered.
        status: The assessed status, after the pinned "and" over what it requires.
        held_down_by: The principles it directly requires that set its status below its own,
            in `Principle` order (empty when nothing held it down).
        explanation: Plain sentences saying where the status came from.
        citations: Where the framework supports the reasoning, e.g. ``("para 17", "para 28")``.
    """

    principle: Principle
    declared: Status
    from_practices: Status | None
    status: Status
    held_down_by: tuple[Principle, ...]
    explanation: str
    citations: tuple[str, ...]

    # The finding's plain values, read once: enum `.name`/`.value` are slow descriptors, and
    # `to_dict` runs for every result written out.
    _plain: tuple[Any, ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: _plain_values(self), takes_self=True),
    )

    @property
    def crosswalks(self) -> tuple[CrosswalkLink, ...]:
        """The principle's links to other standards (FPOS, HRBAD, CARE), crosswalk by crosswalk.

        The library's reading beside the framework, not part of the assessment: the same for
        every initiative (`copenhagen.framework.crosswalks.crosswalk_links`).
        """
        from copenhagen.framework.crosswalks import crosswalk_links

        return crosswalk_links(self.principle)

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data, in the shape of ``principle_findings`` entries.

        ``crosswalks`` lists the principle's links to other standards, each contract section 8's
        link with the name of its crosswalk: ``{"crosswalk", "from", "to", "strength",
        "reason", "source"}``.
        """
        _, declared, from_practices, status, held, explanation, citations, links = self._plain
        return {
            "declared": declared,
            "from_practices": from_practices,
            "status": status,
            "held_down_by": list(held),
            "explanation": explanation,
            "citations": list(citations),
            "crosswalks": [link.copy() for link in links],
        }


@functools.cache
def _crosswalk_rows(principle: Principle) -> tuple[dict[str, str], ...]:
    """The principle's crosswalk links as ``to_dict`` writes them (built once; copied per call)."""
    from copenhagen.framework.crosswalks import crosswalk_links

    links = crosswalk_links(principle)
    return tuple({"crosswalk": link.crosswalk, **link.to_dict()} for link in links)


def _plain_values(finding: PrincipleFinding) -> tuple[Any, ...]:
    practices = finding.from_practices
    return (
        finding.principle.name.lower(),
        finding.declared.value,
        None if practices is None else practices.value,
        finding.status.value,
        tuple(p.name.lower() for p in finding.held_down_by),
        finding.explanation,
        finding.citations,
        _crosswalk_rows(finding.principle),
    )


@attrs.frozen(slots=True, cache_hash=True)
class PrincipleAssessment:
    """The assessed status of all 13 principles, each with its reasons (contract section 3).

    Results are immutable and shared between initiatives with the same declared statuses and
    practice answers. The statuses are computed at once; the findings (with their
    explanations) the first time they are asked for, and then kept.

    Attributes:
        status_values: Every principle's assessed status, in `Principle` order.
        warnings: Declared statuses that the initiative's own practice answers rule out.
        own_values: Every principle's own status (before the "and" over what it requires), as
            its own rule set decided it, in `Principle` order (the assessed statuses follow
            from these, so equality does not look at them).
    """

    _declared: tuple[Status, ...] = attrs.field(alias="declared")
    _answers: tuple[tuple[bool | None, ...], ...] = attrs.field(alias="answers")
    status_values: tuple[Status, ...] = attrs.field(alias="statuses")
    warnings: tuple[str, ...] = ()
    own_values: tuple[Status, ...] | None = attrs.field(default=None, alias="owns", eq=False)
    _reasons: Reasons = attrs.field(
        factory=lambda: Reasons(PRINCIPLE_RULES), alias="reasons", eq=False, repr=False
    )
    # The findings, once first asked for (a one-slot memo; the result stays logically immutable).
    _memo: list[tuple[FrozenMap[Principle, PrincipleFinding], tuple[PrincipleFinding, ...]]] = (
        attrs.field(init=False, factory=list, eq=False, repr=False)
    )

    def status(self, principle: Principle) -> Status:
        """The assessed status of ``principle``."""
        return self.status_values[_POS[principle]]

    def own_status(self, principle: Principle) -> Status:
        """The principle's own status, before the "and" over what it requires."""
        i = _POS[principle]
        if self.own_values is not None:
            return self.own_values[i]
        declared = self._declared[i]
        if declared is not _UNKNOWN:
            return declared
        return self._reasons.evidence(i, self._answers[i]).derived or _UNKNOWN

    @property
    def statuses(self) -> FrozenMap[Principle, Status]:
        """Every principle's assessed status, in `Principle` order (e.g. for `to_svg`)."""
        return FrozenMap(dict(zip(_ORDER, self.status_values, strict=True)))

    @property
    def findings(self) -> FrozenMap[Principle, PrincipleFinding]:
        """One finding per principle, in `Principle` order: its status and why."""
        return self._found()[0]

    @property
    def ordered_findings(self) -> tuple[PrincipleFinding, ...]:
        """The findings as a tuple, in `Principle` order (the values of `findings`)."""
        return self._found()[1]

    def _found(self) -> tuple[FrozenMap[Principle, PrincipleFinding], tuple[PrincipleFinding, ...]]:
        memo = self._memo
        if not memo:
            found = self._reasons.findings(self._declared, self._answers, self.status_values)
            memo.append((FrozenMap(dict(zip(_ORDER, found, strict=True))), found))
        return memo[0]

    def principles_dict(self) -> dict[str, str]:
        """``{lower-case principle name: assessed status value}`` in `Principle` order."""
        return dict(zip(_NAMES, map(_VALUE.__getitem__, map(id, self.status_values)), strict=True))

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Every finding as plain data, keyed by lower-case principle name, in `Principle` order.

        This is the ``principle_findings`` part of `copenhagen.assess`'s output.
        """
        return {f._plain[0]: f.to_dict() for f in self._found()[1]}

    def to_svg(self) -> str:
        """The principle graph drawn with these statuses (see `copenhagen.principles.to_svg`)."""
        from copenhagen.principles.svg import to_svg

        return to_svg(self.statuses)


def _conflict(declared: Status, evidence: PracticeEvidence) -> str:
    if declared is Status.MET:
        return "answered no: " + ", ".join(p.value for p in evidence.no)
    if declared is Status.NOT_MET:
        return "answered yes: " + ", ".join(p.value for p in evidence.yes)
    return evidence.summary()


def _origin(declared: Status, evidence: PracticeEvidence) -> str:
    if declared is not Status.UNKNOWN:
        text = f"The initiative declares it {_WORDS[declared]}"
        if evidence.derived is None:
            return text + "."
        if evidence.contradicts(declared):
            return (
                f"{text}, although its practice answers rule that out "
                f"({_conflict(declared, evidence)}); the declared status is used."
            )
        return f"{text}, and its practice answers fit that ({evidence.summary()})."
    if evidence.derived is None:
        return (
            "No status is declared and none of its practices is answered, so on its own it "
            "is unknown."
        )
    if evidence.derived is Status.UNKNOWN:
        return (
            f"No status is declared and its practices do not settle it ({evidence.summary()}): "
            "the unanswered ones could still change the result, so on its own it is unknown."
        )
    return (
        f"No status is declared, so it is read from its practices: {evidence.summary()}, "
        f"which makes it {_WORDS[evidence.derived]}."
    )


def _held(
    principle: Principle, status: Status, held_down_by: tuple[Principle, ...]
) -> tuple[str, tuple[str, ...]]:
    citations = tuple(dict.fromkeys(_REQUIRES_CITATION[principle, q] for q in held_down_by))
    one = len(held_down_by) == 1
    verb = "is" if one else "are"
    names = _join([_name(q) for q in held_down_by])
    if status is Status.UNKNOWN:
        # An unknown requirement lowers a met or partly met principle to unknown because the
        # requirement may yet be not met, which would make this one not met (the contract's
        # "and"): "cannot be met unless" would explain only the met case (register PRIN-5).
        text = (
            f" But it requires {names} ({', '.join(citations)}), and "
            f"{'that is' if one else 'they are'} assessed unknown: "
            f"{'it' if one else 'any of them'} may turn out not met, which would make this "
            "principle not met too, so it is assessed unknown."
        )
        return text, citations
    text = (
        f" But it cannot be met unless {names} {verb} met "
        f"({', '.join(citations)}), and {'that' if one else 'they'} {verb} assessed "
        f"{_WORDS[status]}, so it is assessed {_WORDS[status]}."
    )
    return text, citations


def _finding(
    principle: Principle,
    declared: Status,
    evidence: PracticeEvidence,
    own: Status,
    assessed: Mapping[Principle, Status],
) -> PrincipleFinding:
    status = assessed[principle]
    explanation = _origin(declared, evidence)
    citations: list[str] = [_STATEMENT]
    if declared is Status.UNKNOWN and evidence.derived is not None:
        for practice in evidence.yes + evidence.no + evidence.unanswered:
            citations.extend(practice.citations)
    held_down_by: tuple[Principle, ...] = ()
    if status is not own:
        # The pinned "and" took it lower: the direct requirements that carry that lower status.
        held_down_by = tuple(q for q in REQUIRES[principle] if assessed[q] is status)
        text, edge_citations = _held(principle, status, held_down_by)
        explanation += text
        citations.extend(edge_citations)
    return PrincipleFinding(
        principle=principle,
        declared=declared,
        from_practices=evidence.derived,
        status=status,
        held_down_by=held_down_by,
        explanation=explanation,
        citations=tuple(dict.fromkeys(citations)),
    )


def _warning(principle: Principle, declared: Status, evidence: PracticeEvidence) -> str:
    name = _name(principle)
    return (
        f"{name[0].upper()}{name[1:]} is declared {_WORDS[declared]}, but its practice answers "
        f"rule that out ({_conflict(declared, evidence)}); the declared status is used."
    )


_ORDER: tuple[Principle, ...] = tuple(Principle)
_POS: dict[Principle, int] = {p: i for i, p in enumerate(_ORDER)}
_NAMES: tuple[str, ...] = PRINCIPLE_KEYS
_VALUE: dict[int, str] = {id(s): s.value for s in Status}  # keyed by id: a C-level hash
_UNKNOWN = Status.UNKNOWN
_UNKNOWNS = (_UNKNOWN,) * len(_ORDER)
_PRACTICES: tuple[tuple[Practice, ...], ...] = tuple(practices_of(p) for p in _ORDER)
_PRACTICE_KEYS: tuple[tuple[str, ...], ...] = tuple(
    tuple(practice_key(x) for x in xs) for xs in _PRACTICES
)
_DECLARED_KEYS: tuple[str, ...] = tuple(principle_key(p) for p in _ORDER)
# Principles that require others, with the indices of everything they require transitively.
_CLOSURES: tuple[tuple[int, tuple[int, ...]], ...] = tuple(
    (i, tuple(_POS[q] for q in REQUIRES_CLOSURE[p]))
    for i, p in enumerate(_ORDER)
    if REQUIRES_CLOSURE[p]
)
# Indices of what each principle requires directly, in `Principle` order.
_DIRECT: tuple[tuple[int, ...], ...] = tuple(tuple(_POS[q] for q in REQUIRES[p]) for p in _ORDER)


class Reasons:
    """The evidence and findings behind principle statuses, shared by one assessor's results.

    Both are pure values of the rules and of one principle's declaration and answers, so each is
    worked out once (bounded: a memo starts afresh when full).

    Args:
        rules: The principle rules (an assessor's).
        limit: How many findings to keep.
    """

    __slots__ = ("_evidence", "_findings", "_limit", "_own", "_reads_own", "rules")

    def __init__(self, rules: PrincipleRules, limit: int = 1 << 14) -> None:
        self.rules = rules
        self._limit = limit
        self._evidence: dict[tuple[int, tuple[bool | None, ...]], PracticeEvidence] = {}
        self._findings: dict[tuple[Any, ...], PrincipleFinding] = {}
        self._own: dict[tuple[Any, ...], tuple[Verdict, tuple[str, ...]]] = {}
        #: For each principle, whether its own rule set reads nothing but the principle's
        #: declaration and its practices' answers (as the engine reports it: `RuleSet.facts`);
        #: then its decision is a value of those alone, and is kept under them.
        self._reads_own: tuple[bool, ...] = tuple(
            set(rule_set.facts) <= {_DECLARED_KEYS[i], *_PRACTICE_KEYS[i]}
            for i, rule_set in enumerate(rules.own)
        )

    def own_decision(
        self, facts: Facts, i: int, declared: Status, answers: tuple[bool | None, ...]
    ) -> tuple[Verdict, tuple[str, ...]]:
        """The ``i``-th principle's own rule set's verdict and warnings on ``facts``.

        Kept under the declaration and answers when the rule set reads nothing else;
        otherwise decided on ``facts`` (or taken from them, when they hold it).
        """
        if not self._reads_own[i]:
            return _decided(facts, self.rules.own[i])
        key = (i, declared, answers)
        found = self._own.get(key)
        if found is None:
            found = _decided(facts, self.rules.own[i])
            if len(self._own) >= self._limit:
                self._own.clear()
            self._own[key] = found
        return found

    def evidence(self, i: int, answers: tuple[bool | None, ...]) -> PracticeEvidence:
        """What the answers to the ``i``-th principle's practices say."""
        key = (i, answers)
        found = self._evidence.get(key)
        if found is None:
            given = {x: a for x, a in zip(_PRACTICES[i], answers, strict=True) if a is not None}
            found = practice_evidence(_ORDER[i], given, self.rules.from_practices[i])
            if len(self._evidence) >= self._limit:
                self._evidence.clear()
            self._evidence[key] = found
        return found

    def findings(
        self,
        declared: tuple[Status, ...],
        answers: tuple[tuple[bool | None, ...], ...],
        statuses: tuple[Status, ...],
    ) -> tuple[PrincipleFinding, ...]:
        """Every principle's finding, in `Principle` order."""
        found = []
        memo = self._findings
        for i, p in enumerate(_ORDER):
            direct = _DIRECT[i]
            # A finding reads only its principle's declaration and answers and the statuses of
            # what it requires directly.
            key = (i, declared[i], answers[i], statuses[i], *[statuses[j] for j in direct])
            finding = memo.get(key)
            if finding is None:
                evidence = self.evidence(i, answers[i])
                own = declared[i]
                if own is _UNKNOWN:
                    own = evidence.derived or _UNKNOWN
                assessed = {p: statuses[i]} | {_ORDER[j]: statuses[j] for j in direct}
                finding = _finding(p, declared[i], evidence, own, assessed)
                if len(memo) >= self._limit:
                    memo.clear()
                memo[key] = finding
            found.append(finding)
        return tuple(found)


def _decided(facts: Facts, rule_set: RuleSet) -> tuple[Verdict, tuple[str, ...]]:
    """A rule set's verdict and warnings: those ``facts`` already hold, if any."""
    known: Callable[[str], Any] | None = getattr(facts, "decided_of", None)
    if known is not None:
        found = known(rule_set.id)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return rule_set.decide(facts)


def _declared_and_answers(
    facts: Facts,
) -> tuple[tuple[Status, ...], tuple[tuple[bool | None, ...], ...]]:
    """Every declared status and every practice's answer, in `Principle` order.

    A view of an initiative offers its whole mappings (``principles``, ``practices``): each is
    read once and its items taken out, instead of one look-up through the view per item.
    """
    try:
        declarations, practices = facts["principles"], facts["practices"]
    except KeyError:  # facts by their keys alone
        return (
            tuple(facts[key] for key in _DECLARED_KEYS),
            tuple(tuple(facts[key] for key in keys) for keys in _PRACTICE_KEYS),
        )
    declared = tuple(map(declarations.get, _ORDER, _UNKNOWNS))
    answer = practices.get
    return declared, tuple(tuple(map(answer, xs)) for xs in _PRACTICES)


def principles_of(facts: Facts, reasons: Reasons) -> PrincipleAssessment:
    """The principle assessment from an initiative's facts (contract section 3, PRIN-3).

    Args:
        facts: The initiative's facts (`copenhagen.rules.FACTS` keys), read as needed; a view
            that holds each own-status rule set's decision (``decided_of``) is read for it.
        reasons: The rules that decide it (an assessor's, with its layers) and their shared
            evidence and findings.

    Returns:
        The assessment.
    """
    declared, answers = _declared_and_answers(facts)
    own: list[Status] = []
    warnings: list[str] = []
    decide = reasons.own_decision
    for i in range(len(_ORDER)):
        verdict, raised = decide(facts, i, declared[i], answers[i])
        own.append(verdict.outcome if verdict.determinate else _UNKNOWN)
        if raised:
            evidence = reasons.evidence(i, answers[i])
            warnings.append(_warning(_ORDER[i], declared[i], evidence))
    # The "and" is associative, commutative and idempotent, so folding it over the own statuses
    # of the transitive requirements equals applying it recursively along the requires edges.
    statuses = own[:]
    for i, closure in _CLOSURES:
        statuses[i] = status_and([own[i], *[own[j] for j in closure]])
    return PrincipleAssessment(
        declared=declared,
        answers=answers,
        statuses=tuple(statuses),
        warnings=tuple(warnings),
        owns=tuple(own),
        reasons=reasons,
    )
