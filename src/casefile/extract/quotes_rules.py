"""When a quotation is speech, and which reporting verb attributes it.

``doc`` is a paragraph view (quotes._View: tokens, text, sentence bounds) and ``base`` the
offset of its text in the document text; spans are document offsets.
"""
from __future__ import annotations

import re

from .lexicon import mentions as mw
from .lexicon import quotes as lx
from .quotes_text import MarkSpan

_WORD = re.compile(r"[^\W_][\w'\u2019\-]*")


def within(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def word_count(s: str) -> int:
    return len(_WORD.findall(s))


def cue_text(cue) -> str:
    if cue.lower_ in lx.ACCORDING_HEADS:
        nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
        return f"{cue.text} {nxt.text}" if nxt is not None else cue.text
    return cue.text


def tokens_between(doc, base: int, start: int, end: int) -> list:
    """The tokens of ``doc`` (a paragraph at document offset ``base``) that start in [start, end)."""
    return [t for t in doc if start <= base + t.idx < end]


def top_token(tokens: list):
    """The highest word of a run of tokens: the first whose head stands outside it (None: no tokens)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)


def sentence_bounds(doc, base: int, start: int, end: int) -> tuple[int, int]:
    """Document offsets of the sentence(s) holding [start, end)."""
    lo, hi = start, end
    for s, e in doc.sents:      # (start_char, end_char) pairs, computed once per paragraph
        s, e = base + s, base + e
        if s < end and start < e:
            lo, hi = min(lo, s), max(hi, e)
    return lo, hi


def is_name(text: str, span: MarkSpan, base: int) -> bool:
    """A quoted title or name in Title Case ("Law on Assembly", "Decree 12")."""
    words = _WORD.findall(text[span.start - base:span.end - base])
    if not words or len(words) > lx.TITLE_MAX_WORDS:
        return False
    has_digit = any(w[0].isdigit() for w in words)
    if len(words) < 2 and not has_digit:
        return False
    return all(w[0].isupper() or w[0].isdigit() or (i and w.lower() in lx.TITLE_SMALL_WORDS)
               for i, w in enumerate(words))


def after_naming_cue(text: str, span: MarkSpan, base: int) -> bool:
    """Preceded by "so-called", "known as", "charged with" ...: a name, not speech."""
    lo = max(0, span.open_at - base - lx.NAMING_LOOKBACK_CHARS)
    before = text[lo:span.open_at - base].lower().rstrip()
    if any(before.endswith(cue) for cue in lx.NAMING_CUES):
        return True
    wide = text[max(0, span.open_at - base - lx.CHARGE_LOOKBACK_CHARS):span.open_at - base]
    return bool(lx.CHARGE_BEFORE_RE.search(wide))


def is_heading(text: str, span: MarkSpan, base: int, words: int) -> bool:
    """A short quoted line with no final stop: a pull quote used as a subhead."""
    inner = text[span.start - base:span.end - base].rstrip()
    return words <= lx.HEADING_MAX_WORDS and bool(inner) and inner[-1] not in lx.SENTENCE_END + lx.CLAUSE_END


def _is_short(tokens: list, words: int) -> bool:
    return words <= lx.SHORT_QUOTE_MAX_WORDS and not any(t.tag_ in lx.FINITE_TAGS for t in tokens)


def _governing(tokens: list, cues: list, span: MarkSpan, base: int, before_only: bool):
    """A cue that is an ancestor of the quotation's head within SHORT_QUOTE_MAX_PATH steps."""
    cue_ids = {c.i: c for c in cues}
    ids = {t.i for t in tokens}
    utterance = tokens[-1].text[-1] in lx.SENTENCE_END
    for tok in tokens:
        if tok.head.i in ids and tok.head.i != tok.i:
            continue
        node, steps = tok, 0
        while node.head.i != node.i and steps < lx.SHORT_QUOTE_MAX_PATH:
            node, steps = node.head, steps + 1
            cue = cue_ids.get(node.i)
            # "posted articles that "..."": a weak verb attributes only its own object.
            weak = cue is not None and cue.lemma_.lower() in lx.WEAK_REPORTING_VERBS and steps > 1
            if cue is not None and cue.lemma_.lower() in lx.SHOUTING_VERBS and not utterance:
                continue
            if cue is not None and not weak and (not before_only or base + cue.idx < span.start):
                return cue
    return None


def _adjacent_after(doc, base: int, span: MarkSpan, cues: list):
    """'"Fine," she said': a cue within a few tokens after the closing mark, same sentence."""
    if span.close_at is None:
        return None
    after = [t for t in doc if base + t.idx > span.close_at]
    for tok in after[:lx.ADJACENT_CUE_TOKENS]:
        if tok in cues:
            return tok
        if tok.pos_ == "VERB" or (tok.is_punct and tok.text not in lx.ATTRIBUTION_PUNCT):
            return None
    return None


def tag_verb(doc, base: int, span: MarkSpan):
    """'"Go home," the mayor snapped.' / '..., quipped Jo Lind.': a quotation ending in a comma,
    question or exclamation mark, followed by a short clause of a name and a verb and
    nothing else. Whatever the verb, it attributes the quotation."""
    inner = doc.text[span.start - base:span.end - base].rstrip()
    if span.close_at is None or not inner or inner[-1] not in lx.TAG_QUOTE_ENDS:
        return None
    after = [t for t in doc if base + t.idx > span.close_at]
    if after and after[0].pos_ in lx.TAG_CLAUSE_NOT_FIRST:
        return None
    clause: list = []
    for tok in after[:lx.TAG_CLAUSE_TOKENS + 1]:
        if (tok.is_punct and tok.text not in lx.NAME_PUNCT) or tok.pos_ == "CCONJ":
            break
        clause.append(tok)
    verbs = [t for t in clause if t.pos_ == "VERB"]
    if len(clause) > lx.TAG_CLAUSE_TOKENS or len(verbs) != 1 or not any(
            c.dep_ in mw.SUBJECT_DEPS and c in clause for c in verbs[0].children):
        return None
    return verbs[0]


def follows_words(doc, base: int, span: MarkSpan, sent: tuple[int, int]) -> bool:
    """Whether words of its own sentence come before the quotation ('The plan is "a farce"'):
    such a partial quote is someone's words only through a verb of its own sentence, never
    through one in the next sentence."""
    return word_count(doc.text[max(0, sent[0] - base):span.open_at - base]) > 0


def nearest_cue(doc, base: int, span: MarkSpan, cues: list, same_sentence: bool):
    """The closest cue to the quotation, in its sentence or anywhere in the paragraph."""
    s_lo, s_hi = sentence_bounds(doc, base, span.start, span.end)
    pool = [c for c in cues if s_lo <= base + c.idx < s_hi] if same_sentence else cues
    if not pool:
        return None

    def distance(c):
        pos = base + c.idx
        return span.start - pos if pos < span.start else pos - span.end
    return min(pool, key=distance)


def is_short(doc, base: int, span: MarkSpan, words: int) -> bool:
    """Too short to be speech on its own: a term, unless a reporting verb governs it."""
    return _is_short(tokens_between(doc, base, span.start, span.end), words)


def attributing_cue(doc, base: int, span: MarkSpan, cues: list, words: int):
    """The reporting verb in the quotation's sentence that attributes it, or None."""
    tokens = tokens_between(doc, base, span.start, span.end)
    if not tokens:
        return None
    if _is_short(tokens, words):
        inner = doc.text[span.start - base:span.end - base].rstrip()
        found = _governing(tokens, cues, span, base, before_only=True)
        if found is None and inner and inner[-1] in lx.SENTENCE_END + lx.CLAUSE_END:
            found = _adjacent_after(doc, base, span, cues)
        return found
    return _governing(tokens, cues, span, base, before_only=False) or nearest_cue(doc, base, span, cues, True)


def colon_source(doc, base: int, span: MarkSpan):
    """'Survey digest - Jo Lind: "..."': a name written right before the colon that opens the
    quotation, with no verb of its own, is who the words are from. A colon after a verb or
    any other word ("Her answer was: "..."") says nothing of the kind."""
    if not doc.text[:span.open_at - base].rstrip().endswith(":"):
        return None     # most quotations: no colon, and no need to walk the paragraph's tokens
    before = [t for t in doc if base + t.idx < span.open_at]
    if len(before) < 2 or before[-1].text != ":":
        return None
    # the run of capitalized words before the colon, back to a dash, a stop or the start
    # (the tagger often takes an unfamiliar name before a colon for a common noun)
    run = []
    for tok in reversed(before[:-1]):
        if not (tok.is_title or tok.pos_ == "PROPN") or tok.is_punct:
            break
        run.append(tok)
    first = before[-1 - len(run) - 1] if len(before) > len(run) + 1 else None
    if not run or len(run) > lx.COLON_SOURCE_MAX_WORDS or (first is not None and not first.is_punct):
        return None
    return run[0] if all(t.pos_ != "VERB" for t in run) else None


def last_main_verb(doc):
    """The verb at the root of the paragraph's last sentence."""
    if not doc.tokens:
        return None
    root = doc.tokens[-1]
    while root.head.i != root.i:
        root = root.head
    return root if root.pos_ in ("VERB", "AUX") else None


def sentence_subject(doc, base: int, span: MarkSpan):
    """The subject of the clause whose object the quotation is, outside it: "The report
    contains "..."", "Article 9, which punishes anyone who "..."" (the article), or that a
    colon introduces ('X joked: "..."'). A quotation that hangs on its first verb some other
    way ("were thanked for "..."") has none: nothing says it is anyone's words."""
    tokens = tokens_between(doc, base, span.start, span.end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    node = top_token(tokens)
    child = node
    for _ in range(lx.SHORT_QUOTE_MAX_PATH + 1):
        if node.i not in inside and node.pos_ in ("VERB", "AUX"):
            if child.dep_ not in lx.QUOTED_OBJECT_DEPS and not _introduced(doc, node, tokens[0]):
                return None
            subj = next((c for c in node.children if c.dep_ in mw.SUBJECT_DEPS and c.i not in inside), None)
            if subj is not None:
                return node.head if subj.lower_ in mw.RELATIVE_PRONOUNS and node.dep_ == "relcl" else subj
        if node.head.i == node.i:
            return None
        node, child = node.head, node
    return None


def _introduced(doc, verb, first) -> bool:
    """'X reiterated: "..."': the verb, then only a colon or comma before the quotation."""
    between = doc.tokens[0].doc[verb.i + 1:first.i] if first.i > verb.i else []
    return bool(between) and all(t.is_punct for t in between) and any(t.text in lx.INTRO_PUNCT for t in between)


def outer_cue(cue, cues: list):
    """'Jo said the aides were calling "every hour"': a quotation whose verb reports inside what
    another verb of saying reports is the outer speaker's words; the text is their account."""
    ids = {c.i for c in cues}
    while cue is not None:
        clause = cue.head if cue.dep_ == "conj" else cue      # "said Jo called it "weak" and ..."
        outer = clause.head
        if clause.dep_ not in mw.CLAUSE_DEPS or outer.i not in ids or outer.i == clause.i \
                or outer.lemma_.lower() in lx.WEAK_REPORTING_VERBS:
            return cue
        cue = outer
    return cue
