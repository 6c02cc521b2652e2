"""What the sense tests read: the words of a sentence, whether it speaks of weapons, wounds and
the armed, of speech and campaigning, of courts; whether the article as a whole is about
violence or a court case; whether a word names something abstract or someone named."""
from __future__ import annotations

from ..lexicon import event_senses as S
from ..lexicon import events as L
from .context import Context
from .grammar import Args


def lemmas(ctx: Context, sent) -> frozenset[str]:
    """Lemmas and lower-case words of a sentence, worked out once."""
    key = ("lemmas", sent.start)
    if key not in ctx.memo:
        words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        ctx.memo[key] = frozenset(words | {w[:-1] for w in words if w.endswith("s") and len(w) > 3})
    return ctx.memo[key]


def physical(ctx: Context, sent) -> bool:
    """The sentence speaks of weapons, wounds, the armed or the dead (not only of police)."""
    return bool(lemmas(ctx, sent) & (S.PHYSICAL_CUES - S.WEAK_PHYSICAL_CUES))


def violent_document(ctx: Context) -> bool:
    """Enough sentences with a strong cue that the article is about physical violence."""
    if "violent" not in ctx.memo:
        n = sum(1 for s in ctx.sents if lemmas(ctx, s) & (S.PHYSICAL_CUES - S.WEAK_PHYSICAL_CUES))
        ctx.memo["violent"] = n >= S.VIOLENT_DOCUMENT_SENTENCES and n >= S.VIOLENT_DOCUMENT_SHARE * len(ctx.sents)
    return ctx.memo["violent"]


def speechy(ctx: Context, sent) -> bool:
    return bool(lemmas(ctx, sent) & S.SPEECH_CUES)


def abstract(tok) -> bool:
    low = tok.lemma_.lower()
    return low in S.ABSTRACT_TARGETS or (tok.pos_ == "NOUN" and low.endswith(S.ABSTRACT_SUFFIXES))


def named_org(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    return c is not None and c.label in ("ORG", "GPE")


def named(ctx: Context, tok) -> bool:
    c = ctx.cand_at(tok)
    return c is not None and c.label in ("PERSON", "ORG", "NORP")


def in_compound_modifier(tok) -> bool:
    """"job-killing regulations", "a record-beating run": part of a modifier, not an event."""
    doc = tok.doc
    hyphen = tok.i > 0 and doc[tok.i - 1].text == "-" or tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-"
    return hyphen and (tok.dep_ in ("amod", "compound", "npadvmod", "nmod") or tok.head.i > tok.i) or (
        "-" in tok.text and tok.dep_ in ("amod", "compound"))


def physical_here(ctx: Context, sent, tok, args: Args, sentence: bool = True) -> bool:
    """A physical target for the trigger or an armed actor doing it (or, with ``sentence``,
    a weapon, a wound or an armed actor anywhere in the sentence)."""
    if sentence and physical(ctx, sent):
        return True
    heads = args.obj + args.partner + args.place
    if any(t.lemma_.lower() in S.PHYSICAL_TARGETS for t in heads):
        return True
    return any(t.lower_ in S.ARMED_ACTORS or t.lemma_.lower() in S.ARMED_ACTORS for t in args.agent)


def physical_cause(ctx: Context, span, tok) -> bool:
    """A violent cause in a sentence (or in the clause a token heads), other than the word itself."""
    same = tok.lemma_.lower()
    rest = [t for t in (span.subtree if hasattr(span, "subtree") else span) if t.lemma_.lower() != same]
    others = {t.lemma_.lower() for t in rest} | {t.lower_ for t in rest}
    cues = (others & S.PHYSICAL_CUES) - {"die", "dead", "death", "body", "hospital", "victim"}
    return bool(cues - S.WEAK_PHYSICAL_CUES) or bool(others & {"custody", "detention", "prison", "toll", "protest",
                                                                "clash", "violence", "crackdown", "killed"})


def legal_document(ctx: Context) -> bool:
    if "legal" not in ctx.memo:
        n = sum(1 for s in ctx.sents if lemmas(ctx, s) & {"court", "judge", "jury", "prosecutor", "trial", "verdict"})
        ctx.memo["legal"] = n >= S.VIOLENT_DOCUMENT_SENTENCES
    return ctx.memo["legal"]
