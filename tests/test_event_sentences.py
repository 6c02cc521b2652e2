"""An event reads as a short sentence (who did what to whom, where, how many) and its type by a name."""
from __future__ import annotations

import re

import pytest

from casefile.resolve.event_details import PHRASES, fold, label, merged, one_per_person, sentence


def _d(agents=(), who=(), places=(), counts=()):
    return {"agents": list(agents), "who": [*agents, *who], "places": list(places), "counts": list(counts)}


@pytest.mark.parametrize("etype, details, expected", [
    ("arrest", _d(["police"], ["Teodor Kalvan"], ["Veskar"]), "Police arrested Teodor Kalvan in Veskar"),
    ("arrest", _d(who=["Teodor Kalvan"]), "Teodor Kalvan arrested"),
    ("arrest", _d(places=["Veskar"], counts=["3 men arrested"]), "Arrest in Veskar; 3 men arrested"),
    ("release", _d(who=["Ana Brisk", "Ivo Holm", "Uma Sorel"]), "Ana Brisk, Ivo Holm and Uma Sorel released"),
    ("diplomatic_visit", _d(["the minister"], places=["Orlavia", "Pellon"]),
     "Diplomatic visit by the minister in Orlavia and Pellon"),
    ("diplomatic_visit", _d(["the minister"], ["the president"]), "The minister met the president"),
    ("killing", _d(), "Killing"),
    ("some_new_type", _d(who=["Ana Brisk"]), "Some new type"),
])
def test_an_event_reads_as_a_sentence(etype, details, expected):
    assert sentence(etype, details) == expected


@pytest.mark.parametrize("etype, expected", [
    ("document_disclosed", "Disclosure of a document"), ("diplomatic_visit", "Diplomatic visit"),
    ("arrest", "Arrest"), ("brand_new_kind", "Brand new kind"), (None, "Event"),
])
def test_an_event_type_is_named_for_people(etype, expected):
    assert label(etype) == expected


def test_no_phrase_keeps_a_code_name():
    for etype, phrases in PHRASES.items():
        assert not any(re.search(r"[a-z]_[a-z]", p) for p in phrases), etype
        assert not re.search(r"[a-z]_[a-z]", sentence(etype, _d(["a"], ["b"], ["c"]))), etype


def test_a_shorter_name_of_the_doer_is_not_read_as_a_second_party():
    d = _d(["Joe Maren"], ["Maren", "the prime minister"])
    assert sentence("diplomatic_visit", d) == "Joe Maren met the prime minister"


@pytest.mark.parametrize("written, expected", [
    (["Ana B. Brisk", "Ana Brisk", "Brisk"], ["Ana B. Brisk"]),
    (["Brisk", "Ana Brisk"], ["Brisk"]),
    (["Ms. Brisk", "Ana Brisk", "Ivo Holm", "Holm"], ["Ms. Brisk", "Ivo Holm"]),
    (["A. Brisk", "Ana Brisk"], ["A. Brisk"]),
    # Not one person: other given names, two lone words, a group's noun, different middle names.
    (["Ana Brisk", "Ivo Brisk"], ["Ana Brisk", "Ivo Brisk"]),
    (["Brisk", "Holm"], ["Brisk", "Holm"]),
    (["journalists", "local journalists"], ["journalists", "local journalists"]),
    (["Ana B. Brisk", "Ana C. Brisk"], ["Ana B. Brisk", "Ana C. Brisk"]),
])
def test_reports_of_one_event_name_each_person_once(written, expected):
    assert one_per_person(written) == expected


def test_an_event_told_by_three_reports_names_its_person_once():
    parts = [_d(["a judge"], ["Ivo Holm"]), _d(who=["Ivo K. Holm"]), _d(who=["Holm"], places=["Veskar"])]
    assert sentence("imprisonment", merged(parts)) == "A judge jailed Ivo Holm in Veskar"


def test_the_details_of_one_report_name_each_person_once_and_an_event_without_any_has_empty_ones():
    rows = [("ev1", "p", "agent", "a judge", 0), ("ev1", "p", "target", "Ivo Holm", 1),
            ("ev1", "p", "target", "Holm", 2)]
    found = fold({"ev1": {"places": [], "who": [], "counts": []}, "ev2": {"places": [], "who": [], "counts": []}}, rows)
    assert found["ev1"]["who"] == ["a judge", "Ivo Holm"] and found["ev1"]["agents"] == ["a judge"]
    assert found["ev2"] == {"places": [], "who": [], "counts": [], "agents": []}
