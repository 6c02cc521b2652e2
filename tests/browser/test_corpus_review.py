"""Cases and review in Chromium on the 840 PolNeAR training articles with the seeds (where the
evaluation data is beside this checkout), on a private copy of the cached store.

A case made with the CLI follows the seeds' detentions and the people most often held in the
real articles (15-case, 15-case-events, 15-case-seeds); then ``reviewing.review_survives`` rejects an event and
fixes a quote's speaker in the browser, ingests all 842 articles again and resolves the corpus
again (review-01 to review-06).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.browser.conftest import serve, shot
from tests.browser.reviewing import REVIEWER, TOKEN, api, cli, quoted, review_survives
from tests.browser.stores import CORPUS, corpus_store, private_copy
from tests.conftest import SEEDS, needs_seeds

pytestmark = [pytest.mark.browser, needs_seeds]
INPUTS = [CORPUS / "docs.jsonl", SEEDS]
DETENTION = ("arrest", "imprisonment", "detention_abuse")
CASE = "detentions followed"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    db = corpus_store()
    if db is None:
        pytest.skip("../shared/eval/dev/polnear_train is not beside this checkout")
    return private_copy(db, tmp_path_factory.mktemp("corpus-review"))


@pytest.fixture(scope="module")
def site(corpus_db):
    url, stop = serve(corpus_db, token=TOKEN)
    yield url
    stop()


def _detentions(exported: dict) -> tuple[set[str], list[str], list[str], list[str]]:
    """The seeds' documents, their detention events, the people these hold, and the three people
    the other articles most often report held (people: entity ids)."""
    seed_files = {p.name for p in SEEDS.iterdir()}
    seed_docs = {d["id"] for d in exported["documents"] if Path(d["source"]).name in seed_files}
    persons = {e["id"] for e in exported["entities"] if e["type"] == "PERSON"}
    seed_events, seed_people, elsewhere = [], set(), Counter()
    for ev in (e for e in exported["events"] if e["type"] in DETENTION):
        held = {p["entity"] for p in ev["participants"] if p["role"] == "target" and p["entity"] in persons}
        if ev["document"] in seed_docs:
            seed_events.append(ev["id"])
            seed_people |= held
        else:
            elsewhere.update(held)
    most_held = sorted(elsewhere, key=lambda e: (-elsewhere[e], e))[:3]
    return seed_docs, seed_events, sorted(seed_people), most_held


def test_a_case_made_with_the_cli_follows_seeds_and_real_articles(page, site, corpus_db):
    seed_docs, seed_events, seed_people, most_held = _detentions(json.loads(cli("export", "--db", corpus_db).output))
    assert len(seed_events) >= 3 and len(seed_people) >= 2 and len(most_held) == 3
    assert cli("case", "create", CASE, "--by", REVIEWER, "--db", corpus_db).exit_code == 0
    added = cli("case", "add", CASE, *(f"--entity={e}" for e in seed_people + most_held),
                 *(f"--event={e}" for e in seed_events), "--by", REVIEWER, "--db", corpus_db)
    assert added.exit_code == 0 and len(added.output.splitlines()) == len(seed_people + most_held + seed_events), added.output

    page.goto(site + "/cases/" + quoted(CASE))
    assert page.locator("h1").inner_text().startswith(CASE)
    assert page.locator("#case-entities li a").count() == len(seed_people + most_held)
    assert page.locator("#case-events > ol > li.fact").count() >= len(most_held)
    shot(page, "15-case")
    page.evaluate("document.getElementById('case-events').scrollIntoView()")
    shot(page, "15-case-events")
    rows = page.locator("#case-events > ol > li.fact")
    from_seeds = rows.filter(has=page.locator(", ".join(f"a[href^='/documents/{d}']" for d in sorted(seed_docs))))
    assert 1 <= from_seeds.count() < rows.count()
    from_seeds.first.evaluate("row => row.scrollIntoView()")
    shot(page, "15-case-seeds")

    exported = api(site, "/export/cases/" + quoted(CASE) + ".json")
    assert set(seed_events) <= {e["id"] for e in exported["events"]}
    followed = set(exported["case"]["entities"])
    assert set(most_held) <= followed and set(seed_people) <= followed
    # Events from the real articles too, each with its review status.
    assert {e["document"] for e in exported["events"]} - {e["document"] for e in exported["events"] if e["id"] in seed_events}
    assert all(e["review"]["status"] == "unreviewed" for e in exported["events"])
    brief = cli("case", "brief", CASE, "--db", corpus_db).output
    assert brief.startswith(f"# {CASE}") and re.search(r"\[\^\d+\]", brief)


def test_review_on_the_real_corpus_survives_reingest_and_resolve(page, site, corpus_db):
    review_survives(page, site, corpus_db, INPUTS, "", people_limit=30)
