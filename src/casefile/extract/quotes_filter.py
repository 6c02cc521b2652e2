"""A last look at each extracted quote: is it an attribution a reader would count, or a
scare-quoted word, a title, a slogan someone was "called"? A small logistic model weighs
cheap signs of the quotation's shape and of the verb that attributes it; its weights are
learned offline from PolNeAR's training split (scripts/train_quote_filter.py) and shipped
in ``data/quote_filter.json``. Nothing here learns at run time, and without the file every
quote is kept.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..models import Quote
from .lexicon import mentions as mw
from .lexicon import quotes as lx
from .quotes_rules import tokens_between, top_token, word_count

WEIGHTS = Path(__file__).parent / "data" / "quote_filter.json"

# Verb classes, from the extractor's own lists: verbs of saying proper, the other verbs
# that take a reported clause, verbs of finding or conceding, verbs that also name things
# ("called it ..."), and the rest of the reporting verbs (accuse, pledge, praise, ...).
CUE_CLASSES = ("cue_say", "cue_clause", "cue_not_saying", "cue_naming", "cue_weak", "cue_shout",
               "cue_according", "cue_reporting", "cue_other", "cue_none", "cue_elsewhere")
LENGTHS = ("words_1", "words_2_4", "words_5_9", "words_10_19", "words_20plus")
SPEAKERS = ("speaker_pronoun", "speaker_entity", "speaker_description", "speaker_other")
# How the quotation hangs in its sentence: the dependency of its top word.
ATTACH = ("attach_root", "attach_ccomp", "attach_dobj", "attach_pobj", "attach_appos",
          "attach_attr", "attach_nsubj", "attach_conj", "attach_other")
BEFORE = ("before_start", "before_det", "before_adp", "before_verb", "before_noun",
          "before_colon", "before_comma", "before_other")
ENDS = ("end_stop", "end_comma", "end_question", "end_none")

FEATURES = (
    "bias", "indirect", "log_words", *LENGTHS, "sentence_share", "whole_paragraph",
    "capital_start", *ENDS, "pieces", "has_finite", "has_verb", "title_case", "first_person",
    *SPEAKERS, "speaker_in_sentence", "speaker_in_quote", "speaker_before", "speaker_is_subject",
    *CUE_CLASSES, "cue_participle", "cue_passive", "cue_root", "cue_after", "log_cue_distance",
    "cue_heads_quote", "cue_has_subject", *ATTACH, *BEFORE, "position", "first_paragraph",
)

_MARKS = lx.DOUBLE_OPEN + lx.DOUBLE_CLOSE + lx.STRAIGHT_DOUBLE


# In order: a lemma takes the first class whose list holds it.
_CUE_LISTS = (
    ("cue_according", lx.ACCORDING_HEADS), ("cue_say", lx.PARTICIPLE_SAYING_VERBS),
    ("cue_not_saying", lx.NOT_SAYING_VERBS), ("cue_clause", lx.INDIRECT_VERBS),
    ("cue_naming", lx.OWN_SUBJECT_VERBS), ("cue_weak", lx.WEAK_REPORTING_VERBS),
    ("cue_shout", lx.SHOUTING_VERBS), ("cue_reporting", lx.REPORTING_VERBS),
)


def cue_class(lemma: str | None) -> str:
    if lemma is None:
        return "cue_none"
    return next((name for name, words in _CUE_LISTS if lemma in words), "cue_other")


def _view_at(views, pos: int):
    return next((v for v in views if v.base + v.lo <= pos < v.base + v.hi), None)


def _cue_token(view, q: Quote):
    """The token the quote's cue names: its first word nearest the quotation, outside it."""
    if not q.cue or view is None:
        return None
    word = q.cue.split()[0]
    cands = [t for t in view if t.text == word and q.sentence_start <= view.base + t.idx < q.sentence_end
             and not q.start <= view.base + t.idx < q.end]
    return min(cands, key=lambda t: abs(view.base + t.idx - q.start), default=None)


def _speaker_kind(q: Quote) -> str | None:
    sp = q.speaker
    if sp is None:
        return None
    low = sp.text.lower()
    if low in mw.THIRD_PERSON_PRONOUNS:
        return "speaker_pronoun"
    if sp.entity is not None:
        return "speaker_entity"
    return "speaker_description" if sp.text[:1].islower() else "speaker_other"


def _before(view, q: Quote) -> str:
    t = next((t for t in reversed(view.tokens) if view.base + t.idx + len(t.text) <= q.start
              and t.text not in _MARKS and t.text not in ("``", "''", "'")), None)
    if t is None or view.base + t.idx < q.sentence_start:
        return "before_start"
    if t.text == ":":
        return "before_colon"
    if t.text == ",":
        return "before_comma"
    return {"DET": "before_det", "ADP": "before_adp", "VERB": "before_verb", "AUX": "before_verb",
            "NOUN": "before_noun", "PROPN": "before_noun", "PRON": "before_noun"}.get(t.pos_, "before_other")


def _shape(q: Quote, text: str) -> dict[str, float]:
    words = word_count(q.text)
    sent = max(1, q.sentence_end - q.sentence_start)
    body = q.text.rstrip(" " + _MARKS)
    end = body[-1:] if body else ""
    tokens = q.text.split()
    caps = [w for w in tokens if w[:1].isalpha()]
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip(" " + _MARKS)
    f = {
        "log_words": math.log1p(words) / 3,
        LENGTHS[0 if words <= 1 else 1 if words <= 4 else 2 if words <= 9 else 3 if words <= 19 else 4]: 1.0,
        "sentence_share": min(1.0, (q.end - q.start) / sent),
        "whole_paragraph": float(len(q.text.strip()) >= 0.9 * max(1, len(line))),
        "capital_start": float(q.text[:1].isupper()),
        ("end_stop" if end in ".!" else "end_comma" if end in ",;:" and end else
         "end_question" if end == "?" else "end_none"): 1.0,
        "pieces": float(min(3, sum(q.text.count(c) for c in lx.DOUBLE_CLOSE + lx.STRAIGHT_DOUBLE))),
        "title_case": float(len(caps) >= 2 and all(w[:1].isupper() for w in caps)),
        "first_person": float(any(w.lower().strip(",.!?") in mw.FIRST_PERSON for w in tokens)),
        "position": q.start / max(1, len(text)),
        "first_paragraph": float("\n" not in text[:q.start].strip()),
    }
    return f


def _speaker(q: Quote) -> dict[str, float]:
    kind = _speaker_kind(q)
    if kind is None:
        return {}
    sp = q.speaker
    f = {kind: 1.0}
    if sp.start is not None:
        f["speaker_in_sentence"] = float(q.sentence_start <= sp.start < q.sentence_end)
        f["speaker_in_quote"] = float(q.start <= sp.start < q.end)
        f["speaker_before"] = float(sp.start < q.start)
    return f


def _syntax(q: Quote, view) -> dict[str, float]:
    if view is None:
        return {"cue_none" if q.cue is None else "cue_elsewhere": 1.0}
    inside = tokens_between(view, view.base, q.start, q.end)
    top = top_token(inside)
    f: dict[str, float] = {
        "has_finite": float(any(t.tag_ in lx.FINITE_TAGS for t in inside)),
        "has_verb": float(any(t.pos_ == "VERB" for t in inside)),
        _before(view, q): 1.0,
    }
    if top is not None:
        dep = "root" if top.head.i == top.i else top.dep_
        f[f"attach_{dep}" if f"attach_{dep}" in ATTACH else "attach_other"] = 1.0
    cue = _cue_token(view, q)
    if cue is None:
        # no cue in the quotation's sentence: the speaker came from an earlier paragraph
        f["cue_none" if q.cue is None else "cue_elsewhere"] = 1.0
    else:
        f.update(_cue(cue, view.base, q, top))
    return f


def _cue(cue, base: int, q: Quote, top) -> dict[str, float]:
    at = base + cue.idx
    gap = q.start - at if at < q.start else at - q.end
    return {
        cue_class(cue.lemma_.lower()): 1.0,
        "cue_participle": float(cue.tag_ == lx.PARTICIPLE_TAG),
        "cue_passive": float(any(c.dep_ == "auxpass" for c in cue.children)),
        "cue_root": float(cue.dep_ == "ROOT"),
        "cue_after": float(at >= q.end),
        "log_cue_distance": math.log1p(max(0, gap)) / 5,
        "cue_heads_quote": float(top is not None and top.head.i == cue.i),
        "speaker_is_subject": float(_subject_is_speaker(cue, base, q)),
        "cue_has_subject": float(any(c.dep_ in mw.SUBJECT_DEPS for c in cue.children)),
    }


def _subject_is_speaker(cue, base: int, q: Quote) -> bool:
    """Whether the speaker's words stand in the cue's subject ("the new rules, the mayor said")."""
    if q.speaker is None or q.speaker.start is None:
        return False
    return any(c.dep_ in mw.SUBJECT_DEPS and base + c.left_edge.idx <= q.speaker.start
               < base + c.right_edge.idx + len(c.right_edge.text) for c in cue.children)


def features(q: Quote, text: str, views) -> dict[str, float]:
    """The quote's features by name, as the model reads them."""
    f = {"bias": 1.0, "indirect": float(q.kind == "indirect")}
    f.update(_shape(q, text))
    f.update(_speaker(q))
    f.update(_syntax(q, _view_at(views, q.start)))
    return f


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped weights and threshold per kind ({} when the file is missing: keep all)."""
    if not WEIGHTS.is_file():
        return {}
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    s = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))


def keep(quotes: list[Quote], text: str, views) -> list[Quote]:
    """The quotes the model finds likely enough to be real attributions."""
    kinds = model().get("kinds", {})
    out = []
    for q in quotes:
        m = kinds.get(q.kind)
        if m is None or m["threshold"] <= 0 or probability(features(q, text, views), m["weights"]) >= m["threshold"]:
            out.append(q)
    return out
