"""Assess a pandas DataFrame of initiatives into new columns (the optional ``pandas`` extra).

Each row is one initiative document: a column per document key (contract section 2), mappings
spread over dotted columns as in CSV input (``principles.informed_consent``,
``practices.secure_storage``, ``participation.extent``, ``extra.url``). A missing value
(``None``, ``NaN``, ``pd.NA``) is unknown, the key absent. A list cell is a list (or tuple or
array) of values, or a string in the CSV convention (``"cso;community"``, ``"[]"`` for an empty
list). Rows that are not valid documents get their errors in the ``errors`` column instead of
stopping the run.

The result columns are those of ``copenhagen batch``'s CSV output (`copenhagen.batch.rows`,
one row definition for every output) with typed values, less the record's identity, which the
frame holds itself (its index and its own ``name`` column); a principle's assessed status is
``status.<principle>``, since ``principles.<principle>`` is the declared one (REP-5).

How it is fast without a second copy of any rule: a row's result is a function of its
document, and a registry repeats patterns. Each column is factorised; each distinct value of
each document key goes once through the loader's own hook for that key; the loaded values are
reduced to the classes the assessor's rules can tell apart (`copenhagen.rules.abstraction`);
and each distinct combination is assessed once, through ``assessor.assess`` and the row
definition, for one row that has it. A row whose cells the loader refuses, or whose pattern
does, is loaded on its own through `copenhagen.documents.structure_initiative`, so its errors
are exactly the loader's.

pandas is imported only when `assess_frame` is called.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from copenhagen.batch.rows import (
    DECISIONS,
    NONE,
    OUTCOMES,
    UNDECIDED,
    Detail,
    compact_row,
    csv_columns,
    full_row,
    outcome_name,
    row_schema,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from copenhagen.assessor import Assessor

    Codes = npt.NDArray[np.intp]

__all__ = ["RESULT_COLUMNS", "assess_frame", "result_columns"]

#: The columns of the CSV row that a frame holds itself: its index, and its own ``name``.
_IDENTITY = ("position", "name")
#: How the row's principle statuses are named in a frame (``principles.*`` is the input's).
_STATUS = "status."
_ROW_STATUS = "principles."
_PROFILE = "participation_"


def _frame_name(column: str) -> str:
    if column.startswith(_ROW_STATUS):
        return _STATUS + column[len(_ROW_STATUS) :]
    return column


def result_columns(detail: Detail = "compact") -> tuple[str, ...]:
    """The columns `assess_frame` adds at ``detail``, in order.

    They are `copenhagen.batch.rows.csv_columns` less ``position`` and ``name``, with each
    principle's assessed status as ``status.<principle>``.
    """
    return tuple(_frame_name(c) for c in csv_columns(detail) if c not in _IDENTITY)


#: The columns `assess_frame` adds with compact detail (its default), in order.
RESULT_COLUMNS: tuple[str, ...] = result_columns("compact")

_LIST_KEYS = frozenset({"initiated_by", "partners", "funders", "objectives", "engaged_stages"})
_GROUPS = ("principles", "practices", "participation", "extra")


# --------------------------------------------------------------------------- cells


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _plain(value: Any) -> Any:
    """Numpy scalars and arrays as plain Python values (a document holds plain values only)."""
    item = getattr(value, "item", None)
    if item is not None and getattr(value, "shape", None) == ():
        return item()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return value


_ABSENT: Any = object()


def _cell_key(cell: Any) -> Any:
    """A key equal only for cells the loader reads alike, `_ABSENT`, or ``None`` (no key).

    Texts and lists of texts are keyed by themselves; other scalars with their type, since
    ``True == 1 == 1.0`` must not make a boolean of a number.
    """
    kind = type(cell)
    if kind is str:
        return cell
    if kind is list or kind is tuple:
        items = tuple(cell)
        return (list, items) if all(type(item) is str for item in items) else None
    if kind is bool or kind is int:
        return (kind, cell)
    if kind is float:
        return _ABSENT if math.isnan(cell) else (kind, cell)
    if _missing(cell):
        return _ABSENT
    if hasattr(cell, "tolist"):  # a numpy array or scalar: keyed by its plain value
        return _cell_key(_plain(cell))
    return None


def _lists_of_text(cells: list[Any]) -> Any:
    """A column of lists of texts (or missing cells) as an array of tuples, else ``None``.

    The common column of lists, keyed at C speed: a tuple of exact texts equals only the same
    texts, and a missing cell (``None``, ``NaN``) becomes ``None``.
    """
    import numpy as np

    kinds = set(map(type, cells))
    if list not in kinds or not kinds <= {list, float, type(None)}:
        return None
    present = [cell for cell in cells if type(cell) is list]
    if set(map(type, itertools.chain.from_iterable(present))) - {str}:
        return None
    if float in kinds and not all(math.isnan(c) for c in cells if type(c) is float):
        return None
    keys = (tuple(cell) if type(cell) is list else None for cell in cells)
    return np.fromiter(keys, dtype=object, count=len(cells))


def _factorised(column: pd.Series[Any]) -> tuple[Codes, list[Any]]:
    """Codes of a column's cells (``-1``: missing) and the plain value of each code."""
    import numpy as np
    import pandas as pd

    if column.dtype != object or pd.api.types.infer_dtype(column, skipna=True) in (
        "string",
        "boolean",
        "empty",
    ):
        # One type throughout (or texts, or booleans): pandas' hashing cannot confuse values.
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.intp), [_plain(u) for u in list(uniques)]
    cells = column.tolist()
    lists = _lists_of_text(cells)
    if lists is not None:
        codes, uniques = pd.factorize(lists, use_na_sentinel=True)
        return np.asarray(codes, dtype=np.intp), [list(u) for u in uniques]
    seen: dict[Any, int] = {}
    values: list[Any] = []
    found: list[int] = []
    for cell in cells:
        key = _cell_key(cell)
        if key is _ABSENT:
            found.append(-1)
            continue
        code = None if key is None else seen.get(key)
        if code is None:
            code = len(values)
            values.append(_plain(cell))
            if key is not None:
                seen[key] = code
        found.append(code)
    return np.asarray(found, dtype=np.intp), values


def _combined(parts: Sequence[Codes], size: int) -> tuple[Codes, int]:
    """One code per row for the combination of ``parts`` (each ``-1`` or more), and how many."""
    import numpy as np
    import pandas as pd

    if not parts:
        return np.zeros(size, dtype=np.intp), 1 if size else 0
    codes, count = parts[0], int(parts[0].max(initial=-1)) + 2
    codes = codes + 1
    for part in parts[1:]:
        width = int(part.max(initial=-1)) + 2
        joined, uniques = pd.factorize(codes * width + (part + 1))
        codes, count = np.asarray(joined, dtype=np.intp), len(uniques)
    if len(parts) == 1:
        joined, uniques = pd.factorize(codes)
        codes, count = np.asarray(joined, dtype=np.intp), len(uniques)
    return codes, count


# --------------------------------------------------------------------------- document keys


class _Key:
    """One document key over the frame's rows: a code per row and the raw value of each code."""

    __slots__ = ("accepted", "codes", "loaded", "name", "values")

    def __init__(self, name: str, codes: Codes, values: list[Any]) -> None:
        self.name = name
        self.codes = codes
        self.values = values
        self.loaded: list[Any] = []
        self.accepted: list[bool] = []

    def load(self) -> None:
        """Each distinct value through the loader's own hook for this key (REP-5)."""
        from copenhagen.documents._converter import FIELD_TYPES, converter

        kind = FIELD_TYPES.get(self.name)
        if kind is None:  # an unknown key: the loader refuses every value of it
            self.loaded = [None] * len(self.values)
            self.accepted = [False] * len(self.values)
            return
        hook = converter.get_structure_hook(kind)
        for value in self.values:
            try:
                self.loaded.append(hook(value, kind))
                self.accepted.append(True)
            except Exception:  # the row's own load says what is wrong, with its path
                self.loaded.append(None)
                self.accepted.append(False)


def _document_keys(frame: pd.DataFrame) -> list[_Key]:
    """The frame's columns as document keys, in the order a row's document holds them."""
    names = [str(c) for c in frame.columns]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"the frame has columns of the same name: {', '.join(twice)}")
    order: list[str] = []
    tops: dict[str, tuple[Codes, list[Any]]] = {}
    groups: dict[str, list[tuple[str, Codes, list[Any]]]] = {}
    for position, name in enumerate(names):
        codes, values = _factorised(frame.iloc[:, position])
        group, dot, inner = name.partition(".")
        if dot and group in _GROUPS:
            if group not in groups:
                groups[group] = []
                order.append(group)
            groups[group].append((inner, codes, values))
        else:
            if name in _LIST_KEYS:  # a text in a list column is a list in the CSV convention
                from copenhagen.batch.records import csv_cell_list

                values = [csv_cell_list(v) if isinstance(v, str) else v for v in values]
            tops[name] = (codes, values)
            order.append(name)
    both = sorted(set(tops) & set(groups))
    if both:
        raise ValueError(
            "the frame has a mapping both whole and spread over dotted columns: "
            + ", ".join(f"{g} and {g}.*" for g in both)
        )
    keys = []
    for name in order:
        if name in tops:
            keys.append(_Key(name, *tops[name]))
        else:
            keys.append(_group_key(name, groups[name], len(frame)))
    return keys


def _group_key(name: str, members: list[tuple[str, Codes, list[Any]]], size: int) -> _Key:
    """A mapping spread over dotted columns, as one key: the items its row's cells give."""
    import numpy as np

    codes, count = _combined([codes for _, codes, _ in members], size)
    values: list[Any] = []
    mapped = np.empty(count, dtype=np.intp)
    for code, row in enumerate(_first_rows(codes, count)):
        items = {inner: found[c] for inner, cs, found in members if (c := int(cs[row])) >= 0}
        if items:
            mapped[code] = len(values)
            values.append(items)
        else:
            mapped[code] = -1  # no cell given: the key is absent
    return _Key(name, mapped[codes] if size else codes, values)


def _document(keys: Sequence[_Key], row: int) -> dict[str, Any]:
    """The document of one row, as the loader is given it."""
    document: dict[str, Any] = {}
    for key in keys:
        code = int(key.codes[row])
        if code >= 0:
            document[key.name] = key.values[code]
    return document


# --------------------------------------------------------------------------- typed columns


def _schema_of(column: str, compact: Mapping[str, Any], full: Mapping[str, Any]) -> Any:
    """The JSON Schema of a result column's value, from the row schemas."""
    if column == "errors":
        return compact["oneOf"][1]["properties"]["errors"]
    path = _path(column)
    schema = (full if column.startswith(_PROFILE) else compact)["oneOf"][0]
    for part in path:
        schema = schema["properties"][part]
    return schema


def _path(column: str) -> tuple[str, ...]:
    """Where a result column's value is in a row: ``scope_missing`` is ``scope`` → ``missing``."""
    if column in DECISIONS:
        return (column, "outcome")
    for decision in DECISIONS:
        if column.startswith(decision + "_"):
            return (decision, column[len(decision) + 1 :])
    if column.startswith(_STATUS):
        return ("principles", column[len(_STATUS) :])
    if column.startswith(_PROFILE):
        return ("participation", column[len(_PROFILE) :])
    return (column,)


def _dtype(column: str, schema: Mapping[str, Any]) -> Any:
    """A result column's pandas dtype, from its value's schema (outcomes by name)."""
    import pandas as pd

    if column in DECISIONS:
        names = [member.name.lower() for member in OUTCOMES[column]]
        return pd.CategoricalDtype([*names, NONE, UNDECIDED])
    found = [schema, *schema.get("oneOf", ())]
    enums = [v for s in found for v in s.get("enum", ()) if v is not None]
    if enums and all(isinstance(v, str) for v in enums):
        return pd.CategoricalDtype(enums)
    types = {t for s in found for t in _types(s)}
    if types <= {"boolean", "null"} and "boolean" in types:
        return "boolean"
    if types <= {"integer", "null"} and "integer" in types:
        return "Int64"
    if types <= {"number", "integer", "null"} and "number" in types:
        return "Float64"
    return object


def _types(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _reader(column: str) -> Callable[[Mapping[str, Any], Mapping[str, Any]], Any]:
    """How a result column's value is read from a good record's compact and full rows."""
    if column in DECISIONS:
        return lambda compact, _: outcome_name(column, compact[column])
    if column == "errors":
        return lambda compact, _: None
    path = _path(column)
    source = 1 if column.startswith(_PROFILE) else 0

    def read(compact: Mapping[str, Any], full: Mapping[str, Any]) -> Any:
        value: Any = (compact, full)[source]
        for part in path:
            value = value[part]
        return value

    return read


class _Results:
    """The typed values of the result columns, found once per distinct part of an assessment.

    A column reads one field of the row, and each field of a row is one part of the assessment
    (its ``scope``, its ``principles``...; `copenhagen.batch.rows`). The assessor shares each
    part between the initiatives it fits, so a part keys its values: each column holds one
    value per distinct part (a slot), and each row points at its parts' slots. The parts are
    kept alive while their identities are keys.
    """

    __slots__ = (
        "_alive",
        "_columns",
        "_errors",
        "_full",
        "_groups",
        "_parts_of",
        "_readers",
        "_seen",
        "values",
    )

    def __init__(self, detail: Detail) -> None:
        from copenhagen.assessment import Assessment

        self._full = detail == "full"
        self._columns = result_columns(detail)
        self._readers = [_reader(column) for column in self._columns]
        fields: dict[str, list[int]] = {}
        for number, column in enumerate(self._columns):
            fields.setdefault(_path(column)[0], []).append(number)
        #: Each field of the row, with the result columns it holds.
        self._groups = tuple((field, tuple(numbers)) for field, numbers in fields.items())
        self._errors = [field for field, _ in self._groups].index("errors")
        # The part of the assessment each field shows (a good record's ``errors``: none).
        parts = attrs.fields_dict(Assessment)
        read = [operator.attrgetter(f) if f in parts else _none for f, _ in self._groups]
        self._parts_of: Callable[[Any], list[Any]] = lambda a: [get(a) for get in read]
        #: Per column, the value of each of its field's slots so far.
        self.values: list[list[Any]] = [[] for _ in self._columns]
        self._seen: list[dict[Any, int]] = [{} for _ in self._groups]
        self._alive: list[Any] = []

    @property
    def fields(self) -> int:
        """How many fields of the row the columns read."""
        return len(self._groups)

    def good(self, assessment: Any) -> list[int]:
        """The slot of each field for a good record's assessment."""
        parts = self._parts_of(assessment)
        keys = [_part_key(part) for part in parts]
        slots = [seen.get(key) for seen, key in zip(self._seen, keys, strict=True)]
        if None not in slots:
            return slots  # type: ignore[return-value]
        compact = compact_row(1, assessment)
        row = (compact, full_row(1, assessment) if self._full else compact)
        for index, slot in enumerate(slots):
            if slot is None:
                numbers = self._groups[index][1]
                self._alive.append(parts[index])
                for number in numbers:
                    self.values[number].append(self._readers[number](*row))
                slots[index] = self._seen[index][keys[index]] = len(self.values[numbers[0]]) - 1
        return slots  # type: ignore[return-value]

    def bad(self, errors: Sequence[tuple[str, str]]) -> list[int]:
        """The slot of each field for a bad record: nothing but its errors."""
        slots: list[int] = []
        for index, ((_, numbers), seen) in enumerate(zip(self._groups, self._seen, strict=True)):
            if index == self._errors:
                value: Any = [list(e) for e in errors]
            else:
                value = None
                slot = seen.get(_ABSENT)
                if slot is not None:
                    slots.append(slot)
                    continue
            for number in numbers:
                self.values[number].append(value)
            slot = len(self.values[numbers[0]]) - 1
            if index != self._errors:
                seen[_ABSENT] = slot
            slots.append(slot)
        return slots

    def frame(self, slots: Codes, index: pd.Index[Any]) -> pd.DataFrame:
        """The result columns: for each row, the values of its slots (``slots[row, field]``)."""
        import pandas as pd

        compact = row_schema("compact")
        full = row_schema("full" if self._full else "compact")
        columns: dict[str, Any] = {}
        for group, (_, numbers) in enumerate(self._groups):
            taken_by = slots[:, group]
            for number in numbers:
                column, found = self._columns[number], self.values[number]
                columns[column] = _typed_column(
                    found, taken_by, _dtype(column, _schema_of(column, compact, full))
                )
        return pd.DataFrame({c: columns[c] for c in self._columns}, index=index)


def _none(_: Any) -> None:
    return None


def _part_key(part: Any) -> Any:
    """What keys a part's values in `_Results`.

    A tuple (the recommendations, the warnings) is made afresh for each pattern of facts: it is
    keyed by what a row shows of it, its items' ids where they have one (contract section 6),
    else the items. Anything else is keyed by identity: the assessor shares it.
    """
    if type(part) is tuple:
        return tuple([i.id for i in part]) if part and hasattr(part[0], "id") else part
    return id(part)


def _typed_column(found: list[Any], slots: Codes, dtype: Any) -> Any:
    """One column: the value of each row's slot, as ``dtype``."""
    import numpy as np
    import pandas as pd

    if isinstance(dtype, pd.CategoricalDtype):
        lookup = {c: n for n, c in enumerate(dtype.categories)}
        codes = np.array([lookup.get(v, -1) for v in found], dtype=np.int16)
        return pd.Categorical.from_codes(codes[slots], dtype=dtype)
    if dtype is not object:
        return pd.array(found, dtype=dtype).take(slots)
    every = np.empty(len(found), dtype=object)
    for n, value in enumerate(found):  # (a list stays an item, not a dimension)
        every[n] = value
    # Rows with the same value share one list (REP-5): a cell is a value, to be copied
    # before it is changed in place.
    return every[slots]


# --------------------------------------------------------------------------- patterns


def _tests(assessor: Assessor, detail: Detail) -> tuple[list[tuple[str, Any]], list[str]]:
    """What the assessor's rules test of the facts, and the facts whose every value counts.

    Every rule set of the assessor and every recommendation rule's condition: a row's result
    columns follow from the classes of its facts under these tests (as the assessor's own
    tables are keyed). For ``full`` the participation profile also reports the facts its rule
    sets read as they are (the engaged stages, the ratings), so those count whole.
    """
    book = assessor.rules
    tests = [t for rule_set in book.engine_rule_sets() for t in rule_set.set_tests()]
    tests += [t for rule in book.recommendations for t in rule.when.set_tests()]
    exact: list[str] = []
    if detail == "full":
        from copenhagen.rules.facts import FACTS

        fields = {FACTS[k].field for rule_set in book.participation for k in rule_set.facts}
        exact = [key for key, fact in FACTS.items() if fact.field in fields]
    return tests, exact


def _classes(key: _Key, classify: Callable[[Any], Any], default: Any) -> Codes:
    """Each row's class of this key's loaded value (the field's default where it is absent)."""
    import numpy as np

    # A required field has no default: a row without it is refused whatever its class.
    seen: dict[Any, int] = {_ABSENT if default is attrs.NOTHING else classify(default): 0}
    table = [0]
    for value, accepted in zip(key.loaded, key.accepted, strict=True):
        table.append(seen.setdefault(classify(value), len(seen)) if accepted else 0)
    return np.asarray(table, dtype=np.intp)[key.codes + 1]


def _first_rows(codes: Codes, count: int) -> list[int]:
    """The first row having each code (``-1`` for a code no row has; codes below 0 skipped)."""
    import numpy as np

    found, first = np.unique(codes, return_index=True)
    rows = [-1] * count
    for code, row in zip(found.tolist(), first.tolist(), strict=True):
        if code >= 0:
            rows[code] = row
    return rows


def assess_frame(
    frame: pd.DataFrame,
    *,
    assessor: Assessor | None = None,
    detail: Detail = "compact",
) -> pd.DataFrame:
    """Assess every row of ``frame`` and return a copy with the result columns added.

    Args:
        frame: One initiative per row (see the module's description of the columns).
        assessor: The reading of the framework to assess with (the shipped rules by default).
        detail: ``"compact"`` adds `RESULT_COLUMNS`; ``"full"`` adds the participation
            profile's columns too (`result_columns`), as ``copenhagen batch --detail full``
            does in CSV.

    Returns:
        A new DataFrame with the same index and columns, plus the result columns: each
        decision's outcome by name (``undecided`` when it is not determinate, ``none`` when
        there is determinately none; a ``category``), whether it is determinate (``boolean``),
        its ``missing`` keys, the ``rules`` of its trace and its ``warnings`` (lists); each
        principle's assessed status (``status.<principle>``, a ``category``); the
        recommendations' ids and the warnings (lists); ``errors`` (``[path, message]`` pairs for
        a row that is not a valid document, else ``None``, with every other result column
        missing there); and the ``provenance`` digest. Every value is the one of the row
        ``copenhagen batch`` writes for the same document and assessor.

    Raises:
        ValueError: If ``frame`` already has a column of a result column's name, has two
            columns of one name, or gives a mapping both whole and over dotted columns.

    Examples:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"name": ["River watch"], "initiated_by": ["cso"]})
        >>> assess_frame(frame).loc[0, "modality"]
        'civic_action'
    """
    import numpy as np
    import pandas as pd

    from copenhagen.assessor import default_assessor
    from copenhagen.documents import InvalidInitiativeError, structure_initiative
    from copenhagen.model import Initiative
    from copenhagen.rules.abstraction import Abstraction

    assessor = assessor or default_assessor()
    if detail not in ("compact", "full"):
        raise ValueError(f"detail must be 'compact' or 'full', not {detail!r}")
    columns = result_columns(detail)
    clash = [name for name in columns if name in frame.columns]
    if clash:
        raise ValueError(f"the frame already has result columns: {', '.join(clash)}")

    size = len(frame)
    keys = _document_keys(frame)
    for key in keys:
        key.load()
    # A row every cell of which its key's hook accepts: the rest load one by one.
    accepted = np.ones(size, dtype=bool)
    for key in keys:
        accepted &= np.asarray([True, *key.accepted], dtype=bool)[key.codes + 1]

    # The pattern of a row: which keys it gives, and the class of each fact the rules test.
    tests, exact = _tests(assessor, detail)
    abstraction = Abstraction(tests, exact)
    by_name = {key.name: key for key in keys}
    defaults = {f.name: f.default for f in attrs.fields(Initiative)}
    parts = [(key.codes >= 0).astype(np.intp) for key in keys]
    for field in abstraction.fields():
        if field in by_name:
            classify = abstraction.field_classifier(field)
            parts.append(_classes(by_name[field], classify, defaults[field]))
    patterns, count = _combined(parts, size)

    # Which keys a row gives decides whether a document of accepted values is valid (a key
    # required, a key unknown): one row of each such pattern goes through the loader's door.
    present, presences = _combined(parts[: len(keys)], size)
    valid = np.zeros(presences + 1, dtype=bool)
    for presence, row in enumerate(_first_rows(np.where(accepted, present, -1), presences)):
        if row >= 0:
            try:
                structure_initiative(_document(keys, row))
                valid[presence] = True
            except InvalidInitiativeError:
                pass  # each such row is loaded on its own and says why
    good = accepted & valid[present]

    results = _Results(detail)
    assess = assessor.assess
    table = np.full((count, results.fields), -1, dtype=np.intp)
    named = [(key.name, key.codes, key.loaded) for key in keys]
    # Only good rows share their pattern's results: a refused cell can fall in the class of an
    # accepted one (a key no rule reads has one class), and its row must say why it is refused.
    for pattern, row in enumerate(_first_rows(np.where(good, patterns, -1), count)):
        if row >= 0:
            # The hooks' results make the initiative, as the loader makes it from them.
            values = {name: loaded[c] for name, codes, loaded in named if (c := codes[row]) >= 0}
            table[pattern] = results.good(assess(Initiative(**values)))
    slots = np.full((size, results.fields), -1, dtype=np.intp)
    slots[good] = table[patterns[good]]
    for row in np.flatnonzero(slots[:, 0] < 0).tolist():
        try:
            slots[row] = results.good(assess(structure_initiative(_document(keys, row))))
        except InvalidInitiativeError as error:
            slots[row] = results.bad(error.errors)
    added = results.frame(slots, frame.index)
    return pd.concat([frame, added], axis=1)
