"""Who a pronoun stands for, within the few sentences before it.

"he"/"she" take the nearest person of the right gender (the entities extractor's people
first), "it" the organisation just named, "they" a list of people just named, and a law
anaphor ("the decree", "it") the named law. Kept in one module so that events can share
the resolver quotes use when there is one.
"""
from __future__ import annotations

from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..lexicon import participants as P
from .context import Cand, Context


def resolve(ctx: Context, tok, want_law: bool) -> list[Cand]:
    low = tok.lower_
    sent = ctx.sents[ctx.sent_index(tok)]
    min_pos = ctx.sents[max(0, ctx.sent_index(tok) - L.PRONOUN_WINDOW_SENTENCES)].start_char
    if low in L.PERSON_PRONOUNS or low in ("his", "hers"):
        want = "M" if low in L.MALE_CUES else "F"
        people = [c for c in ctx.cands if c.label == "PERSON" and min_pos <= c.start and c.end <= tok.idx]
        # people the entities extractor confirmed first: a stray model span is a weaker antecedent
        for pool in ([c for c in people if c.key], people):
            for c in reversed(pool):
                if gender(ctx, c) in (want, None):
                    return [c]
        return _named_later(ctx, tok, want)
    if low in P.ORG_PRONOUNS and not want_law:
        prev = ctx.sents[max(0, ctx.sent_index(tok) - 1)].start_char
        for label in P.ORG_PRONOUN_LABELS:  # an organisation before a place ("a group based in X ... it")
            c = ctx.preceding(tok.idx, {label}, min_pos=prev)
            if c is not None:
                return [c]
        return []
    if low in L.PLURAL_PRONOUNS:
        for t in sent:
            if t.i >= tok.i:
                break
            if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
                found = [ctx.cand_at(x) for x in (t, *t.conjuncts)]
                if all(found):
                    return found  # type: ignore[return-value]
        prev = ctx.sents[ctx.sent_index(tok) - 1] if ctx.sent_index(tok) > 0 else None
        people = [c for c in ctx.cands_in(prev.start_char, prev.end_char) if c.label == "PERSON"] if prev else []
        return people if len(people) >= 2 else []  # "A, B and C were detained. Their whereabouts ..."
    if want_law and (low in L.THING_PRONOUNS or tok.lemma_.lower() in L.LAW_ANAPHORS):
        c = ctx.preceding(tok.idx, {"LAW"}) or ctx.following(tok.idx, {"LAW"})
        return [c] if c else []
    return []


def _named_later(ctx: Context, tok, want: str) -> list[Cand]:
    """A lead that says "his" before naming him: the first person named as a subject in the
    next sentence, when the pronoun had no one to refer back to."""
    i = ctx.sent_index(tok)
    if i + 1 >= len(ctx.sents):
        return []
    for t in ctx.sents[i + 1]:
        c = ctx.cand_at(t)
        if c is not None and c.label == "PERSON":
            return [c] if gender(ctx, c) in (want, None) else []
    return []


def gender(ctx: Context, c: Cand) -> str | None:
    """M, F or None, from the name's middle word, an honorific, or a kin noun beside it."""
    words = (ctx.full_names.get(c.key or "", "") or c.text).lower().split()
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is not None:
        near = [span.root.head] + [t for t in span.root.children if t.dep_ in ("appos", "compound")]
        near += [t for t in span.root.head.children if t.dep_ == "appos"] if span.root.dep_ == "appos" else []
        words += [t.lower_ for t in near if t.i < span.start or t.i >= span.end]
        words += [t.lower_ for t in ctx.doc[max(0, span.start - 2):span.start]]
    male, female = bool(set(words) & L.MALE_CUES), bool(set(words) & L.FEMALE_CUES)
    name = (ctx.full_names.get(c.key or "", "") or c.text).lower().split()
    female |= any(w.endswith(mw.FEMALE_NAME_ENDINGS) for w in name[1:])
    male |= any(w.endswith(mw.MALE_NAME_ENDINGS) for w in name[1:])
    return "M" if male and not female else "F" if female and not male else None
