"""Review in a real browser (Debian's Chromium via Playwright) on a store of the seeds: the flow of
``reviewing.review_survives``, and a case made in the browser.

Screenshots land in test-artifacts/ (seeds-review-*.png); the same flow on the 840-article store
is test_corpus_review.py's.
"""
from __future__ import annotations

import urllib.parse

import pytest

from tests.browser.conftest import serve, shot
from tests.browser.reviewing import REVIEWER, TOKEN, api, people, review_survives
from tests.conftest import SEEDS, needs_seeds

pytestmark = [pytest.mark.browser, needs_seeds]


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


def test_review_in_the_browser_survives_reingest_and_resolve(page, site, seeds_db):
    review_survives(page, site, seeds_db, [SEEDS], "seeds-")


def test_a_case_is_made_in_the_browser_and_shows_its_timeline(page, site):
    person = next(p for p in people(site) if p["events"])
    page.goto(site + "/cases")
    page.fill("input[name=name]", "followed in the browser")
    page.fill("input[name=token]", TOKEN)
    with page.expect_navigation():
        page.get_by_role("button", name="Create").click()
    assert page.locator("h1").inner_text().startswith("followed in the browser")
    page.fill("input[name=entity]", person["name"])
    page.fill("input[name=reviewer]", REVIEWER)
    page.fill("input[name=token]", TOKEN)
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert page.locator("#case-entities a", has_text=person["name"]).count() == 1
    assert page.locator("#case-events > ol > li.fact").count() >= 1
    shot(page, "seeds-review-07-case")
    exported = api(site, "/export/cases/" + urllib.parse.quote("followed in the browser") + ".json")
    assert exported["events"] and all("review" in e for e in exported["events"])
