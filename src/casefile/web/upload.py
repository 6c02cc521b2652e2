"""POST /api/ingest: add an article over HTTP. Off unless a token is configured, then token-gated.

The article goes through the same pipeline as ``casefile ingest`` (as one JSON Lines
record), on its own writable connection; GET pages keep their read-only one.
"""
from __future__ import annotations

import hmac
import json
import os
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
TOKEN_ENV = "CASEFILE_TOKEN"

router = APIRouter()


class Article(BaseModel):
    """One article: its text, and whatever metadata is known (it overrides what the text says)."""
    text: str = Field(min_length=1, max_length=MAX_UPLOAD_BYTES)
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    author: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=4000)
    published: str | None = Field(None, max_length=40)


def _token(request: Request) -> str | None:
    return request.app.state.token or os.environ.get(TOKEN_ENV) or None


def check_token(request: Request, given: str | None = None) -> None:
    """Every write over HTTP: 404 when no token is configured, 401 unless the request carries it
    (``Authorization: Bearer``, or ``given``: the token a form posted, since a form cannot set headers)."""
    expected = _token(request)
    if not expected:
        raise HTTPException(404, "writes over HTTP are off; set CASEFILE_TOKEN to turn them on")
    if given is None:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        given = value if scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


async def _body(request: Request) -> bytes:
    """The request body, refused as soon as it passes the size limit (whatever Content-Length says)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"upload larger than {MAX_UPLOAD_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"upload larger than {MAX_UPLOAD_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(db: str, article: Article) -> dict:
    from ..pipeline import ingest
    from ..store.db import Store

    store = Store.open(db)
    try:
        with tempfile.TemporaryDirectory(prefix="casefile-upload-") as tmp:
            path = Path(tmp) / "upload.jsonl"
            record = {k: v for k, v in article.model_dump().items() if v is not None}
            path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            report = ingest([str(path)], store)
    finally:
        store.close()
    return {"stored": report.stored, "duplicates": report.duplicates, "rejected": report.rejected,
            "documents": report.stored_ids, "issues": [{"kind": i.kind, "reason": i.reason} for i in report.issues]}


@router.post("/api/ingest", tags=["ingest"], status_code=201,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": Article.model_json_schema()}}}})
async def api_ingest(request: Request) -> dict:
    """Store one article (JSON: text, title, outlet, author, url, published). Needs ``Authorization: Bearer``."""
    from starlette.concurrency import run_in_threadpool

    check_token(request)
    raw = await _body(request)
    try:
        article = Article.model_validate_json(raw)
    except ValueError as exc:
        raise HTTPException(422, f"not an article: {str(exc)[:300]}") from None
    result = await run_in_threadpool(_ingest, request.app.state.db, article)
    if result["rejected"]:
        raise HTTPException(422, "; ".join(i["reason"] for i in result["issues"]) or "rejected")
    return result
