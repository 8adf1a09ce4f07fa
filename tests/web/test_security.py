"""CSRF tokens and the request size limit, on their own."""

from __future__ import annotations

import asyncio
from typing import Any

from copenhagen.web.security import BodyLimit, CsrfTokens


def test_a_token_is_valid_only_for_its_value_and_key() -> None:
    tokens = CsrfTokens()
    value = tokens.new_value()
    assert tokens.valid(value, tokens.token(value))
    assert not tokens.valid(value, tokens.token(value + "x"))
    assert not tokens.valid(value, CsrfTokens().token(value))
    assert not tokens.valid("", tokens.token(""))
    assert not tokens.valid(value, None)


def _run(limit: int, chunks: list[bytes], headers: list[tuple[bytes, bytes]]) -> list[Any]:
    sent: list[Any] = []
    read: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            read.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    messages = [
        {"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    ]

    async def receive() -> Any:
        return messages.pop(0)

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {"type": "http", "headers": headers}
    asyncio.run(BodyLimit(app, limit)(scope, receive, send))
    return sent


def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    sent = _run(10, [b"x" * 11], [(b"content-length", b"11")])
    assert sent[0]["status"] == 413


def test_a_body_sent_in_chunks_past_the_limit_is_refused() -> None:
    sent = _run(10, [b"x" * 6, b"x" * 6], [])
    assert sent[0]["status"] == 413


def test_a_body_within_the_limit_passes() -> None:
    sent = _run(10, [b"x" * 5, b"x" * 5], [(b"content-length", b"10")])
    assert sent[0]["status"] == 200


def test_a_malformed_length_is_refused() -> None:
    assert _run(10, [b""], [(b"content-length", b"-1")])[0]["status"] == 400
