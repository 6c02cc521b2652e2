"""Named constants for extract.mentions: pronouns, nouns for people, organizations and
documents, gender cues, and how a noun phrase is read off the parse.

General English news usage only; nothing here names a person, group or phrase from any
particular article.
"""
from __future__ import annotations

import re

# --- Pronouns ------------------------------------------------------------------------
# Third-person pronouns for one person, with the gender they give.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
# every third-person pronoun a mention can be (a person, a thing, a group)
THIRD_PERSON_PRONOUNS = frozenset(PERSON_PRONOUNS) | THING_PRONOUNS | PLURAL_PRONOUNS
# Pronouns for whoever is speaking or spoken to: resolved by the quotation, not the text.
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "you"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# --- Nouns ---------------------------------------------------------------------------
# Nouns naming a document or message that can "say" something.
DOCUMENT_NOUNS = frozenset("""
letter directive report statement decree order document memo memorandum law bill
resolution decision ruling verdict judgment judgement indictment complaint petition
press release communique communiqué declaration notice announcement circular
regulation guideline guidelines policy plan proposal analysis study survey paper
article editorial op-ed post tweet message email e-mail text transcript filing
lawsuit motion brief cable note agreement treaty charter constitution manifesto
video recording speech interview testimony affidavit warrant summons
""".split())
# Nouns naming people, with a gender where the word itself gives one.
FEMALE_NOUNS = frozenset("""
wife mother daughter sister woman girl grandmother aunt niece widow spokeswoman
chairwoman businesswoman congresswoman actress queen princess nun girlfriend fiancee
""".split())
MALE_NOUNS = frozenset("""
husband father son brother man boy grandfather uncle nephew widower spokesman
chairman businessman congressman actor king prince monk priest boyfriend fiance
""".split())
PERSON_NOUNS = FEMALE_NOUNS | MALE_NOUNS | frozenset("""
president minister secretary director head leader chief commander governor mayor
senator lawmaker legislator ambassador envoy diplomat official spokesperson deputy
adviser advisor aide researcher analyst expert scholar academic professor lecturer
student activist campaigner advocate dissident defender lawyer attorney judge
prosecutor blogger journalist reporter correspondent editor writer author founder
member coordinator organizer organiser manager officer executive owner worker
farmer teacher doctor nurse engineer economist historian scientist politician
candidate prisoner detainee inmate witness victim relative resident villager
protester protestor source observer person parent partner friend colleague
neighbor neighbour citizen monitor investigator representative ceo cfo chairperson
premier chancellor governor spokesman
""".split())
# Common nouns naming an organization or an authority that can speak.
ORG_NOUNS = frozenset("""
ministry government police company firm court group organization organisation agency
party committee council embassy office department authority authorities army military
union bank newspaper media outlet network coalition alliance association federation
commission board administration regime state spokesperson parliament assembly
congress senate tribunal prosecution prosecutors institute foundation center centre
campaign movement watchdog ngo charity university school hospital broadcaster website
""".split())

# --- Gender cues -----------------------------------------------------------------------
# Honorifics and words beside a name that give the person's gender ("Mrs.", "his wife X" is
# not one: only words inside the name's own phrase count). Vietnamese middle names "Van"/"Thi"
# mark a man and a woman. Titles in "-man" are left out: many outlets write "spokesman" or
# "chairman" for a woman.
GENERIC_MALE_TITLES = frozenset({"spokesman", "chairman", "congressman", "businessman"})
MALE_CUES = (MALE_NOUNS - GENERIC_MALE_TITLES) | frozenset({"mr", "mr.", "sir", "van", "văn"})
FEMALE_CUES = FEMALE_NOUNS | frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "thi", "thị"})
# Name endings that mark a woman or a man where a language inflects names for gender
# (Slavic surnames and patronymics: -ova/-eva/-skaya, -ovna/-evna; -ovich/-evich).
FEMALE_NAME_ENDINGS = ("ova", "eva", "yova", "skaya", "tskaya", "ovna", "evna", "ichna")
MALE_NAME_ENDINGS = ("ovich", "evich", "ovitch", "yevich")

# --- Names ---------------------------------------------------------------------------
# Tags the small English model gives to name words it does not know.
MISTAGGED_NAME_POS = frozenset({"INTJ", "X", "SYM", "ADV", "ADJ"})
# Words that mark a capitalized name as an organization or place, not a person.
ORG_NAME_WORDS = frozenset("""
rights watch international amnesty news times post agency corp corporation inc ltd
co company party front force forces network society republic kingdom union states
united nations national federal central people's peoples free radio television tv
press daily journal herald tribune mail guardian telegraph
""".split())
NAME_MAX_WORDS = 4
# Tokens that may sit inside a name ("O' Leary", "Smith-Jones").
NAME_JOINERS = frozenset({"'", "\u2019", "-"})
# Links through which a name attaches to the role noun it comes with.
NAME_LINK_DEPS = frozenset({"compound", "conj", "appos", "flat", "nmod"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
PERSON_LABEL = "PERSON"
# Possessive endings stripped from a name ("Smith's" -> "Smith").
POSSESSIVE_RE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")

# --- Noun phrases ----------------------------------------------------------------------
SUBJECT_DEPS = frozenset({"nsubj"})
# Children that end a noun phrase ("the wife of X, who asked ...").
NP_STOP_DEPS = frozenset({"relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "parataxis"})
# Clauses inside a phrase's prepositional part that end it.
NP_CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl"})
# Of those, the one that may restrict the head noun itself ("voters who ..."), and the one
# that restricts whichever noun of the phrase it follows with no comma ("results of the poll
# conducted by ...": annotators read the participle as part of the source).
RESTRICTIVE_DEPS = frozenset({"relcl"})
RESTRICTIVE_PARTICIPLE_DEPS = frozenset({"acl"})
# After the comma that ends a described speaker's phrase, what still belongs to it: an
# apposition, the others named with them, and "including ...".
SET_OFF_DEPS = frozenset({"appos", "conj"})
SET_OFF_PREPS = frozenset({"including"})
# Pronouns that a clause after them describes like a noun ("those surveyed", "some who ...").
GROUP_PRONOUNS = frozenset({"those", "some", "many", "others", "most", "few", "several", "all"})
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "case", "nmod", "nummod",
                          "quantmod", "predet", "npadvmod", "advmod"})
# Prepositions that may continue a phrase ("the wife of ...", "a lawyer for ...").
NP_RIGHT_PREPS = frozenset({"of", "from", "at", "with", "for", "in"})
# Tokens that end a phrase wherever they appear inside it.
NP_BREAKS = frozenset({",", ";", "(", "\u2014", "\u2013", '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", ":"})
# Quotation marks end a speaker phrase ("described by observers as "a sham"").
QUOTE_MARKS = frozenset({'"', "''", "``", "\u201c", "\u201d", "\u2018", "\u2019", "'"})
# Dashes: they end a speaker phrase ("X, who runs the gym — which ...") and a dateline ("CITY
# (Agency) — "; quotes and events read them here).
PHRASE_DASHES = frozenset({"\u2014", "\u2013", "--"})
# Words a phrase cut short may end on, dropped ("observers as").
DANGLING_POS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PART"})
# Closing brackets kept at the end of a phrase that opened them, with their opening one.
CLOSING_BRACKETS = {")": "(", "]": "["}
# Clauses whose subject pronoun tells the gender of whoever governs them ("X said she ...").
CLAUSE_DEPS = frozenset({"ccomp"})

# --- Titles and role nouns ---------------------------------------------------------------
# (Abbreviated titles and the role noun each stands for: concepts.person_names.)
# Determiners that make a role noun point back at someone already named ("the senator").
DEFINITE_DETS = frozenset({"the", "this", "that"})
# Role nouns a news text calls its named subject by when it does not repeat the name ("the
# candidate", "the businessman"): "the" one of them points back at the person the text is about.
# Not offices (the president a text has not named is someone else), nor kin or acquaintances
# ("the brother", "the neighbor"): those are other people. Not "the man" or "the woman" either:
# a text calls an unnamed bystander so as often as the person it is about.
EPITHET_NOUNS = frozenset("""
candidate nominee hopeful contender frontrunner front-runner challenger incumbent
businessman businesswoman billionaire tycoon mogul entrepreneur developer
actor actress singer comedian celebrity politician
""".split())
# Determiners and numbers that bring in someone new ("a woman", "one candidate").
INDEFINITE_DETS = frozenset({"a", "an", "another", "one"})
# How far back (characters) "the candidate" looks for the named person it stands for.
EPITHET_WINDOW = 1500
# Words before a mention read for the titles it comes with ("Democratic Sen. X").
TITLE_LOOKBACK_TOKENS = 3

# --- Antecedents -----------------------------------------------------------------------
# How far back (characters) a pronoun looks for its antecedent, and how many of the
# nearest entities it weighs.
ANTECEDENT_WINDOW = 4000
ANTECEDENT_MAX_CANDIDATES = 10
# How far back a he/she told of what happened to someone looks for the person named last
# (events: refer(..., recent=True)).
RECENT_NAME_WINDOW = 1500
# How far after a pronoun with no antecedent its person may first be named ("Relatives fear he
# has died ... Hossein X, 52, was taken ..."): about two sentences.
CATAPHORA_CHARS = 400
