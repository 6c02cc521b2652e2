"""Named constants for who an event is about: people and their roles, offices that act for a
state, lawyers' clients, participants' roles by event type. General news usage only; the
pronouns, gender cues and role nouns for people are extract.mentions' (lexicon/mentions.py),
which PERSON_HEADS extends with the people of event reports.
"""
from __future__ import annotations

import re

from . import mentions as mw


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

# Heads of nouns that stand for people (so "the arrest of activists" counts, "the arrest of the slide" not).
# mentions' role nouns (lexicon/mentions.py) and the words event reports add: plural and collective
# heads, pronouns, and the people of war and crime reporting (the attacked, the attackers, the dead).
PERSON_HEADS = mw.PERSON_NOUNS | _f(
    "demonstrator", "critic", "people", "men", "women", "child", "pastor", "believer", "environmentalist",
    "poet", "artist", "opponent", "soldier", "civilian", "family", "couple", "individual", "suspect", "youth", "group",
    "unionist", "volunteer", "employee", "staff", "commentator", "he", "she", "they", "him", "her", "them",
    "who", "whom", "his", "their", "hers", "those", "crowd", "i", "we", "us", "me", "you", "councillor",
    "councilor", "preacher", "driver", "novelist", "photographer", "filmmaker", "musician", "singer",
    "cartoonist", "comedian", "imam", "rabbi", "commissioner", "figure", "defendant", "trader", "vendor",
    "pensioner", "retiree", "veteran", "survivor", "refugee",
) | _f(
    "general", "colonel", "captain", "major", "lieutenant", "sergeant", "militant", "insurgent", "rebel",
    "fighter", "gunman", "gunmen", "attacker", "assailant", "bomber", "terrorist", "jihadist", "extremist",
    "troops", "troop", "serviceman", "servicemen", "personnel", "guardsman", "guardsmen", "marine", "sailor",
    "pilot", "passenger", "bystander", "pedestrian", "shopper", "customer", "hostage", "captive", "militiaman",
    "militiamen", "policeman", "policemen", "policewoman", "cop", "trooper", "agent", "guard", "warlord",
    "separatist", "tourist", "pilgrim", "worshipper", "patient", "baby", "infant", "kid", "teenager",
    "schoolboy", "schoolgirl", "mourner", "marcher", "striker", "spy", "informant", "mp", "supporter",
    "follower", "rival", "others", "american", "americans", "national", "nationals", "migrant", "immigrant",
)
# Endings of nouns for people not listed above ("schoolteacher", "novelist", "librarian").
PERSON_SUFFIXES = ("teacher", "worker", "writer", "maker", "leader", "keeper", "man", "woman", "ologist", "ician",
                   "ographer")
# Modifiers of a nominal trigger that name who did it ("the police crackdown").
AGENT_NOUNS = _f("police", "military", "army", "government", "state", "authority", "regime",
                 "junta", "party", "court", "militia")
# Titles written before a name, dropped from a participant's text ("Senator X" -> "X").
TITLE_WORDS = _f("president", "minister", "secretary", "chairman", "chairwoman", "senator", "general",
                 "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "judge", "governor", "mayor", "colonel",
                 "captain", "father", "sister", "brother", "reverend", "rev.", "venerable", "monk", "bishop",
                 "premier", "chief", "director", "deputy", "vice", "prime", "foreign", "state", "party",
                 "leader", "former", "late", "human", "rights", "activist", "journalist")
SPEAKER_PRONOUNS = _f("i", "we", "you", "me", "us")
# Prepositions inside a phrase that introduce more of the same people, not other things.
NAME_LIST_PREPS = _f("of", "including", "like", "as")
# What may stand between two names of one list: commas, "and", a role noun ("and bloggers").
NAME_LIST_GAP = re.compile(r"\s*(?:,|and|, and|;)\s*(?:(?:[a-z]+\s+){0,2})?")
# Nouns that hold a document: "a copy of the directive" is the directive.
CONTAINER_NOUNS = _f("copy", "copies", "contents", "content", "text", "version", "draft")
# Verbs that report what someone said: their subject is the one criticizing in "X said the law violates Y".
SAY_VERBS = _f("say", "tell", "write", "argue", "claim", "state", "add", "note", "warn", "insist", "contend",
               "allege", "assert", "maintain", "conclude", "find")
# Role of the direct object / passive subject, by type (default: target).
OBJECT_ROLE: dict[str, str] = {"policy_issued": "object", "document_disclosed": "object", "appeal": "recipient",
                               "relations_upgraded": "object", "criticism": "target", "statement": "object",
                               "no_comment": "object", "diplomatic_visit": "place"}
# Prepositions on a noun trigger and the role of their object.
NOUN_PREP_ROLE: dict[str, str] = {"of": "target", "on": "target", "against": "target", "by": "agent",
                                  "under": "agent", "from": "agent", "with": "target", "to": "place",
                                  "in": "place", "at": "place", "over": "target", "between": "agent"}
# Verbs of aiming and hitting: "bombings targeted at the military", "the blast destroyed a market".
AIM_VERBS = _f("target", "aim", "direct", "hit", "strike", "destroy", "damage", "shatter", "rock", "tear", "wreck",
               "level", "flatten", "gut", "rip", "devastate")
# Nouns whose prepositions play other roles ("an appeal by X against his conviction": X is the one tried).
NOUN_PREP_OVERRIDES: dict[str, dict[str, str | None]] = {
    "appeal": {"by": "target", "against": None, "of": "target"},
    "sentence": {"of": None},
}
PLACE_PREPS = _f("in", "at", "to", "near", "outside", "inside")
RECIPIENT_PREPS = _f("to", "with")
# Prepositions through which a noun trigger hangs on a verb ("held in solitary confinement").
HOST_PREPS = _f("in", "into", "under", "on", "without")
# Verbs that carry a noun trigger and supply its agent ("staged a protest", "wrote in a statement").
LIGHT_VERBS = _f("launch", "stage", "hold", "issue", "conduct", "carry", "wage", "make", "release", "write",
                 "say", "publish", "announce", "begin", "start", "intensify", "step", "order", "put", "place",
                 "keep", "throw", "argue", "state", "go", "undertake", "pay", "end", "come")
# Carrier verbs whose subject is the one who suffers the nominal ("spent a year in solitary confinement").
EXPERIENCER_HOSTS = _f("die", "live", "go", "stand", "spend", "serve", "remain", "stay", "be", "languish",
                       "endure", "face", "undergo", "join", "attend", "plead")  # "who had joined a protest"
# Things people write: "posts criticizing X" are their author's criticism.
WRITING_NOUNS = _f("post", "tweet", "message", "article", "video", "comment", "blog", "essay", "column",
                   "posting", "status", "update")
# Who sentences: "a court sentenced X" is also X's trial.
COURT_NOUNS = _f("court", "judge", "tribunal", "bench", "jury")
# Heads of an unnamed organisation ("a coalition of groups") that its later name ends in.
ORG_DESCRIPTION_NOUNS = _f("coalition", "network", "alliance", "federation", "union", "association",
                           "committee", "council", "centre", "center", "foundation", "institute", "league")
# Roles whose unnamed person ("the blogger") may be linked to the one person described that way.
DESCRIBED_ROLES = _f("target", "recipient", "agent")
# "one of", "among": a group the copula's subject belongs to.
GROUP_MEMBER_PREPS = _f("of", "among", "amongst")
# A lead describes ("a blogger") and the following sentences name: how many to look ahead.
DESCRIPTION_LOOKAHEAD_SENTENCES = 2
# Entity labels that can fill participant slots.
NOT_PARTICIPANT_LABELS = _f("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
# Words that stand for a number of people on their own ("dozens were arrested", "many died").
QUANTITY_WORDS = _f("dozens", "hundreds", "thousands", "scores", "tens", "many", "several", "some", "others",
                    "all", "both", "few", "most", "none", "millions")
# Nouns for a group whose "of"-phrase names its people ("a group of activists", "members of the union").
GROUP_NOUNS = _f("group", "number", "member", "band", "team", "family", "one", "crowd", "dozen", "score",
                 "handful", "couple", "pair", "majority", "minority", "rest", "each", "several")
# Nouns for someone known through another ("a friend of X", "X's lawyer"): the person meant is
# the friend or the lawyer, not X.
RELATIONAL_NOUNS = _f("friend", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                      "relative", "cousin", "uncle", "aunt", "nephew", "niece", "lawyer", "attorney", "aide",
                      "associate", "colleague", "spokesman", "spokeswoman", "spokesperson", "supporter",
                      "follower", "bodyguard", "driver", "assistant", "adviser", "advisor", "partner", "ally",
                      "commander", "member", "employee", "leader", "official", "officer", "agent", "neighbor",
                      "neighbour", "child", "children", "parent", "parents", "family", "widow", "acquaintance")
# Words that end in -ist and are not people.
NOT_PEOPLE_IST = _f("list", "wrist", "fist", "mist", "gist", "twist", "tryst", "playlist", "checklist",
                    "shortlist", "waitlist", "blacklist", "whitelist", "exist", "assist", "insist", "persist",
                    "resist", "consist", "subsist")
REFLEXIVE_PRONOUNS = _f("himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself")
# Pronouns for unnamed people: "did police arrest anyone?"
INDEFINITE_PEOPLE = _f("anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "no-one")
