"""Layers as objects: a national or project reading of the framework, on top of the shipped rules.

A `Layer` changes rule sets the way OpenFisca's reforms change a tax-benefit system: it names what
it removes, replaces and adds (`Part`), or it puts whole rule sets of its own in place of the ones
with the same ids; the base stays untouched. `copenhagen.Assessor` applies layers in order, each
against the rules the layers below it left, and records each one's id and digest in every
assessment's provenance (contract section 5), so results of different readings are never mistaken
for each other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from copenhagen.documents._wording import close_match
from copenhagen.documents.lines import Path, path_text
from copenhagen.layers.errors import InvalidLayerError
from copenhagen.layers.vocabulary import LAYER_ID
from copenhagen.rules.engine import Rule, RuleSet

__all__ = ["Change", "Layer", "Part", "reference_problems", "rule_document"]


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


def _ids(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(ids)


def _parts(parts: Mapping[str, Part]) -> dict[str, Part]:
    return dict(parts)


def _rule_sets(rule_sets: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(rule_sets)


def _added(rules: Iterable[tuple[Rule, str | None] | Rule]) -> tuple[tuple[Rule, str | None], ...]:
    return tuple(item if isinstance(item, tuple) else (item, None) for item in rules)


@attrs.frozen(slots=True)
class Part:
    """What a layer does to one rule set: remove, then replace, then add (contract section 5).

    Attributes:
        remove: Ids of rules to drop.
        replace: Rules that take the place of the rules with the same ids.
        add: New rules, each with the id of the rule it goes before (``None``: after the set's
            last concluding rule, before any closing rule kept for undecided cases).
    """

    remove: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    replace: tuple[Rule, ...] = attrs.field(default=(), converter=_rules)
    add: tuple[tuple[Rule, str | None], ...] = attrs.field(default=(), converter=_added)

    def apply(self, rule_set: RuleSet, layer_id: str) -> RuleSet:
        """The rule set with this part applied (``rule_set`` itself is left as it is).

        Raises:
            KeyError: A removed, replaced or ``before`` id names no rule of the set so far.
            ValueError: A new rule reuses an id, or a closing rule is removed or replaced.
        """
        derived = rule_set.derive(rule_set.id, neutralise=self.remove)
        derived = derived.derive(rule_set.id, replace=self.replace)
        for rule, before in self.add:
            if rule.id in derived:
                raise ValueError(
                    f"layer {layer_id!r} adds rule {rule.id!r}, which {rule_set.id!r} already has"
                )
            derived = derived.derive(derived.id, add=(rule,), before=before)
        return attrs.evolve(derived, base=rule_set.base or rule_set.id)

    def changes(self) -> Iterator[Change]:
        """Each entry of the part, in the order it is applied, as `reference_problems` reads it."""
        for index, rule_id in enumerate(self.remove):
            yield Change("remove", index, rule_id)
        for index, rule in enumerate(self.replace):
            yield Change("replace", index, rule.id)
        for index, (rule, before) in enumerate(self.add):
            yield Change("add", index, rule.id, before)


@attrs.frozen(slots=True)
class Change:
    """One entry of a part, as far as the rule ids it names go.

    Attributes:
        kind: ``"remove"``, ``"replace"`` or ``"add"``.
        index: Its position in that list of the part.
        rule_id: The id it removes, replaces or adds.
        before: For a rule added, the id it goes before (``None``: the default place).
    """

    kind: str
    index: int
    rule_id: str
    before: str | None = None

    def path(self, rule_set_id: str, *, before: bool = False) -> Path:
        """Where the entry (or its ``before``) stands in the layer document."""
        if self.kind == "remove":
            return (rule_set_id, "remove", self.index)
        return (rule_set_id, self.kind, self.index, "before" if before else "id")


def _every_rule_id(rule_sets: Mapping[str, Any]) -> dict[str, str]:
    """Each rule id of the rule sets, with the id of the (first) rule set holding it."""
    found: dict[str, str] = {}
    for rule_set in rule_sets.values():
        for rule in rule_set:
            found.setdefault(rule.id, rule_set.id)
    return found


def _no_rule(
    rule_id: str, rule_set_id: str, current: list[str], gone: set[str], taken: Mapping[str, str]
) -> str:
    if rule_id in gone:
        return f"{rule_id!r} names no rule of {rule_set_id} so far: it is removed above"
    where = taken.get(rule_id)
    elsewhere = f" ({rule_id} is a rule of {where})" if where and where != rule_set_id else ""
    return (
        f"{rule_id!r} names no rule of {rule_set_id}{elsewhere}; its rules so far are "
        f"{', '.join(current)}{close_match(rule_id, current)}"
    )


def _taken(rule_id: str, where: str) -> str:
    return (
        f"the id {rule_id} is taken by a rule of {where}; a new rule needs an id of its own "
        "(to change that rule, replace it)"
    )


def reference_problems(
    parts: Mapping[str, Iterable[Change]], rule_sets: Mapping[str, Any]
) -> list[tuple[Path, str]]:
    """What a layer's parts name that the rule sets below them do not have (contract section 5).

    Each part is applied as the assessor applies it (remove, then replace, then add in order,
    each ``before`` against the rules so far), and refused where it removes, replaces or goes
    before a rule that is not there, touches a closing rule, or adds a rule under an id that
    some rule already has (the ids of an assessor's new rules are unique among all its rules).

    Args:
        parts: Each part's entries (`Part.changes`), by the id of the rule set it changes.
        rule_sets: Every rule set below the layer, by id (`copenhagen.assessor.RuleBook.by_id`).

    Returns:
        ``(path, message)`` for each problem, in the order met.
    """
    problems: list[tuple[Path, str]] = []
    taken = _every_rule_id(rule_sets)
    added: dict[str, str] = {}
    for set_id, changes in parts.items():
        rule_set = rule_sets.get(set_id)
        if rule_set is None or not isinstance(rule_set, RuleSet):
            names = [name for name, found in rule_sets.items() if isinstance(found, RuleSet)]
            problems.append(
                ((set_id,), f"no rule set is named {set_id!r}{close_match(set_id, names)}")
            )
            continue
        current = [rule.id for rule in rule_set]
        closing = {rule.id for rule in rule_set if not rule.settles}
        gone: set[str] = set()
        replaced: set[str] = set()
        for change in changes:
            rule_id = change.rule_id
            if change.kind in ("remove", "replace"):
                if rule_id not in current:
                    problems.append(
                        (change.path(set_id), _no_rule(rule_id, set_id, current, gone, taken))
                    )
                elif rule_id in closing:
                    problems.append(
                        (
                            change.path(set_id),
                            f"{rule_id} closes {set_id} for undecided cases; a layer can "
                            "neither remove nor replace it",
                        )
                    )
                elif change.kind == "remove":
                    current.remove(rule_id)
                    gone.add(rule_id)
                elif rule_id in replaced:
                    problems.append(
                        (change.path(set_id), f"{rule_id} is replaced twice; replace it once")
                    )
                else:
                    replaced.add(rule_id)
                continue
            if rule_id in added:
                problems.append(
                    (
                        change.path(set_id),
                        f"this layer adds a rule {rule_id} twice; give each its own id",
                    )
                )
            elif rule_id in taken:
                problems.append((change.path(set_id), _taken(rule_id, taken[rule_id])))
            at = len(current)
            if change.before is not None:
                if change.before in current:
                    at = current.index(change.before)
                else:
                    message = _no_rule(change.before, set_id, current, gone, taken)
                    problems.append((change.path(set_id, before=True), message))
            else:
                while at and current[at - 1] in closing:
                    at -= 1
            current.insert(at, rule_id)
            added.setdefault(rule_id, set_id)
    return problems


def _taken_in_replacements(layer: Layer, rule_sets: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The rules new in the layer's whole rule sets whose ids another rule already has.

    Rule ids are unique among an assessor's rules (contract section 5), whichever way a layer
    brings a rule in: its parts' additions and the rules below are the ids taken.
    """
    taken = _every_rule_id(rule_sets)
    for set_id, part in layer.parts.items():
        for rule, _ in part.add:
            taken.setdefault(rule.id, set_id)
    problems = []
    for replacement in layer.rule_sets:
        below = rule_sets.get(replacement.id)
        if below is None:
            continue
        own = {rule.id for rule in below}
        for index, rule in enumerate(replacement.rules):
            where = taken.get(rule.id)
            if rule.id not in own and where is not None and where != replacement.id:
                path = f"rule_sets.{replacement.id}.rules[{index}].id"
                problems.append((path, _taken(rule.id, where)))
    return problems


def _closing_kept(layer: Layer, rule_sets: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A whole replacement rule set must keep, unchanged, each closing rule of the one below.

    A closing rule marks the decision as open for undecided cases; `RuleSet.derive` and a
    layer's parts refuse to touch it, and a whole rule set brought in from Python is held to
    the same.
    """
    problems = []
    for replacement in layer.rule_sets:
        below = rule_sets.get(replacement.id)
        if not isinstance(below, RuleSet) or not isinstance(replacement, RuleSet):
            continue
        kept = {rule.id: rule for rule in replacement.rules}
        for rule in below.rules:
            if not rule.settles and kept.get(rule.id) != rule:
                problems.append(
                    (
                        f"rule_sets.{replacement.id}",
                        f"{rule.id} closes {replacement.id} for undecided cases; a layer can "
                        "neither remove nor replace it",
                    )
                )
    return problems


def rule_document(rule: Rule) -> dict[str, Any]:
    """A rule's content as plain data (a Python-built layer's digest covers it)."""
    return rule.content()


@attrs.frozen(slots=True)
class Layer:
    """A reading of the framework that changes some of its rule sets.

    Attributes:
        id: The layer's id: lower-case letters, digits, ``.``, ``_`` or ``-``.
        title: What the reading is, in a few words.
        source: The document it implements (a statute, a guideline), if any.
        parts: What it does to rule sets, by rule set id (``scope``, ``modality``...).
        rule_sets: Whole rule sets it puts in place of the ones with the same ids (a derived
            `copenhagen.rules.RuleSet`, or `copenhagen.recommendations.RecommendationSet`).
        document: The layer as the document it was read from, if it was (its digest is the
            document's); ``None`` for a layer built in Python.
    """

    id: str
    title: str
    source: str = ""
    parts: Mapping[str, Part] = attrs.field(factory=dict, converter=_parts)
    rule_sets: tuple[Any, ...] = attrs.field(default=(), converter=_rule_sets)
    document: Mapping[str, Any] | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or LAYER_ID.fullmatch(self.id) is None:
            raise ValueError(
                f"a layer id is lower-case letters, digits, '.', '_' or '-', not {self.id!r}"
            )

    def as_document(self) -> dict[str, Any]:
        """The layer as plain data: the document it was read from, or its content."""
        if self.document is not None:
            return dict(self.document)
        found: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.source:
            found["source"] = self.source
        for name, part in self.parts.items():
            found[name] = {
                "remove": list(part.remove),
                "replace": [rule_document(r) for r in part.replace],
                "add": [{**rule_document(r), "before": b} for r, b in part.add],
            }
        if self.rule_sets:
            found["rule_sets"] = {rs.id: rs.content() for rs in self.rule_sets}
        return found

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the layer's JSON with sorted keys and no spaces (contract section 5)."""
        blob = json.dumps(
            self.as_document(), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def provenance(self) -> dict[str, str]:
        """``{"id", "digest"}``, as assessments record it."""
        return {"id": self.id, "digest": self.digest}

    def check(self, rule_sets: Mapping[str, Any]) -> None:
        """Refuse the layer if it names rules the rule sets below it do not have.

        Args:
            rule_sets: Every rule set below the layer, by id.

        Raises:
            InvalidLayerError: With every problem `reference_problems` finds, a replacement
                rule set whose id is no rule set's, a rule new in a replacement rule set
                under an id some other rule already has, and a replacement rule set without a
                closing rule of the one it replaces.
        """
        parts = {name: part.changes() for name, part in self.parts.items()}
        problems = [(path_text(p), m) for p, m in reference_problems(parts, rule_sets)]
        problems += [
            (f"rule_sets.{rs.id}", f"no rule set is named {rs.id!r}; a layer replaces one it has")
            for rs in self.rule_sets
            if rs.id not in rule_sets
        ]
        problems += _taken_in_replacements(self, rule_sets)
        problems += _closing_kept(self, rule_sets)
        if problems:
            raise InvalidLayerError(problems, self.id)
