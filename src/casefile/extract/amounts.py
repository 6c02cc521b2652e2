"""Amounts: sums of money, lengths of time, counts of people and things, percentages.

Each amount is attached to the event in its sentence whose trigger it belongs to (a
prison term to the imprisonment, a trade figure to the trade event), nearest in the
parse among the event types that kind of amount can measure. Names with numbers
("Decree 72"), ages and years are not amounts. A count of people something happened to
("22 were killed", "wounding 13 people") has that outcome as its unit ("killed",
"injured", "arrested"), so that a casualty count reads and compares as one.
"""
from __future__ import annotations

import re

from ..concepts import numbers
from ..models import Amount, Event
from .lexicon import amounts as L

_NUM = r"\d[\d,]*(?:\.\d+)?"
_WORDS = "|".join(sorted((w for w in numbers.CARDINALS if len(w) > 2), key=len, reverse=True))
_WORD_NUM = rf"(?:{_WORDS})(?:[- ](?:{_WORDS}))?"
_SCALE = "|".join(sorted(L.SCALE_WORDS, key=len, reverse=True))
_SYMBOLS = "|".join(re.escape(s) for s in sorted(L.CURRENCY_SYMBOLS, key=len, reverse=True))
_CUR_WORDS = "|".join(sorted(L.CURRENCY_WORDS, key=len, reverse=True))
_UNITS = "|".join(sorted(L.DURATION_UNITS, key=len, reverse=True))

MONEY_SYMBOL = re.compile(rf"(?<![\w$])(?P<cur>{_SYMBOLS})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b)?", re.I)
MONEY_WORD = re.compile(rf"\b(?P<num>{_NUM}|{_WORD_NUM})(?:\s(?P<scale>{_SCALE}))?\s(?P<cur>{_CUR_WORDS})\b", re.I)
PERCENT = re.compile(rf"\b(?P<num>{_NUM})\s?(?:%|percent\b|per cent\b)", re.I)
DURATION = re.compile(rf"\b(?P<num>{_NUM}|{_WORD_NUM})[- ](?P<unit>{_UNITS})\b", re.I)
# Words before a span of time that make it a length: "for 18 months", "sentenced to nine years".
DURATION_BEFORE = re.compile(r"\b(?:for|to|of|another|additional|spent|served|serving|serve|extra|up to|"
                             r"nearly|almost|about|over|than|least|some|face|faces|facing|entire|full)\s+$", re.I)
DURATION_NOUN_AFTER = re.compile(r"^[- ]?(?:old\b)|^\s+(?:in (?:prison|jail|detention|custody)|"
                                 r"(?:prison |jail )?(?:sentence|term|ban|detention|imprisonment))", re.I)
_KIND_ORDER = {"money": 0, "percent": 1, "duration": 2, "count": 3}


def extract(parsed, events: list[Event]) -> list[Amount]:
    text = parsed.text
    outcomes = _outcome_counts(parsed)
    taken = [(a.start, a.end) for a in outcomes]
    plain = [a for a in _counts(parsed) if not any(a.start < e and s < a.end for s, e in taken)]
    found = _money(text) + _percent(text) + _durations(text) + outcomes + plain
    found.sort(key=lambda a: (a.start, _KIND_ORDER[a.kind]))
    out: list[Amount] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue  # the first, most specific reading of an overlapping span wins
        out.append(a)
    for a in out:
        a.event = _attach(parsed, a, events or [])
    return out


def number_value(s: str) -> float | None:
    s = s.strip().lower()
    if re.fullmatch(_NUM, s):
        return float(s.replace(",", ""))
    total = 0
    for part in [p for p in re.split(r"[- ]", s) if p]:
        if part not in numbers.CARDINALS:
            return None
        total = total * 100 if part == "hundred" else total + numbers.CARDINALS[part]
    return float(total)


def _labelled(text: str, start: int) -> bool:
    """"Article 117", "Decree No. 72", "aged 45": a number that names or ages, not an amount."""
    before = re.findall(r"([A-Za-z]+)\.?\s*$", text[max(0, start - 20):start])
    return bool(before) and before[-1].lower() in L.LABEL_BEFORE_NUMBER


def _scaled(m: re.Match) -> float | None:
    v = number_value(m.group("num"))
    scale = (m.groupdict().get("scale") or "").lower()
    return round(v * L.SCALE_WORDS.get(scale, 1), 4) if v is not None else None


def _money(text: str) -> list[Amount]:
    out = []
    for m in MONEY_SYMBOL.finditer(text):
        cur = L.CURRENCY_SYMBOLS[m.group("cur").lower()]
        out.append(Amount(m.start(), m.end(), m.group(0), "money", _scaled(m), cur))
    for m in MONEY_WORD.finditer(text):
        cur = L.CURRENCY_WORDS[m.group("cur").lower()]
        out.append(Amount(m.start(), m.end(), m.group(0), "money", _scaled(m), cur))
    return out


def _percent(text: str) -> list[Amount]:
    return [Amount(m.start(), m.end(), m.group(0), "percent", number_value(m.group("num")), "percent")
            for m in PERCENT.finditer(text) if not _labelled(text, m.start())]


def _durations(text: str) -> list[Amount]:
    out = []
    for m in DURATION.finditer(text):
        after = text[m.end():m.end() + 40]
        nxt = re.match(r"[\s-]*([A-Za-z]+)", after)
        if nxt and nxt.group(1).lower() in L.NOT_DURATION_AFTER or _labelled(text, m.start()):
            continue  # "two months later", "18-year-old", "aged 18 years"
        before = text[max(0, m.start() - 20):m.start()]
        if not (DURATION_BEFORE.search(before) or DURATION_NOUN_AFTER.match(after)):
            continue
        value = number_value(m.group("num"))
        if value is None:
            continue
        out.append(Amount(m.start(), m.end(), m.group(0), "duration", value, L.DURATION_UNITS[m.group("unit").lower()]))
    return out


def _counts(parsed) -> list[Amount]:
    """"1,000 people", "100 million citizens": a number counting a plural noun."""
    out = _vague_counts(parsed)
    text = parsed.text
    for tok in parsed.doc:
        if tok.dep_ != "nummod":     # tested first: reading .head builds a Token object
            continue
        head = tok.head
        if head.tag_ not in ("NNS", "NNPS") or head.i < tok.i:
            continue
        if head.lower_ in L.DURATION_UNITS or head.lower_ in L.CURRENCY_WORDS or tok.ent_type_ in L.NOT_COUNT_LABELS:
            continue
        first = min([tok] + [c for c in tok.children if c.dep_ in ("compound", "quantmod")], key=lambda t: t.i)
        if _labelled(text, first.idx):
            continue
        num_toks = [t for t in parsed.doc[first.i:tok.i + 1]]
        words = " ".join(t.text for t in num_toks if t.lower_ not in L.SCALE_WORDS)
        value = number_value(words)
        for t in num_toks:
            if t.lower_ in L.SCALE_WORDS and value is not None:
                value *= L.SCALE_WORDS[t.lower_]
        if value is None or value < L.COUNT_MIN_VALUE or (1800 <= value <= 2100 and "," not in words):
            continue
        start, end = first.idx, head.idx + len(head.text)
        out.append(Amount(start, end, text[start:end], "count", value, head.lemma_.lower()))
    return out


def _outcome_counts(parsed) -> list[Amount]:
    """"22 were killed", "killing six service members", "wounding 13 people", "dozens were arrested":
    a number of people with what happened to them."""
    out = []
    for tok in parsed.doc:
        outcome = L.OUTCOME_UNITS.get(tok.lemma_.lower())
        if outcome is None or tok.pos_ not in ("VERB", "ADJ"):
            continue
        for arg in tok.children:
            if arg.dep_ not in ("nsubjpass", "dobj", "nsubj") or arg.dep_ == "nsubj" and outcome != "killed" and (
                    tok.lemma_.lower() != "dead"):
                continue  # "police arrested 12": the police are not counted; "12 died": the dead are
            span = _counted(arg)
            if span is not None:
                start, end, value = span
                out.append(Amount(start, end, parsed.text[start:end], "count", value, outcome))
    return out


def _counted(arg) -> tuple[int, int, float | None] | None:
    """The number phrase an argument is: "22", "six NATO service members", "dozens"."""
    nums = [c for c in arg.children if c.dep_ == "nummod"]
    if arg.pos_ == "NUM" or arg.like_num:
        first = min([arg] + [c for c in arg.children if c.dep_ in ("compound", "quantmod")], key=lambda t: t.i)
        end = arg.idx + len(arg.text)
        value = number_value(arg.doc.text[first.idx:end])  # "Twenty-two" is three tokens
        return (first.idx, end, value) if value is not None and value >= 1 else None
    if nums and arg.tag_ in ("NNS", "NNPS"):
        first = min(nums + [c for n in nums for c in n.children if c.dep_ in ("compound", "quantmod")],
                    key=lambda t: t.i)
        value = number_value(" ".join(t.text for t in arg.doc[first.i:nums[-1].i + 1]))
        if value is None or 1800 <= value <= 2100:
            return None
        return first.idx, arg.idx + len(arg.text), value
    if arg.lower_ in L.VAGUE_COUNTS:
        return arg.idx, arg.idx + len(arg.text), None
    return None


def _vague_counts(parsed) -> list[Amount]:
    """"hundreds of protesters", "dozens of activists": a count without a figure."""
    out = []
    for tok in parsed.doc:
        if tok.lower_ not in L.VAGUE_COUNTS:
            continue
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is not None and noun.tag_ in ("NNS", "NNPS"):
            start, end = tok.idx, noun.idx + len(noun.text)
            out.append(Amount(start, end, parsed.text[start:end], "count", None, noun.lemma_.lower()))
    return out


def _attach(parsed, a: Amount, events: list[Event]) -> int | None:
    """The event of the same sentence this amount measures, nearest in the parse."""
    prefs = L.OUTCOME_EVENT_TYPES.get(a.unit or "", ()) if a.kind == "count" else ()
    prefs = prefs or L.AMOUNT_EVENT_TYPES.get(a.kind, ())
    span = parsed.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    best, best_key = None, None
    for i, ev in enumerate(events):
        if not (ev.sentence_start <= a.start < ev.sentence_end) or ev.type not in prefs:
            continue
        trig = parsed.doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if trig is None:
            continue
        if a.kind == "count" and a.unit not in L.OUTCOME_EVENT_TYPES and not any(
                p.start is not None and p.start < a.end and a.start < (p.end or 0) for p in ev.participants):
            continue  # a count belongs to the event only if it counts one of its participants
        dist = _distance(span.root, trig.root)
        if dist > L.MAX_AMOUNT_DISTANCE:
            continue
        # an outcome names its event type ("38 injured" goes with the attack); other kinds go by the parse
        key = (prefs.index(ev.type), dist) if a.unit in L.OUTCOME_EVENT_TYPES else (dist, prefs.index(ev.type))
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def _distance(a, b) -> int:
    up_a = [a] + list(a.ancestors)
    pos_b = {t.i: n for n, t in enumerate([b] + list(b.ancestors))}
    return next((n + pos_b[t.i] for n, t in enumerate(up_a) if t.i in pos_b), 99)
