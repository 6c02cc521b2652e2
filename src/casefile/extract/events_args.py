"""Triggers and their arguments over the dependency parse.

A trigger is a verb or noun whose lemma is in the lexicon tables and whose rule holds
(right kind of object, a person as the one affected, a required modifier). Arguments
come from the parse: subject/agent, object or passive subject, "by"-phrases, "of"-,
"on"- and "under"-phrases of nominal triggers, and the verb a nominal hangs on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .events_ctx import Context
from .lexicon import events as L
from .lexicon import participants as P

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


def is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        v.tag_ == "VBN" and v.dep_ in ("acl", "amod", "advcl"))


def subject(v, depth: int = 0):
    """(token, passive?) for a verb's subject, looking through relative clauses and shared subjects."""
    for c in v.children:
        if c.dep_ in _SUBJ:
            if c.lower_ in L.RELATIVE_PRONOUNS and v.dep_ == "relcl":
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
    dash = next((t for t in c.doc[c.i:v.i] if t.text in L.DATELINE_DASHES), None)
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


def _pobj(prep):
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def verb_args(v) -> Args:
    a = Args()
    subj, subj_passive = subject(v)
    passive = subj_passive or is_passive(v)
    dobj = [c for c in v.children if c.dep_ in ("dobj", "dative", "attr") and c.pos_ != "VERB"]
    if v.dep_ == "relcl":  # "the law that X imposed": the law is the object
        dobj = [v.head if c.lower_ in L.RELATIVE_PRONOUNS else c for c in dobj]
    if subj is not None:
        (a.obj if passive else a.agent).append(subj)
    a.obj += dobj
    for c in v.children:
        if c.dep_ == "agent" and _pobj(c) is not None:
            a.agent.append(_pobj(c))
        elif c.dep_ == "prep" and _pobj(c) is not None:
            p, lemma = _pobj(c), c.lower_
            if lemma in L.PLACE_PREPS:
                a.place.append(p)
            if lemma in L.RECIPIENT_PREPS:
                a.recipient.append(p)
            if lemma in ("with", "against", "on", "at"):
                a.partner.append(p)
    for o in a.obj:  # "ties with X", "a deal with X", "the partnership with X was signed"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between") and _pobj(c) is not None:
                a.partner.append(_pobj(c))
    return a


def noun_args(n, poss_role: str) -> Args:
    a = Args()
    for c in n.children:
        if c.dep_ == "poss":
            getattr(a, "agent" if poss_role == "agent" else "obj").append(c)
        elif c.dep_ in ("prep", "agent") and _pobj(c) is not None:
            role = L.NOUN_PREP_OVERRIDES.get(n.lemma_.lower(), {}).get(c.lower_, L.NOUN_PREP_ROLE.get(c.lower_))
            if c.lower_ == "of" and n.lemma_.lower() in L.CHARGE_NOUNS or _pobj(c).lemma_.lower() in L.CHARGE_NOUNS:
                continue  # "charges of subversion", "jailed on charges": what, not whom
            if c.lower_ == "including" or role == "target":
                a.obj.append(_pobj(c))
            elif role == "agent":
                a.agent.append(_pobj(c))
            elif role == "place":
                a.place.append(_pobj(c))
        elif c.dep_ == "acl" and c.lower_ == "including":
            a.obj += [x for x in c.children if x.dep_ == "dobj"]
    for c in n.children:  # "the police crackdown", "a military raid"
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() in L.AGENT_NOUNS:
            a.agent.append(c)
    host = light_host(n)
    if host is not None and host.lemma_.lower() in L.EXPERIENCER_HOSTS:
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
    if adj.head is not adj and adj.head.pos_ in ("VERB", "AUX"):
        h = verb_args(adj.head)
        a.obj = h.obj or h.agent
        a.agent = h.agent if h.obj else []
        a.place = h.place
    return a


def light_host(n):
    """The verb a nominal trigger hangs on ("staged a protest", "held X in solitary confinement")."""
    if n.dep_ == "dobj" and n.head.lemma_.lower() in L.LIGHT_VERBS | L.EXPERIENCER_HOSTS:
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ in L.HOST_PREPS and n.head.head.pos_ in ("VERB", "AUX"):
        return n.head.head
    return None


def person_like(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    if c is not None:
        return c.label in ("PERSON", "NORP")
    if tok.lemma_.lower() in L.PERSON_NOUNS or tok.lower_ in L.PERSON_NOUNS:
        return True
    if tok.pos_ == "NOUN" and tok.lemma_.lower().endswith(L.PERSON_SUFFIXES):
        return True
    name = [t for t in tok.subtree if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [tok]
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and len(name) >= 2 and all(
            t.text[:1].isupper() and t.text[1:].islower() or len(t.text) == 1 for t in name):
        return True  # a name the recognizer missed ("Le Thi Hoa")
    if any(x.label == "PERSON" for x in ctx.named_inside(tok)):
        return True
    return tok.pos_ in ("NUM", "NOUN", "PRON") and any(  # "thousands of residents", "two of them"
        c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None and person_like(ctx, _pobj(c))
        for c in tok.children)


def _label(ctx: Context, tok) -> str | None:
    c = ctx.cand_at(tok)
    return c.label if c is not None else None


def is_negated(tok) -> bool:
    chain = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    return any(c.dep_ == "neg" or c.lower_ in L.NEGATION_WORDS and c.dep_ in ("advmod", "neg")
               for t in chain for c in t.children)


def neighbour_lemmas(tok) -> set[str]:
    out = {t.lemma_.lower() for t in tok.subtree} | {tok.head.lemma_.lower(), tok.head.lower_}
    out |= {t.lower_ for t in tok.subtree}
    out |= {c.lemma_.lower() for c in tok.head.children}
    if tok.head.pos_ == "ADP":
        out.add(tok.head.head.lemma_.lower())
    return out


def rule_holds(ctx: Context, rule: L.Rule, tok, args: Args, is_verb: bool) -> bool:
    if rule.neg and not is_negated(tok):
        return False
    if rule.intrans and any(c.dep_ == "dobj" for c in tok.children):
        return False
    if rule.mods is not None:
        if rule.deep:
            near = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        elif is_verb:
            kids = [c for c in tok.children if not (c.dep_ == "aux" and c.lower_ == "to")]  # "to appeal"
            near = {c.lemma_.lower() for c in kids} | {tok.head.lemma_.lower()} | {c.lower_ for c in kids}
            near |= {g.lemma_.lower() for c in kids if c.dep_ in L.MOD_VIA_DEPS for g in c.children}
            near |= {g.lemma_.lower() for c in kids if c.dep_ == "dobj" for g in c.children if g.dep_ == "amod"}
        else:
            near = neighbour_lemmas(tok)
        if not near & rule.mods:
            return False
    if rule.deps is not None and not _has_deps(tok, rule):
        return False
    if rule.official and (not any(_official(ctx, a) for a in args.agent) or any(
            t.lemma_.lower() in P.NO_COMMENT_WORDS for c in tok.children if c.dep_ == "ccomp" for t in c.subtree)):
        return False  # "said it does not comment on individual cases" is a refusal, not a statement
    if rule.money and not any(e.label_ == "MONEY" for e in ctx.sents[ctx.sent_index(tok)].ents):
        return False
    if rule.who_person and (is_verb or args.agent or args.obj) and not any(
            person_like(ctx, t) or _label(ctx, t) == "ORG" for t in args.agent + args.obj):
        return False
    if rule.obj is not None:
        if not args.obj or not any(_obj_ok(ctx, rule, o) for o in args.obj):
            return False
    elif rule.person and args.obj and not any(person_like(ctx, o) for o in args.obj):
        return False
    return True


def _obj_ok(ctx: Context, rule: L.Rule, o) -> bool:
    lemma = o.lemma_.lower()
    if lemma in rule.obj or o.lower_ in rule.obj:  # type: ignore[operator]
        return True
    c = ctx.cand_at(o)
    if rule.type in ("policy_issued", "document_disclosed") and c is not None and c.label == "LAW":
        return True
    if rule.type in ("policy_issued", "document_disclosed") and o.pos_ == "PRON" and o.lower_ in L.THING_PRONOUNS:
        return ctx.preceding(o.idx, {"LAW"}) is not None
    if rule.type == "ban_organization" and c is not None and c.label == "ORG":
        return True
    if rule.person and person_like(ctx, o):
        return True
    # "a copy of the document", "the types of labor organizing": look one "of" down
    for p in o.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            q = _pobj(p)
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


def host_subject(tok):
    """A nominal case event inside a clause about someone ("was convicted after a one-day trial",
    "spent four months of her detention in solitary confinement"): the clause's sufferer."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    subj, passive = subject(verb)
    if passive or verb.lemma_.lower() in L.EXPERIENCER_HOSTS:
        return subj
    return None


def _dismissed(n) -> bool:
    host = n.head if n.dep_ in ("dobj", "nsubjpass") else None
    return host is not None and host.lemma_.lower() in L.DISMISSIVE_VERBS


_TRIGGER_POS = frozenset({"VERB", "AUX", "ADJ", "ADV", "NOUN", "PROPN"})   # every trigger is one of these


def find_triggers(ctx: Context, sent):
    """(token, rule, args) for every trigger in a sentence whose rule holds."""
    for tok in sent:
        pos = tok.pos_              # read once: each read is a lookup in spaCy's string store
        if pos not in _TRIGGER_POS:
            continue
        lemma = tok.lemma_.lower()
        if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.tag_ == "VBN"):
            rules, is_verb = L.VERB_TRIGGERS.get(lemma, ()), True
        elif pos in ("ADJ", "ADV") and lemma in L.ADJ_TRIGGERS:
            rules, is_verb = L.ADJ_TRIGGERS[lemma], True
        elif pos in ("NOUN", "PROPN"):
            rules, is_verb = L.NOUN_TRIGGERS.get(lemma, ()) or L.NOUN_TRIGGERS.get(tok.lower_, ()), False
        else:
            continue
        if not rules or ctx.cand_at(tok) is not None and ctx.cand_at(tok).label != "EVENT":
            continue
        for rule in rules:
            if tok.pos_ in ("ADJ", "ADV") and lemma in L.ADJ_TRIGGERS:
                args = adj_args(tok)
            else:
                args = verb_args(tok) if is_verb else noun_args(tok, L.POSS_ROLE.get(rule.type, "agent"))
            if is_verb and rule.intrans and rule.type in L.CASE_TYPES and not args.obj:
                args.obj, args.agent = args.agent, []  # "X went missing": X is the one it happened to
            if rule_holds(ctx, rule, tok, args, is_verb):
                if not is_verb and lemma not in L.STANDALONE_NOUNS and rule.deps is None and not (
                        args.obj or args.agent or args.place):
                    host = host_subject(tok) if rule.type in L.CASE_TYPES else None
                    if host is None or not person_like(ctx, host):
                        continue
                if not is_verb and rule.type == "criticism" and _dismissed(tok):
                    continue  # "rejects criticism of its record": someone else's criticism, denied
                if is_verb and rule.type == "no_comment" and is_passive(tok):
                    args.agent, args.obj = args.obj, []  # "could not be reached for comment"
                yield tok, rule, args, is_verb
                break
