"""Human review: decisions keyed by document and offsets, holding through re-ingest and resolution,
and what they change in the timeline, the dossier, the brief and the export."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from casefile import briefs
from casefile.export import build
from casefile.errors import Invalid, NotFound
from casefile.resolve import review as R
from casefile.resolve.timeline import TimelineQuery, timeline
from casefile.web.dossier import dossier
from tests.test_web_helpers import FICTION_ARTICLE


@pytest.mark.parametrize("key, expected", [
    ("event:abc123:30:39:trial", {"kind": "event", "document_id": "abc123", "start": 30, "end": 39, "type": "trial"}),
    ("quote:abc123:0:106", {"kind": "quote", "document_id": "abc123", "start": 0, "end": 106}),
    ("entity_link:abc123:e2", {"kind": "entity_link", "document_id": "abc123", "entity_key": "e2"}),
])
def test_a_fact_key_names_its_document_and_place(key, expected):
    assert R.parse_key(key) == expected


@pytest.mark.parametrize("key", ["event:abc123:30:39", "quote:abc123:x:9", "mention:abc:1:2", "quote::1:2",
                                 "entity_link:abc123", "18f3e2a1"])
def test_a_key_that_names_no_kind_of_fact_is_refused(key):
    with pytest.raises(Invalid):
        R.parse_key(key)


def test_a_row_and_its_key_agree():
    row = {"document_id": "d1", "start": 5, "end": 12, "type": "arrest"}
    assert R.parse_key(R.row_key("event", row)) == {"kind": "event", "document_id": "d1", "start": 5, "end": 12,
                                                    "type": "arrest"}


@pytest.fixture(scope="module")
def reviewed_db(tmp_path_factory):
    from casefile.pipeline import ingest
    from casefile.store.db import Store

    folder = tmp_path_factory.mktemp("review")
    source = folder / "article.jsonl"
    source.write_text(json.dumps(FICTION_ARTICLE) + "\n", encoding="utf-8")
    db = str(folder / "review.db")
    store = Store.open(db)
    ingest([str(source)], store)
    store.close()
    return db, source


@pytest.fixture
def store(reviewed_db, tmp_path):
    import shutil

    from casefile.store.db import Store

    db = str(tmp_path / "copy.db")
    shutil.copy(reviewed_db[0], db)
    s = Store.open(db)
    yield s
    s.close()


def _event(store, etype):
    return next(e for e in store.rows("events") if e["type"] == etype)


def _quote(store, start_of_text):
    return next(q for q in store.rows("quotes") if q["text"].startswith(start_of_text))


@pytest.mark.parametrize("kwargs, message", [
    ({"reviewer": "", "status": "rejected"}, "reviewer"),
    ({"reviewer": "Ana", "status": "wrong"}, "unknown status"),
    ({"reviewer": "Ana", "edits": {"type": "Arrest!"}}, "event type"),
    ({"reviewer": "Ana", "edits": {"date_value": "next week"}}, "date"),
    ({"reviewer": "Ana", "edits": {"speaker": "Someone"}}, "corrected"),
    ({"reviewer": "Ana", "note": "x" * 3000}, "note"),
])
def test_a_decision_with_a_bad_value_is_refused_and_nothing_is_stored(store, kwargs, message):
    key = R.row_key("event", _event(store, "arrest"))
    with pytest.raises(Invalid, match=message):
        R.decide(store, key, **kwargs)
    assert R.decisions(store) == []


def test_a_key_naming_no_stored_fact_is_not_found(store):
    with pytest.raises(NotFound):
        R.decide(store, "quote:0000000000000000:1:2", reviewer="Ana", status="confirmed")


def test_a_rejected_event_leaves_timeline_dossier_and_brief_and_the_export_says_so(store):
    trial = _event(store, "trial")
    R.decide(store, R.row_key("event", trial), reviewer="Ana", status="rejected", note="the sentence, not a trial")
    types = {c["type"] for c in timeline(store, TimelineQuery())["clusters"]}
    assert "trial" not in types and "imprisonment" in types      # the other event of the same word stays
    assert [e["type"] for e in dossier(store, "Teodor Kalvan")["events"]].count("trial") == 0
    assert "trial" not in briefs.markdown(store, "Teodor Kalvan")
    exported = {e["id"]: e for e in build(store)["events"]}
    assert exported[trial["id"]]["review"]["status"] == "rejected"
    assert exported[trial["id"]]["review"]["note"] == "the sentence, not a trial"
    assert exported[_event(store, "imprisonment")["id"]]["review"]["status"] == "unreviewed"


def test_corrected_type_and_date_show_with_the_extracted_ones_kept(store):
    arrest = _event(store, "arrest")
    R.decide(store, R.row_key("event", arrest), reviewer="Ben", edits={"type": "detention_abuse",
                                                                       "date_value": "2021-01-10"})
    (row,) = [r for c in timeline(store, TimelineQuery())["clusters"] for r in c["reports"] if r["id"] == arrest["id"]]
    assert (row["type"], row["date_value"]) == ("detention_abuse", "2021-01-10")
    assert row["review"]["original"]["type"] == "arrest" and row["review"]["original"]["date_value"] == "2021-01-09"
    assert timeline(store, TimelineQuery(type="arrest"))["clusters"] == []
    retyped = timeline(store, TimelineQuery(type="detention_abuse"))["clusters"]
    assert arrest["id"] in {r["id"] for c in retyped for r in c["reports"]}
    exported = next(e for e in build(store)["events"] if e["id"] == arrest["id"])
    assert exported["type"] == "detention_abuse" and exported["date"]["value"] == "2021-01-10"
    assert exported["review"]["original"]["type"] == "arrest"


def test_a_corrected_speaker_moves_the_quote_to_the_speaker_named(store):
    q = _quote(store, "A court in the city")
    R.decide(store, R.row_key("quote", q), reviewer="Ana", status="confirmed", edits={"speaker": "Teodor Kalvan"})
    by_him = dossier(store, "Teodor Kalvan")["quotes_by"]
    assert [x["id"] for x in by_him] == [q["id"]] and by_him[0]["speaker_text"] == "Teodor Kalvan"
    assert q["id"] not in {x["id"] for x in dossier(store, "Ilsa Kalvan")["quotes_by"]}
    exported = next(x for x in build(store)["quotes"] if x["id"] == q["id"])
    him = next(e["id"] for e in build(store)["entities"] if e["name"] == "Teodor Kalvan")
    assert exported["speaker"] == {"entity": him, "text": "Teodor Kalvan"}
    assert exported["review"]["original"]["speaker"] == q["speaker_text"]


def test_a_corrected_speaker_is_the_one_the_article_names_when_the_name_means_others_too(store):
    """A name that also names a place elsewhere in the corpus: the reviewer means the person the article names."""
    q = _quote(store, "A court in the city")
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO entities (id, name, type, aliases) VALUES ('e-elsewhere', 'Teodor Kalvan', "
                          "'FAC', '[]')"))
    R.decide(store, R.row_key("quote", q), reviewer="Ana", edits={"speaker": "teodor kalvan"})
    him = next(d for d in store.rows("doc_entities") if d["name"] == "Teodor Kalvan")
    assert (R.decisions(store)[0]["speaker_document"], R.decisions(store)[0]["speaker_key"]) == (
        him["document_id"], him["key"])
    assert [x["id"] for x in dossier(store, him["entity_id"])["quotes_by"]] == [q["id"]]


def test_a_corrected_speaker_no_entity_answers_to_is_anchored_nowhere(store):
    q = _quote(store, "A court in the city")
    R.decide(store, R.row_key("quote", q), reviewer="Ana", edits={"speaker": "Nobody Named Here"})
    (d,) = R.decisions(store)
    assert (d["speaker_document"], d["speaker_key"]) == (None, None)


def test_a_rejected_entity_link_takes_its_document_out_of_the_dossier(store):
    member = next(d for d in store.rows("doc_entities") if d["name"] == "Ilsa Kalvan")
    R.decide(store, R.row_key("entity_link", member), reviewer="Ana", status="rejected")
    d = dossier(store, member["entity_id"])
    assert d["quotes_by"] == [] and d["documents"] == []
    him = next(d for d in store.rows("doc_entities") if d["name"] == "Teodor Kalvan")
    assert timeline(store, TimelineQuery(entity=him["entity_id"]))["clusters"]       # his link stands
    R.decide(store, R.row_key("entity_link", him), reviewer="Ana", status="rejected")
    assert timeline(store, TimelineQuery(entity=him["entity_id"]))["clusters"] == []
    assert [x["review"]["status"] for x in d["links"]] == ["rejected"]   # still there, to be undone


def test_later_decisions_replace_the_standing_one_and_every_change_is_in_the_history(store):
    key = R.row_key("event", _event(store, "arrest"))
    R.decide(store, key, reviewer="Ana", status="rejected")
    R.decide(store, key, reviewer="Ben", status="confirmed", note="two outlets report it")
    (d,) = R.decisions(store)
    assert (d["status"], d["reviewer"], d["note"]) == ("confirmed", "Ben", "two outlets report it")
    assert [(h["reviewer"], h["status"]) for h in R.history(store, key)] == [("Ana", "rejected"), ("Ben", "confirmed")]
    assert R.decisions(store, status="rejected") == []


def test_decisions_hold_when_the_article_is_extracted_again_and_the_corpus_resolved_again(store, reviewed_db):
    from casefile import resolve
    from casefile.pipeline import ingest

    trial, q = _event(store, "trial"), _quote(store, "A court in the city")
    R.decide(store, R.row_key("event", trial), reviewer="Ana", status="rejected")
    R.decide(store, R.row_key("quote", q), reviewer="Ana", edits={"speaker": "Teodor Kalvan"})
    with store.engine.begin() as conn:        # every row of the article goes; ingest writes them anew
        conn.execute(text("DELETE FROM documents WHERE id = :d"), {"d": trial["document_id"]})
        conn.execute(text("DELETE FROM resolve_meta"))      # and the next resolution starts from scratch
    assert list(store.rows("events")) == []
    ingest([str(reviewed_db[1])], store)
    resolve.run(store)
    assert "trial" not in {c["type"] for c in timeline(store, TimelineQuery())["clusters"]}
    assert [x["speaker_text"] for x in dossier(store, "Teodor Kalvan")["quotes_by"]] == ["Teodor Kalvan"]
    assert {d["status"] for d in R.decisions(store)} == {"rejected", "unreviewed"}
    assert all(d["stored"] for d in R.decisions(store))
