"""Events: who did what to whom, where and when, with the sentence as evidence.

Triggers and argument patterns live in ``lexicon.events``; the parse work is in
``events_args`` (triggers, arguments), ``events_ctx`` (names, pronouns, linking) and
``events_geo`` (the states behind diplomatic and trade events). This module turns
triggers into ``Event`` records: one per type per clause, one per person for case
events, with modality and the date the sentence gives.
"""
from __future__ import annotations

from ..concepts import entity_types
from ..models import Event, LocalEntity, Participant, TimeExpr
from .events_args import Args, find_triggers, is_negated, person_like, subject
from .events_ctx import Context
from .events_link import described_people, law_under, link_case_target
from .events_geo import add_states, person_state, state_of
from .lexicon import events as L

def extract(parsed, entities: list[LocalEntity], times: list[TimeExpr]) -> list[Event]:
    ctx = Context(parsed, entities or [])
    events: list[Event] = []
    for sent in ctx.sents:
        for tok, rule, args, is_verb in find_triggers(ctx, sent):
            if rule.type != "appeal" and _irrealis(tok):
                continue
            events += _build(ctx, sent, tok, rule.type, args)
    events = _dedupe(events)
    for ev in events:
        _link_by_name(ev, entities or [])
        ev.participants += described_people(ctx, ev.participants)
        _attach_date(ctx, ev, times or [])
    return events


def _build(ctx: Context, sent, tok, etype: str, args: Args) -> list[Event]:
    parts = _participants(ctx, sent, tok, etype, args)
    if etype in L.CASE_TYPES and etype != "surveillance" and not any(
            p.role == "target" and _named(p) for p in parts):
        parts += _region_people(ctx, sent, tok, parts)
    if etype in L.CASE_TYPES and not any(p.role == "target" and _named(p) for p in parts):
        parts += link_case_target(ctx, sent, tok, args)
    if etype == "appeal" and not any(p.role == "recipient" for p in parts):
        parts += _next_name(ctx, tok)
    if etype == "criticism":
        said = _speaker(ctx, tok)
        if rule_said(etype, tok) and not said:
            return []  # "the figures contradict earlier reports": nobody is criticizing
        parts += said + _authors(ctx, args)
    if etype in L.STATE_ACTOR_TYPES and not any(_state_actor(ctx, t) for t in args.agent):
        if args.agent or etype == "diplomatic_visit" and not _state_actor_in(ctx, parts):
            return []  # "the airline signed an agreement": business, not diplomacy
    if etype in L.STATE_TYPES:
        parts = add_states(ctx, parts, sent, whole_sentence=etype == "trade_figure")
        if etype == "relations_upgraded" and len([p for p in parts if state_of(p.text)]) < 2:
            parts = add_states(ctx, parts, sent, whole_sentence=True)  # "both sides hope to sign a deal"
    if etype in L.NEEDS_PARTICIPANT and not parts:
        return []
    base = dict(start=tok.idx, end=tok.idx + len(tok.text), type=etype, trigger=tok.text,
                sentence_start=sent.start_char, sentence_end=sent.end_char, modality=_modality(tok, etype, args))
    law = law_under(ctx, sent, tok) if etype in ("charge", "imprisonment") else None
    extra: list[Event] = []
    if law is not None and etype == "charge":
        parts.append(ctx.part("object", law))
    elif law is not None:  # "sentenced under Article 9": the charge was brought under that law
        targets = [p for p in parts if p.role == "target"]
        extra = [Event(**{**base, "type": "charge"}, participants=_unique(targets + [ctx.part("object", law)]))]
    if etype == "imprisonment" and any(a.lemma_.lower() in L.COURT_NOUNS for a in args.agent):
        # "a court sentenced X": the sentencing was X's appearance in court
        extra.append(Event(**{**base, "type": "trial"}, participants=_unique(list(parts))))
    parts = _unique(parts)
    split_role = "agent" if etype in L.SPLIT_AGENT_TYPES else "target" if etype in L.CASE_TYPES else None
    named = [p for p in parts if p.role == split_role and p.start is not None and _named(p)]
    if any(_label(ctx, p) == "PERSON" for p in named):
        named = [p for p in named if _label(ctx, p) == "PERSON"]  # "radio bloggers A and B": the people
    if len(named) > 1:
        rest = [p for p in parts if p.role != split_role]
        return [Event(**base, participants=rest + [p]) for p in named] + extra
    return [Event(**base, participants=parts)] + extra


def _participants(ctx: Context, sent, tok, etype: str, args: Args) -> list[Participant]:
    want_law = etype in L.LAW_OBJECT_TYPES
    obj_role = L.OBJECT_ROLE.get(etype, "target")
    parts: list[Participant] = []
    for source, role, toks in (("subj", "agent", args.agent), ("obj", obj_role, args.obj),
                               ("prep", "recipient", args.recipient), ("prep", "place", args.place),
                               ("prep", "target", args.partner if etype in L.PARTNER_TYPES else [])):
        for t in toks:
            if not sent.start <= t.i < sent.end:
                t = _orphan_subject(sent, tok) if source == "subj" or source == "obj" and t.i < tok.i else None
            if t is None or t.i == tok.i or t.ent_type_ in L.NOT_PARTICIPANT_LABELS:
                continue  # a parse that ran over a line break, or a date posing as an argument
            r = role
            if role == "target" and t.lemma_.lower() in L.ABUSE_OBJECTS | L.TRAVEL_OBJECTS | L.COMMENT_OBJECTS:
                r = "object"  # "denied food to X": the food is what was denied, X the target
            if role == "recipient" and etype in L.CASE_TYPES and person_like(ctx, t):
                r = "target"
            for p in ctx.participants(t, r, want_law):
                if r == "place" and _label(ctx, p) not in entity_types.PLACE_TYPES:
                    if source != "obj":
                        continue
                    p.role = "target"  # "visited the president", "talks with X": whom, not where
                if source == "prep" and r == "recipient" and _label(ctx, p) in entity_types.PLACE_TYPES:
                    continue  # "to Thailand" is where
                if source == "prep" and r != "place" and _label(ctx, p) is None and not person_like(ctx, t):
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


def _authors(ctx: Context, args: Args) -> list[Participant]:
    """"He posted messages criticizing X", "her posts criticizing Y": the writer criticizes."""
    out: list[Participant] = []
    for a in args.agent:
        if a.lemma_.lower() not in L.WRITING_NOUNS:
            continue
        owner = next((c for c in a.children if c.dep_ == "poss"), None)
        if owner is None and a.dep_ in ("dobj", "nsubjpass"):
            owner = subject(a.head)[0]
        if owner is not None and owner.i != a.i:
            out += ctx.participants(owner, "agent")
    return out


def rule_said(etype: str, tok) -> bool:
    return any(r.type == etype and r.said for r in L.VERB_TRIGGERS.get(tok.lemma_.lower(), ()))


def _state_actor(ctx: Context, tok) -> bool:
    """A state, its capital, its leader or its government acting."""
    for t in [tok, *tok.conjuncts]:
        c = ctx.cand_at(t)
        if c is not None and (state_of(c.text) or c.label == "PERSON" and person_state(ctx, c.start, c.end)):
            return True
        if any(x.dep_ == "compound" and x.lemma_.lower() in L.STATE_ACTOR_NOUNS for x in t.children):
            return True  # "Ambassador X", "Trade Commissioner Y"
        if t.lemma_.lower() in L.STATE_ACTOR_NOUNS or t.lower_ in L.STATE_ACTOR_NOUNS or (
                c is None and t.pos_ == "PROPN" and state_of(t.text)):
            return True
        if t.pos_ == "PRON" and any(p.start is not None and _state_actor_in(ctx, [p])
                                    for p in ctx.participants(t, "agent")):
            return True
    return False


def _state_actor_in(ctx: Context, parts: list[Participant]) -> bool:
    return any(p.start is not None and (state_of(p.text) or _label(ctx, p) == "PERSON" and (
        person_state(ctx, p.start, p.end or p.start) or _office_holder(ctx, p))) for p in parts)


def _office_holder(ctx: Context, p: Participant) -> bool:
    """A person described anywhere in the text by a public office ("Trade Commissioner X")."""
    words = set(ctx.descriptors.get(p.entity or "", "").split())
    return bool(words & L.STATE_ACTOR_NOUNS)


def _label(ctx: Context, p: Participant) -> str | None:
    return next((c.label for c in ctx.cands if c.start == p.start and c.end == p.end), None)


def _next_name(ctx: Context, tok) -> list[Participant]:
    """"urges X to ...": the one urged, when the parse missed the object or made it a clause subject."""
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    c = ctx.cand_at(nxt) if nxt is not None else None
    if c is not None and c.label in ("PERSON", "ORG", "GPE"):
        return [ctx.part("recipient", c)]
    for comp in tok.children:
        if comp.dep_ == "prep" and comp.lower_ in ("on", "upon"):  # "called on the authorities to ..."
            return [p for o in comp.children if o.dep_ == "pobj" for p in ctx.participants(o, "recipient")]
        if comp.dep_ in ("ccomp", "xcomp"):
            subj = next((x for x in comp.children if x.dep_ == "nsubj"), None)
            if subj is not None:
                return ctx.participants(subj, "recipient")
    return []


def _speaker(ctx: Context, tok) -> list[Participant]:
    """"X said the law contradicts ...": X is the critic."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj") or t.head is t:
            return []
        t = t.head
        if t.lemma_.lower() in L.SAY_VERBS:
            subj, _passive = subject(t)
            return ctx.participants(subj, "agent") if subj is not None else []
    return []


def _named(p: Participant) -> bool:
    text = p.text[4:] if p.text.lower().startswith("the ") else p.text
    return p.entity is not None or text[:1].isupper()


def _extend_name_lists(ctx: Context, parts: list[Participant]) -> list[Participant]:
    """"including A and bloggers B, C and D": names listed after a named target are targets too,
    however the parser attached them."""
    out = list(parts)
    for p in parts:
        if p.role != "target" or p.start is None or _label(ctx, p) != "PERSON":
            continue
        end = p.end
        for c in ctx.cands:
            if c.start < (end or 0) or c.label != "PERSON":
                continue
            if not L.NAME_LIST_GAP.fullmatch(ctx.text[end:c.start]):
                break
            if all(q.start != c.start for q in out):
                out.append(ctx.part("target", c))
            end = c.end
    return out


def _unique(parts: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in parts:
        key = (p.role, p.text, p.start)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _document_authors(ctx: Context, args: Args) -> list[Participant]:
    """"Signed by A and B, the letter urges ...": the signers act through their document."""
    out: list[Participant] = []
    for a in args.agent:
        if a.lemma_.lower() not in L.DOCUMENT_NOUNS:
            continue
        for clause in [c for c in a.head.children if c.dep_ == "advcl"] + [c for c in a.children if c.dep_ == "acl"]:
            for c in clause.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += ctx.participants(p, "agent")
    return out


def _region_people(ctx: Context, sent, tok, parts: list[Participant]) -> list[Participant]:
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


def _irrealis(tok) -> bool:
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


def _modality(tok, etype: str, args: Args) -> str:
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


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type, sentence and target: repeated triggers add their participants."""
    out: dict[tuple, Event] = {}
    for ev in events:
        role = "agent" if ev.type in L.SPLIT_AGENT_TYPES else "target" if ev.type in L.CASE_TYPES else None
        who = tuple(sorted(p.text for p in ev.participants if p.role == role and _named(p)))
        key = (ev.type, ev.sentence_start, who)
        if key in out:
            out[key].participants = _unique(out[key].participants + ev.participants)
        else:
            out[key] = ev
    return list(out.values())


def _link_by_name(ev: Event, entities: list[LocalEntity]) -> None:
    """Participants named as a known entity is named (a state, a resolved pronoun) get its key."""
    by_name = {}
    for e in entities:
        for n in [e.name, *e.aliases]:
            by_name.setdefault(n.lower(), e.key)
    for p in ev.participants:
        if p.entity is None:
            p.entity = by_name.get(p.text.lower())


def _attach_date(ctx: Context, ev: Event, times: list[TimeExpr]) -> None:
    """The time expression of the sentence nearest the trigger in the parse."""
    trig = ctx.doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if trig is None:
        return
    trig_tok = trig.root
    found = []
    for t in times:
        if not (ev.sentence_start <= t.start and t.end <= ev.sentence_end) or not t.value:
            continue
        if t.type in ("DURATION", "SET") or t.value.startswith(L.DURATION_PREFIX):
            continue
        if L.DATELINE.match(ctx.text[ev.sentence_start:t.end]) and L.DATELINE_END.match(ctx.text[t.end:t.end + 4]):
            continue  # "(City, May 12, 2025) – ...": when the piece was filed, not when it happened
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        dist = _tree_distance(trig_tok, span.root)
        if dist <= L.MAX_TREE_DISTANCE_FOR_DATE:
            found.append((not trig_tok.is_ancestor(span.root), dist, t))
    if found:
        # dates inside the trigger's own phrase first, then the nearest; a more precise date that
        # refines it a step or two further wins ("two months later, on Sept. 10")
        own = min(found, key=lambda f: (f[0], f[1]))
        pool = [f for f in found if f[0] == own[0] and f[1] <= own[1] + L.DATE_PRECISION_SLACK]
        best = max(pool, key=lambda f: (f[2].value.startswith(own[2].value or "") and len(f[2].value), -f[1]))[2]
        ev.date_value, ev.date_text = best.value, best.text


def _tree_distance(a, b) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return 99


__all__ = ["extract"]
