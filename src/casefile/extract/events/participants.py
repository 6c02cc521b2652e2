"""Participants: the argument tokens of a trigger turned into people, groups, places and things.

Each argument becomes every coordinated name in it, a resolved pronoun, an office named by
its state, or else the phrase as written ("an army general", "22 people"), so that an
unnamed victim is kept as the article describes them.
"""
from __future__ import annotations

from ...concepts import entity_types
from ...models import Participant
from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import mentions as mw
from ..lexicon import participants as P
from . import pronouns
from .context import Cand, Context
from .grammar import SPACED_HYPHEN, Args, pobj, subject


def person_like(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    if c is not None:
        return c.label in ("PERSON", "NORP")
    if tok.lemma_.lower() in P.PERSON_HEADS or tok.lower_ in P.PERSON_HEADS:
        return True
    if tok.pos_ == "NOUN" and tok.lemma_.lower().endswith(P.PERSON_SUFFIXES):
        return True
    name = [t for t in tok.subtree if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [tok]
    if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and len(name) >= 2 and all(
            t.text[:1].isupper() and t.text[1:].islower() or len(t.text) == 1 for t in name):
        return True  # a name the recognizer missed ("Le Thi Hoa")
    if any(x.label == "PERSON" and not _modifier_name(tok, x) for x in ctx.named_inside(tok)):
        return True  # "the writer X", "activists including A and B"; not "Clinton's emails"
    counted = tok.pos_ == "NUM" or tok.lower_ in P.QUANTITY_WORDS or tok.lemma_.lower() in P.GROUP_NOUNS
    return counted and any(  # "thousands of residents", "two of them"; not "photos of the suspects"
        c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None and person_like(ctx, pobj(c))
        for c in tok.children)


def _modifier_name(tok, c: Cand) -> bool:
    """A name in front of the head that only says whose or which ("Clinton's emails", "the Smith case")."""
    return any(c.start <= t.idx < c.end and t.i < tok.i and t.dep_ in ("poss", "compound", "nmod")
               for left in tok.lefts for t in left.subtree)


def animate(ctx: Context, tok) -> bool:
    """A living being, or a number of them: a person, a group of people, "22", "three of them",
    "dozens", "leftists"."""
    if person_like(ctx, tok):
        return True
    if tok.pos_ == "NUM" or tok.lower_ in P.QUANTITY_WORDS:
        return True
    low = tok.lower_
    first_person = low in mw.FIRST_PERSON and tok.tag_ != "PRP$"  # "our convictions" are beliefs
    if tok.pos_ == "PRON" and (low in mw.PERSON_PRONOUNS or low in mw.PLURAL_PRONOUNS or first_person
                               or low in P.INDEFINITE_PEOPLE):
        return True
    low = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and low.endswith("ist") and low not in P.NOT_PEOPLE_IST  # "leftists", "Islamists"


def label_of(ctx: Context, p: Participant) -> str | None:
    """The label of the name a participant was made from (None for a phrase)."""
    return next((c.label for c in ctx.cands if c.start == p.start and c.end == p.end), None)



def from_args(ctx: Context, sent, tok, etype: str, args: Args) -> list[Participant]:
    want_law = etype in L.LAW_OBJECT_TYPES
    incident = etype in S.INCIDENT_TYPES
    obj_role = P.OBJECT_ROLE.get(etype, "target")
    parts: list[Participant] = []
    for source, role, toks in (("subj", "agent", args.agent), ("obj", obj_role, args.obj),
                               ("prep", "recipient", args.recipient), ("prep", "place", args.place),
                               ("prep", "target", args.partner if etype in L.PARTNER_TYPES else [])):
        for t in toks:
            if not sent.start <= t.i < sent.end:
                t = _orphan_subject(sent, tok) if source == "subj" or source == "obj" and t.i < tok.i else None
            if t is None or t.i == tok.i:
                continue  # a parse that ran over a line break
            if t.ent_type_ in P.NOT_PARTICIPANT_LABELS and not (incident and t.ent_type_ == "CARDINAL"):
                continue  # a date posing as an argument; "22 were killed" counts people
            r = role
            if role == "target" and t.lemma_.lower() in L.ABUSE_OBJECTS | L.TRAVEL_OBJECTS | L.COMMENT_OBJECTS:
                r = "object"  # "denied food to X": the food is what was denied, X the target
            if role == "recipient" and etype in L.CASE_TYPES and person_like(ctx, t):
                r = "target"
            for p in of_token(ctx, t, r, want_law, incident):
                if r == "place" and label_of(ctx, p) not in entity_types.PLACE_TYPES:
                    if source != "obj":
                        continue
                    p.role = "target"  # "visited the president", "talks with X": whom, not where
                if source == "prep" and r == "recipient" and label_of(ctx, p) in entity_types.PLACE_TYPES:
                    continue  # "to Thailand" is where
                if source == "prep" and r != "place" and label_of(ctx, p) is None and not person_like(ctx, t):
                    continue  # "to a partnership", "at the same time": nobody
                parts.append(p)
    return _extend_name_lists(ctx, parts) + _document_authors(ctx, args)


def _orphan_subject(sent, tok):
    """When a heading ran into the sentence, the parser hangs the real subject on the heading:
    take the noun before the trigger whose head lies outside the sentence."""
    for t in sent:
        if t.i >= tok.i:
            return None
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not sent.start <= t.head.i < sent.end:
            return t
    return None


def authors(ctx: Context, args: Args) -> list[Participant]:
    """"He posted messages criticizing X", "her posts criticizing Y": the writer criticizes."""
    out: list[Participant] = []
    for a in args.agent:
        if a.lemma_.lower() not in P.WRITING_NOUNS:
            continue
        owner = next((c for c in a.children if c.dep_ == "poss"), None)
        if owner is None and a.dep_ in ("dobj", "nsubjpass"):
            owner = subject(a.head)[0]
        if owner is not None and owner.i != a.i:
            out += of_token(ctx, owner, "agent")
    return out


def _document_authors(ctx: Context, args: Args) -> list[Participant]:
    """"Signed by A and B, the letter urges ...": the signers act through their document."""
    out: list[Participant] = []
    for a in args.agent:
        if a.lemma_.lower() not in L.DISCLOSED_NOUNS:
            continue
        for clause in [c for c in a.head.children if c.dep_ == "advcl"] + [c for c in a.children if c.dep_ == "acl"]:
            for c in clause.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += of_token(ctx, p, "agent")
    return out


def _extend_name_lists(ctx: Context, parts: list[Participant]) -> list[Participant]:
    """"including A and bloggers B, C and D": names listed after a named target are targets too,
    however the parser attached them."""
    out = list(parts)
    for p in parts:
        if p.role != "target" or p.start is None or label_of(ctx, p) != "PERSON":
            continue
        end = p.end
        for c in ctx.cands:
            if c.start < (end or 0) or c.label != "PERSON":
                continue
            if not P.NAME_LIST_GAP.fullmatch(ctx.text[end:c.start]):
                break
            if all(q.start != c.start for q in out):
                out.append(ctx.part("target", c))
            end = c.end
    return out


def region_people(ctx: Context, sent, tok, parts: list[Participant]) -> list[Participant]:
    """People named after the trigger in its own clause, when the parse hid the object."""
    taken = {(p.start, p.end) for p in parts}
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if clause.pos_ == "ADP":
        clause = clause.head
    if tok.dep_ in ("acl", "relcl"):  # "among those detained was X": X is in the main clause
        clause = sent.root
    lo, hi = tok.idx, min(clause.right_edge.idx + len(clause.right_edge.text), sent.end_char)
    out = []
    for c in ctx.cands_in(lo, hi):
        if c.label == "PERSON" and (c.start, c.end) not in taken:
            out.append(ctx.part("target", c))
    return out


def next_name(ctx: Context, tok) -> list[Participant]:
    """"urges X to ...": the one urged, when the parse missed the object or made it a clause subject."""
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    c = ctx.cand_at(nxt) if nxt is not None else None
    if c is not None and c.label in ("PERSON", "ORG", "GPE"):
        return [ctx.part("recipient", c)]
    for comp in tok.children:
        if comp.dep_ == "prep" and comp.lower_ in ("on", "upon"):  # "called on the authorities to ..."
            return [p for o in comp.children if o.dep_ == "pobj" for p in of_token(ctx, o, "recipient")]
        if comp.dep_ in ("ccomp", "xcomp"):
            subj = next((x for x in comp.children if x.dep_ == "nsubj"), None)
            if subj is not None:
                return of_token(ctx, subj, "recipient")
    return []


def speaker_of(ctx: Context, tok) -> list[Participant]:
    """"X said the law contradicts ...": X is the critic."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj") or t.head == t:
            return []
        t = t.head
        if t.lemma_.lower() in P.SAY_VERBS:
            subj, _passive = subject(t)
            return of_token(ctx, subj, "agent") if subj is not None else []
    return []



def _client_of(ctx: Context, tok) -> Cand | None:
    """"her client" after "X's lawyer, Y": X."""
    if tok.lemma_.lower() not in P.CLIENT_NOUNS or not any(c.dep_ == "poss" for c in tok.children):
        return None
    lo = ctx.sents[max(0, ctx.sent_index(tok) - P.CLIENT_WINDOW_SENTENCES)].start_char
    found = None
    for c in ctx.cands:
        if c.start >= tok.idx:
            break
        if c.label == "PERSON" and c.start >= lo:
            after = ctx.text[c.end:c.end + 16].lower()
            words = after.replace("\u2019", "'").removeprefix("'s").split()
            if after.startswith(("'s", "\u2019s")) and words and words[0].strip(",") in P.LAWYER_NOUNS:
                found = c
    return found


def _institution(ctx: Context, tok) -> tuple[int, int] | None:
    """"Norway's foreign ministry", "Peru's mission to the United Nations": an office named by its
    state is the office; the span runs over the name-like prepositions after it."""
    if tok.lemma_.lower() not in P.INSTITUTION_NOUNS or not tok.text.islower():
        return None
    inside = ctx.named_inside(tok)
    if not inside or any(c.label not in entity_types.PLACE_TYPES for c in inside):
        return None
    start, end = ctx.np_span(tok)
    right = tok
    while True:
        prep = next((c for c in right.children if c.dep_ == "prep" and c.lower_ in P.INSTITUTION_NAME_PREPS
                     and c.i > right.i), None)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if obj is None or ctx.cand_at(obj) is None:
            break
        end = max(end, ctx.cand_at(obj).end)
        right = obj
    return start, end


def of_token(ctx: Context, tok, role: str, want_law: bool = False, incident: bool = False) -> list[Participant]:
    """Participants for an argument head: each coordinated name, a resolved pronoun or the phrase.
    For an incident the people it happened to are kept as written when unnamed ("a local
    commander of X" is the commander, "us" in a quote is us)."""
    out: list[Participant] = []
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i] if tok.pos_ != "VERB" else [tok]
    for h in heads:
        if h.lower_ in P.REFLEXIVE_PRONOUNS:
            continue  # "blew himself up": the one who did it, already the agent
        if h.lower_ in P.SPEAKER_PRONOUNS:
            if incident:
                out.append(ctx.span_part(role, h.idx, h.idx + len(h.text)))
            continue  # "we"/"you" inside a quote: the speaker, not resolvable here
        if want_law and h.lemma_.lower() in P.CONTAINER_NOUNS:
            h = next((g for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), h)
        c = ctx.cand_at(h)
        if c is None and h.dep_ == "appos":
            c = ctx.cand_at(h.head)  # "X, a rights group that shared ...": the group is X
        if c is not None and c.label != "NORP":
            out.append(ctx.part(role, c))
            if c.label == "ORG" and h.lemma_.lower() in P.INSTITUTION_NOUNS:  # "Freedonia's government"
                out += [ctx.part("place", x) for x in ctx.named_inside(h) if x.label in entity_types.PLACE_TYPES]
            continue
        if h.pos_ == "PRON" or (want_law and h.lemma_.lower() in L.LAW_ANAPHORS and not ctx.named_inside(h)):
            res = pronouns.resolve(ctx, h, want_law)
            if res:
                out += [ctx.part(role, r) for r in res]
                continue
        inst = _institution(ctx, h)
        if inst is not None:  # the office acts; its state is kept as where it sits
            out.append(ctx.span_part(role, *inst))
            out += [ctx.part("place", c) for c in ctx.named_inside(h)]
            continue
        client = _client_of(ctx, h)
        if client is not None:
            out.append(ctx.part(role, client))
            continue
        appos = next((a for a in h.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
        if appos is not None and ctx.cand_at(appos) is None:  # "the writer X" with X unrecognized
            out.append(ctx.span_part(role, *ctx.np_span(appos)))
            continue
        inside = ctx.named_inside(h)
        if inside and incident and _described_by_names(h, inside, ctx):
            out.append(ctx.span_part(role, *ctx.np_span(h)))  # "the Oklahoma City federal building"
            out += [ctx.part("place", x) for x in inside if x.label in entity_types.PLACE_TYPES]
            continue
        if inside:
            out += [ctx.part(role, r) for r in inside]
            continue
        s, e = ctx.np_span(h)
        of = next((pobj(c) for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and pobj(c) is not None), None)
        if of is not None and incident and (h.pos_ == "NUM" or h.lower_ in P.QUANTITY_WORDS):
            e = max(e, ctx.np_span(of)[1])  # "dozens of protesters", "two of the men"
        out.append(ctx.span_part(role, s, e))
    return out


def _described_by_names(h, inside: list[Cand], ctx: Context) -> bool:
    """The names in the phrase only describe its head: "a friend of X" is the friend, "a commander
    of the militia" the commander, "the Lyon bakery" the bakery."""
    if h.pos_ != "NOUN":
        return False
    heads = [next(t for t in h.subtree if c.start <= t.idx < c.end) for c in inside]
    if h.lemma_.lower() in P.RELATIONAL_NOUNS and all(_through_of_or_poss(t, h) for t in heads):
        return True
    if all(c.label != "PERSON" for c in inside):
        return person_like(ctx, h) or all(t.i < h.i for t in heads)
    return False


def _through_of_or_poss(t, h) -> bool:
    while t.i != h.i and t.head != t:
        if t.dep_ == "poss" or t.dep_ == "pobj" and t.head.lower_ == "of":
            return True
        t = t.head
    return False


def incident_targets(ctx: Context, tok, etype: str) -> list[Participant]:
    """Whom an incident is aimed at when the parse puts them outside the trigger's arguments:
    "threatened to cut off their supplies", "bombings targeted at the military", "the explosion
    destroyed a bakery"."""
    out: list[Participant] = []
    if etype == "harassment":
        for x in (c for c in tok.children if c.dep_ == "xcomp"):
            for o in (c for c in x.children if c.dep_ == "dobj"):
                owner = next((c for c in o.children if c.dep_ == "poss"), None)
                who = o if animate(ctx, o) else owner
                if who is not None and animate(ctx, who):
                    out += of_token(ctx, who, "target", incident=True)
    if etype == "attack":
        verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl")] + ([tok.head] if tok.dep_ == "nsubj" else [])
        verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp"]
        for v in (v for v in verbs if v.lemma_.lower() in P.AIM_VERBS):
            for c in v.children:
                aim = c if c.dep_ == "dobj" else pobj(c) if c.dep_ == "prep" and c.lower_ in ("at", "against", "on") else None
                if aim is not None:
                    out += of_token(ctx, aim, "target", incident=True)
    return out


def clause_places(ctx: Context, tok, parts: list[Participant]) -> list[Participant]:
    """Where an incident happened when its own arguments say nothing of it: the places named in
    its clause ("On May 2 in Dorvel, a bomber blew himself up")."""
    if any(p.role == "place" for p in parts):
        return []
    clause = tok
    while clause.dep_ not in ("ROOT", "ccomp", "relcl") and clause.head != clause:
        clause = clause.head
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    have = {p.text for p in parts}
    return [ctx.part("place", c) for c in ctx.cands_in(lo, hi)
            if c.label in entity_types.PLACE_TYPES and c.text not in have and not _dateline(ctx, c)][:2]


def _dateline(ctx: Context, c: Cand) -> bool:
    """"HONG KONG — ...", "KABUL, Oct. 3 (Wire) --": where the story was filed, not where it happened."""
    after = ctx.text[c.end:c.end + 4].lstrip()
    return c.text.isupper() and (after[:1] in ("(", ",") or after.startswith(SPACED_HYPHEN.lstrip())
                                 or any(after.startswith(d) for d in mw.PHRASE_DASHES))
