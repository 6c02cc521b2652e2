"""Headlines, shouted lines and datelines: where capitals do not mark names.

Fictional articles; each row says which names a reader would take from the text, and which
strings must not become names.
"""
from __future__ import annotations

import pytest

from casefile.extract import entities, make_parsed
from casefile.extract.entities_layout import is_title_case
from casefile.models import Document


@pytest.fixture(scope="module")
def names(nlp):
    def _names(text: str) -> set[str]:
        parsed = make_parsed(Document(id="t", source="t.txt", text=text), nlp(text))
        return {a for e in entities.extract(parsed) for a in [e.name, *e.aliases]}
    return _names


@pytest.mark.parametrize("line, headline", [
    ("Senator Says She Will Block the Budget", True),
    ("Orla Quist Slams Bram Tellen Over Harbor Deal", True),
    ("Orla Quist Thinks About Bram Tellen.", True),
    ("NORLAND VOTERS TURN OUT IN RECORD NUMBERS", True),
    ("Orla Quist said on Monday that Bram Tellen had lied.", False),
    ("He met Orla Quist, Bram Tellen, Ivo Marsh and Petra Lind.", False),
    ("The Westvale Rights League met the Minister. The WRL said little.", False),
    ("Orla Quist", False),
    ("By Petra Lind, Harbor Correspondent", False),   # a byline: the writer's name as written
])
def test_a_title_case_line_is_told_from_prose(line, headline):
    assert is_title_case(line) is headline


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("Orla Quist Slams Bram Tellen Over Harbor Deal\n\nOrla Quist, a senator, criticized Bram Tellen "
     "on Monday. Quist said the harbor deal was unfair.",
     {"Orla Quist", "Bram Tellen"}, {"Orla Quist Slams Bram Tellen", "Slams Bram Tellen", "Harbor Deal"}),
    ("Attacking Bram Tellen, Quist Doubles Down\n\nOrla Quist kept up her criticism of Bram Tellen.",
     {"Orla Quist", "Bram Tellen"}, {"Attacking Bram Tellen", "Quist Doubles Down", "Quist Doubles"}),
    ("Bram Tellen Joked About Taxes\n\nBram Tellen told a crowd in Eastvale that he would cut taxes.",
     {"Bram Tellen"}, {"Bram Tellen Joked", "Joked"}),
])
def test_headline_words_never_join_a_name(names, text, wanted, unwanted):
    got = names(text)
    assert wanted <= got and not unwanted & got


def test_a_name_only_a_headline_writes_is_not_guessed(names):
    got = names("Harbor Board Picks Orla Quist\n\nThe board met on Monday and chose a new chair.")
    assert not {n for n in got if "Quist" in n}


@pytest.mark.parametrize("text, unwanted, wanted", [
    ("EASTVALE, Norland (AP) \u2014 Police detained two students on Monday.", {"EASTVALE", "AP"}, set()),
    ("WESTBURG \u2014 Police detained two students on Monday.", {"WESTBURG"}, set()),
    ("NEW HARBOR, Nor., May 3 (Wire) \u2014 Orla Quist won the vote in New Harbor.",
     {"NEW HARBOR", "Nor.", "Wire"}, {"New Harbor", "Orla Quist"}),
    ("PORT ELLEN -- Bram Tellen spoke in Eastvale on Friday.", {"PORT ELLEN"}, {"Bram Tellen", "Eastvale"}),
])
def test_a_dateline_is_metadata_not_a_mention(names, text, unwanted, wanted):
    got = names(text)
    assert not unwanted & got and wanted <= got


@pytest.mark.parametrize("text, unwanted, wanted", [
    ("By Petra Lind, THE NORLAND CHRONICLE PRESS\n\nOrla Quist won the vote.",
     {"THE NORLAND CHRONICLE PRESS", "NORLAND CHRONICLE PRESS"}, {"Orla Quist"}),
    ("QUIST WINS EASTVALE PRIMARY\n\nOrla Quist won the Eastvale primary on Tuesday.",
     {"QUIST", "EASTVALE", "QUIST WINS EASTVALE PRIMARY"}, {"Orla Quist", "Eastvale"}),
])
def test_a_shouted_credit_or_headline_is_no_name(names, text, unwanted, wanted):
    got = names(text)
    assert not unwanted & got and wanted <= got
