"""The phrase a head token stands for: its bounds, the name inside it, and what kind of
thing it names (person, organization, group, document, pronoun).

Tokens may come from a paragraph's own parse; ``base`` is that text's offset in the
document, so every offset returned here is a document offset.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from ..concepts import person_names
from .lexicon import mentions as mw


@dataclass
class Referent:
    """Someone or something as written at one place in the text.

    ``kind``: person | org | doc | group | name | other | pronoun. ``key`` is the
    LocalEntity it is, when one covers its head word; ``gender`` is "m", "f" or None.
    """

    text: str
    start: int
    end: int
    kind: str
    gender: str | None = None
    head: tuple[int, int] | None = None   # the phrase's head word, which an entity must cover
    subject: bool = False                 # the subject of a main clause (a discourse topic)
    key: str | None = None
    # a named subject's whole phrase as the text introduces them ("Jo Lind, a nurse"), with offsets
    phrase: tuple[str, int, int] | None = None

    def head_span(self) -> tuple[int, int]:
        return self.head or (self.start, self.end)


def entity_span(tok):
    """The spaCy entity span a token is in, found by walking its IOB tags (``doc.ents``
    rebuilds every span on each access, which made lookups quadratic in document length)."""
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
        if child.dep_ in mw.NP_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    hi = head.i
    for child in head.rights:
        if child.dep_ in mw.NP_STOP_DEPS:
            break
        if (child.dep_ == "prep" and child.lower_ in mw.NP_RIGHT_PREPS) or child.dep_ in mw.NP_LEFT_DEPS:
            hi = child.right_edge.i
            clause = next((t for t in child.subtree if t.dep_ in mw.NP_CLAUSE_DEPS), None)
            if clause is not None:  # "the family of an organizer who was detained ..." stops there
                hi = min(hi, clause.left_edge.i - 1)
                break
    doc = head.doc
    for i in range(head.i + 1, hi + 1):     # a comma inside ends the phrase
        if doc[i].text in mw.NP_BREAKS and doc[i].dep_ != "case":   # "drivers' union" goes on
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
        joiner = prev.text in mw.NAME_JOINERS and lo > 1 and doc[lo - 2].pos_ == "PROPN"
        if not (prev.pos_ == "PROPN" or joiner):
            break
        lo -= 1
    return lo


def _name_start(doc, lo: int) -> int:
    """Extend a name leftwards over a capitalized word the tagger mistook ("Nguyễn" as UH)."""
    while lo > 0 and doc[lo - 1].is_alpha and doc[lo - 1].text[0].isupper() \
            and (doc[lo - 1].pos_ in mw.MISTAGGED_NAME_POS or not doc[lo - 1].text.isascii()) \
            and doc[lo - 1].pos_ not in ("VERB", "AUX", "DET", "ADP", "PRON", "SCONJ", "CCONJ"):
        lo -= 1
    return lo


def strip_possessive(text: str, end: int) -> tuple[str, int]:
    m = mw.POSSESSIVE_RE.search(text)
    if m and len(text) > len(m.group()):
        return text[: m.start()], end - len(m.group())
    return text, end


def _looks_like_personal_name(ent) -> bool:
    words = [t for t in ent if not t.is_punct]
    return 0 < len(words) <= mw.NAME_MAX_WORDS and all(
        t.pos_ == "PROPN" and t.is_title and not t.is_upper and t.lower_ not in mw.ORG_NAME_WORDS
        and t.lemma_.lower() not in mw.ORG_NOUNS for t in words)


def kind_of(head, ent) -> tuple[str, str | None]:
    """What head names, and the gender its own word gives ("spokeswoman")."""
    lemma = head.lemma_.lower()
    if ent is not None and ent.label_ == mw.PERSON_LABEL:
        return "person", None
    low = head.lower_
    if low in mw.THIRD_PERSON_PRONOUNS:
        return "pronoun", None
    if lemma in mw.DOCUMENT_NOUNS:
        return "doc", None
    plural = head.tag_ in ("NNS", "NNPS")
    if lemma in mw.PERSON_NOUNS or low in mw.PERSON_NOUNS:
        gender = "f" if lemma in mw.FEMALE_NOUNS else "m" if lemma in mw.MALE_CUES else None
        return ("group" if plural else "person"), gender
    if ent is not None and ent.label_ in mw.ORG_LABELS and _looks_like_personal_name(ent):
        return "name", None     # the tagger often takes unfamiliar personal names for places
    if ent is not None and ent.label_ in mw.ORG_LABELS:
        return ("group" if plural and ent.label_ == "NORP" else "org"), None
    if lemma in mw.ORG_NOUNS:
        return ("group" if plural else "org"), None
    if plural:
        return "group", None
    if head.pos_ == "PROPN" and head.text[:1].isupper():     # "the business mogul": a noun the tagger took for a name
        return "name", None
    return "other", None


def _appositive_name(head):
    """'The group's director, Jane Roe, said' / 'CEO and co-founder Jane Roe said': the name
    given with a role noun."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        ent = entity_span(child)
        if ent is not None and ent.label_ == mw.PERSON_LABEL:
            return child
        if child.pos_ == "PROPN" and head.lemma_.lower() in mw.PERSON_NOUNS:
            return child
    if head.text.endswith(".") and head.lower_[:-1] in person_names.TITLE_WORD_FOR_ABBREVIATION:
        # "former Ohio Gov. and party chairman Ed Marlow": a title cut short names nobody by
        # itself; the name joined to it is the one person both describe
        named = next((c for c in head.children if c.dep_ == "conj" and c.ent_type_ == mw.PERSON_LABEL), None)
        if named is not None:
            return named
    if head.lemma_.lower() not in mw.PERSON_NOUNS:
        return None
    for tok in head.subtree:
        ent = entity_span(tok)
        if ent is not None and ent.label_ == mw.PERSON_LABEL and _plain_path(tok, head):
            return tok
    return None


def _plain_path(tok, head) -> bool:
    """tok hangs on head through name-building links only (no clause or preposition)."""
    while tok.i != head.i:
        if tok.dep_ not in mw.NAME_LINK_DEPS:
            return False
        tok = tok.head
    return True


def _possessor(head):
    """The named owner of a thing that speaks for it ("the ministry's statement")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON":
        return None
    lemma = owner.lemma_.lower()
    if owner.pos_ == "PROPN" or lemma in mw.ORG_NOUNS or lemma in mw.PERSON_NOUNS:
        return owner
    return None


def phrase(head, base: int) -> Referent:
    """The referent of the phrase headed by token head: a person's name when one is there
    ("the group's director, Jane Roe" -> Jane Roe), the owner of a thing that speaks for it."""
    ent = entity_span(head)
    if ent is None or ent.label_ != mw.PERSON_LABEL:
        named = _appositive_name(head)
        if named is not None:
            head, ent = named, entity_span(named)
    kind, gender = kind_of(head, ent)
    owner = _possessor(head) if kind in ("other", "doc") else None
    if owner is not None:       # "the group's monitoring" -> the group
        return phrase(owner, base)
    doc = head.doc
    if ent is not None and ent.label_ == mw.PERSON_LABEL:
        lo, hi = ent.start, ent.end - 1
    else:
        lo, hi = _np_bounds(head)
    if kind == "name":          # "rights network director Le Van Tam" -> the name itself
        lo = max(lo, _proper_run_start(head))
    if head.pos_ == "PROPN":
        lo = _name_start(doc, lo)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    text, end = strip_possessive(doc[lo:hi + 1].text, end)   # not doc.text: it rebuilds the whole text
    head_at = (base + head.idx, base + head.idx + len(head.text))
    return Referent(text, base + start, base + end, kind, gender, head_at)


def whole_phrase(tok, base: int, to_comma: bool = False, stop: set[int] = frozenset()) -> tuple[str, int, int]:
    """The whole phrase tok heads, as written: with its apposition and relative clause
    ("Jo Lind, 44, a nurse who lives nearby"), without punctuation at its edges. It ends
    before a dash or a quotation mark, before any token in ``stop``, and with ``to_comma``
    at the first comma or clause after the head ("the aide to the mayor", not "... who
    was detained")."""
    toks = list(tok.subtree)
    clauses = {x.i for t in toks if to_comma and t.dep_ in mw.NP_CLAUSE_DEPS and not _restricts(tok, t)
               for x in t.subtree}

    def ends(t) -> bool:
        return t.i in stop or t.i in clauses or t.text in mw.PHRASE_DASHES or (to_comma and t.text == ",") or (
            t.text in mw.QUOTE_MARKS and t.tag_ != "POS" and not _quoted_title(t))

    cut = next((k for k, t in enumerate(toks) if t.i > tok.i and ends(t)), len(toks))
    part = _set_off_part(tok, toks[cut]) if to_comma and cut < len(toks) else None
    if part is not None:        # "One hopeful, Jo Lind, said": the name is part of the phrase
        cut = next((k for k, t in enumerate(toks) if t.i > part.right_edge.i), len(toks))
    toks = toks[:cut]
    dash = max((k for k, t in enumerate(toks) if t.i < tok.i and t.text in mw.PHRASE_DASHES), default=-1)
    toks = toks[dash + 1:]      # "CITY — Sen. Jo Lind": a dateline before the dash is not the phrase
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space or toks[-1].tag_ == "POS"
                             or (toks[-1].pos_ in mw.DANGLING_POS and toks[-1].dep_ != "prt")) \
            and not _closes_bracket(toks):      # "to storm out" keeps its particle
        toks.pop()
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    # the tokens' own span, not doc.text: that rebuilds the whole text on every call (a third of
    # extraction's time on long real articles, where speakers' phrases are many)
    return tok.doc[toks[0].i:toks[-1].i + 1].text, base + start, base + end


def _set_off_part(head, comma):
    """What the comma that ends a described speaker's phrase sets off and still belongs to it:
    an apposition with no clause in it ("the director of the centre, Jo Lind,", "the paper, a
    weekly,"), the others named with them ("aides, donors and friends") or among them
    ("officials, including the mayor,"). Not a clause that describes them (", who ...")."""
    if comma.text != ",":
        return None
    part = next((c for c in head.children if c.left_edge.i == comma.i + 1 and (
        c.dep_ in mw.SET_OFF_DEPS or (c.dep_ == "prep" and c.lower_ in mw.SET_OFF_PREPS))), None)
    if part is None or any(t.dep_ in mw.NP_CLAUSE_DEPS for t in part.subtree if t is not part):
        return None
    return part


def _restricts(head, clause) -> bool:
    """A clause that says which of them the phrase means, written with no comma before it: a
    relative clause right after the head noun ("voters who backed her"), a participle after
    any noun of it ("the results of a poll conducted by ..."). A relative clause on a noun
    further in ("the family of a driver who was detained") or one set off by a comma only describes."""
    relative = clause.dep_ in mw.RESTRICTIVE_DEPS and clause.head.i == head.i
    if not (relative or clause.dep_ in mw.RESTRICTIVE_PARTICIPLE_DEPS) or clause.i <= head.i:
        return False
    return not any(t.text == "," for t in head.doc[head.i + 1:clause.left_edge.i])


def _quoted_title(mark) -> bool:
    """A quotation mark around a capitalized title inside a phrase ("host of "The Late Hour"").
    Any other quotation mark ends the phrase: the quote itself begins there."""
    doc = mark.doc
    if mark.i + 1 < len(doc) and doc[mark.i + 1].is_title:
        return True                                    # an opening mark before a title
    return mark.i > 0 and not doc[mark.i - 1].is_space and (
        doc[mark.i - 1].is_title or doc[mark.i - 1].text in (",", ".")) and any(
        t.text in mw.QUOTE_MARKS and doc[t.i + 1].is_title for t in doc[max(0, mark.i - 8):mark.i])


def _closes_bracket(toks) -> bool:
    """The last token closes a bracket opened inside the phrase ("Sen. Jo Lind (D-Ore.)")."""
    last = toks[-1].text
    return last in mw.CLOSING_BRACKETS and any(t.text == mw.CLOSING_BRACKETS[last] for t in toks[:-1])


def is_main_subject(tok) -> bool:
    verb = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
