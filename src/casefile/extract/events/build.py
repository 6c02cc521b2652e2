"""Events: who did what to whom, where and when, with the sentence as evidence.

The steps, each in its own module: ``triggers`` finds the words that report an event,
``modality`` sets aside what is only wished, threatened or denied, ``participants`` turns
the trigger's arguments into people, groups and places, ``linking`` reaches the named
person a case event is about when the parse does not, ``states`` finds the states behind
diplomatic and trade events, and ``dates`` the date. This module assembles ``Event``
records: one per type per clause, one per person for case events.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...models import Event, LocalEntity, Participant, TimeExpr
from ..lexicon import event_senses as S
from ..lexicon import events as L
from ..lexicon import participants as P
from .context import Context
from .dates import attach_date
from .grammar import Args
from .linking import carry_case_targets, described_people, law_under, link_case_target, share_victims
from .modality import irrealis, modality_of, unreal
from .participants import (authors, clause_places, from_args, incident_targets, label_of, next_name, region_people,
                           speaker_of)
from .states import add_states, state_actor, state_actor_in, state_of
from .triggers import find_triggers


@dataclass
class Decision:
    """Why a trigger word gave an event or did not: what ``casefile explain`` shows."""

    start: int
    end: int
    trigger: str
    type: str
    sentence_start: int
    sentence_end: int
    kept: bool
    reason: str


def extract(parsed, entities: list[LocalEntity], times: list[TimeExpr]) -> list[Event]:
    return run(parsed, entities, times)[0]


def explain(parsed, entities: list[LocalEntity], times: list[TimeExpr]) -> list[Decision]:
    """Every trigger word of the document, each with the event it gave or why it gave none."""
    return run(parsed, entities, times)[1]


def run(parsed, entities: list[LocalEntity], times: list[TimeExpr]) -> tuple[list[Event], list[Decision]]:
    ctx = Context(parsed, entities or [])
    events: list[Event] = []
    decisions: list[Decision] = []
    for sent in ctx.sents:
        line = not_a_report(sent)
        for cand in find_triggers(ctx, sent):
            tok, etype = cand.tok, cand.rule.type
            why = cand.reason or (line if etype in S.INCIDENT_TYPES else None) or unreal(sent, tok, etype, cand.is_verb)
            if why is None and etype != "appeal" and irrealis(tok):
                why = "wished for, urged or threatened, not done"
            built: list[Event] = []
            if why is None:
                built, why = _build(ctx, sent, tok, etype, cand.args)
            events += built
            decisions.append(Decision(tok.idx, tok.idx + len(tok.text), tok.text, etype, sent.start_char,
                                      sent.end_char, bool(built), why or _kept(built)))
    events = _dedupe(events)
    share_victims(events)
    carry_case_targets(ctx, events)
    for ev in events:
        _link_by_name(ev, entities or [])
        ev.participants += described_people(ctx, ev.participants)
        attach_date(ctx, ev, times or [])
    return events, decisions


def not_a_report(sent) -> str | None:
    """A line that links elsewhere or lists titles ("Read more: ...", "* 2014 airfield bombing")."""
    text = sent.text.strip()
    low = text.lower()
    if low.startswith(S.LINK_OPENERS) or text.startswith("[") and text.endswith("]"):
        return "a link to another article, not a report"
    if text.startswith(S.BULLETS) and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return "a list entry, not a report"
    return None


def _kept(built: list[Event]) -> str:
    ev = built[0]
    who = "; ".join(f"{p.role}: {p.text}" for p in ev.participants) or "no participant named"
    return f"{ev.modality}; {who}"


def _build(ctx: Context, sent, tok, etype: str, args: Args) -> tuple[list[Event], str | None]:
    """The events a trigger gives, or none and the reason."""
    parts = from_args(ctx, sent, tok, etype, args)
    if etype in S.INCIDENT_TYPES and not any(p.role == "target" for p in parts):
        parts += incident_targets(ctx, tok, etype)
    if etype in S.INCIDENT_TYPES:
        parts += clause_places(ctx, tok, parts)
    if etype in L.CASE_TYPES and etype != "surveillance" and not any(p.role == "target" for p in parts):
        parts += region_people(ctx, sent, tok, parts)
    if etype in L.CASE_TYPES and not any(p.role == "target" and _named(p) for p in parts):
        parts += link_case_target(ctx, sent, tok, args)
    if etype == "appeal" and not any(p.role == "recipient" for p in parts):
        parts += next_name(ctx, tok)
    if etype == "criticism":
        said = speaker_of(ctx, tok)
        if rule_said(etype, tok) and not said:
            return [], "nobody is said to criticize"  # "the figures contradict earlier reports"
        parts += said + authors(ctx, args)
    if etype in L.STATE_ACTOR_TYPES and not any(state_actor(ctx, t) for t in args.agent):
        if args.agent or etype == "diplomatic_visit" and not state_actor_in(ctx, parts):
            return [], "not between states"  # "the airline signed an agreement": business, not diplomacy
    if etype in L.STATE_TYPES:
        parts = add_states(ctx, parts, sent, whole_sentence=etype == "trade_figure")
        if etype == "relations_upgraded" and len([p for p in parts if state_of(p.text)]) < 2:
            parts = add_states(ctx, parts, sent, whole_sentence=True)  # "both sides hope to sign a deal"
    if etype in L.NEEDS_PARTICIPANT and not parts:
        return [], "no participant of the kind this event needs"
    base = dict(start=tok.idx, end=tok.idx + len(tok.text), type=etype, trigger=tok.text,
                sentence_start=sent.start_char, sentence_end=sent.end_char, modality=modality_of(tok, etype, args))
    law = law_under(ctx, sent, tok) if etype in ("charge", "imprisonment") else None
    extra: list[Event] = []
    if law is not None and etype == "charge":
        parts.append(ctx.part("object", law))
    elif law is not None:  # "sentenced under Article 9": the charge was brought under that law
        targets = [p for p in parts if p.role == "target"]
        extra = [Event(**{**base, "type": "charge"}, participants=_unique(targets + [ctx.part("object", law)]))]
    if etype == "imprisonment" and any(a.lemma_.lower() in P.COURT_NOUNS for a in args.agent):
        # "a court sentenced X": the sentencing was X's appearance in court
        extra.append(Event(**{**base, "type": "trial"}, participants=_unique(list(parts))))
    weapon = next((a for a in args.agent if a.lemma_.lower() in S.ATTACK_WEAPONS), None)
    if etype == "killing" and weapon is not None:
        # "a roadside bomb killed a colonel": the bomb was an attack on him
        extra.append(Event(**{**base, "type": "attack", "start": weapon.idx, "end": weapon.idx + len(weapon.text),
                              "trigger": weapon.text}, participants=[p for p in parts if p.role != "agent"]))
    parts = _unique(parts)
    split_role = "agent" if etype in L.SPLIT_AGENT_TYPES else "target" if etype in L.CASE_TYPES else None
    named = [p for p in parts if p.role == split_role and p.start is not None and _named(p)]
    if any(label_of(ctx, p) == "PERSON" for p in named):
        named = [p for p in named if label_of(ctx, p) == "PERSON"]  # "radio bloggers A and B": the people
    if len(named) > 1:
        rest = [p for p in parts if p.role != split_role]
        return [Event(**base, participants=rest + [p]) for p in named] + extra, None
    return [Event(**base, participants=parts)] + extra, None


def rule_said(etype: str, tok) -> bool:
    return any(r.type == etype and r.said for r in L.VERB_TRIGGERS.get(tok.lemma_.lower(), ()))


def _named(p: Participant) -> bool:
    text = p.text[4:] if p.text.lower().startswith("the ") else p.text
    return p.entity is not None or text[:1].isupper()


def _unique(parts: list[Participant]) -> list[Participant]:
    seen, out = set(), []
    for p in parts:
        key = (p.role, p.text, p.start)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


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


__all__ = ["extract"]
