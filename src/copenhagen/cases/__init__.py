"""Case files: initiatives with the results a reading should give them, checked on every change.

A methodologist writes down cases — an initiative document and what the scope, modality, NSO
category, missing facts, deciding rules, principles and warnings should be — in a file named
``*.cases.yaml`` (contract section 7). The pytest plugin that the package registers
(`copenhagen.cases.plugin`, entry point ``pytest11`` named ``copenhagen``) collects each case as
one test item, so the cases run with the rest of a test suite; a failing case shows what was
expected, what came and the trace. `load_case_file` reads and checks a file (a file that is not
valid raises `InvalidCaseFileError`, naming each problem's line); `CaseFile.check` runs one case.
"""

from __future__ import annotations

from copenhagen.cases.files import (
    DECISIONS,
    Case,
    CaseFile,
    InvalidCaseFileError,
    Mismatch,
    load_case_file,
)

__all__ = ["DECISIONS", "Case", "CaseFile", "InvalidCaseFileError", "Mismatch", "load_case_file"]
