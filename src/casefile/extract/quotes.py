"""Quotes: direct speech inside quotation marks and indirect (reported) speech, with speakers.

Each paragraph is parsed on its own (news text has one paragraph per line, and a
sentence never crosses one), quotation marks are read from the raw text, and a
quotation counts as speech only when a reporting structure attributes it; quoted
names and terms with no such structure are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import LocalEntity, Quote
from . import quotes_filter
from . import quotes_rules as rules
from .lexicon import mentions as mw
from .lexicon import quotes as lx
from .mentions import Mentions, Referent, resolver
from .quotes_indirect import is_cue, reported_clause
from .quotes_speaker import source_phrase, subject_of, to_speaker
from .quotes_text import MarkSpan, mark_spans, paragraphs

CACHE_KEY = "quotes.paragraph_docs"


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    ref: Referent | None
    cue: str | None
    sent: tuple[int, int]
    chain: int = 0
    para: int = 0


@dataclass
class _State:
    """What earlier paragraphs tell later ones: speakers so far, quotations in progress."""

    res: Mentions                # who a phrase stands for; holds the speakers so far
    para_starts: list[int]
    cue_at: dict[int, str] = field(default_factory=dict)       # speaker position -> cue as written
    chains: dict[int, _Found] = field(default_factory=dict)
    headings: list[tuple[MarkSpan, tuple[int, int]]] = field(default_factory=list)
    intro: tuple[int, Referent, str] | None = None   # a paragraph ending "X said:" (index, speaker, cue)


class _View:
    """One paragraph of a parse, read without copying it: its tokens (made once, since spaCy
    builds a new Token object on every access), sentences and entities. ``text`` is the text
    the tokens' offsets count in and ``base`` that text's offset in the document."""

    __slots__ = ("tokens", "text", "base", "sents", "ents", "lo", "hi", "_doc")

    def __init__(self, doc, tok_lo: int, tok_hi: int, text: str, base: int, lo: int, hi: int,
                 sents: list[tuple[int, int]], ents: list):
        self._doc = doc
        self.tokens = list(doc[tok_lo:tok_hi])
        self.text, self.base, self.lo, self.hi = text, base, lo, hi
        self.sents = sents          # (start_char, end_char) in ``text``
        self.ents = ents            # Span.ents would rebuild every entity of the document

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def has_annotation(self, attr: str) -> bool:
        return self._doc.has_annotation(attr)

    @property
    def segment(self) -> tuple:
        """The whole parse this view is part of, and that parse's offset in the document."""
        return self._doc, self.base

    @property
    def para_text(self) -> str:
        return self.text[self.lo:self.hi]


def _paragraph_docs(parsed, paras: list[tuple[int, int]]) -> list[_View]:
    """One view per paragraph, over the document's parse when no sentence crosses a line
    break, else over a fresh parse of each paragraph (newlines inside become spaces)."""
    cached = parsed.cache.get(CACHE_KEY)
    if cached is not None and len(cached) == len(paras):
        return cached
    views = _reuse_whole_parse(parsed.doc, parsed.document.text, paras)
    if views is None:
        from .. import nlp

        text = parsed.document.text
        views = [_whole_view(d, s) for d, (s, e) in
                 zip(nlp.load().pipe(text[s:e].replace("\n", " ") for s, e in paras), paras)]
    parsed.cache[CACHE_KEY] = views
    return views


def _whole_view(doc, base: int) -> _View:
    sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") or \
        doc.has_annotation("DEP") else []
    return _View(doc, 0, len(doc), doc.text, base, 0, len(doc.text), sents, list(doc.ents))


def _reuse_whole_parse(doc, text: str, paras: list[tuple[int, int]]) -> list[_View] | None:
    """Views into the document's own parse, when no sentence in it crosses a paragraph break
    (the pipeline ends sentences at line breaks); None means parse paragraphs afresh."""
    if doc is None or not doc.has_annotation("DEP") or not paras:
        return None
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    if any("\n" in text[s:e].strip() for s, e in sents):
        return None
    spans = [doc.char_span(s, e) for s, e in paras]
    if any(sp is None for sp in spans):
        return None
    ents = list(doc.ents)
    out = []
    for sp, (s, e) in zip(spans, paras):
        # clipped as a copy of the paragraph would clip them (no line-break tokens)
        inside = [(max(a, s), min(b, e)) for a, b in sents if a < e and s < b]
        mine = [x for x in ents if x.start >= sp.start and x.end <= sp.end]
        out.append(_View(doc, sp.start, sp.end, text, 0, s, e, inside, mine))
    return out


def extract(parsed, entities: list[LocalEntity] | None = None) -> list[Quote]:
    entities = entities or []
    text = parsed.document.text
    paras = paragraphs(text)
    if not paras:
        return []
    spans = mark_spans(text, paras)
    docs = _paragraph_docs(parsed, paras)
    if not any(d.has_annotation("DEP") for d in docs):
        return []               # a pipeline without a parser cannot attribute speech
    segments = list(dict.fromkeys(d.segment for d in docs))
    state = _State(res=resolver(parsed, entities, segments), para_starts=[s for s, _ in paras])
    found: list[_Found] = []
    for p, doc in enumerate(docs):
        found.extend(_paragraph(doc, doc.base, p, [s for s in spans if s.para == p], state))
    found = _fill_chains(found, state) + _headings(text, found, state)
    found.sort(key=lambda f: (f.start, f.kind))
    joined = _join_split(text, [f for f in found if f.ref is not None])
    return quotes_filter.keep([_record(text, f) for f in joined], text, docs)


def _same_speaker(a: Referent, b: Referent) -> bool:
    return (a.key is not None and a.key == b.key) or a.text.lower() == b.text.lower()


def _join_split(text: str, found: list[_Found]) -> list[_Found]:
    """One quotation split by its attribution ('"A," she said. "B"') or running on into the
    next paragraph is one quote: the pieces join when the same speaker says both and only
    the attribution, or a paragraph break, stands between them."""
    out: list[_Found] = []
    last: _Found | None = None
    for f in found:
        if f.kind != "direct":
            out.append(f)
            continue
        if last is not None and _same_speaker(last.ref, f.ref) and _only_attribution(text, last, f):
            last.end, last.sent = f.end, (min(last.sent[0], f.sent[0]), max(last.sent[1], f.sent[1]))
            continue
        last = f
        out.append(f)
    return out


def _only_attribution(text: str, a: _Found, b: _Found) -> bool:
    gap = text[a.end:b.start]
    if len(gap) > lx.SPLIT_GAP_MAX_CHARS or sum(gap.count(c) for c in lx.SENTENCE_END) > 1:
        return False
    if b.para == a.para + 1 and b.chain == a.chain:
        return True                     # the quotation ran on past a paragraph break
    if text[a.end - 1] not in lx.SPLIT_PIECE_ENDS:
        return False                    # 'he "lied" about it, she said, "again"': two quotations
    words = set(re.findall(r"\w+", gap.lower()))
    cues = {w.lower() for c in (a.cue, b.cue) if c for w in c.split()}
    return b.para == a.para and bool(cues & words)


def _record(text: str, f: _Found) -> Quote:
    return Quote(start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind,
                 speaker=to_speaker(f.ref) if f.ref else None, cue=f.cue,
                 sentence_start=f.sent[0], sentence_end=f.sent[1])


def _paragraph(doc, base: int, p: int, spans: list[MarkSpan], state: _State) -> list[_Found]:
    inside = [(s.start, s.end) for s in spans]
    cues = [t for t in doc if is_cue(t) and not rules.within(base + t.idx, inside)]
    memo: dict[int, Ref | None] = {}
    for cue in cues:            # in text order, so pronouns see every earlier speaker
        _speaker(cue, base, memo, state)
    out: list[_Found] = []
    names: list[tuple[int, int]] = []
    for span in spans:
        if rules.is_name(doc.text, span, base) or rules.after_naming_cue(doc.text, span, base):
            names.append((span.start, span.end))   # a quoted name or title, not speech
            continue
        f = _direct(doc, base, p, span, cues, memo, state)
        if f is not None:
            out.append(f)
    # A reported clause holding a quotation is that quotation's (a direct quote, or a quoted
    # name or title); a term the writer put in scare quotes leaves the clause reported speech.
    blocked = [(f.start, f.end) for f in out] + names
    # Verbs before "according to": "X told the court ..., according to a transcript" is X's.
    for cue in sorted(cues, key=lambda c: c.lower_ in lx.ACCORDING_HEADS):
        clause = reported_clause(cue, base, blocked)
        ref = _speaker(cue, base, memo, state) if clause else None
        if clause and ref is not None:
            sent = rules.sentence_bounds(doc, base, clause[0], clause[1])
            out.append(_Found(clause[0], clause[1], "indirect", ref, rules.cue_text(cue), sent, para=p))
            blocked.append(clause)
    if doc.para_text.rstrip().endswith(":"):
        _introduces(doc, base, p, cues, memo, state)
    return out


def _introduces(doc, base: int, p: int, cues: list, memo: dict, state: _State) -> None:
    """A paragraph ending "X said:" or "X issued the following statement:" introduces the
    quotation in the next one: its last reporting verb's speaker, else the person or
    organization that is the subject of its last sentence."""
    if cues and memo.get(cues[-1].i) is not None:
        state.intro = (p, memo[cues[-1].i], rules.cue_text(cues[-1]))
        return
    verb = rules.last_main_verb(doc)
    if verb is None or not any(c.dep_ in mw.SUBJECT_DEPS for c in verb.children):
        return
    ref = _speaker(verb, base, memo, state)
    if ref is not None and ref.kind in lx.INTRO_SPEAKER_KINDS:
        state.intro = (p, ref, verb.text)


def _speaker(cue, base: int, memo: dict[int, Referent | None], state: _State) -> Referent | None:
    """The speaker behind a cue, pronouns resolved against what came before."""
    if cue.i in memo:
        return memo[cue.i]
    subj = subject_of(cue, quoted=lambda t: state.res.inside_quote(base + t.idx))
    ref = state.res.refer(subj, base) if subj is not None else None
    if ref is not None and ref.kind == "other" and cue.lemma_.lower() in lx.WEAK_REPORTING_VERBS:
        ref = None
    if ref is not None and (subj.pos_ != "PRON" or subj.lower_ in mw.GROUP_PRONOUNS):
        ref = source_phrase(subj, ref, base, cue)
    if ref is not None:
        state.res.learn_from_clause(ref, cue)
        state.res.note(base + cue.idx, ref)
        state.cue_at[base + cue.idx] = rules.cue_text(cue)
    memo[cue.i] = ref
    return ref


def _direct(doc, base: int, p: int, span: MarkSpan, cues: list, memo: dict, state: _State) -> _Found | None:
    text = doc.text
    words = rules.word_count(text[span.start - base:span.end - base])
    sent = rules.sentence_bounds(doc, base, span.start, span.end)
    if span.whole_paragraph and rules.is_heading(text, span, base, words):
        state.headings.append((span, sent))
        return None
    cue = rules.attributing_cue(doc, base, span, cues, words) or rules.tag_verb(doc, base, span)
    cue = _reported_by(cue, cues) or rules.outer_cue(cue, cues)
    ref = _speaker(cue, base, memo, state) if cue is not None else None
    if ref is None and (named := rules.colon_source(doc, base, span)) is not None:
        ref = _speaker_from_subject(named, base, state)
    if ref is None and words >= lx.LONG_QUOTE_MIN_WORDS and not span.whole_paragraph:
        subj = rules.sentence_subject(doc, base, span)   # "The report contains "...""
        ref = _speaker_from_subject(subj, base, state) if subj is not None else None
    if ref is None and not rules.is_short(doc, base, span, words) and not rules.follows_words(doc, base, span, sent):
        cue = rules.nearest_cue(doc, base, span, cues, False)
        ref = _speaker(cue, base, memo, state) if cue is not None else None
    cue_text = rules.cue_text(cue) if ref is not None and cue is not None else None
    if ref is None and span.whole_paragraph and span.chain not in state.chains:
        ref, cue_text = _continued(p, state)
    found = _Found(span.start, span.end, "direct", ref, cue_text, sent, span.chain, p)
    if ref is not None:
        state.chains.setdefault(span.chain, found)
    elif span.whole_paragraph or span.close_at is None:
        return found          # a piece of a longer quotation: its chain may name the speaker
    else:
        return None
    return found


def _reported_by(cue, cues: list):
    """'"...," the mayor said, according to a recording': the words reach the text through
    the recording, which is the quotation's source. The "according to" hangs on the verb."""
    if cue is None or cue.lower_ in lx.ACCORDING_HEADS:
        return None
    return next((c for c in cues if c.lower_ in lx.ACCORDING_HEADS and c.i > cue.i and c.head.i == cue.i), None)


def _continued(p: int, state: _State) -> tuple[Referent | None, str | None]:
    """A paragraph that is only a quote: introduced by "X said:" above, or the latest speaker
    of the paragraphs just before it still speaking."""
    if state.intro is not None and state.intro[0] == p - 1:
        return state.intro[1], state.intro[2]
    window_start = state.para_starts[max(0, p - lx.CONTINUATION_PARAGRAPHS)]
    here = state.para_starts[p]
    earlier = [(at, ref) for at, ref in state.res.speakers if window_start <= at < here]
    if earlier:
        at, ref = max(earlier, key=lambda x: x[0])
        return ref, state.cue_at.get(at)
    return None, None


def _speaker_from_subject(subj, base: int, state: _State) -> Referent | None:
    ref = state.res.refer(subj, base)
    if ref is None or ref.kind not in ("person", "org", "doc", "name", "group"):
        return None
    state.res.note(base + subj.idx, ref)
    return ref


def _fill_chains(found: list[_Found], state: _State) -> list[_Found]:
    """Pieces of a multi-paragraph quotation share the speaker one of them names."""
    for f in found:
        if f.ref is None and f.chain in state.chains:
            head = state.chains[f.chain]
            f.ref, f.cue = head.ref, head.cue
    return found


def _norm_words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def _headings(text: str, found: list[_Found], state: _State) -> list[_Found]:
    """A quoted heading (pull quote) takes the speaker of the later quote it repeats."""
    out = []
    for span, sent in state.headings:
        words = _norm_words(text[span.start:span.end])
        source = next((f for f in found if f.kind == "direct" and f.ref is not None and f.start > span.end
                       and words and f" {words} " in f" {_norm_words(text[f.start:f.end])} "), None)
        if source is not None:
            out.append(_Found(span.start, span.end, "direct", source.ref, source.cue, sent, 0, span.para))
    return out
