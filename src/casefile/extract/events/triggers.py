"""Trigger detection: the words that report an event, and the conditions each must meet.

A trigger is a verb, noun or adjective whose lemma is in the lexicon tables and whose rule
holds (right kind of object, a person as the one affected, a required modifier).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..lexicon import participants as P
from .context import Context
from .grammar import Args, adj_args, host_subject, is_passive, noun_args, pobj, thing_pronoun, verb_args
from .modality import is_negated
from .participants import animate, person_like
from .sense import figurative

_TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "NOUN", "PROPN"})   # every trigger is one of these


def neighbour_lemmas(tok) -> set[str]:
    out = {t.lemma_.lower() for t in tok.subtree} | {tok.head.lemma_.lower(), tok.head.lower_}
    out |= {t.lower_ for t in tok.subtree}
    out |= {c.lemma_.lower() for c in tok.head.children}
    if tok.head.pos_ == "ADP":
        out.add(tok.head.head.lemma_.lower())
    return out


def rule_failure(ctx: Context, rule: L.Rule, tok, args: Args, is_verb: bool) -> str | None:
    """Why the rule does not hold for this token (a short reason), or None when it holds."""
    if rule.neg and not is_negated(tok):
        return "needs a negation"
    if rule.intrans and any(c.dep_ == "dobj" for c in tok.children):
        return "has a direct object"
    if rule.mods is not None and not _near(tok, rule, is_verb) & rule.mods:
        return "lacks a word it needs nearby (" + ", ".join(sorted(rule.mods)[:4]) + ")"
    if rule.deps is not None and not _has_deps(tok, rule):
        return "lacks the phrase it needs"
    if rule.official and (not any(_official(ctx, a) for a in args.agent) or any(
            t.lemma_.lower() in P.NO_COMMENT_WORDS for c in tok.children if c.dep_ == "ccomp" for t in c.subtree)):
        return "not said by an office of state"  # "said it does not comment on individual cases" is a refusal
    if rule.money and not any(e.label_ == "MONEY" for e in ctx.sents[ctx.sent_index(tok)].ents):
        return "no sum of money"
    if rule.who_person and (is_verb or args.agent or args.obj) and not any(
            person_like(ctx, t) or (ctx.cand_at(t) is not None and ctx.cand_at(t).label == "ORG")
            for t in args.agent + args.obj):
        return "whoever does it is not people"
    if rule.obj is not None:
        if not args.obj or not any(_obj_ok(ctx, rule, o) for o in args.obj):
            return "its object is not of the right kind"
    elif rule.person and args.obj and not any(animate(ctx, o) for o in args.obj):
        return "the one it happens to is not a person"
    return None


def _near(tok, rule: L.Rule, is_verb: bool) -> set[str]:
    if rule.deep:
        return {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    if not is_verb:
        return neighbour_lemmas(tok)
    kids = [c for c in tok.children if not (c.dep_ == "aux" and c.lower_ == "to")]  # "to appeal"
    near = {c.lemma_.lower() for c in kids} | {tok.head.lemma_.lower()} | {c.lower_ for c in kids}
    near |= {g.lemma_.lower() for c in kids if c.dep_ in L.MOD_VIA_DEPS for g in c.children}
    near |= {g.lemma_.lower() for c in kids if c.dep_ == "dobj" for g in c.children if g.dep_ == "amod"}
    return near


def _obj_ok(ctx: Context, rule: L.Rule, o) -> bool:
    lemma = o.lemma_.lower()
    if lemma in rule.obj or o.lower_ in rule.obj:  # type: ignore[operator]
        return True
    c = ctx.cand_at(o)
    if rule.type in ("policy_issued", "document_disclosed") and c is not None and c.label == "LAW":
        return True
    if rule.type in ("policy_issued", "document_disclosed") and o.pos_ == "PRON" and thing_pronoun(o):
        return ctx.preceding(o.idx, {"LAW"}) is not None
    if rule.type == "ban_organization" and c is not None and c.label == "ORG":
        return True
    if rule.person and person_like(ctx, o):
        return True
    # "a copy of the document", "the types of labor organizing", "dozens of activists": look one "of"
    # down; for a person, only through a number or a group ("photos of the suspects" are not people)
    if rule.person and not (o.pos_ == "NUM" or o.lower_ in P.QUANTITY_WORDS or o.lemma_.lower() in P.GROUP_NOUNS):
        return False
    for p in o.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            q = pobj(p)
            if q is not None and q.i != o.i and _obj_ok(ctx, rule, q):
                return True
    return False


def _official(ctx: Context, tok) -> bool:
    """An office of state or its spokesperson: "the foreign ministry", "Ministry of X", "spokesman Y"."""
    words = {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "appos")}
    c = ctx.cand_at(tok)
    if c is not None and c.label == "ORG":
        words |= set(c.text.lower().split())
    return bool(words & P.OFFICIAL_SPEAKERS)


def _has_deps(tok, rule: L.Rule) -> bool:
    """The trigger has a child in one of the rule's relations (for a quoted one, also on its object)."""
    kids = list(tok.children)
    if rule.quoted:
        kids += [g for c in tok.children if c.dep_ == "dobj" for g in c.children]
    for c in kids:
        if c.dep_ in rule.deps:  # type: ignore[operator]
            first = min(c.subtree, key=lambda t: t.i)
            if not rule.quoted or first.i > 0 and tok.doc[first.i - 1].is_quote or first.is_quote:
                return True
    return False


def _dismissed(n) -> bool:
    host = n.head if n.dep_ in ("dobj", "nsubjpass") else None
    return host is not None and host.lemma_.lower() in L.DISMISSIVE_VERBS


@dataclass
class Candidate:
    """A word that may report an event of ``rule.type``, with why it does not (None when it does)."""

    tok: Any
    rule: L.Rule
    args: Args
    is_verb: bool
    reason: str | None = None


def _rules(ctx: Context, tok) -> tuple[tuple, bool]:
    pos = tok.pos_              # read once: each read is a lookup in spaCy's string store
    if pos not in _TRIGGER_POS:
        return (), False
    lemma = tok.lemma_.lower()
    if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.tag_ == "VBN"):
        rules, is_verb = L.VERB_TRIGGERS.get(lemma, ()), True
    elif pos in ("ADJ", "ADV") and lemma in L.ADJ_TRIGGERS:
        rules, is_verb = L.ADJ_TRIGGERS[lemma], True
    elif pos in ("NOUN", "PROPN"):
        rules, is_verb = L.NOUN_TRIGGERS.get(lemma, ()) or L.NOUN_TRIGGERS.get(tok.lower_, ()), False
    else:
        return (), False
    if rules and ctx.cand_at(tok) is not None and ctx.cand_at(tok).label != "EVENT":
        return (), False
    return rules, is_verb


def _args(tok, rule: L.Rule, is_verb: bool) -> Args:
    if tok.pos_ in ("ADJ", "ADV") and tok.lemma_.lower() in L.ADJ_TRIGGERS:
        args = adj_args(tok)
    else:
        args = verb_args(tok) if is_verb else noun_args(tok, L.POSS_ROLE.get(rule.type, "agent"))
    if is_verb and rule.intrans and rule.type in L.CASE_TYPES and not args.obj:
        args.obj, args.agent = args.agent, []  # "X went missing": X is the one it happened to
    if is_verb and rule.type == "no_comment" and is_passive(tok):
        args.agent, args.obj = args.obj, []  # "could not be reached for comment"
    return args


def _failure(ctx: Context, sent, tok, rule: L.Rule, args: Args, is_verb: bool) -> str | None:
    why = rule_failure(ctx, rule, tok, args, is_verb)
    if why:
        return why
    if not is_verb and tok.lemma_.lower() not in L.STANDALONE_NOUNS and rule.deps is None and not (
            args.obj or args.agent or args.place):
        host = host_subject(tok) if rule.type in L.CASE_TYPES else None
        if host is None or not person_like(ctx, host):
            return "a noun that needs someone it is about"
    if not is_verb and rule.type == "criticism" and _dismissed(tok):
        return "someone else's criticism, dismissed"  # "rejects criticism of its record"
    return figurative(ctx, sent, tok, rule.sense, args, is_verb)


def find_triggers(ctx: Context, sent):
    """Candidates for every trigger word of a sentence: the first rule that holds, or, when none
    does, each rule tried with the reason it failed."""
    for tok in sent:
        rules, is_verb = _rules(ctx, tok)
        failed = []
        for rule in rules:
            args = _args(tok, rule, is_verb)
            why = _failure(ctx, sent, tok, rule, args, is_verb)
            if why is None:
                yield Candidate(tok, rule, args, is_verb)
                break
            failed.append(Candidate(tok, rule, args, is_verb, why))
        else:
            yield from failed
