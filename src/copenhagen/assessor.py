"""The `Assessor`: the rule sets (the shipped ones with any layers) and every cache, in one object.

An assessor holds one reading of the framework — the library's rule sets for the three
decisions, the participation profile, the principles and the recommendations, with the given
`copenhagen.layers.Layer` objects applied in order — and the caches that make assessing a
registry cheap (contract section 5). Every cache is keyed on what the rules themselves read
(`copenhagen.rules.compiled`), so a rule that starts reading another fact is cached right with no
other change; each is bounded by the assessor's own ``cache_size``. Two assessors never share a
result; an assessor is safe to use from many threads and pickles as its layers (the caches are
rebuilt where it lands).

The module functions (`assess`, `assess_scope`, `classify_modality`, `classify_nso_category`,
`assess_principles`) are those of one default ``Assessor()``.
"""

from __future__ import annotations

import contextlib
import hashlib
import operator
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from copenhagen._version import __version__
from copenhagen.assessment import PROVENANCE_GROUPS, Assessment, Provenance
from copenhagen.framework.participation import ParticipationAspect
from copenhagen.framework.principles import Principle
from copenhagen.layers import Layer
from copenhagen.model import DOCUMENT_KEYS, Decision, Initiative
from copenhagen.participation import ParticipationProfile, ProfileRules, profile_of
from copenhagen.principles.assessment import (
    PRINCIPLE_RULES,
    PrincipleAssessment,
    PrincipleRules,
    Reasons,
    principles_of,
)
from copenhagen.recommendations import (
    RECOMMENDATION_RULES,
    Findings,
    Recommendation,
    RecommendationRule,
    RecommendationSet,
    Slot,
    findings_getters,
    own_key,
    status_key,
)
from copenhagen.rules.abstraction import Abstraction
from copenhagen.rules.category import NSO_CATEGORY_RULES
from copenhagen.rules.compiled import DECIDED, MISSING, VERDICT, Compiled, Table
from copenhagen.rules.conditions import EXACT, Condition, Decider
from copenhagen.rules.engine import Rule, RuleSet, RuleWarning
from copenhagen.rules.explain import explain as _explain
from copenhagen.rules.facts import FACTS, rating_key
from copenhagen.rules.modality import MODALITY_RULES
from copenhagen.rules.scope import SCOPE_RULES

__all__ = [
    "DEFAULT_CACHE_SIZE",
    "Assessor",
    "RuleBook",
    "assess",
    "assess_principles",
    "assess_scope",
    "classify_modality",
    "classify_nso_category",
    "default_assessor",
]

#: How many patterns each of an assessor's caches holds before it starts afresh: enough for
#: every pattern of a registry of some 100,000 initiatives.
DEFAULT_CACHE_SIZE = 1 << 16

#: The ids of the rule sets a layer document may change (contract section 5).
DECISIONS: tuple[str, str, str] = ("scope", "modality", "nso_category")


# --------------------------------------------------------------------------------------------
# The rule book: every rule set of one reading, each reading the book's own others
# --------------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class RuleBook:
    """Every rule set of one reading of the framework.

    Attributes:
        scope: The scope rules (S1-S2).
        modality: The modality rules (M1-M6).
        nso_category: The NSO category rules (C0-C4).
        participation: The participation profile's rule sets.
        principles: The principle rule sets.
        recommendations: The recommendation rules.
    """

    scope: RuleSet
    modality: RuleSet
    nso_category: RuleSet
    participation: ProfileRules
    principles: PrincipleRules
    recommendations: RecommendationSet

    @property
    def decisions(self) -> tuple[RuleSet, RuleSet, RuleSet]:
        """The rule sets of the three decisions, in the order they are reported."""
        return (self.scope, self.modality, self.nso_category)

    def engine_rule_sets(self) -> tuple[RuleSet, ...]:
        """Every first-match rule set, each after the rule sets it reads."""
        found: tuple[RuleSet, ...] = (
            *self.decisions,
            *self.participation,
            *self.principles,
        )
        return _ordered(found)

    def by_id(self) -> dict[str, Any]:
        """Every rule set by id (the recommendation rules included)."""
        found: dict[str, Any] = {rs.id: rs for rs in self.engine_rule_sets()}
        found[self.recommendations.id] = self.recommendations
        return found

    def groups(self) -> tuple[tuple[str, str], ...]:
        """``(id, digest)`` for each decision and each group of rule sets (`PROVENANCE_GROUPS`)."""
        groups: dict[str, Iterable[Any]] = {
            "participation": self.participation,
            "principles": self.principles,
            "recommendations": (self.recommendations,),
        }
        found = [(rs.id, rs.digest) for rs in self.decisions]
        for name in PROVENANCE_GROUPS[3:]:
            digests = "\n".join(f"{rs.id} {rs.digest}" for rs in groups[name])
            found.append((name, hashlib.sha256(digests.encode("utf-8")).hexdigest()))
        return tuple(found)


def _ordered(rule_sets: Iterable[RuleSet]) -> tuple[RuleSet, ...]:
    """The rule sets, each after every rule set it reads (a cycle is an error)."""
    by_id = {rs.id: rs for rs in rule_sets}
    done: dict[str, RuleSet] = {}
    visiting: set[str] = set()

    def visit(rs: RuleSet) -> None:
        if rs.id in done:
            return
        if rs.id in visiting:
            raise ValueError(f"rule set {rs.id!r} reads itself through other rule sets")
        visiting.add(rs.id)
        for other in rs.rule_sets():
            visit(by_id.get(other.id, other))  # type: ignore[arg-type]
        visiting.discard(rs.id)
        done[rs.id] = rs

    for rs in by_id.values():
        visit(rs)
    return tuple(done[i] for i in done if i in by_id)


_LINKED_TYPES = (
    Condition,
    Rule,
    RuleWarning,
    ProfileRules,
    PrincipleRules,
    RecommendationRule,
    Slot,
)


def _relink(value: Any, linked: Mapping[str, Any]) -> Any:
    """``value`` with every rule set it refers to replaced by the book's own of that id."""
    if isinstance(value, RuleSet | RecommendationSet):
        return linked.get(value.id, value)
    if isinstance(value, tuple):
        items = tuple(_relink(v, linked) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, _LINKED_TYPES) and attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = _relink(old, linked)
            if new is not old:
                changes[field.alias or field.name] = new
        return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
    return value


def _relinked_set(rule_set: Any, linked: Mapping[str, Any]) -> Any:
    """A rule set whose rules read the book's own rule sets."""
    rules = _relink(rule_set.rules, linked)
    if rules is rule_set.rules:
        return rule_set
    return attrs.evolve(rule_set, rules=rules)


def _book(sets: Mapping[str, Any], base: RuleBook) -> RuleBook:
    """The rule book of these rule sets (by id), each linked to the others."""
    linked: dict[str, Any] = {}
    engine = _ordered(s for s in sets.values() if isinstance(s, RuleSet))
    for rule_set in engine:
        linked[rule_set.id] = _relinked_set(rule_set, linked)
    recommendations = _relinked_set(sets[base.recommendations.id], linked)
    participation = ProfileRules(
        **{
            field.name: linked[getattr(base.participation, field.name).id]
            for field in attrs.fields(ProfileRules)
        }
    )
    principles = PrincipleRules(
        tuple(linked[rs.id] for rs in base.principles.from_practices),
        tuple(linked[rs.id] for rs in base.principles.own),
    )
    return RuleBook(
        linked[base.scope.id],
        linked[base.modality.id],
        linked[base.nso_category.id],
        participation,
        principles,
        recommendations,
    )


def _with_layer(book: RuleBook, layer: Layer) -> RuleBook:
    """The rule book with ``layer`` applied on top.

    Raises:
        InvalidLayerError: The layer names a rule set the book does not have, or a rule its
            part cannot find among the rules so far, or gives a new rule an id already taken.
    """
    sets = book.by_id()
    layer.check(sets)
    for name, part in layer.parts.items():
        if name not in sets or not isinstance(sets[name], RuleSet):
            raise KeyError(f"layer {layer.id!r} changes {name!r}, which is no rule set")
        sets[name] = part.apply(sets[name], layer.id)
    for rule_set in layer.rule_sets:
        if rule_set.id not in sets:
            raise KeyError(f"layer {layer.id!r} replaces rule set {rule_set.id!r}, which is none")
        sets[rule_set.id] = rule_set
    return _book(sets, book)


#: The shipped rules: every rule set of the library, linked.
BASE = RuleBook(
    SCOPE_RULES,
    MODALITY_RULES,
    NSO_CATEGORY_RULES,
    ProfileRules(),
    PRINCIPLE_RULES,
    RECOMMENDATION_RULES,
)


# --------------------------------------------------------------------------------------------
# The assessor
# --------------------------------------------------------------------------------------------


def _unique(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for group in groups for w in group))


T = TypeVar("T")


def _checked(cache: Callable[[Initiative], T], initiative: Initiative) -> T:
    """``cache(initiative)``, or a `TypeError` saying what to do for something else."""
    try:
        return cache(initiative)
    except AttributeError:
        raise _not_an_initiative(initiative) from None


def _not_an_initiative(value: object) -> TypeError:
    kind = type(value).__name__
    hint = (
        "; load the document first: copenhagen.load_initiative(document)"
        if isinstance(value, Mapping | str)
        else ""
    )
    return TypeError(f"expected a copenhagen.Initiative, not {kind}{hint}")


_Core = tuple[
    Decision,
    Decision,
    Decision,
    PrincipleAssessment,
    ParticipationProfile,
    tuple[Recommendation, ...],
    tuple[str, ...],
]


class Assessor:
    """One reading of the framework: the rule sets, with ``layers`` applied, and its caches.

    Args:
        layers: Layers applied in order on top of the shipped rules (contract section 5).
        cache_size: How many patterns each cache holds before starting afresh (at least 1).

    Raises:
        copenhagen.InvalidLayerError: A layer names a rule set or rule the rules below it do not
            have, or adds a rule whose id is already taken (every problem at once).
        ValueError: ``cache_size`` is below 1.

    Examples:
        >>> from copenhagen import Assessor, load_initiative
        >>> assessor = Assessor()
        >>> doc = load_initiative({"name": "Water watch", "initiated_by": ["cso"]})
        >>> assessor.classify_modality(doc).outcome.name
        'CIVIC_ACTION'
    """

    def __init__(self, layers: Iterable[Layer] = (), *, cache_size: int = DEFAULT_CACHE_SIZE):
        if cache_size < 1:
            raise ValueError(f"cache_size must be at least 1, not {cache_size}")
        self._layers = tuple(layers)
        self._cache_size = cache_size
        book = BASE
        for layer in self._layers:
            book = _with_layer(book, layer)
        self._book = book
        self._provenance = Provenance(
            __version__, book.groups(), tuple((layer.id, layer.digest) for layer in self._layers)
        )
        self._build()

    # -- building the caches ----------------------------------------------------------------

    def _build(self) -> None:
        book, size = self._book, self._cache_size
        self._verdicts: dict[str, Compiled[Initiative, Any]] = {}
        self._decided: dict[str, Compiled[Initiative, Any]] = {}
        for rule_set in book.engine_rule_sets():
            getters = self._getters(rule_set.facts, rule_set.rule_sets())
            self._verdicts[rule_set.id] = Compiled(rule_set.verdict, getters, size)
            self._decided[rule_set.id] = Compiled(rule_set.decide, getters, size)
        self._decisions: dict[str, Compiled[Initiative, Decision]] = {}
        for rule_set in book.decisions:
            getters = self._getters(rule_set.facts, rule_set.rule_sets(), missing=True)
            # Another decision read is filed under the facts its outcome follows from (its
            # rules' conditions, not its warnings'), so that a decision is found by reading
            # facts alone, and a fact only the other's warnings read does not split its key.
            derived = {
                prefix + other.id: tuple(dict.fromkeys(key for key, _ in other.outcome_tests()))
                for other in rule_set.rule_sets()
                for prefix in (VERDICT, MISSING)
            }
            self._decisions[rule_set.id] = Compiled(
                rule_set.evaluate, getters, size, derived=derived
            )
        self.scope_of = self._decisions[book.scope.id]
        self.modality_of = self._decisions[book.modality.id]
        self.nso_category_of = self._decisions[book.nso_category.id]
        profile_rules = book.participation
        profile_keys = ("engaged_stages", *(rating_key(a) for a in ParticipationAspect))
        # The profile reads the stages and the ratings itself (every value counts) and its
        # placements through their rule sets (what those can tell apart counts).
        getters = self._getters(profile_keys, (*profile_rules, profile_rules.modality))
        tests = [
            *(t for rs in (*profile_rules, profile_rules.modality) for t in rs.set_tests()),
            *((key, EXACT) for key in profile_keys),
        ]
        self._profile: Table[Initiative, ParticipationProfile] = _class_table(
            lambda facts: profile_of(facts, profile_rules), getters, tests, _field, size
        )
        principle_rules = book.principles
        # The assessment reads the declarations and answers itself (every value counts), and
        # each own status follows from the facts its rule set reads.
        keys = [k for rule_set in principle_rules.own for k in rule_set.facts]
        getters = self._getters(keys, ())
        for rule_set in principle_rules.own:
            getters[DECIDED + rule_set.id] = self._decided[rule_set.id]
        reasons = Reasons(principle_rules, size)
        self._principles: Table[Initiative, PrincipleAssessment] = _class_table(
            lambda facts: principles_of(facts, reasons),
            getters,
            [(key, EXACT) for key in keys],
            _field,
            size,
        )
        decision_ids = (book.scope.id, book.modality.id, book.nso_category.id)
        # One cache per group of recommendation rules that read alike (the principles, or the
        # rest), so that each is keyed on what its own rules read: a registry repeats each
        # group's facts far more often than all of them together.
        groups = self._groups = _groups(book.recommendations)
        self._recommendations: tuple[Table[Findings, tuple[Recommendation, ...]], ...] = tuple(
            self._recommendation_cache(group, decision_ids) for group in groups
        )
        listed = [rule.id for group in groups for rule in group]
        position = {rule.id: i for i, rule in enumerate(book.recommendations)}
        self._rec_order = None if listed == list(position) else position
        self._rec_position = position
        self._decision_ids: tuple[str, str, str] = decision_ids
        # Which rules apply, apart from their texts: tables keyed on what the rules' conditions
        # read of an assessment's parts, each part worked out only when a condition reads it.
        self._applying = tuple(
            self._applying_cache(g) for g in _when_groups(book.recommendations, decision_ids)
        )
        # The whole pattern of an initiative, for a look-up once seen: every field any part can
        # read (the parts' own caches name them; nothing is declared here).
        fields = sorted(
            {
                FACTS[key].field if key in FACTS else key
                for cache in (*self._all_caches(), *self._recommendations)
                for key in cache.keys()  # noqa: SIM118
                if key in FACTS or key in DOCUMENT_KEYS
            },
            key=_field_order,
        )
        self._core_key = operator.attrgetter(*fields)
        self._cores: OrderedDict[Any, _Core] = OrderedDict()

    def _recommendation_cache(
        self, rules: RecommendationSet, decision_ids: tuple[str, str, str]
    ) -> Table[Findings, tuple[Recommendation, ...]]:
        """A table of one group of recommendation rules over a `Findings` view.

        Keyed on what the group's rules and texts read: the decisions and placements they read
        whole, and the classes of the initiative's facts they test themselves (a principle's
        status read as the facts it follows from).
        """
        reads = rules.findings_keys()
        getters = findings_getters(reads, decision_ids)
        tests = [
            test
            for rule in rules
            for test in (*rule.when.view_tests(), *(t for s in rule.slots for t in s.view_tests()))
        ]
        whole = tuple(k for k in reads if k.startswith((VERDICT, MISSING)))
        # A pattern the group has not seen is worked out rule by rule, each rule's result kept
        # under what that rule alone reads (its view of the findings: statuses and decisions
        # whole): a registry repeats each rule's few facts far more often than the group's.
        each = tuple(self._rule_table(rule, decision_ids) for rule in rules)

        def recommend(view: Mapping[str, Any]) -> tuple[Recommendation, ...]:
            findings = view.subject  # type: ignore[attr-defined]
            return tuple(r for table in each if (r := table(findings)) is not None)

        return _class_table(
            recommend, getters, tests, _initiative_field, self._cache_size, whole=whole
        )

    def _applying_cache(self, rules: RecommendationSet) -> Table[_Parts, tuple[str, ...]]:
        """A table of which rules of ``rules`` apply, over an initiative's `_Parts`.

        Keyed on what the rules' conditions read: other rule sets' outcomes and principle
        statuses whole, and the classes of the facts they test themselves.
        """
        reads = tuple(dict.fromkeys(k for rule in rules for k in rule.when.reads()))
        getters = self._parts_getters(reads)
        tests = [test for rule in rules for test in rule.when.view_tests()]
        whole = tuple(k for k in reads if k not in FACTS)
        return _class_table(
            rules.applying, getters, tests, _initiative_field, self._cache_size, whole=whole
        )

    def _parts_getters(self, reads: Iterable[str]) -> dict[str, Callable[[Any], Any]]:
        """How a view of `_Parts` reads each key: facts of the initiative, statuses, outcomes."""
        getters: dict[str, Callable[[Any], Any]] = {}
        decisions = dict(
            zip(self._decision_ids, ("scope", "modality", "nso_category"), strict=True)
        )
        for key in reads:
            if key in FACTS:
                getters[key] = _of_initiative(FACTS[key].read)
            elif key.startswith(("status.", "own.")):
                values = _STATUS_VALUES if key.startswith("status.") else _OWN_VALUES
                getters[key] = _picked(values, [_PRINCIPLE_INDEX[key]])
            else:
                kind, _, rule_set_id = key.partition(":")
                part = decisions.get(rule_set_id)
                if part is not None:
                    read_part = operator.attrgetter(f"{part}.{kind}")
                    getters[key] = read_part
                else:  # another first-match rule set (a placement of the profile, say)
                    getters[key] = _of_initiative(self._verdicts[rule_set_id])
        return getters

    def recommendation_ids(self, initiative: Initiative) -> tuple[str, ...]:
        """The ids of ``assess(initiative).recommendations``, in the same order.

        Found from the recommendation rules' conditions alone (`RecommendationRule.applies`),
        without writing the steps' texts, and reading only the parts of the assessment those
        conditions read: what a compact batch row needs.
        """
        if not isinstance(initiative, Initiative):
            raise _not_an_initiative(initiative)
        parts = _Parts(self, initiative)
        found = [rule_id for table in self._applying for rule_id in table(parts)]
        if len(self._applying) > 1:
            found.sort(key=self._rec_position.__getitem__)
        return tuple(found)

    def _rule_table(
        self, rule: RecommendationRule, decision_ids: tuple[str, str, str]
    ) -> Table[Findings, Recommendation | None]:
        """One rule's recommendation, keyed on what the rule reads of a `Findings` view."""
        reads = RecommendationSet("", [rule]).findings_keys()
        getters = findings_getters(reads, decision_ids)
        tests = [*rule.when.view_tests(), *(t for s in rule.slots for t in s.view_tests())]
        # The statuses and decisions it reads are parts of the key as they are; the facts it
        # tests itself, by their classes (what the rule can tell apart).
        whole = tuple(k for k in reads if k not in FACTS)
        return _class_table(
            rule.recommend, getters, tests, _initiative_field, self._cache_size, whole=whole
        )

    def _getters(
        self, keys: Iterable[str], reads: Iterable[Decider], *, missing: bool = False
    ) -> dict[str, Callable[[Any], Any]]:
        getters: dict[str, Callable[[Any], Any]] = {key: FACTS[key].read for key in keys}
        for other in reads:
            getters[VERDICT + other.id] = self._verdicts[other.id]
            if missing and other.id in self._decisions:
                getters[MISSING + other.id] = _missing_of(self._decisions[other.id])
        return getters

    def _all_caches(self) -> Iterator[Compiled[Any, Any] | Table[Any, Any]]:
        yield from self._verdicts.values()
        yield from self._decisions.values()
        yield self._profile
        yield self._principles

    # -- what the assessor is ---------------------------------------------------------------

    @property
    def layers(self) -> tuple[Layer, ...]:
        """The layers applied, in order."""
        return self._layers

    @property
    def rules(self) -> RuleBook:
        """Every rule set of this reading, layers applied."""
        return self._book

    @property
    def decision_rule_sets(self) -> tuple[RuleSet, RuleSet, RuleSet]:
        """The rule sets of scope, modality and NSO category."""
        return self._book.decisions

    @property
    def recommendation_groups(self) -> tuple[RecommendationSet, ...]:
        """The recommendation rules in the groups cached apart (each on what its rules read).

        The rules reading a principle are grouped apart from the rest, and each of those is cut
        where its rules share no field of the initiative; each group is in rule order.
        """
        return self._groups

    @property
    def provenance(self) -> Provenance:
        """What every assessment of this assessor records it was made with."""
        return self._provenance

    @property
    def cache_size(self) -> int:
        """How many patterns each cache holds before starting afresh."""
        return self._cache_size

    def __repr__(self) -> str:
        layers = ", ".join(layer.id for layer in self._layers)
        return f"Assessor(layers=[{layers}])"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuilt, (self._layers, self._cache_size))

    # -- deciding -----------------------------------------------------------------------------

    # The three decisions are called once per initiative by many users: no frame but the
    # method's own before the table's look-up.
    def assess_scope(self, initiative: Initiative) -> Decision:
        """Whether ``initiative`` is within the framework's scope (Box 2, paras 9-11, 15)."""
        try:
            return self.scope_of(initiative)
        except AttributeError:
            raise _not_an_initiative(initiative) from None

    def classify_modality(self, initiative: Initiative) -> Decision:
        """The initiative's collaboration modality (para 15, Table 1)."""
        try:
            return self.modality_of(initiative)
        except AttributeError:
            raise _not_an_initiative(initiative) from None

    def classify_nso_category(self, initiative: Initiative) -> Decision:
        """The initiative's NSO category (paras 32-33)."""
        try:
            return self.nso_category_of(initiative)
        except AttributeError:
            raise _not_an_initiative(initiative) from None

    def assess_principles(self, initiative: Initiative) -> PrincipleAssessment:
        """How far ``initiative`` meets each of the 13 principles (contract section 3)."""
        return _checked(self._principles, initiative)

    def participation_profile(self, initiative: Initiative) -> ParticipationProfile:
        """Where and how citizens take part in ``initiative`` (paras 10-12, 16, Table 1)."""
        return _checked(self._profile, initiative)

    def verdict(self, rule_set_id: str, initiative: Initiative) -> Any:
        """The cached verdict of any of this assessor's first-match rule sets."""
        return self._verdicts[rule_set_id](initiative)

    def _core(self, initiative: Initiative) -> _Core:
        scope = self.scope_of(initiative)
        modality = self.modality_of(initiative)
        category = self.nso_category_of(initiative)
        principles = self._principles(initiative)
        profile = self._profile(initiative)
        findings = Findings(
            initiative, scope, modality, category, principles, profile, self._decision_ids
        )
        recommendations = tuple(r for cache in self._recommendations for r in cache(findings))
        if self._rec_order is not None and len(self._recommendations) > 1:
            recommendations = tuple(sorted(recommendations, key=self._order_of))
        warnings = _unique(
            (scope.warnings, modality.warnings, category.warnings, principles.warnings)
        )
        return (scope, modality, category, principles, profile, recommendations, warnings)

    def assess(self, initiative: Initiative) -> Assessment:
        """Assess an initiative: scope, modality, NSO category, principles, participation, steps.

        Results are shared between initiatives with the same facts, so assessing a registry
        costs a few dictionary look-ups per initiative once its patterns have been seen.

        Args:
            initiative: The initiative to assess.

        Returns:
            The assessment; `Assessment.to_dict` gives it as plain data.

        Raises:
            TypeError: ``initiative`` is not an `Initiative` (a document must be loaded first).
        """
        try:
            key = self._core_key(initiative)
        except AttributeError:
            raise _not_an_initiative(initiative) from None
        cores = self._cores
        core = cores.get(key)
        if core is None:
            core = self._core(initiative)
            if len(cores) >= self._cache_size:
                # Drop the oldest pattern at a constant cost; should another thread have just
                # emptied the cache, skipping one eviction is harmless.
                with contextlib.suppress(KeyError):
                    cores.popitem(last=False)
            cores[key] = core
        return Assessment(initiative, *core, self._provenance)

    def explain(self, initiative: Initiative, *, full: bool = False) -> str:
        """Every decision about ``initiative`` in plain sentences (`copenhagen.rules.explain`)."""
        return _explain(initiative, full=full, rule_sets=self._book.decisions)

    # -- caches -------------------------------------------------------------------------------

    def cache_clear(self) -> None:
        """Forget every cached result of this assessor."""
        for cache in self._all_caches():
            cache.clear()
        self._decided_clear()
        for cache in self._recommendations:
            cache.clear()
        self._cores.clear()

    def _decided_clear(self) -> None:
        for cache in self._decided.values():
            cache.clear()

    def cached_patterns(self) -> int:
        """How many whole patterns of facts this assessor holds results for."""
        return len(self._cores)

    def _order_of(self, recommendation: Recommendation) -> int:
        assert self._rec_order is not None
        return self._rec_order[recommendation.id]


_PRINCIPLE_PREFIXES = ("status.", "own.", "principles.", "practices.")


def _split(rules: RecommendationSet) -> tuple[RecommendationSet, RecommendationSet]:
    """The rules in two groups, each in rule order: those reading no principle, and the rest."""
    reads_principles = [
        rule
        for rule in rules
        if any(
            k.startswith(_PRINCIPLE_PREFIXES)
            for k in (*rule.when.keys(), *(k for s in rule.slots for k in s.keys()))  # noqa: SIM118
        )
    ]
    others = [rule for rule in rules if rule not in reads_principles]
    return (
        RecommendationSet(rules.id, others, rules.base),
        RecommendationSet(rules.id, reads_principles, rules.base),
    )


def _rule_fields(rule: RecommendationRule) -> tuple[str, ...]:
    """The `Initiative` fields a recommendation rule's condition and text depend on."""
    tests = [*rule.when.set_tests(), *(t for slot in rule.slots for t in slot.set_tests())]
    return Abstraction(tests).fields()


def _groups(rules: RecommendationSet) -> tuple[RecommendationSet, ...]:
    """The rules in groups that are cached apart, each in rule order, in order of first rule.

    First the rules reading a principle are told from the rest (`_split`); then each of those
    two is cut where its rules share no field of the initiative (the participation ratings
    and the decisions' facts, say), since a table keyed on fields that never meet in one rule
    would only multiply its patterns.
    """
    found: list[list[RecommendationRule]] = []
    for part in _split(rules):
        components: list[tuple[set[str], list[RecommendationRule]]] = []
        for rule in part:
            fields = set(_rule_fields(rule))
            joined = [c for c in components if c[0] & fields]
            merged: tuple[set[str], list[RecommendationRule]] = (fields, [rule])
            for component in joined:
                components.remove(component)
                merged = (merged[0] | component[0], component[1] + merged[1])
            components.append(merged)
        found.extend(c[1] for c in components)
    position = {rule.id: i for i, rule in enumerate(rules)}
    groups = [sorted(group, key=lambda r: position[r.id]) for group in found if group]
    groups.sort(key=lambda group: position[group[0].id])
    return tuple(RecommendationSet(rules.id, group, rules.base) for group in groups)


def _when_groups(
    rules: RecommendationSet, decision_ids: tuple[str, str, str]
) -> tuple[RecommendationSet, ...]:
    """The rules in groups whose conditions read alike, each in rule order.

    Rules whose conditions read the three decisions share a group, as do rules reading
    principle statuses, and rules reading one other rule set's outcome: such values are read
    whole, and a table keyed on them stays small. A rule reading only facts of the initiative
    joins the rules reading the same fields.
    """

    def joins(key: str) -> str:
        if key in FACTS:
            return "field:" + FACTS[key].field
        if key.startswith(("status.", "own.")):
            return "principles"
        rule_set_id = key.partition(":")[2]
        return "decisions" if rule_set_id in decision_ids else "outcome:" + rule_set_id

    found: list[tuple[set[str], list[RecommendationRule]]] = []
    for rule in rules:
        reads = {joins(k) for k in rule.when.reads()}
        derived = {k for k in reads if not k.startswith("field:")}
        links = derived or reads  # facts join rules only when nothing else is read
        joined = [g for g in found if g[0] & links]
        merged: tuple[set[str], list[RecommendationRule]] = (links, [rule])
        for group in joined:
            found.remove(group)
            merged = (merged[0] | group[0], group[1] + merged[1])
        found.append(merged)
    position = {rule.id: i for i, rule in enumerate(rules)}
    groups = [sorted(g[1], key=lambda r: position[r.id]) for g in found]
    groups.sort(key=lambda group: position[group[0].id])
    return tuple(RecommendationSet(rules.id, group, rules.base) for group in groups)


def _of_initiative(read: Callable[[Initiative], Any]) -> Callable[[Any], Any]:
    return lambda parts: read(parts.initiative)


class _Parts:
    """An initiative's assessed parts, each worked out (by the assessor's tables) when read.

    What the conditions of the recommendation rules read, and no more: a part is computed the
    first time it is read, and is then a plain attribute.
    """

    __slots__ = ("_assessor", "initiative", "modality", "nso_category", "principles", "scope")

    scope: Decision
    modality: Decision
    nso_category: Decision
    principles: PrincipleAssessment

    def __init__(self, assessor: Assessor, initiative: Initiative) -> None:
        self._assessor = assessor
        self.initiative = initiative

    def __getattr__(self, name: str) -> Any:  # only for an attribute not yet set
        assessor = self._assessor
        found: Any
        if name == "scope":
            found = assessor.scope_of(self.initiative)
        elif name == "modality":
            found = assessor.modality_of(self.initiative)
        elif name == "nso_category":
            found = assessor.nso_category_of(self.initiative)
        elif name == "principles":
            found = assessor._principles(self.initiative)
        else:
            raise AttributeError(name)
        setattr(self, name, found)
        return found


def _rebuilt(layers: tuple[Layer, ...], cache_size: int) -> Assessor:
    return Assessor(layers, cache_size=cache_size)


def _missing_of(decide: Compiled[Initiative, Decision]) -> Callable[[Initiative], Any]:
    def missing(initiative: Initiative) -> tuple[str, ...]:
        return decide(initiative).missing

    return missing


def _field_order(field: str) -> int:
    return DOCUMENT_KEYS.index(field)


def _field(field: str) -> Callable[[Initiative], Any]:
    return operator.attrgetter(field)


def _initiative_field(field: str) -> Callable[[Findings], Any]:
    read = operator.attrgetter(field)
    return lambda findings: read(findings.initiative)


# A view's principle statuses (assessed, or own), all at once: one C-level call.
_STATUS_VALUES = operator.attrgetter("principles.status_values")
_OWN_VALUES = operator.attrgetter("principles.own_values")
_PRINCIPLE_INDEX = {status_key(p): i for i, p in enumerate(Principle)} | {
    own_key(p): i for i, p in enumerate(Principle)
}


def _picked(values: Callable[[Any], Any], indices: list[int]) -> Callable[[Any], Any]:
    pick = operator.itemgetter(*indices)
    return lambda subject: pick(values(subject))


def _whole_getters(
    keys: Iterable[str], getters: Mapping[str, Callable[[Any], Any]]
) -> list[Callable[[Any], Any]]:
    """How to read the keys read whole: the statuses of principles picked out of their tuples."""
    keys = tuple(keys)
    found: list[Callable[[Any], Any]] = []
    for prefix, values in (("status.", _STATUS_VALUES), ("own.", _OWN_VALUES)):
        indices = [_PRINCIPLE_INDEX[k] for k in keys if k.startswith(prefix)]
        if indices:
            found.append(_picked(values, indices))
    found += [getters[k] for k in keys if not k.startswith(("status.", "own."))]
    return found


def _class_table(
    compute: Callable[[Mapping[str, Any]], Any],
    getters: dict[str, Callable[[Any], Any]],
    tests: Iterable[tuple[str, Any]],
    field_getter: Callable[[str], Callable[[Any], Any]],
    size: int,
    *,
    whole: tuple[str, ...] = (),
) -> Table[Any, Any]:
    """A table keyed on the classes, under ``tests``, of the `Initiative` fields they read.

    A fact of a mapping is read through the whole mapping, so the key has one part per field;
    the keys in ``whole`` (other decisions, read from a view) are parts of the key as they are.
    """
    abstraction = Abstraction(tests)
    fields = abstraction.fields()
    prefix = "initiative." if field_getter is _initiative_field else ""
    key_function = abstraction.key_function(prefix, _whole_getters(whole, getters))
    routes: dict[str, Any] = {}
    for key in list(getters):
        found = FACTS.get(key)
        if found is not None and found.item is not None:
            del getters[key]
            routes[key] = (found.field, found.take)
    for key in abstraction.keys:
        found = FACTS[key]
        if found.item is not None:
            routes[key] = (found.field, found.take)
    for field in fields:
        getters[field] = field_getter(field)
    classes = {field: abstraction.field_classifier(field) for field in fields}
    return Table(
        compute,
        getters,
        (*whole, *fields),
        size,
        routes=routes,
        classes=classes,
        key_function=key_function,
    )


# --------------------------------------------------------------------------------------------
# The default assessor and the module functions
# --------------------------------------------------------------------------------------------

_DEFAULT = Assessor()


def default_assessor() -> Assessor:
    """The assessor the module functions use: the shipped rules, no layers."""
    return _DEFAULT


def assess(initiative: Initiative) -> Assessment:
    """Assess an initiative with the shipped rules (see `Assessor.assess`).

    Args:
        initiative: The initiative to assess.

    Returns:
        The assessment; `Assessment.to_dict` gives it as plain data.

    Raises:
        TypeError: ``initiative`` is not an `Initiative` (a document must be loaded first).
    """
    return _DEFAULT.assess(initiative)


def assess_scope(initiative: Initiative) -> Decision:
    """Whether the initiative is within the framework's scope (Box 2, paras 9-11, 15).

    Args:
        initiative: The initiative.

    Returns:
        A `Decision` whose outcome is a `Scope` member, or ``None`` with ``missing`` naming
        ``engaged_stages`` and/or ``meaningful_engagement`` when they are unknown and matter.
    """
    return _DEFAULT.assess_scope(initiative)


def classify_modality(initiative: Initiative) -> Decision:
    """The initiative's collaboration modality (para 15, Table 1).

    Args:
        initiative: The initiative.

    Returns:
        A `Decision` whose outcome is a `Modality` member; ``None`` (determinate) for an
        out-of-scope initiative, ``None`` (not determinate) while its scope is undecided and the
        modality depends on it.
    """
    return _DEFAULT.classify_modality(initiative)


def classify_nso_category(initiative: Initiative) -> Decision:
    """The initiative's NSO category (paras 32-33).

    Args:
        initiative: The initiative.

    Returns:
        A `Decision` whose outcome is an `NSOCategory` member; ``None`` (determinate) for an
        out-of-scope initiative; not determinate while scope or the category's own facts are
        unknown, with ``missing`` naming the keys of both that are needed.
    """
    return _DEFAULT.classify_nso_category(initiative)


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
    return _DEFAULT.assess_principles(initiative)
