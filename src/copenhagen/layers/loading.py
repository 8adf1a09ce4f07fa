"""Reading a layer document (contract section 5) into engine rules: data in, conditions out.

`load_layer` reads a YAML or JSON file with the library's hardened parsers (a key given twice, a
number too long to read and an alias bomb are refused there), or takes a mapping, and checks
everything at once: the keys of the layer, its parts and rules; each condition's operator, key
and values; outcomes against the decision they belong to; citations against the framework's
anchors; and the rule ids a part names against the shipped rules. Every problem is reported
with its path, the file's line, the rule's id, the allowed values and a close match for a
misspelling. Conditions become the engine's own objects (`Has`, `Only`, `Empty`, `Is`,
`DecidedAs`, `Not`, `all_of`, `any_of`): nothing in a layer is ever evaluated as code.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

from copenhagen.documents._wording import close_match, describe, key_text, quote
from copenhagen.documents.errors import DocumentParseError, InvalidInitiativeError
from copenhagen.documents.lines import Path, json_lines, line_of, path_text, yaml_lines
from copenhagen.framework.citations import ANCHOR_ORDER, is_anchor
from copenhagen.layers.errors import LAYER_PATH, InvalidLayerError
from copenhagen.layers.model import Change, Layer, Part, reference_problems
from copenhagen.layers.vocabulary import (
    BOOL_KEYS,
    DECISIONS,
    LAYER_ID,
    LAYER_KEYS,
    LIST_KEYS,
    OPERATORS,
    PART_KEYS,
    READS_SCOPE,
    RULE_ADD_KEYS,
    RULE_ID,
    SIDE_LABELS,
    SIDES,
    SUBJECTS,
    outcome_names,
    outcomes,
    values_of,
)
from copenhagen.rules.conditions import (
    Condition,
    DecidedAs,
    Empty,
    Has,
    Is,
    Not,
    Only,
    all_of,
    any_of,
    outcome_words,
)
from copenhagen.rules.engine import Rule, RuleWarning
from copenhagen.rules.scope import SCOPE_RULES

__all__ = ["load_layer", "read_layer_file"]

#: The formats a layer file may be in.
LAYER_FORMATS = ("json", "yaml")

_ITEM_WORDS = {
    "initiated_by": "an actor or a side",
    "partners": "an actor or a side",
    "funders": "an actor or a side",
    "objectives": "an objective",
    "engaged_stages": "a stage",
}


def _listed(words: Iterable[str]) -> str:
    return ", ".join(words)


def _conclusion(decision: str, outcome: Any) -> str:
    """An outcome as the end of a trace sentence: "..., so it is out of scope"."""
    if outcome is None:
        return f"it has no {SUBJECTS[decision]}"
    if decision == "nso_category":
        return f"its NSO category is {outcome_words(outcome)}"
    return f"it is {outcome_words(outcome)}"


class _Reader:
    """Checks one layer document and builds its rules, gathering every problem on the way."""

    def __init__(self, lines: dict[str, int]) -> None:
        self.lines = lines
        self.problems: list[tuple[Path, str | None, str]] = []

    # -- problems ---------------------------------------------------------------------------

    def problem(self, path: Path, message: str, rule: str | None = None) -> None:
        self.problems.append((path, rule, message))

    def errors(self) -> list[tuple[str, str]]:
        """Every problem as ``(path, message)``, in the order of the file's lines."""
        found = []
        lines = [line_of(self.lines, path) if self.lines else None for path, _, _ in self.problems]
        order = sorted(range(len(lines)), key=lambda i: lines[i] or 0)
        for i in order:
            path, rule, message = self.problems[i]
            line = lines[i]
            where = []
            if line is not None:
                where.append(f"line {line}")
            if rule is not None:
                where.append(f"rule {rule}")
            prefix = f"{', '.join(where)}: " if where else ""
            found.append((path_text(path) or LAYER_PATH, prefix + message))
        return found

    def unknown_keys(
        self, data: Mapping[Any, Any], path: Path, allowed: Sequence[str], rule: str | None = None
    ) -> None:
        for key in data:
            if not isinstance(key, str) or key not in allowed:
                self.problem(
                    (*path, key_text(key)),
                    f"unknown key {quote(str(key))}; allowed: {_listed(allowed)}"
                    f"{close_match(key, allowed)}",
                    rule,
                )

    def text(
        self,
        data: Mapping[Any, Any],
        key: str,
        path: Path,
        *,
        required: bool,
        rule: str | None = None,
        one_line: bool = False,
    ) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem((*path, key), f"{key} is required: a non-empty string", rule)
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(
                (*path, key), f"{key} must be a non-empty string, not {describe(value)}", rule
            )
            return None
        if one_line and ("\n" in value.strip() or "\r" in value):
            self.problem((*path, key), f"{key} is one line of text; this one has line breaks", rule)
            return None
        return value.strip()

    # -- the layer --------------------------------------------------------------------------

    def layer(self, document: Any) -> Layer | None:
        if not isinstance(document, Mapping):
            self.problem(
                (),
                f"a layer is a mapping with id, title and at least one of {_listed(DECISIONS)}; "
                f"this is {describe(document)}",
            )
            return None
        self.unknown_keys(document, (), LAYER_KEYS)
        layer_id = self.text(document, "id", (), required=True)
        if layer_id is not None and LAYER_ID.fullmatch(layer_id) is None:
            self.problem(
                ("id",),
                f"{quote(layer_id)} is not a layer id: use lower-case letters, digits, '.', "
                "'_' or '-'",
            )
            layer_id = None
        title = self.text(document, "title", (), required=True, one_line=True)
        source = self.text(document, "source", (), required=False)
        named = [name for name in DECISIONS if document.get(name) is not None]
        if not named:
            self.problem(
                (),
                f"a layer changes at least one rule set: give {_listed(DECISIONS)} (or more)",
            )
        parts: dict[str, Part] = {}
        changes: dict[str, list[Change]] = {}
        for name in named:
            part, listed = self.part(name, document[name])
            changes[name] = listed
            if part is not None:
                parts[name] = part
        self.references(changes)
        if self.problems or layer_id is None or title is None:
            return None
        return Layer(layer_id, title, source or "", parts, document=_plain(document))

    def references(self, changes: dict[str, list[Change]]) -> None:
        """Check the rule ids the parts name against the shipped rules."""
        from copenhagen.assessor import BASE  # the shipped rule book (it imports this package)

        rule_of = {
            change.path(name)[:3]: change.rule_id
            for name, listed in changes.items()
            for change in listed
            if change.kind != "remove"
        }
        for path, message in reference_problems(changes, BASE.by_id()):
            self.problem(path, message, rule_of.get(path[:3]))

    def part(self, name: str, data: Any) -> tuple[Part | None, list[Change]]:
        path: Path = (name,)
        changes: list[Change] = []
        if not isinstance(data, Mapping):
            self.problem(
                path,
                f"{name} is a mapping with any of {_listed(PART_KEYS)}, not {describe(data)}",
            )
            return None, changes
        self.unknown_keys(data, path, PART_KEYS)
        before_count = len(self.problems)
        removed: list[str] = []
        for index, item in enumerate(self.items(data, "remove", path)):
            if isinstance(item, str) and item:
                removed.append(item)
                changes.append(Change("remove", index, item))
            else:
                self.problem(
                    (*path, "remove", index),
                    f"remove lists rule ids (strings), not {describe(item)}",
                )
        replaced: list[Rule] = []
        for index, item in enumerate(self.items(data, "replace", path)):
            rule, rule_id, _ = self.rule(name, item, (*path, "replace", index), adding=False)
            if rule_id is not None:
                changes.append(Change("replace", index, rule_id))
            if rule is not None:
                replaced.append(rule)
        added: list[tuple[Rule, str | None]] = []
        for index, item in enumerate(self.items(data, "add", path)):
            rule, rule_id, before = self.rule(name, item, (*path, "add", index), adding=True)
            if rule_id is not None:
                changes.append(Change("add", index, rule_id, before))
            if rule is not None:
                added.append((rule, before))
        if len(self.problems) > before_count:
            return None, changes
        return Part(tuple(removed), tuple(replaced), tuple(added)), changes

    def items(self, data: Mapping[str, Any], key: str, path: Path) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem((*path, key), f"{key} is a list, not {describe(value)}")
            return []
        return value

    # -- rules ------------------------------------------------------------------------------

    def rule(
        self, decision: str, data: Any, path: Path, *, adding: bool
    ) -> tuple[Rule | None, str | None, str | None]:
        """The rule, its id and its ``before`` (each ``None`` where it cannot be read)."""
        if not isinstance(data, Mapping):
            self.problem(
                path,
                f"a rule is a mapping with id, when, then, cite and because, not {describe(data)}",
            )
            return None, None, None
        rule_id = self.rule_id(data, path)
        label = rule_id or (data.get("id") if isinstance(data.get("id"), str) else None)
        before_count = len(self.problems)
        self.unknown_keys(data, path, RULE_ADD_KEYS, label)
        if not adding and "before" in data:
            self.problem(
                (*path, "before"),
                "before goes with add: a replaced rule keeps the place of the rule it replaces",
                label,
            )
        before: str | None = None
        if adding and data.get("before") is not None:
            value = data["before"]
            if isinstance(value, str) and value:
                before = value
            else:
                self.problem(
                    (*path, "before"), f"before names a rule id, not {describe(value)}", label
                )
        because = self.text(data, "because", path, required=True, rule=label, one_line=True)
        citations = self.citations(data.get("cite"), (*path, "cite"), label)
        when = self.required_condition(data, "when", path, decision, label)
        then = self.outcome(data, "then", path, decision, label, required=True)
        provided: Condition | None = None
        otherwise = "none"
        if data.get("provided") is not None:
            provided = self.condition(data["provided"], (*path, "provided"), decision, label)
            otherwise = self.outcome(data, "otherwise", path, decision, label, required=False)
        elif data.get("otherwise") is not None:
            self.problem(
                (*path, "otherwise"),
                "otherwise goes with provided: it is the outcome when provided does not hold",
                label,
            )
        warnings = self.warning(data.get("warn"), (*path, "warn"), decision, label)
        source = self.text(data, "source", path, required=False, rule=label)
        if len(self.problems) > before_count or rule_id is None:
            return None, rule_id, before
        assert because is not None
        assert citations is not None
        assert when is not None
        values = outcomes(decision)
        reason = because.rstrip(".")
        built = Rule(
            id=rule_id,
            statement=f"{reason}.",
            citations=citations,
            when=when,
            then=values[then],
            title=f"{outcome_words(values[then])} under {rule_id}",
            then_text=f"{_conclusion(decision, values[then])} ({reason})",
            provided=provided,
            otherwise=values[otherwise],
            otherwise_text=f"{_conclusion(decision, values[otherwise])} ({reason})",
            warnings=warnings,
            source=source or "",
        )
        return built, rule_id, before

    def rule_id(self, data: Mapping[str, Any], path: Path) -> str | None:
        value = data.get("id")
        if value is None:
            self.problem(
                (*path, "id"), "id is required: a letter, then letters, digits, '.', '_' or '-'"
            )
            return None
        if not isinstance(value, str) or RULE_ID.fullmatch(value) is None:
            shown = quote(value) if isinstance(value, str) else describe(value)
            self.problem(
                (*path, "id"),
                f"{shown} is not a rule id: a letter, then letters, digits, '.', '_' or '-'",
            )
            return None
        return value

    def citations(self, value: Any, path: Path, rule: str | None) -> tuple[str, ...] | None:
        if value is None:
            self.problem(
                path, "cite is required: a framework anchor such as 'para 15', or a list", rule
            )
            return None
        listed = value if isinstance(value, list) else [value]
        if not listed:
            self.problem(path, "cite lists at least one framework anchor", rule)
            return None
        found: list[str] = []
        for index, item in enumerate(listed):
            where = (*path, index) if isinstance(value, list) else path
            if isinstance(item, str) and is_anchor(item):
                found.append(item)
                continue
            shown = quote(item) if isinstance(item, str) else describe(item)
            self.problem(
                where,
                f"{shown} is not a framework anchor; write e.g. 'para 15', 'paras 10-11', "
                f"'Box 2', 'Table 1', 'footnote 3' or 'Annex'{close_match(item, ANCHOR_ORDER)}",
                rule,
            )
        return tuple(found) if len(found) == len(listed) else None

    def outcome(
        self,
        data: Mapping[str, Any],
        key: str,
        path: Path,
        decision: str,
        rule: str | None,
        *,
        required: bool,
    ) -> str:
        value = data.get(key)
        names = outcome_names(decision)
        if value is None:
            if required:
                self.problem((*path, key), f"{key} is required: one of {_listed(names)}", rule)
            return "none"
        if isinstance(value, str) and value in names:
            return value
        shown = quote(value) if isinstance(value, str) else describe(value)
        other = [d for d in DECISIONS if d != decision and value in outcome_names(d)]
        hint = f" ({shown} is an outcome of {other[0]})" if other and value != "none" else ""
        self.problem(
            (*path, key),
            f"{shown} is not an outcome of {decision}{hint}; allowed: {_listed(names)}"
            f"{close_match(value, names)}",
            rule,
        )
        return "none"

    def warning(
        self, value: Any, path: Path, decision: str, rule: str | None
    ) -> tuple[RuleWarning, ...]:
        if value is None:
            return ()
        if not isinstance(value, Mapping):
            self.problem(path, f"warn is a mapping with when and text, not {describe(value)}", rule)
            return ()
        self.unknown_keys(value, path, ("when", "text"), rule)
        when = self.required_condition(value, "when", path, decision, rule)
        text = self.text(value, "text", path, required=True, rule=rule, one_line=True)
        if when is None or text is None:
            return ()
        return (RuleWarning(when, text),)

    # -- conditions -------------------------------------------------------------------------

    def required_condition(
        self, data: Mapping[str, Any], key: str, path: Path, decision: str, rule: str | None
    ) -> Condition | None:
        if data.get(key) is None:
            self.problem(
                (*path, key), f"{key} is required: a condition, one of {_listed(OPERATORS)}", rule
            )
            return None
        return self.condition(data[key], (*path, key), decision, rule)

    def condition(self, data: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        operators = list(OPERATORS)
        if not isinstance(data, Mapping) or len(data) != 1:
            if isinstance(data, Mapping):
                shown = f"{len(data)} keys" if data else "none"
                extra = "; to join conditions, use all or any" if len(data) > 1 else ""
                message = f"a condition has exactly one operator, this one has {shown}{extra}"
            else:
                message = f"a condition is a mapping with one operator, not {describe(data)}"
            self.problem(path, f"{message}; operators: {_listed(operators)}", rule)
            return None
        ((operator, value),) = data.items()
        if not isinstance(operator, str) or operator not in OPERATORS:
            self.problem(
                (*path, key_text(operator)),
                f"unknown operator {quote(str(operator))}; allowed: {_listed(operators)}"
                f"{close_match(operator, operators)}",
                rule,
            )
            return None
        where = (*path, operator)
        reader: Callable[[Any, Path, str, str | None], Condition | None] = getattr(
            self, f"_{operator}"
        )
        return reader(value, where, decision, rule)

    def _key(self, value: Any, path: Path, rule: str | None, *, lists: bool) -> str | None:
        """The one key a ``has``, ``only``, ``empty`` or ``is`` names, if it is the right kind."""
        wanted = list(LIST_KEYS) if lists else list(BOOL_KEYS)
        operator = path[-1]
        if isinstance(value, str) and value in wanted:
            return value
        if not isinstance(value, str):
            self.problem(path, f"{operator} names a key, not {describe(value)}", rule)
        elif value in BOOL_KEYS:
            self.problem(
                (*path, value),
                f"{value} is a true/false key: test it with {{is: {{{value}: true}}}} (or false), "
                f"not {operator}",
                rule,
            )
        elif value in LIST_KEYS:
            self.problem(
                (*path, value),
                f"{value} is a list key: test it with has, only or empty, not {operator}",
                rule,
            )
        else:
            every = [*LIST_KEYS, *BOOL_KEYS]
            self.problem(
                (*path, value),
                f"unknown key {quote(value)}; {operator} takes one of {_listed(wanted)}"
                f"{close_match(value, every)}",
                rule,
            )
        return None

    def _one(self, value: Any, path: Path, rule: str | None, shape: str) -> tuple[Any, Any] | None:
        if not isinstance(value, Mapping) or len(value) != 1:
            kind = f"{len(value)} keys" if isinstance(value, Mapping) else describe(value)
            self.problem(path, f"{path[-1]} names exactly one key: {shape}, not {kind}", rule)
            return None
        ((key, item),) = value.items()
        return key, item

    def _members(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        operator = path[-1]
        found = self._one(value, path, rule, "{KEY: [values]}")
        if found is None:
            return None
        key = self._key(found[0], path, rule, lists=True)
        if key is None:
            return None
        listed = found[1]
        allowed = values_of(key)
        if not isinstance(listed, list) or not listed:
            hint = f"; for an empty list use {{empty: {key}}}" if operator == "only" else ""
            kind = describe(listed) if listed != [] else "an empty list"
            self.problem(
                (*path, key), f"{operator} takes a non-empty list of values, not {kind}{hint}", rule
            )
            return None
        members: set[Any] = set()
        sides: set[str] = set()
        bad = False
        enum: type[Enum] = LIST_KEYS[key]
        for index, item in enumerate(listed):
            if isinstance(item, str) and item in SIDES and item in allowed:
                sides.add(item)
                members |= SIDES[item]
            elif isinstance(item, str) and item in allowed:
                members.add(enum(item))
            else:
                bad = True
                shown = quote(item) if isinstance(item, str) else describe(item)
                self.problem(
                    (*path, key, index),
                    f"{shown} is not {_ITEM_WORDS[key]}; allowed: {_listed(allowed)}"
                    f"{close_match(item, allowed)}",
                    rule,
                )
        if bad:
            return None
        plain = [item for item in listed if item not in SIDES]
        label = SIDE_LABELS[next(iter(sides))] if len(sides) == 1 and not plain else ""
        if operator == "has":
            return Has(key, frozenset(members), label)
        return Only(key, frozenset(members), label)

    _has = _members
    _only = _members

    def _empty(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        key = self._key(value, path, rule, lists=True)
        return None if key is None else Empty(key)

    def _is(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        found = self._one(value, path, rule, "{KEY: true or false}")
        if found is None:
            return None
        key, truth = found
        checked = self._key(key, path, rule, lists=False)
        if checked is None:
            return None
        if not isinstance(truth, bool):
            self.problem((*path, checked), f"is takes true or false, not {describe(truth)}", rule)
            return None
        return Is(checked, truth)

    def _decided(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        if decision not in READS_SCOPE:
            self.problem(
                path,
                f"decided reads this assessor's scope decision, so only rules of "
                f"{' and '.join(READS_SCOPE)} may use it, not those of {decision}",
                rule,
            )
            return None
        found = self._one(value, path, rule, "{scope: OUTCOME}")
        if found is None:
            return None
        key, outcome = found
        if key != "scope":
            shown = quote(key) if isinstance(key, str) else describe(key)
            self.problem(
                (*path, key),
                f"decided reads the scope decision only; {shown} is not scope"
                f"{close_match(key, ['scope'])}",
                rule,
            )
            return None
        names = outcome_names("scope")
        if not isinstance(outcome, str) or outcome not in names:
            shown = quote(outcome) if isinstance(outcome, str) else describe(outcome)
            self.problem(
                (*path, "scope"),
                f"{shown} is not an outcome of scope; allowed: {_listed(names)}"
                f"{close_match(outcome, names)}",
                rule,
            )
            return None
        return DecidedAs(SCOPE_RULES, outcomes("scope")[outcome])

    def _not(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        inner = self.condition(value, path, decision, rule)
        return None if inner is None else Not(inner)

    def _many(self, value: Any, path: Path, decision: str, rule: str | None) -> Condition | None:
        operator = path[-1]
        if not isinstance(value, list) or not value:
            kind = "an empty list" if value == [] else describe(value)
            self.problem(path, f"{operator} takes a non-empty list of conditions, not {kind}", rule)
            return None
        parts = [self.condition(item, (*path, i), decision, rule) for i, item in enumerate(value)]
        if any(part is None for part in parts):
            return None
        joined = all_of if operator == "all" else any_of
        return joined(*(part for part in parts if part is not None))

    _all = _many
    _any = _many


def _plain(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document as plain JSON data, kept apart from the mapping it was read from."""
    plain: dict[str, Any] = json.loads(json.dumps(document, ensure_ascii=False))
    return plain


def read_layer_file(path: str | os.PathLike[str]) -> tuple[Any, dict[str, int]]:
    """The parsed document of a layer file and the line of each of its paths.

    Raises:
        InvalidLayerError: If the file is not a ``.yaml``/``.yml``/``.json`` file, is empty,
            is not UTF-8 or does not parse (with its line and column), or gives a key twice.
        FileNotFoundError: If there is no such file.
        OSError: If it cannot be read, or is not a regular file.
        ImportError: For a YAML file when PyYAML (the ``yaml`` extra) is not installed.
    """
    from copenhagen.documents.loading import parse_text, read_text

    source = str(path)
    try:
        kind, text = read_text(path, LAYER_FORMATS)
        document = parse_text(kind, text, source)
    except DocumentParseError as error:
        raise InvalidLayerError([(LAYER_PATH, error.errors[0][1])], source) from None
    except InvalidInitiativeError as error:  # a wrong suffix, or a key given twice
        paths = [(LAYER_PATH if p == "(document)" else p, m) for p, m in error.errors]
        raise InvalidLayerError(paths, source) from None
    return document, yaml_lines(text) if kind == "yaml" else json_lines(text)


def load_layer(source: Mapping[str, Any] | str | os.PathLike[str]) -> Layer:
    """Read a rule layer (contract section 5) from a YAML/JSON file or a mapping.

    Args:
        source: The path of a ``.yaml``/``.yml`` or ``.json`` file (a string is always a path),
            or the layer document itself as a mapping.

    Returns:
        The layer, whose parts hold engine rules and whose ``document`` is the mapping read
        (its digest is the sha256 of that mapping's JSON, sorted keys and no spaces).

    Raises:
        InvalidLayerError: With every problem of the layer at once, each with its path and
            (for a file) its line.
        FileNotFoundError: If the file does not exist.
        OSError: If the path is not a regular file or cannot be read.
        ImportError: For a YAML file when PyYAML (the ``yaml`` extra) is not installed.

    Examples:
        >>> layer = load_layer({
        ...     "id": "joint-m4", "title": "Academic co-initiators read as joint",
        ...     "modality": {"replace": [{
        ...         "id": "M4", "cite": "para 15", "then": "jointly_initiated_collaboration",
        ...         "when": {"all": [{"has": {"initiated_by": ["citizen_side"]}},
        ...                          {"has": {"initiated_by": ["academia"]}}]},
        ...         "because": "academic co-initiators are read as partners in starting it"}]}})
        >>> layer.id, [r.id for r in layer.parts["modality"].replace]
        ('joint-m4', ['M4'])
    """
    if isinstance(source, str | os.PathLike):
        document, lines = read_layer_file(source)
        label: str | None = str(source)
    elif isinstance(source, Mapping):
        document, lines, label = source, {}, None
    else:
        raise TypeError(f"load_layer takes a path or a mapping, not {type(source).__name__}")
    reader = _Reader(lines)
    layer = reader.layer(document)
    if layer is None:
        raise InvalidLayerError(reader.errors(), label)
    return layer
