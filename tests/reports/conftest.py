"""An assessment whose name and description hold markup, for the escaping tests."""

from __future__ import annotations

from typing import Any

import pytest

from copenhagen import assess, load_initiative

HOSTILE_NAME = '<script>alert("x")</script> **bold** [link](http://evil.example) `code` & | pipe'


@pytest.fixture(scope="module")
def hostile() -> dict[str, Any]:
    """The ``to_dict()`` of an assessment whose user strings hold markup."""
    initiative = load_initiative(
        {
            "name": HOSTILE_NAME,
            "description": "<img src=x onerror=alert(1)> # heading",
            "initiated_by": ["cso"],
            "partners": ["nso"],
            "engaged_stages": ["design", "collection"],
            "meaningful_engagement": True,
            "integrated_into_official_statistics": False,
            "quality_assured": True,
            "principles": {"informed_consent": "met", "data_security": "not_met"},
            "extra": {"<b>": "</table><script>"},
        }
    )
    return assess(initiative).to_dict()
