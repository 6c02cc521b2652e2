"""Sense tests for violent words: a physical attack, killing or explosion, not a verbal attack,
a bill that is "killed", a rival "beaten" or costs that "exploded". Each returns why a use
is not the event, or None when it is."""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import participants as P
from .context import Context
from .cues import (abstract, in_compound_modifier, lemmas, named, physical, physical_cause, physical_here,
                   speechy, violent_document)
from .grammar import Args, pobj
from .participants import animate


def attack(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A physical attack, not a verbal one. The attack's own words settle it first (a terror
    attack; an attack on a record; a bomb in its phrase), then whom it was aimed at (a base,
    a crowd; a named politician), then the sentence and the article."""
    low = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    why = _not_an_assault(ctx, sent, tok, low)
    if why:
        return why
    targets = args.obj + [pobj(c) for c in tok.children if c.dep_ in ("prep",) and c.lower_ in ("on", "against")
                          and pobj(c) is not None]
    if any(abstract(t) for t in targets):
        return "a verbal attack: what is attacked is a record, a plan, a value or a remark"
    own = {t.lemma_.lower() for t in tok.subtree} & (S.PHYSICAL_CUES - S.WEAK_PHYSICAL_CUES)
    if low & S.PHYSICAL_ATTACK_MODS or own or any(w in S.PHYSICAL_ATTACK_MODS for c in tok.children
                                                  if c.dep_ == "compound" for w in c.lower_.split("-")):
        return None  # "a terror attack", "the van-and-knife attack", "attacked him with a knife"
    if low & S.VERBAL_ATTACK_MODS:
        return "a verbal attack"
    if physical_here(ctx, sent, tok, args, sentence=False):
        return None  # aimed at a base or a crowd, or by gunmen
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over", "as") for c in tok.children) and not physical(ctx, sent):
        return "a verbal attack: attacked for something said or done"
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and (owner.lower_ in ("his", "her") or named(ctx, owner)
                              and ctx.cand_at(owner).label == "PERSON"):
        return "a verbal attack: someone's attacks, with no weapon, wound or armed actor in them"
    if targets and all(named(ctx, t) or t.pos_ == "PRON" or t.lemma_.lower() in S.POLITICAL_TITLES
                       for t in targets):
        return "a verbal attack: aimed at people named or at office holders, with no weapon, wound or armed actor"
    if physical(ctx, sent):
        return None
    if speechy(ctx, sent):
        return "a verbal attack: no weapon, wound or armed actor, and words of speech or campaigning"
    if violent_document(ctx):
        return None
    if any(animate(ctx, t) and not named(ctx, t) for t in targets) and not any(
            named(ctx, a) for a in args.agent):
        return None  # "a man attacked two women"; "the senator attacked a judge" is words
    return "no sign of physical violence in the sentence or the article"


def _not_an_assault(ctx: Context, sent, tok, low: set[str]) -> str | None:
    """An illness, a name for something else, campaign spending or a line of argument."""
    if low & {"heart", "panic", "anxiety", "asthma", "cyber"}:
        return "an illness or a cyberattack, not a physical attack"
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return "part of a name for something else (an attack ad, an attack line)"
    if lemmas(ctx, sent) & S.CAMPAIGN_MONEY:
        return "campaign spending on attacks (ads, mail), not violence"
    if tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in S.ARGUMENT_NOUNS:
        return f"a line of argument ({tok.head.head.text} of attack), not an attack"
    return None


def kill(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Someone killed: "kill the bill", "killing his chances", "job-killing rules" are figures;
    "the drinking that killed him" is a death, not a killing."""
    if in_compound_modifier(tok):
        return "part of a modifier (job-killing), not an event"
    if any(a.lemma_.lower() in S.NATURAL_KILLERS for a in args.agent):
        return "a death from illness, drink or accident, not a killing"
    if not is_verb and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "with") and (
            tok.head.head.lemma_.lower() in S.CRIME_FRAMES):
        return f"the name of a crime ({tok.head.head.text} {tok.head.text} {tok.text}), not a report of the killing"
    for o in args.obj:
        if o.lemma_.lower() in S.FIGURATIVE_KILLED or o.lower_ in S.FIGURATIVE_KILLED:
            if not (o.pos_ == "PRON" and o.lower_ in ("that", "this") and animate(ctx, o)):
                return f"a figure: what is killed ({o.text}) is not a living being"
        if o.pos_ == "NOUN" and abstract(o) and not animate(ctx, o):
            return f"a figure: what is killed ({o.text}) is not a living being"
    if args.obj and not any(animate(ctx, o) for o in args.obj) and not (physical(ctx, sent) or violent_document(ctx)):
        return "no living being killed and no sign of violence"
    return None


def death(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A death is a killing when the sentence ties it to violence or custody ("died in the blast",
    "shot dead", "the death toll"); "died in 2013" or "the death penalty" is not."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in S.DEATH_COMPOUND_HEADS:
        return f"part of a name for something else (death {tok.head.text})"
    if tok.lemma_.lower() == "dead":
        if tok.dep_ == "amod" and not animate(ctx, tok.head):
            return "a figure: dead describes a thing"
        if any(t.lower_ in S.FIGURATIVE_DEAD for t in (tok.head, *tok.children)) or (
                tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in S.FIGURATIVE_DEAD):
            return "a figure (dead heat, dead end, dead wrong)"
    head = tok.head
    if tok.lower_ == "death" and head.lower_ == "to" and head.head.lemma_.lower() in S.SENTENCING_VERBS:
        return "a death sentence, not a killing"
    holders = [tok] + ([tok.head] if tok.dep_ == "compound" else [])  # "the death toll from the disaster"
    causes = [pobj(c) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in (
        "in", "of", "from", "after") and pobj(c) is not None]
    clause = (tok.head if tok.pos_ == "ADJ" else tok) if is_verb else sent  # "X, who died in 2003, clashed with Y"
    if any(c.lemma_.lower() in S.NATURAL_KILLERS for c in causes):
        return "a death from illness or an accident, not a killing"
    subj = args.obj or args.agent
    if is_verb and subj and not any(animate(ctx, s) for s in subj):
        return "a figure: what died is not a living being"
    if physical_cause(ctx, clause, tok):
        return None  # "died after a roadside bomb went off"; not "X, who died in 2003, clashed with Y"
    return "a death its clause does not tie to violence or custody"


def shoot(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Shots at people or places; not "shoot a video", "shot up in the polls", "shoot down an idea"."""
    objs = args.obj
    if any(o.lemma_.lower() in {"video", "film", "movie", "ad", "commercial", "scene", "footage", "photo",
                                "picture", "episode", "documentary", "hoop", "breeze", "pool", "look", "glance",
                                "message", "email", "letter", "note", "question", "tweet", "text"} for o in objs):
        return "a figure: filming or sending, not shooting at someone"
    if any(abstract(o) for o in objs):
        return "a figure: what is shot down is an idea or a plan"
    kids = {c.lower_ for c in tok.children}
    if is_verb and "up" in kids and not objs:
        return "a figure: shot up (rose)"
    if is_verb and "back" in kids and not objs:
        return "a retort (shot back)"
    if objs and not any(animate(ctx, o) or o.lemma_.lower() in S.PHYSICAL_TARGETS or o.pos_ == "PRON" for o in objs):
        return "a figure: what is shot is neither a person nor a place"
    shooters = [a for a in args.agent if not animate(ctx, a) and a.pos_ != "PRON" and not named(ctx, a)]
    if shooters and not any(a.lemma_.lower() in S.STRIKING_WEAPONS or a.lower_ in S.ARMED_ACTORS for a in shooters):
        return "a figure: what shoots is a thing (fireworks, a device), not a gunman"
    if any(c.dep_ == "prep" and pobj(c) is not None and pobj(c).lower_ in S.RISE_WORDS for c in tok.children):
        return "a figure: shooting into view, to fame"
    if not is_verb and any(c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None
                           and pobj(c).lemma_.lower() in {"film", "video", "movie", "ad", "scene", "episode"}
                           for c in tok.children):
        return "the shooting of a film"
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in {"range", "star", "guard", "script", "schedule"}:
        return "part of a name for something else"
    if any(c.lower_ in ("long", "big", "cheap", "parting", "flu", "booster", "best", "mug", "moon")
           for c in tok.children):
        return "a figure (a long shot, a cheap shot)"
    if any(animate(ctx, o) or o.lemma_.lower() in S.PHYSICAL_TARGETS for o in objs):
        return None
    if physical(ctx, sent) or violent_document(ctx) or not is_verb:
        return None
    return "no one shot at and no sign of violence"


def explosion(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Something that blew up: a device, a car bomb; not costs that exploded or a temper, nor an accident."""
    if {c.lower_ for c in tok.children} & {"accidental", "accidentally", "gas", "industrial"}:
        return "an accident, not an attack"
    if not is_verb:
        of = next((pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and (abstract(of) or of.lemma_.lower() in S.FIGURATIVE_EXPLODERS):
            return f"a figure: an explosion of {of.text}"
        if tok.lemma_.lower() == "blast" and ({c.lower_ for c in tok.children} & {"had", "past"}
                                              or tok.head.lemma_.lower() == "have"):
            return "a figure (had a blast)"
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in P.AIM_VERBS:
            return None  # "the blast tore through the bus station"
        return None if physical_cause(ctx, sent, tok) or violent_document(ctx) else "no sign of violence"
    who = args.agent + args.obj + ([tok.head] if tok.dep_ == "amod" else [])  # "an exploding watermelon"
    if tok.lemma_.lower() == "detonate":
        return None if physical(ctx, sent) or violent_document(ctx) else "no explosive in the sentence or article"
    if tok.lemma_.lower() == "go" and not any(t.lower_ in S.EXPLOSIVE_NOUNS or t.lemma_.lower() in S.EXPLOSIVE_NOUNS
                                              for t in who):
        return "went off: something other than a device (an alarm, an event)"
    if any(t.lower_ in S.EXPLOSIVE_NOUNS or t.lemma_.lower() in S.EXPLOSIVE_NOUNS for t in who) and not any(
            t.lower_ in ("it", "they") for t in who):
        return None
    if any(t.lemma_.lower() in S.FIGURATIVE_EXPLODERS or abstract(t) for t in who):
        return "a figure: what exploded is not a device"
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children):
        return "a figure: lost one's temper"
    if any(t.lower_ in ("himself", "herself", "themselves") for t in args.obj):
        return None  # "blew himself up"
    if physical_cause(ctx, sent, tok) or violent_document(ctx):
        return None  # "it exploded", "the windows were blown out" in an article about a bombing
    return "nothing explosive and no sign of violence in the sentence"


def strike(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A strike by a weapon ("a missile struck the base", "hit by a roadside bomb")."""
    who = args.agent + (args.obj if tok.lemma_.lower() == "hit" and any(
        c.dep_ == "auxpass" for c in tok.children) else [])
    weapons = [t for t in who if t.lemma_.lower() in S.STRIKING_WEAPONS or t.lower_ in S.STRIKING_WEAPONS]
    if tok.lemma_.lower() == "hit":
        by = [pobj(c) for c in tok.children if c.dep_ == "agent" and pobj(c) is not None]
        weapons += [t for t in by if t.lemma_.lower() in S.STRIKING_WEAPONS]
    if weapons:
        return None
    return "not struck by a weapon"


def raid(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A military raid; a police search (with arrests to report separately) is not an attack."""
    agents = args.agent + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    if any(t.lemma_.lower() in S.POLICE_RAIDERS or t.lower_ in S.POLICE_RAIDERS for t in agents) or (
            lemmas(ctx, sent) & S.POLICE_RAIDERS and not lemmas(ctx, sent) & {"troops", "soldier", "military",
                                                                                "militant", "airstrike", "warplane"}):
        return "a police raid, not an attack"
    return None if physical(ctx, sent) or violent_document(ctx) else "no sign of violence"


def beat(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A beating, not a win: "beat protesters" against "beat her rival in the primary"."""
    near = [c for c in tok.children if c.dep_ != "dobj"] + args.obj + [g for c in tok.children if c.dep_ in ("prep",
                                                                                                           "agent")
                                                                         for g in c.children]
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    if words & {"election", "race", "primary", "poll", "vote", "nomination", "odds", "expectation", "record",
                "rival", "opponent", "candidate", "nominee", "game", "match", "team", "point", "margin",
                "deadline", "clock", "caucus", "percent", "back", "estimate", "forecast"}:
        return "a win or a race, not a beating"
    beaten = args.obj
    if any(named(ctx, o) for o in beaten) and not physical(ctx, sent):
        return "a win over someone named, not a beating"
    if any(abstract(o) for o in beaten):
        return "a figure: what is beaten is not a person"
    by_force = any(a.lower_ in S.ARMED_ACTORS | L.SECURITY_NOUNS or a.lemma_.lower() in L.SECURITY_NOUNS
                for a in args.agent)
    if any(animate(ctx, o) for o in beaten) and (physical(ctx, sent) or by_force) or not is_verb and physical(ctx, sent):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "to" and pobj(c) is not None and pobj(c).lower_ == "death"
           for c in tok.children):
        return None
    return "no one beaten and no sign of violence"


def armed(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Fighting between armed sides, not a clash of candidates; shots fired at someone, not an
    employee fired on a date."""
    if tok.lemma_.lower() == "fire" and (any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or not any(
            c.dep_ == "prep" and pobj(c) is not None and pobj(c).ent_type_ not in ("DATE", "TIME")
            for c in tok.children)):
        return "fired from a job, not shots fired"
    who = args.agent + args.obj + args.partner
    if any(t.lower_ in S.ARMED_ACTORS or t.lemma_.lower() in S.ARMED_ACTORS for t in who):
        return None
    if any(c.lemma_.lower() == "character" for c in tok.children):
        return "a figure (character assassination)"
    if any(c.lower_ == "back" for c in tok.children) and not physical(ctx, sent):
        return "a retort (fired back)"
    if {c.lemma_.lower() for c in tok.children} & S.CONTEST_FIGURES:
        return "a figure: a political or legal fight"
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "hell" for c in tok.children):
        return "an idiom (bomb the hell out of)"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in tok.children) and not physical(ctx, sent):
        return "a figure: a fight for or over something, not armed fighting"
    if not is_verb and any(c.dep_ in ("acl", "xcomp") and any(a.lower_ == "to" for a in c.children)
                           for c in tok.children):
        return "a figure: a campaign to do something, not armed fighting"
    if any(named(ctx, t) for t in who) and not physical(ctx, sent):
        return "a figure: named people or groups at odds, not armed fighting"
    if tok.lemma_.lower() in S.CONTEST_WORDS:  # fighting, battles and clashes are armed only with arms in sight
        return None if physical(ctx, sent) else "no armed side and no sign of violence in the sentence"
    return None if physical(ctx, sent) or violent_document(ctx) else "no armed side and no sign of violence"
