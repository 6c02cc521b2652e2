"""Named constants for extract.events and extract.amounts.

Triggers are tables of lemmas with the conditions a mention must meet (an object of
the right kind, a person as the one affected, a modifier such as "solitary"), so that
"the arrest of the economy's slide" or "free trade" do not become case events.
General English news usage only: nothing here names a person, group or phrase from
any particular article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import event_senses as S
from . import participants as P


@dataclass(frozen=True)
class Rule:
    """One way a lemma can report an event of ``type``.

    obj: the object (or passive subject) head lemma must be one of these.
    person: the one affected must be a person (name, pronoun or person noun) when stated.
    mods: the trigger needs one of these modifiers (amod/compound/prt/neighbour lemma).
    neg: the trigger must be negated ("did not respond").
    intrans: the verb must have no direct object ("protesters demonstrated").
    money: the sentence must state a sum of money.
    """

    type: str
    obj: frozenset[str] | None = None
    person: bool = False
    mods: frozenset[str] | None = None
    neg: bool = False
    intrans: bool = False
    money: bool = False
    who_person: bool = False       # whoever is named as doing it must be people ("markets rally" is not a protest)
    deep: bool = False             # mods may sit anywhere under the trigger ("walked out of the prison")
    deps: frozenset[str] | None = None  # the trigger needs a child with one of these relations
    said: bool = False             # only inside what someone says ("X said the law contradicts Y")
    quoted: bool = False           # the deps child must be a quotation ('called it "a travesty"')
    official: bool = False         # whoever does it must speak for a government office
    sense: str | None = None       # the test in extract.events.sense that tells the event from a figure


# Children of a verb whose own children may supply a required modifier ("reached for comment",
# "barred from leaving"); objects are left out, so "called X a war on Y" is not "call on".
MOD_VIA_DEPS = frozenset({"prep", "agent", "prt", "xcomp", "advcl", "advmod", "acomp", "pcomp", "ccomp"})


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


# Types where each coordinated agent did it on their own ("A and B did not respond").
SPLIT_AGENT_TYPES = _f("no_comment", "statement")


# Objects that make a verb a policy, disclosure, relations or organising event.
POLICY_NOUNS = _f("directive", "decree", "law", "regulation", "circular", "order", "resolution", "rule",
                  "guideline", "instruction", "ordinance", "edict", "measure", "amendment", "bill", "code",
                  "policy", "ban", "statute", "legislation")
# What a state "imposes" that is a law rather than a penalty on someone ("imposed a travel ban").
IMPOSED_LAW_NOUNS = _f("law", "statute", "legislation", "decree", "regulation", "code", "ordinance")
# Papers that make a group legal: "cancelled the registration of 12 organizations".
REGISTRATION_NOUNS = _f("registration", "license", "licence", "permit", "accreditation", "status")
# Who takes someone away in an arrest ("taken from his home by plainclothes agents").
SECURITY_NOUNS = _f("police", "agent", "agents", "officer", "officers", "security", "soldier", "soldiers",
                    "troops", "guard", "guards", "men", "policemen", "gunmen", "authorities", "forces")
# A legal appeal is against a ruling: "would appeal the verdict" is part of the trial, not a call.
RULING_NOUNS = _f("verdict", "sentence", "ruling", "conviction", "decision", "judgment", "judgement")
# Verbs whose object is a criticism someone else made ("rejects criticism of its record").
DISMISSIVE_VERBS = _f("reject", "deny", "dismiss", "rebuff", "brush", "ignore", "refute")
# What a leak, a publication or a release discloses ("leaked the memo"): trigger objects, not
# mentions' DOCUMENT_NOUNS (things that can "say" something).
DISCLOSED_NOUNS = POLICY_NOUNS | _f("document", "copy", "memo", "report", "file", "record", "cable", "letter",
                                    "email", "plan", "content", "contents", "text", "recording", "footage", "paper")
RELATION_NOUNS = _f("tie", "ties", "relation", "relationship", "partnership", "agreement", "deal", "pact",
                    "treaty", "accord", "alliance", "cooperation", "framework")
# Bodies an authority bans, dissolves or deregisters ("banned the party"): trigger objects, not
# mentions' ORG_NOUNS (organisations that can speak).
BANNABLE_BODY_NOUNS = _f("organization", "organisation", "group", "association", "union", "party", "ngo", "ngos",
                         "organizing", "organising", "society", "movement", "church", "network", "outlet",
                         "newspaper", "media", "assembly", "gathering", "federation", "club", "charity",
                         "foundation")
ABUSE_OBJECTS = _f("food", "water", "care", "treatment", "visit", "visits", "access", "medicine", "medication",
                   "lawyer", "counsel", "sleep", "contact", "visitation")
TRAVEL_OBJECTS = _f("travel", "passport", "exit", "entry", "visa", "trip")
COMMS_NOUNS = _f("phone", "phones", "call", "calls", "communications", "email", "emails", "travel", "movement",
                 "movements", "activity", "activities", "account", "accounts", "home", "house", "message",
                 "messages", "internet", "post", "posts")
BUILDING_NOUNS = _f("office", "home", "house", "church", "temple", "pagoda", "mosque", "school", "village",
                    "headquarters", "building", "camp", "hospital", "market", "station", "newspaper")
ABUSE_OBJECTS = ABUSE_OBJECTS | _f("fire")
COMMENT_OBJECTS = _f("request", "requests", "question", "questions", "inquiry", "inquiries", "email",
                     "emails", "call", "calls", "comment", "message", "messages")

CASE_TYPES = _f("arrest", "charge", "trial", "imprisonment", "detention_abuse", "release", "disappearance",
                "killing", "harassment", "travel_restriction", "surveillance")
# Who can upgrade relations or pay a state visit: states, their capitals and leaders, or these.
STATE_ACTOR_NOUNS = _f("government", "country", "countries", "nation", "nations", "state", "states", "leader",
                       "leaders", "president", "minister", "premier", "king", "queen", "delegation", "envoy",
                       "ambassador", "administration", "side", "sides", "chancellor", "emperor", "official",
                       "officials", "diplomat", "diplomats", "secretary", "prime", "head", "capital",
                       "commissioner", "representative", "foreign", "chief")
STATE_ACTOR_TYPES = _f("relations_upgraded", "diplomatic_visit")
# Types where "with X" names the other party ("ties with X", "met with X").
PARTNER_TYPES = _f("relations_upgraded", "diplomatic_visit", "trade_figure", "appeal", "attack", "protest")
# Nouns whose "of"-phrase is the accusation, not the accused ("charges of subversion").
CHARGE_NOUNS = _f("charge", "accusation", "allegation", "indictment")
STATE_TYPES = _f("relations_upgraded", "diplomatic_visit", "trade_figure")

VERB_TRIGGERS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(("arrest", "detain", "apprehend"), (Rule("arrest", person=True, sense="legal"),)),
    # "locked up", "Lock her up" (a call, left out as such)
    "lock": (Rule("imprisonment", person=True, mods=_f("up"), sense="legal"),),
    "round": (Rule("arrest", person=True, mods=_f("up")),),
    "charge": (Rule("charge", person=True, sense="charge"),),
    **dict.fromkeys(("indict", "prosecute"), (Rule("charge", person=True, sense="charge"),)),
    "try": (Rule("trial", person=True, obj=P.PERSON_HEADS, deps=_f("dobj", "nsubjpass"), sense="court"),),  # not "tried to"
    **dict.fromkeys(("convict", "sentence", "jail", "imprison", "incarcerate"),
                    (Rule("imprisonment", person=True, sense="legal"),)),
    # a witness in court: "testified that ..." at a trial, not before a committee
    "testify": (Rule("trial", mods=_f("court", "trial", "jury", "judge", "hearing", "prosecution", "defense",
                                      "defence", "prosecutor"), deep=True),),
    **dict.fromkeys(("torture", "mistreat"), (Rule("detention_abuse", person=True),)),
    "deny": (Rule("detention_abuse", obj=ABUSE_OBJECTS),),
    "withhold": (Rule("detention_abuse", obj=ABUSE_OBJECTS), Rule("travel_restriction", obj=TRAVEL_OBJECTS)),
    **dict.fromkeys(("release", "free"), (Rule("release", person=True, obj=P.PERSON_HEADS, sense="legal"),)),
    "pardon": (Rule("release", person=True, sense="legal"),),
    **dict.fromkeys(("abduct", "kidnap"), (Rule("disappearance", person=True),)),
    **dict.fromkeys(("disappear", "vanish"), (Rule("disappearance", person=True, intrans=True, sense="missing"),)),
    # "walked out of prison": the one who walks out is the one released
    "walk": (Rule("release", who_person=True, intrans=True, deep=True, mods=_f("prison", "jail", "custody", "detention")),),
    # "taken from his home by plainclothes agents", "taken into custody"
    "take": (Rule("arrest", person=True, mods=SECURITY_NOUNS | _f("custody"), sense="take"),),
    "strip": (Rule("travel_restriction", person=True, mods=_f("citizenship", "nationality", "passport")),),
    **dict.fromkeys(("cancel", "suspend", "deregister"),
                    (Rule("ban_organization", obj=BANNABLE_BODY_NOUNS | REGISTRATION_NOUNS),)),
    "impose": (Rule("policy_issued", obj=IMPOSED_LAW_NOUNS),),
    **dict.fromkeys(("kill", "murder", "slay", "assassinate", "massacre", "slaughter", "behead", "lynch"),
                    (Rule("killing", sense="kill"),)),
    "execute": (Rule("killing", person=True, obj=P.PERSON_HEADS),),
    "die": (Rule("killing", intrans=True, sense="death"),),
    # "the blast claimed nine lives"
    "claim": (Rule("killing", obj=S.LIVES),),
    "shoot": (Rule("killing", mods=_f("dead")), Rule("attack", sense="shoot")),
    "stab": (Rule("attack", sense="kill"),),
    **dict.fromkeys(("explode", "detonate"), (Rule("attack", sense="explosion"),)),
    # "blew himself up", "windows were blown out"; "a bomb went off"
    "blow": (Rule("attack", mods=_f("up", "out", "apart", "piece", "pieces"), sense="explosion"),),
    "go": (Rule("attack", mods=_f("off"), deps=_f("prt"), sense="explosion"),),
    "ambush": (Rule("attack", sense="armed"),),
    **dict.fromkeys(("strike", "hit"), (Rule("attack", sense="strike"),)),
    "fire": (Rule("attack", obj=_f("shot", "shots", "rocket", "rockets", "missile", "missiles", "mortar",
                                   "mortars", "bullet", "bullets", "round", "rounds", "grenade", "grenades", "shell",
                                   "shells", "gas", "pellet", "pellets", "volley", "salvo")),
             Rule("attack", mods=_f("at", "on", "upon", "into"), sense="armed")),
    **dict.fromkeys(("bar", "prevent"),
                    (Rule("travel_restriction", person=True, mods=_f("leave", "travel", "exit", "abroad", "enter")),)),
    **dict.fromkeys(("confiscate", "seize"), (Rule("travel_restriction", obj=TRAVEL_OBJECTS),)),
    "revoke": (Rule("travel_restriction", obj=TRAVEL_OBJECTS), Rule("ban_organization", obj=BANNABLE_BODY_NOUNS | REGISTRATION_NOUNS)),
    "open": (Rule("attack", obj=_f("fire")),),
    "clash": (Rule("protest", sense="clash_protest"), Rule("attack", sense="armed")),
    "disperse": (Rule("attack", obj=_f("crowd", "crowds", "protest", "protester", "demonstrator", "rally",
                                     "demonstration", "gathering", "march", "people", "sit")),),
    **dict.fromkeys(("answer", "respond", "reply", "comment"), (Rule("no_comment", neg=True),)),
    "return": (Rule("no_comment", neg=True, obj=COMMENT_OBJECTS),),
    "beat": (Rule("attack", sense="beat"),),
    "assault": (Rule("attack", sense="attack"),),
    "raid": (Rule("attack", sense="raid"),),
    # "the show bombed" has no object: a flop, not a bombing
    **dict.fromkeys(("bomb", "shell"), (Rule("attack", deps=_f("dobj", "nsubjpass", "agent"), sense="armed"),)),
    "protest": (Rule("protest", who_person=True, sense="protest"),),
    "demonstrate": (Rule("protest", intrans=True, who_person=True, sense="protest"),),
    "rally": (Rule("protest", intrans=True, who_person=True, sense="rally"),),
    "march": (Rule("protest", intrans=True, who_person=True, sense="march"),),
    "riot": (Rule("protest", who_person=True),),
    **dict.fromkeys(("monitor", "track"), (Rule("surveillance", person=True, obj=P.PERSON_HEADS | COMMS_NOUNS),)),
    **dict.fromkeys(("surveil", "wiretap", "spy"), (Rule("surveillance"),)),
    "hold": (Rule("disappearance", person=True, mods=_f("incommunicado")),),
    "miss": (Rule("disappearance", person=True, intrans=True, mods=_f("be", "go", "remain", "been", "went"),
                  sense="missing"),),
    "acquit": (Rule("trial", person=True),),
    "question": (Rule("harassment", person=True, obj=P.PERSON_HEADS, sense="summons"),),
    "threaten": (Rule("harassment", sense="threat"),),
    **dict.fromkeys(("pressure", "force", "oblige", "coerce", "compel"), (Rule("harassment", sense="coerce"),)),
    **dict.fromkeys(("blackmail", "extort"), (Rule("harassment", person=True),)),
    "stop": (Rule("travel_restriction", person=True, mods=_f("leave", "travel", "exit", "abroad", "airport")),),
    "attack": (Rule("attack", sense="attack"),),
    # "called the verdict "a travesty"": a quoted verdict on something is criticism
    "call": (Rule("appeal", mods=_f("on", "upon", "for")), Rule("criticism", deps=_f("oprd", "appos"), quoted=True)),
    **dict.fromkeys(("pass", "approve", "enact", "promulgate", "adopt", "date"),
                    (Rule("policy_issued", obj=POLICY_NOUNS),)),
    "manage": (Rule("surveillance", person=True, obj=P.PERSON_HEADS, mods=_f("closely", "tightly", "strictly")),),
    **dict.fromkeys(("deport", "exile"), (Rule("travel_restriction", person=True),)),
    "expel": (Rule("travel_restriction", person=True, obj=P.PERSON_HEADS),),
    "ban": (Rule("ban_organization", obj=BANNABLE_BODY_NOUNS), Rule("travel_restriction", obj=TRAVEL_OBJECTS),
            Rule("travel_restriction", person=True, mods=_f("leave", "travel", "exit", "abroad", "enter"))),
    **dict.fromkeys(("outlaw", "proscribe"), (Rule("ban_organization"),)),
    **dict.fromkeys(("dissolve", "limit", "restrict"), (Rule("ban_organization", obj=BANNABLE_BODY_NOUNS),)),
    "crack": (Rule("crackdown", mods=_f("down")),),
    **dict.fromkeys(("intimidate", "harass"), (Rule("harassment", person=True, sense="intimidate"),)),
    **dict.fromkeys(("summon", "interrogate"), (Rule("harassment", person=True, sense="summons"),)),
    "issue": (Rule("policy_issued", obj=POLICY_NOUNS), Rule("statement", obj=_f("statement"))),
    "leak": (Rule("document_disclosed"),),
    **dict.fromkeys(("uncover", "obtain", "share", "reveal", "disclose"),
                    (Rule("document_disclosed", obj=DISCLOSED_NOUNS),)),
    "publish": (Rule("document_disclosed", obj=DISCLOSED_NOUNS - _f("report", "letter")),),
    "provide": (Rule("document_disclosed", obj=DISCLOSED_NOUNS - POLICY_NOUNS),),
    "visit": (Rule("diplomatic_visit"),),
    "meet": (Rule("diplomatic_visit", intrans=True),),
    **dict.fromkeys(("upgrade", "elevate", "raise", "launch", "forge", "complete", "conclude", "establish",
                     "seal", "ink", "normalize", "normalise"),
                    (Rule("relations_upgraded", obj=RELATION_NOUNS),)),
    "sign": (Rule("relations_upgraded", obj=RELATION_NOUNS), Rule("policy_issued", obj=POLICY_NOUNS)),
    **dict.fromkeys(("urge", "petition"), (Rule("appeal"),)),
    # "wrote to the commission seeking information", "has written to X asking it to intervene"
    # "the ministry said", "spokesman X said": an official statement
    "say": (Rule("statement", official=True),),
    "write": (Rule("appeal", deep=True, mods=_f("seek", "ask", "urge", "request", "demand"), deps=_f("prep")),),
    "appeal": (Rule("appeal", mods=_f("to", "for")),
               Rule("trial", who_person=True, obj=RULING_NOUNS), Rule("trial", who_person=True, intrans=True)),
    **dict.fromkeys(("criticize", "criticise", "condemn", "denounce", "decry", "slam", "deplore", "censure"),
                    (Rule("criticism"),)),
    # "X said the law contradicts the constitution": criticism only when someone says so (see events.participants.speaker_of)
    "contradict": (Rule("criticism", said=True),),
    **dict.fromkeys(("decline", "refuse"), (Rule("no_comment", mods=_f("comment")),)),
    "reach": (Rule("no_comment", neg=True, mods=_f("comment")),),
}

NOUN_TRIGGERS: dict[str, tuple[Rule, ...]] = {
    "arrest": (Rule("arrest", person=True, sense="legal"),),
    # "remains in pretrial detention": held as a prisoner
    "detention": (Rule("imprisonment", person=True, mods=_f("remain", "languish", "stay")),
                  Rule("arrest", person=True)),
    "custody": (Rule("arrest", person=True, mods=_f("into", "take", "taken")),
                Rule("imprisonment", person=True, mods=_f("remain", "languish", "stay")),
                Rule("killing", mods=_f("die", "death", "dead"))),
    "death": (Rule("killing", sense="death"),),
    "dead": (Rule("killing", sense="death"),),           # "the dead included two soldiers"
    "fatality": (Rule("killing", sense="death"),),
    "toll": (Rule("killing", mods=_f("death")),),
    # "identified X in court", "appeared in court": a hearing
    "court": (Rule("trial", mods=_f("appear", "testify", "identify", "plead", "stand", "tell", "arraign")),),
    "indictment": (Rule("charge", person=True),),
    "prosecution": (Rule("charge", person=True),),
    "trial": (Rule("trial", person=True, sense="legal"), Rule("trial", deps=_f("acl"))),  # "the trial, held without a jury"
    "hearing": (Rule("trial", person=True, mods=_f("court", "appeal", "trial", "judge", "sentencing", "bail")),),
    "verdict": (Rule("trial", person=True),),
    "appeal": (Rule("trial", person=True, mods=_f("court", "reject", "uphold", "hear", "dismiss", "judge")),),
    "prison": (Rule("imprisonment", person=True, mods=_f("hold", "keep", "remain", "send", "throw", "languish",
                                                         "put")),),
    "imprisonment": (Rule("imprisonment", person=True),),
    "jailing": (Rule("imprisonment", person=True),),
    "incarceration": (Rule("imprisonment", person=True),),
    "conviction": (Rule("imprisonment", person=True, sense="legal"),),
    "sentence": (Rule("imprisonment", person=True, sense="legal"),),
    "sentencing": (Rule("imprisonment", person=True),),
    "condemnation": (Rule("criticism"),),
    "confinement": (Rule("detention_abuse", person=True, mods=_f("solitary")),),
    "torture": (Rule("detention_abuse", person=True),),
    "mistreatment": (Rule("detention_abuse", person=True),),
    "ill": (Rule("detention_abuse", person=True, mods=_f("treatment")),),
    # "his release", "the release of X": a person released; "the release of the report" fails the person test
    "release": (Rule("release", person=True, sense="legal"),),
    "pardon": (Rule("release", person=True),),
    "amnesty": (Rule("release", person=True),),
    "disappearance": (Rule("disappearance", person=True),),
    "abduction": (Rule("disappearance", person=True),),
    "kidnapping": (Rule("disappearance", person=True),),
    "whereabouts": (Rule("disappearance", person=True, mods=_f("unknown", "word", "news", "trace", "information")),),
    # "an attempted murder" is an attack that killed no one
    **dict.fromkeys(("killing", "murder", "slaying", "massacre", "slaughter", "bloodshed"),
                    (Rule("attack", mods=_f("attempted", "attempt", "failed"), sense="armed"),
                     Rule("killing", sense="kill"))),
    "execution": (Rule("killing", person=True),),
    **dict.fromkeys(("attack", "assault"), (Rule("attack", sense="attack"),)),
    **dict.fromkeys(("assassination", "bombing", "shelling", "airstrike", "stabbing", "ambush", "gunfight",
                     "firefight", "shootout", "gunfire"), (Rule("attack", sense="armed"),)),
    "shooting": (Rule("attack", sense="shoot"),),
    "shot": (Rule("attack", mods=_f("fire", "fired", "rang", "ring", "exchange"), sense="shoot"),),
    **dict.fromkeys(("explosion", "blast", "detonation"), (Rule("attack", sense="explosion"),)),
    "beating": (Rule("attack", person=True, sense="beat"),),
    "raid": (Rule("attack", sense="raid"),),
    **dict.fromkeys(("clash", "fighting", "battle"), (Rule("protest", sense="clash_protest"),
                                                      Rule("attack", sense="armed"))),
    "protest": (Rule("protest", who_person=True, sense="protest"),),
    "demonstration": (Rule("protest", who_person=True, sense="protest"),),
    "rally": (Rule("protest", who_person=True, sense="rally"),),
    "march": (Rule("protest", who_person=True, sense="march"),),
    "riot": (Rule("protest"),),
    "sit": (Rule("protest", mods=_f("in")),),
    "strike": (Rule("protest", mods=_f("hunger", "general", "labor", "labour", "worker", "workers", "on")),
               Rule("attack", mods=_f("air", "drone", "missile", "rocket", "military", "aerial", "artillery",
                                      "retaliatory", "airstrike"))),
    "threat": (Rule("harassment", sense="threat"),),
    "ultimatum": (Rule("harassment"),),
    "coercion": (Rule("harassment"),),
    # "residential surveillance at a designated location" is a form of detention
    "surveillance": (Rule("arrest", person=True, mods=_f("residential")), Rule("surveillance")),
    "ban": (Rule("travel_restriction", mods=_f("travel", "exit", "entry")),
            Rule("ban_organization", mods=BANNABLE_BODY_NOUNS | _f("protest", "demonstration", "meeting", "rally"))),
    "deportation": (Rule("travel_restriction", person=True),),
    "exile": (Rule("travel_restriction", person=True, mods=_f("forced", "into", "force", "live", "in")),),
    "limit": (Rule("ban_organization", mods=BANNABLE_BODY_NOUNS),),
    "crackdown": (Rule("crackdown"),),
    "purge": (Rule("crackdown"),),
    "repression": (Rule("crackdown"),),
    "persecution": (Rule("crackdown"),),
    "harassment": (Rule("harassment", person=True),),
    "intimidation": (Rule("harassment", person=True),),
    "leak": (Rule("document_disclosed"),),
    "visit": (Rule("diplomatic_visit"),),
    "trip": (Rule("diplomatic_visit", mods=_f("to")),),
    "summit": (Rule("diplomatic_visit"),),
    "talks": (Rule("diplomatic_visit", mods=_f("hold", "held")),),
    "surplus": (Rule("trade_figure", money=True, mods=_f("trade")),),
    "deficit": (Rule("trade_figure", money=True, mods=_f("trade")),),
    "statement": (Rule("statement"),),
    "criticism": (Rule("criticism"),),
    "fire": (Rule("criticism", mods=_f("under")),),
    "charge": (Rule("charge", person=True, sense="charge"),),
    "access": (Rule("detention_abuse", mods=_f("without", "deny", "denied", "no", "refuse", "block")),),
    "dissolution": (Rule("ban_organization"),),
    "trade": (Rule("trade_figure", money=True),),
    "export": (Rule("trade_figure", money=True),),
    "import": (Rule("trade_figure", money=True),),
}

# Noun triggers that may stand alone (a bare "crackdown" is an event); the others need
# an argument or a required modifier, so that "the trip" looking back is not a new event.
STANDALONE_NOUNS = _f("crackdown", "purge", "surveillance", "protest", "attack", "assault",
                      "assassination", "shelling", "airstrike", "stabbing", "ambush", "gunfight", "firefight",
                      "shootout", "gunfire", "shooting", "explosion", "blast", "detonation", "killing", "murder",
                      "slaying", "massacre", "slaughter", "bloodshed", "death", "dead", "fatality", "clash",
                      "fighting", "battle", "rally", "march", "riot", "ultimatum", "coercion", "threat", "shot",
                      "arrest", "trial", "toll", "charge",
                      "demonstration", "raid", "bombing", "shelling", "trade", "export", "import",
                      "statement", "criticism", "fire", "confinement", "strike", "sit", "limit", "ban",
                      "leak", "custody", "whereabouts")

# Types whose participants are states: a leader stands for the country he represents.
NEEDS_PARTICIPANT = _f("diplomatic_visit", "relations_upgraded", "policy_issued", "document_disclosed",
                       "statement", "appeal", "no_comment", "criticism")

# Which role a noun trigger's possessor plays ("his arrest": target; "the president's trip": agent).
POSS_ROLE: dict[str, str] = {t: "target" for t in CASE_TYPES}
POSS_ROLE.update({"diplomatic_visit": "agent", "statement": "agent", "crackdown": "agent", "criticism": "agent",
                  "protest": "agent", "attack": "agent", "policy_issued": "agent", "document_disclosed": "agent"})


# Types whose object or target may be a law named earlier ("the directive", "it").
LAW_OBJECT_TYPES = _f("policy_issued", "document_disclosed", "criticism")
# Nouns that look back to a law entity ("the directive", "the alleged decree").
LAW_ANAPHORS = POLICY_NOUNS | _f("document", "instructions", "instruction")
# A named law as written: "Decree 72", "Article 117", "Resolution No. 36".
LAW_NAME_PATTERN = (r"\b(?:Sub-)?(?:Directive|Decree|Resolution|Circular|Article|Law|Order|Decision|Ordinance|"
                    r"Instruction|Regulation)\s+(?:No\.?\s*)?\d+[\w/.-]*\b")
# Words just before a law that make it the law a charge was brought under ("under Article 9").
LAW_INTRO_PATTERN = r"\b(?:under|violating|breaching|violation of|breach of)\s+(?:the\s+)?$"
# Lower-case words a law's name ran on into ("Article 9 of", "Article 9 since 2020").
LAW_TRAILING_WORDS = r"\s+[a-z][\w.]*(?:\s+[a-z0-9][\w.]*)*$"
# A dateline opening the sentence: "(Beirut, May 12, 2025) –", "BEIRUT, May 12 -".
DATELINE = re.compile(r"\s*\(?(?:[A-Z][\w .'-]*|[A-Z]{2}[A-Z .'-]*),\s*[^()\n]{3,25}$")
DATELINE_END = re.compile(r"\)?\s*[\u2013\u2014-]")
# Time expressions whose value is a duration are not an event's date.
DURATION_PREFIX = "P"

# Adjectives that report an event of their subject ("remains missing", "held incommunicado").
ADJ_TRIGGERS: dict[str, tuple[Rule, ...]] = {
    "missing": (Rule("disappearance", person=True, sense="missing"),),
    "incommunicado": (Rule("disappearance", person=True),),
    "dead": (Rule("killing", sense="death"),),          # "nine people were dead", "left 11 dead"
}

# How many parse steps a time expression may be from a trigger and still be its date.
MAX_TREE_DISTANCE_FOR_DATE = 6
# How many extra parse steps a more precise date may be from the trigger and still win.
DATE_PRECISION_SLACK = 2

