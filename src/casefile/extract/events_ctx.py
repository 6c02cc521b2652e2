"""Names a document mentions, and how an argument token becomes a linked participant.

Entities come from the entities extractor when it found them; spaCy's own entity spans
and named laws ("Decree 72") fill in, so participants keep the name as written even
when no entity was linked.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span

from ..concepts import entity_types
from ..models import LocalEntity, Participant
from .lexicon import events as L
from .lexicon import mentions as mw
from .lexicon import participants as P

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
            ent.label_ == "PERSON" and ent.doc[i].lower_ in L.PERSON_NOUNS | L.TITLE_WORDS)):
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
        self.full_names = {e.key: e.name for e in entities}
        self.descriptors = {e.key: " ".join(d.text for d in e.descriptors).lower() for e in entities}
        self.kinds = {e.key: e.type for e in entities}
        self._cand_starts = [c.start for c in self.cands]
        self.person_states: dict[tuple[int, int], str | None] = {}   # events_geo.person_state's answers
        self._orths = None

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
            while len(toks) > 1 and (toks[0].lower_ in L.PERSON_NOUNS | L.TITLE_WORDS | {"'s", "’s"}
                                     or toks[0].text.islower()):
                toks = toks[1:]
        if toks and toks[-1].tag_ == "POS" and len(toks) > 1:
            toks = toks[:-1]
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def _client_of(self, tok) -> Cand | None:
        """"her client" after "X's lawyer, Y": X."""
        if tok.lemma_.lower() not in P.CLIENT_NOUNS or not any(c.dep_ == "poss" for c in tok.children):
            return None
        lo = self.sents[max(0, self.sent_index(tok) - P.CLIENT_WINDOW_SENTENCES)].start_char
        found = None
        for c in self.cands:
            if c.start >= tok.idx:
                break
            if c.label == "PERSON" and c.start >= lo:
                after = self.text[c.end:c.end + 16].lower()
                words = after.replace("\u2019", "'").removeprefix("'s").split()
                if after.startswith(("'s", "\u2019s")) and words and words[0].strip(",") in P.LAWYER_NOUNS:
                    found = c
        return found

    def _institution(self, tok) -> tuple[int, int] | None:
        """"Norway's foreign ministry", "Peru's mission to the United Nations": an office named by its
        state is the office; the span runs over the name-like prepositions after it."""
        if tok.lemma_.lower() not in P.INSTITUTION_NOUNS or not tok.text.islower():
            return None
        inside = self.named_inside(tok)
        if not inside or any(c.label not in entity_types.PLACE_TYPES for c in inside):
            return None
        start, end = self.np_span(tok)
        right = tok
        while True:
            prep = next((c for c in right.children if c.dep_ == "prep" and c.lower_ in P.INSTITUTION_NAME_PREPS
                         and c.i > right.i), None)
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if obj is None or self.cand_at(obj) is None:
                break
            end = max(end, self.cand_at(obj).end)
            right = obj
        return start, end

    def named_inside(self, tok) -> list[Cand]:
        """Names inside the phrase headed by tok ("the rights group Green Shield", "activists including A and B")."""
        clauses = {x.i for d in tok.subtree if d.i != tok.i and (d.dep_ in ("relcl", "acl", "advcl") or (
            d.dep_ == "prep" and d.lower_ not in L.NAME_LIST_PREPS)) for x in d.subtree}
        toks = [t for t in tok.subtree if t.i not in clauses]
        seen, out = set(), []
        for t in toks:
            c = self.cand_at(t)
            if c is None or id(c) in seen or c.label in ("NORP",):
                continue
            if t.dep_ in _MODIFIER_DEPS and c.label != "PERSON":
                continue  # "Illinois-based group", "Vietnamese group": modifiers, not the group's name
            if c.label != "PERSON" and t.dep_ in ("compound", "nmod", "poss") and t.i < tok.i and (
                    tok.lemma_.lower() in L.PERSON_NOUNS):
                continue  # "the Lakeside activist", "an Acme engineer": where from, not who
            seen.add(id(c))
            out.append(c)
        return out

    def resolve_pronoun(self, tok, want_law: bool) -> list[Cand]:
        low = tok.lower_
        sent = self.sents[self.sent_index(tok)]
        min_pos = self.sents[max(0, self.sent_index(tok) - L.PRONOUN_WINDOW_SENTENCES)].start_char
        if low in L.PERSON_PRONOUNS or low in ("his", "hers"):
            want = "M" if low in L.MALE_CUES else "F"
            people = [c for c in self.cands if c.label == "PERSON" and min_pos <= c.start and c.end <= tok.idx]
            # people the entities extractor confirmed first: a stray model span is a weaker antecedent
            for pool in ([c for c in people if c.key], people):
                for c in reversed(pool):
                    if self.gender(c) in (want, None):
                        return [c]
            return self._named_later(tok, want)
        if low in P.ORG_PRONOUNS and not want_law:
            prev = self.sents[max(0, self.sent_index(tok) - 1)].start_char
            for label in P.ORG_PRONOUN_LABELS:  # an organisation before a place ("a group based in X ... it")
                c = self.preceding(tok.idx, {label}, min_pos=prev)
                if c is not None:
                    return [c]
            return []
        if low in L.PLURAL_PRONOUNS:
            for t in sent:
                if t.i >= tok.i:
                    break
                if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
                    found = [self.cand_at(x) for x in (t, *t.conjuncts)]
                    if all(found):
                        return found  # type: ignore[return-value]
            prev = self.sents[self.sent_index(tok) - 1] if self.sent_index(tok) > 0 else None
            people = [c for c in self.cands_in(prev.start_char, prev.end_char) if c.label == "PERSON"] if prev else []
            return people if len(people) >= 2 else []  # "A, B and C were detained. Their whereabouts ..."
        if want_law and (low in L.THING_PRONOUNS or tok.lemma_.lower() in L.LAW_ANAPHORS):
            c = self.preceding(tok.idx, {"LAW"}) or self.following(tok.idx, {"LAW"})
            return [c] if c else []
        return []

    def _named_later(self, tok, want: str) -> list[Cand]:
        """A lead that says "his" before naming him: the first person named as a subject in the
        next sentence, when the pronoun had no one to refer back to."""
        i = self.sent_index(tok)
        if i + 1 >= len(self.sents):
            return []
        for t in self.sents[i + 1]:
            c = self.cand_at(t)
            if c is not None and c.label == "PERSON":
                return [c] if self.gender(c) in (want, None) else []
        return []

    def gender(self, c: Cand) -> str | None:
        """M, F or None, from the name's middle word, an honorific, or a kin noun beside it."""
        words = (self.full_names.get(c.key or "", "") or c.text).lower().split()
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            near = [span.root.head] + [t for t in span.root.children if t.dep_ in ("appos", "compound")]
            near += [t for t in span.root.head.children if t.dep_ == "appos"] if span.root.dep_ == "appos" else []
            words += [t.lower_ for t in near if t.i < span.start or t.i >= span.end]
            words += [t.lower_ for t in self.doc[max(0, span.start - 2):span.start]]
        male, female = bool(set(words) & L.MALE_CUES), bool(set(words) & L.FEMALE_CUES)
        name = (self.full_names.get(c.key or "", "") or c.text).lower().split()
        female |= any(w.endswith(mw.FEMALE_NAME_ENDINGS) for w in name[1:])
        male |= any(w.endswith(mw.MALE_NAME_ENDINGS) for w in name[1:])
        return "M" if male and not female else "F" if female and not male else None

    def participants(self, tok, role: str, want_law: bool = False) -> list[Participant]:
        """Participants for an argument head: each coordinated name, a resolved pronoun or the phrase."""
        out: list[Participant] = []
        heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i] if tok.pos_ != "VERB" else [tok]
        for h in heads:
            if h.lower_ in L.SPEAKER_PRONOUNS:
                continue  # "we"/"you" inside a quote: the speaker, not resolvable here
            if want_law and h.lemma_.lower() in L.CONTAINER_NOUNS:
                h = next((g for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), h)
            c = self.cand_at(h)
            if c is None and h.dep_ == "appos":
                c = self.cand_at(h.head)  # "X, a rights group that shared ...": the group is X
            if c is not None and c.label != "NORP":
                out.append(self.part(role, c))
                if c.label == "ORG" and h.lemma_.lower() in P.INSTITUTION_NOUNS:  # "Freedonia's government"
                    out += [self.part("place", x) for x in self.named_inside(h) if x.label in entity_types.PLACE_TYPES]
                continue
            if h.pos_ == "PRON" or (want_law and h.lemma_.lower() in L.LAW_ANAPHORS and not self.named_inside(h)):
                res = self.resolve_pronoun(h, want_law)
                if res:
                    out += [self.part(role, r) for r in res]
                    continue
            inst = self._institution(h)
            if inst is not None:  # the office acts; its state is kept as where it sits
                out.append(self.span_part(role, *inst))
                out += [self.part("place", c) for c in self.named_inside(h)]
                continue
            client = self._client_of(h)
            if client is not None:
                out.append(self.part(role, client))
                continue
            appos = next((a for a in h.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if appos is not None and self.cand_at(appos) is None:  # "the writer X" with X unrecognized
                out.append(self.span_part(role, *self.np_span(appos)))
                continue
            inside = self.named_inside(h)
            if inside:
                out += [self.part(role, r) for r in inside]
                continue
            s, e = self.np_span(h)
            out.append(self.span_part(role, s, e))
        return out
