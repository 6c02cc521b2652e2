"""The model's attribute ruler, matched by lookup instead of by spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` maps each token's tag to its part of speech and
morphology with about 180 Matcher patterns. The Matcher tries every pattern at every
token, which costs about a seventh of the whole parse. Almost all the patterns look at
one token only (its lower-case form, tag, dependency label, whether it is a space), so
the set of rules that fire for a token is a function of those four values: we work it
out once per distinct combination and remember it. The few patterns that span two
tokens are matched from the same per-token lookup. Matches are then applied by the ruler's own
``set_annotations`` in the ruler's own order, so the annotations are the same as the
stock component's (tests/test_nlp_rules.py compares them token by token).

Patterns this lookup does not understand leave the stock component untouched.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

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
        self.cache: dict[tuple, tuple[list[tuple[int, int]], frozenset]] = {}

    def _lookup(self, token) -> tuple[list[tuple[int, int]], frozenset]:
        """The one-token rules this token fires, and the (longer pattern, position) slots it fills."""
        values = {attr: read(token) for attr, read in _READERS.items()}

        def fits(token_pattern: dict) -> bool:
            return all(_test(spec, values[attr]) for attr, spec in token_pattern.items())

        rules = [(number, key) for number, key, patterns in self.single if any(map(fits, patterns))]
        slots = frozenset((m, k) for m, (_, _, pattern) in enumerate(self.multi)
                          for k, token_pattern in enumerate(pattern) if fits(token_pattern))
        return rules, slots

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        matches = []
        cache = self.cache
        slots = []
        # one array read instead of a Token object per token: the loop below is the hot path
        for i, signature in enumerate(map(tuple, doc.to_array(_SIGNATURE).tolist())):
            found = cache.get(signature)
            if found is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                found = cache[signature] = self._lookup(doc[i])
            for number, key in found[0]:
                matches.append((number, key, i, i + 1))
            slots.append(found[1])
        matches += self._longer(slots)
        matches.sort()
        return matches

    def _longer(self, slots: list[frozenset]) -> set[tuple[int, int, int, int]]:
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


def speed_up(nlp) -> bool:
    """Swap the attribute ruler's matching for the lookup; False (and the stock ruler) when
    the model's patterns are ones the lookup cannot reproduce exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = LookupMatch(ruler)
    except Unsupported as exc:
        log.info("attribute ruler left as it is: %s", exc)
        return False
    return True
