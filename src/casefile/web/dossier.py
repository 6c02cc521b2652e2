"""The entity dossier (the case file): who they are, what happened to them, what was said.

Pure data (dicts and lists) shared by the dossier page, its JSON endpoint and the briefs.
Every fact carries ``link``: the source document scrolled to its evidence sentence.
"""
from __future__ import annotations

import time

from sqlalchemy import text

from ..resolve.event_details import detail_sql as event_detail_sql
from ..resolve.event_details import fold as fold_details
from ..resolve.event_details import line as summary_line
from ..resolve.event_details import sentence as event_sentence
from ..concepts import dates as D
from ..errors import NotFound
from ..resolve.lookup import entity_ref, find_entity, shown
from ..resolve.reviewed import reviewed_facts
from ..resolve.status import cluster_status
from ..store.db import Store
from ..store.reads import LOCAL_SEP, doc_entity_rows, doc_meta, owned_cte, sentences
from .facts import chain_rank, count_documents, source_link

MAX_NEIGHBOURS = 12
MAX_QUOTES = 100
LIST_CACHE_SECONDS = 30.0
LIST_CACHE_SIZE = 256
# A dossier reads at most this many of the entity's documents (the most recent ids): pages stay fast.
MAX_DOCUMENTS = 100
MAX_EVENTS = 500
MAX_MENTION_SENTENCES = 2000
PER_PAGE = 20             # items a dossier page shows of each section
SECTIONS = ("events", "quotes_by", "quotes_about", "documents")


def _mention_sentences(conn, ref: str) -> list[tuple[str, int, int]]:
    owned, params = owned_cte(ref, MAX_DOCUMENTS)
    sql = (f"WITH {owned} SELECT DISTINCT m.document_id, m.sentence_start, m.sentence_end FROM owned o "
           "JOIN mentions m ON m.document_id = o.document_id AND m.entity_key = o.key "
           f"WHERE m.sentence_start IS NOT NULL LIMIT {MAX_MENTION_SENTENCES}")
    return [tuple(r) for r in conn.execute(text(sql), params)]


def _descriptor_link(document_id: str, start: int | None, spans: list[tuple[str, int, int]]) -> str:
    """A descriptor is not highlighted itself; link the sentence around it (or the document)."""
    for doc, a, b in spans:
        if doc == document_id and start is not None and a <= start < b:
            return source_link(document_id, a)
    return source_link(document_id, None)


def _profile(rows: list[dict], meta: dict, spans: list[tuple[str, int, int]], entity: dict) -> dict:
    """Name and type as every page shows them (``lookup.shown``); the names documents used as aliases."""
    names = {r["name"] for r in rows}
    aliases = sorted(({a for r in rows for a in (r.get("aliases") or []) if a} | names) - {entity["name"]})
    descriptors = []
    for r in rows:
        for d in r.get("descriptors") or []:
            m = meta.get(r["document_id"], {})
            descriptors.append({"text": d.get("text"), "kind": d.get("kind"), "document_id": r["document_id"],
                                "outlet": m.get("outlet"), "title": m.get("title"), "start": d.get("start"),
                                "link": _descriptor_link(r["document_id"], d.get("start"), spans)})
    return {"name": entity["name"], "type": entity["type"], "aliases": aliases, "descriptors": descriptors}


def _events(conn, ref: str) -> list[dict]:
    owned, params = owned_cte(ref, MAX_DOCUMENTS)
    # The entity's events, each with its details (places, people as written, counts) in one query.
    sql = (f"WITH {owned}, ev AS (SELECT DISTINCT e.id, e.document_id, e.type, e.text, e.date_value, "
           'e.date_text, e.modality, e.cluster, e.start, e."end", e.sentence_start, e.sentence_end, p.role '
           "FROM owned o JOIN participants p ON p.document_id = o.document_id AND p.entity_key = o.key "
           f"JOIN events e ON e.id = p.event_id ORDER BY e.date_value LIMIT {MAX_EVENTS}), "
           f"d AS ({event_detail_sql('SELECT id FROM ev')}) "
           "SELECT ev.*, d.src, d.role AS d_role, d.text AS d_text, d.pos FROM ev LEFT JOIN d ON d.event_id = ev.id "
           "ORDER BY ev.id, d.src, d.pos")
    events, rows = {}, []
    for r in conn.execute(text(sql), params):
        events.setdefault(r.id, {k: v for k, v in r._mapping.items() if k not in ("src", "d_role", "d_text", "pos")})
        rows.append((r.id, r.src, r.d_role, r.d_text, r.pos))
    found = fold_details({e: {"places": [], "who": [], "counts": []} for e in events}, rows)
    for eid, d in found.items():
        etype = events[eid]["type"]
        events[eid].update(details=d, summary=summary_line(etype, d), what=event_sentence(etype, d))
    return sorted(events.values(), key=lambda e: (D.sort_key(e["date_value"]), chain_rank(e["type"]), e["start"]))


QUOTE_COLS = ('q.id, q.document_id, q.text, q.kind, q.cue, q.speaker_text, q.start, q."end", q.sentence_start, '
              "q.sentence_end")


def _quotes(conn, ref: str) -> tuple[list[dict], list[dict]]:
    owned, params = owned_cte(ref, MAX_DOCUMENTS)
    by_sql = (f"WITH {owned} SELECT {QUOTE_COLS} FROM owned o JOIN quotes q ON q.document_id = o.document_id "
              f"AND q.speaker_key = o.key ORDER BY q.document_id, q.start LIMIT {MAX_QUOTES}")
    by = [dict(r._mapping) for r in conn.execute(text(by_sql), params)]
    # A quote is about the entity when one of its mentions lies inside the quote.
    about_sql = (f"WITH {owned} SELECT DISTINCT {QUOTE_COLS} FROM owned o "
                 "JOIN mentions m ON m.document_id = o.document_id AND m.entity_key = o.key "
                 "JOIN quotes q ON q.document_id = m.document_id AND m.start >= q.start AND m.end <= q.end "
                 f"ORDER BY q.document_id, q.start LIMIT {MAX_QUOTES}")
    mine = {q["id"] for q in by}
    about = [dict(r._mapping) for r in conn.execute(text(about_sql), params) if r.id not in mine]
    return by, about


def _neighbours(conn, ref: str, own_refs: set[str]) -> dict[str, int]:
    """Entities mentioned in the same sentences, weighted by how many sentences they share."""
    owned, params = owned_cte(ref, MAX_DOCUMENTS)
    # The entity's sentences first (a few hundred), then who else is in each: never a self-join of mentions.
    sql = (f"WITH {owned}, said AS (SELECT DISTINCT m.document_id, m.sentence_start FROM owned o "
           "JOIN mentions m ON m.document_id = o.document_id AND m.entity_key = o.key) "
           "SELECT x.document_id, x.entity_key, de.entity_id, COUNT(DISTINCT x.sentence_start) AS n FROM said s "
           "JOIN mentions x ON x.document_id = s.document_id AND x.sentence_start = s.sentence_start "
           "JOIN doc_entities de ON de.document_id = x.document_id AND de.key = x.entity_key "
           "GROUP BY x.document_id, x.entity_key, de.entity_id")
    weights: dict[str, int] = {}
    for r in conn.execute(text(sql), params):
        other = entity_ref(r.entity_id, r.document_id, r.entity_key)
        if other not in own_refs:
            weights[other] = weights.get(other, 0) + r.n
    return weights


def _attach_sources(store: Store, items: list[dict], meta: dict) -> None:
    texts = sentences(store, [(i["document_id"], i.get("sentence_start"), i.get("sentence_end")) for i in items])
    for i in items:
        m = meta.get(i["document_id"], {})
        i.update(outlet=m.get("outlet"), title=m.get("title"), published=m.get("published"), url=m.get("url"),
                 source=m.get("source"), link=source_link(i["document_id"], i.get("sentence_start")),
                 sentence=texts.get((i["document_id"], i.get("sentence_start"), i.get("sentence_end"))))


def page_of(items: list, page: int) -> list:
    """The ``page``-th PER_PAGE items (the last page when ``page`` runs past the end)."""
    last = max(1, -(-len(items) // PER_PAGE))
    page = min(max(1, page), last)
    return items[(page - 1) * PER_PAGE:page * PER_PAGE]


def dossier(store: Store, ref: str, pages: dict[str, int] | None = None) -> dict:
    """Everything the store knows about one entity (an id, a document's entity or a name, as
    ``lookup.find_entity`` takes it). Raises NotFound, or Ambiguous for a name several answer to.

    With ``pages`` (section -> page number, see SECTIONS) each section holds one page of
    PER_PAGE items, and only those are read in full (sources, sentences); ``totals`` counts all."""
    rows = doc_entity_rows(store, ref, MAX_DOCUMENTS) if LOCAL_SEP not in ref else []
    if not rows:        # not an entity's id: let the one rule say what it stands for
        with store.engine.connect() as conn:
            ref = find_entity(conn, ref)
        rows = doc_entity_rows(store, ref, MAX_DOCUMENTS)
    if not rows:
        raise NotFound("no such entity", item=ref)
    with store.engine.connect() as conn:
        events = _events(conn, ref)
        spans = _mention_sentences(conn, ref)
        quotes_by, quotes_about = _quotes(conn, ref)
        weights = _neighbours(conn, ref, {ref})
        names = shown(conn, [ref, *weights])       # the entity and its neighbours, as every page shows them
    review = reviewed_facts(store, ref, rows, events, quotes_by, quotes_about)
    rows, events, quotes_by, quotes_about = review["rows"], review["events"], review["quotes_by"], review["quotes_about"]
    totals = {"events": len(events), "quotes_by": len(quotes_by), "quotes_about": len(quotes_about)}
    if pages is not None:
        events, quotes_by, quotes_about = (page_of(items, pages.get(name, 1)) for name, items in
                                           (("events", events), ("quotes_by", quotes_by),
                                            ("quotes_about", quotes_about)))
    neighbours = sorted(({"ref": r, **names[r], "weight": w} for r, w in weights.items() if r in names),
                        key=lambda x: (-x["weight"], x["name"]))[:MAX_NEIGHBOURS]
    doc_ids = {r["document_id"] for r in rows} | {x["document_id"] for x in events + quotes_by + quotes_about}
    meta = doc_meta(store, doc_ids)
    status = cluster_status(store, [e["cluster"] for e in events])
    _attach_sources(store, events + quotes_by + quotes_about, meta)
    for e in events:
        st = status.get(e["cluster"]) or {"outlets": [e["outlet"] or "unknown outlet"],
                                          "corroboration": "single source"}
        e.update(outlets=st["outlets"], corroboration=st["corroboration"])
    own_docs = {r["document_id"] for r in rows}
    entity = names.get(ref) or {"name": rows[0]["name"], "type": rows[0]["type"]}
    documents = sorted((meta[d] | {"id": d} for d in meta if d in own_docs),
                       key=lambda d: (d["published"] or "", d["id"]), reverse=True)
    totals["documents"] = len(documents)
    if pages is not None:
        documents = page_of(documents, pages.get("documents", 1))
    return {"ref": ref, **_profile(rows, meta, spans, entity), "documents": documents, "totals": totals,
            "documents_total": count_documents(store, ref), "documents_read": len({r["document_id"] for r in rows}),
            "events": events, "quotes_by": quotes_by, "quotes_about": quotes_about, "neighbours": neighbours,
            "links": review["links"]}


_LIST_CACHE: dict[tuple, tuple[float, list[dict]]] = {}


def entity_list(store: Store, limit: int = 100, offset: int = 0, entity_type: str | None = None) -> list[dict]:
    """Entities by how many documents mention them, cached briefly (counting scans every mention).

    The cache key includes the newest document, so a new ingest shows at once; a merge
    by the resolver shows within LIST_CACHE_SECONDS.
    """
    with store.engine.connect() as conn:
        newest = conn.execute(text("SELECT MAX(seq) FROM documents")).scalar()
    key = (id(store), limit, offset, entity_type, newest)
    hit = _LIST_CACHE.get(key)
    if hit and time.monotonic() - hit[0] < LIST_CACHE_SECONDS:
        return hit[1]
    if len(_LIST_CACHE) > LIST_CACHE_SIZE:
        _LIST_CACHE.clear()
    rows = _entity_list(store, limit, offset, entity_type)
    _LIST_CACHE[key] = (time.monotonic(), rows)
    return rows


def _entity_list(store: Store, limit: int, offset: int, entity_type: str | None) -> list[dict]:
    """Entities by documents, under the names and types ``lookup.shown`` gives (the resolved entity's);
    document entities resolution has not reached count once each."""
    where = "AND type = :t" if entity_type else ""
    sql = text(
        "SELECT ref, name, type, documents FROM ("
        "SELECT en.id AS ref, en.name AS name, en.type AS type, counted.documents AS documents FROM "
        "(SELECT entity_id, COUNT(DISTINCT document_id) AS documents FROM doc_entities WHERE entity_id IS NOT NULL "
        f"GROUP BY entity_id) AS counted JOIN entities en ON en.id = counted.entity_id WHERE 1=1 {where} "
        "UNION ALL SELECT document_id || :sep || key, name, type, 1 FROM doc_entities "
        f"WHERE entity_id IS NULL {where}) AS listed ORDER BY documents DESC, name LIMIT :n OFFSET :o")
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sql, {"sep": LOCAL_SEP, "t": entity_type, "n": limit,
                                                            "o": offset})]
        names = shown(conn, [r["ref"] for r in rows])
    return [r | names.get(r["ref"], {}) for r in rows]
