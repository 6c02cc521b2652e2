"""No page shows a raw TIMEX code or a type's code name where a person reads: every page reachable
from the home page of the seeds store (and a few reached by a form) is crawled and its visible
text checked. Text inside <code> is code on purpose (file names, API parameters) and is skipped."""
from __future__ import annotations

import json
import re
from collections import deque
from urllib.parse import urlencode, urljoin, urlparse

import pytest
from fastapi.testclient import TestClient

from casefile.web.app import create_app
from tests.conftest import needs_seeds
from tests.test_web_helpers import visible_text, web_store

MAX_PAGES = 250
SKIP = ("/static/", "/api/", "/export/", "/openapi.json")
# What a TIMEX3 value looks like when it leaks: 2018-WXX-1, 2023-SU, 2024-Q1, TNI, PRESENT_REF, XXXX-02.
TIMEX = re.compile(r"\b\d{3,4}-(?:W\d|WXX|SU|SP|FA|WI|Q[1-4X]|H[12X]|XX)|\b(?:WXX|TNI|TMO|TAF|TEV|TMI|XXXX)\b|"
                   r"-(?:SU|SP|FA|WI|WE)\b|\b[A-Z]+_REF\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def reader_text(page: str) -> str:
    return visible_text(re.sub(r"<code\b[^>]*>.*?</code>", " ", page, flags=re.S))


@pytest.mark.parametrize("text, leaks", [
    ("reported in 2018-WXX-1 by", True), ("in 2023-SU", True), ("2024-Q1 figures", True), ("at TNI", True),
    ("PRESENT_REF", True), ("XXXX-02", True), ("a diplomatic_visit", True), ("document_disclosed", True),
    ("week of 14 May 2018", False), ("summer 2023", False), ("first quarter of 2024", False),
    ("Diplomatic visit", False), ("e-mail", False), ("2023-09-10", False),
])
def test_the_check_finds_codes_and_passes_words(text, leaks):
    assert bool(TIMEX.search(text) or SNAKE.search(text)) == leaks


def _crawl(client: TestClient, starts: list[str]) -> dict[str, str]:
    seen, queue, pages = set(starts), deque(starts), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        if "text/html" not in r.headers.get("content-type", ""):
            continue
        pages[url] = r.text
        for href in re.findall(r'href="([^"#]+)', r.text):
            path = urlparse(urljoin(url, href.replace("&amp;", "&")))
            link = path.path + (f"?{path.query}" if path.query else "")
            if path.netloc not in ("", "testserver") or link.startswith(SKIP) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return pages


@needs_seeds
def test_no_page_of_the_seeds_store_shows_a_code():
    client = TestClient(create_app(web_store()))
    docs = client.get("/api/documents").json()
    outlets = sorted({d["outlet"] for d in docs if d["outlet"]})
    starts = ["/", "/timeline", "/timeline?lanes=entity", "/search?q=directive", "/search?q=visit",
              f"/compare?a={docs[0]['id']}&b={docs[1]['id']}",
              "/compare?" + urlencode({"outlet_a": outlets[0], "outlet_b": outlets[-1]})]
    pages = _crawl(client, starts)
    kinds = {urlparse(u).path.split("/")[1] for u in pages}
    assert {"", "documents", "entities", "timeline", "search", "compare", "exports"} <= kinds, kinds
    leaks = {}
    for url, page in pages.items():
        text = reader_text(page)
        found = {m.group(0) for rx in (TIMEX, SNAKE) for m in rx.finditer(text)}
        if found:
            leaks[url] = sorted(found)
    assert not leaks, leaks


def test_a_file_name_with_underscores_is_shown_as_code_not_read_as_a_type_name(tmp_path):
    """Where an article came from is shown as it is (a path may hold underscores: a temporary
    folder's random name did, now and then), marked as code, so no check takes it for a type name."""
    from casefile.pipeline import ingest
    from casefile.store.db import Store
    from tests.test_web_helpers import FICTION_ARTICLE

    folder = tmp_path / "field_notes_folder"
    folder.mkdir()
    (folder / "my_article.jsonl").write_text(json.dumps(FICTION_ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    store = Store.open(db)
    assert ingest([str(folder)], store).stored == 1
    store.close()
    client = TestClient(create_app(db))
    (doc,) = client.get("/api/documents").json()
    person = next(e for e in client.get("/api/entities?type=PERSON").json() if e["name"] == "Teodor Kalvan")
    for url in (f"/documents/{doc['id']}", f"/entities/{person['ref']}/brief"):
        page = client.get(url).text
        assert "field_notes_folder" in page and not SNAKE.search(reader_text(page)), url
