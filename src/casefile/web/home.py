"""The home page's case overview: the latest events, the people most events name, the newest documents.

Each list is short and read with a bounded query; the people count scans every participant, so
it is remembered while the store is unchanged (a 10,000-article store answers from memory).
"""
from __future__ import annotations

from sqlalchemy import bindparam, text

from ..resolve.lookup import shown
from ..resolve.timeline import TimelineQuery
from ..resolve.timeline import timeline as assemble
from ..store.db import Store
from ..store.memo import remembered
from . import labels
from .facts import source_link

SHOWN = 10
LATEST_REPORTS = 40      # reports read for the latest events (several reports make one event)


def latest_events(store: Store, n: int = SHOWN) -> list[dict]:
    """The newest dated event clusters, newest first, each as a sentence with its outlets."""
    data = assemble(store, TimelineQuery(dated_only=True, limit=LATEST_REPORTS, latest=True))
    rows = sorted(data["clusters"], key=lambda c: (c["date_end"] or "", c["date_start"] or ""), reverse=True)[:n]
    return [{"when": labels.human_date(c["date_value"]), "sentence": c["sentence"], "outlets": c["outlets"],
             "corroboration": c["corroboration"], "cluster": c["cluster"],
             "link": source_link(c["reports"][0]["document_id"], c["reports"][0]["sentence_start"])}
            for c in rows]


def busiest_people(store: Store, n: int = SHOWN) -> list[dict]:
    """People (resolved entities) by how many events they take part in."""
    sql = text("SELECT de.entity_id AS ref, COUNT(DISTINCT p.event_id) AS events FROM participants p "
               "JOIN doc_entities de ON de.document_id = p.document_id AND de.key = p.entity_key "
               "WHERE de.type = 'PERSON' AND de.entity_id IS NOT NULL GROUP BY de.entity_id "
               "ORDER BY events DESC, de.entity_id LIMIT :n")

    def read() -> list[dict]:
        with store.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(sql, {"n": n})]
            names = shown(conn, [r["ref"] for r in rows])
        return [r | names[r["ref"]] for r in rows if r["ref"] in names]

    return remembered(store, ("busiest people", n), read)


def with_first_lines(store: Store, docs: list[dict]) -> list[dict]:
    """Documents without a title get their first line (read from the first few hundred characters)."""
    untitled = [d["id"] for d in docs if not d.get("title")]
    if untitled:
        sql = text("SELECT id, substr(text, 1, 400) AS head FROM documents WHERE id IN :ids")
        with store.engine.connect() as conn:
            heads = {r.id: r.head for r in conn.execute(sql.bindparams(bindparam("ids", expanding=True)),
                                                        {"ids": untitled})}
        for d in docs:
            if d["id"] in heads:
                d["first_line"] = labels.first_line(heads[d["id"]])
    return docs


def overview(store: Store) -> dict:
    return {"events": latest_events(store), "people": busiest_people(store),
            "documents": with_first_lines(store, store.documents(limit=SHOWN))}
