"""JSON API (documented at /docs and /openapi.json) and the downloadable exports."""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse, Response

from .. import briefs
from ..errors import NotFound
from ..export import CSV_COLUMNS, build, csv_text
from ..store.search import SearchFilters, search
from . import timeline as tl
from .compare import compare
from .deps import store_of
from .dossier import dossier, entity_list

router = APIRouter()
MAX_LIMIT = 500
RECORD_TABLES = ("mentions", "quotes", "times", "events", "amounts", "participants", "doc_entities")


@router.get("/api/documents", tags=["documents"])
def api_documents(limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10_000_000),
                  store=Depends(store_of)) -> list[dict]:
    """Documents, newest first, without their text."""
    return store.documents(limit=limit, offset=offset)


@router.get("/api/documents/{document_id}", tags=["documents"])
def api_document(document_id: str, records: bool = False, store=Depends(store_of)) -> dict:
    """One document with its text and sources; ``records=true`` adds every extracted record."""
    doc = store.document(document_id)
    doc.pop("raw_text", None)
    if records:
        doc["records"] = {t: list(store.rows(t, document_id)) for t in RECORD_TABLES}
    return doc


@router.get("/api/search", tags=["search"])
def api_search(q: str = "", outlet: str | None = None, entity_type: str | None = None,
               event_type: str | None = None, date_from: str | None = None, date_to: str | None = None,
               limit: int = Query(50, ge=1, le=200), store=Depends(store_of)) -> dict:
    """Documents, entities and quotes matching every word of ``q``, with facet counts."""
    filters = SearchFilters.given(outlet, entity_type, event_type, date_from, date_to)
    return search(store, q[:500], filters, limit).as_dict()


@router.get("/api/entities", tags=["entities"])
def api_entities(type: str | None = None, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                 offset: int = Query(0, ge=0, le=10_000_000), store=Depends(store_of)) -> list[dict]:
    """Entities, most documented first; ``ref`` is what the dossier endpoints take."""
    return entity_list(store, limit, offset, type or None)


@router.get("/api/entities/{ref}", tags=["entities"])
def api_entity(ref: str, store=Depends(store_of)) -> dict:
    """The dossier: profile, events in date order, quotes by and about, co-mentioned entities."""
    return dossier(store, ref)


@router.get("/api/entities/{ref}/brief", tags=["entities"], response_class=PlainTextResponse)
def api_brief(ref: str, format: str = Query("md", pattern="^(md|html)$"), store=Depends(store_of)):
    """The case brief with footnoted citations, as Markdown or printable HTML."""
    if format == "html":
        return Response(briefs.html(store, ref), media_type="text/html; charset=utf-8")
    return PlainTextResponse(briefs.markdown(store, ref), media_type="text/markdown; charset=utf-8")


@router.get("/api/timeline", tags=["timeline"])
def api_timeline(entity: str | None = None, event_type: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, lanes: str = Query("type", pattern="^(type|entity)$"),
                 store=Depends(store_of)) -> dict:
    """The timeline's window: event clusters in date order (each with its sentence, written date, outlets
    and reports) and each report on its own ("events"), with date intervals, lanes and conflicts; the
    latest events unless ``date_from``/``date_to`` are given; "overview" counts every dated event."""
    f = tl.TimelineFilter(entity or None, event_type or None, date_from or None, date_to or None, lanes)
    return tl.timeline(store, f)


@router.get("/api/suggest/entities", tags=["entities"])
def api_suggest_entities(q: str = Query("", max_length=100), store=Depends(store_of)) -> list[str]:
    """Names of entities that start with (then contain) ``q``: suggestions for a name field."""
    return tl.suggestions(store, q)


@router.get("/api/compare", tags=["compare"])
def api_compare(a: str | None = None, b: str | None = None, outlet_a: str | None = None,
                outlet_b: str | None = None, store=Depends(store_of)) -> dict:
    """Two documents (a, b) or two outlets side by side: shared facts, one-sided facts, conflicts."""
    return compare(store, a or None, b or None, outlet_a or None, outlet_b or None)


@router.get("/export/casefile.json", tags=["exports"])
def export_json(store=Depends(store_of)) -> Response:
    """The whole store in the SCHEMA.md export contract."""
    body = json.dumps(build(store), ensure_ascii=False)
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="casefile.json"'})


@router.get("/export/{table}.csv", tags=["exports"])
def export_csv(table: str, store=Depends(store_of)) -> Response:
    """One table of the export contract as CSV (documents, entities, quotes, times, events)."""
    if table not in CSV_COLUMNS:
        raise NotFound(f"no such table; choose one of {', '.join(CSV_COLUMNS)}", item=table)
    return Response(csv_text(build(store), table), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{table}.csv"'})
