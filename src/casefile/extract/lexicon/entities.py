"""Named constants for extract.entities: word lists, patterns and small tables.

Everything here is general (titles, naming conventions, country-name variants);
nothing names a particular person, group or phrase from any article.
"""
from __future__ import annotations

import re

from ...concepts import places

POSSESSIVE_SUFFIXES = ("'s", "\u2019s", "\u2018s", "'", "\u2019")

# Role nouns: a person described by one of these holds a title, job or status.
OFFICE_ROLE_NOUNS = frozenset("""
president vice-president premier minister secretary chairman chairwoman chairperson chair
director head leader chief commander general governor mayor senator congressman congresswoman
representative lawmaker legislator ambassador envoy diplomat official spokesman spokeswoman
spokesperson spokespeople deputy adviser advisor aide researcher analyst expert scholar academic
professor lecturer student activist campaigner advocate dissident defender lawyer attorney
barrister judge prosecutor blogger journalist reporter correspondent editor writer author poet
artist musician singer photographer filmmaker founder co-founder cofounder member coordinator
organizer organiser manager officer executive ceo chairman founder owner businessman businesswoman
entrepreneur priest pastor monk nun bishop cardinal pope imam rabbi worker farmer teacher doctor
nurse engineer economist historian sociologist scientist politician candidate prisoner detainee
inmate witness victim relative king queen
prince princess emperor dictator president-elect prime chancellor secretary-general
commissioner inspector officer colonel captain lieutenant sergeant major admiral marshal
ombudsman rapporteur delegate councillor councilor speaker justice sheikh ayatollah mufti cleric
billionaire mogul tycoon magnate rival frontrunner front-runner nominee hopeful challenger incumbent
actress actor anchor pundit strategist pollster donor counsel treasurer committeeman committeewoman
comptroller auditor supervisor moderator
""".split())

# Family relations: descriptors ("her husband, X"), but never stripped from the front of a name
# (several are given names too).
KIN_NOUNS = frozenset("""
son daughter wife husband mother father brother sister nephew niece cousin uncle aunt grandson
granddaughter grandmother grandfather fiance fiancee partner
""".split())
ROLE_NOUNS = OFFICE_ROLE_NOUNS | KIN_NOUNS
# Kin words that say a woman or a man is meant ("his wife X", "her son X").
FEMALE_KIN_NOUNS = frozenset("""
daughter wife mother sister niece aunt granddaughter grandmother fiancee widow
""".split())
MALE_KIN_NOUNS = frozenset("""
son husband father brother nephew uncle grandson grandfather fiance widower
""".split())
# A kin word before a name, perhaps after a comma and a title: "her husband, former President X".
# The possessive before the kin word says whose relative: "his wife" is a man's, "her son" a woman's.
KIN_BEFORE_NAME = re.compile(r"(?:\b(his|her)\s+(?:[\w-]+\s+)?)?\b(%s)\s*,?\s+(?:[\w.-]+\s+){0,3}$"
                             % "|".join(sorted(FEMALE_KIN_NOUNS | MALE_KIN_NOUNS)), re.I)

# Head nouns that mark an organization in an apposition or a pre-name phrase.
ORG_HEAD_NOUNS = frozenset("""
group organization organisation alliance network coalition association union federation
foundation institute institution agency ministry department committee council commission
company firm corporation party movement campaign charity ngo nonprofit non-profit outlet
broadcaster newspaper magazine station watchdog body bureau office society church university
college school court tribunal embassy consulate army militia
""".split())

# Words that make a capitalized span an organization whatever spaCy said.
ORG_NAME_HEADS = frozenset("""
Ministry Department Embassy Consulate Party Committee Council Commission Agency University
Institute Court Tribunal Bureau Office Assembly Parliament Congress Senate Network
Foundation Association Union Federation Coalition Alliance Corporation Company Group
""".split())

# Organization heads that take a location: "Embassy in X".
ORG_LOCATED_HEADS = frozenset({"Embassy", "Consulate", "Mission"})

# Single capitalized words that complete a title ("Secretary of State", "Chief of Staff",
# "Director of National Intelligence"), not an entity and no part of the name after it.
TITLE_OBJECT_WORDS = frozenset("""
State Defense Defence Justice Interior Treasury Commerce Health Education Labor Labour Energy
Agriculture Transportation Finance Trade Information Staff Elections Intelligence National Homeland
Security Veterans Affairs Housing Development Communications Policy Operations Protocol Management
Budget Public
""".split())

# Small words allowed inside a capitalized title sequence.
TITLE_JOINERS = frozenset({"of", "for", "and", "the", "on"})

# Adjectives describing an organization rather than naming it ("the ruling X Party").
ORG_LEADING_MODIFIERS = frozenset({"ruling", "governing", "opposition", "outlawed", "banned", "state-run",
                                   "former", "then"})

# Ministry / department name forms: "Foreign Ministry" == "Ministry of Foreign Affairs".
MINISTRY_WORDS = frozenset({"ministry", "department"})
MINISTRY_DROP_WORDS = frozenset({"of", "the", "affairs", "and"})

# Legal instruments: "Directive 15", "Decree No. 72/2013", "Article 9 of the Penal Code".
LAW_KEYWORDS = ("Directive", "Decree", "Law", "Resolution", "Article", "Circular", "Decision",
                "Ordinance", "Clause", "Section", "Regulation", "Order")
# A hyphenated prefix belongs to the instrument's name: "Sub-Decree 40", "Anti-Terrorism Law".
LAW_PREFIX = r"(?:[A-Z][a-z]+-)?"
# The code an article belongs to: "of the Penal Code", "of Norland's Criminal Law".
LAW_OWNER = r"(?:the\s+|[A-Z][\w-]*(?:'s|\u2019s)\s+)"
LAW_PATTERN = re.compile(
    r"\b%s(?:%s)\s+(?:No\.\s*)?\d+[A-Za-z]?(?:[/-]\d+[\w/-]*|\.\d+)?"
    r"(?:\s+of\s+%s(?:[A-Z][\w-]*\s+){0,4}(?:Code|Law|Act|Constitution|Ordinance))?"
    % (LAW_PREFIX, "|".join(LAW_KEYWORDS), LAW_OWNER))
# Unnumbered instruments named in title case: "the Anti-Terror Crime Law", "Public Order Act",
# "the Law on Assemblies and Public Meetings". The head must end the capitalized run.
LAW_HEADS = ("Law", "Act", "Code", "Decree", "Ordinance", "Regulation", "Regulations", "Amendment")
LAW_TITLE_PATTERN = re.compile(
    r"\b((?:[A-Z][\w-]*\s+(?:(?:of|on|for|against)\s+(?:the\s+)?(?=[A-Z]))?){1,5}(?:%s))"
    r"(?:\s+(?:of\s+)?\d{4})?\b(?![\w-]|\s+[A-Z0-9])" % "|".join(LAW_HEADS))
LAW_ON_PATTERN = re.compile(
    r"\b(?:Law|Act|Decree|Ordinance)\s+(?:on|of)\s+(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+(?:(?:and|of|on|for|the)\s+)?[A-Z][\w-]*){0,6}")
# Capitalized words that start a sentence or a phrase and so never begin a law's title.
LAW_TITLE_STOPWORDS = frozenset("""
the a an under in on of by for from with and or but as at to its his her their this that these
those new old existing former draft proposed amended controversial country's nation's state's
""".split())
CODE_PATTERN = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w-]*\s+){0,3}(?:Penal|Criminal|Civil)\s+Code)\b")

# A name written with digits: "Group 77", "Beacon9" (capitalized word, then a number).
DIGIT_NAME_PATTERN = re.compile(r"\b[A-Z][A-Za-z]+(?:\s?\d{1,4})\b(?![-/.,]?\d)")

# Acronyms: 2-8 capital letters (optionally dotted); initials skip these small words.
ACRONYM_PATTERN = re.compile(r"\b[A-Z]{3,8}\b")  # untagged ones; two letters are too often something else
ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "&"})

# Verbs that make their subject an agent (a person or an organization, never a product).
AGENT_VERBS = frozenset("""
say tell write state add argue claim note warn urge call report announce accuse criticize
criticise condemn deny insist explain demand describe publish release allege estimate
""".split())

# Dependencies by which a name (or its title) is an argument of a word before it: that word
# governs the name and describes nobody ("to misrepresent Secretary X").
ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "attr", "oprd", "iobj"})

# Longest descriptor walked leftwards from a name, in tokens.
MAX_TITLE_TOKENS = 8

# Titles written before a name, read back as one word each: the few characters before a
# mention, and at most this many capitalized words ("former Secretary of State").
TITLE_CHARS_BEFORE = 60
MAX_TITLE_WORDS_BEFORE = 4
# Stop words that are also given names or surnames ("Will", "May"): they may end or open a name.
NAME_LIKE_STOP_WORDS = frozenset({"will", "may"})
# Verb forms that never open a name ("Attacking X", "Said X"); the base form may ("Will").
NOT_NAME_VERB_TAGS = frozenset({"VBG", "VBD", "VBN", "VBZ"})

# Honorifics and abbreviated titles stripped from the front of a PERSON span.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt",
                        "capt", "sgt", "rev", "fr", "sr", "st", "hon", "pres", "sir", "dame", "lord", "lady"})

# Labels whose spans a digit-name or acronym must never overlap.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT"})

# Prepositions linking a described person to where they work ("a researcher with X").
AFFILIATION_PREPS = ("with", "at", "of", "for", "from")
AFFILIATION_BEFORE = re.compile(r"\s+(%s)\s+" % "|".join(AFFILIATION_PREPS))

# Copulas introducing a post-name role ("X is a correspondent with Y").
COPULAS = ("has been", "had been", "is", "was", "became", "becomes", "remains")
# What follows a name before an apposition (", a researcher") or a role ("is a correspondent").
APPOSITION_AFTER = re.compile(r"(?:,\s+(?P<det>(?:a|an|the|his|her|their|its)\s+)?|\s+(?P<cop>%s)\s+(?:a|an|the)\s+)"
                              % "|".join(COPULAS))

# Between an owning country and its organization: "Vietnam's Foreign Ministry", "Vietnamese Foreign Ministry".
OWNER_GAP = re.compile(r"(?:'s|\u2019s)?\s{1,2}")

# Last words that make a span tagged PERSON a company or a product line ("X Airlines", "X Store").
NOT_PERSON_HEADS = frozenset("""
Store Stores Airlines Airways Air Motors Motor Inc Inc. Corp Corp. Ltd Ltd. LLC PLC Group Holdings
Bank Aircraft Records Studios Press Media Software Systems Technologies Labs Pharmaceuticals
Watch Monitor Forum Initiative Centre Center Project Observatory Observer Institute Trust Fund
Collective Coalition Network Society Times Post Herald Tribune Journal Gazette Report Review News
Foundation Alliance Union Council Committee Commission Campaign Movement Partnership House
""".split())

# Last words that make a span tagged PERSON/ORG a place or building ("X Prison", "X Avenue").
FACILITY_NAME_HEADS = frozenset("""
Prison Jail Penitentiary Camp Hospital Avenue Street Road Boulevard Square Bridge Airport Station
Stadium Palace Temple Pagoda Mosque Cathedral Courthouse Tower Towers
""".split())

# Last words that make a span tagged PERSON a place ("Eastvale Province", "Kachin State").
PLACE_NAME_HEADS = frozenset("""
State Province Region District County Prefecture Oblast Governorate Township Municipality Territory
""".split())

# Wire-style credit lines name journalists: "(Reporting by A; Editing by B)".
CREDIT_LINE_BEFORE = re.compile(r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Ww]ritten|[Ee]dited|"
                                r"[Tt]ranslated|[Rr]eported|[Aa]dditional reporting)\s+by\s+(?:[A-Z][\w.'-]*\s+"
                                r"(?:[A-Z][\w.'-]*\s+)*and\s+)?$")

# A dateline opens a line: "CITY —", "CITY, Region, Month Day (Agency) —": where the story was
# filed, which is metadata; nothing in it is a mention.
DATELINE = re.compile(
    r"^[ \t(]*[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]*){0,3}"    # the city, in capitals
    r"(?:,[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2})?"   # its region or country
    r"(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)?"     # the date
    r"(?:[ \t]*\([^()\n]{1,40}\))?"                                        # the agency
    r"[ \t]*(?:\u2014|\u2013|\u2015|--?)[ \t]", re.MULTILINE)

# Company-form suffixes ignored when comparing organization names ("Acme Inc." == "Acme").
ORG_LEGAL_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
                                "llc", "plc", "n.v.", "nv", "s.a.", "sa", "ag", "gmbh", "limited"})

# Vietnamese names spaCy misses (often when written with diacritics): a capitalized run of
# 2-4 words starting with a common family name. Runs containing these words are places or orgs.
VN_NAME_MIN_WORDS, VN_NAME_MAX_WORDS, VN_NAME_MAX_WORD_LEN = 2, 4, 7
PLACE_WORDS = frozenset("""
City Province District Street Road Bridge Lake River Commune Ward Village Prison Camp Square
Market Airport Port Bay Island Islands Mountain Pagoda Temple Church Hospital School Park
""".split())
VIETNAMESE_PLACE_NAMES = frozenset({"ha noi", "ha tinh", "ha giang", "ha nam", "ha long", "ha dong",
                                    "lam dong", "thai binh", "thai nguyen", "cao bang", "ho chi minh",
                                    "dong nai", "dong thap", "quang ninh", "quang nam", "quang ngai",
                                    "quang tri", "quang binh", "vinh long", "hoa binh", "phu yen", "phu tho"})

# Vietnamese middle names: after one of these a family name that is also an English word
# ("Do", "Le", "Ha") still begins a name ("Do Van X").
VN_MIDDLE_NAMES = frozenset("""
van thi duc minh quoc thanh huu ngoc dinh cong xuan hong kim anh bao gia hoang manh trong tien
dang chi phuong thu tuan
""".split())

# Parts of speech that never begin a name; spaCy sometimes starts a span on them.
# (Not VERB/AUX: names like "Will ..." or "Do Van ..." are tagged so at the start of a sentence.)
NON_NAME_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "PUNCT", "INTJ"})

# "Foreign Ministry" -> "Ministry of Foreign Affairs": subjects whose long form adds "Affairs".
MINISTRY_AFFAIRS_SUBJECTS = frozenset({"foreign", "home", "internal", "veterans", "economic", "religious",
                                       "consumer", "social", "labour, invalids and social"})

# A place, not a person, whatever name it shares: "arrested in Hue", "Hue City", "Hue province".
PLACE_CONTEXT_BEFORE = re.compile(r"\b(?:in|at|near|into|across|outside|inside)\s+$")
PLACE_CONTEXT_AFTER = re.compile(r"\s+(?:[Cc]ity|[Pp]rovince|[Dd]istrict|[Cc]ounty|[Ss]tate|[Rr]egion|"
                                 r"[Vv]illage|[Cc]ommune)\b")
# A "person" followed by one of these is a facility ("X prison", "X detention center").
FACILITY_CONTEXT_AFTER = re.compile(r"\s+(?:prison|jail|camp|detention|street|road|bridge|square|pagoda|temple|"
                                    r"church|hospital|court(?:house)?|airport|station)\b")
# An org-tagged name followed by one of these is a prison ("X prison", "X women's prison").
PRISON_CONTEXT_AFTER = re.compile(r"\s+(?:(?:women|men|youth)(?:'s|\u2019s)\s+|(?:juvenile|military|central|"
                                  r"maximum-security|high-security|pretrial)\s+)?(?:prison|jail|penitentiary)\b")


# "Full Name (ACR)": an acronym defined in parentheses right after the name.
ACRONYM_DEFINITION = re.compile(r"\(([A-Z]{2,8})\)")

# A name right after a person's role noun is a person whatever the model said ("lawyer X",
# "her daughter, X,"); the group of words before the role may hold a possessive.
ROLE_BEFORE_NAME = re.compile(r"\b([a-z][\w-]*)(?:\s*,)?\s+$")
POSSESSED_ROLE_BEFORE = r"(?:'s|\u2019s|\b(?:his|her|their|my|our|[Aa]nother|[Ff]ellow))\s+(?:[\w-]+\s+)?%s\s*,\s*$"

# "the widow of X", "the son of X": the name after a relation is a person.
RELATION_OF_BEFORE = re.compile(r"\b(?:the|a|his|her|their)\s+(?:late\s+)?(?:%s|widow|widower)\s+of\s+$"
                                % "|".join(sorted(KIN_NOUNS)))
# "X, his wife," / "X, her lawyer,": a possessed role right after the name makes it a person.
ROLE_AFTER_NAME = re.compile(r"\s*,\s+(?:his|her|their)\s+(?:[\w-]+\s+)?([a-z][\w-]*)\b")
# State bodies whose canonical name carries the owning country ("Laos Ministry of Public Security"):
# the same name in another country is another body.
STATE_ORG_HEADS = frozenset("""
ministry department embassy consulate mission party police army navy court parliament assembly
government cabinet council committee agency office legislature senate congress house
""".split())

# Photo credits name photographers, not people in the story: "Jane Roe/Agency", "Photo by Jane Roe".
CREDIT_AFTER = re.compile(r"\s*/\s*[A-Z]")
CREDIT_BEFORE = re.compile(r"(?:[Pp]hoto(?:graph)?s?|[Ii]mages?|[Cc]redits?|[Pp]icture)(?:\s+by)?\s*:?\s*$")

# Peoples and faiths the model often tags ORG or PERSON; they are NORP.
NORP_WORDS = frozenset("""
uyghur uyghurs uighur uighurs tibetan tibetans hmong khmer montagnard montagnards rohingya kurd kurds
kurdish baha'i bahai catholic catholics protestant protestants buddhist
buddhists muslim muslims christian christians
""".split()) | (frozenset(places.DEMONYMS) - frozenset(places.COUNTRY_VARIANTS))

# Lower-case heads of an organization named after its place: "the Norland government",
# "Norland's foreign ministry", "the Eastshire regional prosecutor's office".
LOWER_ORG_HEADS = frozenset("""
government ministry office syndicate union mission embassy consulate police court council
committee commission agency department parliament legislature army military navy delegation
administration
""".split())
# Heads whose name runs on over "to the X" and "in Y": "Norland's mission to the United Nations in Z".
LOWER_ORG_SEATED_HEADS = frozenset({"mission", "embassy", "consulate", "delegation"})
LOWER_ORG_MAX_MODIFIERS = 3

# A title-case run that names an organization: it ends on an org head, or it has a capitalized
# preposition inside ("Doctors Without Borders").
ORG_TITLE_HEADS = ORG_NAME_HEADS | NOT_PERSON_HEADS
TITLE_ORG_PREPOSITIONS = frozenset({"Without", "Against", "Beyond", "Across", "For"})
TITLE_ORG_JOINERS = (("of", "the"), ("for", "the"), ("on", "the"), ("of",), ("for",), ("on",))
TITLE_ORG_MAX_WORDS = 8
# A line this share of whose content words are capitalized, with at least this many words, is
# a title-case headline: capitals there do not mark names.
HEADLINE_CAPS_SHARE = 0.7
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
# Stop words that are also names of months ("May 3"): capitalized before a number, no sign of a headline.
MONTH_LIKE_STOP_WORDS = frozenset({"may"})
# A byline opens its line with "By" and the writer's name.
BYLINE = re.compile(r"\s*[Bb]y\s+[A-Z]")
# Three or more words in capitals in a row are shouted (a headline or a label in capitals).
SHOUTED_RUN = re.compile(r"(?<![\w'\u2019])[A-Z][A-Z'\u2019.&-]+(?:[ \t,:;]+[A-Z][A-Z'\u2019.&-]+){2,}(?![\w'\u2019])")
# Lower-case unit words that complete a place inside an org's name.
ADMIN_UNIT_AFTER = re.compile(r"\s+(?:province|district|county|city|municipality|prefecture|region|commune)\b")
