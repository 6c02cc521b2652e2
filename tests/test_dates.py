"""One meaning of a date value: the days it covers, whether two values can both be true, and the
same answer from extraction, the resolver's `casefile conflicts` and the web timeline's marks."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from casefile.cli import main
from casefile.concepts import dates as D
from casefile.extract import Parsed
from casefile.extract.times import extract
from casefile.models import Document, Event, Extraction, LocalEntity, Participant
from casefile.resolve import run as resolve
from casefile.web.timeline import TimelineFilter, timeline

from .helpers.rows import rows_of

day = dt.date


# ---- the days a value covers --------------------------------------------------------------------

@pytest.mark.parametrize("value, first, last", [
    ("2023-07-13", day(2023, 7, 13), day(2023, 7, 13)),
    ("2023-09-10T14:00", day(2023, 9, 10), day(2023, 9, 10)),
    ("2024-02", day(2024, 2, 1), day(2024, 2, 29)),
    ("2023-12", day(2023, 12, 1), day(2023, 12, 31)),
    ("2023-Q4", day(2023, 10, 1), day(2023, 12, 31)),
    ("2024-H2", day(2024, 7, 1), day(2024, 12, 31)),
    ("2024-SP", day(2024, 3, 1), day(2024, 5, 31)),
    ("2024-SU", day(2024, 6, 1), day(2024, 8, 31)),
    ("2024-FA", day(2024, 9, 1), day(2024, 11, 30)),
    ("2024-WI", day(2024, 12, 1), day(2025, 2, 28)),       # winter runs into the next year
    ("2023-WI", day(2023, 12, 1), day(2024, 2, 29)),
    ("2023-W37", day(2023, 9, 11), day(2023, 9, 17)),
    ("2023-W37-WE", day(2023, 9, 16), day(2023, 9, 17)),
    ("2023-W37-3", day(2023, 9, 13), day(2023, 9, 13)),
    ("2020-W53", day(2020, 12, 28), day(2021, 1, 3)),
    ("2023", day(2023, 1, 1), day(2023, 12, 31)),
    ("2023-XX", day(2023, 1, 1), day(2023, 12, 31)),       # a month of 2023: somewhere in 2023
    ("2023-WXX-3", day(2023, 1, 1), day(2023, 12, 31)),
    ("199", day(1990, 1, 1), day(1999, 12, 31)),
    ("19", day(1900, 1, 1), day(1999, 12, 31)),
])
def test_a_date_value_covers_the_days_it_names(value, first, last):
    assert D.interval(value) == (first, last)


@pytest.mark.parametrize("value", [
    "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P18M", "PT30M", "XXXX-02", "XXXX-WXX-3", "2023-13", "2023-02-30",
    "2024-H3", "2021-W53", "Directive 24", "", None,
])
def test_a_value_that_names_no_stretch_of_the_calendar_has_no_interval(value):
    assert D.interval(value) is None


@pytest.mark.parametrize("value, expected", [
    ("2023-07-13", "day"), ("2023-07-13T16:08Z", "day"), ("2023-W37-3", "day"), ("2023-07", "month"),
    ("2023-Q4", "quarter"), ("2023-H1", "half"), ("2023-SU", "season"), ("2023-W37", "week"), ("2023", "year"),
    ("199", "decade"), ("19", "century"), ("P18M", "duration"), ("PRESENT_REF", "ref"), ("XXXX-02", "unknown"),
    ("", "unknown"), ("Directive 24", "unknown"),
])
def test_granularity_names_the_unit_of_a_value(value, expected):
    assert D.granularity(value) == expected


def test_order_keeps_precision_puts_the_wider_first_and_the_undated_last():
    values = [None, "2024-02", "2023-09-10", "2023-07", "2023", "2023-07-13", "2023-07-01", "PRESENT_REF"]
    assert sorted(values, key=D.sort_key)[:7] == ["2023", "2023-07", "2023-07-01", "2023-07-13", "2023-09-10",
                                                   "2024-02", None]


# ---- which dates can both be true ---------------------------------------------------------------

PAIRS = [   # (a, b, can both be true)
    ("2023-07", "2023-07-13", True),               # a month holds its days
    ("2023-07", "2023-08-01", False),
    ("2023-07-13", "2023-07-14", False),
    ("2023", "2024-01", False),
    ("2024-WI", "2025-02-10", True),               # seasons: winter 2024 reaches into February 2025
    ("2024-WI", "2024-11-30", False),
    ("2024-SU", "2024-09-10", False),              # summer ends with August
    ("2024-SP", "2024-05-20", True),
    ("2025-W10", "2025-03-09", True),              # weeks: Monday to Sunday
    ("2025-W10", "2025-03-10", False),
    ("2025-W10-WE", "2025-03-07", False),          # a weekend is not the Friday before it
    ("2025-Q1", "2025-03", True),                  # quarters and halves
    ("2025-Q1", "2025-04-02", False),
    ("2024-H2", "2024-07", True),
    ("199", "1995", True),                         # decades
    ("199", "2000-01-05", False),
    ("XXXX-02", "2025-02-10", True),               # a month of an unknown year fits any February...
    ("XXXX-02", "2025-03-05", False),              # ...and no March
    ("XXXX-WI", "2025-01-20", True),
    ("PAST_REF", "2025-03-03", True),              # open references and durations claim no days
    ("FUTURE_REF", "2023", True),
    ("PRESENT_REF", "2025-03", True),
    ("P2M", "2025-03-01", True),
    (None, "2023-07-13", True),                    # an undated report fits any date
]


@pytest.mark.parametrize("a, b, same", PAIRS)
def test_two_values_are_compatible_when_they_can_describe_one_event(a, b, same):
    assert D.compatible(a, b) is same
    assert D.compatible(b, a) is same


# ---- extraction, the resolver and the web agree ------------------------------------------------

ANCHOR = day(2025, 3, 12)      # a Wednesday

# Phrases the times extractor turns into the values of a pair; None for an unknown year.
SAID = [  # (phrase, anchor, value) -- sentences are "Police detained <name> <phrase>."
    ("in the winter of 2024", ANCHOR, "2024-WI"),
    ("on Feb. 10, 2025", ANCHOR, "2025-02-10"),
    ("in the summer of 2024", ANCHOR, "2024-SU"),
    ("on Sept. 10, 2024", ANCHOR, "2024-09-10"),
    ("in the week of March 3, 2025", ANCHOR, "2025-W10"),
    ("on March 9, 2025", ANCHOR, "2025-03-09"),
    ("on March 10, 2025", ANCHOR, "2025-03-10"),
    ("over the weekend", ANCHOR, "2025-W10-WE"),
    ("on March 7, 2025", ANCHOR, "2025-03-07"),
    ("in the first quarter of 2025", ANCHOR, "2025-Q1"),
    ("on April 2, 2025", ANCHOR, "2025-04-02"),
    ("in the 1990s", ANCHOR, "199"),
    ("on Jan. 5, 2000", ANCHOR, "2000-01-05"),
    ("in 1995", ANCHOR, "1995"),
    ("in February", None, "XXXX-02"),
    ("on March 5, 2025", ANCHOR, "2025-03-05"),
    ("recently", ANCHOR, "PAST_REF"),
    ("on March 3, 2025", ANCHOR, "2025-03-03"),
    ("currently", ANCHOR, "PRESENT_REF"),
]

AGREE = [  # (value a, value b): every pair below ends up in one event cluster
    ("2024-WI", "2025-02-10"), ("2024-SU", "2024-09-10"), ("2025-W10", "2025-03-09"), ("2025-W10", "2025-03-10"),
    ("2025-W10-WE", "2025-03-07"), ("2025-Q1", "2025-04-02"), ("199", "2000-01-05"), ("199", "1995"),
    ("XXXX-02", "2025-02-10"), ("XXXX-02", "2025-03-05"), ("PAST_REF", "2025-03-03"), ("PRESENT_REF", "2025-03-09"),
    ("P2M", "2025-03-01"),
]
NAMES = ["Mara Vell", "Ivo Darnek", "Selin Arkova", "Tomas Reyl", "Lida Orvin", "Petra Kallun", "Odile Fenrow",
         "Ruslan Tevic", "Yara Moncel", "Gideon Harl", "Nadia Presk", "Emil Sarovan", "Cora Lindqvel"]


@pytest.mark.parametrize("phrase, anchor, value", SAID)
def test_extraction_gives_the_values_the_pairs_are_made_of(nlp, phrase, anchor, value):
    text = f"Police detained the editor {phrase}."
    parsed = Parsed(document=Document(id="t", source="t", text=text), doc=nlp(text), anchor=anchor)
    assert {t.text: t.value for t in extract(parsed)}.get(phrase.removeprefix("in ").removeprefix("on ")
                                                          .removeprefix("over ")) == value


def _report(doc_id: str, outlet: str, name: str, value: str) -> tuple[Document, Extraction, dict]:
    text = f"Police detained {name}."
    start = text.index(name)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, outlet=outlet, published=ANCHOR.isoformat())
    person = LocalEntity(key="p1", name=name, type="PERSON")
    event = Event(start=7, end=15, type="arrest", trigger="detained", sentence_start=0, sentence_end=len(text),
                  participants=[Participant(role="target", text=name, entity="p1", start=start,
                                            end=start + len(name))], date_value=value)
    return doc, Extraction(document=doc_id, entities=[person], events=[event], sentences=[(0, len(text))]), {}


@pytest.fixture(scope="module")
def agreement_store(tmp_path_factory):
    from casefile.store.db import Store

    path = str(tmp_path_factory.mktemp("dates") / "dates.db")
    store = Store.open(path)
    batch = []
    for n, ((a, b), name) in enumerate(zip(AGREE, NAMES)):
        batch += [_report(f"pair{n}a", "Harbor Wire", name, a), _report(f"pair{n}b", "Valley Post", name, b)]
    store.write_batch(rows_of(*batch))
    resolve(store)
    store.close()
    return path


@pytest.mark.parametrize("n", range(len(AGREE)))
def test_the_resolver_and_the_web_timeline_flag_the_same_date_pairs(agreement_store, n):
    from casefile.store.db import Store

    a, b = AGREE[n]
    out = CliRunner().invoke(main, ["conflicts", "--db", agreement_store, "--kind", "date", "--format", "json"])
    assert out.exit_code == 0, out.output
    cli = {frozenset((r["document_a"], r["document_b"])) for r in json.loads(out.output)}
    store = Store.open(agreement_store, readonly=True)
    try:
        with store.engine.connect() as conn:
            clusters = {r[0]: r[1] for r in conn.exec_driver_sql(
                "SELECT document_id, cluster FROM events WHERE document_id IN (?, ?)", (f"pair{n}a", f"pair{n}b"))}
        web = timeline(store, TimelineFilter())
    finally:
        store.close()
    assert clusters[f"pair{n}a"] == clusters[f"pair{n}b"], "the two reports must share a cluster for the test to mean anything"
    marked = any(c["cluster"] == clusters[f"pair{n}a"] and c["kind"] == "date" for c in web["conflicts"])
    flagged = frozenset((f"pair{n}a", f"pair{n}b")) in cli
    assert flagged is marked is (not D.compatible(a, b))


@pytest.mark.parametrize("value, expected", [
    ("2022-04-02", "2 April 2022"),
    ("2022-04-02T10:30", "2 April 2022"),
    ("2022-04-02TNI", "2 April 2022"),
    ("2021-03", "March 2021"),
    ("2023-SU", "summer 2023"),
    ("2023-WI", "winter 2023–24"),
    ("2018-W20", "week of 14 May 2018"),
    ("2018-W20-WE", "weekend of 19 May 2018"),
    ("2018-W20-1", "14 May 2018"),
    ("2024-Q1", "first quarter of 2024"),
    ("2024-H2", "second half of 2024"),
    ("2018", "2018"),
    ("2018-WXX-1", "2018"),
    ("2018-XX-XX", "2018"),
    ("2018-QX", "2018"),
    ("199", "the 1990s"),
    ("19", "the 1900s"),
    ("XXXX-02", "February (year not given)"),
    ("XXXX-02-10", "10 February (year not given)"),
    ("XXXX-SU", "summer (year not given)"),
    ("PRESENT_REF", "now"),
    ("PAST_REF", "in the past"),
    ("P2M", "for 2 months"),
    ("P1Y", "for 1 year"),
    (None, "undated"),
    ("", "undated"),
    ("2023-02-30", "date unclear"),
    ("garbage", "date unclear"),
])
def test_a_date_value_is_written_for_people(value, expected):
    assert D.human(value) == expected


@pytest.mark.parametrize("value", ["2018-WXX-1", "2023-SU", "2024-W10-WE", "PRESENT_REF", "XXXX-WI", "P3D",
                                   "2024-QX", "TNI", "2019-XX-XX"])
def test_no_written_date_keeps_a_code(value):
    text = D.human(value)
    assert not re.search(r"\b(WXX|SU|WI|WE|QX|XX|TNI|REF|P\d)\b|-", text), text
