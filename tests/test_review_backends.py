"""Review and cases on SQLite and PostgreSQL alike: the same decisions, timelines, dossiers and exports."""
from __future__ import annotations

import pytest

from casefile import resolve
from casefile.export import build
from casefile.resolve import case_groups
from casefile.resolve import review as R
from casefile.resolve.timeline import TimelineQuery, timeline
from casefile.web.dossier import dossier
from tests.helpers.rows import rows_of
from tests.test_store_backends import a_document, an_extraction, db_url, store  # noqa: F401  (fixtures)
from tests.pg import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture
def filled(store):  # noqa: F811
    store.write_batch(rows_of((a_document(), an_extraction(), {})))
    resolve.run(store)
    return store


def test_a_rejected_event_and_a_corrected_speaker_hold_on_either_backend(filled):
    store = filled
    (event,), (quote,) = list(store.rows("events")), list(store.rows("quotes"))
    R.decide(store, R.row_key("event", event), reviewer="Ana", status="rejected", note="a summons, not an arrest")
    R.decide(store, R.row_key("quote", quote), reviewer="Ana", edits={"speaker": "Tavi Mosk"})
    resolve.run(store)
    assert timeline(store, TimelineQuery())["clusters"] == []
    assert dossier(store, "Tavi Mosk")["events"] == []
    assert [q["speaker_text"] for q in dossier(store, "Tavi Mosk")["quotes_by"]] == ["Tavi Mosk"]
    assert dossier(store, "Lira Mosk")["quotes_by"] == []
    data = build(store)
    assert data["events"][0]["review"]["status"] == "rejected"
    assert data["quotes"][0]["speaker"]["text"] == "Tavi Mosk"
    assert [d["status"] for d in R.decisions(store, status="rejected")] == ["rejected"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_case_needs_a_name(filled, name):
    from casefile.errors import Invalid

    with pytest.raises(Invalid):
        case_groups.create(filled, name)


def test_a_case_name_is_one_case_whatever_its_capitals(filled):
    from casefile.errors import CasefileError, NotFound

    case_groups.create(filled, "Detained Bloggers")
    with pytest.raises(CasefileError, match="exists"):
        case_groups.create(filled, "detained  bloggers")
    with pytest.raises(NotFound):
        case_groups.add(filled, "no such case", ["Tavi Mosk"])


def test_a_case_timeline_holds_the_events_of_its_entities_and_no_others(filled):
    case_groups.create(filled, "followed")
    assert timeline(filled, TimelineQuery(case="followed"))["clusters"] == []
    case_groups.add(filled, "followed", ["Lira Mosk"])          # she takes part in no event
    assert timeline(filled, TimelineQuery(case="followed"))["clusters"] == []
    case_groups.add(filled, "followed", ["Tavi Mosk"])
    assert [c["type"] for c in timeline(filled, TimelineQuery(case="followed"))["clusters"]] == ["arrest"]
    assert case_groups.remove(filled, "followed", entities=["Tavi Mosk"]) == 1
    assert timeline(filled, TimelineQuery(case="followed"))["clusters"] == []


def test_a_rejected_entity_link_takes_the_document_off_the_entity_timeline(filled):
    member = next(d for d in filled.rows("doc_entities") if d["name"] == "Tavi Mosk")
    assert len(timeline(filled, TimelineQuery(entity="Tavi Mosk"))["clusters"]) == 1
    R.decide(filled, R.row_key("entity_link", member), reviewer="Ana", status="rejected")
    assert timeline(filled, TimelineQuery(entity=member["entity_id"]))["clusters"] == []
    assert len(timeline(filled, TimelineQuery())["clusters"]) == 1      # the event itself stands
