"""JSON Lines rows of a batch, written from cached pieces instead of ``json.dumps`` each time.

Two writers give ``dumps_row({"position": N, **assess(x).to_dict()})`` byte for byte, faster:

- `RowWriter` joins the JSON of an `Assessment`'s shared parts (decisions, principle
  assessment, participation profile, recommendations), each serialised once;
- `RawRows` goes further for JSON Lines input: it keys each part of a row on the *raw* values
  (as `json.loads` gives them) of exactly the facts that part reads, so a record whose parts
  have all been seen before is written without building an `Initiative` or an `Assessment`.
  Records of a registry repeat the facts of each part far more often than whole patterns
  (docs/performance/batch.md measures it).

Both check their first row against the general path and turn themselves off should it ever
differ; the tests check them against it on generated registries. Every cache is bounded.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from copenhagen._frozen import FrozenMap
from copenhagen.documents._fast import fast_structure, plain_part, unread_facts_are_plain
from copenhagen.framework.actors import CITIZEN_SIDE
from copenhagen.model import DOCUMENT_KEYS

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.model import Initiative
    from copenhagen.participation import ParticipationProfile
    from copenhagen.reports.summary import TallyKey

__all__ = ["RawRows", "RowWriter", "dumps_row"]


def dumps_row(row: Mapping[str, Any]) -> str:
    """One JSON Lines row, serialised the way the library always does: sorted keys, one line.

    ``dumps_row({"position": 1, **a.to_dict()})`` is ``json.dumps(..., sort_keys=True)``, so a
    reader can check a row against ``assess(...).to_dict()`` byte for byte.
    """
    return json.dumps(row, sort_keys=True)


_CACHE_LIMIT = 2048

# A decision as row pieces: (decision, its JSON, its summary key, the rule that concluded it).
_Piece = tuple[Any, str, str, str | None]

# What json.dumps does to a str with its default ensure_ascii=True, without the call around it.
_string: Callable[[str], str] = encode_basestring_ascii


@functools.cache
def _provenance_json() -> str:
    from copenhagen.assessment import _provenance

    return json.dumps(_provenance(), sort_keys=True)


# The row's layout: its keys in sorted order, as the text that joins each part's JSON to the
# next (lists' brackets included). Both writers build rows from these and nothing else.
_OPEN = '{"modality": '
_NAME = ', "name": '
_CATEGORY = ', "nso_category": '
_PARTICIPATION = ', "participation": '
_POSITION = ', "position": '
_FINDINGS = ', "principle_findings": '
_STATUSES = ', "principles": '
_PROVENANCE = ', "provenance": '
_RECOMMENDATIONS = ', "recommendations": ['
_SCOPE = '], "scope": '
_WARNINGS = ', "warnings": ['
_CLOSE = "]}"


def _row_text(
    modality: str,
    name: str,
    category: str,
    participation: str,
    position: int,
    findings: str,
    statuses: str,
    recommendations: str,
    scope: str,
    warnings: str,
) -> str:
    """A row's JSON from its parts' JSON, joined in the sorted order of the row's keys.

    ``recommendations`` and ``warnings`` are the items of their lists, already joined.
    """
    return "".join(
        (
            _OPEN,
            modality,
            _NAME,
            _string(name),
            _CATEGORY,
            category,
            _PARTICIPATION,
            participation,
            _POSITION,
            str(position),
            _FINDINGS,
            findings,
            _STATUSES,
            statuses,
            _PROVENANCE,
            _provenance_json(),
            _RECOMMENDATIONS,
            recommendations,
            _SCOPE,
            scope,
            _WARNINGS,
            warnings,
            _CLOSE,
        )
    )


def _tally(scope: _Piece, modality: _Piece, category: _Piece) -> tuple[str, str, str, Any]:
    """The decisions' part of a summary key: three outcome keys and the concluding rules."""
    rules = tuple(d[3] for d in (scope, modality, category) if d[3] is not None)
    return scope[2], modality[2], category[2], rules


@functools.cache
def _by_name() -> tuple[int, ...]:
    """Positions of the principles (in `Principle` order) sorted by lower-case member name."""
    from copenhagen.framework.principles import Principle

    order = list(Principle)
    return tuple(sorted(range(len(order)), key=lambda i: order[i].name.lower()))


class RowWriter:
    """Writes ``dumps_row({"position": N, **assessment.to_dict()})`` from cached pieces.

    JSON text is compositional: a dict with sorted keys serialises as its keys' serialised
    values joined in order. Assessments of a registry share their parts (the rule engine shares
    `Decision` objects; `copenhagen.assess` shares principle assessments, participation profiles
    and recommendations between initiatives with the same facts), so each part's JSON is made
    once and reused, and a row costs a join instead of a full ``to_dict()`` and ``json.dumps``.
    Parts are cached by identity (each entry holds its object, so an id is never reused while
    cached); every cache is bounded. The first row is checked byte for byte against the
    general path, and should they ever differ (say the assessment gains a key), the writer
    turns itself off and every row takes the general path.
    """

    __slots__ = (
        "_checked",
        "_decisions",
        "_fragments",
        "_ok",
        "_participation",
        "_principles",
        "_recommendations",
        "_statuses",
        "limit",
    )

    def __init__(self, limit: int | None = None) -> None:
        #: How many entries each cache holds before it starts afresh.
        self.limit = _CACHE_LIMIT if limit is None else limit
        self._decisions: dict[int, tuple[Any, str, str, str | None]] = {}
        self._principles: dict[int, tuple[Any, str, str, tuple[str, ...]]] = {}
        self._participation: dict[int, tuple[Any, str]] = {}
        # Equal recommendations serialise equally, and many equal ones are built afresh per
        # initiative: this cache is keyed by value.
        self._recommendations: dict[Any, str] = {}
        self._fragments: dict[int, tuple[Any, str]] = {}
        self._statuses: dict[tuple[str, ...], str] = {}
        self._checked = False
        self._ok = False

    def usable(self, assessment: Assessment) -> bool:
        """Whether rows may be written from pieces (checked on the first assessment seen)."""
        if not self._checked:
            self._checked = True
            general = assessment.to_dict()
            self._ok = self.row(1, assessment) == dumps_row({"position": 1, **general})
        return self._ok

    def _bounded(self, cache: dict[Any, Any]) -> dict[Any, Any]:
        if len(cache) >= self.limit:
            cache.clear()  # start afresh rather than grow: memory stays flat
        return cache

    def _decision(self, decision: Any, enum: Any) -> tuple[Any, str, str, str | None]:
        hit = self._decisions.get(id(decision))
        if hit is not None and hit[0] is decision:
            return hit
        from copenhagen.reports.summary import outcome_key

        plain = decision.to_dict()
        trace = plain["trace"]
        entry = (
            decision,
            json.dumps(plain, sort_keys=True),
            outcome_key(plain, enum),
            trace[-1]["rule"] if trace else None,
        )
        self._bounded(self._decisions)[id(decision)] = entry
        return entry

    def _principle(self, assessment: Any) -> tuple[Any, str, str, tuple[str, ...]]:
        hit = self._principles.get(id(assessment))
        if hit is not None and hit[0] is assessment:
            return hit
        statuses, parts, tally = self._principle_parts(assessment)
        entry = (assessment, statuses, "{" + ", ".join(parts) + "}", tally)
        self._bounded(self._principles)[id(assessment)] = entry
        return entry

    def _principle_parts(self, assessment: Any) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """The statuses' JSON, each finding's (``"name": {...}``, in key order), the statuses.

        Equal values share one string, whichever assessment they come from.
        """
        statuses = assessment.principles_dict()
        tally = tuple(statuses.values())
        text = self._statuses.get(tally)
        if text is None:
            text = self._bounded(self._statuses)[tally] = json.dumps(statuses, sort_keys=True)
        # Findings are shared objects (`copenhagen.principles`): look each up by identity,
        # keeping the finding in the entry so that its id is never another's.
        fragments = self._fragments
        found = assessment.ordered_findings
        parts = []
        for i in _by_name():
            finding = found[i]
            hit = fragments.get(id(finding))
            if hit is None or hit[0] is not finding:
                part = f"{json.dumps(finding.principle.name.lower())}: "
                hit = (finding, part + json.dumps(finding.to_dict(), sort_keys=True))
                self._bounded(fragments)[id(finding)] = hit
            parts.append(hit[1])
        return text, tuple(parts), tally

    def _plain(self, cache: dict[int, tuple[Any, str]], part: Any) -> str:
        hit = cache.get(id(part))
        if hit is not None and hit[0] is part:
            return hit[1]
        text = json.dumps(part.to_dict(), sort_keys=True)
        self._bounded(cache)[id(part)] = (part, text)
        return text

    def _recommendation(self, recommendation: Any) -> str:
        text = self._recommendations.get(recommendation)
        if text is None:
            text = json.dumps(recommendation.to_dict(), sort_keys=True)
            self._bounded(self._recommendations)[recommendation] = text
        return text

    def row(self, position: int, a: Assessment) -> str:
        """The row's JSON text (without a newline); call `usable` first to know it is right."""
        if not self._checked:
            self.usable(a)
        from copenhagen.framework.modalities import Modality
        from copenhagen.framework.official import NSOCategory

        pieces = self._principle(a.principles)
        return _row_text(
            self._decision(a.modality, Modality)[1],
            a.initiative.name,
            self._decision(a.nso_category, NSOCategory)[1],
            self._plain(self._participation, a.participation),
            position,
            pieces[2],
            pieces[1],
            ", ".join([self._recommendation(r) for r in a.recommendations]),
            self._decision(a.scope, None)[1],
            ", ".join(map(_string, a.warnings)),
        )

    def tally(self, a: Assessment) -> TallyKey:
        """What the assessment adds to the summary (as `copenhagen.reports.summary.tally_key`)."""
        from copenhagen.framework.modalities import Modality
        from copenhagen.framework.official import NSOCategory

        scope, modality, category, rules = _tally(
            self._decision(a.scope, None),
            self._decision(a.modality, Modality),
            self._decision(a.nso_category, NSOCategory),
        )
        return scope, modality, category, self._principle(a.principles)[3], rules


# --------------------------------------------------------------------------- raw rows

_KEYS = frozenset(DOCUMENT_KEYS)


# The recommendations' decision rules, cut into runs of consecutive rules by what they read
# (their `reads`): a run that reads only the decisions and two facts is made once per set of
# decisions, one that reads only the participation profile once per profile, and a run that
# reads both is cached on exactly the values it reads. Each run is made with every other part
# of its findings left out, so a rule that reads more than it declares fails loudly rather
# than being cached wrongly.
_OF_DECISIONS = {
    "scope": 0,
    "modality": 1,
    "nso_category": 2,
    "initiative.meaningful_engagement": 3,
    "initiative.quality_assured": 4,
}
DECISIONS, PARTICIPATION, BOTH = "decisions", "participation", "both"


def _of_participation(read: str) -> bool:
    return read == "participation" or read.startswith("participation.")


def _owner(reads: tuple[str, ...]) -> str:
    if all(read in _OF_DECISIONS for read in reads):
        return DECISIONS
    if all(_of_participation(read) for read in reads):
        return PARTICIPATION
    if all(read in _OF_DECISIONS or _of_participation(read) for read in reads):
        return BOTH
    raise ValueError(f"a decision rule reads what no part of a row holds: {reads}")


# (owner, rules, for a run of both: the positions in _Decisions.meaning it reads)
_Run = tuple[str, tuple[Any, ...], tuple[int, ...]]


@functools.cache
def decision_runs() -> tuple[_Run, ...]:
    """The recommendations' decision rules in runs, each with the part of a row it reads."""
    from copenhagen.recommendations import DECISION_RULES

    runs: list[_Run] = []
    for rule in DECISION_RULES:
        owner = _owner(rule.reads)
        if runs and runs[-1][0] == owner != BOTH:
            runs[-1] = (owner, (*runs[-1][1], rule), ())
        else:
            meaning = tuple(_OF_DECISIONS[r] for r in rule.reads if r in _OF_DECISIONS)
            runs.append((owner, (rule,), meaning if owner == BOTH else ()))
    return tuple(runs)


class _TwoFacts:
    """The only facts of an initiative that the decision runs may read."""

    __slots__ = ("meaningful_engagement", "quality_assured")

    def __init__(self, meaningful: bool | None, assured: bool | None) -> None:
        self.meaningful_engagement = meaningful
        self.quality_assured = assured


def _run_text(rules: tuple[Any, ...], findings: Any, writer: RowWriter) -> str:
    text = writer._recommendation
    return ", ".join([text(r) for rule in rules for r in rule.produce(findings)])


def _findings(initiative: Any, decisions: Any, participation: Any) -> Any:
    from copenhagen.recommendations import Findings

    scope, modality, category = (None, None, None) if decisions is None else decisions
    return Findings(initiative, scope, modality, category, None, participation)  # type: ignore[arg-type]


@functools.cache
def _classifiers() -> tuple[tuple[Callable[[Any], Any], Any], ...]:
    """Each rule set's classifier and the enum of its outcome, in the order of a row's parts."""
    from copenhagen.framework.modalities import Modality
    from copenhagen.framework.official import NSOCategory
    from copenhagen.rules import assess_scope, classify_modality, classify_nso_category

    return (
        (assess_scope, None),
        (classify_modality, Modality),
        (classify_nso_category, NSOCategory),
    )


class _Decisions:
    """The three decisions of an initiative, as row pieces, with what later parts read of them.

    Shared by every record whose decisions have the same JSON and whose two facts the
    recommendations read (``meaningful_engagement``, ``quality_assured``) are the same.
    """

    __slots__ = (
        "head",
        "meaning",
        "modality",
        "nso_category",
        "nso_category_text",
        "profile_key",
        "profile_modality",
        "runs",
        "scope",
        "scope_text",
        "serial",
        "tally",
        "warnings",
    )

    def __init__(
        self,
        scope: _Piece,
        modality: _Piece,
        category: _Piece,
        meaning: _Key,
        writer: RowWriter,
        serial: int,
    ) -> None:
        self.serial = serial
        from copenhagen.assessment import _unique
        from copenhagen.framework.modalities import Modality

        self.scope, self.modality, self.nso_category = scope[0], modality[0], category[0]
        # The row's text up to the name, and from the name to the participation profile, and
        # from the recommendations to the warnings (see `_row_text` for the order of keys).
        self.head = _OPEN + modality[1] + _NAME
        self.nso_category_text = _CATEGORY + category[1] + _PARTICIPATION
        self.scope_text = _SCOPE + scope[1] + _WARNINGS
        # meaning: the three JSON texts, meaningful_engagement, quality_assured, and whether a
        # citizen-side actor initiated: all that the recommendations' decision rules read
        # besides the participation profile.
        self.meaning = meaning
        outcome = self.modality.outcome
        # What the participation profile reads besides the stages and the ratings.
        self.profile_modality = outcome if isinstance(outcome, Modality) else None
        # As a key, the modality's value: an enum member hashes in Python code, a str in C.
        modality_value = None if self.profile_modality is None else self.profile_modality.value
        self.profile_key = (modality_value, meaning[-1])
        self.tally = _tally(scope, modality, category)
        self.warnings = _unique(
            (self.scope.warnings, self.modality.warnings, self.nso_category.warnings)
        )
        findings = self.findings(None)
        #: The JSON of the runs this part owns, by their index in `decision_runs`.
        self.runs = {
            index: _run_text(rules, findings, writer)
            for index, (owner, rules, _) in enumerate(decision_runs())
            if owner == DECISIONS
        }

    def findings(self, profile: Any) -> Any:
        """What a decision run reads: these decisions, two facts and ``profile`` (or nothing)."""
        facts = _TwoFacts(self.meaning[3], self.meaning[4])
        return _findings(facts, (self.scope, self.modality, self.nso_category), profile)


class _Participation:
    """The participation profile of one pattern of its facts, as a row piece."""

    __slots__ = ("pieces", "profile", "runs", "serial", "slot")

    def __init__(
        self,
        profile: ParticipationProfile,
        writer: RowWriter,
        serial: int,
        tables: dict[_Key, str],
    ) -> None:
        from copenhagen.framework.stages import Stage

        self.serial = serial
        self.profile = profile
        #: The profile's JSON, up to the row's next key: the Table 1 rows, most of its text,
        #: are one string shared by every profile with the same column and stages (``tables``).
        self.pieces = _profile_pieces(profile, tables)
        engaged = profile.engaged_stages
        # Which answer to "do citizens collect data?" the principle rules get (as in assess).
        self.slot = 1 if engaged is None else 2 if Stage.COLLECTION in engaged else 3
        findings = _findings(None, None, profile)
        #: The JSON of the runs this part owns, by their index in `decision_runs`.
        self.runs = {
            index: _run_text(rules, findings, writer)
            for index, (owner, rules, _) in enumerate(decision_runs())
            if owner == PARTICIPATION
        }


# Where the Table 1 rows go in a profile's JSON with them left out (keys are sorted, and a quote
# inside a string value is escaped, so this text occurs exactly once).
_TABLE_1_GAP = '"table_1": null'


def _profile_pieces(profile: ParticipationProfile, tables: dict[_Key, str]) -> tuple[str, ...]:
    """A profile's JSON and the row's next key, as pieces: before, Table 1's rows, after."""
    plain = profile.to_dict()
    rows = plain["table_1"]
    plain["table_1"] = None
    before, gap, after = json.dumps(plain, sort_keys=True).partition(_TABLE_1_GAP)
    if not gap:  # cannot happen while the profile has its table_1 key; then do without
        return (json.dumps(profile.to_dict(), sort_keys=True) + _POSITION,)
    key = (profile.table_1_column, profile.engaged_stages)
    table = tables.get(key)
    if table is None:
        table = tables[key] = json.dumps(rows, sort_keys=True)
    return (before + '"table_1": ', table, after + _POSITION)


class _PrincipleFacts:
    """The only facts of an initiative that the principle assessment and its rules read."""

    __slots__ = ("practices", "principles")

    def __init__(self, principles: Any, practices: Any) -> None:
        self.principles = principles
        self.practices = practices


def _separated(items: tuple[str, ...]) -> tuple[str, ...]:
    """``items`` with ``", "`` between them, as `str.join` would put it."""
    if not items:
        return ()
    joined = [", "] * (2 * len(items) - 1)
    joined[::2] = items
    return tuple(joined)


class _Principles:
    """The principle assessment of one pattern of declarations and practices, as row pieces."""

    __slots__ = ("assessment", "facts", "pieces", "recommendations", "tally", "warnings")

    def __init__(self, facts: _PrincipleFacts, writer: RowWriter) -> None:
        from copenhagen.principles import assess_principles

        self.facts = facts
        self.assessment = assess_principles(facts)  # type: ignore[arg-type]
        statuses, findings, self.tally = writer._principle_parts(self.assessment)
        # The row's text from the participation profile's end to the recommendations, as
        # pieces: equal findings of different patterns share their strings, so a cached
        # pattern costs little memory.
        self.pieces: tuple[str, ...] = (
            _FINDINGS + "{",
            *_separated(findings),
            "}" + _STATUSES,
            statuses,
            _PROVENANCE,
            _provenance_json(),
            _RECOMMENDATIONS,
        )
        self.warnings: tuple[str, ...] = self.assessment.warnings
        # The principle rules' recommendations (JSON), per answer to "do citizens collect data?".
        self.recommendations: list[tuple[str, ...] | None] = [None, None, None, None]


_Key = tuple[Any, ...]
# An absent map of facts (principles, practices, ratings), as the loader gives it.
_NO_FACTS: FrozenMap[Any, Any] = FrozenMap()


class RawRows:
    """Writes rows of JSON Lines records from their parsed documents, part by cached part.

    `row` returns ``None`` for any document that is not plainly valid (the loader's fast path,
    `copenhagen.documents._fast.fast_structure`, decides), and then the caller takes the general
    path, which reports every problem. For the others, each part of the row is looked up by the
    raw values of the facts it reads:

    - the three decisions by ``initiated_by``, ``partners``, ``engaged_stages`` and the three
      flags;
    - the participation profile by the modality, whether a citizen-side actor initiated, the
      stages and the ratings;
    - the principle assessment by ``principles`` and ``practices``;
    - the recommendations by the parts they read.

    A raw value is a valid one only if the loader has accepted it before (only accepted values
    enter the caches), with one care: ``1 == True`` in Python, so flags and practice answers
    must be ``bool`` itself. The facts no part reads (``funders``, ``objectives``,
    ``description``, ``country``, ``extra``) are checked as the loader checks them.

    A new pattern of a part is built from the facts that part reads and nothing else: the
    decisions from the loader's `Initiative`, the participation profile and the principle
    assessment from their own raw facts, checked by the loader's own fast path
    (`copenhagen.documents._fast.plain_part`). Long texts are kept as pieces shared between
    patterns (Table 1's rows, each recommendation's JSON) and joined only into the row.
    """

    __slots__ = (
        "_answers",
        "_category",
        "_checked",
        "_decisions",
        "_modality",
        "_ok",
        "_pairs",
        "_participation",
        "_principles",
        "_recommendations",
        "_scope",
        "_serials",
        "_tables",
        "_warnings",
        "_writer",
        "bound",
        "heavy",
    )

    def __init__(self, bound: int = 1 << 14, heavy: int = 1 << 13) -> None:
        # The principle assessments, each with its own findings and recommendations, have
        # their own, smaller bound: they hold most of the memory. Other parts keep their long
        # texts (Table 1's rows, recommendations) as shared pieces.
        self._writer = RowWriter(heavy)
        # Ordered, so that the oldest entry goes first at a constant cost (a plain dict's
        # first item is found by walking past every slot deleted before it).
        # Each rule set's decision, by the raw values of the facts it reads.
        self._scope: OrderedDict[_Key, tuple[_Piece, bool]] = OrderedDict()
        self._modality: OrderedDict[_Key, _Piece] = OrderedDict()
        self._category: OrderedDict[_Key, tuple[tuple[_Piece, bool], _Piece]] = OrderedDict()
        self._decisions: OrderedDict[_Key, _Decisions] = OrderedDict()
        self._participation: OrderedDict[_Key, _Participation] = OrderedDict()
        self._principles: OrderedDict[_Key, _Principles] = OrderedDict()
        self._answers: OrderedDict[_Key, Any] = OrderedDict()
        # Table 1's rows (JSON) by modality column and engaged stages.
        self._tables: dict[_Key, str] = {}
        self._recommendations: OrderedDict[_Key, str] = OrderedDict()
        self._pairs: OrderedDict[_Key, tuple[str, ...]] = OrderedDict()
        self._serials = itertools.count()
        self._warnings: OrderedDict[_Key, str] = OrderedDict()
        self._checked = False
        self._ok = True
        #: How many patterns each part's cache holds (the oldest go first), and how many the
        #: principle assessments' cache (and the row writer's) holds.
        self.bound = bound
        self.heavy = heavy

    def _store(
        self, cache: OrderedDict[_Key, Any], key: _Key, value: Any, heavy: bool = False
    ) -> Any:
        if len(cache) >= (self.heavy if heavy else self.bound):
            cache.popitem(last=False)
        cache[key] = value
        return value

    def _piece(self, initiative: Initiative, rule_set: int) -> _Piece:
        """The row piece of one rule set's decision (0 scope, 1 modality, 2 NSO category)."""
        classify, enum = _classifiers()[rule_set]
        return self._writer._decision(classify(initiative), enum)

    def row(self, document: dict[str, Any], position: int) -> tuple[str, TallyKey] | None:
        """The row (with its newline) and its summary key, or ``None`` for the general path."""
        if not self._ok or not _KEYS.issuperset(document):
            return None
        get = document.get
        name = get("name")
        if name.__class__ is not str or not name:
            return None
        initiated_by = get("initiated_by")
        partners = get("partners")
        stages = get("engaged_stages")
        meaningful = get("meaningful_engagement")
        integrated = get("integrated_into_official_statistics")
        assured = get("quality_assured")
        ratings = get("participation")
        declared = get("principles")
        practices = get("practices")
        if not (
            initiated_by.__class__ is list
            and (partners is None or partners.__class__ is list)
            and (stages is None or stages.__class__ is list)
            and (meaningful is None or meaningful.__class__ is bool)
            and (integrated is None or integrated.__class__ is bool)
            and (assured is None or assured.__class__ is bool)
            and (ratings is None or ratings.__class__ is dict)
            and (declared is None or declared.__class__ is dict)
            and (practices is None or practices.__class__ is dict)
            and unread_facts_are_plain(get)
        ):
            return None
        if practices:
            for answer in practices.values():
                if answer.__class__ is not bool:
                    return None
        try:
            stages_key = None if stages is None else tuple(stages)
            raw: _Key = (
                tuple(initiated_by),
                None if partners is None else tuple(partners),
                stages_key,
                meaningful,
                integrated,
                assured,
            )
            if (decisions := self._decisions_of(raw, document)) is None:
                return None
            key: _Key = (
                decisions.profile_key,
                stages_key,
                None if ratings is None else tuple(ratings.items()),
            )
            participation = self._participation.get(key)
            if participation is None:
                if (participation := self._participation_of(decisions, stages, ratings)) is None:
                    return None
                self._store(self._participation, key, participation)
            key = (
                None if declared is None else tuple(declared.items()),
                None if practices is None else tuple(practices.items()),
            )
            principles = self._principles.get(key)
        except TypeError:  # an unhashable raw value: not a plain document
            return None
        if principles is None:
            if (principles := self._principles_of(declared, practices, key[1])) is None:
                return None
            self._store(self._principles, key, principles, heavy=True)
        # The decision rules' recommendations, per pair of parts, keyed by serial numbers
        # (never reused), so the pair holds neither part alive.
        first = self._pairs.get(key := (decisions.serial, participation.serial))
        if first is None:
            first = self._store(
                self._pairs, key, self._decision_recommendations(decisions, participation)
            )
        second = principles.recommendations[participation.slot]
        if second is None:
            second = self._principle_recommendations(decisions, participation, principles)
        warnings = decisions.warnings
        if principles.warnings:
            both = (warnings, principles.warnings)
            said = self._warnings.get(both)
            if said is None:
                from copenhagen.assessment import _unique

                said = self._store(self._warnings, both, ", ".join(map(_string, _unique(both))))
        else:
            said = ", ".join(map(_string, warnings)) if warnings else ""
        made = "".join(
            (
                decisions.head,
                _string(name),
                decisions.nso_category_text,
                *participation.pieces,
                str(position),
                *principles.pieces,
                *first,
                ", " if first and second else "",
                *second,
                decisions.scope_text,
                said,
                _CLOSE,
                "\n",
            )
        )
        tally = decisions.tally
        counted = (tally[0], tally[1], tally[2], principles.tally, tally[3])
        if not self._checked:
            self._checked = True
            self._ok = made == _general_row(document, position) + "\n"
            if not self._ok:
                return None
        return made, counted

    def _decisions_of(self, raw: _Key, document: dict[str, Any]) -> _Decisions | None:
        """The decisions of these raw facts, or ``None`` if they are not plainly valid.

        Each rule set's decision comes from its own cache, by the raw facts that it reads.
        """
        initiated_by, partners, stages, meaningful, integrated, assured = raw
        initiative: Initiative | None = None
        # The NSO category reads every fact scope reads: its entry holds the scope's too, so a
        # seen pattern costs one look-up for both.
        key: _Key = (initiated_by, stages, meaningful, integrated, assured)
        both = self._category.get(key)
        if both is None:
            scope = self._scope.get(part := (initiated_by, stages, meaningful))
            if scope is None:
                if (initiative := fast_structure(document)) is None:
                    return None
                citizen = not initiative.initiated_by.isdisjoint(CITIZEN_SIDE)
                scope = self._store(self._scope, part, (self._piece(initiative, 0), citizen))
            if initiative is None and (initiative := fast_structure(document)) is None:
                return None
            both = self._store(self._category, key, (scope, self._piece(initiative, 2)))
        scope, category = both
        modality = self._modality.get(key := (initiated_by, partners, stages, meaningful))
        if modality is None:
            if initiative is None and (initiative := fast_structure(document)) is None:
                return None
            modality = self._store(self._modality, key, self._piece(initiative, 1))
        key = (scope[0][1], modality[1], category[1], meaningful, assured, scope[1])
        decisions = self._decisions.get(key)
        if decisions is None:
            serial = next(self._serials)
            decisions = _Decisions(scope[0], modality, category, key, self._writer, serial)
            self._store(self._decisions, key, decisions)
        return decisions

    def _participation_of(
        self, decisions: _Decisions, stages: Any, ratings: Any
    ) -> _Participation | None:
        """The participation profile of a new pattern of its facts, or ``None`` if not plain.

        The stages were checked with the decisions; the ratings are checked here.
        """
        from copenhagen.participation import profile_of_facts

        engaged = None if stages is None else plain_part("engaged_stages", stages)
        rated = _NO_FACTS if ratings is None else plain_part("participation", ratings)
        if (stages is not None and engaged is None) or rated is None:
            return None
        modality, citizen = decisions.profile_modality, decisions.profile_key[1]
        profile = profile_of_facts(modality, engaged, citizen, rated)
        tables = self._tables
        if len(tables) >= self.bound:
            tables.clear()  # a few hundred at most in practice
        return _Participation(profile, self._writer, next(self._serials), tables)

    def _principles_of(
        self, declared: Any, practices: Any, written: _Key | None
    ) -> _Principles | None:
        """The principle assessment of a new pattern of declarations and practice answers.

        ``None`` if either is not plainly valid.
        """
        given = _NO_FACTS if declared is None else plain_part("principles", declared)
        # Far fewer sets of answers than patterns: one shared map for each (``written`` is
        # their raw items).
        answers: Any = _NO_FACTS
        if written is not None and (answers := self._answers.get(written)) is None:
            if (answers := plain_part("practices", practices)) is None:
                return None
            self._store(self._answers, written, answers)
        if given is None:
            return None
        return _Principles(_PrincipleFacts(given, answers), self._writer)

    def _decision_recommendations(
        self, decisions: _Decisions, participation: _Participation
    ) -> tuple[str, ...]:
        """The decision rules' recommendations, as pieces of JSON text sharing their strings."""
        texts = []
        meaning = decisions.meaning
        for index, (owner, rules, reads) in enumerate(decision_runs()):
            if owner == DECISIONS:
                text = decisions.runs[index]
            elif owner == PARTICIPATION:
                text = participation.runs[index]
            else:
                key = (index, participation.serial, *[meaning[i] for i in reads])
                found = self._recommendations.get(key)
                if found is None:
                    findings = decisions.findings(participation.profile)
                    found = self._store(
                        self._recommendations, key, _run_text(rules, findings, self._writer)
                    )
                text = found
            if text:
                texts.append(text)
        return _separated(tuple(texts))

    def _principle_recommendations(
        self, decisions: _Decisions, participation: _Participation, principles: _Principles
    ) -> tuple[str, ...]:
        """The principle rules' recommendations, as pieces of JSON text sharing their strings."""
        from copenhagen.recommendations import PRINCIPLE_RULES, Findings

        findings = Findings(
            principles.facts,  # type: ignore[arg-type]
            decisions.scope,
            decisions.modality,
            decisions.nso_category,
            principles.assessment,
            participation.profile,
        )
        text = self._writer._recommendation
        made = _separated(
            tuple(text(r) for rule in PRINCIPLE_RULES for r in rule.produce(findings))
        )
        principles.recommendations[participation.slot] = made
        return made


def _general_row(document: dict[str, Any], position: int) -> str:
    from copenhagen.assessment import assess
    from copenhagen.documents import load_initiative

    return dumps_row({"position": position, **assess(load_initiative(document)).to_dict()})
