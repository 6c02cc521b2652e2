"""Named constants for extract.quotes: reporting verbs, quotation marks, speaker cues.

General English news conventions only; nothing here names a person, group or phrase
from any particular article.
"""
from __future__ import annotations

import re

# --- Quotation marks -------------------------------------------------------------
DOUBLE_OPEN = "\u201c\u00ab\u201e"          # “ « „
DOUBLE_CLOSE = "\u201d\u00bb"               # ” »
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "\u2018"                      # ‘
SINGLE_CLOSE = "\u2019"                     # ’ (also the typographic apostrophe)
STRAIGHT_SINGLE = "'"
# Two apostrophes (or two backticks opening) that some wires and archives write for a double mark.
DOUBLED_MARKS = frozenset({"''", "``"})
# A straight mark opens when what precedes it is one of these (or the line start).
OPENING_CONTEXT = " \t([{\u2014\u2013-/:;"
# A straight double mark right after a number is a unit (inches, seconds), not a quote,
# unless a capitalized word comes before the number ('Article 88 "...').
MEASURE_LOOKBACK_CHARS = 40
MEASURE_BEFORE_RE = re.compile(r"(\S*)\s+\d+(?:[.,]\d+)?\s?$|^\d+(?:[.,]\d+)?\s?$")
# Characters trimmed from the inside edges of a quotation.
INNER_TRIM = " \t\u00a0"

# --- Reporting verbs -----------------------------------------------------------------
# Lemmas whose subject is the speaker of a nearby direct quote.
REPORTING_VERBS = frozenset("""
say tell write add argue urge describe state note warn claim insist explain
assert allege contend declare announce acknowledge admit comment remark observe
stress emphasize emphasise recall reply respond answer ask caution predict
complain conclude suggest concede confirm testify recount continue
call demand plead appeal vow pledge promise threaten advocate
post tweet report quote read characterize characterise praise
criticize criticise condemn denounce dub brand label term accuse estimate
stipulate instruct direct order inform
chant shout yell scream exclaim inquire enquire
""".split())
# Of those, the ones that attribute only a whole utterance ('chanted "Stop the war!"'), not a
# quoted word or slogan ('chanted "freedom"').
SHOUTING_VERBS = frozenset({"chant", "shout", "yell", "scream", "exclaim"})
# "As the professor put it, ...": this verb reports words only with "it" as its object after "as".
PUT_IT_VERB, PUT_IT_OBJECT, PUT_IT_MARK = "put", "it", "as"
# "All told, ..." means "in total": a verb of saying with nobody speaking.
IN_TOTAL_VERB, IN_TOTAL_SUBJECT = "tell", "all"

# Lemmas that introduce a reported clause ("X said (that) ..."). Narrower than
# REPORTING_VERBS: "call", "praise", "ask" rarely take a reported clause.
INDIRECT_VERBS = frozenset("""
say tell write add argue claim insist explain assert allege contend declare announce
acknowledge admit note warn state stress emphasize emphasise recall predict
complain conclude concede confirm testify report remark observe caution estimate
""".split())
# Of those, the ones that are not verbs of saying: admitting, finding, recalling, stressing
# ("acknowledged that", "the study concluded that", "the paper reported that") attribute a
# finding or a concession, so their clause is no indirect quote (on PolNeAR train under one
# in ten is an annotated quote, against three in four for "said"). They still attribute a
# quotation ("..., he conceded"). "estimate" stays a verb of saying, as the held-out gold has it.
NOT_SAYING_VERBS = frozenset("""
assert allege contend acknowledge admit stress emphasize emphasise recall predict complain
conclude concede confirm testify report remark observe caution
""".split())
# As a participle ("..., arguing that ...", "..., noting that ...") a verb describes how someone
# acted more than it reports what they said: on PolNeAR train 3 in 90 such clauses are annotated
# quotes, against 2 in 3 for "saying". These keep their clause as participles too.
PARTICIPLE_SAYING_VERBS = frozenset({"say", "add", "tell"})
PARTICIPLE_TAG = "VBG"

# Reporting verbs that only count when their subject is a person or organization,
# because they are also ordinary verbs ("the price continued", "sales reported").
WEAK_REPORTING_VERBS = frozenset({"continue", "read", "post", "tweet", "report", "call", "quote",
                                  "dub", "brand", "label", "term", "direct", "order"})
# Of those, the ones that only count with a subject of their own: as bare participles
# they name things ("the campaign, dubbed ...").
OWN_SUBJECT_VERBS = frozenset({"dub", "brand", "label", "term", "call"})
# Words that negate a cue ("did not say"); the tag alone is unreliable on foreign names.
NEGATIONS = frozenset({"not", "n't", "never", "no", "nt"})
# "X quoted Y as saying": the speaker is the object of this verb, not its subject.
QUOTING_VERBS = frozenset({"quote", "cite"})
# Dependencies of a verb whose first token right after an inverted cue ("said Dr Lee
# commenting") the parser took for the subject of a following clause.
INVERTED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "dobj"})

# "According to X, ..." and its variants: the phrase heads, the preposition that follows.
ACCORDING_HEADS = frozenset({"according"})
ACCORDING_PREP = "to"
# "according to X" names a source only at the edge of a clause ("..., according to X" /
# "According to X, ..."), and not when X is a set of numbers ("according to EU figures")
# or a rule ("compensated according to the law").
ACCORDING_BEFORE = frozenset({",", "\u2014", "\u2013", "(", "\u201d", '"', "''"})   # or a closing mark
DATA_SOURCE_NOUNS = frozenset("""
figure figures data statistic statistics estimate estimates number numbers record records
tally count calculation calculations table chart index
""".split())   # a poll or a census is a source that "finds" and "says"; bare numbers are not

# Complementizers that mark an indirect question, not reported speech.
QUESTION_MARKERS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who"})
# Verbs whose indirect question is what someone asked ("asked whether ...", "asked how ..."):
# the question is their reported speech.
QUESTION_VERBS = frozenset({"ask", "inquire", "enquire"})
# "said during a news conference that he may wait": the parser may take a reported clause after
# the verb's prepositional phrase for a relative clause on its noun.
MISPLACED_CLAUSE_DEP = "relcl"
# "asked the pupils if they were ready": the parser may hang a yes/no question on the verb as a
# side clause, marked by one of these.
SIDE_CLAUSE_DEP = "advcl"
YES_NO_MARKERS = frozenset({"if", "whether"})
# Verbs of saying whose noun-phrase object is what was said ("announced his candidacy",
# "explained the process", "said a few words"), not the one spoken to ("told reporters").
MESSAGE_OBJECT_VERBS = frozenset({"say", "announce", "note", "explain", "declare"})
MESSAGE_OBJECT_POS = frozenset({"NOUN", "PROPN"})
# "46 percent said yes", "a third said the same": an answer after "say" is what was said.
ANSWERING_VERBS = frozenset({"say"})
ANSWER_WORDS = frozenset({"yes", "no"})
ANSWER_DEPS = frozenset({"intj", "dobj"})
SAME_WORDS = frozenset({"same"})
# What someone asked (QUESTION_VERBS) for is their request: "asked the court to delay the
# trial" (the one asked and what they are to do), "asked for a recount".
REQUEST_PREP = "for"
# "..., as the mayor noted, ...": the aside hangs on its sentence with this marker.
AS_ASIDE_MARK = "as"
# Children that give such an aside words of its own ("just as she said she would"): then
# it is no attribution of the sentence around it.
OWN_OBJECT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "dative"})

# Clauses inside a speaker's phrase that end it when their verb reports speech ("X, who
# also said ...": another attribution, not a description).
SPEAKER_CLAUSE_DEPS = frozenset({"relcl", "acl"})
# Punctuation that closes a speaker's apposition or brackets ("Jo Lind (D-Ore.) in an interview").
AFTER_APPOSITION_PUNCT = frozenset({",", ")"})
# Prepositions that say where a speaker is from or works, not how they spoke ("Jo Lind, 30, of Lakeview").
ORIGIN_PREPS = frozenset({"of", "from", "with", "including"})
# A participle set off after a speaker's name ("Jo Lind, wearing a cap, said") tells what they
# did, not who they are: the phrase ends before it.
SPEAKER_ASIDE_DEPS = frozenset({"acl", "advcl"})
# A speaker written right beside the cue ("said Jo Lind") is looked for this many tokens away,
# climbing from a name's first word to its head through these links.
BESIDE_CUE_TOKENS = 4
NAME_PART_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod"})
# A long quotation with no reporting verb is speech when it is the object of its clause's
# verb ('The report contains "..."'), or follows the verb after one of these ('X joked: "..."').
QUOTED_OBJECT_DEPS = frozenset({"dobj", "ccomp"})
INTRO_PUNCT = frozenset({":", ","})
# 'Digest headline - Jo Lind: "..."': at most this many capitalized words before the colon.
COLON_SOURCE_MAX_WORDS = 4
# "who" stands for a person: a place the parser hangs a "who" clause on ("a nurse from Lakeview,
# Ohio, who said") gives way to the phrase it closes, through these links.
PERSONAL_RELATIVES = frozenset({"who", "whom"})
PLACE_PHRASE_DEPS = frozenset({"pobj", "appos", "conj", "compound", "npadvmod"})
# "Majorities of voters going to the polls said": a participle the parser makes the verb's subject
# clause holds the speakers as its own subject.
SUBJECT_CLAUSE_DEP = "csubj"
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# Dependency labels.
# The tense and number a finite verb tag writes: a verb of saying joined by "and" to a clause
# written in another form is not that clause's ("fear that the mill has failed and warn that").
VERB_FORMS = {"VBD": "past", "VBZ": "third singular", "VBP": "plain", "VB": "plain", "MD": "modal"}
AUX_DEPS = frozenset({"aux", "auxpass"})
# A cue without its own subject borrows one from the verb it hangs on ("..., adding that").
BORROW_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep"})
# Glosses inside a reported clause that may hold quoted names ("..., which punishes "...").
GLOSS_DEPS = frozenset({"relcl"})
LISTENER_DEPS = frozenset({"dobj", "dative"})
# Verbs whose object is the one spoken to ("told Reuters", "asked the mayor"): the name
# right after them is never the speaker.
ADDRESSING_VERBS = frozenset({"tell", "ask", "inform", "assure", "reassure", "remind", "urge", "advise", "warn"})
PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "conj"})

# A paragraph that is only a quote continues the previous quote's speaker when that
# quote ended at most this many paragraphs earlier.
CONTINUATION_PARAGRAPHS = 2
# Who may introduce the next paragraph's quotation with a sentence ending in a colon.
INTRO_SPEAKER_KINDS = frozenset({"person", "name", "org", "group"})

# --- What counts as a quote ------------------------------------------------------------
# A quotation this short, without a finite verb, is a term (scare quote, name) unless a
# reporting verb before it governs it.
SHORT_QUOTE_MAX_WORDS = 4
# Dependency steps allowed from a short quote up to the reporting verb that governs it.
SHORT_QUOTE_MAX_PATH = 5
# A quotation at least this long counts as speech even with no reporting verb in sight.
LONG_QUOTE_MIN_WORDS = 5
# Two pieces of one quotation stand at most this far apart (their attribution between).
SPLIT_GAP_MAX_CHARS = 120
# The first piece of a quotation split by its attribution ends in one of these ('"A," she said').
SPLIT_PIECE_ENDS = ",.?!:;\u2014\u2013-\u2026"
# Heading-like lines (pull quotes) are at most this many words with no final stop.
HEADING_MAX_WORDS = 12
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# The open complement a verb of saying may carry: a gerund that opens the reported clause as its
# subject, which the parser hangs there ("say taxing fuel raises prices"), or what someone is
# asked to do ("asked the court to delay ...").
OPEN_COMPLEMENT_DEP = "xcomp"
INFINITIVE_TAG = "VB"      # "asked the court to delay ..."
SENTENCE_END = ".!?"
CLAUSE_END = ","
# '"Fine," she said': the cue comes within this many tokens of the closing mark, with
# only these punctuation marks between.
ADJACENT_CUE_TOKENS = 5
ATTRIBUTION_PUNCT = frozenset({",", "\u2014"})
# A quotation ending in one of these, then a clause of at most this many tokens holding
# a subject and one verb ("the mayor snapped"), is attributed by that verb.
TAG_QUOTE_ENDS = ",?!"
TAG_CLAUSE_TOKENS = 6
# Such a clause opening with one of these is a side clause, not a tag ('"Stop!" as the mayor left').
TAG_CLAUSE_NOT_FIRST = frozenset({"SCONJ", "ADP"})
# Punctuation that may stand inside a name in that clause ("Sen. Lind", "O'Hara").
NAME_PUNCT = frozenset({".", "'", "\u2019", "-"})
# Words before a quotation that make it a name, not speech ("known as", "so-called").
NAMING_CUES = (
    "so-called", "so called", "known as", "titled", "entitled", "nicknamed", "the word",
    "the words", "the term", "the phrase", "the slogan", "the hashtag", "the motto",
    "the headline", "the name", "referred to as", "under the banner",
)
NAMING_LOOKBACK_CHARS = 24
# A quotation right after these is the name of a charge or a legal provision, not speech
# ('charged with "disturbing public order"', 'under Article 88 for "propaganda"').
CHARGE_BEFORE_RE = re.compile(
    r"(?:charged\s+with|convicted\s+of|found\s+guilty\s+of|guilty\s+of|sentenced\s+for|"
    r"(?:arrested|detained|jailed|prosecuted|tried|indicted|imprisoned)\s+(?:on\s+charges?\s+of|for)|"
    r"charges?\s+of|crimes?\s+of|offen[cs]es?\s+of|accused\s+of|"
    r"\b(?:laws?|articles?|clauses?|provisions?|decrees?|code)\b[\w\s,.'\u2019-]{0,50}?"
    r"(?:against|for|of|on|about|banning|prohibiting|criminali[sz]ing|punishing)|"
    r"\b(?:criminali[sz]es|prohibits|punishes|outlaws|bans)|"
    r"\b(?:sentenced|jailed|imprisoned|convicted|arrested|detained|charged|prosecuted|tried|fined|"
    r"sentencing|jailing|arresting|detaining|charging|prosecuting)\b[^\"\u201c\u201d.;:]{0,80}?\bfor)\s*$",
    re.IGNORECASE)
CHARGE_LOOKBACK_CHARS = 80
# Lower-case words allowed inside a Title Case name ("Law on the Press").
TITLE_SMALL_WORDS = frozenset("""
a an the of on in for and or to at by with from as vs de du la le van von der da di
""".split())
TITLE_MAX_WORDS = 10

# --- Indirect speech -----------------------------------------------------------------
INDIRECT_MIN_WORDS = 3
# A dateline ("CITY (Agency) — ") before the reported clause: how far to look for its dash
# (lexicon/mentions.py PHRASE_DASHES).
DATELINE_MAX_TOKENS = 10
# Punctuation that sets off an attribution inside its clause ("The plan, she said, is dead").
ASIDE_PUNCT = frozenset({",", "\u2014", "\u2013", "--"})
# Leading words dropped from a reported clause.
LEADING_COMPLEMENTIZERS = frozenset({"that"})
# Tokens dropped from the end of a reported clause.
TRAILING_TRIM = frozenset({",", ";", ":", ".", "!", "?", "-", "\u2014", "\u2013", '"', "'",
                           "\u201c", "\u201d", "\u2018", "\u2019", "..."})
