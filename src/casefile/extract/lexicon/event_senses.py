"""Named constants for telling a real event from talk about one (extract.events.modality, .sense)."""
from __future__ import annotations


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


# Verbs that put an event in someone's wishes rather than in the world ("hoped X would free them").
IRREALIS_VERBS = _f("threaten", "vow", "hope", "want", "wish", "urge", "ask", "demand", "pressure", "press",
                    "call", "seek",
                    "encourage", "aim", "try", "attempt", "need", "intend", "refuse")
# Verbs that turn what follows into a threat: "warned that she would be arrested" is harassment.
THREAT_VERBS = _f("warn", "threaten", "tell")
# Auxiliaries of an event that is threatened or hypothetical, not reported as done.
HYPOTHETICAL_AUX = _f("would", "will", "could", "might", "may", "'ll", "can")
# Subordinators of a time clause: "when she visits X" is a real, scheduled event even inside a request.
TIME_CLAUSE_MARKERS = _f("when", "while", "during", "before", "after", "once", "as")
# Modality cues.
REPORTED_WORDS = _f("reportedly", "purportedly", "apparently")
ALLEGED_WORDS = _f("alleged", "allegedly", "purported", "supposed", "claimed")
EXPECTED_AUX = _f("will", "shall", "would", "'ll")
EXPECTED_GOVERNORS = _f("expect", "plan", "set", "schedule", "due", "likely", "going", "poised")
NEGATION_GOVERNORS = _f("deny", "refute", "reject")
NEGATION_WORDS = _f("not", "never", "n't", "no")
