"""The built docs site, shared by the tests of tests/docs: built once per test run.

The site is built with ``mkdocs build --strict`` into the run's temporary folder. Under
pytest-xdist every worker asks for it; a lock lets the first build it and the others wait and
reuse it, so a run builds the site once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["Link", "build_site", "internal_links", "page_ids", "target"]


def build_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of the built site (its folder, holding ``index.html``)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder every worker's temporary folder sits in
    site, done = shared / "docs-site", shared / "docs-site.built"
    with (shared / "docs-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            run = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
            )
            assert run.returncode == 0, run.stderr[-4000:]
            done.write_text("ok\n", encoding="utf-8")
    return site


@attrs.frozen
class Link:
    """One link or resource reference in a page of the site."""

    page: Path
    tag: str
    url: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src") and tag not in ("base",):
                self.refs.append((tag, value))
            elif name in ("id", "name"):
                self.ids.add(value)


def _parse(page: Path) -> _Collector:
    collector = _Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def internal_links(site: Path) -> list[Link]:
    """Every reference in the site's pages that points inside the site."""
    links = []
    for page in sorted(site.rglob("*.html")):
        for tag, url in _parse(page).refs:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("#", "//")):
                continue  # another site, or a place on the same page
            links.append(Link(page, tag, url))
    return links


def page_ids(page: Path) -> set[str]:
    """The ids (and names) a page defines, which a link's ``#fragment`` may name."""
    return _parse(page).ids


def target(link: Link) -> tuple[Path, str]:
    """The file a link opens from disk, and its fragment."""
    parts = urlsplit(link.url)
    path = unquote(parts.path)
    return (link.page.parent / path).resolve() if path else link.page, parts.fragment
