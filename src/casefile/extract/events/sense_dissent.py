"""Sense tests for protest and harassment: a protest rally, not a campaign rally or markets that
rallied; people marching against something, not the month of March; threats of harm to
people and coercion of people, not a threat to sue or pressure on officials."""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from .context import Context
from .cues import abstract, lemmas, named
from .grammar import Args, pobj
from .participants import animate, person_like


def clash_protest(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    who = args.agent + args.obj + args.partner
    if any(t.lower_ in S.PROTEST_PEOPLE or t.lemma_.lower() in S.PROTEST_PEOPLE for t in who):
        return None
    return "no protesters in the clash"


def rally(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A protest rally, not a campaign rally or markets that rallied."""
    words = lemmas(ctx, sent)
    if is_verb and any(c.dep_ == "prep" and c.lower_ in ("behind", "around", "to") for c in tok.children):
        return "rallied behind someone: support, not a protest"
    if any(c.dep_ == "poss" and named(ctx, c) or c.lower_ in ("his", "her") for c in tok.children):
        return "a campaign rally (someone's rally), not a protest"
    if any(c.dep_ == "compound" and ctx.cand_at(c) is not None and ctx.cand_at(c).label == "PERSON"
           for c in tok.children) or tok.head.lemma_.lower() in S.HOLD_VERBS and any(
               named(ctx, a) and ctx.cand_at(a).label == "PERSON" for a in args.agent):
        return "a campaign rally (held by someone named), not a protest"
    near = [c for c in tok.children if c.dep_ in ("amod", "compound", "prep", "acl", "nmod")]
    near += [g for c in near if c.dep_ in ("prep", "acl") for g in c.children]  # "a rally calling for reform"
    own = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    own |= {t.lemma_.lower() for a in args.agent for t in a.subtree}
    if own & S.PROTEST_CUES or any(w.startswith(("anti-", "pro-")) for w in own):
        return None
    if words & S.CAMPAIGN_CUES:
        return "a campaign rally, not a protest"
    return "a gathering not said to be against anything: not a protest"


def march(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A protest march, not the month, soldiers on parade or "the march of progress"."""
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        return "the month"
    who = args.agent + [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and pobj(c) is not None]
    if any(t.lower_ in S.ARMED_ACTORS for t in who):
        return "soldiers marching, not a protest"
    of = next((pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and abstract(of):
        return "a figure (the march of time)"
    own = {t.lemma_.lower() for t in tok.subtree if t.i != tok.i} | {t.lemma_.lower() for a in who for t in a.subtree}
    if own & S.PROTEST_CUES or any(t.lower_ in S.PROTEST_PEOPLE for t in who):
        return None
    return "no protesters and nothing marched against"


def protest(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """People protesting in the streets; not "protested that he was innocent", a protest vote,
    or a named politician objecting to a rule."""
    if is_verb and any(c.dep_ in ("ccomp",) for c in tok.children):
        return "an objection in words (protested that ...)"
    if not is_verb and tok.lemma_.lower() == "demonstration" and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                     for c in tok.children):
        return "a showing of something (a demonstration of how ...), not a protest"
    if not is_verb and tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in {
            "vote", "candidate", "candidacy", "song", "movement", "party", "campaign", "ballot", "letter", "note"}:
        return f"a protest {tok.head.text}, not a protest held"
    who = args.agent
    single = [t for t in who if t.lower_ in ("he", "she", "his", "her") or named(ctx, t)
              and ctx.cand_at(t).label == "PERSON"]
    if is_verb and who and len(single) == len(who):
        return "one person objecting or showing something, not a protest"
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if not is_verb and owner is not None and owner.lower_ in ("his", "her") and tok.tag_ == "NNS":
        return "one person's objections, not a protest"  # "despite her numerous protests"
    return None


def threat(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A threat against people: to kill, arrest, jail or fire them, or aimed at a person;
    "threatens democracy" or "threatened to sue" is not harassment."""
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        if xcomp.lemma_.lower() not in S.HARM_VERBS:
            return f"a threat to {xcomp.lemma_}, not of harm"
        objs = [c for c in xcomp.children if c.dep_ == "dobj"]
        owners = [c for o in objs for c in o.children if c.dep_ == "poss"]
        if objs and not any(animate(ctx, t) for t in objs + owners):
            return "a threat to things, not to people"
        return None
    withs = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" and pobj(c) is not None]
    if any(w.lemma_.lower() in S.HARM_NOUNS for w in withs):
        return None
    if not is_verb:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        return None if mods & {"death", "bomb", "violent", "physical"} else "no threat of harm to people"
    if args.obj and all(person_like(ctx, o) for o in args.obj) and not any(abstract(o) for o in args.obj):
        return None
    return "no threat against a person"


def coerce(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """People made to do something under pressure ("pressuring employees to vote")."""
    if not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return "no one made to do anything"
    if any((o.lower_ in S.COERCED_PEOPLE or o.lemma_.lower() in S.COERCED_PEOPLE) and o.text[:1].islower()
           for o in args.obj):  # "us", not "the US"
        return None
    return "pressure on officials or institutions, not coercion of people"
