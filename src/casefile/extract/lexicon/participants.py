"""Named constants for resolving who an event is about: offices that act
for a state, pronouns for organisations, lawyers' clients. General news usage only.
"""
from __future__ import annotations


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


# Heads of institutions named by their state and office ("Norway's foreign ministry", "the Lima city
# government"): the whole phrase is the actor, not the place inside it.
INSTITUTION_NOUNS = _f("ministry", "government", "office", "department", "mission", "bureau", "embassy",
                       "agency", "administration", "authority", "authorities", "police", "prosecutor",
                       "court", "council", "commission", "service", "spokesman", "spokesperson",
                       "spokeswoman", "parliament", "cabinet", "judiciary", "regime", "junta", "army")
# Nouns for the one a lawyer represents: "her client" is the person whose lawyer she is.
CLIENT_NOUNS = _f("client", "clients")
LAWYER_NOUNS = _f("lawyer", "lawyers", "attorney", "attorneys", "counsel", "advocate")
# How many sentences back "X's lawyer" may be named for "her client".
CLIENT_WINDOW_SENTENCES = 3
# Who speaks for a state when they "say" something: an office, or its spokesperson.
OFFICIAL_SPEAKERS = _f("ministry", "government", "office", "department", "embassy", "bureau", "mission",
                       "spokesman", "spokeswoman", "spokesperson", "ministries", "cabinet", "presidency")
# Words in what an office "said" that make it a refusal to comment rather than a statement.
NO_COMMENT_WORDS = _f("comment")
# Prepositions that stay part of an institution's name ("mission to the United Nations").
INSTITUTION_NAME_PREPS = _f("to", "of", "for", "in")
# Pronouns that may stand for an organisation just named ("the department said it does not comment").
ORG_PRONOUNS = _f("it", "its")
ORG_PRONOUN_LABELS = ("ORG", "GPE")
