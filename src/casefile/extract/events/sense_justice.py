"""Sense tests for court, police and prison words: a criminal charge, not an accusation in a
debate; a conviction by a court, not a belief; a person released, not a press release; a
missing person, not a missing ingredient."""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..lexicon import participants as P
from . import pronouns
from .context import Context
from .cues import lemmas, legal_document, named, named_org
from .grammar import Args, pobj
from .participants import animate, person_like


def charge(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A criminal charge; not "charged that ..." (an accusation), "charged with leading the effort",
    "in charge", "lead the charge" or a politically charged visit."""
    kids = list(tok.children)
    if is_verb and any(c.dep_ == "ccomp" for c in kids):
        return "an accusation in words (charged that ...)"
    if is_verb and tok.dep_ in ("amod", "acomp") and not args.obj:
        return "an adjective (a charged atmosphere)"
    if not is_verb and tok.head.lower_ in ("in", "under") and tok.dep_ == "pobj":
        return "in someone's charge (care), not a criminal charge"
    if not is_verb and any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in kids):
        return "an accusation in words (charges that ...)"
    if is_verb and args.agent and not any(t.lemma_.lower() in S.AUTHORITIES or _official(ctx, t) for t in args.agent):
        return "an accusation by people, not a charge brought by an authority"
    if not is_verb and tok.head.lemma_.lower() in ("lead", "spearhead", "head"):
        return "leading the charge"
    words = lemmas(ctx, sent)
    withs = [pobj(c) for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "of", "for", "over") and pobj(c)]
    crime = {t.lemma_.lower() for w in withs for t in w.subtree} | {t.lower_ for w in withs for t in w.subtree}
    if crime & S.CRIME_WORDS or words & (S.LEGAL_CUES - {"charge"}):
        return None
    if not is_verb and any(c.dep_ == "poss" for c in kids) and words & S.SPEECH_CUES:
        return "an accusation in a debate, not a criminal charge"
    if withs:
        return "charged with a task, not a crime"
    return "no court, crime or prosecution in the sentence"


def legal(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Court and prison words in their legal sense: a conviction is not a belief, a trial not a clinical trial."""
    low = tok.lemma_.lower()
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "poss", "det", "advmod")}
    if is_verb and low in ("convict", "charge", "accuse") and tok.dep_ == "amod":
        return "a label (a convicted recruiter), not a report of the conviction"
    if low == "conviction":
        if mods & S.BELIEF_CUES or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("courage", "strength"):
            return "a belief, not a court's finding"
        if any(c.dep_ in ("acl", "ccomp") or c.lower_ == "that" for c in tok.children):
            return "a belief, not a court's finding"
    if low == "trial" and (mods & S.NON_COURT_TRIALS or tok.dep_ == "compound" or any(
            c.lower_ == "and" for c in tok.children)):
        return "not a court trial (a clinical trial, a trial run)"
    if low == "sentence" and not is_verb and not (mods & {"prison", "jail", "life", "death", "suspended", "maximum",
                                                          "minimum", "lengthy", "long", "harsh", "stiff"}
                                                  or lemmas(ctx, sent) & S.LEGAL_CUES - {"sentence"}):
        return "a sentence of words, not a prison term"
    if low == "arrest" and (mods & S.NON_ARREST or tok.dep_ == "compound" and tok.head.lemma_.lower() in S.NON_ARREST):
        return "a warrant or a cardiac arrest, not an arrest"
    if low in ("release", "free") and not is_verb and mods & {"press", "news", "statement", "media"}:
        return "a press release"
    ofs = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None]
    released = ofs if not is_verb and ofs else args.obj  # "the group's release of emails": the emails
    if low in ("release", "free", "pardon") and not any(_released_person(ctx, o) for o in released):
        return "nothing released is a person"
    if low in ("release", "free") and is_verb and args.agent and not any(
            animate(ctx, a) or a.pos_ == "PRON" or named(ctx, a) or named_org(ctx, a) or a.lemma_.lower() in S.AUTHORITIES
            for a in args.agent):
        return "freed by a thing (a win, a ruling), not released from custody"
    if low == "lock" and not any(person_like(ctx, o) for o in args.obj):
        return "locked up a thing (a win, a vote), not a person"
    return None


def court(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Tried in a court: the sentence or the article speaks of courts, judges or charges."""
    if lemmas(ctx, sent) & (S.LEGAL_CUES - {"try"}) or legal_document(ctx):
        return None
    return "no court, judge or charge: tried in another sense"


def summons(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Questioning or summoning by an authority; "was questioned about the dispute on television"
    or a manager summoning staff is not harassment."""
    if any(c.dep_ == "prep" and c.lower_ in ("about", "on", "over") for c in tok.children) and not (
            lemmas(ctx, sent) & S.LEGAL_CUES):
        return "asked about something, not questioned by an authority"
    if args.agent and not any(t.lemma_.lower() in S.AUTHORITIES or t.lemma_.lower() in L.SECURITY_NOUNS
                              or named_org(ctx, t) for t in args.agent):
        return "not an authority summoning or questioning"
    return None


def _official(ctx: Context, tok) -> bool:
    """A state or one of its offices ("the Justice Department", "county prosecutors", "France")."""
    c = ctx.cand_at(tok)
    if c is None or c.label not in ("ORG", "GPE"):
        return False
    return c.label == "GPE" or bool(set(c.text.lower().split()) & (S.AUTHORITIES | P.INSTITUTION_NOUNS))


def _released_person(ctx: Context, tok) -> bool:
    """A person released: "them" must stand for people named before (emails are released too)."""
    if tok.pos_ == "PRON" and tok.lower_ in mw.PLURAL_PRONOUNS:
        return any(c.label == "PERSON" for c in pronouns.resolve(ctx, tok, False))
    return animate(ctx, tok)


def intimidate(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Someone intimidated by people, not "intimidated by the legal language"."""
    if args.agent and not any(animate(ctx, a) or named(ctx, a) or a.pos_ == "PRON" for a in args.agent):
        return "a feeling of being intimidated by a thing, not harassment"
    return None


def take(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Taken into custody, or taken away by security men; not "took the troops out"."""
    words = {t.lemma_.lower() for t in tok.subtree}
    by = [pobj(c) for c in tok.children if c.dep_ == "agent" and pobj(c) is not None] + args.agent
    if "custody" in words or any(t.lower_ in L.SECURITY_NOUNS or t.lemma_.lower() in L.SECURITY_NOUNS for t in by):
        return None
    return "not taken into custody or by security men"


def missing(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A missing person, not "a missing ingredient" or an actor missing from a film."""
    if tok.dep_ == "amod":
        return None if person_like(ctx, tok.head) else "describes a thing as missing"
    froms = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and pobj(c) is not None]
    if any(f.lemma_.lower() not in S.PHYSICAL_TARGETS and f.ent_type_ not in ("GPE", "LOC", "FAC") for f in froms):
        return "absent from something, not a missing person"
    return None if any(person_like(ctx, o) for o in args.obj) else "what is missing is not a person"
