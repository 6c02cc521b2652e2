"""The attribute ruler matched by lookup gives the stock component's annotations, token by token."""
from __future__ import annotations

import importlib
import json

import pytest

from casefile import nlp as nlp_module
from casefile import nlp_rules

from .conftest import EXAMPLES, MEANTIME, ROOT, SEEDS

TRICKY = [
    "I ain't gonna do it, y'all.  He can't and won't\n\n \t go.",
    "Gimme that! Wanna go? Lemme see. 'Cause I said so, didn't I?",
    "",
    "   \n  ",
    "Nguyễn Văn A, 45, was detained on Jan. 3 under Article 117 — 'propaganda against the state'.",
    "He 's been held since '09; they'd've known. U.S. officials said: \"No comment.\"",
]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


def _corpus() -> list[str]:
    texts = list(TRICKY)
    for folder in (SEEDS, EXAMPLES, ROOT / "tests" / "heldout"):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    docs = MEANTIME / "docs.jsonl"
    if docs.is_file():
        texts += [json.loads(line)["text"] for line in docs.read_text(encoding="utf-8").splitlines()[:40]]
    return texts


@pytest.fixture(scope="module")
def stock_and_lookup():
    package = importlib.import_module(nlp_module.model_name())
    stock, fast = package.load(), package.load()
    assert nlp_rules.speed_up(fast)
    return stock, fast


def test_lookup_ruler_gives_the_stock_annotations_on_every_token(stock_and_lookup):
    stock, fast = stock_and_lookup
    texts = _corpus()
    assert len(texts) > 50
    for text, a, b in zip(texts, stock.pipe(texts), fast.pipe(texts)):
        assert _annotations(a) == _annotations(b), text[:80]


def test_two_token_rules_still_apply(stock_and_lookup):
    _, fast = stock_and_lookup
    doc = fast("We are gonna win.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_casefile_pipeline_uses_the_lookup():
    ruler = nlp_module.load().get_pipe("attribute_ruler")
    assert isinstance(ruler.match, nlp_rules.LookupMatch)
    assert isinstance(ruler.pipe, nlp_rules.LookupRuler)


@pytest.mark.parametrize("pattern", [
    [{"SHAPE": "Xxxx"}],                       # an attribute the lookup does not read
    [{"LOWER": {"FUZZY": "detain"}}],           # a predicate it does not evaluate
    [{"TAG": "NN", "OP": "+"}],                 # an operator
])
def test_patterns_the_lookup_cannot_reproduce_leave_the_stock_ruler(pattern):
    package = importlib.import_module(nlp_module.model_name())
    model = package.load()
    ruler = model.get_pipe("attribute_ruler")
    ruler.add([pattern], {"LEMMA": "x"})
    assert nlp_rules.speed_up(model) is False
    assert "match" not in vars(ruler) and "pipe" not in vars(ruler)


@pytest.mark.parametrize("attrs, index", [
    ({"NORM": "x"}, 0),                         # the lexeme holds it too: one write is not per token
    ({"LEMMA": "x"}, 1),                        # a one-token rule pointing past its token
])
def test_rules_the_writer_cannot_reproduce_leave_the_stock_ruler(attrs, index):
    package = importlib.import_module(nlp_module.model_name())
    model = package.load()
    ruler = model.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "zorble"}]], attrs, index=index)
    assert nlp_rules.speed_up(model) is False
    assert "match" not in vars(ruler) and "pipe" not in vars(ruler)


def test_the_lookup_cache_is_bounded(stock_and_lookup, monkeypatch):
    _, fast = stock_and_lookup
    match = fast.get_pipe("attribute_ruler").match
    monkeypatch.setattr(nlp_rules, "CACHE_LIMIT", 5)
    doc = fast("one two three four five six seven eight nine ten eleven twelve")
    match(doc)
    assert len(match.cache) <= 5


def test_loading_the_model_keeps_what_is_loaded_out_of_collections():
    import gc

    nlp_module.load()
    assert gc.get_freeze_count() > 100_000
    assert gc.get_threshold()[0] == nlp_module.YOUNG_OBJECTS


def test_casefile_pipeline_lemmatizes_by_lookup():
    lemmatizer = nlp_module.load().get_pipe("lemmatizer")
    assert isinstance(lemmatizer.pipe, nlp_rules.LookupLemmas)
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, nlp_rules.WordList) for words in index.values())


@pytest.mark.parametrize("text, lemmas", [
    ("The wardens were detaining two reporters.", ["the", "warden", "be", "detain", "two", "reporter", "."]),
    ("She said they had gone.", ["she", "say", "they", "have", "go", "."]),
    ("Mr. Brandt's mice ran faster.", ["Mr.", "Brandt", "'s", "mouse", "run", "fast", "."]),
])
def test_lookup_lemmas_equal_the_stock_lemmatizer(stock_and_lookup, text, lemmas):
    stock, fast = stock_and_lookup
    (a,), (b,) = stock.pipe([text]), fast.pipe([text])
    assert [t.lemma_ for t in b] == [t.lemma_ for t in a] == lemmas


def test_a_lemma_the_attribute_ruler_set_is_kept(stock_and_lookup):
    _, fast = stock_and_lookup
    (doc,) = fast.pipe(["We are gonna win."])
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_the_word_list_answers_like_a_list():
    words = nlp_rules.WordList(["detain", "report"])
    assert words == ["detain", "report"]
    assert "detain" in words
    assert "detained" not in words


def test_the_lemma_cache_is_bounded(stock_and_lookup, monkeypatch):
    _, fast = stock_and_lookup
    monkeypatch.setattr(nlp_rules, "CACHE_LIMIT", 5)
    list(fast.pipe(["Zorbles quindled the vextrons while gorfs snazzled wibbering plonks."]))
    assert len(fast.get_pipe("lemmatizer").pipe.cache) <= 5


@pytest.mark.parametrize("mode", ["lookup", "rule"])
def test_a_lemmatizer_the_lookup_cannot_reproduce_keeps_its_stock_pipe(mode):
    import spacy

    model = spacy.blank("en")
    lemmatizer = model.add_pipe("lemmatizer", config={"mode": mode})   # no tables loaded
    assert nlp_rules.speed_up(model) is False
    assert "pipe" not in vars(lemmatizer)
