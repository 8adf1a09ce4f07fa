"""Shared test set-up: hypothesis profiles and the path of the framework text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# `dev` keeps the local loop fast; `ci` (selected when CI is set) searches far more widely.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK_TEXT = ROOT.parent / "shared" / "framework" / "copenhagen-framework-v1.0.txt"


@pytest.fixture(scope="session")
def framework_text() -> str:
    """The framework's text, read from the shared folder beside the repository."""
    if not FRAMEWORK_TEXT.is_file():
        pytest.skip(f"framework text not found at {FRAMEWORK_TEXT} (it is not kept in the repo)")
    return FRAMEWORK_TEXT.read_text(encoding="utf-8")
