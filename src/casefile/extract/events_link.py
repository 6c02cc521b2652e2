"""Linking a case event to the person it is about when the parse alone does not name them.

News style often separates the two: a lead describes ("sentenced a blogger") and the next
sentence names ("X, 41, was convicted ..."); a copula puts the person in a group ("X was one
of dozens of activists arrested"); a law is cited after the charge ("charged under Article 9").
"""
from __future__ import annotations

import re

from ..models import Participant
from .events_args import Args, person_like
from .events_ctx import Cand, Context
from .lexicon import events as L

_UNDER = re.compile(L.LAW_INTRO_PATTERN, re.IGNORECASE)


def law_under(ctx: Context, sent, tok) -> Cand | None:
    """The named law a charge or sentence was brought under, cited after the trigger."""
    for c in ctx.cands_in(tok.idx, sent.end_char):
        if c.label == "LAW" and _UNDER.search(ctx.text[max(sent.start_char, c.start - 20):c.start]):
            return c
    return None


def link_case_target(ctx: Context, sent, tok, args: Args) -> list[Participant]:
    """The named person a case event is about: the subject of "X was one of/among those arrested",
    or the person a lead's indefinite description ("a blogger") turns out to be."""
    subj = _group_member_subject(tok)
    if subj is not None:
        named = [p for p in ctx.participants(subj, "target") if p.entity or p.text[:1].isupper()]
        if named:
            return named
    for o in args.obj:
        if _indefinite_person(ctx, o):
            c = _named_next(ctx, sent, o)
            if c is not None:
                return [ctx.part("target", c)]
    return []


def _group_member_subject(tok):
    """"X was one of dozens of activists arrested", "X is the third activist jailed", "X was among
    47 defendants charged": the trigger describes a group the copula's subject belongs to."""
    if tok.dep_ not in ("acl", "relcl"):
        return None
    h = tok.head
    cop = None
    if h.dep_ == "attr":
        cop = h.head
    elif h.dep_ == "pobj" and h.head.lower_ in L.GROUP_MEMBER_PREPS:
        up = h.head.head
        cop = up.head if up.dep_ == "attr" else up
    if cop is None or cop.lemma_.lower() != "be":
        return None
    return next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _indefinite_person(ctx: Context, o) -> bool:
    return ctx.cand_at(o) is None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children) \
        and person_like(ctx, o)


def _named_next(ctx: Context, sent, o) -> Cand | None:
    """The person named right after the description: in apposition, or as the subject of one of
    the next sentences."""
    i = ctx.sents.index(sent) if sent in ctx.sents else ctx.sent_index(o)
    for nxt in ctx.sents[i + 1:i + 1 + L.DESCRIPTION_LOOKAHEAD_SENTENCES]:
        for t in nxt:
            c = ctx.cand_at(t)
            if c is not None and c.label == "PERSON" and t.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None
