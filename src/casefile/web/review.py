"""Review and cases over HTTP: the forms each fact carries, the audit page, named cases.

Writes are token-gated as ingest is (``upload.check_token``): a form posts the token with
the reviewer's name, a tool sends ``Authorization: Bearer``. Each write opens its own
writable connection; pages keep the read-only one.
"""
from __future__ import annotations

from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from .. import case_files
from ..resolve import case_groups
from ..resolve import review as R
from ..store.db import Store
from .deps import store_of
from .facts import source_link
from .upload import check_token

router = APIRouter()
MAX_FORM_BYTES = 64 * 1024
EDIT_FIELDS = (("type", "type"), ("date", "date_value"), ("speaker", "speaker"))


async def _form(request: Request) -> dict[str, str]:
    """A url-encoded form (the only kind these pages post), size-limited."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, f"form larger than {MAX_FORM_BYTES} bytes")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}


def _back(target: str | None, fallback: str) -> RedirectResponse:
    """Back to the page the form was on; only a path on this site (never //elsewhere)."""
    ok = target and target.startswith("/") and not target.startswith("//") and "\\" not in target
    return RedirectResponse(target if ok else fallback, status_code=303)


def _write(request: Request, work, *args, **kwargs):
    """Run a library write on its own writable store, then let the read-only one see new tables."""
    store = Store.open(request.app.state.db)
    try:
        return work(store, *args, **kwargs)
    finally:
        store.close()


@router.post("/review", include_in_schema=False)
async def review_form(request: Request):
    """A fact's form: status, note, corrections, the reviewer's name and the token."""
    form = await _form(request)
    check_token(request, form.get("token", ""))
    edits = {name: form[field] for field, name in EDIT_FIELDS if field in form}
    key = form.get("key", "")
    await run_in_threadpool(_write, request, R.decide, key, reviewer=form.get("reviewer", ""),
                            status=form.get("status") or None, note=form.get("note"), edits=edits)
    if form.get("case") and key.startswith("event:"):     # the event's form also files it under a case
        await run_in_threadpool(_write, request, case_groups.add, form["case"], [], [key], form.get("reviewer"))
    return _back(form.get("next"), f"/review#{quote(key, safe='')}")


@router.post("/api/review", tags=["review"])
async def review_api(request: Request) -> dict:
    """Record a decision: JSON ``{key, reviewer, status, note, edits: {type, date_value, speaker}}``. Needs a bearer token."""
    check_token(request)
    body = await request.json()
    if not isinstance(body, dict):
        raise HTTPException(422, "a JSON object is expected")
    return await run_in_threadpool(_write, request, R.decide, str(body.get("key", "")),
                                   reviewer=str(body.get("reviewer", "")), status=body.get("status"),
                                   note=body.get("note"), edits=body.get("edits") or {})


@router.get("/api/review", tags=["review"])
def review_list_api(status: str | None = None, kind: str | None = None, store=Depends(store_of)) -> list[dict]:
    """Every standing decision, newest first."""
    return R.decisions(store, status or None, kind or None)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request, status: str | None = None, kind: str | None = None, store=Depends(store_of)):
    rows = R.decisions(store, status or None, kind or None)
    for r in rows:
        r["link"] = source_link(r["document_id"], r["sentence_start"])
    return request.app.state.templates.TemplateResponse(request, "review.html", {
        "rows": rows, "history": R.history(store), "status": status, "kind": kind})


# -- cases ------------------------------------------------------------------------------------------

def _case_url(name: str) -> str:
    return f"/cases/{quote(name, safe='')}"


@router.get("/cases", response_class=HTMLResponse, include_in_schema=False)
def cases_page(request: Request, store=Depends(store_of)):
    return request.app.state.templates.TemplateResponse(request, "cases.html",
                                                        {"cases": case_groups.list_cases(store)})


@router.post("/cases", include_in_schema=False)
async def case_create(request: Request):
    form = await _form(request)
    check_token(request, form.get("token", ""))
    case = await run_in_threadpool(_write, request, case_groups.create, form.get("name", ""),
                                   form.get("reviewer") or None)
    return _back(_case_url(case["name"]), "/cases")


@router.post("/cases/{name}/items", include_in_schema=False)
async def case_items(request: Request, name: str):
    """Add (or, with action=remove, take out) an entity and/or an event."""
    form = await _form(request)
    check_token(request, form.get("token", ""))
    entities = [form["entity"]] if form.get("entity") else []
    events = [form["event"]] if form.get("event") else []
    if form.get("action") == "remove":
        await run_in_threadpool(_write, request, case_groups.remove, name, entities, events)
    else:
        await run_in_threadpool(_write, request, case_groups.add, name, entities, events, form.get("reviewer") or None)
    return _back(form.get("next"), _case_url(name))


@router.get("/cases/{name}", response_class=HTMLResponse, include_in_schema=False)
def case_page(request: Request, name: str, store=Depends(store_of)):
    data = case_files.case_data(store, name)
    for c in data["timeline"]["clusters"]:
        for r in c["reports"]:
            r["link"] = source_link(r["document_id"], r["sentence_start"])
            r["review"]["next"] = _case_url(data["name"])
    return request.app.state.templates.TemplateResponse(request, "case.html", {"c": data})


@router.get("/cases/{name}/brief.md", response_class=PlainTextResponse, include_in_schema=False)
def case_brief(name: str, store=Depends(store_of)):
    return PlainTextResponse(case_files.markdown(store, name), media_type="text/markdown; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="case-brief.md"'})


@router.get("/export/cases/{name}.json", tags=["review"])
def case_export(name: str, store=Depends(store_of)):
    """A case's export: the SCHEMA.md object narrowed to the case, each fact with its review."""
    return JSONResponse(case_files.export(store, name))
