"""The quote filter: a learned last look that drops quotations in which nobody is quoted,
on fictional sentences; and the shipped weights, which must match the features."""
from __future__ import annotations

import json

import pytest

from casefile.extract import make_parsed, quotes, quotes_filter
from casefile.models import Document, Quote, Speaker


def direct_quotes(nlp, text: str) -> list[str]:
    parsed = make_parsed(Document(id="t", source="t", text=text), nlp(text))
    return [q.text for q in quotes.extract(parsed, []) if q.kind == "direct"]


def test_the_shipped_weights_load_and_name_exactly_the_features():
    model = quotes_filter.model()
    assert model["features"] == list(quotes_filter.FEATURES)
    assert "direct" in model["kinds"]
    for kind in model["kinds"].values():
        assert set(kind["weights"]) == set(quotes_filter.FEATURES)
        assert 0.0 <= kind["threshold"] < 1.0
    assert json.loads(quotes_filter.WEIGHTS.read_text())["trained_on"].startswith("dev/polnear_train")


@pytest.mark.parametrize("text, quoted", [
    ('"The clinics will close by winter unless the fund is renewed," said Amara Feld, a nurse in Dunmore.',
     "The clinics will close by winter unless the fund is renewed,"),
    ('Mayor Tilda Varga said the deal was "a disgrace" and vowed to fight it.', "a disgrace"),
])
def test_a_quotation_someone_speaks_is_kept(nlp, text, quoted):
    assert quoted in direct_quotes(nlp, text)


@pytest.mark.parametrize("text, quoted", [
    ('Ana Roe walked out, denouncing the "sham" vote.', "sham"),                      # a scare-quoted word
    ('Ana Roe left the hall early, accusing the council of "cowardice".', "cowardice"),
    ('Ana Roe spoke for an hour, praising the "quiet heroes" of the flood.', "quiet heroes"),
])
def test_a_phrase_under_a_verb_that_judges_is_extracted_by_the_rules_but_dropped_by_the_filter(
        nlp, monkeypatch, text, quoted):
    assert quoted not in direct_quotes(nlp, text)
    monkeypatch.setattr(quotes_filter, "model", lambda: {})       # no weights: every quote is kept
    assert quoted in direct_quotes(nlp, text)


@pytest.mark.parametrize("lemma, cls", [
    ("say", "cue_say"), ("tell", "cue_say"), ("argue", "cue_clause"), ("concede", "cue_not_saying"),
    ("call", "cue_naming"), ("dub", "cue_naming"), ("tweet", "cue_weak"), ("accuse", "cue_reporting"),
    ("pledge", "cue_reporting"), ("according", "cue_according"), ("shout", "cue_shout"),
    ("wonder", "cue_other"), (None, "cue_none"),
])
def test_a_cue_verb_falls_in_one_class_of_the_extractors_word_lists(lemma, cls):
    assert quotes_filter.cue_class(lemma) == cls
    assert cls in quotes_filter.FEATURES


def _quote(text: str, doc: str, speaker: str | None = None) -> Quote:
    start = doc.index(text)
    sp = None
    if speaker is not None:
        at = doc.index(speaker)
        sp = Speaker(text=speaker, start=at, end=at + len(speaker))
    return Quote(start=start, end=start + len(text), text=text, kind="direct", speaker=sp,
                 sentence_start=0, sentence_end=len(doc))


@pytest.mark.parametrize("doc, text, speaker, present, absent", [
    ('Ana Roe praised "The Long Winter Of Our Town" as a film.', "The Long Winter Of Our Town", "Ana Roe",
     {"title_case", "capital_start", "speaker_other", "speaker_before", "speaker_in_sentence", "end_none"},
     {"speaker_in_quote", "end_stop"}),
    ('"We will win." he said.', "We will win.", "he",
     {"speaker_pronoun", "end_stop", "first_person", "capital_start"}, {"title_case", "speaker_before"}),
    ('It was "fine", they said.', "fine", None, {"words_1", "cue_none"}, {"capital_start", "speaker_pronoun"}),
])
def test_the_shape_of_a_quotation_is_read_without_a_parse(doc, text, speaker, present, absent):
    f = {k for k, v in quotes_filter.features(_quote(text, doc, speaker), doc, []).items() if v}
    assert present <= f
    assert not absent & f
    assert f <= set(quotes_filter.FEATURES)
