"""The document as event rules see it: its sentences and the names it mentions.

Entities come from the entities extractor when it found them; spaCy's own entity spans
and named laws ("Decree 72") fill in, so participants keep the name as written even
when no entity was linked.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span

from ...concepts import entity_types
from ...models import LocalEntity, Participant
from ..lexicon import events as L
from ..lexicon import participants as P

_SKIP_NP_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "prep"}
_MODIFIER_DEPS = {"amod", "npadvmod", "nummod", "det", "advmod", "quantmod"}


@dataclass
class Cand:
    """A named span: from an entity mention, a spaCy entity, or a law name."""

    start: int
    end: int
    label: str
    text: str
    key: str | None = None


def _strip_possessive(text: str, end: int) -> tuple[str, int]:
    m = re.search(r"\s*['\u2019]s?$", text)
    if m and m.start() > 0:
        return text[:m.start()], end - (len(text) - m.start())
    return text, end


def _trim_ent(ent):
    """An entity span without a leading article or, for people, a leading title ("Blogger X")."""
    i = ent.start
    while i < ent.end - 1 and (ent.doc[i].lower_ in ("the", "a", "an") or (
            ent.label_ == "PERSON" and ent.doc[i].lower_ in P.PERSON_HEADS | P.TITLE_WORDS)):
        i += 1
    return ent if i == ent.start else Span(ent.doc, i, ent.end, label=ent.label)


def _split_sents(doc) -> list:
    """spaCy's sentences, cut again at line breaks: a headline or dateline never runs into the lead."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if "\n" in t.text or "\n" in t.whitespace_:
                end = t.i if t.is_space else t.i + 1
                if end > start:
                    out.append(doc[start:end])
                start = t.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [s for s in out if not all(t.is_space for t in s)]


class Context:
    """Per-document lookups shared by the event rules."""

    def __init__(self, parsed, entities: list[LocalEntity]):
        self.parsed = parsed
        self.doc = parsed.doc
        self.text = parsed.text
        self.sents = _split_sents(self.doc)
        self._sent_starts = [s.start for s in self.sents]
        self.cands = self._collect(entities)
        self.entities = entities
        self.full_names = {e.key: e.name for e in entities}
        self.descriptors = {e.key: " ".join(d.text for d in e.descriptors).lower() for e in entities}
        self.kinds = {e.key: e.type for e in entities}
        self._cand_starts = [c.start for c in self.cands]
        self.person_states: dict[tuple[int, int], str | None] = {}   # states.person_state's answers
        self._orths = None
        self.memo: dict = {}                 # per-document answers of the sense tests

    def same_text(self, token) -> list:
        """The document's other tokens written as ``token`` is, in order. Compared as ORTH ids
        in one array: scanning the whole document for every name was the costliest step of
        event extraction."""
        if self._orths is None:
            self._orths = self.doc.to_array("ORTH")
        return [self.doc[int(i)] for i in (self._orths == token.orth).nonzero()[0] if i != token.i]

    def _collect(self, entities: list[LocalEntity]) -> list[Cand]:
        out: list[Cand] = []
        for e in entities:
            for m in e.mentions:
                out.append(Cand(m.start, m.end, e.type, m.text, e.key))
        taken = [(c.start, c.end) for c in out]

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken)

        for ent in self.doc.ents:
            if ent.label_ in entity_types.ENTITY_TYPES | {"PRODUCT", "WORK_OF_ART"} and free(ent.start_char, ent.end_char):
                ent = _trim_ent(ent)
                txt, end = _strip_possessive(ent.text, ent.end_char)
                out.append(Cand(ent.start_char, end, ent.label_, txt))  # products kept: small models call groups that
        for m in re.finditer(L.LAW_NAME_PATTERN, self.text):
            for c in out:  # "Sub-Decree 7" where the entity was found as "Decree 7": the full name
                if c.key is not None and c.label == "LAW" and m.start() < c.start and c.end <= m.end():
                    c.start, c.text = m.start(), self.text[m.start():c.end]
            out = [c for c in out if not (c.start < m.end() and m.start() < c.end and c.key is None)]
            if free(m.start(), m.end()):
                out.append(Cand(m.start(), m.end(), "LAW", m.group(0)))
        return sorted(out, key=lambda c: c.start)

    # --- lookups ---------------------------------------------------------------
    def sent_index(self, token) -> int:
        return max(0, bisect_right(self._sent_starts, token.i) - 1)

    def sent_of(self, token):
        return self.sents[self.sent_index(token)]

    def cand_at(self, token) -> Cand | None:
        s, e = token.idx, token.idx + len(token.text)
        i = bisect_right(self._cand_starts, s)
        for c in self.cands[max(0, i - 3):i + 1]:
            if c.start < e and s < c.end:
                return c
        return None

    def cands_in(self, start: int, end: int) -> list[Cand]:
        return [c for c in self.cands if start <= c.start and c.end <= end]

    def preceding(self, pos: int, labels: set[str] | frozenset[str], min_pos: int = 0) -> Cand | None:
        best = None
        for c in self.cands:
            if c.end > pos:
                break
            if c.label in labels and c.start >= min_pos:
                best = c
        return best

    def following(self, pos: int, labels: set[str] | frozenset[str]) -> Cand | None:
        return next((c for c in self.cands if c.start >= pos and c.label in labels), None)

    # --- participants ------------------------------------------------------------
    def part(self, role: str, cand: Cand) -> Participant:
        return Participant(role=role, text=cand.text, entity=cand.key, start=cand.start, end=cand.end)

    def span_part(self, role: str, start: int, end: int) -> Participant:
        return Participant(role=role, text=self.text[start:end], entity=None, start=start, end=end)

    def np_span(self, tok) -> tuple[int, int]:
        """The noun phrase a head token stands for, without clauses, preps or a leading article."""
        left = [c for c in tok.lefts if c.dep_ not in _SKIP_NP_DEPS]
        toks = [t for c in left for t in c.subtree] + [tok]
        toks += [c for c in tok.rights if c.dep_ in ("compound", "flat")]
        toks.sort(key=lambda t: t.i)
        while toks and (toks[0].dep_ == "det" or toks[0].is_punct) and len(toks) > 1:
            toks = toks[1:]
        if tok.pos_ == "PROPN":  # "blogger Le Thi B", "environmental activist X": the name without the title
            while len(toks) > 1 and (toks[0].lower_ in P.PERSON_HEADS | P.TITLE_WORDS | {"'s", "’s"}
                                     or toks[0].text.islower()):
                toks = toks[1:]
        if toks and toks[-1].tag_ == "POS" and len(toks) > 1:
            toks = toks[:-1]
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def named_inside(self, tok) -> list[Cand]:
        """Names inside the phrase headed by tok ("the rights group Green Shield", "activists including A and B")."""
        clauses = {x.i for d in tok.subtree if d.i != tok.i and (d.dep_ in ("relcl", "acl", "advcl") or (
            d.dep_ == "prep" and d.lower_ not in P.NAME_LIST_PREPS)) for x in d.subtree}
        toks = [t for t in tok.subtree if t.i not in clauses]
        seen, out = set(), []
        for t in toks:
            c = self.cand_at(t)
            if c is None or id(c) in seen or c.label in ("NORP",):
                continue
            if t.dep_ in _MODIFIER_DEPS and c.label != "PERSON":
                continue  # "Illinois-based group", "Vietnamese group": modifiers, not the group's name
            if c.label != "PERSON" and t.dep_ in ("compound", "nmod", "poss") and t.i < tok.i and (
                    tok.lemma_.lower() in P.PERSON_HEADS):
                continue  # "the Lakeside activist", "an Acme engineer": where from, not who
            seen.add(id(c))
            out.append(c)
        return out




