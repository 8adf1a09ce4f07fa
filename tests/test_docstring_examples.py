"""The ``Examples:`` of every docstring run and print what they show (doctest)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import copenhagen

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(copenhagen.__path__, "copenhagen.")
    if not m.name.endswith("__main__")  # running it would run the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, report=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
