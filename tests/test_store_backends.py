"""The store on both backends: SQLite and a real PostgreSQL server started for the session.

In CI (CI=true) the PostgreSQL half is never skipped: missing server binaries are
installed, and failing that, the tests fail (tests/pg.py).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casefile.cli import main
from casefile.errors import NotFound
from casefile.export import build
from casefile.models import (Document, Event, Extraction, LocalEntity, Mention, Participant, Quote, Speaker,
                             TimeExpr)
from casefile.store import db
from casefile.store.db import Store
from casefile.store.migrations import MIGRATIONS
from casefile.store.rows import extraction_rows

from .helpers.rows import rows_of
from .pg import pg_server, pg_url  # noqa: F401  (fixtures)

TEXT = ('Police in Orlen detained the blogger Tavi Mosk on Monday, his wife said. '
        '"He has done nothing wrong," Lira Mosk told reporters in Orlen.')
Q_START = TEXT.index("He has")
Q_TEXT = "He has done nothing wrong,"
S2 = TEXT.index('"He')
OTHER = "Floods closed the river port of Vask for a week, the harbour office reported on Friday."


def a_document(text: str = TEXT, id_: str = "doc1", source: str | None = None) -> Document:
    return Document(id=id_, source=source or f"{id_}.txt", text=text, title="Blogger detained",
                    outlet="Orlen Herald", published="2025-02-03", date_hint={}, provenance={"title": "test"})


def an_extraction(doc_id: str = "doc1") -> Extraction:
    tavi = TEXT.index("Tavi Mosk")
    lira = TEXT.index("Lira Mosk")
    monday = TEXT.index("Monday")
    detained = TEXT.index("detained")
    return Extraction(
        document=doc_id,
        entities=[LocalEntity(key="e1", name="Tavi Mosk", type="PERSON", aliases=["Tavi Mosk"],
                              mentions=[Mention(tavi, tavi + 9, "Tavi Mosk", "PERSON")]),
                  LocalEntity(key="e2", name="Lira Mosk", type="PERSON", aliases=["Lira Mosk"],
                              mentions=[Mention(lira, lira + 9, "Lira Mosk", "PERSON")])],
        quotes=[Quote(start=Q_START, end=Q_START + len(Q_TEXT), text=Q_TEXT, kind="direct",
                      speaker=Speaker(text="Lira Mosk", entity="e2", start=lira, end=lira + 9), cue="told",
                      sentence_start=S2, sentence_end=len(TEXT))],
        times=[TimeExpr(start=monday, end=monday + 6, text="Monday", value="2025-02-03")],
        events=[Event(type="arrest", trigger="detained", start=detained, end=detained + 8, sentence_start=0,
                      sentence_end=S2 - 1, date_value="2025-02-03", date_text="Monday",
                      participants=[Participant(role="target", text="Tavi Mosk", entity="e1",
                                                start=tavi, end=tavi + 9)])],
        sentences=[(0, S2 - 1), (S2, len(TEXT))])


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "backend.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    opened = Store.open(db_url)
    yield opened
    opened.close()


def test_opening_a_store_twice_applies_every_migration_once(db_url):
    Store.open(db_url).close()
    reopened = Store.open(db_url)
    with reopened.engine.connect() as conn:
        from sqlalchemy import text
        versions = [r[0] for r in conn.execute(text("SELECT version FROM schema_migrations ORDER BY version"))]
    reopened.close()
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_a_written_document_reads_back_with_exact_offsets(store):
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    doc = store.document("doc1")
    assert doc["text"] == TEXT and doc["provenance"] == {"title": "test"}
    for table in ("mentions", "quotes", "times", "events"):
        rows = list(store.rows(table))
        assert rows, table
        for row in rows:
            assert doc["text"][row["start"]:row["end"]] == row["text"], table
    quote = next(store.rows("quotes"))
    assert quote["speaker_text"] == "Lira Mosk" and quote["cue"] == "told"
    assert [p["role"] for p in store.rows("participants")] == ["target"]


def test_writing_the_same_batch_twice_changes_nothing(store):
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    before = store.counts()
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    store.add_source("doc1", "doc1.txt")
    store.record_issue("broken.bin", "binary content")
    store.record_issue("broken.bin", "binary content")
    assert store.counts() == before | {"ingest_issues": 1}


@pytest.mark.parametrize("ids, expected", [
    (["doc1"], {"doc1"}),
    (["doc1", "nope"], {"doc1"}),
    (["nope"], set()),
    ([], set()),
])
def test_known_reports_only_stored_ids(store, ids, expected):
    store.write_batch(rows_of((a_document(), None, {})))
    assert store.known(ids) == expected


def test_counts_cover_every_table_and_grow_with_a_second_document(store):
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    one = store.counts()
    store.write_batch(rows_of((a_document(OTHER, "doc2"), None, {"signature": [1, 2, 3], "bands": ["b1", "b2"],
                                                        "near": [("doc1", 0.7)]})))
    two = store.counts()
    assert one["documents"] == 1 and two["documents"] == 2
    assert two["minhash_bands"] == 2 and two["near_duplicates"] == 1 and two["mentions"] == one["mentions"]
    assert store.band_candidates(["b2", "zzz"]) == {"doc2": [1, 2, 3]}
    assert store.document("doc1")["near_duplicates"] == [{"document_id": "doc2", "similarity": 0.7}]


def test_band_candidates_answer_the_same_from_the_database_and_from_memory(store, monkeypatch):
    big = [5, 2 ** 61 - 1, 0]
    store.write_batch(rows_of((a_document(), None, {"signature": big, "bands": ["b1"], "near": []}),
                       (a_document(OTHER, "doc2"), None, {"signature": [1, 2, 3], "bands": ["b1", "b2"], "near": []})))
    first = store.band_candidates(["b1"])
    assert first == store.band_candidates(["b1"]) == {"doc1": big, "doc2": [1, 2, 3]}   # read, then remembered
    assert store.band_candidates(["b2"]) == {"doc2": [1, 2, 3]}
    assert store.band_candidates(["b9"]) == {} and store.band_candidates([]) == {}
    monkeypatch.setattr(db, "SIGNATURE_CACHE_LIMIT", 1)      # a full memory is emptied and read again
    assert store.band_candidates(["b1"]) == first and store.band_candidates(["b2"]) == {"doc2": [1, 2, 3]}


def test_every_record_id_starts_with_its_documents_id_and_comes_out_the_same_twice():
    doc = a_document(id_="7332d0c5f1282830")
    first, again = (dict(extraction_rows(doc, an_extraction(doc.id))) for _ in range(2))
    ids = [r["id"] for table in ("mentions", "quotes", "times", "events") for r in first[table]]
    ids += [r["id"] for r in first["entities"]]
    assert ids and len(set(ids)) == len(ids)
    assert all(i.removeprefix("e").startswith(doc.id[:8]) for i in ids)
    assert first == again
    other = dict(extraction_rows(a_document(id_="0000aaaa5f128283"), an_extraction("0000aaaa5f128283")))
    assert not set(ids) & {r["id"] for t in ("mentions", "quotes", "times", "events") for r in other[t]}


@pytest.mark.parametrize("query, expected", [
    ("detained", ["doc1"]),
    ("river \"port", ["doc2"]),
    ("Vask harbour", ["doc2"]),
    ("blogger", ["doc1"]),          # a title word counts too
    ("***", []),
    ("volcano", []),
])
def test_full_text_search_finds_documents_by_their_words(store, query, expected):
    store.write_batch(rows_of((a_document(), None, {}),
                       (Document(id="doc2", source="doc2.txt", text=OTHER, title="Port closed"), None, {})))
    assert [r["id"] for r in store.search_documents(query)] == expected


def test_a_missing_document_raises_not_found(store):
    with pytest.raises(NotFound):
        store.document("nope")


def test_the_export_object_is_the_same_on_both_backends(tmp_path, pg_url):
    exports = []
    for url in (str(tmp_path / "same.db"), pg_url):
        opened = Store.open(url)
        opened.write_batch(rows_of((a_document(), an_extraction(), {}), (a_document(OTHER, "doc2"), None, {})))
        exports.append(build(opened))
        opened.close()
    sqlite_export, pg_export = exports
    assert pg_export == sqlite_export
    assert {q["text"] for q in pg_export["quotes"]} == {Q_TEXT}
    assert [e["participants"][0]["text"] for e in pg_export["events"]] == ["Tavi Mosk"]


ARTICLES = {
    "orlen.txt": "Blogger detained in Orlen\n\n" + TEXT + " His trial is set for March 3, 2025, the court said.\n",
    "vask.txt": "Port of Vask closed\n\n" + OTHER + ' "We expect to reopen soon," the port director, '
                "Eno Dell, said on Saturday.\n",
}


def test_ingest_export_and_timeline_run_against_postgresql(tmp_path, pg_url):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 50)
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", str(tmp_path), "--db", pg_url, "--published", "2025-02-04", "-q"])
    assert "stored 2," in ingest.output, ingest.output
    again = runner.invoke(main, ["ingest", str(tmp_path), "--db", pg_url, "--published", "2025-02-04", "-q"])
    assert "stored 0, duplicates 2" in again.output, again.output
    out = tmp_path / "export.json"
    exported = runner.invoke(main, ["export", "--db", pg_url, "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text())
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert len(texts) == 2 and data["entities"] and data["quotes"]
    for record in (*data["quotes"], *data["times"], *data["events"]):
        assert texts[record["document"]][record["start"]:record["end"]] == record.get("text", record.get("trigger"))
    stats = runner.invoke(main, ["stats", "--db", pg_url, "--json"])
    assert json.loads(stats.output)["documents"] == 2
    errors = runner.invoke(main, ["errors", "--db", pg_url])
    assert "bad.bin" in errors.output
    if "timeline" in main.commands:
        timeline = runner.invoke(main, ["timeline", "--db", pg_url])
        assert timeline.exit_code == 0, timeline.output


def test_search_and_the_web_app_answer_on_both_backends(store, db_url):
    from fastapi.testclient import TestClient

    from casefile.store.search import search
    from casefile.web.app import create_app

    store.write_batch(rows_of((a_document(), an_extraction(), {}),
                       (Document(id="doc2", source="doc2.txt", text=OTHER, title="Port closed"), None, {})))
    found = search(store, "detained")
    assert [d["id"] for d in found.documents] == ["doc1"]
    assert search(store, "volcano").documents == []
    client = TestClient(create_app(db_url))
    for path in ("/", "/search?q=detained"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
    assert "Tavi Mosk" in client.get("/search?q=Tavi").text
