"""Sense: whether a violent or legal word reports the thing itself or a figure of speech.

Political reporting is full of violent words used in figure: a candidate "attacks" a
rival's record, a scandal "didn't kill her hopes", a nominee "beat" her rival, a
campaign "rally" fills a stadium. Each trigger rule names its test (``Rule.sense``); the
tests live by family (sense_violence, sense_justice, sense_dissent) and read the trigger's
own arguments first (what was attacked, who was killed), then the sentence (a weapon, a
wound, a court), then the article (an article about a bombing calls it "the attack" further
down with no weapon in that sentence). Each says why a use is not the event (a short reason
the user sees), or None when it is.
"""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from . import sense_dissent as D
from . import sense_justice as J
from . import sense_violence as V
from .cues import in_compound_modifier
from .grammar import Args
from .context import Context

TESTS = {"attack": V.attack, "kill": V.kill, "death": V.death, "shoot": V.shoot, "explosion": V.explosion,
         "strike": V.strike, "raid": V.raid, "beat": V.beat, "armed": V.armed,
         "clash_protest": D.clash_protest, "rally": D.rally, "march": D.march, "protest": D.protest,
         "threat": D.threat, "coerce": D.coerce,
         "charge": J.charge, "legal": J.legal, "court": J.court, "summons": J.summons, "take": J.take,
         "missing": J.missing, "intimidate": J.intimidate}


def figurative(ctx: Context, sent, tok, sense: str | None, args: Args, is_verb: bool) -> str | None:
    """Why this use of the trigger is not the event, or None when it is."""
    if in_compound_modifier(tok):
        return "part of a modifier (job-killing), not an event"
    if not is_verb and _category_name(tok):
        return f"part of a name for something else ({tok.text} {tok.head.text})"
    if sense is None:
        return None
    return TESTS[sense](ctx, sent, tok, args, is_verb)


def _category_name(tok) -> bool:
    """"murder rates", "murder charges", "a protest vote": the trigger names a kind of thing; a
    specific event stays ("the Boston bombing suspect", "an assassination attempt")."""
    if tok.dep_ != "compound" or tok.head.lemma_.lower() in S.EVENT_HEADS:
        return False
    return not any(c.pos_ == "PROPN" or c.dep_ in ("poss", "nummod") or c.ent_type_ in ("DATE", "GPE", "EVENT")
                   for c in tok.children)
