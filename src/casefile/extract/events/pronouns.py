"""Who a pronoun in an event's argument stands for.

People and organisations are resolved by ``extract.mentions``, the one resolver the quote
extractor uses too (a pronoun after a quote prefers its speaker there as here). Two readings
are the event extractor's own, since they are not pronoun resolution proper: "their" after
a list of people just named stands for each of them ("A, B and C were detained. Their
whereabouts ..." gives three disappearances), and "it" or "the decree" in a law's place
stands for the law named nearby.
"""
from __future__ import annotations

from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..mentions import resolver
from .context import Cand, Context
from .grammar import thing_pronoun


def resolve(ctx: Context, tok, want_law: bool) -> list[Cand]:
    """The names a pronoun (or, for laws, an anaphor) stands for; empty when nobody fits."""
    low = tok.lower_
    if want_law and (thing_pronoun(tok) or tok.lemma_.lower() in L.LAW_ANAPHORS):
        c = ctx.preceding(tok.idx, {"LAW"}) or ctx.following(tok.idx, {"LAW"})
        return [c] if c else []
    if low in mw.PLURAL_PRONOUNS:
        listed = _listed_people(ctx, tok)
        if listed:
            return listed
    ref = resolver(ctx.parsed, ctx.entities).refer(tok, recent=True)  # a case event follows the name it is about
    if ref is None or ref.start >= tok.idx and ref.end <= tok.idx + len(tok.text):
        return []  # nobody, or the pronoun itself
    head_start, head_end = ref.head_span()
    inside = [c for c in ctx.cands if ref.start <= c.start and c.end <= ref.end or c.start <= ref.start < c.end]
    keyed = [c for c in inside if ref.key is not None and c.key == ref.key]
    at_head = [c for c in inside if c.start < head_end and head_start < c.end]
    found = keyed or at_head or inside  # "Hong Kong's Correctional Services Department": the department
    if found:
        return found[:1]
    label = "PERSON" if ref.kind in ("person", "name") else "ORG"
    return [Cand(ref.start, ref.end, label, ref.text, ref.key)]


def _listed_people(ctx: Context, tok) -> list[Cand]:
    """People coordinated as the subject before the pronoun in its sentence, or two or more
    people named in the sentence before: each of them."""
    sent = ctx.sents[ctx.sent_index(tok)]
    for t in sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
            found = [ctx.cand_at(x) for x in (t, *t.conjuncts)]
            if all(found):
                return found  # type: ignore[return-value]
    i = ctx.sent_index(tok)
    prev = ctx.sents[i - 1] if i > 0 else None
    people = [c for c in ctx.cands_in(prev.start_char, prev.end_char) if c.label == "PERSON"] if prev else []
    return people if len(people) >= 2 else []
