"""The tense of the clause a time expression sits in, which says on which side of the publication
date a partial date ("March 8", "Wednesday", "the third quarter") lies.

``ctx`` is any object with the document's ``text`` and its spaCy ``doc`` (``times_resolve.Context``).
"""
from __future__ import annotations

from typing import Any

from .lexicon import times as L
from .lexicon.quotes import INDIRECT_VERBS


def tense(ctx: Any, start: int) -> str:
    """'past', 'future' or 'present' for the clause the expression at ``start`` sits in; 'open' when the
    clause sets a time after a past one (a plan or an agreement told in the past tense), which may lie
    on either side of publication."""
    if ctx.doc is None:
        return "present"
    span = ctx.doc.char_span(start, min(start + 1, len(ctx.text)), alignment_mode="expand")
    if span is None or not len(span):
        return "present"
    tok = span[0]
    window = {t.lower_ for t in ctx.doc[max(tok.sent.start, tok.i - 3):tok.i]}
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
        if verb.lower_ in L.FUTURE_HEADS:         # "payable Dec. 7", whatever the tense of the clause
            return "future"
    if window & L.FUTURE_WINDOW:
        # "until Friday" looks ahead, unless the clause is told from after it: "until Friday, they had not ..."
        return "past" if _pluperfect(verb) else "future"
    return _clause_tense(verb)


def _clause_tense(verb) -> str:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} | {verb.lower_}
    if words & L.FUTURE_AUX:
        return "future"
    if _future_cue(verb):
        return "open" if _told_in_past(verb) else "future"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        if _pluperfect(verb.head):                # "had been due to expire Friday": a plan the story has overtaken
            return "past"
        head = _governing_verb(verb.head)         # "made it difficult for them to meet demand": "made"
        if _past_form(head) or (_future_cue(head) and _told_in_past(head)):
            # "agreed to buy it in February", "planned to leave on Thursday": after the agreement or
            # the plan, which says nothing of today: the reading nearest publication
            return "open"
        return "future"
    if words & L.MODALS:
        # "could come as early as Tuesday" looks ahead; "could have left on Monday" and "could not be
        # reached Tuesday" (an attempt that failed) look back
        return "past" if "have" in words or ("could" in words and _negated(verb)) else "future"
    if verb.tag_ == "VBD" or words & L.PAST_AUX:
        return "past"
    if verb.tag_ == "VBN" and not words & L.PRESENT_AUX:
        return "past"                          # a participle phrase: "plans announced in January"
    return "present"


def _governing_verb(tok):
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok


def scheduled(ctx: Any, start: int) -> bool:
    """A weekday in a present-tense clause that is not a report ("He meets the minister Monday",
    not "says Monday"): news writes what is scheduled in the present tense."""
    verb = verb_at(ctx, start) if ctx.doc is not None else None
    return (verb is not None and verb.tag_ in ("VBP", "VBZ") and verb.lemma_ not in INDIRECT_VERBS
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _future_cue(verb) -> bool:
    """A verb that points ahead: "plans", "is expected", "is set to"; "a record set in May" does not."""
    if verb.lemma_ == "set":
        return any(c.lower_ in ("to", "for") for c in verb.children)
    return verb.lemma_ in L.FUTURE_CUES


def _told_in_past(verb) -> bool:
    """A plan reported in the past tense ("planned", "was expected", "a service planned for Saturday")."""
    return _past_form(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl")


def _pluperfect(tok) -> bool:
    """A past perfect ("had called", "had been scheduled", "had been due"): told from after the time it names."""
    for t in (tok, tok.head) if tok.pos_ == "ADJ" else (tok,):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
            return True
    return False


def _negated(verb) -> bool:
    """"could not", "couldn't", "neither he nor she could"."""
    return any(c.dep_ == "neg" or (c.dep_.startswith("nsubj") and any(g.lower_ == "neither" for g in c.children))
               for c in verb.children)


def _past_form(verb) -> bool:
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ in L.PAST_AUX for c in verb.children))


def verb_at(ctx: Any, at: int):
    """The verb governing the token at character ``at``."""
    span = ctx.doc.char_span(at, min(at + 1, len(ctx.text)), alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None
