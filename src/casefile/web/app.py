"""The web UI and JSON API: reads the store (read-only), never runs extraction."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import NotFound
from ..store.db import Store

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    # No inline scripts, no outside assets: article content can never act in the page.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
PAGE_SIZE = 50


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="casefile", version="0.1.0", description="Sourced case files from news reporting.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))   # autoescapes .html templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    state: dict = {}

    def store() -> Store:
        if "store" not in state:
            state["store"] = Store.open(db, readonly=True)
        return state["store"]

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, page: int = 1):
        docs = store().documents(limit=PAGE_SIZE, offset=(max(page, 1) - 1) * PAGE_SIZE)
        return templates.TemplateResponse(request, "index.html", {"documents": docs, "page": page})

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: str):
        try:
            doc = store().document(document_id)
        except NotFound:
            raise HTTPException(404, "no such document") from None
        return templates.TemplateResponse(request, "document.html", {"doc": doc})

    @app.get("/api/documents")
    def api_documents(limit: int = PAGE_SIZE, offset: int = 0) -> list[dict]:
        return store().documents(limit=min(max(limit, 1), 500), offset=max(offset, 0))

    @app.get("/api/documents/{document_id}")
    def api_document(document_id: str) -> dict:
        try:
            doc = store().document(document_id)
        except NotFound:
            raise HTTPException(404, "no such document") from None
        doc.pop("raw_text", None)
        return doc

    return app
