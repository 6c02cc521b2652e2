"""Modality: whether a sentence reports an event as done, or only denies, wishes, threatens,
expects, supposes, asks about or generalises over it.

For incidents (arrests, trials, killings, attacks, protests ...) a case file keeps only
what is reported as happening: ``unreal`` gives the reason a mention is left out. Other
event types keep every mention with its modality (a visit "is expected", a statement
"was reportedly" issued).
"""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import participants as P
from ..lexicon import times as TL
from .grammar import Args


def is_negated(tok) -> bool:
    chain = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])
    if any(c.dep_ == "neg" or c.lower_ in S.NEGATION_WORDS and c.dep_ in ("advmod", "neg")
           for t in chain for c in t.children):
        return True
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(g.dep_ == "neg" for a in aux for g in a.children)  # "did not" hung on the auxiliary


def clause_verb(tok):
    """The verb whose clause a trigger sits in: the trigger itself, or the verb a nominal hangs on."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head == t:
            return t
        if t.dep_ not in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "conj", "appos",
                          "dative", "oprd", "npadvmod"):
            return t
        t = t.head
    return t


def unreal(sent, tok, etype: str, is_verb: bool) -> str | None:
    """Why a mention of an incident reports none that happened, or None when it does."""
    if etype not in S.INCIDENT_TYPES:
        return None
    verb = clause_verb(tok)
    if _negated(tok, verb, is_verb, etype):
        return "negated"
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "than" and any(
            c.lower_ == "rather" for c in (*tok.head.children, *tok.head.head.children)):
        return "an alternative not taken (rather than ...)"
    if not is_verb and any(c.dep_ == "amod" and c.lower_ in S.POSSIBLE_MODS for c in tok.children) and not any(
            c.dep_ == "nummod" for c in tok.children):
        return "a possible or proposed event (future, more ...), not one that happened"
    hosts = [tok, verb] + ([tok.head.head] if tok.dep_ in ("amod", "acl") else [])  # "routinely exchanged imprisoned X"
    if any(c.dep_ == "advmod" and c.lower_ in S.HABITUAL_ADVERBS for h in hosts for c in h.children):
        return "a general statement (regularly, routinely ...), not one event"
    v = tok if is_verb else verb
    if not is_verb and any(c.pos_ == "PROPN" or c.ent_type_ == "DATE" for c in tok.children):
        v = tok  # "the decision to carry out the Bloody Friday attacks": a named event happened
    if v.dep_ in ("xcomp", "advcl", "ccomp", "conj", "csubj") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and not _implicative(v) and not (
            etype in S.SCHEDULED_TYPES and v.head.lemma_.lower() in S.EXPECTED_GOVERNORS):
        return "an infinitive (wanted, ordered, planned or refused to ...), not an event that happened"
    if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return "an aim or a means (evidence to convict, a plot to kill), not an event that happened"
    if _denied(tok):
        return "denied"
    if irrealis(tok):
        return "wished for, urged, attempted or threatened, not done"
    for step in (_condition, _modal, _command, _governed, _question, _generic):
        why = step(sent, tok, verb, etype)
        if why:
            return why
    return None


def _negated(tok, verb, is_verb: bool, etype: str) -> bool:
    if is_negated(tok) and not _pleads(tok):
        return True
    if verb != tok and tok.head == verb and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and (
            is_negated(verb) and not _pleads(verb)):
        return True  # "did not face charges"; not "pleaded not guilty to charges"
    if not is_verb and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True  # "no arrests were made"
    head = tok.head if tok.dep_ == "conj" else tok  # "without charge or trial"
    if (head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "without" or verb.dep_ == "pcomp" and verb.head.lower_ ==
            "without") and etype != "detention_abuse":
        return True  # "held without charge", "without a shot being fired"; "without access" is the abuse itself
    if tok.dep_ == "pobj" and verb != tok and is_negated(verb) and not _pleads(verb) and (
            tok.head.head == verb or verb.lemma_.lower() in S.PARTICIPATION_VERBS):
        return True  # "did not result in prison sentences", "not to engage in any kind of protest"
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in ("nobody", "none", "noone", "neither") or any(
        d.lower_ in ("no", "neither") for d in s.children if d.dep_ in ("det", "preconj")) for s in subj)


def _pleads(tok) -> bool:
    """"pleaded not guilty": a plea, not a negation."""
    doc = tok.doc
    return any(c.lower_ in ("not", "n't") and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in ("guilty", "innocent")
               for c in tok.children)


def _implicative(tok) -> bool:
    """"managed to flee", "used tear gas to disperse them": the infinitive happened."""
    head = tok.head
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return head.lemma_.lower() in S.IMPLICATIVE_VERBS or head.pos_ not in ("VERB", "AUX", "ADJ")


def _chain(verb):
    """The clause verb and the verbs it depends on through complements and coordination."""
    out, t = [verb], verb
    while t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl") and t.head != t and len(out) < 6:
        t = t.head
        out.append(t)
    return out


def _condition(sent, tok, verb, etype: str) -> str | None:
    for v in _chain(verb):
        marks = {c.lower_ for c in v.children if c.dep_ in ("mark", "advmod")}
        mark = next(iter(marks & S.CONDITION_MARKERS), None)
        if mark:
            return f"conditional ({mark} ...)"
        if v.dep_ == "advcl" or v == verb:
            present = v.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                                      for c in v.children)
            if marks & {"when", "whenever"} and present and v.dep_ == "advcl":
                return "a general statement (whenever ...), not one event"
            if marks & {"until", "before", "once"} and present and v.dep_ == "advcl":
                return "not yet happened (until ...)"
    return None


def _modal(sent, tok, verb, etype: str) -> str | None:
    near = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])
    near += [v for v in _chain(verb)[1:4] if v.dep_ in ("xcomp", "advcl", "conj", "ROOT", "ccomp")]
    if verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBG", "VBN"):
        near += _governing_verb(verb.head)  # "will be greeted by thousands protesting against X"
    aux = {c.lower_ for v in near for c in v.children if c.dep_ in ("aux", "auxpass")}
    hyp = aux & S.HYPOTHETICAL_MODALS
    if hyp:
        return f"hypothetical ({sorted(hyp)[0]})"
    planned = any(v.lemma_.lower() in S.EXPECTED_GOVERNORS or v.lower_ in S.EXPECTED_GOVERNORS
                  for v in _chain(verb)[1:3] + ([verb] if verb != tok else []))
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("have", "need", "get") and any(
            c.lower_ == "to" for c in verb.children):
        return "an obligation (has to ...), not an event that happened"
    if (aux & TL.FUTURE_AUX or planned) and etype not in S.SCHEDULED_TYPES:
        return "planned or expected, not done"
    return None


def _governing_verb(noun) -> list:
    """The verb a noun phrase hangs on, through prepositions ("greeted by thousands of X")."""
    t = noun
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return [t]
        if t.head == t:
            return []
        t = t.head
    return []


def _command(sent, tok, verb, etype: str) -> str | None:
    """"Lock her up", "Arrest them!": an imperative calls for the event."""
    quoted = verb.i > 0 and (verb.doc[verb.i - 1].is_quote or verb.doc[verb.i - 1].text in (":", "—"))
    if verb.tag_ == "VB" and (verb.dep_ in ("ROOT", "appos", "dobj", "pobj", "conj", "dep", "ccomp") or quoted) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return "a call for action"
    return None


def _governed(sent, tok, verb, etype: str) -> str | None:
    """"the threat of attacks", "a plot to kill", "to prevent attacks": feared, planned or averted."""
    t = tok
    for _ in range(4):
        if t.dep_ == "conj":
            t = t.head  # "400 homicides and 2,700 shootings": what governs the first governs both
        head = t.head
        if head == t:
            return None
        if t.dep_ in ("pobj", "pcomp") and head.pos_ == "ADP":
            head = head.head  # "the odds of dying in an attack", "the threat of attacks"
        elif t.dep_ not in ("dobj", "xcomp", "acl", "compound", "nsubjpass", "appos"):
            return None
        if head.lemma_.lower() in S.REPORT_NOUNS and any(c.lower_ in S.FALSE_WORDS for c in head.children):
            return f"a false report ({head.text} ...)"
        if head.lemma_.lower() == "case" and head.head.lower_ == "in":
            return "conditional (in case of ...)"
        if head.lemma_.lower() in S.STATISTIC_GOVERNORS and head.pos_ == "NOUN" and head.i != tok.i:
            return f"a count of a kind of event (the {head.text} of ...), not one event"
        if head.lemma_.lower() in S.UNREAL_GOVERNORS and head.i != tok.i:
            return f"under '{head.text}': feared, planned, averted or awaited, not an event that happened"
        t = head
    return None


def _question(sent, tok, verb, etype: str) -> str | None:
    words = [t for t in sent if not t.is_space and not t.is_punct]
    if not sent.text.rstrip().rstrip("\"'”’").endswith("?") or not words:
        return None
    if words[0].pos_ == "AUX" or " ".join(t.lower_ for t in words[:3]).startswith(("how many", "how much")):
        return "a question, not a report"
    return None


def _generic(sent, tok, verb, etype: str) -> str | None:
    """"Police arrest people who protest", "attacks are rare": no one event, no time, no number."""
    words = {t.lower_ for t in sent}
    if words & S.STATISTIC_CUES and (tok.tag_ in ("NNS",) or any(c.dep_ == "nummod" for c in tok.children)):
        return "a statistic (according to the data ...), not one event"
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in S.RATE_UNITS and any(
            d.lower_ in ("a", "per", "every", "each") for d in c.children) for c in verb.children):
        return "a rate (90 a day), not one event"
    clause = {t.i for t in _own_clause(verb)} | {t.i for t in (_own_clause(tok) if tok.pos_ == "VERB" else tok.subtree)}
    headline = sent.start == 0 and not sent.text.rstrip().endswith((".", "!", "?"))
    if headline or any(e.label_ in ("DATE", "TIME", "CARDINAL") and e.start in clause and
                              e.text.lower().split()[0] not in P.QUANTITY_WORDS for e in sent.ents):
        return None
    if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj") and any(c.dep_ == "dobj" and _bare_plural(c)
                                                                  for c in tok.children):
        return "a general statement (for trying terrorists ...), not one event"
    if tok.tag_ == "VBG" and tok.dep_ == "csubj":
        return "an act named as a subject (freeing X was a priority), not one that happened"
    if tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and _bare_plural(tok.head):
        return "describes a kind of people (people convicted of ...), not one event"
    if verb != tok and (_bare_plural(tok) or _indefinite(tok)) and (
            _present_progressive(verb) or verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)):
        return "a general statement, not one event"  # "mass shootings are becoming ...", "when a protest breaks out"
    kids = list(verb.children)
    present_passive = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in kids) or any(
        c.dep_ == "auxpass" and c.lower_ == "being" for c in kids) and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in kids)  # "are beaten", "are being killed"
    if not present_passive and (verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass")
                                                                       for c in verb.children)):
        return None
    if present_passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return "a general statement, not one event" if subj is not None and _bare_plural(subj) else None
    if verb == tok:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        generic_subject = subj is not None and (subj.lower_ in S.GENERIC_SUBJECTS or _bare_plural(subj))
        if objs and all(_bare_plural(o) for o in objs) or generic_subject and not objs:
            return "a general statement, not one event"  # "thugs kill journalists", "people protest"
        return None
    if tok.dep_ in ("nsubj", "nsubjpass") and _bare_plural(tok):
        return "a general statement, not one event"
    return None


def _own_clause(verb) -> list:
    """The verb and its own arguments, without the clauses hanging on it."""
    out = [verb]
    for c in verb.children:
        if c.dep_ not in ("ccomp", "parataxis", "advcl", "conj", "xcomp", "csubj", "relcl", "punct", "cc"):
            out += list(c.subtree)
    return out


def _present_progressive(verb) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _bare_plural(tok) -> bool:
    """"attacks", "mass shootings": no determiner, owner, number or name to pick out which."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN"
                                         for c in tok.children)


def _indefinite(tok) -> bool:
    """"a protest", "a terrorist attack": any one of a kind, when the clause is timeless."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in tok.children) and not any(
        c.pos_ == "PROPN" or c.dep_ in ("poss", "nummod") for c in tok.children)


def irrealis(tok) -> bool:
    """Events someone hopes for or urges are not events that happened ("urged them to free X")."""
    t = tok
    for _ in range(5):
        if t.head == t or t != tok and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in S.KIND_NOUNS:
            return False  # "refused entry to her trial": the trial is not what was refused
        if t.dep_ in ("xcomp", "ccomp", "dobj") and t.head.lemma_.lower() in S.IRREALIS_VERBS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in S.IRREALIS_VERBS:
            return True  # "called for the immediate release of X"
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in S.THREAT_VERBS and any(
                c.dep_ == "aux" and c.lower_ in S.HYPOTHETICAL_AUX for c in t.children):
            return True  # "warned that she would be arrested": a threat, not an arrest
        if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in S.TIME_CLAUSE_MARKERS
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
    if near & S.ALLEGED_WORDS:
        return "alleged"
    if near & S.REPORTED_WORDS or any(a.lemma_.lower() == "report" and a.tag_ == "VBN" for a in chain[1:]):
        return "reported"
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if aux & S.EXPECTED_AUX or any(a.lemma_.lower() in S.EXPECTED_GOVERNORS for a in chain[1:3]):
        return "expected"
    return "asserted"


def _denied(tok) -> bool:
    """"The government denied that it had arrested anyone": the clause under a denial."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or t.head == t:
            return False
        t = t.head
        if t.lemma_.lower() in S.NEGATION_GOVERNORS:
            return True
    return False
