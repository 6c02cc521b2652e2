"""Linking a case event to the person it is about when the parse alone does not name them.

News style often separates the two: a lead describes ("sentenced a blogger") and the next
sentence names ("X, 41, was convicted ..."); a copula puts the person in a group ("X was one
of dozens of activists arrested"); a law is cited after the charge ("charged under Article 9").
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ...models import Event, Participant
from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import participants as P
from .context import Cand, Context
from .grammar import Args, host_subject
from .participants import of_token, person_like

_UNDER = re.compile(L.LAW_INTRO_PATTERN, re.IGNORECASE)


_TRAILING_LOWER = re.compile(L.LAW_TRAILING_WORDS)


def law_under(ctx: Context, sent, tok) -> Cand | None:
    """The named law a charge or sentence was brought under, cited after the trigger; a name that
    ran on into lower-case words ("Article 9 since 2020") is cut back to the name."""
    for c in ctx.cands_in(tok.idx, sent.end_char):
        if c.label == "LAW" and _UNDER.search(ctx.text[max(sent.start_char, c.start - 20):c.start]):
            m = _TRAILING_LOWER.search(c.text)
            if m and m.start() > 0:
                return Cand(c.start, c.start + m.start(), c.label, c.text[:m.start()], c.key)
            return c
    return None


def link_case_target(ctx: Context, sent, tok, args: Args) -> list[Participant]:
    """The named person a case event is about: the subject of "X was one of/among those arrested",
    or the person a lead's indefinite description ("a blogger") turns out to be."""
    for subj in (_group_member_subject(tok), host_subject(tok)):
        if subj is not None:
            named = [p for p in of_token(ctx, subj, "target") if p.entity or p.text[:1].isupper()]
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
    40 defendants charged": the trigger describes a group the copula's subject belongs to."""
    while tok.dep_ == "conj" and tok.head != tok:  # "arrested ... and later convicted"
        tok = tok.head
    if tok.dep_ not in ("acl", "relcl"):
        return None
    h = tok.head
    for _ in range(4):  # "one of dozens of activists"
        if h.dep_ == "pobj" and h.head.lower_ in P.GROUP_MEMBER_PREPS:
            h = h.head.head
        else:
            break
    cop = h.head if h.dep_ == "attr" else h
    if cop.lemma_.lower() != "be":
        return None
    return next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _indefinite_person(ctx: Context, o) -> bool:
    return ctx.cand_at(o) is None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children) \
        and person_like(ctx, o)


def _named_next(ctx: Context, sent, o) -> Cand | None:
    """The person named right after the description: in apposition, or as the subject of one of
    the next sentences."""
    i = ctx.sents.index(sent) if sent in ctx.sents else ctx.sent_index(o)
    for nxt in ctx.sents[i + 1:i + 1 + P.DESCRIPTION_LOOKAHEAD_SENTENCES]:
        for t in nxt:
            c = ctx.cand_at(t)
            if c is not None and c.label == "PERSON" and t.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None


def described_people(ctx: Context, parts: list[Participant]) -> list[Participant]:
    """"the trade commissioner", "the blogger": the one person the article describes that way
    elsewhere ("Trade Commissioner X", "X, a blogger"). Nothing when the description fits several."""
    out: list[Participant] = []
    have = {p.entity for p in parts if p.entity}
    for p in parts:
        head = p.text.split()[-1] if p.text.split() else ""
        if p.entity is not None or p.role not in P.DESCRIBED_ROLES or not head.islower():
            continue  # "the EU's trade commissioner" qualifies; a name does not
        if head in P.ORG_DESCRIPTION_NOUNS:  # "a coalition of rights groups" -> the one "... Coalition"
            fits = [k for k, kind in ctx.kinds.items()
                    if kind == "ORG" and head in ctx.full_names.get(k, "").lower().split()]
        elif head in P.PERSON_HEADS or head.endswith(P.PERSON_SUFFIXES) or head in L.STATE_ACTOR_NOUNS:
            fits = [k for k, words in ctx.descriptors.items() if ctx.kinds.get(k) == "PERSON" and head in words.split()]
        else:
            continue
        if len(fits) == 1 and fits[0] not in have:
            have.add(fits[0])
            out.append(Participant(role=p.role, text=ctx.full_names[fits[0]], entity=fits[0]))
    return out


def share_victims(events: list[Event]) -> None:
    """An attack's victims are the people its sentence says were killed ("a bomb exploded,
    killing six soldiers"), when the attack names no one it was aimed at."""
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for ev in events:
        by_sentence[ev.sentence_start].append(ev)
    for group in by_sentence.values():
        killed = [p for e in group if e.type == "killing" for p in e.participants if p.role == "target"]
        for ev in group:
            if ev.type == "attack" and killed and not any(p.role == "target" for p in ev.participants):
                ev.participants += [replace(p) for p in killed]


def carry_case_targets(ctx: Context, events: list[Event]) -> None:
    """"The verdict was decided before the trial began": a definite case noun that names no one
    ("the trial", "the verdict", "her detention" with "her" unresolved) is the case of the person
    the case events just before it are about."""
    last: list[Participant] = []
    for ev in sorted(events, key=lambda e: e.start):
        if ev.type not in S.CASE_CHAIN_TYPES:
            continue
        named = [p for p in ev.participants if p.role == "target" and (p.entity or p.text[:1].isupper())]
        if named:
            last = named
        elif last and not any(p.role == "target" for p in ev.participants) and _definite_noun(ctx, ev):
            ev.participants += [replace(p) for p in last]


def _definite_noun(ctx: Context, ev: Event) -> bool:
    span = ctx.doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in S.DEFINITE_WORDS for c in span.root.children)
