"""Named constants for cross-document resolution: word lists, type groups and thresholds.

All general (titles, institution words); nothing names a particular person, group or phrase
from any article. Country names, demonyms and name suffixes are shared with extraction and
live in ``casefile.concepts``.
"""
from __future__ import annotations

# Entity types that may denote the same thing; anything else never merges across groups.
TYPE_GROUPS: dict[str, str] = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
                               "FAC": "place", "NORP": "norp", "LAW": "law", "EVENT": "event"}

# Where an identical full name may join entities of different groups: per-document typing
# wavers between ORG, LAW, FAC and GPE for one name, but a person or a people (NORP) is
# never the same thing as a place or an organization of the same name.
NAME_SPACES: dict[str, str] = {"person": "person", "norp": "norp"}

# Titles and honorifics dropped from the front of a name before comparing ("President X").
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady sen senator rep representative gov governor gen general
col colonel lt lieutenant capt captain maj major sgt sergeant adm admiral president vice prime minister
premier chancellor secretary chairman chairwoman chair director deputy ambassador judge justice mayor
king queen prince princess emperor pope cardinal bishop father rev reverend imam rabbi sheikh
former late then acting interim foreign state general-secretary secretary-general party leader
activist blogger journalist lawyer dissident pastor monk
""".split())

# A person's name a reader would write has at most this many parts ("Ana Pérez Gil Roe").
MAX_NAME_PARTS = 4

# A one-word org or place is a person when the corpus calls people so in at least this many
# documents, and this many times as often as it uses the word otherwise.
SURNAME_AS_PERSON_MIN_DOCS = 3
SURNAME_AS_PERSON_RATIO = 2.0
# A lone surname joins the bearer named in at least this many documents and this many times as
# many as the next bearer ("Roe" alone, when one Roe dominates the corpus).
LONE_NAME_MIN_DOCS = 3
LONE_NAME_DOMINANCE = 3.0
# A titled lone name ("President Roe") joins the bearer written with that title this many times
# as often as the next.
OFFICE_DOMINANCE = 2.0
# Words among TITLES that qualify an office rather than name one ("former", "acting").
TITLE_MODIFIERS = frozenset({"former", "late", "then", "acting", "interim", "foreign", "state", "vice",
                             "deputy", "prime", "general", "party", "leader"})

# At most this many title words before a name are kept in a written form ("Vice President X").
MAX_TITLE_WORDS = 2
# An abbreviated title with its full stop is at most this long ("Sen.", "Gov.", "Prof."): a longer
# word before a full stop ends a sentence.
MAX_ABBREVIATION_CHARS = 5
# Characters read before a mention when looking for those title words.
TITLE_WINDOW = 40

# Small words left out of organization keys ("the Ministry of Foreign Affairs").
ORG_STOPWORDS = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "&"})

# Institution words: a name made only of these (plus a country) is generic, e.g. "Foreign Ministry".
INSTITUTION_WORDS = frozenset("""
ministry department office bureau agency embassy consulate mission police army navy military court
supreme people's peoples public security government cabinet parliament assembly national congress
senate committee commission council central communist party state foreign affairs home interior
justice defense defence finance trade commerce information communications culture education health
labor labour environment industry planning investment prosecution procuracy prosecutor prosecutors
general high provincial city municipal district federal republic socialist presidential palace
secretariat politburo standing tribunal prison detention centre center administration service house
intelligence border guard coast immigration customs spokesperson spokesman media press union
authorities authority officials official regime junta forces force troops soldiers officers
""".split())

# Heads that mean the same thing once the order is normalized ("Ministry of Foreign Affairs").
ORG_HEAD_REWRITES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("ministry", "foreign", "affairs"): ("foreign", "ministry"),
    ("foreign", "affairs", "ministry"): ("foreign", "ministry"),
    ("department", "state"): ("state", "department"),
    ("ministry", "public", "security"): ("public", "security", "ministry"),
    ("ministry", "home", "affairs"): ("home", "ministry"),
    ("ministry", "internal", "affairs"): ("interior", "ministry"),
    ("ministry", "interior"): ("interior", "ministry"),
    ("ministry", "defense"): ("defense", "ministry"),
    ("ministry", "defence"): ("defense", "ministry"),
    ("ministry", "justice"): ("justice", "ministry"),
    ("ministry", "information", "communications"): ("information", "ministry"),
}

# Length of an organization's acronym ("UN" to "UNESCO-like" six letters).
ACRONYM_MIN = 2
ACRONYM_MAX = 6

# Descriptor kinds that name who an entity belongs to (may carry its country).
AFFILIATION_KINDS = frozenset({"affiliation"})

# Descriptor words too common to tell two people apart when picking among candidates.
DESCRIPTOR_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "and", "in", "at", "with", "former"})

# --- event clustering -----------------------------------------------------------------------

# Participants of an event must overlap at least this much (shared / smaller set).
MIN_PARTICIPANT_OVERLAP = 0.5
# When both events name two or more entities, they must share at least this many.
MIN_SHARED_WHEN_RICH = 2
# An entity in more events of one type than this does not propose pairs by itself.
MAX_EVENT_BLOCK = 400
# Shared places that do identify an event by themselves (the two parties of an agreement).
MIN_SHARED_PLACES = 2
# Weight of sentence similarity: small, so it only breaks ties between equal overlaps.
SIMILARITY_WEIGHT = 0.05
# Sentences encoded together for that similarity: sorted by length, small batches pad little.
EMBEDDING_BATCH_SIZE = 16
# Two outlets may disagree on a date by this many days and still report one event
# (then the disagreement is flagged), when a named person ties the reports together.
DATE_CONFLICT_TOLERANCE_DAYS = 45
# Event types about one person's case: a shared person is strong evidence of one event.
CASE_EVENT_TYPES = frozenset({"arrest", "charge", "trial", "imprisonment", "detention_abuse", "release",
                              "disappearance", "killing", "travel_restriction", "harassment"})
# Date values for a time still to come: such a report only joins others without a date.
FUTURE_VALUES = frozenset({"FUTURE_REF"})
# Modalities that never describe the same happening as an asserted report.
EXCLUSIVE_MODALITIES = frozenset({"negated"})

# --- corroboration and conflicts --------------------------------------------------------------

# Independent outlets needed for a fact to count as corroborated.
CORROBORATION_MIN_SOURCES = 2
# Relative difference above which two amounts or counts disagree.
AMOUNT_TOLERANCE = 0.01
# Quoted words shorter than this are too common to compare across speakers.
MIN_QUOTE_WORDS = 5
# Shingle length for finding the same quoted words in two documents.
QUOTE_SHINGLE = 5
# Quotes sharing one shingle beyond this many are not compared through it.
MAX_QUOTE_BLOCK = 200
# Share of the shorter quote's shingles that must recur for "the same words".
QUOTE_OVERLAP = 0.8

# Approximate days per duration unit, to compare "18 months" with "a year and a half".
DURATION_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0, "H": 1 / 24}
