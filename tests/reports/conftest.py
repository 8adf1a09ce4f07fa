"""An assessment whose name and description hold markup, for the escaping tests."""

from __future__ import annotations

from typing import Any

import pytest

from copenhagen import assess, load_initiative
from copenhagen.assessment import Assessment

HOSTILE_NAME = '<script>alert("x")</script> **bold** [link](http://evil.example) `code` & | pipe'
HOSTILE_DESCRIPTION = "<img src=x onerror=alert(1)> # heading\n- item"

HOSTILE_DOCUMENT: dict[str, Any] = {
    "name": HOSTILE_NAME,
    "description": HOSTILE_DESCRIPTION,
    "country": "KE",
    "initiated_by": ["cso"],
    "partners": ["nso"],
    "engaged_stages": ["design", "collection"],
    "meaningful_engagement": True,
    "integrated_into_official_statistics": False,
    "quality_assured": True,
    "principles": {"informed_consent": "met", "data_security": "not_met"},
    "extra": {"<b>": "</table><script>"},
}


@pytest.fixture(scope="module")
def hostile_assessment() -> Assessment:
    """The assessment of an initiative whose user strings hold markup."""
    return assess(load_initiative(HOSTILE_DOCUMENT))


@pytest.fixture(scope="module")
def hostile(hostile_assessment: Assessment) -> dict[str, Any]:
    """The ``to_dict()`` of an assessment whose user strings hold markup."""
    return hostile_assessment.to_dict()
