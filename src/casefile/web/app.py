"""The web UI and JSON API: reads the store (read-only), never runs extraction on GET."""
from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Ambiguous, CasefileError
from . import api, labels, pages, review, upload

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    # No inline scripts, no outside assets: article content can never act in the page.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class _Environment(jinja2.Environment):
    """Looks ``x.name`` up as a key first when ``x`` is a plain dict (every page's data is).

    Jinja tries the attribute first, and a failed attribute lookup raises and catches an
    exception: on a dossier with hundreds of facts that was a third of the rendering time.
    Names of dict methods keep Jinja's meaning, so ``refs.items()`` still works.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_METHODS:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_METHODS = frozenset(dir(dict))


def templates() -> Jinja2Templates:
    # Autoescape every template, not only .html; templates do not change while serving, so
    # no stat() per render.
    env = _Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True, auto_reload=False)
    t = Jinja2Templates(env=env)
    t.env.filters["combine_query"] = combine_query
    t.env.filters.update(labels.FILTERS)
    return t


def combine_query(params: dict, name: str, value) -> str:
    """A query string: ``params`` with ``name`` set to ``value`` (for facet links)."""
    return urlencode({k: v for k, v in (params | {name: value}).items() if v not in (None, "")})


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response. Plain ASGI: a call_next middleware would copy
    each page body through an extra stream (a dossier is over 100 kB)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


@asynccontextmanager
async def _lifespan(app: FastAPI):
    """Once the server has started, set its loaded modules aside from garbage collection.

    A full collection otherwise walks every object of FastAPI, SQLAlchemy and Jinja (tens of
    milliseconds, the slowest requests on a large store); frozen, it walks only what
    requests made since.
    """
    gc.freeze()
    yield


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The application over the store at ``db``. ``token`` (else env CASEFILE_TOKEN) turns on ingest."""
    # FastAPI's own /docs and /redoc pull scripts from a CDN; casefile serves its own page instead.
    app = FastAPI(title="casefile", version="0.1.0", description="Sourced case files from news reporting.",
                  docs_url=None, redoc_url=None, lifespan=_lifespan)
    app.state.db = db
    app.state.token = token
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(CasefileError)
    async def library_error(request: Request, exc: CasefileError):
        # the one mapping from a library error to a response: its status, its message, its candidates
        candidates = exc.candidates if isinstance(exc, Ambiguous) else []
        return _error(request, exc.status, str(exc), candidates=candidates)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(upload.router)
    app.include_router(review.router)
    return app


def _error(request: Request, status: int, message: str, headers: dict | None = None, candidates=()):
    if request.url.path.startswith(("/api/", "/export/")) or request.method != "GET":
        body = {"detail": message} | ({"candidates": list(candidates)} if candidates else {})
        return JSONResponse(body, status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "candidates": candidates},
        status_code=status, headers=headers)
