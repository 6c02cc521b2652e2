"""The case overview, the paged dossier and the timeline's window, on the benchmark's synthetic store
(fictional people and towns, dates spread over ten years, no spaCy)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from casefile.web import axis
from casefile.web.dossier import PER_PAGE
from tests.test_web_helpers import visible_text
from tests.test_web_speed import _build


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    from casefile.web.app import create_app

    return TestClient(create_app(_build(str(tmp_path_factory.mktemp("pages") / "pages.db"))))


@pytest.fixture(scope="module")
def top(client) -> dict:
    return client.get("/api/entities?type=PERSON&limit=1").json()[0]


def test_the_home_page_is_a_case_overview_with_outlets_and_dates(client):
    page = client.get("/").text
    for section in ("latest-events", "people", "recent-documents"):
        assert f'id="{section}"' in page
    latest = re.search(r'id="latest-events".*?</section>', page, re.S).group(0)
    dates = re.findall(r'<span class="date">([^<]+)</span>', latest)
    assert len(dates) == 10
    days = [dt.datetime.strptime(d, "%d %B %Y").date() for d in dates]
    assert days == sorted(days, reverse=True)          # the newest first
    assert "synthetic/" not in visible_text(page)      # titles, not paths


def test_the_people_with_the_most_events_come_first(client):
    page = client.get("/").text
    people = re.search(r'id="people".*?</section>', page, re.S).group(0)
    counts = [int(n) for n in re.findall(r"<small>(\d+) events?</small>", people)]
    assert len(counts) == 10 and counts == sorted(counts, reverse=True) and counts[0] > PER_PAGE


def test_a_dossier_shows_each_section_a_page_at_a_time(client, top):
    first = client.get(f"/entities/{top['ref']}").text
    events = re.search(r'<section id="events">.*?</section>', first, re.S).group(0)
    assert events.count('<li class="fact">') == PER_PAGE
    assert 'rel="next"' in events and 'rel="prev"' not in events
    second = client.get(f"/entities/{top['ref']}?events_page=2").text
    again = re.search(r'<section id="events">.*?</section>', second, re.S).group(0)
    assert 'rel="prev"' in again
    sentences = lambda html: re.findall(r'<blockquote class="evidence">(.*?)</blockquote>', html)  # noqa: E731
    assert sentences(events) != sentences(again)
    beyond = client.get(f"/entities/{top['ref']}?events_page=999").text
    assert beyond.count('<li class="fact">') >= 1        # past the end: the last page, not an empty one


def test_the_timeline_shows_the_latest_events_unless_a_range_is_asked_for(client):
    latest = client.get("/api/timeline").json()
    assert latest["truncated"] and latest["window"]["latest"]
    newest = max(e["start_date"] for e in latest["events"])
    assert newest >= "2024-12"                         # the synthetic dates run to the end of 2024
    window = client.get("/api/timeline?date_from=2016-03-01&date_to=2016-03-31").json()
    assert window["clusters"] and all("2016-03-01" <= c["date_start"] <= "2016-03-31" for c in window["clusters"])


def test_the_entity_filter_takes_a_name(client, top):
    by_name = client.get("/api/timeline", params={"entity": top["name"]}).json()
    by_ref = client.get("/api/timeline", params={"entity": top["ref"]}).json()
    assert by_name["clusters"] and by_name["clusters"] == by_ref["clusters"]
    first = top["name"].split()[0][:3].lower()
    assert top["name"] in client.get("/api/suggest/entities", params={"q": top["name"][:5]}).json()
    assert all(first in n.lower() for n in client.get("/api/suggest/entities", params={"q": first}).json())
    assert client.get("/api/suggest/entities", params={"q": "a"}).json() == []


def _labels(lo: str, hi: str, width: float = 790) -> list[tuple[float, str]]:
    a, b = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    span = (b - a).days + 1
    return axis.ticks(a, b, lambda d: 170 + (d - a).days / span * width)


@pytest.mark.parametrize("lo, hi, pattern", [
    ("1883-01-01", "2018-12-31", r"^1[89]\d0$|^20[01]0$"),    # 136 years: decades
    ("2015-01-01", "2024-12-31", r"^20\d\d$"),                # ten years: years
    ("2023-01-01", "2024-12-31", r"^Q[1-4] 202[34]$"),        # two years: quarters
    ("2023-07-01", "2023-09-30", r"^(Jul|Aug|Sep) 2023$"),    # a quarter: months
    ("2023-09-01", "2023-09-14", r"^\d\d? Sep 2023$"),         # a fortnight: days
])
def test_axis_ticks_fit_the_span_and_their_labels_never_touch(lo, hi, pattern):
    ticks = _labels(lo, hi)
    assert 2 <= len(ticks) <= axis.MAX_TICKS
    assert all(re.match(pattern, text) for _, text in ticks), ticks
    for (xa, a), (xb, b) in zip(ticks, ticks[1:]):
        assert xb - xa >= (len(a) + len(b)) / 2 * axis.CHAR_W


def test_a_narrow_chart_takes_a_coarser_scale():
    wide, narrow = _labels("2015-01-01", "2024-12-31"), _labels("2015-01-01", "2024-12-31", width=200)
    assert len(narrow) < len(wide)
