"""The UI in a real browser (Debian's Chromium via Playwright): the researcher's path through the seeds.

Screenshots land in test-artifacts/ for a human to look at.
"""
from __future__ import annotations

import json
import re
import urllib.request

import pytest

from tests.browser.conftest import shot
from tests.conftest import needs_seeds
from tests.test_web_helpers import XSS_ARTICLE, XSS_PAYLOADS

pytestmark = pytest.mark.browser
HIGHLIGHT = "rgb(233, 196, 106)"     # --accent in casefile.css: the targeted sentence's background


def _api(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=20) as r:
        return json.load(r)


def _seed_person_with_events(base_url: str) -> dict:
    """A person named in a seed article who takes part in at least one event (found through the API)."""
    seeds = {d["id"] for d in _api(base_url, "/api/documents") if re.match(r".*/\d{3}_", d["source"] or "")}
    for e in _api(base_url, "/api/entities?type=PERSON&limit=500"):
        d = _api(base_url, f"/api/entities/{e['ref']}")
        if d["events"] and seeds & {doc["id"] for doc in d["documents"]}:
            return d
    raise AssertionError("no person from the seeds takes part in an event")


def test_home_page_is_a_case_overview_and_lists_the_documents(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Case overview"
    assert page.locator("#recent-documents li").count() >= 2
    page.get_by_role("link", name="All documents").click()
    page.wait_for_url(re.compile(r"/documents$"))
    assert page.locator("table.documents tbody tr").count() >= 2


@needs_seeds
def test_searching_directive_finds_the_seed_article(page, base_url):
    page.goto(base_url + "/")
    page.fill("#qs", "directive")
    page.press("#qs", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=directive"))
    results = page.locator("#result-documents li")
    assert results.count() >= 1
    assert "directive" in results.first.inner_text().lower()
    assert page.locator("#result-documents mark").count() >= 1
    shot(page, "02-search-directive")


@needs_seeds
def test_a_fact_in_a_seed_dossier_opens_its_sentence_highlighted(page, base_url):
    person = _seed_person_with_events(base_url)
    page.goto(base_url + "/entities?type=PERSON")
    page.get_by_role("link", name=person["name"], exact=True).first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("h1").inner_text().startswith(person["name"])
    shot(page, "03-dossier")
    fact = page.locator("#events .fact-link").first
    fact.click()
    page.wait_for_url(re.compile(r"/documents/.+#s-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == HIGHLIGHT
    assert target.is_visible() and target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }")
    assert person["events"][0]["sentence"][:30] in target.inner_text() or target.inner_text()
    shot(page, "04-fact-sentence-highlighted")


@needs_seeds
def test_timeline_shows_the_july_2023_event_above_the_september_10_one(page, base_url):
    page.goto(base_url + "/timeline")
    assert page.locator("svg.timeline rect.bar").count() >= 2
    july = page.locator("li[data-date='2023-07-13']").first
    september = page.locator("li[data-date='2023-09-10']").first
    assert july.bounding_box()["y"] < september.bounding_box()["y"]
    shot(page, "05-timeline")


@needs_seeds
def test_comparing_the_two_seed_documents_shows_a_shared_fact(page, base_url):
    docs = _api(base_url, "/api/documents")
    seeds = sorted((d for d in docs if re.match(r".*/\d{3}_", d["source"] or "")), key=lambda d: d["source"])
    page.goto(base_url + "/compare")
    page.select_option("select[name='a']", seeds[0]["id"])
    page.select_option("select[name='b']", seeds[1]["id"])
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"/compare\?"))
    shared = page.locator("#both li.shared-fact")
    assert shared.count() >= 1
    assert shared.first.locator(".etype").count() == 2
    shared.first.scroll_into_view_if_needed()
    shot(page, "06-compare")


def test_hostile_article_fires_no_dialog_and_shows_its_markup_literally(page, base_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = next(d for d in _api(base_url, "/api/documents") if d["title"] and d["title"].startswith("Hostile"))
    for path in (f"/documents/{hostile['id']}", "/search?q=alert", "/", "/timeline"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
    page.goto(base_url + f"/documents/{hostile['id']}")
    assert page.locator("h1").inner_text() == XSS_ARTICLE["title"]
    text = page.locator("#text").inner_text()
    for payload in XSS_PAYLOADS:
        assert payload in text
    assert page.locator("#text img, #text script, #text a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    shot(page, "07-hostile-article")
    assert dialogs == []


def test_quote_shows_its_speaker_on_keyboard_focus(page, base_url):
    fiction = next(d for d in _api(base_url, "/api/documents") if (d["title"] or "").startswith("Blogger"))
    page.goto(base_url + f"/documents/{fiction['id']}")
    quote = page.locator("#text .quote").first
    quote.focus()
    after = quote.evaluate("el => getComputedStyle(el, '::after').content")
    assert after.startswith('"Speaker: ')
    shot(page, "08-quote-focus")
