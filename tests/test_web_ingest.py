"""POST /api/ingest: off without a token, token-gated with one, size-limited, then really ingesting."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from casefile.web.app import create_app
from casefile.web.upload import MAX_UPLOAD_BYTES
from tests.test_web_helpers import web_store

TOKEN = "correct-horse-battery-staple"
ARTICLE = {"title": "Rally in Pellon ends with arrests", "outlet": "Coastal Courier", "published": "2020-02-02",
           "text": "Police in Pellon arrested the organiser Marta Venn on February 1, 2020, witnesses said. "
                   "Officers also detained two students who had joined the rally outside the town hall."}


@pytest.fixture
def db_copy(tmp_path) -> str:
    """A private copy of the shared test store, so ingesting here leaves other tests' data alone."""
    target = tmp_path / "ingest.db"
    shutil.copy(web_store(), target)
    return str(target)


def test_ingest_is_off_when_no_token_is_configured(db_copy, monkeypatch):
    monkeypatch.delenv("CASEFILE_TOKEN", raising=False)
    client = TestClient(create_app(db_copy))
    r = client.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 404
    assert "CASEFILE_TOKEN" in r.json()["detail"]


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer "])
def test_ingest_refuses_a_missing_or_wrong_token(db_copy, header):
    client = TestClient(create_app(db_copy, token=TOKEN))
    headers = {"Authorization": header} if header else {}
    r = client.post("/api/ingest", json=ARTICLE, headers=headers)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/search?q=Pellon").json()["documents"] == []


def test_ingest_refuses_an_upload_over_the_size_limit(db_copy):
    client = TestClient(create_app(db_copy, token=TOKEN))
    big = ARTICLE | {"text": "word " * (MAX_UPLOAD_BYTES // 5 + 10)}
    r = client.post("/api/ingest", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


@pytest.mark.parametrize("body", [b"not json", b'{"title": "no text"}', b'{"text": ""}', b"[]"])
def test_ingest_refuses_what_is_not_an_article(db_copy, body):
    client = TestClient(create_app(db_copy, token=TOKEN))
    r = client.post("/api/ingest", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                          "Content-Type": "application/json"})
    assert r.status_code == 422


def test_ingest_with_the_right_token_stores_the_article(db_copy, monkeypatch):
    monkeypatch.setenv("CASEFILE_TOKEN", TOKEN)
    client = TestClient(create_app(db_copy))
    r = client.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] == 1 and len(body["documents"]) == 1
    doc = client.get(f"/api/documents/{body['documents'][0]}").json()
    assert doc["title"] == ARTICLE["title"] and doc["outlet"] == ARTICLE["outlet"]
    assert client.get("/api/search?q=Pellon").json()["documents"][0]["id"] == doc["id"]
    again = client.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


def test_get_pages_never_write_to_the_store(db_copy):
    client = TestClient(create_app(db_copy))
    client.get("/")
    store = client.app.state.store
    assert store.readonly
    with pytest.raises(Exception):
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM documents")
