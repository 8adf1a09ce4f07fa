"""Headless Chromium for the tests: finding the browser, and driving one page over DevTools.

`chromium()` finds the binary: locally a test skips when there is none; under CI (the ``CI``
environment variable set) a missing browser fails it, since `.ci/run` installs Debian's
``chromium``. `Browser` speaks the DevTools protocol over the pipe Chromium opens with
``--remote-debugging-pipe`` (file descriptors 3 and 4, messages ended by a NUL byte), so the
tests need no package beyond the standard library and no network port.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")

__all__ = ["NAMES", "Browser", "chromium"]


def chromium() -> str:
    """The path of a Chromium binary; skips (locally) or fails (under CI) without one."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    reason = f"no Chromium binary found on PATH (looked for {', '.join(NAMES)})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install Debian's chromium (see .ci/run)")
    pytest.skip(f"{reason}; install chromium to run this check")


class Browser:
    """One headless Chromium with one page, driven over the DevTools pipe.

    Use it as a context manager; every call waits at most ``timeout`` seconds for its answer.
    """

    def __init__(self, profile: Path, *, width: int = 1280, height: int = 900) -> None:
        self.timeout = 60.0
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:
            # In the child, before exec: Chromium reads commands from fd 3 and writes answers to
            # fd 4. Lifting both ends above 9 first keeps the two moves from overwriting each
            # other; the pipes' own descriptors close on exec, as Python opens them.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self._process = subprocess.Popen(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # closing would close fds 3 and 4 after `wire` set them up
            preexec_fn=wire,  # the child runs nothing else before exec
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the browser (it started only for this object)."""
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _message(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed its DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command (to the page when ``session``) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._message()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self._events.append(answer)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command to the page and return its result."""
        return self.call(method, session=True, **params)

    def _wait_for(self, event: str) -> None:
        for n, message in enumerate(self._events):
            if message.get("method") == event:
                del self._events[: n + 1]
                return
        self._events.clear()
        while self._message().get("method") != event:
            pass

    def open(self, url: str) -> None:
        """Load ``url`` and wait until the page has loaded."""
        self._events.clear()
        navigated = self.send("Page.navigate", url=url)
        if "errorText" in navigated:
            raise RuntimeError(f"{url}: {navigated['errorText']}")
        if "loaderId" in navigated:  # a move within the same page loads nothing
            self._wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, seconds: float = 20.0) -> Any:
        """The first truthy value of ``expression``, asked every tenth of a second."""
        deadline = time.monotonic() + seconds
        while True:
            value = self.evaluate(expression)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.1)

    def click(self, selector: str) -> None:
        """Click the first element matching ``selector`` and wait for the page it opens."""
        self._events.clear()
        clicked = self.evaluate(
            f"(() => {{ const a = document.querySelector({json.dumps(selector)}); "
            "if (!a) return false; a.click(); return true; })()"
        )
        if not clicked:
            raise RuntimeError(f"nothing to click: {selector}")
        self._wait_for("Page.loadEventFired")

    def screenshot(self, path: Path) -> None:
        """Save a PNG of what the window shows at ``path``."""
        shot = self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
