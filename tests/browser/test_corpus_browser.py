"""The case workspace in Chromium on real reporting: the seeds, and (where the evaluation data is
beside this checkout) the 840 PolNeAR training articles with the seeds.

Screenshots land in test-artifacts/: 10-home, 11-dossier and 11-dossier-events (the most-cited
person: who they are, then the first page of events), 12-timeline-latest,
13-timeline-full-span, 14-timeline-zoomed (a stretch brushed on the overview), and the same on the
seeds store with a 'seeds-' prefix. Tick labels are checked from their rendered boxes.
"""
from __future__ import annotations

import json
import re
import urllib.request

import pytest

from tests.browser.conftest import serve, shot
from tests.browser.stores import corpus_store, seeds_store
from tests.conftest import needs_seeds

pytestmark = [pytest.mark.browser, needs_seeds]


def _api(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=60) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def seeds_url():
    url, stop = serve(seeds_store())
    yield url
    stop()


@pytest.fixture(scope="module")
def corpus_url():
    db = corpus_store()          # built once, then reused while the articles and extractor are unchanged
    if db is None:
        pytest.skip("../shared/eval/dev/polnear_train is not beside this checkout")
    url, stop = serve(db)
    yield url
    stop()


def _tick_labels_never_overlap(page) -> int:
    """Every chart's tick labels, as the browser laid them out, side by side without touching."""
    checked = 0
    for chart in page.locator("svg.brushable").all():
        boxes = sorted((b for b in (t.bounding_box() for t in chart.locator("text.tick-label").all()) if b),
                       key=lambda b: b["x"])
        for a, b in zip(boxes, boxes[1:]):
            assert a["x"] + a["width"] <= b["x"], (a, b)
        checked += len(boxes)
    return checked


def _brush(page, chart, a: float, b: float) -> None:
    """Drag across ``chart`` from fraction ``a`` to ``b`` of its plot."""
    box = chart.bounding_box()
    left, width = box["x"] + box["width"] * 170 / 960, box["width"] * 780 / 960
    y = box["y"] + box["height"] * 0.7
    page.mouse.move(left + a * width, y)
    page.mouse.down()
    page.mouse.move(left + (a + b) / 2 * width, y, steps=4)
    page.mouse.move(left + b * width, y, steps=4)
    page.mouse.up()


def _tour(page, base_url: str, prefix: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Case overview"
    assert page.locator("#latest-events li").count() >= 1 and page.locator("#recent-documents li").count() >= 1
    assert not page.locator("#recent-documents").get_by_text(re.compile(r"\.(txt|jsonl|html)\b")).count()
    shot(page, f"{prefix}10-home")

    top = _api(base_url, "/api/entities?type=PERSON&limit=1")[0]
    page.goto(base_url + f"/entities/{top['ref']}")
    assert page.locator("h1").inner_text().startswith(top["name"])
    assert page.locator("#events li.fact").count() <= 20
    shot(page, f"{prefix}11-dossier")
    page.locator("#events h2").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('events').scrollIntoView()")
    shot(page, f"{prefix}11-dossier-events")

    page.goto(base_url + "/timeline")
    assert "latest events" in page.locator("figcaption").inner_text()
    assert _tick_labels_never_overlap(page) >= 2
    shot(page, f"{prefix}12-timeline-latest")

    page.get_by_role("link", name="Whole span").click()
    page.wait_for_url(re.compile(r"date_from="))
    assert _tick_labels_never_overlap(page) >= 2
    shot(page, f"{prefix}13-timeline-full-span")
    full = page.locator("svg.timeline").get_attribute("data-lo"), page.locator("svg.timeline").get_attribute("data-hi")

    before = page.url
    _brush(page, page.locator("svg.overview"), 0.9, 0.97)
    page.wait_for_url(lambda url: url != before)
    page.wait_for_load_state("load")
    zoomed = page.locator("svg.timeline").get_attribute("data-lo"), page.locator("svg.timeline").get_attribute("data-hi")
    assert full[0] < zoomed[0] <= zoomed[1] <= full[1], (full, zoomed)
    assert _tick_labels_never_overlap(page) >= 1
    shot(page, f"{prefix}14-timeline-zoomed")
    row = page.locator("li.cluster").first
    row.locator("details.sources > summary").click()
    assert row.locator("details.sources blockquote.evidence").first.is_visible()
    assert re.match(r"/documents/.+#s-\d+$", row.locator("details.sources a.fact-link").first.get_attribute("href"))


def test_the_seeds_state_visit_is_one_row_with_both_outlets(page, seeds_url):
    """The two seeds report one visit (test_resolve_seeds finds it the same way: its type and a name)."""
    page.goto(seeds_url + "/timeline")
    visits = page.locator("li.cluster[data-type='diplomatic_visit']").filter(has_text=re.compile("biden", re.I))
    assert visits.count() == 1
    row = visits.first
    assert row.get_attribute("data-outlets") == "2"
    assert "corroborated" in row.locator(".status").first.inner_text()
    row.locator("details.sources > summary").click()
    outlets = {a.inner_text().split(",")[0] for a in row.locator("details.sources a.fact-link").all()}
    assert len(outlets) == 2 and outlets == set(row.locator(".outlets").inner_text().split(", "))
    row.scroll_into_view_if_needed()
    shot(page, "seeds-15-visit-row")


def test_the_seeds_workspace_reads_well(page, seeds_url):
    _tour(page, seeds_url, "seeds-")


def test_the_840_article_workspace_reads_well(page, corpus_url):
    _tour(page, corpus_url, "")
