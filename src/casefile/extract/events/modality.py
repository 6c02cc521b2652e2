"""Modality: whether a sentence reports an event as done, or only denies, wishes, threatens,
expects or alleges it."""
from __future__ import annotations

from ..lexicon import events as L
from .grammar import Args


def is_negated(tok) -> bool:
    chain = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    return any(c.dep_ == "neg" or c.lower_ in L.NEGATION_WORDS and c.dep_ in ("advmod", "neg")
               for t in chain for c in t.children)



def irrealis(tok) -> bool:
    """Events someone hopes for or urges are not events that happened ("urged them to free X")."""
    t = tok
    for _ in range(5):
        if t.head is t:
            return False
        if t.dep_ in ("xcomp", "ccomp", "dobj") and t.head.lemma_.lower() in L.IRREALIS_VERBS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in L.IRREALIS_VERBS:
            return True  # "called for the immediate release of X"
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in L.THREAT_VERBS and any(
                c.dep_ == "aux" and c.lower_ in L.HYPOTHETICAL_AUX for c in t.children):
            return True  # "warned that she would be arrested": a threat, not an arrest
        if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in L.TIME_CLAUSE_MARKERS
                                     for c in t.children):
            return False  # "urged her to press X when she visits Y": the visit is scheduled
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "pobj", "pcomp", "dobj", "prep"):
            return False
        t = t.head
    return False


def modality_of(tok, etype: str, args: Args) -> str:
    chain = [tok] + [a for a in tok.ancestors][:3]
    near = {c.lower_ for t in chain[:2] for c in t.children} | {tok.lower_}
    near |= {c.lower_ for o in args.obj + args.agent for c in o.children if c.dep_ == "amod"}
    if tok.dep_ == "relcl":
        near |= {c.lower_ for c in tok.head.children}
    if etype != "no_comment" and (is_negated(tok) or _denied(tok)):
        return "negated"
    if near & L.ALLEGED_WORDS:
        return "alleged"
    if near & L.REPORTED_WORDS or any(a.lemma_.lower() == "report" and a.tag_ == "VBN" for a in chain[1:]):
        return "reported"
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if aux & L.EXPECTED_AUX or any(a.lemma_.lower() in L.EXPECTED_GOVERNORS for a in chain[1:3]):
        return "expected"
    return "asserted"


def _denied(tok) -> bool:
    """"The government denied that it had arrested anyone": the clause under a denial."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() in L.NEGATION_GOVERNORS:
            return True
    return False
