"""The web form in a real headless Chromium (Playwright), filled in as a person would.

Three cases: a civic action (JavaScript on, status updating in place), an NSO-driven case left
undecided (JavaScript off, plain posts) and an out-of-scope case (keyboard only). Each checks the
decisions shown, downloads the document and loads it again with `load_initiative`, and takes
screenshots at 1280 and 390 px wide into ``$COPENHAGEN_SCREENSHOTS`` (a temporary folder when
unset). axe-core checks the pages when its script is found (``$COPENHAGEN_AXE_JS``, or
``.ci/node/node_modules/axe-core/axe.min.js`` as `.ci/run` installs it).

Locally the tests skip without Chromium; under CI (``CI`` set) a missing browser fails them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from copenhagen import Modality, NSOCategory, Scope, load_initiative

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")

ROOT = Path(__file__).resolve().parents[2]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (1280, 390)
AXE = Path(
    os.environ.get("COPENHAGEN_AXE_JS") or ROOT / ".ci/node/node_modules/axe-core/axe.min.js"
)

pytestmark = pytest.mark.slow


def _chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    reason = "no Chromium found (looked for /usr/bin/chromium and chromium on PATH)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install Debian's chromium (see .ci/run)")
    pytest.skip(f"{reason}; install it with apt-get install chromium")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from copenhagen.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("COPENHAGEN_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_page(browser: Any, width: int = 1280, **options: Any) -> Any:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, accept_downloads=True, **options
    )
    return context.new_page()


def decision(page: Any, key: str) -> str:
    return str(page.locator(f"#status-{key}").inner_text())


def screenshots(browser: Any, shots: Path, name: str, fill: Any, **options: Any) -> None:
    """Fill the form afresh at each width and take a full-page screenshot of it."""
    for width in WIDTHS:
        page = new_page(browser, width, **options)
        fill(page)
        path = shots / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=width == 390)
        assert path.stat().st_size > 10_000
        page.context.close()


def download(page: Any, button: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(str(target))
    return target


# -- case 1: civic action, JavaScript on --------------------------------------------------


def fill_civic_action(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("What is the initiative called?").fill("Neighbourhood air watch")
    page.get_by_label("In which country does it take place?").fill("KE")
    who = page.locator("#q-initiated_by")
    who.get_by_label("Citizens", exact=True).check()
    who.get_by_label("Communities", exact=True).check()
    page.locator("#q-partners").get_by_label("None of these").check()
    stages = page.locator("#q-engaged_stages")
    for stage in ("Design", "Data collection", "Analysis and dissemination"):
        stages.get_by_label(stage, exact=True).check()
    page.locator("#q-meaningful_engagement").get_by_label("Yes", exact=True).check()
    page.locator("#q-integrated_into_official_statistics").get_by_label("No", exact=True).check()
    page.locator("#q-quality_assured").get_by_label("No", exact=True).check()
    # No button pressed: the panel updates in place.
    playwright_api.expect(page.locator("#status-nso_category")).to_contain_text("Independent")


def test_civic_action_with_javascript(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    page = new_page(browser)
    fill_civic_action(page, server)
    assert "Decided: in scope" in decision(page, "scope")
    assert "1 Civic action" in decision(page, "modality")
    assert "3 Independent" in decision(page, "nso_category")
    assert "Every decision is settled" in page.locator("#status").inner_text()
    page.get_by_role("button", name="See the report").click()
    playwright_api.expect(page.locator("h1")).to_have_text("Assessment: Neighbourhood air watch")
    saved = download(page, "Download the document (YAML)", tmp_path)
    initiative = load_initiative(saved)
    assert initiative.name == "Neighbourhood air watch"
    assert initiative.partners == frozenset()
    report = download(page, "Download this report (HTML)", tmp_path)
    assert "Civic action" in report.read_text(encoding="utf-8")
    from copenhagen import assess

    assessment = assess(initiative)
    assert assessment.scope.outcome is Scope.IN_SCOPE
    assert assessment.modality.outcome is Modality.CIVIC_ACTION
    assert assessment.nso_category.outcome is NSOCategory.INDEPENDENT
    page.screenshot(path=str(shots / "civic-action-report-1280.png"))
    page.context.close()
    screenshots(browser, shots, "civic-action-form", lambda p: fill_civic_action(p, server))


# -- case 2: undecided NSO-driven collaboration, JavaScript off ---------------------------


def fill_nso_driven(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("What is the initiative called?").fill("Disability survey with OPDs")
    page.locator("#q-initiated_by").get_by_label("National statistical office").check()
    page.locator("#q-partners").get_by_label("Civil society organisations").check()
    page.locator("#q-partners").get_by_label("These (tick below):").check()
    page.get_by_role("button", name="Check my answers").click()


def test_undecided_nso_case_without_javascript(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    page = new_page(browser, java_script_enabled=False)
    fill_nso_driven(page, server)
    for key in ("scope", "modality", "nso_category"):
        assert "Not decided yet: undecided" in decision(page, key)
    asked = page.locator(".open-questions li").all_inner_texts()
    assert asked[0].startswith("In which stages of the data value chain")
    assert asked[1].startswith("Is that engagement sufficient and meaningful")
    assert len(asked) == 4
    # The answers survived the round trip through the server.
    assert page.locator("#q-partners-cso").is_checked()
    saved = download(page, "Download the document (JSON)", tmp_path)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document == {
        "name": "Disability survey with OPDs",
        "initiated_by": ["nso"],
        "partners": ["cso"],
    }
    initiative = load_initiative(saved)
    assert initiative.engaged_stages is None
    page.context.close()
    screenshots(
        browser,
        shots,
        "nso-undecided-form",
        lambda p: fill_nso_driven(p, server),
        java_script_enabled=False,
    )


# -- case 3: out of scope, keyboard only --------------------------------------------------


def tab_to(page: Any, element_id: str, limit: int = 600) -> None:
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach #{element_id} with the Tab key")


def radio_to(page: Any, group_first_id: str, target_id: str) -> None:
    """Tab into a radio group, then move with the arrow keys until ``target_id`` is chosen."""
    for _ in range(600):
        active = page.evaluate("document.activeElement && document.activeElement.name")
        if active and page.locator(f"#{group_first_id}").get_attribute("name") == active:
            break
        page.keyboard.press("Tab")
    for _ in range(6):
        if page.locator(f"#{target_id}").is_checked():
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"could not choose #{target_id} with the arrow keys")


def fill_out_of_scope(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.locator("body").click(position={"x": 1, "y": 1})
    tab_to(page, "q-name-input")
    page.keyboard.type("Shopping app opinion poll")
    tab_to(page, "q-initiated_by-academia")
    page.keyboard.press("Space")
    radio_to(page, "q-partners-dont-know", "q-partners-chosen")
    tab_to(page, "q-partners-private_sector")
    page.keyboard.press("Space")
    radio_to(page, "q-engaged_stages-dont-know", "q-engaged_stages-none")
    tab_to(page, "q-name-input")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Enter in a text field sends the form ("Check my answers")
    page.wait_for_load_state()
    playwright_api.expect(page.locator("#status-scope")).to_contain_text("out of scope")


def test_out_of_scope_by_keyboard_only(
    browser: Any, server: str, shots: Path, tmp_path: Path
) -> None:
    page = new_page(browser)
    fill_out_of_scope(page, server)
    assert "Decided: out of scope" in decision(page, "scope")
    assert "none (out of scope)" in decision(page, "modality")
    assert "none (out of scope)" in decision(page, "nso_category")
    tab_to(page, "q-name-input")
    for _ in range(800):  # on to the download button, by keyboard
        label = page.evaluate("document.activeElement && document.activeElement.textContent")
        if label == "Download the document (YAML)":
            break
        page.keyboard.press("Tab")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(str(saved))
    initiative = load_initiative(saved)
    assert initiative.engaged_stages == frozenset()
    assert {a.value for a in initiative.partners} == {"private_sector"}
    page.context.close()
    screenshots(browser, shots, "out-of-scope-form", lambda p: fill_out_of_scope(p, server))


def test_the_result_page_on_a_phone(browser: Any, server: str, shots: Path) -> None:
    page = new_page(browser, 390)
    fill_nso_driven(page, server)
    page.get_by_role("button", name="See the report").click()
    playwright_api.expect(page.locator("#decisions")).to_contain_text("undecided")
    page.screenshot(path=str(shots / "nso-undecided-report-390.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page is {width} px wide on a 390 px screen"
    page.context.close()


# -- accessibility --------------------------------------------------------------------------


def test_axe_finds_no_violations(browser: Any, server: str) -> None:
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE}; the HTML checks in test_app.py still ran")
    script = AXE.read_text(encoding="utf-8")
    page = new_page(browser, bypass_csp=True)
    problems = []
    for fill in (fill_civic_action, fill_nso_driven):
        fill(page, server)
        page.evaluate(script)
        found = page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']}))"
            ".violations.map(v => v.id + ': ' + v.nodes.length + ' ' + v.help)"
        )
        problems += found
    page.get_by_role("button", name="See the report").click()
    page.evaluate(script)
    problems += page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}))"
        ".violations.map(v => 'report ' + v.id + ': ' + v.help)"
    )
    page.context.close()
    assert problems == []
