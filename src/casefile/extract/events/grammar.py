"""The arguments of a trigger over the dependency parse.

Arguments come from the parse: subject/agent, object or passive subject, "by"-phrases, "of"-,
"on"- and "under"-phrases of nominal triggers, and the verb a nominal hangs on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..lexicon import participants as P

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_INHERIT = ("conj", "xcomp", "advcl", "pcomp", "acl")


@dataclass
class Args:
    """Argument head tokens by role (before they become participants)."""

    agent: list = field(default_factory=list)
    obj: list = field(default_factory=list)
    recipient: list = field(default_factory=list)
    place: list = field(default_factory=list)
    partner: list = field(default_factory=list)


# A hyphen with a space either side is a dash ("HANOI - Police said"); the dashes of
# lexicon/mentions.py leave the hyphen out, since a hyphen inside a word is split off as a token.
SPACED_HYPHEN = " - "


def is_dash(t) -> bool:
    """A dash that can end a dateline: an em or en dash, "--", or a hyphen set off by spaces."""
    if t.text in mw.PHRASE_DASHES:
        return True
    return t.text == SPACED_HYPHEN.strip() and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def thing_pronoun(t) -> bool:
    """"it", "its", or a relative "which"/"that" (a wh-determiner; "who" stands for people)."""
    low = t.lower_
    return low in mw.THING_PRONOUNS or (low in mw.RELATIVE_PRONOUNS and t.tag_ == "WDT")


def is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ in ("acl", "amod", "advcl"))


def subject(v, depth: int = 0):
    """(token, passive?) for a verb's subject, looking through relative clauses and shared subjects."""
    subjects = [c for c in v.children if c.dep_ in _SUBJ]
    if len(subjects) > 1 and any(c.pos_ == "PROPN" for c in subjects):
        subjects = [c for c in subjects if c.pos_ == "PROPN"]  # "the lawyer X vanished" parsed as two subjects
    for c in subjects:
        if c.dep_ in _SUBJ:
            if c.lower_ in mw.RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return v.head, c.dep_ == "nsubjpass"
            return _past_dateline(c, v), c.dep_ == "nsubjpass"
    reduced = _reduced_relative_head(v)
    if reduced is not None:
        return reduced, True
    stranded = _stranded_subject(v)
    if stranded is not None:
        return stranded, True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    if v.dep_ == "acl" and infinitive and v.head.head.pos_ in ("VERB", "AUX") and depth < 3:
        return subject(v.head.head, depth + 1)[0], False  # "X finalized plans to upgrade ...": X upgrades
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head, is_passive(v)
    if v.dep_ in _INHERIT and depth < 3:
        head = v.head.head if v.head.pos_ == "ADP" else v.head
        if head.pos_ in ("VERB", "AUX"):
            tok, passive = subject(head, depth + 1)
            return tok, passive if v.dep_ != "xcomp" else False
    return None, False


def _past_dateline(c, v):
    """"HANOI (AP) — Police arrested ...": a capitalised dateline the parser made the subject stands
    for nothing; the subject is the last noun between the dash and the verb."""
    if not (c.text.isupper() and len(c.text) > 1):
        return c
    dash = next((t for t in c.doc[c.i:v.i] if is_dash(t)), None)
    if dash is None:
        return c
    nouns = [t for t in c.doc[dash.i + 1:v.i] if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return nouns[-1] if nouns else c


def _reduced_relative_head(v):
    """"the law, adopted in 2022, ...": a participle set off by commas after a noun describes that
    noun, however the parser attached it."""
    if v.dep_ not in ("advcl", "acl") or v.tag_ != "VBN" or v.i < 2:
        return None
    comma, noun = v.doc[v.i - 1], v.doc[v.i - 2]
    if comma.text == "," and noun.pos_ in ("NOUN", "PROPN") and noun.i >= v.sent.start:
        return noun
    return None


def _stranded_subject(v):
    """A passive verb left without a subject because a long relative clause after the subject
    misled the parser ("X, who ran ..., was detained"): the first subject on its left."""
    if not any(c.dep_ == "auxpass" for c in v.children) or any(c.dep_ in _SUBJ for c in v.children):
        return None
    for left in v.lefts:
        for t in left.subtree:
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.i < v.i:
                return t
    return None


def pobj(prep):
    o = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return _before_swallowed_verb(o) if o is not None else None


def _before_swallowed_verb(o):
    """"The arrest of the economy's slide surprised analysts": in a sentence left with no verb the
    parser folded the verb into the noun phrase as an -ed adjective ("slide surprised analysts");
    the object ends at the noun before that adjective."""
    if any(t.pos_ in ("VERB", "AUX") for t in o.sent):
        return o
    adj = o.doc[o.i - 1] if o.i > 0 else None
    if adj is None or adj.head.i != o.i or adj.dep_ != "amod" or not adj.lower_.endswith("ed"):
        return o
    before = o.doc[adj.i - 1] if adj.i > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and before.head.i == o.i \
            and before.dep_ in ("nmod", "compound"):
        return before
    return o


def verb_args(v) -> Args:
    a = Args()
    subj, subj_passive = subject(v)
    passive = subj_passive or is_passive(v)
    dobj = [c for c in v.children if c.dep_ in ("dobj", "dative", "attr") and c.pos_ != "VERB"]
    if v.dep_ == "relcl":  # "the law that X imposed": the law is the object
        dobj = [v.head if c.lower_ in mw.RELATIVE_PRONOUNS else c for c in dobj]
    if subj is not None:
        (a.obj if passive else a.agent).append(subj)
    a.obj += dobj
    for c in v.children:
        if c.dep_ == "agent" and pobj(c) is not None:
            a.agent.append(pobj(c))
        elif c.dep_ == "prep" and pobj(c) is not None:
            p, lemma = pobj(c), c.lower_
            if lemma in P.PLACE_PREPS:
                a.place.append(p)
            if lemma in P.RECIPIENT_PREPS:
                a.recipient.append(p)
            if lemma in ("with", "against", "on", "at"):
                a.partner.append(p)
    for o in a.obj:  # "ties with X", "a deal with X", "the partnership with X was signed"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between") and pobj(c) is not None:
                a.partner.append(pobj(c))
    return a


def noun_args(n, poss_role: str) -> Args:
    a = Args()
    for c in n.children:
        if c.dep_ == "poss":
            getattr(a, "agent" if poss_role == "agent" else "obj").append(c)
        elif c.dep_ in ("prep", "agent") and pobj(c) is not None:
            role = P.NOUN_PREP_OVERRIDES.get(n.lemma_.lower(), {}).get(c.lower_, P.NOUN_PREP_ROLE.get(c.lower_))
            if c.lower_ == "of" and n.lemma_.lower() in L.CHARGE_NOUNS or pobj(c).lemma_.lower() in L.CHARGE_NOUNS:
                continue  # "charges of subversion", "jailed on charges": what, not whom
            if c.lower_ == "including" or role == "target":
                a.obj.append(pobj(c))
            elif role == "agent":
                a.agent.append(pobj(c))
            elif role == "place":
                a.place.append(pobj(c))
        elif c.dep_ == "acl" and c.lower_ == "including":
            a.obj += [x for x in c.children if x.dep_ == "dobj"]
    for c in n.children:  # "the police crackdown", "a military raid"
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() in P.AGENT_NOUNS:
            a.agent.append(c)
    host = light_host(n)
    if host is not None and host.lemma_.lower() in P.EXPERIENCER_HOSTS:
        who = [t for t in verb_args(host).agent if t.i != n.i]  # "stood trial", "went on strike"
        if poss_role == "agent":
            a.agent = a.agent or who
        else:
            a.obj = a.obj or who
    elif host is not None:
        h = verb_args(host)
        if not a.agent or all(t.pos_ == "PRON" for t in a.agent):  # "argued in its statement"
            a.agent = [t for t in h.agent if t.i != n.i] or a.agent
        if n.dep_ == "pobj" and not a.obj:
            a.obj = [t for t in h.obj if t.i != n.i]
        a.recipient += h.recipient
        a.place += h.place
    return a


def adj_args(adj) -> Args:
    """"X remains missing", "held X incommunicado": the one it is said of is the one affected."""
    a = Args()
    if adj.head != adj and adj.head.pos_ in ("VERB", "AUX"):
        h = verb_args(adj.head)
        a.obj = h.obj or h.agent
        a.agent = h.agent if h.obj else []
        a.place = h.place
    return a


def light_host(n):
    """The verb a nominal trigger hangs on ("staged a protest", "held X in solitary confinement")."""
    if n.dep_ == "dobj" and n.head.lemma_.lower() in P.LIGHT_VERBS | P.EXPERIENCER_HOSTS:
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ in P.HOST_PREPS and n.head.head.pos_ in ("VERB", "AUX"):
        return n.head.head
    return None


def host_subject(tok):
    """A nominal case event inside a clause about someone ("was convicted after a one-day trial",
    "spent four months of her detention in solitary confinement"): the clause's sufferer."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subj, passive = subject(verb)
    if passive or verb.lemma_.lower() in P.EXPERIENCER_HOSTS:
        return subj
    return None




