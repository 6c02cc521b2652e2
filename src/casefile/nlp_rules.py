"""The model's rule components, run by lookup: the attribute ruler and the lemmatizer.

en_core_web_sm's ``attribute_ruler`` maps each token's tag to its part of speech and
morphology with about 180 Matcher patterns. The Matcher tries every pattern at every
token, which costs about a seventh of the whole parse. Almost all the patterns look at
one token only (its lower-case form, tag, dependency label, whether it is a space), so
the set of rules that fire for a token is a function of those four values: we work it
out once per distinct combination and remember it. The few patterns that span two
tokens are matched from the same per-token lookup. ``LookupMatch`` gives the Matcher's matches
(the ruler's ``set_annotations`` applies them when a Doc is made one at a time); in
``nlp.pipe``, ``LookupRuler`` writes what they set straight into the Doc's arrays, in the
ruler's own order, so the annotations are the same as the stock component's
(tests/test_nlp_rules.py compares them token by token).

Patterns this lookup does not understand leave the stock component untouched.

The rule lemmatizer (about a twelfth of the parse) works a token's lemma out from its word,
part of speech and morphology alone. Each new word costs it a scan of a list of thousands of
known lemmas per candidate form (``form in index``): the index's lists answer ``in`` from a
set instead (``WordList``). And every token of every document costs it a Token object, a
morphology object and a string store write: ``LookupLemmas`` asks the lemmatizer once per
distinct (word, part of speech, morphology) and writes a document's lemmas in one array.
Both give the same lemmas.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer

log = logging.getLogger(__name__)

# token attributes a one-token pattern may test, and how to read them
_READERS: dict[str, Callable] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_SIGNATURE = [LOWER, TAG, DEP, IS_SPACE]     # what a one-token rule can look at: the cache key
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
CACHE_LIMIT = 200_000     # distinct (word, tag, label) combinations remembered; bounds memory on huge corpora


class Unsupported(ValueError):
    """A pattern the lookup cannot evaluate exactly."""


def _test(spec, value) -> bool:
    if not isinstance(spec, dict):
        return value == spec
    if not set(spec) <= _PREDICATES:
        raise Unsupported(f"predicate {sorted(spec)}")
    ok = True
    if "IN" in spec:
        ok &= value in spec["IN"]
    if "NOT_IN" in spec:
        ok &= value not in spec["NOT_IN"]
    if "REGEX" in spec:
        ok &= isinstance(value, str) and re.search(spec["REGEX"], value) is not None
    return ok


def _check(token_pattern: dict) -> None:
    for attr, spec in token_pattern.items():
        if attr not in _READERS:
            raise Unsupported(f"attribute {attr}")
        if isinstance(spec, dict) and not set(spec) <= _PREDICATES:
            raise Unsupported(f"predicate {sorted(spec)}")
        if not isinstance(spec, (str, bool, dict)):
            raise Unsupported(f"value {spec!r}")


class _Fits:
    """The token patterns a token fits, as a bit mask. A pattern fits when every attribute it
    tests passes, so the mask is the AND of one mask per attribute value, and each of those is
    worked out once per distinct value (a new word costs a dictionary lookup, not every rule)."""

    def __init__(self, token_patterns: list[dict]):
        everything = (1 << len(token_patterns)) - 1
        self.free = dict.fromkeys(_READERS, everything)        # patterns that do not test the attribute
        self.equal: dict[str, dict] = {attr: {} for attr in _READERS}   # value -> patterns asking for it
        self.other: dict[str, list] = {attr: [] for attr in _READERS}   # (bit, IN/NOT_IN/REGEX spec)
        for number, token_pattern in enumerate(token_patterns):
            bit = 1 << number
            for attr, spec in token_pattern.items():
                self.free[attr] &= ~bit
                if isinstance(spec, dict):
                    self.other[attr].append((bit, spec))
                else:
                    self.equal[attr][spec] = self.equal[attr].get(spec, 0) | bit
        self.passes: dict[str, dict] = {attr: {} for attr in _READERS}
        self.everything = everything

    def __call__(self, token) -> int:
        fit = self.everything
        for attr, read in _READERS.items():
            value = read(token)
            known = self.passes[attr]
            passing = known.get(value)
            if passing is None:
                passing = self.free[attr] | self.equal[attr].get(value, 0)
                for bit, spec in self.other[attr]:
                    if _test(spec, value):
                        passing |= bit
                if len(known) >= CACHE_LIMIT:
                    known.clear()
                known[value] = passing
            fit &= passing
        return fit


class LookupMatch:
    """A drop-in for ``AttributeRuler.match``: the same matches, in the same order."""

    def __init__(self, ruler):
        self.vocab = ruler.vocab
        self.single: list[tuple[int, int, list[dict]]] = []   # (rule number, match key, one-token patterns)
        self.multi: list[tuple[int, int, list[dict]]] = []    # (rule number, match key, a longer pattern)
        for number, rule in enumerate(ruler.patterns):
            key = self.vocab.strings[str(number)]
            for pattern in rule["patterns"]:
                for token_pattern in pattern:
                    _check(token_pattern)
            one = [p[0] for p in rule["patterns"] if len(p) == 1]
            if one:
                self.single.append((number, key, one))
            self.multi += [(number, key, p) for p in rule["patterns"] if len(p) > 1]
        # every token pattern is one bit: a one-token rule's patterns, then each slot of a longer one
        token_patterns = [p for _, _, patterns in self.single for p in patterns]
        self.rule_bits, bit = [], 0
        for number, key, patterns in self.single:
            self.rule_bits.append((number, key, ((1 << len(patterns)) - 1) << bit))
            bit += len(patterns)
        self.slot_bits = []
        for m, (_, _, pattern) in enumerate(self.multi):
            for k, token_pattern in enumerate(pattern):
                token_patterns.append(token_pattern)
                self.slot_bits.append((1 << (len(token_patterns) - 1), (m, k)))
        self.fits = _Fits(token_patterns)
        self.cache: dict[tuple, tuple[list[tuple[int, int]], frozenset]] = {}

    def _lookup(self, token) -> tuple[list[tuple[int, int]], frozenset]:
        """The one-token rules this token fires, and the (longer pattern, position) slots it fills."""
        fit = self.fits(token)
        rules = [(number, key) for number, key, bits in self.rule_bits if fit & bits]
        slots = frozenset(slot for bit, slot in self.slot_bits if fit & bit)
        return rules, slots

    def lookups(self, doc) -> tuple[list[tuple], list[tuple[list[tuple[int, int]], frozenset]]]:
        """Each token's signature, and what it fires: (one-token rules, longer-pattern slots)."""
        cache = self.cache
        # one array read instead of a Token object per token: the loop below is the hot path
        signatures = list(map(tuple, doc.to_array(_SIGNATURE).tolist()))
        found = []
        for i, signature in enumerate(signatures):
            hit = cache.get(signature)
            if hit is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                hit = cache[signature] = self._lookup(doc[i])
            found.append(hit)
        return signatures, found

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        _, found = self.lookups(doc)
        matches = [(number, key, i, i + 1) for i, (rules, _) in enumerate(found) for number, key in rules]
        matches += self.longer([slots for _, slots in found])
        matches.sort()
        return matches

    def longer(self, slots: list[frozenset]) -> set[tuple[int, int, int, int]]:
        """Matches of the patterns longer than one token (fixed length, no operators); a set,
        because the Matcher reports a rule once per span however many of its patterns fit."""
        out = set()
        for start, here in enumerate(slots):
            for m, k in here:
                if k:
                    continue
                number, key, pattern = self.multi[m]
                end = start + len(pattern)
                if end <= len(slots) and all((m, j) in slots[start + j] for j in range(1, len(pattern))):
                    out.add((number, key, start, end))
        return out


class LookupRuler:
    """A drop-in for the attribute ruler's ``pipe`` (what ``nlp.pipe`` calls): the attributes
    the stock component leaves on each token, written in one array per document instead of a
    Span and a call per match. A token only one-token rules fire on takes what its signature's
    rules set, in the ruler's order, worked out once per signature; a token a longer pattern
    points at replays all its matches in the ruler's order."""

    def __init__(self, ruler, match: LookupMatch):
        if not all(set(attrs) <= _TOKEN_ONLY for attrs in ruler.attrs):
            raise Unsupported("an attribute the lexeme holds too, or an extension")
        if any(ruler.indices[number] not in (0, -1) for number, _, _ in match.single):
            raise Unsupported("a one-token rule that points past its token")
        if any(not -len(pattern) <= ruler.indices[number] < len(pattern) for number, _, pattern in match.multi):
            raise Unsupported("a rule that points outside its match")
        self.ruler, self.match, self.indices = ruler, match, list(ruler.indices)
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        column = {attr: c for c, attr in enumerate(self.columns)}
        self.changes = [tuple((column[a], v) for a, v in attrs.items()) for attrs in ruler.attrs]
        self.composed: dict[tuple, tuple[tuple[int, int], ...]] = {}   # signature -> (column, value)s

    def __call__(self, docs, *, batch_size: int | None = None):
        return _each(self.ruler, self.annotate, docs)

    def annotate(self, doc):
        if not len(doc) or not self.columns:
            return doc
        signatures, found = self.match.lookups(doc)
        pointed: dict[int, list[tuple[int, int, int, int]]] = {}
        for number, key, start, end in self.match.longer([slots for _, slots in found]):
            index = self.indices[number]
            pointed.setdefault(start + index if index >= 0 else end + index, []).append((number, key, start, end))
        rows = doc.to_array(self.columns).tolist()
        for i, (signature, (rules, _)) in enumerate(zip(signatures, found)):
            if i in pointed:
                changes = self._replayed(sorted([(number, key, i, i + 1) for number, key in rules] + pointed[i]))
            else:
                changes = self.composed.get(signature)
                if changes is None:
                    if len(self.composed) >= CACHE_LIMIT:
                        self.composed.clear()
                    changes = self.composed[signature] = self._replayed((number,) for number, _ in rules)
            row = rows[i]
            for column, value in changes:
                row[column] = value
        doc.from_array(self.columns, numpy.array(rows, dtype=numpy.uint64))
        return doc

    def _replayed(self, matches) -> tuple[tuple[int, int], ...]:
        """What the matches set, in their order: a later one overwrites an earlier one."""
        return tuple(change for number, *_ in matches for change in self.changes[number])


def _each(component, annotate, docs):
    """``annotate`` over docs as a stock ``pipe`` runs its component: an error goes to the
    pipeline's error handler."""
    handle = component.get_error_handler()
    for doc in docs:
        try:
            yield annotate(doc)
        except Exception as exc:
            handle(component.name, component, [doc], exc)


_TOKEN_ONLY = frozenset({LEMMA, POS, TAG, DEP, MORPH})     # what spaCy sets on the token and not its lexeme


class WordList(list):
    """A list of words that answers ``in`` from a set (the lemmatizer index's lists)."""

    def __init__(self, words):
        super().__init__(words)
        self.members = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self.members


class LookupLemmas:
    """A drop-in for the rule lemmatizer's ``pipe`` (what ``nlp.pipe`` calls): the same lemmas,
    each (word, part of speech, morphology) lemmatized once by the lemmatizer itself."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, docs, *, batch_size: int | None = None):
        return _each(self.lemmatizer, self.annotate, docs)

    def annotate(self, doc):
        if not len(doc):
            return doc
        cache, lemmatize = self.cache, self.lemmatizer.lemmatize
        keep = not self.lemmatizer.overwrite      # a lemma the attribute ruler set stays
        added: dict[str, int] = {}                # each lemma into the string store once per document
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_LEMMA_KEY).tolist()):
            if not (keep and lemma):
                key = (orth, pos, morph)
                word = cache.get(key)
                if word is None:
                    if len(cache) >= CACHE_LIMIT:
                        cache.clear()
                    word = cache[key] = lemmatize(doc[i])[0]
                lemma = added.get(word)
                if lemma is None:
                    lemma = added[word] = doc.vocab.strings.add(word)
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


_LEMMA_KEY = [ORTH, POS, MORPH, LEMMA]     # what a rule lemma depends on, and the lemma already set


def _lemmas_by_lookup(lemmatizer) -> bool:
    """Only spaCy's own rule lemmatizers, whose lemma is a function of the word, part of speech
    and morphology, and only with their tables loaded (the stock component checks those first)."""
    required, _ = lemmatizer.get_lookups_config(lemmatizer.mode)
    return (type(lemmatizer) in (Lemmatizer, EnglishLemmatizer) and lemmatizer.mode == "rule"
            and all(lemmatizer.lookups.has_table(t) for t in required))


def speed_up(nlp) -> bool:
    """Swap the attribute ruler's matching and the lemmatizer's ``pipe`` for lookups; True when
    both run by lookup. Each one the lookup cannot reproduce exactly stays the stock component."""
    return _speed_up_ruler(nlp) & _speed_up_lemmatizer(nlp)


def _speed_up_lemmatizer(nlp) -> bool:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmatizer is None or not _lemmas_by_lookup(lemmatizer):
        return False
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos, words in list(index.items()):
            index[pos] = WordList(words)
    lemmatizer.pipe = LookupLemmas(lemmatizer)
    return True


def _speed_up_ruler(nlp) -> bool:
    """The attribute ruler matched and written by lookup; False (and the stock ruler) when the
    model's patterns are ones the lookup cannot reproduce exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        match = LookupMatch(ruler)
        writer = LookupRuler(ruler, match)
    except Unsupported as exc:
        log.info("attribute ruler left as it is: %s", exc)
        return False
    ruler.match, ruler.pipe = match, writer
    return True
