"""A property test against the OpenAPI document (a hypothesis stand-in for schemathesis):
every GET route, fed generated path and query values per its schema, never answers 5xx."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.web.app import create_app
from tests.test_web_helpers import web_store

EXAMPLES_PER_ROUTE = 30
_client = TestClient(create_app(web_store()), raise_server_exceptions=False)
_spec = _client.get("/openapi.json").json()
GET_ROUTES = sorted(path for path, ops in _spec["paths"].items() if "get" in ops)
_known = [d["id"] for d in _client.get("/api/documents").json()] + [
    e["ref"] for e in _client.get("/api/entities?limit=20").json()]

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def _value(schema: dict) -> st.SearchStrategy:
    """Values inside and outside what the schema allows: the server must answer 4xx, never 5xx."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"] or [{"type": "string"}]
    kind = options[0].get("type", "string")
    if kind == "integer":
        return st.one_of(st.integers(-10, 10**7), st.integers(), TEXT)
    if kind == "boolean":
        return st.one_of(st.booleans().map(str).map(str.lower), TEXT)
    return st.one_of(TEXT, st.sampled_from(_known + ["md", "html", "type", "entity", "2023", "2023-07-13"]))


def test_the_openapi_document_lists_the_main_routes():
    assert {"/api/documents", "/api/search", "/api/entities/{ref}", "/api/timeline", "/api/compare",
            "/export/casefile.json", "/export/{table}.csv"} <= set(GET_ROUTES)
    assert "post" in _spec["paths"]["/api/ingest"]


@pytest.mark.parametrize("path", GET_ROUTES)
@settings(max_examples=EXAMPLES_PER_ROUTE, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_get_route_answers_with_a_server_error(path, data):
    params = _spec["paths"][path]["get"].get("parameters", [])
    url, query = path, {}
    for p in params:
        if p["in"] == "path":
            url = url.replace("{" + p["name"] + "}", quote(data.draw(_value(p["schema"])), safe="") or "x")
        elif p["in"] == "query" and data.draw(st.booleans()):
            query[p["name"]] = str(data.draw(_value(p["schema"])))
    r = _client.get(url, params=query)
    assert r.status_code < 500, (url, query, r.text[:300])
