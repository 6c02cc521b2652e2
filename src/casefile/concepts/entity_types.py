"""The kinds of named things casefile keeps, as every layer spells them (spaCy's labels)."""
from __future__ import annotations

# Named-entity types kept as entities, and so the only ones an event's participant can have
# (PRODUCT or CARDINAL spans come back only as names with digits).
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW", "EVENT", "FAC"})
# Of those, the types of places; one shared place alone does not make two reports one event.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
