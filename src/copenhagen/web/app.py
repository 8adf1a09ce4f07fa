"""The web questionnaire as a Starlette application: one form, its live status, the report.

Every page is made from the request alone: the answers travel in the form, the document to edit
in a hidden field, and nothing is kept on the server between requests. The form works with
JavaScript off (plain posts); with it on, ``form.js`` posts the answers to ``/preview`` as they
change and puts the new status in place.

Routes:
    ``GET /``: the empty form. ``POST /``: the answers, with ``action`` one of ``check`` (the
    form again, with the status), ``report`` (the result page), ``yaml`` or ``json`` (the
    document as a download). ``POST /preview``: the status panel alone. ``POST /upload``: a
    document to edit (multipart). ``POST /result``: from the result page, ``edit``, or a download
    (``yaml``, ``json``, ``html``, ``markdown``). ``GET /static/NAME``: the bundled assets.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from copenhagen.assessor import Assessor, default_assessor
from copenhagen.questionnaire import (
    ANSWER_CHOSEN,
    ANSWER_DONT_KNOW,
    ANSWER_NONE,
    DONT_KNOW,
    Progress,
    Widget,
    answer_field,
    form_values,
    progress,
    read_answers,
    sections,
)
from copenhagen.questionnaire.files import (
    DOCUMENT_FORMATS,
    REPORT_FORMATS,
    document_text,
    file_stem,
    report_text,
)
from copenhagen.web.security import COOKIE, FIELD, HEADERS, BodyLimit, CsrfTokens
from copenhagen.web.uploads import read_upload

if TYPE_CHECKING:
    import jinja2
    from starlette.types import ASGIApp

__all__ = ["MAX_BODY", "STATIC", "create_app"]

#: The largest request accepted, in bytes (an upload, or a form with its kept data).
MAX_BODY = 1024 * 1024

#: The bundled assets served under ``/static/``, with their media types.
STATIC: Mapping[str, str] = {
    "form.css": "text/css; charset=utf-8",
    "form.js": "text/javascript; charset=utf-8",
}


_CSS = "/static/form.css"


def _template(name: str) -> str:
    """A bundled template's text, read from inside the installed package."""
    return resources.files("copenhagen.web").joinpath("templates", name).read_text("utf-8")


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_template),
        autoescape=True,  # every value is escaped unless a template says otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        Widget=Widget,
        DONT_KNOW=DONT_KNOW,
        ANSWER_CHOSEN=ANSWER_CHOSEN,
        ANSWER_DONT_KNOW=ANSWER_DONT_KNOW,
        ANSWER_NONE=ANSWER_NONE,
        answer_field=answer_field,
        sections=sections(),
        error_target=_error_target,
        CSRF_FIELD=FIELD,
    )
    return env


def _error_target(path: str) -> str | None:
    """The id of the question a problem's path points at (``initiated_by[1]`` -> its question)."""
    from copenhagen.questionnaire import question

    for key in (path, path.split("[", 1)[0], path.split(".", 1)[0]):
        try:
            return question(key).field_id
        except KeyError:
            continue
    return None


@functools.cache
def _asset(name: str) -> bytes:
    return resources.files("copenhagen.web").joinpath("static", name).read_bytes()


def _fields(form: FormData) -> dict[str, list[str]]:
    """The form's text fields as lists of strings (files are not answers)."""
    return {
        key: [v for v in form.getlist(key) if isinstance(v, str)] for key in dict.fromkeys(form)
    }


class _App:
    """The request handlers, sharing one assessor, one CSRF key and one template set."""

    def __init__(self, assessor: Assessor, tokens: CsrfTokens) -> None:
        self.assessor = assessor
        self.tokens = tokens

    # -- helpers -------------------------------------------------------------------------

    def _cookie_value(self, request: Request) -> str:
        return request.cookies.get(COOKIE) or ""

    def _render(
        self, request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        value = self._cookie_value(request) or CsrfTokens.new_value()
        html = (
            _environment()
            .get_template(template)
            .render(csrf_token=self.tokens.token(value), **context)
        )
        response = HTMLResponse(html, status_code=status_code)
        self._finish(response, value if value != self._cookie_value(request) else None)
        return response

    @staticmethod
    def _finish(response: Response, new_cookie: str | None = None) -> None:
        response.headers.update(HEADERS)
        if new_cookie is not None:
            response.set_cookie(COOKIE, new_cookie, httponly=True, samesite="strict", path="/")

    async def _checked_form(self, request: Request) -> FormData | Response:
        """The posted form, or the refusal when its CSRF token is wrong."""
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return self._refuse("This form only accepts posts from its own page.")
        form = await request.form(max_files=1, max_fields=2000)
        token = form.get(FIELD)
        if not self.tokens.valid(
            self._cookie_value(request), token if isinstance(token, str) else None
        ):
            await form.close()
            return self._refuse(
                "The form's security token is missing or out of date (for example after the "
                "server was restarted). Go back, reload the page and send it again."
            )
        return form

    def _refuse(self, text: str) -> Response:
        response = PlainTextResponse(text + "\n", status_code=403)
        self._finish(response)
        return response

    def _form_page(
        self,
        request: Request,
        values: Mapping[str, list[str]],
        state: Progress | None,
        *,
        notice: str = "",
        upload_errors: tuple[tuple[str, str], ...] = (),
        status_code: int = 200,
    ) -> HTMLResponse:
        return self._render(
            request,
            "form.html",
            status_code=status_code,
            values=values,
            state=state,
            notice=notice,
            upload_errors=upload_errors,
        )

    def _download(self, text: str, stem: str, suffix: str, media_type: str) -> Response:
        response = Response(
            text.encode("utf-8"),
            media_type=f"{media_type}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{stem}{suffix}"'},
        )
        self._finish(response)
        return response

    def _result_download(self, document: Mapping[str, Any], action: str) -> Response | None:
        """A download of the document or its report, or ``None`` if ``action`` is none."""
        stem = file_stem(str(document.get("name", "")))
        if action in DOCUMENT_FORMATS:
            suffix, media = DOCUMENT_FORMATS[action]
            return self._download(document_text(document, action), stem, suffix, media)
        if action in REPORT_FORMATS:
            from copenhagen.documents import load_initiative

            suffix, media = REPORT_FORMATS[action]
            assessment = self.assessor.assess(load_initiative(dict(document)))
            return self._download(report_text(assessment, action), f"{stem}-report", suffix, media)
        return None

    # -- routes --------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        """The form, empty (GET) or as answered (POST)."""
        if request.method == "GET":
            return self._form_page(request, {}, None)
        form = await self._checked_form(request)
        if isinstance(form, Response):
            return form
        values = _fields(form)
        state = progress(read_answers(values), self.assessor)
        action = (values.get("action") or ["check"])[0]
        if state.assessment is None or action == "check" or state.reading.problems:
            return self._form_page(request, values, state)
        document = state.reading.document
        if action == "report":
            return self._result_page(request, state)
        download = self._result_download(document, action)
        return download if download is not None else self._form_page(request, values, state)

    def _result_page(self, request: Request, state: Progress) -> Response:
        from copenhagen.documents import dump_initiative

        assert state.initiative is not None
        assert state.assessment is not None
        document = dump_initiative(state.initiative)
        toolbar = (
            _environment()
            .get_template("toolbar.html")
            .render(
                csrf_token=self.tokens.token(self._cookie_value(request)),
                document_json=json.dumps(document, ensure_ascii=False, sort_keys=True),
                name=state.initiative.name,
            )
        )
        page = report_text(state.assessment, "html")
        page = page.replace("</head>", f'<link rel="stylesheet" href="{_CSS}">\n</head>', 1)
        page = page.replace("<main>\n", "<main>\n" + toolbar, 1)
        response = HTMLResponse(page)
        self._finish(response)
        return response

    async def preview(self, request: Request) -> Response:
        """The status panel for the posted answers (used by ``form.js``)."""
        form = await self._checked_form(request)
        if isinstance(form, Response):
            return form
        state = progress(read_answers(_fields(form)), self.assessor)
        return self._render(request, "status.html", state=state)

    async def upload(self, request: Request) -> Response:
        """The form filled in from an uploaded document, or why it could not be read."""
        form = await self._checked_form(request)
        if isinstance(form, Response):
            return form
        file = form.get("document")
        if not isinstance(file, UploadFile) or not file.filename:
            await form.close()
            errors = (("(document)", "choose a .yaml, .yml, .json or .toml file first"),)
            return self._form_page(request, {}, None, upload_errors=errors, status_code=400)
        content = await file.read()
        await form.close()
        loaded = read_upload(file.filename, content)
        if loaded.document is None:
            return self._form_page(
                request,
                {},
                None,
                notice=f"{loaded.filename} was not loaded; the form is empty.",
                upload_errors=loaded.errors,
                status_code=400,
            )
        values = form_values(loaded.document)
        state = progress(read_answers(values), self.assessor)
        notice = f"Loaded {loaded.filename}: edit the answers below."
        return self._form_page(request, values, state, notice=notice)

    async def result(self, request: Request) -> Response:
        """From the result page: back to the form with the document, or a download."""
        form = await self._checked_form(request)
        if isinstance(form, Response):
            return form
        from copenhagen.documents import document_errors

        raw = form.get("document")
        try:
            document = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            document = None
        if not isinstance(document, dict) or document_errors(document):
            return self._refuse("The document sent back from the result page is not valid.")
        action = str(form.get("action") or "edit")
        download = self._result_download(document, action)
        if download is not None:
            return download
        values = form_values(document)
        return self._form_page(request, values, progress(read_answers(values), self.assessor))

    async def static(self, request: Request) -> Response:
        """A bundled asset; nothing else on disk is ever read."""
        name = request.path_params["name"]
        media = STATIC.get(name)
        if media is None:
            response: Response = PlainTextResponse("not found\n", status_code=404)
        else:
            response = Response(_asset(name), media_type=media)
        self._finish(response)
        response.headers["Cache-Control"] = "no-cache"
        return response


def create_app(
    assessor: Assessor | None = None,
    *,
    max_body: int = MAX_BODY,
    tokens: CsrfTokens | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> ASGIApp:
    """The web questionnaire as an ASGI application (serve it with uvicorn).

    Args:
        assessor: What decides: a `copenhagen.Assessor` (a national reading's, say); the
            shipped rules by default.
        max_body: The largest request accepted, in bytes (uploads included); larger ones get
            status 413.
        tokens: The CSRF token signer (a new random key by default).
        allowed_hosts: The host names requests may be addressed to (the ``Host`` header);
            any by default. ``copenhagen serve`` gives its own address and ``localhost``, so
            that a web page whose name has been pointed at this computer (DNS rebinding) is
            refused.

    Returns:
        The application.
    """
    handlers = _App(assessor or default_assessor(), tokens or CsrfTokens())
    app = Starlette(
        routes=[
            Route("/", handlers.index, methods=["GET", "POST"]),
            Route("/preview", handlers.preview, methods=["POST"]),
            Route("/upload", handlers.upload, methods=["POST"]),
            Route("/result", handlers.result, methods=["POST"]),
            Route("/static/{name}", handlers.static, methods=["GET"]),
        ]
    )
    if allowed_hosts is not None:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return BodyLimit(app, max_body)
