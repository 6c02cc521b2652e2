"""The review flow the browser tests run on a store (the seeds, and the 840 PolNeAR training
articles with the seeds): reject an event and fix a quote's speaker from the dossiers, see a write
without the token refused, ingest the same articles again, resolve the corpus again, and find
both decisions holding on the pages, in the export and in `review list`. Not a test module.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser.conftest import shot

TOKEN = "browser-review-token"
REVIEWER = "Test Reviewer"


def api(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=60) as r:
        return json.load(r)


def quoted(ref: str) -> str:
    return urllib.parse.quote(ref, safe="")


def people(base_url: str, limit: int = 200) -> list[dict]:
    """Dossiers of the ``limit`` most documented people, most documented first (the entity list is
    cached for a while: after a resolution, a listed id may be gone)."""
    out = []
    for e in api(base_url, f"/api/entities?type=PERSON&limit={limit}"):
        try:
            out.append(api(base_url, "/api/entities/" + quoted(e["ref"])))
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise
    return out


def page_showing(base_url: str, ref: str, section: str, key: str) -> str:
    """The dossier page (of PER_PAGE facts a section) that shows the fact ``key`` in ``section``."""
    from casefile.web.dossier import PER_PAGE

    facts = api(base_url, "/api/entities/" + quoted(ref))[section]
    (i,) = [i for i, f in enumerate(facts) if f["review"]["key"] == key]
    return base_url + f"/entities/{quoted(ref)}?{section}_page={i // PER_PAGE + 1}"


def review(page, fact, shot_as: str | None = None, **fields) -> None:
    """Open a fact's review form, fill it in (screenshot ``shot_as`` of it filled in) and save it
    (the page reloads where it was)."""
    form = fact.locator("details.review").first
    form.locator("summary").click()
    if "status" in fields:
        form.locator("select[name=status]").select_option(fields.pop("status"))
    for name, value in (fields | {"reviewer": REVIEWER, "token": TOKEN}).items():
        form.locator(f"input[name={name}]").fill(value)
    if shot_as:
        form.scroll_into_view_if_needed()
        shot(page, shot_as)
    with page.expect_navigation():
        form.get_by_role("button", name="Save").click()


def _with_key(page, section: str, key: str):
    return page.locator(f"#{section} li.fact").filter(has=page.locator(f"input[name=key][value='{key}']"))


def cli(*args: str):
    """A casefile command run in this process (its result: exit_code, output)."""
    from casefile.cli import main
    return CliRunner().invoke(main, list(args))


def review_survives(page, site: str, db: str, inputs: list[Path], prefix: str, people_limit: int = 200) -> None:
    """The whole flow on the store ``db`` (made of ``inputs``, served at ``site`` with TOKEN);
    screenshots ``{prefix}review-01`` to ``-06``."""
    folks = people(site, people_limit)
    with_events = next(p for p in folks if p["events"])
    speaker = next(p for p in folks if p["quotes_by"])
    event, quote = with_events["events"][0], speaker["quotes_by"][0]
    # Who really said it: another person the same article names (so their dossier reads that article).
    other = next(p for p in folks if p["ref"] != speaker["ref"]
                 and quote["document_id"] in {d["id"] for d in p["documents"]})
    event_key, quote_key = event["review"]["key"], quote["review"]["key"]
    dossier_of = site + "/entities/" + quoted(with_events["ref"])

    # Reject an event from its dossier.
    page.goto(dossier_of)
    review(page, _with_key(page, "events", event_key), f"{prefix}review-01-event-form-filled",
           status="rejected", note="not an event: a figure of speech")
    assert page.url == f"{dossier_of}#review-{urllib.parse.quote(event_key, safe=':')}"   # back at the fact
    assert page.locator(f"#events input[name=key][value='{event_key}']").count() == 0
    assert event_key not in {e["review"]["key"] for e in api(site, "/api/entities/" + quoted(with_events["ref"]))["events"]}
    page.locator("#events").scroll_into_view_if_needed()
    shot(page, f"{prefix}review-02-event-rejected")

    # Fix a quote's speaker from the speaker's dossier.
    page.goto(site + "/entities/" + quoted(speaker["ref"]))
    review(page, _with_key(page, "quotes-by", quote_key), status="confirmed", speaker=other["name"])
    assert page.locator(f"#quotes-by input[name=key][value='{quote_key}']").count() == 0
    page.goto(page_showing(site, other["ref"], "quotes_by", quote_key))
    moved = _with_key(page, "quotes-by", quote_key)
    assert moved.count() == 1
    assert "corrected speaker" in moved.locator("details.review summary").inner_text()
    moved.scroll_into_view_if_needed()
    shot(page, f"{prefix}review-03-quote-speaker-fixed")

    # Without the token, the write is refused.
    request = urllib.request.Request(site + "/review", method="POST", data=urllib.parse.urlencode(
        {"key": quote_key, "status": "rejected", "reviewer": "Someone"}).encode())
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 401

    page.goto(site + "/review")
    assert page.locator("table.audit tbody tr").count() == 2
    shot(page, f"{prefix}review-04-audit")

    # The same articles again, and the whole corpus resolved again.
    again = cli("ingest", *map(str, inputs), "--db", db, "-q")
    assert again.exit_code == 0 and re.search(r"\bstored 0\b", again.output), again.output
    assert cli("resolve", "--db", db).exit_code == 0

    page.goto(dossier_of)
    assert page.locator(f"#events input[name=key][value='{event_key}']").count() == 0
    assert event_key not in {e["review"]["key"] for e in api(site, "/api/entities/" + quoted(with_events["ref"]))["events"]}
    after = api(site, "/api/entities/" + quoted(other["ref"]))
    assert [q["speaker_text"] for q in after["quotes_by"] if q["review"]["key"] == quote_key] == [other["name"]]
    page.goto(page_showing(site, other["ref"], "quotes_by", quote_key))
    moved = _with_key(page, "quotes-by", quote_key)
    assert "corrected speaker" in moved.locator("details.review summary").inner_text()
    moved.scroll_into_view_if_needed()
    shot(page, f"{prefix}review-05-quote-after-reingest-and-resolve")
    page.goto(site + "/review")
    assert re.search(r"rejected", page.locator("table.audit").inner_text())
    assert page.locator("table.audit tbody tr").count() == 2
    shot(page, f"{prefix}review-06-audit-after-reingest-and-resolve")

    exported = json.loads(cli("export", "--db", db).output)
    (ev,) = [e for e in exported["events"] if e["id"] == event["id"]]
    (qu,) = [q for q in exported["quotes"] if q["id"] == quote["id"]]
    assert ev["review"]["status"] == "rejected" and ev["review"]["reviewer"] == REVIEWER
    assert qu["speaker"]["text"] == other["name"] and qu["review"]["original"]["speaker"] == quote["speaker_text"]
    listed = json.loads(cli("review", "list", "--format", "json", "--db", db).output)
    assert {(d["key"], d["status"]) for d in listed} == {(event_key, "rejected"), (quote_key, "confirmed")}
