"""Review and cases over HTTP: token-gated forms on the pages where facts show, the audit page, case pages."""
from __future__ import annotations

import re
import shutil

import pytest
from fastapi.testclient import TestClient

from casefile.resolve import review as R
from casefile.store.db import Store
from casefile.web.app import create_app
from tests.test_web_helpers import web_store

TOKEN = "review-token-for-tests"


@pytest.fixture
def db_copy(tmp_path) -> str:
    target = tmp_path / "review.db"
    shutil.copy(web_store(), target)
    return str(target)


@pytest.fixture
def client(db_copy):
    return TestClient(create_app(db_copy, token=TOKEN), follow_redirects=False)


def _event(db, etype="trial"):
    store = Store.open(db, readonly=True)
    try:
        return next(e for e in store.rows("events") if e["type"] == etype and e["text"] == "sentenced")
    finally:
        store.close()


def _form(key, **fields):
    return {"key": key, "reviewer": "Ana", "token": TOKEN, "status": "rejected"} | fields


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x"])
def test_a_review_without_the_token_is_refused_and_nothing_is_stored(client, db_copy, token):
    form = _form(R.row_key("event", _event(db_copy)))
    if token is None:
        del form["token"]
    else:
        form["token"] = token
    r = client.post("/review", data=form)
    assert r.status_code == 401
    assert R.decisions(Store.open(db_copy, readonly=True)) == []


def test_reviews_over_http_are_off_without_a_configured_token(db_copy, monkeypatch):
    monkeypatch.delenv("CASEFILE_TOKEN", raising=False)
    client = TestClient(create_app(db_copy), follow_redirects=False)
    assert client.post("/review", data=_form(R.row_key("event", _event(db_copy)))).status_code == 404
    assert client.post("/cases", data={"name": "x", "token": TOKEN}).status_code == 404


def test_rejecting_an_event_from_its_dossier_returns_there_and_leaves_it_out(client, db_copy):
    page = client.get("/entities/Teodor Kalvan").text
    events = re.search(r'<section id="events">(.*?)</section>', page, re.S).group(1)
    assert events.count('action="/review"') == events.count('<li class="fact">') > 0   # a form per event
    key = R.row_key("event", _event(db_copy))
    assert f'value="{key}"' in page
    r = client.post("/review", data=_form(key, note="the sentencing", next="/entities/Teodor%20Kalvan"))
    assert r.status_code == 303 and r.headers["location"] == "/entities/Teodor%20Kalvan"
    page = client.get("/entities/Teodor Kalvan").text
    assert f'value="{key}"' not in page
    audit = client.get("/review").text
    assert "the sentencing" in audit and "rejected" in audit and "/documents/" in audit
    # When, written for people (the machine's stamp stays in the markup).
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC</time>', audit)


def test_a_review_saved_on_a_dossier_page_returns_to_that_page_at_the_fact(client, db_copy):
    url = "/entities/Teodor%20Kalvan?quotes_by_page=1&documents_page=1"
    page = client.get(url).text
    key = R.row_key("event", _event(db_copy))
    back = re.search(r'name="key" value="%s"><input type="hidden" name="next" value="([^"]*)"' % re.escape(key), page)
    target = back.group(1).replace("&amp;", "&") if back else ""
    assert re.fullmatch(r"/entities/[^/?#]+\?quotes_by_page=1&documents_page=1#review-" + re.escape(key), target)
    assert client.get(target.split("#")[0]).text.count(f'value="{key}"') == 1      # the same dossier
    r = client.post("/review", data=_form(key, status="confirmed", next=target))
    assert r.status_code == 303 and r.headers["location"] == target


@pytest.mark.parametrize("target", ["//elsewhere.example/x", "https://elsewhere.example/", "", "/\\elsewhere"])
def test_after_a_review_the_browser_is_never_sent_off_the_site(client, db_copy, target):
    key = R.row_key("event", _event(db_copy))
    r = client.post("/review", data=_form(key, next=target))
    assert r.status_code == 303 and r.headers["location"].startswith("/review#")


@pytest.mark.parametrize("fields, status", [({"status": "maybe"}, 422), ({"type": "Not A Type!"}, 422),
                                             ({"key": "event:nosuchdocument:1:2:arrest"}, 404),
                                             ({"reviewer": ""}, 422)])
def test_a_bad_review_is_refused_with_its_reason(client, db_copy, fields, status):
    r = client.post("/review", data=_form(R.row_key("event", _event(db_copy))) | fields)
    assert r.status_code == status and r.json()["detail"]


def test_fixing_a_speaker_through_the_api_needs_the_bearer_token(client, db_copy):
    store = Store.open(db_copy, readonly=True)
    quote = next(q for q in store.rows("quotes") if q["text"].startswith("My husband"))
    body = {"key": R.row_key("quote", quote), "reviewer": "Ben", "status": "confirmed",
            "edits": {"speaker": "Ilsa Kalvan"}}
    assert client.post("/api/review", json=body).status_code == 401
    r = client.post("/api/review", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["edits"] == {"speaker": "Ilsa Kalvan"}
    listed = client.get("/api/review").json()
    assert [(d["kind"], d["reviewer"]) for d in listed] == [("quote", "Ben")]


def test_a_case_is_created_filled_and_shown_with_its_timeline_brief_and_export(client):
    assert client.post("/cases", data={"name": "detained bloggers", "token": "nope"}).status_code == 401
    r = client.post("/cases", data={"name": "detained bloggers", "reviewer": "Ana", "token": TOKEN})
    assert r.status_code == 303 and r.headers["location"] == "/cases/detained%20bloggers"
    r = client.post("/cases/detained bloggers/items", data={"entity": "Teodor Kalvan", "token": TOKEN})
    assert r.status_code == 303
    page = client.get("/cases/detained bloggers").text
    assert "Teodor Kalvan" in page and "sentenced" in page and 'action="/review"' in page
    assert "detained bloggers" in client.get("/cases").text
    assert "sentenced" in client.get("/cases/detained bloggers/brief.md").text
    exported = client.get("/export/cases/detained bloggers.json").json()
    assert exported["case"]["name"] == "detained bloggers" and exported["events"]
    assert all("review" in e for e in exported["events"])
    assert client.get("/cases/no such case").status_code == 404


def test_an_event_is_filed_under_a_case_from_its_review_form(client, db_copy):
    client.post("/cases", data={"name": "court cases", "token": TOKEN})
    key = R.row_key("event", _event(db_copy))
    r = client.post("/review", data=_form(key, status="confirmed", case="court cases"))
    assert r.status_code == 303
    exported = client.get("/export/cases/court cases.json").json()
    assert [e["id"] for e in exported["events"]] == [_event(db_copy)["id"]]
    assert exported["events"][0]["review"]["status"] == "confirmed"


def test_the_source_page_keeps_a_rejected_quote_and_marks_it(client, db_copy):
    store = Store.open(db_copy, readonly=True)
    quote = next(q for q in store.rows("quotes") if q["text"].startswith("My husband"))
    page = client.get(f"/documents/{quote['document_id']}").text
    assert page.count('action="/review"') >= 2 and "review-rejected" not in page
    client.post("/review", data=_form(R.row_key("quote", quote), note="no such words"))
    page = client.get(f"/documents/{quote['document_id']}").text
    assert page.count("review-rejected") == 1 and "no such words" in page
