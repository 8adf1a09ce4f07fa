"""The web form's defences: CSRF tokens, a limit on request size, and strict response headers.

Nothing is stored on the server: the CSRF defence is a signed double-submit token. Each browser
gets a random value in a ``SameSite=Strict`` cookie; every form carries that value's HMAC under a
key that lives only in the running process; a post is accepted only when the two match (and,
when the browser says where the post comes from, it comes from this site).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import attrs

__all__ = [
    "COOKIE",
    "FIELD",
    "HEADERS",
    "BodyLimit",
    "CsrfTokens",
]

#: The cookie holding the browser's random value.
COOKIE = "copenhagen_csrf"
#: The form field holding its signature.
FIELD = "csrf_token"

#: Sent with every response: no framing, no sniffing, no referrer abroad, scripts only from here.
HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
        # The HTML report carries its own inline style sheet (it must open from a file too).
        "style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # "no-referrer" would make posts say "Origin: null"
    "Cache-Control": "no-store",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@attrs.frozen(slots=True)
class CsrfTokens:
    """Issues and checks CSRF tokens under one secret key.

    Attributes:
        key: The signing key; a new random one for each application by default.
    """

    key: bytes = attrs.field(factory=lambda: secrets.token_bytes(32), repr=False)

    @staticmethod
    def new_value() -> str:
        """A fresh random value for a browser's cookie."""
        return secrets.token_urlsafe(32)

    def token(self, value: str) -> str:
        """The token a form carries for the cookie ``value``."""
        return hmac.new(self.key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def valid(self, value: str | None, token: str | None) -> bool:
        """Whether ``token`` is the signature of the cookie ``value``."""
        if not value or not token:
            return False
        return hmac.compare_digest(self.token(value), token)


class _TooLargeError(Exception):
    pass


@attrs.define
class BodyLimit:
    """ASGI middleware: refuse a request whose body is larger than ``limit`` bytes (413).

    The declared ``Content-Length`` is checked first; the body is counted as it arrives as well,
    since a client may send more than it declares or send it in chunks.
    """

    app: ASGIApp
    limit: int

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer 413."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and not declared.isdigit():
            await _answer(send, 400, "The request's Content-Length is not a number.\n")
            return
        if declared is not None and int(declared) > self.limit:
            await _refuse(send, self.limit)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLargeError
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLargeError:
            if not started:
                await _refuse(send, self.limit)


async def _refuse(send: Send, limit: int) -> None:
    text = f"The request is too large: this form accepts at most {limit // 1024} KiB.\n"
    await _answer(send, 413, text)


async def _answer(send: Send, status: int, text: str) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})
