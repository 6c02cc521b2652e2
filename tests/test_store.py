from __future__ import annotations

import sqlite3

import pytest

from casefile.errors import NotFound, StoreError
from casefile.models import Document, Extraction, LocalEntity, Mention, Quote, Speaker, TimeExpr
from casefile.store.db import Store, database_url
from casefile.store.migrations import MIGRATIONS

from .helpers.rows import rows_of

TEXT = "Ana Rell was arrested on Monday. \"We will appeal,\" her lawyer said."
Q = TEXT.index("We will")


def a_document(text=TEXT, id_="doc1"):
    return Document(id=id_, source=f"{id_}.txt", text=text, title="Arrest", outlet="Kestria Post",
                    published="2024-05-06")


def an_extraction(doc_id="doc1"):
    return Extraction(
        document=doc_id,
        entities=[LocalEntity(key="e1", name="Ana Rell", type="PERSON", aliases=["Ana Rell"],
                              mentions=[Mention(0, 8, "Ana Rell", "PERSON")])],
        quotes=[Quote(start=Q, end=Q + 14, text="We will appeal", kind="direct",
                      speaker=Speaker(text="her lawyer"), cue="said", sentence_start=33, sentence_end=len(TEXT))],
        times=[TimeExpr(start=25, end=31, text="Monday", value="2024-05-06")],
        sentences=[(0, 32), (33, len(TEXT))])


@pytest.mark.parametrize("db, url", [
    ("casefile.db", "sqlite:///casefile.db"),
    ("postgresql://u@localhost/cf", "postgresql+psycopg://u@localhost/cf"),
    ("sqlite:///other.db", "sqlite:///other.db"),
])
def test_database_urls_accept_paths_and_urls(db, url):
    assert database_url(db) == url


def test_a_new_store_applies_every_migration_once(tmp_path):
    path = tmp_path / "m.db"
    Store.open(str(path)).close()
    Store.open(str(path)).close()
    con = sqlite3.connect(path)
    versions = [r[0] for r in con.execute("select version from schema_migrations order by version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"



def test_a_store_from_before_migration_8_keeps_its_resolution_state_in_fewer_b_trees(tmp_path):
    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    con = sqlite3.connect(path)
    # entity_keys, entity_state and candidate_roots as migration 6 made them, with rows
    con.executescript("""
        DROP TABLE entity_keys; DROP TABLE entity_state; DROP TABLE candidate_roots;
        CREATE TABLE entity_keys ("key" TEXT NOT NULL, document_id TEXT NOT NULL, entity_key TEXT NOT NULL,
            seq INTEGER NOT NULL, PRIMARY KEY ("key", document_id, entity_key));
        CREATE INDEX ix_entity_keys_first ON entity_keys ("key", seq);
        CREATE INDEX ix_entity_keys_record ON entity_keys (document_id, entity_key);
        CREATE TABLE entity_state (document_id TEXT NOT NULL, "key" TEXT NOT NULL, forms JSON, base TEXT NOT NULL,
            target TEXT, rule TEXT, PRIMARY KEY (document_id, "key"));
        CREATE INDEX ix_entity_state_base ON entity_state (base);
        CREATE INDEX ix_entity_state_target ON entity_state (target);
        CREATE TABLE candidate_roots ("key" TEXT NOT NULL, root TEXT NOT NULL, documents INTEGER NOT NULL,
            PRIMARY KEY ("key", root));
        CREATE INDEX ix_candidate_roots_root ON candidate_roots (root);
        CREATE INDEX ix_doc_entities_entity ON doc_entities (entity_id);
        INSERT INTO entity_keys VALUES ('J:roe', 'doc1', 'e1', 3), ('J:roe', 'doc2', 'e4', 1);
        INSERT INTO entity_state VALUES ('doc1', 'e1', '["President Roe"]', 'doc2~e4', NULL, NULL);
        INSERT INTO candidate_roots VALUES ('I:roe', 'doc2~e4', 2);
        DELETE FROM schema_migrations WHERE version = 8;
    """)
    con.commit()
    con.close()
    Store.open(str(path)).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT * FROM entity_keys ORDER BY seq").fetchall() == [
        ("J:roe", "doc2", "e4", 1), ("J:roe", "doc1", "e1", 3)]
    assert con.execute("SELECT * FROM entity_state").fetchall() == [
        ("doc1", "e1", '["President Roe"]', "doc2~e4", None, None)]
    assert con.execute("SELECT * FROM candidate_roots").fetchall() == [("I:roe", "doc2~e4", 2)]
    tables = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    assert all("WITHOUT ROWID" in tables[t] for t in ("entity_keys", "entity_state", "candidate_roots"))
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_entity_keys_record", "ix_entity_state_base", "ix_entity_state_target",
            "ix_candidate_roots_root", "ix_doc_entities_owner"} <= indexes
    assert not indexes & {"ix_entity_keys_first", "ix_doc_entities_entity", "ix_doc_entities_entity_document"}

def test_a_document_is_stored_with_all_its_records_and_sentence_offsets(store):
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    counts = store.counts()
    assert counts["documents"] == 1 and counts["mentions"] == 1 and counts["quotes"] == 1 and counts["times"] == 1
    mention = next(store.rows("mentions"))
    assert (mention["sentence_start"], mention["sentence_end"]) == (0, 32)
    quote = next(store.rows("quotes"))
    assert TEXT[quote["start"]:quote["end"]] == quote["text"]


def test_writing_the_same_batch_twice_changes_nothing(store):
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    before = store.counts()
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    store.add_source("doc1", "doc1.txt")
    store.record_issue("bad.bin", "binary content")
    store.record_issue("bad.bin", "binary content")
    after = store.counts()
    assert after == before | {"ingest_issues": 1}


def test_full_text_search_finds_documents_by_words_and_ignores_operators(store):
    store.write_batch(rows_of((a_document(), None, {}),
                       (a_document("Floods closed the river port for a week.", "doc2"), None, {})))
    assert [r["id"] for r in store.search_documents("arrested")] == ["doc1"]
    assert [r["id"] for r in store.search_documents("river \"port")] == ["doc2"]
    assert store.search_documents("***") == []


def test_a_missing_document_raises_not_found(store):
    with pytest.raises(NotFound):
        store.document("nope")


def test_opening_a_missing_file_read_only_is_a_clear_error(tmp_path):
    with pytest.raises(NotFound, match="casefile ingest"):
        Store.open(str(tmp_path / "absent.db"), readonly=True)


def test_a_read_only_store_refuses_writes(tmp_path):
    path = str(tmp_path / "ro.db")
    Store.open(path).write_batch(rows_of((a_document(), None, {})))
    ro = Store.open(path, readonly=True)
    assert ro.document("doc1")["title"] == "Arrest"
    with pytest.raises(Exception):
        ro.record_issue("x", "y")


def test_an_unusable_database_url_is_a_store_error():
    with pytest.raises(StoreError):
        Store.open("nosuchdriver://host/db")
