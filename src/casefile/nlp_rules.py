"""The model's attribute ruler, matched by lookup instead of by spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` maps each token's tag to its part of speech and
morphology with about 180 Matcher patterns. The Matcher tries every pattern at every
token, which costs about a seventh of the whole parse. Almost all the patterns look at
one token only (its lower-case form, tag, dependency label, whether it is a space), so
the set of rules that fire for a token is a function of those four values: we work it
out once per distinct combination and remember it. The few patterns that span two
tokens keep a small Matcher of their own. Matches are then applied by the ruler's own
``set_annotations`` in the ruler's own order, so the annotations are the same as the
stock component's (tests/test_nlp_rules.py compares them token by token).

Patterns this lookup does not understand leave the stock component untouched.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

from spacy.matcher import Matcher

log = logging.getLogger(__name__)

# token attributes a one-token pattern may test, and how to read them
_READERS: dict[str, Callable] = {
    "LOWER": lambda t: t.lower_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
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
        self.multi = Matcher(ruler.vocab)
        for number, rule in enumerate(ruler.patterns):
            key = self.vocab.strings[str(number)]
            one = [p[0] for p in rule["patterns"] if len(p) == 1]
            many = [p for p in rule["patterns"] if len(p) != 1]
            for pattern in one:
                _check(pattern)
            if one:
                self.single.append((number, key, one))
            if many:
                self.multi.add(str(number), many)
        self.cache: dict[tuple, list[tuple[int, int]]] = {}

    def _rules_for(self, token) -> list[tuple[int, int]]:
        values = {attr: read(token) for attr, read in _READERS.items()}
        return [(number, key) for number, key, patterns in self.single
                if any(all(_test(spec, values[attr]) for attr, spec in p.items()) for p in patterns)]

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        matches = []
        cache = self.cache
        for i, token in enumerate(doc):
            signature = (token.lower, token.tag, token.dep, token.is_space)
            rules = cache.get(signature)
            if rules is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                rules = cache[signature] = self._rules_for(token)
            matches.extend((number, key, i, i + 1) for number, key in rules)
        if len(self.multi):
            matches.extend((int(self.vocab.strings[key]), key, start, end)
                           for key, start, end in self.multi(doc, allow_missing=True))
        matches.sort()
        return matches


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
