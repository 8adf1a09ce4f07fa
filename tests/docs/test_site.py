"""The built docs site works when opened from disk, and its pages fit a 1280-pixel window.

The README promises a site that works offline (`make docs`, then open ``site/index.html``). From
``file://`` no server turns a folder into its ``index.html``, so every link must name a file
(``use_directory_urls: false``). One check reads the built HTML in Python; the others open it in
headless Chromium (`tests.chromium`): skipped locally without a browser, required under CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chromium import Browser
from tests.docs.site import build_site, internal_links, page_ids, target

# The 404 page is for a web server, which serves it for any missing address: its links are
# absolute from the server's root on purpose, and a reader from disk never reaches it.
SERVER_ONLY = {"404.html"}

# What the page's content may be, measured in the browser: the content column, each table's
# scrolling wrapper, and the whole document. Code blocks (<pre>) may scroll sideways: a long line
# of code is better scrolled than broken.
_MEASURE = """(() => {
  const content = document.querySelector('.md-content');
  const wide = e => e.scrollWidth > e.clientWidth + 1;
  const tables = [...document.querySelectorAll('.md-content .md-typeset__scrollwrap')];
  // A key or name (letters, digits, "_" and "."): it must not be cut across lines. Paths and
  // hyphenated names may wrap at their "/" and "-", as text does.
  const cut = [...document.querySelectorAll('.md-content td code')]
    .filter(c => /^[\\w.]+$/.test(c.textContent) && c.getClientRects().length > 1)
    .map(c => c.textContent);
  return {
    // A page of the theme has a content column; a report the site ships is a page of its own.
    content: content === null || !wide(content),
    tables: tables.filter(wide).map(t => t.scrollWidth + ' > ' + t.clientWidth),
    page: document.documentElement.scrollWidth <= window.innerWidth,
    cut: cut,
  };
})()"""

_NAV = """[...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]
  .map(a => a.href.split('#')[0])"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name not in SERVER_ONLY)


def test_every_internal_link_resolves_to_a_file(site: Path) -> None:
    links = [link for link in internal_links(site) if link.page.name not in SERVER_ONLY]
    assert len(links) > 1000  # every page links the whole nav: a handful would mean a broken build
    ids: dict[Path, set[str]] = {}
    problems = []
    for link in links:
        path, fragment = target(link)
        where = f"{link.page.relative_to(site)}: <{link.tag}> {link.url}"
        if path.is_dir():
            problems.append(f"{where} opens a folder, which a browser lists from disk")
        elif not path.is_file():
            problems.append(f"{where} names no file")
        elif fragment and path.suffix == ".html":
            if path not in ids:
                ids[path] = page_ids(path)
            if fragment not in ids[path]:
                problems.append(f"{where}: the page has no #{fragment}")
    assert not problems, "\n".join(problems[:40])


def test_the_nav_can_be_followed_from_disk(site: Path, tmp_path: Path) -> None:
    with Browser(tmp_path / "profile") as browser:
        browser.open((site / "index.html").as_uri())
        nav = list(dict.fromkeys(browser.evaluate(_NAV)))
        assert len(nav) >= 40, nav
        assert all(url.startswith("file://") and url.endswith(".html") for url in nav), nav
        # Follow the pages as a reader does, by the "next" link under each one.
        visited = [browser.evaluate("location.href.split('#')[0]")]
        while browser.evaluate("document.querySelector('a.md-footer__link--next') !== null"):
            browser.click("a.md-footer__link--next")
            here = browser.evaluate("location.href.split('#')[0]")
            assert here.startswith("file://"), here
            title = browser.evaluate("document.querySelector('.md-content h1')?.textContent")
            assert title, f"{here} shows no page (a folder listing?)"
            visited.append(here)
        # The "next" links lead through every page of the nav, in its order.
        assert visited == nav


def test_search_works_from_disk(site: Path, tmp_path: Path) -> None:
    # The theme's search runs in a Web Worker, which a page from file:// may not start: the
    # vendored iframe-worker shim and the offline plugin's search_index.js make it work.
    with Browser(tmp_path / "profile") as browser:
        browser.open((site / "guides" / "cli.html").as_uri())
        browser.evaluate(
            "(() => { const box = document.querySelector('.md-search__input'); box.focus();"
            " box.value = 'informed consent';"
            " box.dispatchEvent(new Event('input', {bubbles: true})); return 0; })()"
        )
        found = browser.wait_until(
            "[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)"
        )
        assert found, browser.evaluate(
            "document.querySelector('.md-search-result__meta')?.textContent"
        )
        assert all(url.startswith("file://") for url in found), found
        first = found[0].split("#")[0]
        browser.open(found[0])
        assert browser.evaluate("location.href.split('#')[0]") == first
        assert browser.evaluate("document.querySelector('.md-content h1') !== null"), first


def test_every_page_fits_1280_pixels(site: Path, tmp_path: Path) -> None:
    problems = []
    with Browser(tmp_path / "profile", width=1280, height=900) as browser:
        for page in _pages(site):
            browser.open(page.as_uri())
            found = browser.evaluate(_MEASURE)
            name = str(page.relative_to(site))
            if not found["content"]:
                problems.append(f"{name}: the content is wider than its column")
            if found["tables"]:
                problems.append(f"{name}: tables wider than the page: {found['tables']}")
            if not found["page"]:
                problems.append(f"{name}: the page scrolls sideways")
            if found["cut"]:
                problems.append(f"{name}: identifiers broken across lines: {found['cut'][:5]}")
            if browser.evaluate("document.querySelector('.md-content table') !== null"):
                shot = tmp_path / (name.replace("/", "_") + ".png")
                browser.screenshot(shot)  # kept in the test's folder, for a person to look at
                assert shot.stat().st_size > 10_000, name
    assert not problems, "\n".join(problems)
