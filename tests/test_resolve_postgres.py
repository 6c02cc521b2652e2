"""Cross-document resolution on PostgreSQL: the same conflicts, clusters and overrides as on SQLite."""
from __future__ import annotations

import pytest

from casefile import resolve
from casefile.pipeline import ingest
from casefile.resolve import manage, similarity
from casefile.resolve.lookup import find_entity
from casefile.resolve.timeline import TimelineQuery, timeline
from casefile.store.db import Store

from .pg import pg_server, pg_url  # noqa: F401  (fixtures)
from .test_resolve_cases import DIACRITICS, HARBOR, RIVERSIDE


@pytest.fixture(autouse=True)
def no_sentence_model(monkeypatch):
    monkeypatch.setenv("CASEFILE_NO_EMBEDDINGS", "1")
    monkeypatch.setattr(similarity, "_state", {})


def test_conflicts_timeline_merge_and_split_work_on_postgresql(tmp_path, pg_url, nlp):  # noqa: F811
    store = Store.open(pg_url)
    for name, text, outlet in (("h.txt", HARBOR, "Harbor Times"), ("r.txt", RIVERSIDE, "Riverside Daily"),
                               *((f"p{i}.txt", t, o) for i, (o, t) in enumerate(DIACRITICS))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ingest([str(tmp_path / name)], store, outlet=outlet, published="2024-05-10")
    kinds = sorted(r["kind"] for r in manage.list_conflicts(store))
    assert kinds == ["date", "duration", "quote_speaker"]
    items = timeline(store, TimelineQuery(entity="Le Thi Hoa", dated_only=True))["clusters"]
    assert items[0]["type"] == "arrest" and set(items[0]["outlets"]) == {"Harbor Times", "Riverside Daily"}
    with store.engine.connect() as conn:
        eid = find_entity(conn, "Ly Thi Nhan")
    member = manage.show_entity(store, eid)["members"][-1]
    alone = manage.split(store, eid, member["document_id"], member["key"])
    assert manage.merge(store, eid, alone) == eid
    before = store.counts()
    resolve.run(store)
    assert store.counts() == before
    store.close()
