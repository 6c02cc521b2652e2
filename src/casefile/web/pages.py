"""HTML pages: server-rendered, escaped, no inline script. Each reads the store read-only."""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from markupsafe import Markup, escape

from .. import briefs
from ..export import CSV_COLUMNS
from ..store.search import SearchFilters, search
from . import network
from . import timeline as tl
from . import timeline_chart
from .deps import store_of
from .compare import compare, document_choices
from .dossier import PER_PAGE, dossier, entity_list
from .highlight import highlighted
from .home import overview as home_overview
from .home import with_first_lines
from .labels import event_types, human_date

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
SNIPPET_OPEN, SNIPPET_CLOSE = "\u2063", "\u2064"   # markers search.py puts around matched words


def _render(request: Request, name: str, context: dict) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def literals(value: str) -> Markup:
    """A docstring for the page: escaped, its ``literal`` parts set as code."""
    return Markup(re.sub(r"``(.+?)``", r"<code>\1</code>", str(escape(value))))


def snippet(value: str | None) -> Markup:
    """A search snippet: escaped first, then the match markers become <mark>."""
    if not value:
        return Markup("")
    safe = str(escape(value))
    return Markup(safe.replace(SNIPPET_OPEN, "<mark>").replace(SNIPPET_CLOSE, "</mark>"))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store=Depends(store_of)):
    return _render(request, "index.html", {"o": home_overview(store)})


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, page: int = Query(1, ge=1, le=100_000), store=Depends(store_of)):
    docs = with_first_lines(store, store.documents(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE))
    return _render(request, "documents.html", {"documents": docs, "page": page, "page_size": PAGE_SIZE})


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, store=Depends(store_of)):
    doc = store.document(document_id)
    body, records = highlighted(store, doc)
    return _render(request, "document.html", {"doc": doc, "body": body, "records": records})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", outlet: str | None = None, entity_type: str | None = None,
                event_type: str | None = None, date_from: str | None = None, date_to: str | None = None,
                store=Depends(store_of)):
    filters = SearchFilters.given(outlet, entity_type, event_type, date_from, date_to)
    result = search(store, q[:500], filters)
    return _render(request, "search.html", {"r": result, "q": q, "f": filters, "snippet": snippet,
                                            "event_types": event_types()})


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: str | None = None, page: int = Query(1, ge=1, le=100_000),
                  store=Depends(store_of)):
    rows = entity_list(store, PAGE_SIZE, (page - 1) * PAGE_SIZE, type or None)
    return _render(request, "entities.html", {"entities": rows, "type": type, "page": page, "page_size": PAGE_SIZE})


@router.get("/entities/{ref}", response_class=HTMLResponse)
def entity_page(request: Request, ref: str, events_page: int = Query(1, ge=1, le=10_000),
                quotes_by_page: int = Query(1, ge=1, le=10_000), quotes_about_page: int = Query(1, ge=1, le=10_000),
                documents_page: int = Query(1, ge=1, le=10_000), store=Depends(store_of)):
    pages = {"events": events_page, "quotes_by": quotes_by_page, "quotes_about": quotes_about_page,
             "documents": documents_page}
    d = dossier(store, ref, pages)
    _return_here(request, [*d["events"], *d["quotes_by"], *d["quotes_about"], *d["links"]])
    pagers = {name: _pager(request, name, pages[name], d["totals"][name]) for name in pages}
    return _render(request, "entity.html", {"d": d, "network": network.svg(d["name"], d["neighbours"]),
                                            "pagers": pagers, "per_page": PER_PAGE})


def _return_here(request: Request, facts: list[dict]) -> None:
    """A saved review comes back to this page as it was (its sections' pages too), at the fact:
    the dossier's own link (``reviewed_facts``) with this request's query and the fact's anchor."""
    query = f"?{request.url.query}" if request.url.query else ""
    for x in facts:
        if x.get("review"):
            x["review"]["next"] += f"{query}#review-{quote(x['review']['key'], safe=':')}"


def _pager(request: Request, section: str, page: int, total: int) -> dict:
    """Where a section's previous and next pages are (None at either end), keeping the others' pages."""
    last = max(1, -(-total // PER_PAGE))
    page = min(page, last)
    here = dict(request.query_params)

    def link(n: int) -> str:
        return "?" + urlencode(here | {f"{section}_page": n}) + f"#{section.replace('_', '-')}"

    return {"page": page, "last": last, "total": total, "prev": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < last else None}


@router.get("/entities/{ref}/brief", response_class=HTMLResponse)
def brief_page(ref: str, store=Depends(store_of)):
    return HTMLResponse(briefs.html(store, ref))


@router.get("/entities/{ref}/brief.md", response_class=PlainTextResponse)
def brief_markdown(ref: str, store=Depends(store_of)):
    return PlainTextResponse(briefs.markdown(store, ref), media_type="text/markdown; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="brief.md"'})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: str | None = None, event_type: str | None = None,
                  date_from: str | None = None, date_to: str | None = None, lanes: str = "type",
                  store=Depends(store_of)):
    f = tl.TimelineFilter(entity or None, event_type or None, date_from or None, date_to or None,
                          "entity" if lanes == "entity" else "type")
    data = tl.timeline(store, f)
    keep = {"entity": f.entity, "event_type": f.event_type, "lanes": f.lanes if f.lanes != "type" else None}
    ov, window = data["overview"], data["window"]
    return _render(request, "timeline.html", {
        "t": data, "f": f, "chart": timeline_chart.window_svg(data), "overview": timeline_chart.overview_svg(data),
        "names": [e["name"] for e in entity_list(store, 60)], "types": event_types(),
        "latest_link": "/timeline?" + urlencode({k: v for k, v in keep.items() if v}),
        "full_link": "/timeline?" + urlencode({k: v for k, v in (keep | {"date_from": ov["lo"], "date_to": ov["hi"]})
                                               .items() if v}),
        "window_text": _window_text(window)})


def _window_text(window: dict | None) -> str:
    if not window:
        return ""
    span = f"{human_date(window['lo'])} to {human_date(window['hi'])}"
    return f"the latest events, {span}" if window["latest"] else span


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: str | None = None, b: str | None = None, outlet_a: str | None = None,
                 outlet_b: str | None = None, store=Depends(store_of)):
    docs = with_first_lines(store, document_choices(store))
    outlets = sorted({d["outlet"] for d in docs if d["outlet"]})
    chosen = (a or outlet_a) and (b or outlet_b)
    result = compare(store, a or None, b or None, outlet_a or None, outlet_b or None) if chosen else None
    for side in ("a", "b") if result else ():
        with_first_lines(store, result[side]["documents"])
    return _render(request, "compare.html", {"c": result, "documents": docs, "outlets": outlets,
                                             "sel": {"a": a, "b": b, "outlet_a": outlet_a, "outlet_b": outlet_b}})


@router.get("/exports", response_class=HTMLResponse)
def exports_page(request: Request):
    return _render(request, "exports.html", {"tables": tuple(CSV_COLUMNS)})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, rendered from the OpenAPI document on the server (no outside scripts)."""
    spec = request.app.openapi()
    routes = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
               "description": literals(op.get("description", "")),
               "params": [(p["name"], p["in"], p.get("required", False)) for p in op.get("parameters", [])]}
              for path, ops in spec["paths"].items() for method, op in ops.items()]
    return _render(request, "api.html", {"routes": routes, "spec": spec})
