"""Amounts: money, durations, counts and percentages, and the event each one measures."""
from __future__ import annotations

import pytest

from casefile.extract import amounts, events, make_parsed
from casefile.models import Amount, Document, Event


def run(nlp, text: str) -> tuple[list[Amount], list[Event]]:
    parsed = make_parsed(Document(id="t", source="t.txt", text=text), nlp(text))
    evs = events.extract(parsed, [], [])
    out = amounts.extract(parsed, evs)
    for a in out:  # offsets point back into the text exactly
        assert text[a.start:a.end] == a.text
        assert a.event is None or 0 <= a.event < len(evs)
    return out, evs


@pytest.mark.parametrize("text, span, kind, value, unit", [
    ("In 2025, two-way trade stood at almost US$111 billion.", "US$111 billion", "money", 111e9, "USD"),
    ("Exports reached $40 billion.", "$40 billion", "money", 40e9, "USD"),
    ("The charity was fined €2m.", "€2m", "money", 2e6, "EUR"),
    ("He was ordered to pay 50 million dong.", "50 million dong", "money", 50e6, "VND"),
    ("Guards held the writer in solitary confinement for 18 months.", "18 months", "duration", 18, "month"),
    ("She was sentenced to nine years in prison.", "nine years", "duration", 9, "year"),
    ("He completed a five-year sentence.", "five-year", "duration", 5, "year"),
    ("The law affects the country's 100 million citizens.", "100 million citizens", "count", 100e6, "citizen"),
    ("Police arrested 1,000 people after the march.", "1,000 people", "count", 1000, "arrested"),
    ("Turnout fell 12.5% last year.", "12.5%", "percent", 12.5, "percent"),
    ("Support rose to 40 percent.", "40 percent", "percent", 40, "percent"),
    ("Hundreds of protesters marched to the court.", "Hundreds of protesters", "count", None, "protester"),
])
def test_amounts_are_found_with_kind_value_and_unit(nlp, text, span, kind, value, unit):
    found, _ = run(nlp, text)
    match = [a for a in found if a.text == span]
    assert match, f"{span!r} not found in {[a.text for a in found]}"
    expected = pytest.approx(value) if value is not None else None
    assert (match[0].kind, match[0].value, match[0].unit) == (kind, expected, unit)


@pytest.mark.parametrize("text, not_an_amount", [
    ("Decree 72 took effect in 2023.", "72"),
    ("Article 117 of the penal code was cited.", "117"),
    ("The 45-year-old lawyer was arrested.", "45"),
    ("Nguyen Van Nam, aged 45 years, was arrested.", "45"),
    ("Two months later, the minister resigned.", "Two months"),
    ("The decree was issued two months before the visit.", "two months"),
    ("In 2023, the ministry changed the rules.", "2023"),
    ("She was born in 1990.", "1990"),
])
def test_names_ages_years_and_points_in_time_are_not_amounts(nlp, text, not_an_amount):
    found, _ = run(nlp, text)
    assert not any(not_an_amount in a.text for a in found)


@pytest.mark.parametrize("text, span, etype", [
    ("She was sentenced to nine years in prison.", "nine years", "imprisonment"),
    ("Guards held the writer Tran Van Long in solitary confinement for 18 months.", "18 months", "detention_abuse"),
    ("Exports to Canada reached $96.8 billion last year.", "$96.8 billion", "trade_figure"),
    ("Police arrested 20 activists in the capital.", "20 activists", "arrest"),
])
def test_an_amount_attaches_to_the_event_it_measures(nlp, text, span, etype):
    found, evs = run(nlp, text)
    a = next(a for a in found if a.text == span)
    assert a.event is not None and evs[a.event].type == etype


@pytest.mark.parametrize("text, span", [
    ("Four senators raised concerns over the imprisonment of the writer Tran Van Long.", "Four senators"),
    ("The ministry published a report on 3,000 companies.", "3,000 companies"),
])
def test_a_count_that_is_not_a_participant_stays_unattached(nlp, text, span):
    found, _ = run(nlp, text)
    a = [a for a in found if a.text == span]
    assert a and a[0].event is None
