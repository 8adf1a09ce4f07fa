"""Layers: a national or project reading of the framework, applied on top of the shipped rules.

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
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from copenhagen.rules.engine import Rule, RuleSet

__all__ = ["Layer", "Part", "rule_document"]


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


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

    remove: tuple[str, ...] = attrs.field(default=(), converter=tuple)
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
    parts: Mapping[str, Part] = attrs.field(factory=dict, converter=dict)
    rule_sets: tuple[Any, ...] = attrs.field(default=(), converter=tuple)
    document: Mapping[str, Any] | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.id or not all(c.islower() or c.isdigit() or c in "._-" for c in self.id):
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
