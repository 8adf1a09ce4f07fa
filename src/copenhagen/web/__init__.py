"""``copenhagen serve``: the questionnaire as a local web form (the ``web`` extra).

`create_app` builds the application (Starlette, Jinja2 templates with autoescaping; served by
uvicorn); it takes the assessor that decides, by default the library's own. Nothing is stored:
each page is made from the request. See the guide "The web form".
"""

from __future__ import annotations

from copenhagen.web.app import MAX_BODY, create_app

__all__ = ["MAX_BODY", "create_app"]
