"""The web UI and JSON API through FastAPI's TestClient, over a store of the seeds plus fictional articles."""
from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from casefile.web.app import create_app
from tests.conftest import needs_seeds
from tests.test_web_helpers import FICTION_ARTICLE, XSS_ARTICLE, XSS_PAYLOADS, web_store


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(web_store()))


@pytest.fixture(scope="module")
def ids(client) -> dict:
    docs = {d["title"] or d["source"]: d["id"] for d in client.get("/api/documents").json()}
    by = lambda needle: next(v for k, v in docs.items() if needle in k)  # noqa: E731
    out = {"fiction": by("Teodor Kalvan"), "xss": by("Hostile headline")}
    if len(docs) == 4:
        out |= {"npr": by("secret directive"), "rfa": by("000_")}
    names = {e["name"]: e["ref"] for e in client.get("/api/entities?limit=500").json()}
    out["kalvan"] = names["Teodor Kalvan"]
    return out


def _text(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize("url, expected", [
    ("/", "Blogger Teodor Kalvan sentenced"),
    ("/documents", "Blogger Teodor Kalvan sentenced"),
    ("/documents/{fiction}", "Free Voices Forum"),
    ("/search?q=sentenced", "Blogger Teodor Kalvan sentenced"),
    ("/entities", "class=\"ent ent-PERSON\""),
    ("/entities?type=PERSON", "Ilsa Kalvan"),
    ("/entities/{kalvan}", "Imprisonment"),
    ("/entities/{kalvan}?events_page=9&documents_page=2", "Teodor Kalvan"),
    ("/entities/{kalvan}/brief", "Sources"),
    ("/entities/{kalvan}/brief.md", "## What happened"),
    ("/timeline", "9 January 2021"),
    ("/timeline?lanes=entity&event_type=arrest", "Kalvan"),
    ("/timeline?date_from=2022-01&date_to=2022-12", "2 April 2022"),
    ("/timeline?entity=Teodor+Kalvan", "Teodor Kalvan"),
    ("/api/suggest/entities?q=kalv", "Teodor Kalvan"),
    ("/compare", "Compare sources"),
    ("/compare?a={fiction}&b={fiction}", "Both report"),
    ("/exports", "/export/casefile.json"),
    ("/export/casefile.json", '"version": 1'),
    ("/export/events.csv", "id,document,start,end,type"),
    ("/api/documents", "Northern Ledger"),
    ("/api/documents/{fiction}?records=true", "participants"),
    ("/api/search?q=Kalvan", "Northern Ledger"),
    ("/api/entities", "Teodor Kalvan"),
    ("/api/entities/{kalvan}", "quotes_about"),
    ("/api/entities/{kalvan}/brief?format=html", "<ol class=\"footnotes\">"),
    ("/api/timeline", "2021-06-18"),
    ("/api/compare?a={fiction}&b={xss}", "only_a"),
    ("/openapi.json", "/api/entities/{ref}"),
    ("/docs", "/api/timeline"),
    ("/static/casefile.css", ":target"),
])
def test_every_page_and_api_route_answers_with_its_content(client, ids, url, expected):
    r = client.get(url.format(**ids))
    assert r.status_code == 200, r.text[:500]
    assert expected in r.text


@pytest.mark.parametrize("url", [
    "/documents/no-such-document", "/api/documents/no-such-document", "/entities/no-such-entity",
    "/api/entities/no-such-entity", "/entities/nobody/brief", "/api/entities/nobody/brief",
    "/export/passwords.csv", "/compare?a=nope&b=nope", "/api/compare?a=nope&b=nope", "/no/such/page",
])
def test_unknown_things_are_404_not_server_errors(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "Content-Security-Policy" in r.headers


def test_compare_api_without_two_sides_is_a_client_error(client, ids):
    assert client.get(f"/api/compare?a={ids['fiction']}").status_code == 422


@pytest.mark.parametrize("url", ["/", "/documents/{xss}", "/api/documents", "/export/casefile.json",
                                 "/static/casefile.js", "/documents/missing", "/docs"])
def test_every_response_carries_the_content_security_policy(client, ids, url):
    r = client.get(url.format(**ids))
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/", "/documents/{xss}", "/search?q=Orlavia", "/search?q=script",
                                 "/entities", "/timeline", "/compare?a={xss}&b={fiction}",
                                 "/entities/{dovan}", "/entities/{dovan}/brief"])
def test_hostile_article_text_and_title_are_escaped_everywhere(client, ids, url):
    dovan = next(e["ref"] for e in client.get("/api/entities?limit=500").json() if e["name"] == "Mirela Dovan")
    page = client.get(url.format(**ids, dovan=dovan)).text
    for payload in XSS_PAYLOADS:
        assert payload not in page
    assert "<b>bold</b>" not in page
    assert "onerror=alert(1)>" not in page.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_hostile_document_shows_its_markup_as_literal_text(client, ids):
    page = client.get(f"/documents/{ids['xss']}").text
    assert XSS_ARTICLE["title"] in _text(page)
    for payload in XSS_PAYLOADS:
        assert payload in _text(page)


def test_pages_use_no_inline_script_or_event_handler(client, ids):
    for url in ("/", f"/documents/{ids['fiction']}", f"/entities/{ids['kalvan']}", "/timeline"):
        page = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page)
        assert not re.search(r"\son[a-z]+\s*=", page.replace("onerror=alert(1)", ""))


def test_highlighted_document_keeps_the_article_text_exactly(client, ids):
    doc = client.get(f"/api/documents/{ids['fiction']}").json()
    page = client.get(f"/documents/{ids['fiction']}").text
    body = re.search(r'<div class="text" id="text">(.*?)</div>', page, re.S).group(1)
    assert _text(body) == doc["text"]


def test_every_dossier_fact_links_to_its_highlighted_sentence(client, ids):
    d = client.get(f"/api/entities/{ids['kalvan']}").json()
    facts = d["events"] + d["quotes_by"] + d["quotes_about"]
    assert facts
    for fact in facts:
        path, anchor = fact["link"].split("#")
        page = client.get(path).text
        span = re.search(rf'<span id="{anchor}" class="sent">(.*?)</span>(?=<span id="s-|\s*$|[^<]*<)', page, re.S)
        assert f'id="{anchor}"' in page
        doc = client.get("/api" + path).json()
        start = int(anchor[2:])
        assert doc["text"][start:start + 20] == fact["sentence"][:20]
        assert span is not None


def test_dossier_lists_events_in_date_order_and_marks_sources(client, ids):
    d = client.get(f"/api/entities/{ids['kalvan']}").json()
    dates = [e["date_value"] for e in d["events"] if e["date_value"]]
    assert dates == sorted(dates)
    assert all(e["outlets"] == ["Northern Ledger"] and e["corroboration"] == "single source" for e in d["events"])


@needs_seeds
def test_timeline_puts_the_july_2023_event_before_the_september_10_one(client):
    events = client.get("/api/timeline").json()["events"]
    dates = [e["date_value"] for e in events]
    assert dates.index("2023-07-13") < dates.index("2023-09-10")
    page = client.get("/timeline").text
    assert page.index('data-date="2023-07-13"') < page.index('data-date="2023-09-10"')
    assert "<svg" in page and 'class="bar' in page


def test_timeline_bar_width_shows_date_precision(client):
    page = client.get("/timeline?date_from=2021&date_to=2021").text
    widths = [float(w) for w in re.findall(r'<rect class="bar[^"]*" data-type="[^"]+" x="[\d.]+" y="[\d.]+" '
                                           r'width="([\d.]+)"', page)]
    assert widths and max(widths) < 50        # day-precise dates draw as slivers
    year_page = client.get("/timeline").text
    assert re.search(r'<title>20\d\d: ', year_page)   # a year-precise event is drawn too


@needs_seeds
def test_comparing_the_two_seeds_finds_a_shared_fact(client, ids):
    c = client.get(f"/api/compare?a={ids['npr']}&b={ids['rfa']}").json()
    assert c["both"], "no shared event"
    assert any(p["a"]["date_value"] == "2023-07-13" and p["b"]["type"] == p["a"]["type"] for p in c["both"])
    assert {"a", "b"} <= set(c["both"][0])


def test_comparing_unrelated_articles_shares_no_event(client, ids):
    c = client.get(f"/api/compare?a={ids['fiction']}&b={ids['xss']}").json()
    assert not [p for p in c["both"] if p["a"]["date_value"] and p["b"]["date_value"]]
    assert c["only_a"] and c["only_b"]


@pytest.mark.parametrize("query, filters, must_find, must_not_find", [
    ("sentenced", "", "Teodor Kalvan", None),
    ("Kalvan", "&outlet=Northern+Ledger", "Teodor Kalvan", "Hostile"),
    ("Kalvan", "&outlet=Nobody", None, "Teodor Kalvan"),
    ("detained", "&date_from=2022-01-01", "Hostile", "Teodor Kalvan"),
    ("detained", "&date_to=2021-12-31", None, "Hostile"),
    ("", "&event_type=imprisonment", "Teodor Kalvan", "Hostile"),
    ('"NEAR( * OR', "", None, "Teodor Kalvan"),
])
def test_search_finds_and_filters_documents(client, query, filters, must_find, must_not_find):
    r = client.get(f"/api/search?q={quote(query)}{filters}")
    assert r.status_code == 200
    titles = " ".join(d["title"] or "" for d in r.json()["documents"])
    if must_find:
        assert must_find in titles
    if must_not_find:
        assert must_not_find not in titles


def test_search_returns_facets_entities_and_quotes(client):
    r = client.get("/api/search?q=Kalvan").json()
    assert {"value": "Northern Ledger", "n": 1} in r["facets"]["outlet"]
    assert any(e["name"] == "Teodor Kalvan" for e in r["entities"])
    assert any("husband" in q["text"] for q in r["quotes"])


def test_quote_highlight_names_its_speaker_for_hover_and_focus(client, ids):
    page = client.get(f"/documents/{ids['fiction']}").text
    assert re.search(r'class="quote quote-direct" tabindex="0" data-speaker="[^"]*Ilsa Kalvan', page)   # "his wife, Ilsa Kalvan"


def test_brief_markdown_footnotes_every_fact_with_its_source(client, ids):
    md = client.get(f"/entities/{ids['kalvan']}/brief.md").text
    notes = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(\d+)\]:", md, re.M))
    assert notes and notes == defined
    assert "Northern Ledger, \u201cBlogger Teodor Kalvan sentenced" in md
    assert "20 June 2021" in md and FICTION_ARTICLE["published"] == "2021-06-20"


def test_api_reference_page_loads_nothing_from_outside(client):
    page = client.get("/docs").text
    assert "/api/compare" in page and "/api/ingest" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert client.get("/redoc").status_code == 404
