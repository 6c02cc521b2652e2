"""Who says it: the subject of a reporting verb, as a noun phrase, a name or a resolved pronoun.

Tokens come from per-paragraph parses; ``base`` is the paragraph's offset in the
document text, so every span here is a document offset.
"""
from __future__ import annotations

from spacy.tokens import Span

from dataclasses import dataclass

from ..models import LocalEntity, Speaker
from .lexicon import quotes as lx


@dataclass
class Ref:
    """A speaker as written somewhere in the text, with what a pronoun may match."""

    text: str
    start: int
    end: int
    kind: str                   # person | org | doc | group | name | other | pronoun
    gender: str | None = None
    head: tuple[int, int] | None = None   # the phrase's head word, which an entity must cover
    subject: bool = False                 # the subject of a main clause (a discourse topic)

    def head_span(self) -> tuple[int, int]:
        return self.head or (self.start, self.end)


def _according_object(cue):
    for prep in cue.children:
        if prep.lower_ == lx.ACCORDING_PREP:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _quoted_person(verb):
    """'X quoted Y as saying' / 'Y was quoted as saying': Y speaks, not X."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _inverted_subject(cue):
    """'..., said Dr Lee commenting on it': a name right after the cue, parsed into the next clause."""
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    for child in cue.rights:
        if child.dep_ not in lx.INVERTED_CLAUSE_DEPS:
            continue
        cand = child if child.dep_ == "dobj" else next((c for c in child.children if c.dep_ in lx.SUBJECT_DEPS), None)
        if cand is not None and cand.left_edge.i == cue.i + 1 and cand.pos_ in ("PROPN", "NOUN"):
            return cand
    return None


def _participle_speaker(noun):
    """'The ministry issued a statement saying ...': the statement's author, else the statement."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        subj = next((c for c in verb.children if c.dep_ in lx.SUBJECT_DEPS), None)
        if subj is not None:
            return subj
    return noun if noun.lemma_.lower() in lx.DOCUMENT_NOUNS else None


def subject_of(cue, depth: int = 3, borrowed: bool = False):
    """The token naming who speaks through cue, climbing through "..., adding that" chains."""
    if cue.lower_ in lx.ACCORDING_HEADS:
        return _according_object(cue)
    if cue.lemma_.lower() in lx.QUOTING_VERBS:
        quoted = _quoted_person(cue)
        if quoted is not None:
            return quoted
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is not None:       # "was described by observers as ..."
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    for child in cue.children:
        # A borrowed subject may be passive: "was arrested after posting ..." -> who posted.
        if child.dep_ in lx.SUBJECT_DEPS or (borrowed and child.dep_ == "nsubjpass"):
            if child.lower_ in lx.RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return cue.head
            return child
    if cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return _participle_speaker(cue.head)
    if depth and cue.dep_ in lx.BORROW_SUBJECT_DEPS and cue.head.i != cue.i:
        found = subject_of(cue.head, depth - 1, True)
        if found is not None:
            return found
    return _inverted_subject(cue)


def _ent_of(tok):
    """The entity span a token is in, found by walking its IOB tags (``doc.ents`` rebuilds
    every span on each access, which made this quadratic in document length)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if not doc[start].ent_type_:
        return None
    return Span(doc, start, end, label=doc[start].ent_type_)


def _np_bounds(head) -> tuple[int, int]:
    """Token range of head's noun phrase, stopping at commas, relative clauses and appositions."""
    lo = head.i
    for child in head.lefts:
        if child.dep_ in lx.NP_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    hi = head.i
    for child in head.rights:
        if child.dep_ in lx.NP_STOP_DEPS:
            break
        if (child.dep_ == "prep" and child.lower_ in lx.NP_RIGHT_PREPS) or child.dep_ in lx.NP_LEFT_DEPS:
            hi = child.right_edge.i
            clause = next((t for t in child.subtree if t.dep_ in lx.NP_CLAUSE_DEPS), None)
            if clause is not None:  # "the family of an organizer who was detained ..." stops there
                hi = min(hi, clause.left_edge.i - 1)
                break
    doc = head.doc
    for i in range(head.i + 1, hi + 1):     # a comma inside ends the phrase
        if doc[i].text in lx.NP_BREAKS and doc[i].dep_ != "case":   # "drivers' union" goes on
            hi = i - 1
            break
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    return lo, hi


def _proper_run_start(head) -> int:
    """First token of the run of proper nouns that ends at head ("O' Leary" included)."""
    doc, lo = head.doc, head.i
    while lo > 0:
        prev = doc[lo - 1]
        joiner = prev.text in lx.NAME_JOINERS and lo > 1 and doc[lo - 2].pos_ == "PROPN"
        if not (prev.pos_ == "PROPN" or joiner):
            break
        lo -= 1
    return lo


def _name_start(doc, lo: int) -> int:
    """Extend a name leftwards over a capitalized word the tagger mistook ("Nguyễn" as UH)."""
    while lo > 0 and doc[lo - 1].is_alpha and doc[lo - 1].text[0].isupper() \
            and (doc[lo - 1].pos_ in lx.MISTAGGED_NAME_POS or not doc[lo - 1].text.isascii()) \
            and doc[lo - 1].pos_ not in ("VERB", "AUX", "DET", "ADP", "PRON", "SCONJ", "CCONJ"):
        lo -= 1
    return lo


def _strip_possessive(text: str, end: int) -> tuple[str, int]:
    m = lx.POSSESSIVE_RE.search(text)
    if m and len(text) > len(m.group()):
        return text[: m.start()], end - len(m.group())
    return text, end


def _looks_like_personal_name(ent) -> bool:
    words = [t for t in ent if not t.is_punct]
    return 0 < len(words) <= lx.NAME_MAX_WORDS and all(
        t.pos_ == "PROPN" and t.is_title and not t.is_upper and t.lower_ not in lx.ORG_NAME_WORDS
        and t.lemma_.lower() not in lx.ORG_NOUNS for t in words)


def _kind(head, ent) -> tuple[str, str | None]:
    lemma = head.lemma_.lower()
    if ent is not None and ent.label_ == lx.PERSON_LABEL:
        return "person", None
    if head.lower_ in lx.PERSON_PRONOUNS or head.lower_ in lx.THING_PRONOUNS or head.lower_ in lx.PLURAL_PRONOUNS:
        return "pronoun", None
    if lemma in lx.DOCUMENT_NOUNS:
        return "doc", None
    plural = head.tag_ in ("NNS", "NNPS")
    if lemma in lx.PERSON_NOUNS or head.lower_ in lx.PERSON_NOUNS:
        gender = "f" if lemma in lx.FEMALE_NOUNS else "m" if lemma in lx.MALE_NOUNS else None
        return ("group" if plural else "person"), gender
    if ent is not None and ent.label_ in lx.ORG_LABELS and _looks_like_personal_name(ent):
        return "name", None     # the tagger often takes unfamiliar personal names for places
    if ent is not None and ent.label_ in lx.ORG_LABELS:
        return ("group" if plural and ent.label_ == "NORP" else "org"), None
    if lemma in lx.ORG_NOUNS:
        return ("group" if plural else "org"), None
    if plural:
        return "group", None
    if head.pos_ == "PROPN":
        return "name", None
    return "other", None


def _appositive_name(head):
    """'The group's director, Jane Roe, said' / 'CEO and co-founder Jane Roe said': the name
    given with a role noun."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        ent = _ent_of(child)
        if ent is not None and ent.label_ == lx.PERSON_LABEL:
            return child
        if child.pos_ == "PROPN" and head.lemma_.lower() in lx.PERSON_NOUNS:
            return child
    if head.lemma_.lower() not in lx.PERSON_NOUNS:
        return None
    for tok in head.subtree:
        ent = _ent_of(tok)
        if ent is not None and ent.label_ == lx.PERSON_LABEL and _plain_path(tok, head):
            return tok
    return None


def _plain_path(tok, head) -> bool:
    """tok hangs on head through name-building links only (no clause or preposition)."""
    while tok.i != head.i:
        if tok.dep_ not in lx.NAME_LINK_DEPS:
            return False
        tok = tok.head
    return True


def _possessor(head):
    """The named owner of a thing that speaks for it ("the ministry's statement")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON":
        return None
    lemma = owner.lemma_.lower()
    if owner.pos_ == "PROPN" or lemma in lx.ORG_NOUNS or lemma in lx.PERSON_NOUNS:
        return owner
    return None


def ref_for(head, base: int) -> Ref:
    """The speaker phrase headed by token head: a person's name when one is there."""
    ent = _ent_of(head)
    if ent is None or ent.label_ != lx.PERSON_LABEL:
        named = _appositive_name(head)
        if named is not None:
            head, ent = named, _ent_of(named)
    kind, gender = _kind(head, ent)
    owner = _possessor(head) if kind in ("other", "doc") else None
    if owner is not None:       # "the group's monitoring" -> the group
        return ref_for(owner, base)
    doc = head.doc
    if ent is not None and ent.label_ == lx.PERSON_LABEL:
        lo, hi = ent.start, ent.end - 1
    else:
        lo, hi = _np_bounds(head)
    if kind == "name":          # "rights network director Le Van Tam" -> the name itself
        lo = max(lo, _proper_run_start(head))
    if head.pos_ == "PROPN":
        lo = _name_start(doc, lo)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    text, end = _strip_possessive(doc[lo:hi + 1].text, end)   # not doc.text: it rebuilds the whole text
    head_at = (base + head.idx, base + head.idx + len(head.text))
    return Ref(text, base + start, base + end, kind, gender, head_at)


def compatible(ref: Ref, pronoun: str) -> bool:
    p = pronoun.lower()
    if p in lx.PERSON_PRONOUNS:
        want = lx.PERSON_PRONOUNS[p]
        return ref.kind in ("person", "name") and ref.gender in (None, want)
    if p in lx.THING_PRONOUNS:
        return ref.kind in ("org", "doc", "name")
    if p in lx.PLURAL_PRONOUNS:
        return ref.kind in ("group", "org")
    return False


def _latest(cands: list[tuple[int, Ref]], pronoun: str, pos: int, window: int | None) -> Ref | None:
    ok = [(at, ref) for at, ref in cands
          if at <= pos and (window is None or pos - at <= window) and compatible(ref, pronoun)]
    return max(ok, key=lambda x: x[0])[1] if ok else None


def resolve(pronoun: str, pos: int, history: list[tuple[int, Ref]], fallback: list[Ref]) -> Ref | None:
    """What a pronoun stands for. "he"/"she" stick to the latest speaker (news writing keeps
    them on whoever is talking); "it"/"they" take the latest speaker or main-clause subject."""
    subjects = [(r.start, r) for r in fallback if r.subject]
    window = lx.PRONOUN_SPEAKER_WINDOW
    if pronoun.lower() in lx.PERSON_PRONOUNS:
        best = _latest(history, pronoun, pos, window) or _latest(subjects, pronoun, pos, window)
    else:
        best = _latest(history + subjects, pronoun, pos, window)
    if best is None:
        best = _latest([(r.start, r) for r in fallback], pronoun, pos, None)
    if best is not None and best.gender is None and pronoun.lower() in lx.PERSON_PRONOUNS:
        best.gender = lx.PERSON_PRONOUNS[pronoun.lower()]   # "she" once, "she" after
    return best


def _is_main_subject(tok) -> bool:
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def fallback_mentions(docs: list, bases: list[int], entities: list[LocalEntity],
                      quoted: list[tuple[int, int]]) -> list[Ref]:
    """Names, main-clause subjects and documents outside quotations, for pronouns."""
    refs: list[Ref] = []
    for e in entities:
        kind = "person" if e.type == lx.PERSON_LABEL else "org" if e.type == "ORG" else ""
        refs.extend(Ref(m.text, m.start, m.end, kind) for m in e.mentions if kind)
    for doc, base in zip(docs, bases):
        for ent in doc.ents:
            kind = {"PERSON": "person", "ORG": "org"}.get(ent.label_)
            if kind:
                text, end = _strip_possessive(ent.text, ent.end_char)
                refs.append(Ref(text, base + ent.start_char, base + end, kind))
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            is_doc = tok.pos_ == "NOUN" and tok.lemma_.lower() in lx.DOCUMENT_NOUNS
            main = _is_main_subject(tok)
            if main or (is_doc and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
                ref = ref_for(tok, base)
                if ref.kind in ("person", "org", "doc", "group", "name"):
                    ref.subject = main
                    refs.append(ref)
    return [r for r in refs if not any(s <= r.start < e for s, e in quoted)]


def learn_gender(ref: Ref, cue) -> None:
    """'Hoa said she ...': a he/she opening the reported clause is usually the speaker."""
    if ref.gender is not None or ref.kind not in ("person", "name"):
        return
    for clause in (c for c in cue.children if c.dep_ in lx.CLAUSE_DEPS):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in lx.PERSON_PRONOUNS:
            ref.gender = lx.PERSON_PRONOUNS[subj.lower_]


def refine_kind(ref: Ref, entities: list[LocalEntity]) -> Ref:
    """Trust the entity extractor's type over the parser's guess for a named speaker."""
    key = entity_key(ref.head_span(), entities)
    etype = next((e.type for e in entities if e.key == key), None) if key else None
    if etype == lx.PERSON_LABEL and ref.kind in ("name", "org", "other"):
        ref.kind = "person"
    elif etype == "ORG" and ref.kind in ("name", "other"):
        ref.kind = "org"
    return ref


def entity_key(head: tuple[int, int], entities: list[LocalEntity]) -> str | None:
    """The entity with a mention over the speaker's head word ("Ministry", not the country before it)."""
    start, end = head
    best, best_overlap = None, 0
    for e in entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e.key, overlap
    return best


def to_speaker(ref: Ref, entities: list[LocalEntity]) -> Speaker:
    return Speaker(text=ref.text, entity=entity_key(ref.head_span(), entities), start=ref.start, end=ref.end)
