"""Sense: whether a violent or legal word reports the thing itself or a figure of speech.

Political reporting is full of violent words used in figure: a candidate "attacks" a
rival's record, a video "didn't kill his chances", a nominee "beat" her rival, a
campaign "rally" fills a stadium. Each test below says why a use is not the event (a
short reason the user sees), or None when it is. The tests read the trigger's own
arguments first (what was attacked, who was killed), then the sentence (a weapon, a
wound, a court), then the article (an article about a bombing calls it "the attack"
further down with no weapon in that sentence).
"""
from __future__ import annotations

from ..lexicon import events as L
from .context import Context
from .grammar import Args, pobj
from . import pronouns
from .participants import animate, person_like



def lemmas(ctx: Context, sent) -> frozenset[str]:
    """Lemmas and lower-case words of a sentence, worked out once."""
    key = ("lemmas", sent.start)
    if key not in ctx.memo:
        words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        ctx.memo[key] = frozenset(words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3})
    return ctx.memo[key]


def physical(ctx: Context, sent) -> bool:
    """The sentence speaks of weapons, wounds, the armed or the dead (not only of police)."""
    return bool(lemmas(ctx, sent) & (L.PHYSICAL_CUES - L.WEAK_PHYSICAL_CUES))


def violent_document(ctx: Context) -> bool:
    """Enough sentences with a strong cue that the article is about physical violence."""
    if "violent" not in ctx.memo:
        n = sum(1 for s in ctx.sents if lemmas(ctx, s) & (L.PHYSICAL_CUES - L.WEAK_PHYSICAL_CUES))
        ctx.memo["violent"] = n >= L.VIOLENT_DOCUMENT_SENTENCES and n >= L.VIOLENT_DOCUMENT_SHARE * len(ctx.sents)
    return ctx.memo["violent"]


def speechy(ctx: Context, sent) -> bool:
    return bool(lemmas(ctx, sent) & L.SPEECH_CUES)


def _abstract(tok) -> bool:
    low = tok.lemma_.lower()
    return low in L.ABSTRACT_TARGETS or (tok.pos_ == "NOUN" and low.endswith(L.ABSTRACT_SUFFIXES))


def _named_org(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    return c is not None and c.label in ("ORG", "GPE")


def _named_person_or_org(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    return c is not None and c.label in ("PERSON", "ORG", "NORP")


def _affected(args: Args) -> list:
    return args.obj or []


def _in_compound_modifier(tok) -> bool:
    """"job-killing regulations", "a record-beating run": part of a modifier, not an event."""
    doc = tok.doc
    hyphen = tok.i > 0 and doc[tok.i - 1].text == "-" or tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"
    return hyphen and (tok.dep_ in ("amod", "compound", "npadvmod", "nmod") or tok.head.i > tok.i) or (
        "-" in tok.text and tok.dep_ in ("amod", "compound"))


def _physical_here(ctx: Context, sent, tok, args: Args) -> bool:
    """A weapon, a wound or an armed actor in the sentence, or a physical target for the trigger."""
    if physical(ctx, sent):
        return True
    heads = args.obj + args.partner + args.place
    if any(t.lemma_.lower() in L.PHYSICAL_TARGETS for t in heads):
        return True
    return any(t.lower_ in L.ARMED_ACTORS or t.lemma_.lower() in L.ARMED_ACTORS for t in args.agent)


def attack(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A physical attack, not a verbal one: weapons or the armed in the sentence, a place or people
    attacked; without them, an article about violence. "attacked his rival's record" is verbal."""
    low = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
    if low & {"heart", "panic", "anxiety", "asthma", "cyber"}:
        return "an illness or a cyberattack, not a physical attack"
    if not is_verb and tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return "part of a name for something else (an attack ad, an attack line)"
    if lemmas(ctx, sent) & L.CAMPAIGN_MONEY:
        return "campaign spending on attacks (ads, mail), not violence"
    if low & L.PHYSICAL_ATTACK_MODS or any(w in L.PHYSICAL_ATTACK_MODS for c in tok.children if c.dep_ == "compound"
                                           for w in c.lower_.split("-")):
        return None  # "a terror attack", "the van-and-knife attack", "suicide attacks"
    if low & {"political", "personal", "verbal", "negative", "partisan", "rhetorical", "racist", "harsh",
               "scathing", "blistering", "withering", "sharp", "direct", "mail", "ad", "television", "tv"}:
        return "a verbal attack"
    targets = args.obj + [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                          and pobj(c) is not None]
    if any(_abstract(t) for t in targets):
        return "a verbal attack: what is attacked is a record, a plan or a remark"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over", "as") for c in tok.children) and not physical(ctx, sent):
        return "a verbal attack: attacked for something said or done"
    if _physical_here(ctx, sent, tok, args):
        return None
    if speechy(ctx, sent):
        return "a verbal attack: no weapon, wound or armed actor, and words of speech or campaigning"
    if targets and all(_named_person_or_org(ctx, t) or t.pos_ == "PRON" or t.lemma_.lower() in L.POLITICAL_TITLES
                       for t in targets):
        return "a verbal attack: aimed at people named or at office holders, with no weapon, wound or armed actor"
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and (owner.lower_ in ("his", "her") or _named_person_or_org(ctx, owner)
                              and ctx.cand_at(owner).label == "PERSON"):
        return "a verbal attack: someone's attacks, with no weapon, wound or armed actor"
    if violent_document(ctx):
        return None
    if any(animate(ctx, t) and not _named_person_or_org(ctx, t) for t in targets) and not any(
            _named_person_or_org(ctx, a) for a in args.agent):
        return None  # "a man attacked two women"; "the senator attacked a judge" is words
    return "no sign of physical violence in the sentence or the article"


def kill(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Someone killed: "kill the bill", "killing his chances", "job-killing rules" are figures;
    "the drinking that killed him" is a death, not a killing."""
    if _in_compound_modifier(tok):
        return "part of a modifier (job-killing), not an event"
    if any(a.lemma_.lower() in L.NATURAL_KILLERS for a in args.agent):
        return "a death from illness, drink or accident, not a killing"
    for o in _affected(args):
        if o.lemma_.lower() in L.FIGURATIVE_KILLED or o.lower_ in L.FIGURATIVE_KILLED:
            if not (o.pos_ == "PRON" and o.lower_ in ("that", "this") and animate(ctx, o)):
                return f"a figure: what is killed ({o.text}) is not a living being"
        if o.pos_ == "NOUN" and _abstract(o) and not animate(ctx, o):
            return f"a figure: what is killed ({o.text}) is not a living being"
    affected = _affected(args)
    if affected and not any(animate(ctx, o) for o in affected) and not (physical(ctx, sent) or violent_document(ctx)):
        return "no living being killed and no sign of violence"
    return None


def death(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A death is a killing when the sentence ties it to violence or custody ("died in the blast",
    "shot dead", "the death toll"); "died in 2013" or "the death penalty" is not."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in L.DEATH_COMPOUND_HEADS:
        return f"part of a name for something else (death {tok.head.text})"
    if tok.lemma_.lower() == "dead":
        if tok.dep_ == "amod" and not animate(ctx, tok.head):
            return "a figure: dead describes a thing"
        if any(t.lower_ in L.FIGURATIVE_DEAD for t in (tok.head, *tok.children)) or (
                tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in L.FIGURATIVE_DEAD):
            return "a figure (dead heat, dead end, dead wrong)"
    head = tok.head
    if tok.lower_ == "death" and head.lower_ == "to" and head.head.lemma_.lower() in L.SENTENCING_VERBS:
        return "a death sentence, not a killing"
    subj = args.obj or args.agent
    if is_verb and subj and not any(animate(ctx, s) for s in subj):
        return "a figure: what died is not a living being"
    if physical_cause(ctx, sent, tok):
        return None
    return "a death the sentence does not tie to violence or custody"


def physical_cause(ctx: Context, sent, tok) -> bool:
    """A violent cause in the sentence, other than the death word itself."""
    same = tok.lemma_.lower()
    rest = [t for t in sent if t.lemma_.lower() != same]
    others = {t.lemma_.lower() for t in rest} | {t.lower_ for t in rest}
    cues = (others & L.PHYSICAL_CUES) - {"die", "dead", "death", "body", "hospital", "victim"}
    return bool(cues - L.WEAK_PHYSICAL_CUES) or bool(others & {"custody", "detention", "prison", "toll", "protest",
                                                                "clash", "violence", "crackdown", "killed"})


def shoot(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Shots at people or places; not "shoot a video", "shot up in the polls", "shoot down an idea"."""
    objs = args.obj
    if any(o.lemma_.lower() in {"video", "film", "movie", "ad", "commercial", "scene", "footage", "photo",
                                "picture", "episode", "documentary", "hoop", "breeze", "pool", "look", "glance",
                                "message", "email", "letter", "note", "question", "tweet", "text"} for o in objs):
        return "a figure: filming or sending, not shooting at someone"
    if any(_abstract(o) for o in objs):
        return "a figure: what is shot down is an idea or a plan"
    kids = {c.lower_ for c in tok.children}
    if is_verb and "up" in kids and not objs:
        return "a figure: shot up (rose)"
    if is_verb and "back" in kids and not objs:
        return "a retort (shot back)"
    if objs and not any(animate(ctx, o) or o.lemma_.lower() in L.PHYSICAL_TARGETS or o.pos_ == "PRON" for o in objs):
        return "a figure: what is shot is neither a person nor a place"
    shooters = [a for a in args.agent if not animate(ctx, a) and a.pos_ != "PRON" and not _named_person_or_org(ctx, a)]
    if shooters and not any(a.lemma_.lower() in L.STRIKING_WEAPONS or a.lower_ in L.ARMED_ACTORS for a in shooters):
        return "a figure: what shoots is a thing (fireworks, a device), not a gunman"
    if any(c.dep_ == "prep" and pobj(c) is not None and pobj(c).lower_ in L.RISE_WORDS for c in tok.children):
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
    if any(animate(ctx, o) or o.lemma_.lower() in L.PHYSICAL_TARGETS for o in objs):
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
        if of is not None and (_abstract(of) or of.lemma_.lower() in L.FIGURATIVE_EXPLODERS):
            return f"a figure: an explosion of {of.text}"
        if tok.lemma_.lower() == "blast" and ({c.lower_ for c in tok.children} & {"had", "past"}
                                              or tok.head.lemma_.lower() == "have"):
            return "a figure (had a blast)"
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in L.AIM_VERBS:
            return None  # "the blast tore through the bus station"
        return None if physical_cause(ctx, sent, tok) or violent_document(ctx) else "no sign of violence"
    who = args.agent + args.obj + ([tok.head] if tok.dep_ == "amod" else [])  # "an exploding watermelon"
    if tok.lemma_.lower() == "detonate":
        return None if physical(ctx, sent) or violent_document(ctx) else "no explosive in the sentence or article"
    if tok.lemma_.lower() == "go" and not any(t.lower_ in L.EXPLOSIVE_NOUNS or t.lemma_.lower() in L.EXPLOSIVE_NOUNS
                                              for t in who):
        return "went off: something other than a device (an alarm, an event)"
    if any(t.lower_ in L.EXPLOSIVE_NOUNS or t.lemma_.lower() in L.EXPLOSIVE_NOUNS for t in who) and not any(
            t.lower_ in ("it", "they") for t in who):
        return None
    if any(t.lemma_.lower() in L.FIGURATIVE_EXPLODERS or _abstract(t) for t in who):
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
    weapons = [t for t in who if t.lemma_.lower() in L.STRIKING_WEAPONS or t.lower_ in L.STRIKING_WEAPONS]
    if tok.lemma_.lower() == "hit":
        by = [pobj(c) for c in tok.children if c.dep_ == "agent" and pobj(c) is not None]
        weapons += [t for t in by if t.lemma_.lower() in L.STRIKING_WEAPONS]
    if weapons:
        return None
    return "not struck by a weapon"


def raid(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A military raid; a police search (with arrests to report separately) is not an attack."""
    agents = args.agent + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    if any(t.lemma_.lower() in L.POLICE_RAIDERS or t.lower_ in L.POLICE_RAIDERS for t in agents) or (
            lemmas(ctx, sent) & L.POLICE_RAIDERS and not lemmas(ctx, sent) & {"troops", "soldier", "military",
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
    affected = args.obj
    if any(_named_person_or_org(ctx, o) for o in affected) and not physical(ctx, sent):
        return "a win over someone named, not a beating"
    if any(_abstract(o) for o in affected):
        return "a figure: what is beaten is not a person"
    armed = any(a.lower_ in L.ARMED_ACTORS | L.SECURITY_NOUNS or a.lemma_.lower() in L.SECURITY_NOUNS
                for a in args.agent)
    if any(animate(ctx, o) for o in affected) and (physical(ctx, sent) or armed) or not is_verb and physical(ctx, sent):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "to" and pobj(c) is not None and pobj(c).lower_ == "death"
           for c in tok.children):
        return None
    return "no one beaten and no sign of violence"


def clash_protest(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    who = args.agent + args.obj + args.partner
    if any(t.lower_ in L.PROTEST_PEOPLE or t.lemma_.lower() in L.PROTEST_PEOPLE for t in who):
        return None
    return "no protesters in the clash"


def armed(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Fighting between armed sides, not a clash of candidates."""
    who = args.agent + args.obj + args.partner
    if any(t.lower_ in L.ARMED_ACTORS or t.lemma_.lower() in L.ARMED_ACTORS for t in who):
        return None
    if any(c.lemma_.lower() == "character" for c in tok.children):
        return "a figure (character assassination)"
    if any(c.lower_ == "back" for c in tok.children) and not physical(ctx, sent):
        return "a retort (fired back)"
    if {c.lemma_.lower() for c in tok.children} & L.CONTEST_FIGURES:
        return "a figure: a political or legal fight"
    if any(c.dep_ == "dobj" and c.lemma_.lower() == "hell" for c in tok.children):
        return "an idiom (bomb the hell out of)"
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in tok.children) and not physical(ctx, sent):
        return "a figure: a fight for or over something, not armed fighting"
    if not is_verb and any(c.dep_ in ("acl", "xcomp") and any(a.lower_ == "to" for a in c.children)
                           for c in tok.children):
        return "a figure: a campaign to do something, not armed fighting"
    if any(_named_person_or_org(ctx, t) for t in who) and not physical(ctx, sent):
        return "a figure: named people or groups at odds, not armed fighting"
    if tok.lemma_.lower() in L.CONTEST_WORDS:  # fighting, battles and clashes are armed only with arms in sight
        return None if physical(ctx, sent) else "no armed side and no sign of violence in the sentence"
    return None if physical(ctx, sent) or violent_document(ctx) else "no armed side and no sign of violence"


def rally(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A protest rally, not a campaign rally or markets that rallied."""
    words = lemmas(ctx, sent)
    if is_verb and any(c.dep_ == "prep" and c.lower_ in ("behind", "around", "to") for c in tok.children):
        return "rallied behind someone: support, not a protest"
    if any(c.dep_ == "poss" and _named_person_or_org(ctx, c) or c.lower_ in ("his", "her") for c in tok.children):
        return "a campaign rally (someone's rally), not a protest"
    if any(c.dep_ == "compound" and ctx.cand_at(c) is not None and ctx.cand_at(c).label == "PERSON"
           for c in tok.children):
        return "a campaign rally (someone's rally), not a protest"
    own = {t.lemma_.lower() for t in tok.subtree if t.i != tok.i} | {t.lower_ for t in tok.subtree if t.i != tok.i}
    own |= {t.lemma_.lower() for a in args.agent for t in a.subtree}
    if own & L.PROTEST_CUES or any(w.startswith(("anti-", "pro-")) for w in own):
        return None
    if words & L.CAMPAIGN_CUES:
        return "a campaign rally, not a protest"
    return "a gathering not said to be against anything: not a protest"


def march(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A protest march, not the month, soldiers on parade or "the march of progress"."""
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        return "the month"
    who = args.agent + [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" and pobj(c) is not None]
    if any(t.lower_ in L.ARMED_ACTORS for t in who):
        return "soldiers marching, not a protest"
    of = next((pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and _abstract(of):
        return "a figure (the march of time)"
    own = {t.lemma_.lower() for t in tok.subtree if t.i != tok.i} | {t.lemma_.lower() for a in who for t in a.subtree}
    if own & L.PROTEST_CUES or any(t.lower_ in L.PROTEST_PEOPLE for t in who):
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
    single = [t for t in who if t.lower_ in ("he", "she", "his", "her") or _named_person_or_org(ctx, t)
              and ctx.cand_at(t).label == "PERSON"]
    if is_verb and who and len(single) == len(who):
        return "one person objecting or showing something, not a protest"
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if not is_verb and owner is not None and owner.lower_ in ("his", "her"):
        return "one person's objections, not a protest"
    return None


def threat(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A threat against people: to kill, arrest, jail or fire them, or aimed at a person;
    "threatens democracy" or "threatened to sue" is not harassment."""
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        if xcomp.lemma_.lower() not in L.HARM_VERBS:
            return f"a threat to {xcomp.lemma_}, not of harm"
        objs = [c for c in xcomp.children if c.dep_ == "dobj"]
        owners = [c for o in objs for c in o.children if c.dep_ == "poss"]
        if objs and not any(animate(ctx, t) for t in objs + owners):
            return "a threat to things, not to people"
        return None
    withs = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" and pobj(c) is not None]
    if any(w.lemma_.lower() in L.HARM_NOUNS for w in withs):
        return None
    if not is_verb:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        return None if mods & {"death", "bomb", "violent", "physical"} else "no threat of harm to people"
    if args.obj and all(person_like(ctx, o) for o in args.obj) and not any(_abstract(o) for o in args.obj):
        return None
    return "no threat against a person"


def coerce(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """People made to do something under pressure ("pressuring employees to vote")."""
    if not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return "no one made to do anything"
    if any(o.lower_ in L.COERCED_PEOPLE or o.lemma_.lower() in L.COERCED_PEOPLE for o in args.obj):
        return None
    return "pressure on officials or institutions, not coercion of people"


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
    if is_verb and args.agent and not any(t.lemma_.lower() in L.AUTHORITIES or _named_org(ctx, t) for t in args.agent):
        return "an accusation by people, not a charge brought by an authority"
    if not is_verb and tok.head.lemma_.lower() in ("lead", "spearhead", "head"):
        return "leading the charge"
    words = lemmas(ctx, sent)
    withs = [pobj(c) for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "of", "for", "over") and pobj(c)]
    crime = {t.lemma_.lower() for w in withs for t in w.subtree} | {t.lower_ for w in withs for t in w.subtree}
    if crime & L.CRIME_WORDS or words & (L.LEGAL_CUES - {"charge"}):
        return None
    if not is_verb and any(c.dep_ == "poss" for c in kids) and words & L.SPEECH_CUES:
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
        if mods & L.BELIEF_CUES or tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("courage", "strength"):
            return "a belief, not a court's finding"
        if any(c.dep_ in ("acl", "ccomp") or c.lower_ == "that" for c in tok.children):
            return "a belief, not a court's finding"
    if low == "trial" and (mods & L.NON_COURT_TRIALS or tok.dep_ == "compound" or any(
            c.lower_ == "and" for c in tok.children)):
        return "not a court trial (a clinical trial, a trial run)"
    if low == "sentence" and not is_verb and not (mods & {"prison", "jail", "life", "death", "suspended", "maximum",
                                                          "minimum", "lengthy", "long", "harsh", "stiff"}
                                                  or lemmas(ctx, sent) & L.LEGAL_CUES - {"sentence"}):
        return "a sentence of words, not a prison term"
    if low == "arrest" and (mods & L.NON_ARREST or tok.dep_ == "compound" and tok.head.lemma_.lower() in L.NON_ARREST):
        return "a warrant or a cardiac arrest, not an arrest"
    if low in ("release", "free") and not is_verb and mods & {"press", "news", "statement", "media"}:
        return "a press release"
    ofs = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None]
    released = ofs if not is_verb and ofs else args.obj  # "the group's release of emails": the emails
    if low in ("release", "free", "pardon") and not any(_released_person(ctx, o) for o in released):
        return "nothing released is a person"
    if low in ("release", "free") and is_verb and args.agent and not any(
            animate(ctx, a) or a.pos_ == "PRON" or _named_person_or_org(ctx, a) or a.lemma_.lower() in L.AUTHORITIES
            for a in args.agent):
        return "freed by a thing (a win, a ruling), not released from custody"
    if low == "lock" and not any(person_like(ctx, o) for o in args.obj):
        return "locked up a thing (a win, a vote), not a person"
    return None


def summons(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Questioning or summoning by an authority; "was questioned about the dispute on television"
    or a manager summoning staff is not harassment."""
    if any(c.dep_ == "prep" and c.lower_ in ("about", "on", "over") for c in tok.children) and not (
            lemmas(ctx, sent) & L.LEGAL_CUES):
        return "asked about something, not questioned by an authority"
    if args.agent and not any(t.lemma_.lower() in L.AUTHORITIES or t.lemma_.lower() in L.SECURITY_NOUNS
                              or _named_org(ctx, t) for t in args.agent):
        return "not an authority summoning or questioning"
    return None


def _released_person(ctx: Context, tok) -> bool:
    """A person released: "them" must stand for people named before (emails are released too)."""
    if tok.pos_ == "PRON" and tok.lower_ in L.PLURAL_PRONOUNS:
        return any(c.label == "PERSON" for c in pronouns.resolve(ctx, tok, False))
    return animate(ctx, tok)


def intimidate(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Someone intimidated by people, not "intimidated by the legal language"."""
    if args.agent and not any(animate(ctx, a) or _named_person_or_org(ctx, a) or a.pos_ == "PRON" for a in args.agent):
        return "a feeling of being intimidated by a thing, not harassment"
    return None


def take(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Taken into custody, or taken away by security men; not "took the troops out"."""
    words = {t.lemma_.lower() for t in tok.subtree}
    by = [pobj(c) for c in tok.children if c.dep_ == "agent" and pobj(c) is not None]
    if "custody" in words or any(t.lower_ in L.SECURITY_NOUNS or t.lemma_.lower() in L.SECURITY_NOUNS for t in by):
        return None
    return "not taken into custody or by security men"


def court(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """Tried in a court: the sentence or the article speaks of courts, judges or charges."""
    if lemmas(ctx, sent) & (L.LEGAL_CUES - {"try"}) or legal_document(ctx):
        return None
    return "no court, judge or charge: tried in another sense"


def legal_document(ctx: Context) -> bool:
    if "legal" not in ctx.memo:
        n = sum(1 for s in ctx.sents if lemmas(ctx, s) & {"court", "judge", "jury", "prosecutor", "trial", "verdict"})
        ctx.memo["legal"] = n >= L.VIOLENT_DOCUMENT_SENTENCES
    return ctx.memo["legal"]


def missing(ctx: Context, sent, tok, args: Args, is_verb: bool) -> str | None:
    """A missing person, not "a missing ingredient" or an actor missing from a film."""
    if tok.dep_ == "amod":
        return None if person_like(ctx, tok.head) else "describes a thing as missing"
    froms = [pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and pobj(c) is not None]
    if any(f.lemma_.lower() not in L.PHYSICAL_TARGETS and f.ent_type_ not in ("GPE", "LOC", "FAC") for f in froms):
        return "absent from something, not a missing person"
    return None if any(person_like(ctx, o) for o in args.obj) else "what is missing is not a person"


TESTS = {"attack": attack, "kill": kill, "death": death, "shoot": shoot, "explosion": explosion,
         "strike": strike, "raid": raid, "beat": beat, "clash_protest": clash_protest, "armed": armed,
         "rally": rally, "march": march, "protest": protest, "threat": threat, "coerce": coerce,
         "charge": charge, "legal": legal, "missing": missing, "summons": summons, "take": take,
         "intimidate": intimidate, "court": court}


def figurative(ctx: Context, sent, tok, sense: str | None, args: Args, is_verb: bool) -> str | None:
    """Why this use of the trigger is not the event, or None when it is."""
    if _in_compound_modifier(tok):
        return "part of a modifier (job-killing), not an event"
    if not is_verb and _category_name(tok):
        return f"part of a name for something else ({tok.text} {tok.head.text})"
    if sense is None:
        return None
    return TESTS[sense](ctx, sent, tok, args, is_verb)


def _category_name(tok) -> bool:
    """"murder rates", "murder charges", "a protest vote": the trigger names a kind of thing; a
    specific event stays ("the Boston bombing suspect", "an assassination attempt")."""
    if tok.dep_ != "compound" or tok.head.lemma_.lower() in L.EVENT_HEADS:
        return False
    return not any(c.pos_ == "PROPN" or c.dep_ in ("poss", "nummod") or c.ent_type_ in ("DATE", "GPE", "EVENT")
                   for c in tok.children)
