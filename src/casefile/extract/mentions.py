"""Who a word refers to: names, pronouns, titles and role nouns, resolved to LocalEntity keys.

One resolver per document, shared by the quote and event extractors. Build it with
``resolver(parsed, entities)``: it is made once and kept in ``parsed.cache``, so the
speakers the quote extractor notes are there when the event extractor asks.

    res = resolver(parsed, entities)
    res.refer(tok)               # any token: a name -> its entity, "he" -> its antecedent,
                                 # "the senator" -> the one senator named before; None if nothing
    res.antecedent("she", pos)   # the person a pronoun at document offset pos stands for
    res.entity_key((start, end)) # the LocalEntity whose mention covers a head word
    res.gender(referent)         # "m", "f" or None, from titles, role nouns and pronoun use
    res.note(pos, referent)      # a speaker at pos: later he/she/they prefer it

Every offset is a document offset. Tokens may come from a paragraph's own parse: pass
that paragraph's offset in the document as ``base``.

Why speakers first: news writing keeps "he"/"she" on whoever is talking, so a pronoun
looks at the latest speaker of its gender, then at main-clause subjects (the discourse
topics), then at any name before it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..concepts import person_names
from ..models import LocalEntity
from .lexicon import mentions as mw
from .mentions_np import Referent, is_main_subject, phrase, strip_possessive, whole_phrase
from . import first_names
from .mentions_rank import Candidate, Context, best
from .quotes_text import mark_spans, paragraphs

__all__ = ["Mentions", "Referent", "resolver"]

CACHE_KEY = "mentions.resolver"


def resolver(parsed, entities: list[LocalEntity], segments: list[tuple[object, int]] | None = None) -> "Mentions":
    """The document's resolver, made on first use. ``segments`` are (parse, offset) pairs
    covering the text; by default the document's own parse."""
    found = parsed.cache.get(CACHE_KEY)
    if found is None:
        if segments is None:
            segments = [(parsed.doc, 0)] if parsed.doc is not None else []
        found = Mentions(parsed.document.text, entities, segments)
        parsed.cache[CACHE_KEY] = found
    return found


def _kind_fits(ref: Referent, p: str) -> bool:
    """Whether pronoun p may stand for the kind of thing ref is (gender aside)."""
    if p in mw.PERSON_PRONOUNS:
        return ref.kind in ("person", "name")
    if p in mw.THING_PRONOUNS:
        return ref.kind in ("org", "doc", "name")
    if p in mw.PLURAL_PRONOUNS:
        return ref.kind in ("group", "org")
    return False


class Mentions:
    """The mentions of one document, in text order, and the speakers noted so far."""

    def __init__(self, text: str, entities: list[LocalEntity], segments: list[tuple[object, int]]):
        self.text = text
        self.entities = entities
        self._types = {e.key: e.type for e in entities}
        self._genders: dict[str, str] = {}
        self.speakers: list[tuple[int, Referent]] = []
        paras = paragraphs(text)
        self._para_starts = [s for s, _ in paras]
        self._sent_starts = sorted(base + s.start_char for doc, base in segments
                                   if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") for s in doc.sents)
        self.quoted = [(s.start, s.end) for s in mark_spans(text, paras)]
        # every mention (start, end, rank in entity order, entity key), by start: entity_key's index
        self._spans = sorted((m.start, m.end, rank, e.key)
                             for rank, (e, m) in enumerate((e, m) for e in entities for m in e.mentions))
        self._span_starts = [s[0] for s in self._spans]
        self._longest = max((e - s for s, e, _, _ in self._spans), default=0)
        self._introduced: list[tuple[int, str]] = []     # "a woman": (offset, noun) of someone new
        self._roles: list[tuple[Referent, str]] = []     # "the senator" as a main subject, and its noun
        self.pool = self._collect(segments)
        self._learn_genders()
        self._titles = self._learn_titles(segments)
        self._title_words = set().union(*self._titles.values()) if self._titles else set()
        # a he/she later may stand for "the senator": a candidate only as the senator's own entity
        for ref, noun in self._roles:
            ref.key = self.described(noun, ref.start) or self.epithet(noun, ref.start, ref.gender)

    def inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    # --- what a span is ---------------------------------------------------------------
    def entity_key(self, head: tuple[int, int]) -> str | None:
        """The entity with a mention over the head word ("Ministry", not the country before it)."""
        start, end = head
        best, best_overlap, best_rank = None, 0, 0
        # only a mention starting less than the longest mention's length before the head can reach it
        lo = bisect_left(self._span_starts, start - self._longest)
        for m_start, m_end, rank, key in self._spans[lo:bisect_left(self._span_starts, end)]:
            overlap = min(end, m_end) - max(start, m_start)
            # the most overlap; on a tie, the entity (and mention) listed first
            if overlap > best_overlap or overlap == best_overlap > 0 and rank < best_rank:
                best, best_overlap, best_rank = key, overlap, rank
        return best

    def typed(self, ref: Referent) -> Referent:
        """ref with its entity key, the entity extractor's type trusted over the parser's guess."""
        ref.key = self.entity_key(ref.head_span())
        etype = self._types.get(ref.key) if ref.key else None
        if etype == mw.PERSON_LABEL and ref.kind in ("name", "org", "other"):
            ref.kind = "person"
        elif etype == "ORG" and (ref.kind == "other" or ref.kind == "name" and not _personal_name(ref.text)):
            ref.kind = "org"
        return ref

    def gender(self, ref: Referent) -> str | None:
        return (self._genders.get(ref.key) if ref.key else None) or ref.gender

    def refer(self, tok, base: int = 0, recent: bool = False) -> Referent | None:
        """Who the phrase headed by tok stands for; None for a first-person pronoun, or a
        third-person one with no antecedent (``recent``: see ``antecedent``)."""
        low = tok.lower_
        if low in mw.FIRST_PERSON:
            return None
        ref = self.typed(phrase(tok, base))
        if ref.kind == "pronoun":
            return self.antecedent(low, base + tok.idx, recent)
        if ref.key is None and ref.kind in ("person", "org", "group") and tok.pos_ == "NOUN":
            key = self.described(tok.lemma_.lower(), ref.start, definite=_is_definite(tok))
            person = key is not None and self._types.get(key) == mw.PERSON_LABEL
            if person and ref.kind == "group":
                key = None      # "the senator's advisers" are not the senator
            if key is None and ref.kind == "person" and _is_definite(tok, possessive=False):
                key = self.epithet(tok.lemma_.lower(), ref.start, ref.gender)
                person = key is not None
            ref.key = key
            if person and key is not None:
                ref.kind = "person"
        return ref

    def epithet(self, noun: str, pos: int, gender: str | None) -> str | None:
        """'The candidate said ...' where nobody is titled so: the person the text is about, the
        one named most often so far among those named shortly before pos (known to be a woman for
        "the actress").
        None when someone new came in with that noun ("a woman ... the woman said")."""
        lo = pos - mw.EPITHET_WINDOW
        if noun not in mw.EPITHET_NOUNS or any(lo <= at < pos and n == noun for at, n in self._introduced):
            return None
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for r in self.pool:
            if r.start >= pos:
                break
            if r.key and self._types.get(r.key) == mw.PERSON_LABEL and gender in (None, self.gender(r)):
                counts[r.key] = counts.get(r.key, 0) + 1
                last[r.key] = r.start
        near = [k for k, at in last.items() if at >= lo]
        return max(near, key=lambda k: (counts[k], last[k]), default=None)

    def described(self, noun: str, pos: int, definite: bool = True) -> str | None:
        """The entity a role noun at pos points back to: "the senator" -> the person last named
        with that title before pos; "police" -> the organization named with that word. None
        when nobody fits."""
        people = noun in mw.PERSON_NOUNS or (noun not in mw.ORG_NOUNS and noun in self._title_words)
        if people and not definite:
            return None         # "a senator" is someone new
        best, best_at = None, -1
        for e in self.entities:
            if people and e.type == mw.PERSON_LABEL:
                fits = noun in self._titles.get(e.key, ())
            elif not people and e.type == "ORG":
                fits = noun in {w.lower() for w in e.name.split()}
            else:
                fits = False
            at = max((m.start for m in e.mentions if m.start < pos), default=-1) if fits else -1
            if at > best_at:
                best, best_at = e.key, at
        return best

    # --- pronouns ------------------------------------------------------------------------
    def note(self, pos: int, ref: Referent) -> None:
        """A speaker at pos: "he said" later in the text most likely means them."""
        self.speakers.append((pos, ref))

    def candidates(self, pronoun: str, pos: int) -> list[Candidate]:
        """Who a pronoun at pos may stand for: each entity (or unnamed phrase) mentioned or
        speaking before it, nearest first, of a kind the pronoun fits."""
        p = pronoun.lower()
        by_id: dict[str, Candidate] = {}
        introduced: dict[int, tuple[int, Referent]] = {}    # each candidate's latest named subject phrase
        entries = [(r.start, r, False) for r in self.pool] + [(at, r, True) for at, r in self.speakers]
        speaking = {r.head_span() for _, r in self.speakers}   # a subject that speaks counts as a speaker only
        for at, ref, speaker in entries:
            if at > pos or pos - at > mw.ANTECEDENT_WINDOW or not _kind_fits(ref, p) or self._clashes(ref, p):
                continue
            if not speaker and ref.subject and ref.head_span() in speaking:
                ref = Referent(ref.text, ref.start, ref.end, ref.kind, ref.gender, ref.head, False, ref.key)
            c = by_id.setdefault(ref.key or ref.text.lower(), Candidate(ref, at))
            c.count += 1
            c.last = max(c.last, at)
            if speaker and (c.last_speaker is None or at >= c.last_speaker):
                c.last_speaker, c.ref = at, ref          # the phrase that introduced them as a speaker
            elif not speaker and ref.subject and (c.last_subject is None or at > c.last_subject):
                c.last_subject = at
            if c.last_speaker is None and at >= c.ref.start:
                c.ref = ref
            if not speaker and ref.phrase is not None and ref.phrase[0] != ref.text \
                    and at > introduced.get(id(c), (-1, None))[0]:
                introduced[id(c)] = (at, ref)
        for c in by_id.values():
            # named again as a subject, in a fuller phrase, after they last spoke ("Jo Lind, a nurse,
            # stayed on. "...," she said"): that phrase now introduces them
            at, ref = introduced.get(id(c), (-1, None))
            if ref is not None and c.last_speaker is not None and at > c.last_speaker:
                c.ref = ref
        return sorted(by_id.values(), key=lambda c: -c.last)[:mw.ANTECEDENT_MAX_CANDIDATES]

    def _clashes(self, ref: Referent, p: str) -> bool:
        """A he/she for someone known to be of the other gender."""
        g = self.gender(ref)
        return p in mw.PERSON_PRONOUNS and g is not None and g != mw.PERSON_PRONOUNS[p]

    def context(self, pronoun: str, pos: int) -> Context:
        return Context(pronoun, pos, lambda at: bisect_right(self._para_starts, at),
                       lambda at: bisect_right(self._sent_starts, at), self.gender)

    def antecedent(self, pronoun: str, pos: int, recent: bool = False) -> Referent | None:
        """What a pronoun at pos stands for. For he/she, the candidate the ranker scores
        highest (the latest speaker of a fitting gender, most often; a new main-clause subject
        can take over); a he/she resolved to someone of unknown gender teaches it. For it/they,
        the latest organization or group that spoke or was a subject, else the latest named.
        ``recent`` (events): for he/she, the person named last comes first, else the first named
        just after (what happened to someone is told right after naming them; who said what is not:
        "according to his lawyer, officers beat him" means the one named before)."""
        p = pronoun.lower()
        if recent and p in mw.PERSON_PRONOUNS:
            named = self._named_near(p, pos)
            if named is not None:
                return named
        cands = self.candidates(p, pos)
        if p in mw.PERSON_PRONOUNS:
            found = best(cands, self.context(p, pos))
        else:   # "it"/"they": the latest organization or group that spoke or was a subject, else named
            topics = [c for c in cands if c.last_speaker is not None or c.last_subject is not None]
            found = max(topics, key=lambda c: max(c.last_speaker or -1, c.last_subject or -1)) if topics \
                else (cands or [None])[0]
        if found is None:
            return None
        if p in mw.PERSON_PRONOUNS and self.gender(found.ref) is None:
            self.learn(found.ref, mw.PERSON_PRONOUNS[p])       # "she" once, "she" after
        return found.ref

    def _named_near(self, p: str, pos: int) -> Referent | None:
        """The person named last before pos (within RECENT_NAME_WINDOW) whom the pronoun can mean,
        else the first named within CATAPHORA_CHARS after it ("fear he has died ... X was taken")."""
        named = [r for r in self.pool if r.kind in ("person", "name") and _kind_fits(r, p) and not self._clashes(r, p)]
        before = [r for r in named if r.start <= pos and pos - r.start <= mw.RECENT_NAME_WINDOW]
        if before:
            return max(before, key=lambda r: r.start)
        after = [r for r in named if pos < r.start <= pos + mw.CATAPHORA_CHARS]
        return min(after, key=lambda r: r.start) if after else None

    def learn(self, ref: Referent, gender: str) -> None:
        """Record ref's gender (for its entity, when it has one)."""
        if ref.key:
            self._genders.setdefault(ref.key, gender)
        if ref.gender is None:
            ref.gender = gender

    def learn_from_clause(self, ref: Referent, verb) -> None:
        """'Hoa said she ...': a he/she opening the clause a verb governs is usually its subject.
        Kept on this mention only: "X said he ..." is too often about someone else to hold
        for every mention of X."""
        if self.gender(ref) is not None or ref.kind not in ("person", "name"):
            return
        for clause in (c for c in verb.children if c.dep_ in mw.CLAUSE_DEPS):
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in mw.PERSON_PRONOUNS:
                ref.gender = mw.PERSON_PRONOUNS[subj.lower_]

    # --- building --------------------------------------------------------------------------
    def _collect(self, segments) -> list[Referent]:
        """Names, main-clause subjects and documents outside quotations, in text order."""
        refs: list[Referent] = []
        for e in self.entities:
            kind = "person" if e.type == mw.PERSON_LABEL else "org" if e.type == "ORG" else ""
            if kind == "org" and _personal_name(e.name):
                kind = "name"       # the tagger often takes unfamiliar personal names for organizations
            refs.extend(Referent(m.text, m.start, m.end, kind, key=e.key) for m in e.mentions if kind)
        for doc, base in segments:
            for ent in doc.ents:
                kind = {"PERSON": "person", "ORG": "org"}.get(ent.label_)
                if kind:
                    text, end = strip_possessive(ent.text, ent.end_char)
                    refs.append(self.typed(Referent(text, base + ent.start_char, base + end, kind)))
            if not doc.has_annotation("DEP"):
                continue
            for tok in doc:
                if tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                lemma = tok.lemma_.lower()
                is_doc = tok.pos_ == "NOUN" and lemma in mw.DOCUMENT_NOUNS
                if tok.pos_ == "NOUN" and lemma in mw.EPITHET_NOUNS and _is_indefinite(tok):
                    self._introduced.append((base + tok.idx, lemma))
                main = is_main_subject(tok)
                if main or (is_doc and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
                    ref = self.typed(phrase(tok, base))
                    if ref.kind in ("person", "org", "doc", "group", "name"):
                        ref.subject = main
                        if ref.key is None and ref.kind == "person" and tok.pos_ == "NOUN" \
                                and _is_definite(tok, possessive=False):
                            self._roles.append((ref, lemma))
                        if main and ref.key is not None:
                            ref.phrase = whole_phrase(tok, base, stop={tok.head.i})
                        refs.append(ref)
        refs = [r for r in refs if not self.inside_quote(r.start)]
        return sorted(refs, key=lambda r: r.start)

    def _learn_genders(self) -> None:
        """Each person's gender from the words in and right before their names ("Mrs.",
        "spokeswoman", a Slavic ending). Not from he/she near a name: "X said he ..." is as often about someone else."""
        for e in self.entities:
            if e.type != mw.PERSON_LABEL and not _personal_name(e.name):
                continue
            words = {w.lower() for n in [e.name, *e.aliases, *(m.text for m in e.mentions)] for w in n.split()}
            words |= {w.lower() for d in e.descriptors for w in d.text.split()}
            # the word right before a mention: "Ms. X", "spokeswoman X" (not further: "the son of X")
            words |= {self.text[max(0, m.start - 20):m.start].split()[-1:][0].lower()
                      for m in e.mentions if self.text[max(0, m.start - 20):m.start].split()}
            last = [w for n in [e.name, *e.aliases] for w in n.lower().split()[1:]]
            male = bool(words & mw.MALE_CUES) or any(w.endswith(mw.MALE_NAME_ENDINGS) for w in last)
            female = bool(words & mw.FEMALE_CUES) or any(w.endswith(mw.FEMALE_NAME_ENDINGS) for w in last)
            if male != female:
                self._genders[e.key] = "m" if male else "f"
            elif not (male or female):
                found = first_names.gender_of(e.name)
                if found is not None:
                    self._genders[e.key] = found

    def _learn_titles(self, segments) -> dict[str, set[str]]:
        """Each person's titles and role nouns: from their descriptors and aliases, and the few
        words written before each mention ("Democratic Sen. X" -> senator)."""
        out: dict[str, set[str]] = {}
        for e in self.entities:
            if e.type != mw.PERSON_LABEL:
                continue
            words = {_title_word(w) for n in [*e.aliases, *(d.text for d in e.descriptors)] for w in n.split()}
            for m in e.mentions:
                before = self.text[max(0, m.start - 40):m.start].split()[-mw.TITLE_LOOKBACK_TOKENS:]
                words |= {w for w in map(_title_word, before) if w in mw.PERSON_NOUNS or w in _TITLES}
            out[e.key] = {w for w in words if w[:1].isalpha()}
        return out


_TITLES = frozenset(person_names.TITLE_WORD_FOR_ABBREVIATION.values())


def _title_word(word: str) -> str:
    w = word.lower().strip(".,;:'\u2019")
    return person_names.TITLE_WORD_FOR_ABBREVIATION.get(w, w)


def _personal_name(name: str) -> bool:
    """Two to a few capitalized words, none of them an organization's ("Rights", "Party")."""
    words = name.split()
    return 2 <= len(words) <= mw.NAME_MAX_WORDS and all(
        w[:1].isupper() and not w.isupper() and w.lower() not in mw.ORG_NAME_WORDS and w.lower() not in mw.ORG_NOUNS
        for w in words)


def _is_definite(tok, possessive: bool = True) -> bool:
    """"the senator" (and, ``possessive``, "its"/"their" senator); without ``possessive`` only a
    determiner points back at the person the text is about: "their candidate" is someone else."""
    if possessive:
        return any(c.dep_ in ("det", "poss") and c.lower_ in mw.DEFINITE_DETS | {"its", "their"} for c in tok.children)
    return any(c.dep_ == "det" and c.lower_ in mw.DEFINITE_DETS for c in tok.children)


def _is_indefinite(tok) -> bool:
    return any(c.dep_ in ("det", "nummod") and c.lower_ in mw.INDEFINITE_DETS for c in tok.children)
