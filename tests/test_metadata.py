from __future__ import annotations

import datetime as dt

import pytest

from casefile.ingest import build_document, content_id
from casefile.ingest.metadata import date_hint, iso, parse_date
from casefile.models import RawDocument

from .conftest import needs_seeds, seed_path

STORY = """Kestria jails two rights lawyers

Updated June 4, 2024 at 9:05 AM ET

A court in the Kestrian capital sentenced two lawyers to six years in prison on Monday, their families said.
The families told Harbor Daily News the trial lasted less than a day and no evidence was shown.
The justice ministry did not respond to Harbor Daily News's emailed questions before publication of this article on June 3.

Mara Velin is a correspondent with Harbor Daily News's foreign desk.
"""


def doc(text=STORY, **kw):
    return build_document(RawDocument(source="story.txt", text=text, **{k: v for k, v in kw.items() if k != "overrides"}),
                          kw.get("overrides"))


def test_metadata_comes_from_text_cues_when_nothing_else_is_given():
    d = doc()
    assert d.title == "Kestria jails two rights lawyers"
    assert d.updated == "2024-06-04"
    assert d.published == "2024-06-03"
    assert d.author == "Mara Velin"
    assert d.outlet == "Harbor Daily News"
    assert d.provenance["published"] == "text:publication-cue"


def test_values_given_by_the_user_override_the_text():
    d = doc(overrides={"outlet": "Other Wire", "published": "2024-01-02"})
    assert d.outlet == "Other Wire" and d.published == "2024-01-02"
    assert d.provenance["outlet"] == "user"


def test_values_declared_by_the_source_format_beat_text_cues():
    d = doc(title="Declared title", author="Declared Author", format="html")
    assert d.title == "Declared title" and d.author == "Declared Author"
    assert d.provenance["title"] == "html"


def test_a_sentence_first_line_is_not_taken_for_a_headline():
    d = doc("The court in the capital sentenced two lawyers to six years in prison on Monday.\nMore text follows here.")
    assert d.title is None


def test_an_undated_text_keeps_published_null_and_records_the_year_it_implies():
    text = ("The council said in February that arrests had doubled since the 2022 election late last year.\n"
            "In 2022, the number of detainees reached 400, a monitor said.")
    d = doc(text)
    assert d.published is None
    assert d.date_hint["year"] == 2023


@pytest.mark.parametrize("text, year", [
    ("In 2021 the law passed. In 2023 it was used against journalists.", 2023),
    ("The law passed in 2023. It was first used last year against journalists.", 2024),
    ("The law passed on May 4, 2023. It was first used last year against journalists.", 2023),
    ("The law passed in 2023. It was used this year, as it was last year.", 2023),
    ("Protests began in 2024 and spread in March.", 2024),
    ("No year is written anywhere in this sentence at all.", None),
])
def test_the_year_hint_follows_news_style(text, year):
    assert date_hint(text).get("year") == year


@pytest.mark.parametrize("text, before, expected", [
    ("March 11, 2024 at 12:17 PM ET", None, dt.date(2024, 3, 11)),
    ("11 March 2024", None, dt.date(2024, 3, 11)),
    ("2024-03-11", None, dt.date(2024, 3, 11)),
    ("Sept. 10, 2023", None, dt.date(2023, 9, 10)),
    ("March 1", dt.date(2024, 3, 11), dt.date(2024, 3, 1)),
    ("December 30", dt.date(2024, 1, 5), dt.date(2023, 12, 30)),
    ("March 1", None, None),
    ("February 30, 2024", None, None),
])
def test_dates_in_metadata_lines_parse(text, before, expected):
    assert parse_date(text, before=before) == expected


@pytest.mark.parametrize("value, expected", [
    ("2024-03-01", "2024-03-01"),
    ("2024-03-01T05:00:00-05:00", "2024-03-01T05:00:00-05:00"),
    ("March 1, 2024", "2024-03-01"),
    ("not a date", None),
])
def test_iso_normalises_declared_dates(value, expected):
    assert iso(value) == expected


def test_content_ids_ignore_whitespace_and_case_but_not_words():
    assert content_id("A  b\nC") == content_id("a b c")
    assert content_id("a b c") != content_id("a b d")


@pytest.mark.parametrize("header, published", [
    ("Published June 3, 2025", "2025-06-03"),
    ("March 9, 2025", "2025-03-09"),
    ("Saturday 11 October 2025", "2025-10-11"),
    ("Harbor Report | 14 August 2025", "2025-08-14"),
    ("(Vell, May 12, 2025) – A court in Vell sentenced two lawyers to six years in prison on Monday.", "2025-05-12"),
    ("The court said on March 9, 2025 that the two lawyers had been sentenced to six years in prison.", None),
])
def test_a_date_in_the_header_is_the_publication_date(header, published):
    d = doc(f"Kestria jails two lawyers\n\n{header}\n\nA court in the capital sentenced two rights lawyers "
            "to six years in prison on Monday, their families said in a statement.")
    assert d.published == published


@pytest.mark.parametrize("lines, outlet", [
    ("VELL, Kestria (AP) — A court jailed two lawyers on Monday, their families said.", "AP"),
    ("VELL, July 22 (Reuters) - A court jailed two lawyers on Monday, their families said.", "Reuters"),
    ("Harbor Report | 14 August 2025\n\nA court jailed two lawyers on Monday, their families said.", "Harbor Report"),
    ("Vell Observer\nStaff Reporter\n\nA court jailed two lawyers on Monday, their families said.", "Vell Observer"),
    ("A court jailed two lawyers on Monday, the families told Vell Radio.", "Vell Radio"),
    ("A court jailed two lawyers on Monday.\n\nMara Velin reports on Kestria for the Ledger.", "Ledger"),
    ("A court jailed two lawyers on Monday, their families told Mara Velin.", None),
])
def test_the_outlet_is_read_from_datelines_mastheads_and_bylines(lines, outlet):
    assert doc(f"Kestria jails two lawyers\n\n{lines}").outlet == outlet


def test_a_closing_byline_with_a_possessive_outlet_names_author_and_outlet():
    d = doc("Kestria jails two lawyers\n\nA court jailed two rights lawyers on Monday, their families said.\n\n"
            "Mara Velin is Vell Radio's Kestria correspondent.")
    assert d.author == "Mara Velin" and d.outlet == "Vell Radio"


@needs_seeds
def test_the_radio_seed_gets_title_outlet_author_and_both_dates():
    d = build_document(RawDocument(source="002.txt", text=seed_path("002").read_text(encoding="utf-8")))
    assert d.title.startswith("As Vietnam grows ties")
    assert d.outlet == "NPR"
    assert d.author == "John Ruwitch"
    assert d.published == "2024-03-01" and d.updated == "2024-03-11"


@needs_seeds
def test_the_undated_seed_names_its_outlet_through_the_interviews_it_gave():
    d = build_document(RawDocument(source="000.txt", text=seed_path("000").read_text(encoding="utf-8")))
    assert d.outlet in ("Radio Free Asia", "RFA")
    assert d.published is None and d.date_hint["year"] == 2024
