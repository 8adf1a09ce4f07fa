"""How far an initiative meets each principle, and why (paras 17-31, contract section 3).

For each principle the assessment starts from its own status: the one the initiative declares,
or, where it declares none, the one its answered practices settle (interpretation register,
PRIN-3). It then applies the contract's pinned "and" (`copenhagen.model.status_and`) along the
``requires`` relations: a principle is assessed no better than anything it cannot be met without
(paras 28, 30). Every finding says in plain words where its status came from.

Nothing here imports networkx: the relations come from `copenhagen.principles.relations`, whose
transitive ``requires`` closure is precomputed, and results are cached per pattern of facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs

from copenhagen._frozen import FrozenMap
from copenhagen.framework.practices import Practice
from copenhagen.framework.principles import PRINCIPLE_KEYS, Principle
from copenhagen.model import Initiative, Status, status_and
from copenhagen.principles.queries import practices_of
from copenhagen.principles.relations import RELATIONS, REQUIRES, REQUIRES_CLOSURE, RelationKind

__all__ = [
    "PracticeEvidence",
    "PrincipleAssessment",
    "PrincipleFinding",
    "assess_principles",
    "practice_evidence",
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
        possible: Every status the practices could still give once all are answered: ``MET``
            if none is answered no, ``NOT_MET`` if none is answered yes, ``PARTIAL`` if one yes
            and one no are still possible.
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


def practice_evidence(principle: Principle, answers: Mapping[Practice, bool]) -> PracticeEvidence:
    """Read the answers to ``principle``'s practices (issue: practice checklist; PRIN-3).

    Args:
        principle: The principle whose practices are read.
        answers: The initiative's answers, practice to true/false (``Initiative.practices``).

    Returns:
        The evidence: which practices are answered how, and the status they settle.
    """
    yes: list[Practice] = []
    no: list[Practice] = []
    unanswered: list[Practice] = []
    for practice in practices_of(principle):
        answer = answers.get(practice)
        (unanswered if answer is None else yes if answer else no).append(practice)
    t, f, u = len(yes), len(no), len(unanswered)
    possible: set[Status] = set()
    if f == 0:
        possible.add(Status.MET)
    if t == 0:
        possible.add(Status.NOT_MET)
    if t + u >= 1 and f + u >= 1 and t + f + u >= 2:
        possible.add(Status.PARTIAL)
    derived: Status | None = None
    if t + f:
        derived = next(iter(possible)) if len(possible) == 1 else Status.UNKNOWN
    return PracticeEvidence(
        principle, tuple(yes), tuple(no), tuple(unanswered), frozenset(possible), derived
    )


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

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data, in the shape of ``principle_findings`` entries."""
        _, declared, from_practices, status, held, explanation, citations = self._plain
        return {
            "declared": declared,
            "from_practices": from_practices,
            "status": status,
            "held_down_by": list(held),
            "explanation": explanation,
            "citations": list(citations),
        }


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
    )


@attrs.frozen(slots=True)
class PrincipleAssessment:
    """The assessed status of all 13 principles, each with its reasons (contract section 3).

    Results are immutable and shared between initiatives with the same declared statuses and
    practice answers. The statuses are computed at once; the findings (with their
    explanations) the first time they are asked for, and then cached.

    Attributes:
        warnings: Declared statuses that the initiative's own practice answers rule out.
    """

    _declared: tuple[Status, ...] = attrs.field(alias="declared")
    _answers: tuple[tuple[bool | None, ...], ...] = attrs.field(alias="answers")
    _statuses: tuple[Status, ...] = attrs.field(alias="statuses")
    warnings: tuple[str, ...] = ()
    # The findings, once first asked for (a one-slot memo; the result stays logically immutable).
    _memo: list[tuple[FrozenMap[Principle, PrincipleFinding], tuple[PrincipleFinding, ...]]] = (
        attrs.field(init=False, factory=list, eq=False, repr=False)
    )

    def status(self, principle: Principle) -> Status:
        """The assessed status of ``principle``."""
        return self._statuses[_POS[principle]]

    @property
    def statuses(self) -> FrozenMap[Principle, Status]:
        """Every principle's assessed status, in `Principle` order (e.g. for `to_svg`)."""
        return FrozenMap(dict(zip(_ORDER, self._statuses, strict=True)))

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
            found = _findings(self._declared, self._answers, self._statuses)
            memo.append((FrozenMap(dict(zip(_ORDER, found, strict=True))), found))
        return memo[0]

    def principles_dict(self) -> dict[str, str]:
        """``{lower-case principle name: assessed status value}`` in `Principle` order."""
        return dict(zip(_NAMES, map(_VALUE.__getitem__, map(id, self._statuses)), strict=True))

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
    verb = "is" if len(held_down_by) == 1 else "are"
    text = (
        f" But it cannot be met unless {_join([_name(q) for q in held_down_by])} {verb} met "
        f"({', '.join(citations)}), and {'that' if verb == 'is' else 'they'} {verb} assessed "
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


# --- The fast path --------------------------------------------------------------------------
# Distinct patterns of facts are common in real registries, so a new pattern must be cheap too:
# statuses are computed over plain tuples indexed in `Principle` order, with the evidence of
# every combination of practice answers computed once (a principle has at most three), and the
# explanations are left until someone reads them.

_ORDER: tuple[Principle, ...] = tuple(Principle)
_POS: dict[Principle, int] = {p: i for i, p in enumerate(_ORDER)}
_NAMES: tuple[str, ...] = PRINCIPLE_KEYS
_VALUE: dict[int, str] = {id(s): s.value for s in Status}  # keyed by id: a C-level hash
_UNKNOWN = Status.UNKNOWN
_PRACTICES: tuple[tuple[Practice, ...], ...] = tuple(practices_of(p) for p in _ORDER)
_NO_ANSWERS: tuple[tuple[None, ...], ...] = tuple((None,) * len(x) for x in _PRACTICES)
_ALL_UNKNOWN: tuple[Status, ...] = (_UNKNOWN,) * len(_ORDER)
# Each practice's place: (index of its principle, index among that principle's practices).
_PLACE: dict[Practice, tuple[int, int]] = {
    x: (i, j) for i, xs in enumerate(_PRACTICES) for j, x in enumerate(xs)
}
# Principles that require others, with the indices of everything they require transitively.
_CLOSURES: tuple[tuple[int, tuple[int, ...]], ...] = tuple(
    (i, tuple(_POS[q] for q in REQUIRES_CLOSURE[p]))
    for i, p in enumerate(_ORDER)
    if REQUIRES_CLOSURE[p]
)


# The evidence of each set of answers met so far, per principle index (at most 27 sets each, so
# the memo stays small; filled on first use to keep the import light).
_EVIDENCE: tuple[dict[tuple[bool | None, ...], PracticeEvidence], ...] = tuple({} for _ in _ORDER)


def _evidence(i: int, answers: tuple[bool | None, ...]) -> PracticeEvidence:
    known = _EVIDENCE[i].get(answers)
    if known is None:
        given = {x: a for x, a in zip(_PRACTICES[i], answers, strict=True) if a is not None}
        known = _EVIDENCE[i][answers] = practice_evidence(_ORDER[i], given)
    return known


# Indices of what each principle requires directly, in `Principle` order.
_DIRECT: tuple[tuple[int, ...], ...] = tuple(tuple(_POS[q] for q in REQUIRES[p]) for p in _ORDER)
# A finding depends only on its principle's declaration and answers and the statuses of what it
# requires directly, so findings are shared across results (bounded: cleared when full).
_FINDING_CACHE: dict[tuple[Any, ...], PrincipleFinding] = {}
_FINDING_CACHE_MAX = 16384


@lru_cache(maxsize=4096)
def _findings(
    declared: tuple[Status, ...],
    answers: tuple[tuple[bool | None, ...], ...],
    statuses: tuple[Status, ...],
) -> tuple[PrincipleFinding, ...]:
    findings = []
    cache = _FINDING_CACHE
    for i, p in enumerate(_ORDER):
        direct = _DIRECT[i]
        key = (i, declared[i], answers[i], statuses[i], *[statuses[j] for j in direct])
        finding = cache.get(key)
        if finding is None:
            evidence = _evidence(i, answers[i])
            own = declared[i]
            if own is _UNKNOWN:
                own = evidence.derived or _UNKNOWN
            assessed = {p: statuses[i]} | {_ORDER[j]: statuses[j] for j in direct}
            finding = _finding(p, declared[i], evidence, own, assessed)
            if len(cache) >= _FINDING_CACHE_MAX:
                cache.clear()
            cache[key] = finding
        findings.append(finding)
    return tuple(findings)


@lru_cache(maxsize=4096)
def _assess_facts(
    principles: Mapping[Principle, Status], practices: Mapping[Practice, bool]
) -> PrincipleAssessment:
    declared = list(_ALL_UNKNOWN)
    if principles:
        for p, status in principles.items():
            declared[_POS[p]] = status
    own = declared[:]
    answers: tuple[tuple[bool | None, ...], ...] = _NO_ANSWERS
    warnings: tuple[str, ...] = ()
    if practices:
        answered: dict[int, list[bool | None]] = {}
        for practice, answer in practices.items():
            i, j = _PLACE[practice]
            if i not in answered:
                answered[i] = list(_NO_ANSWERS[i])
            answered[i][j] = answer
        given: list[tuple[bool | None, ...]] = list(_NO_ANSWERS)
        found: list[str] = []
        for i in sorted(answered):
            given[i] = key = tuple(answered[i])
            evidence = _evidence(i, key)
            if declared[i] is _UNKNOWN:
                own[i] = evidence.derived or _UNKNOWN
            elif evidence.contradicts(declared[i]):
                found.append(_warning(_ORDER[i], declared[i], evidence))
        answers = tuple(given)
        warnings = tuple(found)
    # The "and" is associative, commutative and idempotent, so folding it over the own statuses
    # of the transitive requirements equals applying it recursively along the requires edges.
    statuses = own[:]
    for i, closure in _CLOSURES:
        statuses[i] = status_and([own[i], *[own[j] for j in closure]])
    return PrincipleAssessment(
        declared=tuple(declared), answers=answers, statuses=tuple(statuses), warnings=warnings
    )


def assess_principles(initiative: Initiative) -> PrincipleAssessment:
    """Assess how far ``initiative`` meets each of the 13 principles (contract section 3).

    A principle's own status is the one declared in ``initiative.principles`` or, where none is
    declared, the one its answered practices (``initiative.practices``) settle; its assessed
    status is the pinned "and" of its own status and the assessed statuses of everything it
    requires (paras 28, 30).

    Args:
        initiative: The initiative to assess.

    Returns:
        The assessment; the same object for initiatives with equal statuses and answers.

    Examples:
        >>> from copenhagen import Actor, Initiative, Principle, Status
        >>> i = Initiative(name="x", initiated_by={Actor.CSO},
        ...                principles={p: Status.MET for p in Principle} | {
        ...                    Principle.DATA_SECURITY: Status.NOT_MET})
        >>> assess_principles(i).status(Principle.CONFIDENTIALITY).value
        'not_met'
    """
    principles = initiative.principles
    practices = initiative.practices
    if not principles and not practices:
        return _NOTHING_KNOWN  # the commonest case in real registries: skip hashing the maps
    return _assess_facts(principles, practices)


_NOTHING_KNOWN: PrincipleAssessment = _assess_facts(FrozenMap(), FrozenMap())
