"""Review in a real browser (Debian's Chromium via Playwright) on a store of the seeds: reject an
event and fix a quote's speaker from the dossier, ingest the same articles again, resolve the
corpus again, and find both decisions holding on the pages, in the export and in `review list`.

Screenshots land in test-artifacts/ (review-*.png).
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from tests.browser.conftest import serve, shot
from tests.conftest import SEEDS, needs_seeds

pytestmark = [pytest.mark.browser, needs_seeds]
TOKEN = "browser-review-token"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> str:
    from casefile.pipeline import ingest
    from casefile.store.db import Store

    db = str(tmp_path_factory.mktemp("review-flow") / "seeds.db")
    store = Store.open(db)
    assert ingest([str(SEEDS)], store).stored == 2
    store.close()
    return db


@pytest.fixture(scope="module")
def site(seeds_db):
    url, stop = serve(seeds_db, token=TOKEN)
    yield url
    stop()


def _api(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=20) as r:
        return json.load(r)


def _people(base_url: str) -> list[dict]:
    """Dossiers of the seeds' people, most documented first (the entity list is cached for a while:
    after a resolution, a listed id may be gone)."""
    out = []
    for e in _api(base_url, "/api/entities?type=PERSON&limit=200"):
        try:
            out.append(_api(base_url, "/api/entities/" + urllib.parse.quote(e["ref"], safe="")))
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise
    return out


def _review(page, fact, **fields) -> None:
    """Open a fact's review form, fill it in and save it (the page reloads where it was)."""
    form = fact.locator("details.review").first
    form.locator("summary").click()
    if "status" in fields:
        form.locator("select[name=status]").select_option(fields.pop("status"))
    for name, value in (fields | {"reviewer": "Test Reviewer", "token": TOKEN}).items():
        form.locator(f"input[name={name}]").fill(value)
    with page.expect_navigation():
        form.get_by_role("button", name="Save").click()


def test_review_in_the_browser_survives_reingest_and_resolve(page, site, seeds_db):
    people = _people(site)
    with_events = next(p for p in people if p["events"])
    speaker = next(p for p in people if p["quotes_by"])
    other = next(p for p in people if p["ref"] != speaker["ref"])
    event, quote = with_events["events"][0], speaker["quotes_by"][0]
    event_key, quote_key = event["review"]["key"], quote["review"]["key"]

    # Reject an event from its dossier.
    page.goto(site + "/entities/" + urllib.parse.quote(with_events["ref"], safe=""))
    fact = page.locator("#events li.fact").filter(has=page.locator(f"input[name=key][value='{event_key}']"))
    fact.locator("details.review summary").click()
    shot(page, "review-01-event-form-open")
    fact.locator("details.review summary").click()
    _review(page, fact, status="rejected", note="not an event: a figure of speech")
    assert page.url.endswith("/entities/" + urllib.parse.quote(with_events["ref"], safe=""))
    assert page.locator(f"#events input[name=key][value='{event_key}']").count() == 0
    shot(page, "review-02-event-rejected")

    # Fix a quote's speaker from the speaker's dossier.
    page.goto(site + "/entities/" + urllib.parse.quote(speaker["ref"], safe=""))
    fact = page.locator("#quotes-by li.fact").filter(has=page.locator(f"input[name=key][value='{quote_key}']"))
    _review(page, fact, status="confirmed", speaker=other["name"])
    assert page.locator(f"#quotes-by input[name=key][value='{quote_key}']").count() == 0
    page.goto(site + "/entities/" + urllib.parse.quote(other["ref"], safe=""))
    moved = page.locator("#quotes-by li.fact").filter(has=page.locator(f"input[name=key][value='{quote_key}']"))
    assert moved.count() == 1
    assert "corrected speaker" in moved.locator("details.review summary").inner_text()
    shot(page, "review-03-quote-speaker-fixed")

    # Without the token, the write is refused.
    request = urllib.request.Request(site + "/review", method="POST", data=urllib.parse.urlencode(
        {"key": quote_key, "status": "rejected", "reviewer": "Someone"}).encode())
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 401

    page.goto(site + "/review")
    assert page.locator("table.audit tbody tr").count() == 2
    shot(page, "review-04-audit")

    # The same articles again, and the whole corpus resolved again.
    from casefile.cli import main
    runner = CliRunner()
    again = runner.invoke(main, ["ingest", str(SEEDS), "--db", seeds_db, "-q"])
    assert again.exit_code == 0 and "stored 0" in again.output, again.output
    assert runner.invoke(main, ["resolve", "--db", seeds_db]).exit_code == 0

    page.goto(site + "/entities/" + urllib.parse.quote(with_events["ref"], safe=""))
    assert page.locator(f"#events input[name=key][value='{event_key}']").count() == 0
    after = _api(site, "/api/entities/" + urllib.parse.quote(other["ref"], safe=""))
    assert [q["speaker_text"] for q in after["quotes_by"] if q["review"]["key"] == quote_key] == [other["name"]]
    page.goto(site + "/review")
    assert re.search(r"rejected", page.locator("table.audit").inner_text())
    shot(page, "review-05-audit-after-reingest-and-resolve")

    exported = json.loads(runner.invoke(main, ["export", "--db", seeds_db]).output)
    (ev,) = [e for e in exported["events"] if e["id"] == event["id"]]
    (qu,) = [q for q in exported["quotes"] if q["id"] == quote["id"]]
    assert ev["review"]["status"] == "rejected" and ev["review"]["reviewer"] == "Test Reviewer"
    assert qu["speaker"]["text"] == other["name"] and qu["review"]["original"]["speaker"] == quote["speaker_text"]
    listed = json.loads(runner.invoke(main, ["review", "list", "--format", "json", "--db", seeds_db]).output)
    assert {(d["key"], d["status"]) for d in listed} == {(event_key, "rejected"), (quote_key, "confirmed")}


def test_a_case_is_made_in_the_browser_and_shows_its_timeline(page, site):
    person = next(p for p in _people(site) if p["events"])
    page.goto(site + "/cases")
    page.fill("input[name=name]", "followed in the browser")
    page.fill("input[name=token]", TOKEN)
    with page.expect_navigation():
        page.get_by_role("button", name="Create").click()
    assert page.locator("h1").inner_text().startswith("followed in the browser")
    page.fill("input[name=entity]", person["name"])
    page.fill("input[name=reviewer]", "Test Reviewer")
    page.fill("input[name=token]", TOKEN)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert page.locator("#case-entities a", has_text=person["name"]).count() == 1
    assert page.locator("#case-events > ol > li.fact").count() >= 1
    shot(page, "review-06-case")
    exported = _api(site, "/export/cases/" + urllib.parse.quote("followed in the browser") + ".json")
    assert exported["events"] and all("review" in e for e in exported["events"])
