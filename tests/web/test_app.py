"""The web questionnaire: the form, its status, the result page, downloads and uploads."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from copenhagen import assess, dump_initiative, load_initiative
from copenhagen.reports._view import outcome_text
from tests.web.conftest import Browser

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert("x")</script> & "quotes"'


class Fields(HTMLParser):
    """Every form control of a page, the labels' targets, and the open fieldsets' legends."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append(a)
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))
        if tag == "script":
            self.scripts.append(a)


def fields(html: str) -> Fields:
    parser = Fields()
    parser.feed(html)
    return parser


def test_the_form_labels_every_field_and_runs_only_bundled_script(browser: Browser) -> None:
    page = browser.get().text
    found = fields(page)
    assert len(found.controls) > 100
    unlabelled = [c for c in found.controls if c.get("id") not in found.label_for]
    assert unlabelled == []
    ids = [c["id"] for c in found.controls]
    assert len(ids) == len(set(ids))
    assert found.scripts == [{"src": "/static/form.js", "defer": None}]


def test_every_question_offers_dont_know(browser: Browser) -> None:
    import re

    from copenhagen.questionnaire import Widget, questions

    page = browser.get().text
    for q in questions():
        if q.widget in (Widget.CHECKBOXES, Widget.RADIOS):
            assert f'id="{q.field_id}-dont-know"' in page, q.key
        elif q.widget is Widget.SELECT:
            select = re.search(f'<select id="{q.field_id}-input".*?</select>', page, re.DOTALL)
            assert select is not None, q.key
            assert '<option value="" selected>Don&#39;t know</option>' in select.group(0)
        elif not q.required:  # free text: left empty
            block = page[page.index(f'id="{q.field_id}"') :][:800]
            assert "Leave it empty if you don't know." in block, q.key


def test_responses_carry_the_security_headers(browser: Browser) -> None:
    response = browser.get()
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    cookie = response.headers.get("set-cookie") or ""
    assert "samesite=strict" in cookie.lower() or browser.client.cookies.get("copenhagen_csrf")


def test_a_post_without_the_token_is_refused(browser: Browser) -> None:
    response = browser.client.post("/", data={"name": "X", "initiated_by": "cso"})
    assert response.status_code == 403
    forged = browser.client.post("/", data={"csrf_token": "0" * 64, "name": "X"})
    assert forged.status_code == 403


def test_a_post_from_another_site_is_refused(browser: Browser) -> None:
    response = browser.post("/", {"name": "X"}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_a_token_from_another_server_is_refused(browser: Browser) -> None:
    from starlette.testclient import TestClient

    from copenhagen.web import create_app

    other = TestClient(create_app())
    other.cookies.update(browser.client.cookies)
    assert other.post("/", data={"csrf_token": browser.token, "name": "X"}).status_code == 403


def test_the_status_shows_the_librarys_decisions(browser: Browser) -> None:
    document = {"name": "Beach", "initiated_by": ["cso"], "partners": ["nso"]}
    response = browser.post("/preview", {"name": "Beach", "initiated_by": "cso", "partners": "nso"})
    assert response.status_code == 200
    data = assess(load_initiative(document)).to_dict()
    for key in ("scope", "modality", "nso_category"):
        assert outcome_text(key, data[key]) in response.text
    assert "Not decided yet" in response.text
    assert 'href="#q-integrated_into_official_statistics"' in response.text


def test_every_user_string_is_escaped(browser: Browser) -> None:
    answers = {"name": HOSTILE, "description": HOSTILE, "initiated_by": "cso", "action": "check"}
    page = browser.post("/", answers).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    report = browser.post("/", answers | {"action": "report"}).text
    assert "<script>alert" not in report
    assert "&lt;script&gt;" in report


def test_errors_point_at_their_questions(browser: Browser) -> None:
    page = browser.post("/", {"initiated_by": "alien", "country": "Kenya"}).text
    assert 'href="#q-initiated_by"' in page
    assert 'href="#q-name"' in page
    assert 'href="#q-country"' in page
    assert "is not an actor" in page


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_document_downloads_and_loads_again(browser: Browser, fmt: str) -> None:
    answers = {
        "name": "Beach litter",
        "initiated_by": "cso",
        "partners": "nso",
        "engaged_stages": ["design", "collection"],
        "meaningful_engagement": "true",
        "action": fmt,
    }
    response = browser.post("/", answers)
    assert response.status_code == 200
    assert response.headers["content-disposition"] == f'attachment; filename="beach-litter.{fmt}"'
    data = yaml.safe_load(response.text) if fmt == "yaml" else json.loads(response.text)
    initiative = load_initiative(data)
    assert initiative.engaged_stages is not None
    assert {s.value for s in initiative.engaged_stages} == {"design", "collection"}


def test_the_result_page_is_the_report_with_downloads(browser: Browser) -> None:
    page = browser.post("/", {"name": "Beach", "initiated_by": "cso", "action": "report"}).text
    assert '<section id="decisions">' in page
    assert 'value="markdown"' in page
    document = json.dumps({"name": "Beach", "initiated_by": ["cso"]})
    html = browser.post("/result", {"document": document, "action": "html"})
    assert html.headers["content-disposition"] == 'attachment; filename="beach-report.html"'
    assert "<h1>Assessment: Beach</h1>" in html.text
    markdown = browser.post("/result", {"document": document, "action": "markdown"})
    assert markdown.text.startswith("# ")
    edit = browser.post("/result", {"document": document, "action": "edit"})
    assert 'value="Beach"' in edit.text


def test_a_tampered_result_document_is_refused(browser: Browser) -> None:
    response = browser.post("/result", {"document": '{"name": 3}', "action": "yaml"})
    assert response.status_code == 403


def upload(browser: Browser, name: str, content: bytes) -> Any:
    return browser.post("/upload", {}, files={"document": (name, content, "text/plain")})


def test_an_uploaded_document_fills_the_form(browser: Browser) -> None:
    path = ROOT / "examples" / "ghana-marine-litter.yaml"
    page = upload(browser, path.name, path.read_bytes())
    assert page.status_code == 200
    assert "Loaded ghana-marine-litter.yaml" in page.text
    assert 'id="q-initiated_by-nso" name="initiated_by" value="nso"' in page.text
    document = dump_initiative(load_initiative(path))
    downloaded = browser.post(
        "/", {"extra": json.dumps(document["extra"]), **_answers(document), "action": "json"}
    )
    assert load_initiative(json.loads(downloaded.text)) == load_initiative(path)


def _answers(document: dict[str, Any]) -> dict[str, Any]:
    from copenhagen.questionnaire import form_values

    return {k: v for k, v in form_values(document).items() if k != "extra"}


def test_an_invalid_upload_lists_every_problem(browser: Browser) -> None:
    page = upload(browser, "bad.yaml", b"name: 3\ninitiated_by: [alien]\n")
    assert page.status_code == 400
    assert "bad.yaml was not loaded" in page.text
    assert "initiated_by[0]" in page.text
    assert "name:" in page.text


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("a.txt", b"name: x", "cannot read .txt"),
        ("a.yaml", b"\xff\xfe", "not UTF-8"),
        ("a.yaml", b"name: [", "not valid YAML"),
        ("a.json", b'"/etc/hostname"', "expected a mapping"),
        ("a.yaml", b"/etc/hostname\n", "expected a mapping"),
    ],
)
def test_hostile_uploads_are_read_as_data_only(
    browser: Browser, name: str, content: bytes, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(Path, "read_text", lambda *a, **k: opened.append(a) or "")
    page = upload(browser, name, content)
    assert page.status_code == 400
    assert words in page.text
    assert opened == []  # no path named inside an upload is ever opened


def test_an_alias_bomb_is_refused() -> None:
    from copenhagen.web.uploads import read_upload

    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    bomb = "name: x\ninitiated_by: [cso]\nextra:\n" + "".join(f"  {line}\n" for line in lines)
    loaded = read_upload("bomb.yaml", bomb.encode())
    assert loaded.document is None
    assert "once its aliases are expanded" in loaded.errors[0][1]


def test_a_too_large_request_is_refused_before_it_is_read(browser: Browser) -> None:
    big = b"name: x\n" + b"#" * (1024 * 1024 + 10)
    response = upload(browser, "big.yaml", big)
    assert response.status_code == 413
    assert "too large" in response.text


def test_only_bundled_assets_are_served(browser: Browser) -> None:
    assert browser.get("/static/form.js").status_code == 200
    assert browser.get("/static/form.css").headers["content-type"].startswith("text/css")
    for probe in ("/static/app.py", "/static/..%2Fapp.py", "/static/%2e%2e/__init__.py"):
        assert browser.get(probe).status_code == 404


def test_extra_travels_through_the_form_unchanged(browser: Browser) -> None:
    extra = {"z": [1, 2], "a": {"nested": "<b>"}}
    response = browser.post(
        "/", {"name": "X", "initiated_by": "cso", "extra": json.dumps(extra), "action": "json"}
    )
    assert json.loads(response.text)["extra"] == extra


def test_import_and_help_do_not_load_the_web_stack() -> None:
    code = (
        "import sys, copenhagen, copenhagen.cli\n"
        "from copenhagen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ['starlette', 'jinja2', 'uvicorn', 'multipart', 'questionary', 'prompt_toolkit']\n"
        "print('loaded:' + ','.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "loaded:"


def test_a_request_for_another_host_name_is_refused() -> None:
    from starlette.testclient import TestClient

    from copenhagen.web import create_app

    app = create_app(allowed_hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example")
    assert rebound.get("/").status_code == 400
