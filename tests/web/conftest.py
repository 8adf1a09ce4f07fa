"""A test client for the web questionnaire, and helpers to post as its own pages do."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")

from starlette.testclient import TestClient

from copenhagen.web import create_app

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A client that keeps the cookie and the latest page's CSRF token, as a browser does."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = ""

    def get(self, url: str = "/") -> Any:
        response = self.client.get(url)
        self._remember(response.text)
        return response

    def post(self, url: str, data: dict[str, Any], **kwargs: Any) -> Any:
        response = self.client.post(url, data={"csrf_token": self.token, **data}, **kwargs)
        self._remember(response.text)
        return response

    def _remember(self, text: str) -> None:
        found = TOKEN.search(text)
        if found:
            self.token = found.group(1)


@pytest.fixture
def browser() -> Browser:
    b = Browser(TestClient(create_app()))
    b.get()
    return b
