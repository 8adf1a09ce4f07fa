"""The pytest plugin: every ``*.cases.yaml`` file a collection of test items, one per case.

Registered under the entry point ``pytest11`` named ``copenhagen``, so installing the library is
enough for ``pytest`` to pick case files up in the folders it searches (contract section 7). A
file that is not valid is a collection error naming the file and each problem's line; a failing
case shows what was expected, what came, and the trace of each decision involved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from copenhagen.cases.files import Case, CaseFile

__all__ = ["CaseFailedError", "CaseFileCollector", "CaseItem", "pytest_collect_file"]

#: How a case file's name ends.
SUFFIX = ".cases.yaml"


class CaseFailedError(AssertionError):
    """A case whose assessment does not meet what it expects (the message says how)."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CaseFileCollector | None:
    """Collect ``*.cases.yaml`` files."""
    if file_path.name.endswith(SUFFIX):
        collector: CaseFileCollector = CaseFileCollector.from_parent(parent, path=file_path)
        return collector
    return None


class CaseFileCollector(pytest.File):
    """One case file: its cases, each a `CaseItem`."""

    def collect(self) -> Iterator[CaseItem]:
        """Read and check the file, then give one item per case, in the file's order."""
        from copenhagen.cases.files import load_case_file

        suite = load_case_file(self.path)
        for case in suite.cases:
            item: CaseItem = CaseItem.from_parent(self, name=case.name, case=case, suite=suite)
            yield item

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> Any:
        """An invalid case file is shown as its problems, each with its line (no traceback)."""
        from copenhagen.cases.files import InvalidCaseFileError

        if isinstance(excinfo.value, InvalidCaseFileError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class CaseItem(pytest.Item):
    """One case of a case file."""

    def __init__(self, *, case: Case, suite: CaseFile, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.suite = suite

    def runtest(self) -> None:
        """Assess the case's initiative and compare what it expects."""
        mismatches = self.suite.check(self.case)
        if mismatches:
            raise CaseFailedError(self.suite.report(self.case, mismatches))

    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> Any:
        """A failing case is shown as expected, got and the trace (no traceback)."""
        if isinstance(excinfo.value, CaseFailedError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Any, int | None, str]:
        """Where the case is: its file and line."""
        return self.path, self.case.line - 1, f"case: {self.case.name}"
