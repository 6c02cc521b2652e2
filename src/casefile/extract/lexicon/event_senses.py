"""Named constants for telling a real event from talk about one (extract.events.modality, .sense)."""
from __future__ import annotations


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


# Verbs that put an event in someone's wishes rather than in the world ("hoped X would free them").
IRREALIS_VERBS = _f("threaten", "vow", "hope", "want", "wish", "urge", "ask", "demand", "pressure", "press",
                    "call", "seek", "recommend", "consider", "weigh", "mull", "contemplate", "propose",
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

# Types a case file reports as incidents: for these, talk about an event (denied, wished,
# threatened, conditional, generic, figurative) is left out rather than kept with a modality.
INCIDENT_TYPES = _f("arrest", "charge", "trial", "imprisonment", "release", "killing", "attack", "protest",
                    "harassment", "disappearance", "detention_abuse")
# Of those, the ones a court or a prison schedules: "will be sentenced next month" is kept as expected.
SCHEDULED_TYPES = _f("charge", "trial", "imprisonment", "release")

# --- what makes a sentence about physical violence --------------------------------------------
# Lemmas (or lower-case words) whose presence says that violence is physical: weapons, wounds,
# armed actors, the dead. A verbal attack or a campaign fight has none of them.
PHYSICAL_CUES = _f(
    "bomb", "bomber", "bombing", "explosive", "explosion", "blast", "ied", "grenade", "rocket", "missile",
    "mortar", "shell", "shelling", "artillery", "airstrike", "drone", "gun", "gunman", "gunmen", "gunfire",
    "gunshot", "rifle", "pistol", "firearm", "bullet", "knife", "machete", "stab", "stabbing", "shooting",
    "shoot", "shot", "wound", "wounded", "injure", "injured", "injury", "casualty", "dead", "death", "die",
    "kill", "killing", "murder", "victim", "body", "corpse", "bloodshed", "militant", "insurgent",
    "terrorist", "terror", "jihadist", "rebel", "militia", "militiaman", "troops", "soldier", "army",
    "military", "armed", "weapon", "ammunition", "detonate", "explode", "ambush", "convoy", "checkpoint",
    "hostage", "massacre", "suicide", "landmine", "mine", "assailant", "attacker", "fighter", "tear",
    "baton", "truncheon", "pellet", "beaten", "bruise", "hospital", "hospitalize", "paramedic", "ambulance",
    "blood",
    "torture", "lynch", "behead", "arson", "firebomb", "warplane", "airstrikes", "strike", "raid", "forces",
    "police", "security", "assassination", "assassinate", "truce", "ceasefire", "cease-fire", "battlefield",
    "frontline",
)
# Cues that are physical only with others: police and security forces also hold press conferences.
WEAK_PHYSICAL_CUES = _f("police", "security", "forces", "strike", "hospital", "army", "military", "troops",
                        "death", "die", "shot", "victim", "body", "tear", "mine", "shell", "gun", "blood", "weapon",
                        "terror", "terrorist", "soldier")
# How many strong cue sentences make a whole article one about violence, so that "the attack"
# further down, with no weapon in its own sentence, is the same physical attack.
VIOLENT_DOCUMENT_SENTENCES = 2
VIOLENT_DOCUMENT_SHARE = 0.15

# Words of speech and campaigning: an attack or a fight among them, with no physical cue, is verbal.
SPEECH_CUES = _f(
    "say", "said", "tweet", "twitter", "speech", "debate", "interview", "remark", "comment", "statement",
    "ad", "advertisement", "commercial", "campaign", "criticize", "criticise", "accuse", "call", "rhetoric",
    "argue", "claim", "question", "slam", "mock", "rally", "podium", "stump", "message", "op-ed", "column",
    "spend", "million", "pac", "money", "fund", "mail", "mailer", "television", "airwaves", "radio", "spot",
    "insult", "broadside", "tirade", "rant", "barb", "jab", "swipe", "speak", "truth", "party", "immigration",
    "liberal", "conservative", "left", "establishment", "pundit", "critic", "blog", "host", "show", "write",
    "letter", "article", "email", "line", "lines", "democrats", "republicans",
    "record", "policy", "stance", "position", "poll", "vote", "voter", "primary", "caucus", "nomination",
    "nominee", "candidate", "candidacy", "rival", "opponent", "race", "election", "electoral", "senator",
    "congressman", "republican", "democrat", "democratic", "gop", "press", "media", "newspaper", "reporter",
)
# What a verbal attack is aimed at: a record, a plan, a remark, a character.
ABSTRACT_TARGETS = _f(
    "record", "plan", "policy", "policies", "proposal", "position", "stance", "view", "comment", "comments",
    "remark", "remarks", "statement", "character", "integrity", "credibility", "judgment", "judgement",
    "temperament", "qualification", "record", "idea", "agenda", "platform", "campaign", "candidacy",
    "decision", "bill", "law", "deal", "agreement", "budget", "economy", "approach", "strategy", "claim",
    "honesty", "leadership", "patriotism", "faith", "religion", "values", "ties", "handling", "performance",
    "tenure", "legacy", "motive", "motives", "media", "press", "democracy", "freedom", "rights", "truth",
    "constitution", "institution", "establishment", "system", "rule", "amendment", "reform", "program",
    "islam", "christianity", "judaism", "faith", "religion", "value", "mind", "reputation", "name", "family",
    "programme", "initiative", "stimulus", "tax", "taxes", "trade", "treaty", "order", "ruling", "speech",
    "ad", "ads", "book", "article", "story", "report", "question", "answer", "response", "policy", "vote",
    "virus", "disease", "problem", "crisis", "cancer", "corruption", "poverty", "inflation", "deficit", "debt",
    "issue", "challenge", "threat", "epidemic", "pandemic", "crime", "unemployment", "addiction",
)
# Suffixes of abstract nouns: "the legislation", "his leadership", "their movement".
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ology", "acy")
# What a physical attack or a bombing is aimed at: places, buildings, the armed, people.
PHYSICAL_TARGETS = _f(
    "base", "camp", "building", "convoy", "patrol", "checkpoint", "station", "post", "embassy", "consulate",
    "compound", "village", "town", "city", "market", "mosque", "church", "temple", "school", "hospital",
    "hotel", "restaurant", "cafe", "bakery", "shop", "bus", "train", "plane", "airport", "airbase", "ship",
    "vehicle", "car", "truck", "office", "headquarters", "home", "house", "barracks", "outpost", "position",
    "flight", "aircraft", "airliner", "jet", "helicopter", "drone", "boat", "tank",
    "positions", "troops", "forces", "soldier", "soldiers", "police", "civilian", "civilians", "crowd",
    "worshipper", "worshippers", "pedestrian", "pedestrians", "protester", "protesters", "demonstrator",
    "demonstrators", "facility", "facilities", "pipeline", "power", "plant", "bridge", "stadium", "club",
    "nightclub", "concert", "festival", "parade", "square", "street", "neighborhood", "neighbourhood",
    "province", "district", "area", "region", "territory", "stronghold", "hideout", "target", "targets",
)
# Who attacks physically: an armed actor as the subject makes it violence.
ARMED_ACTORS = _f(
    "gunman", "gunmen", "militant", "militants", "insurgent", "insurgents", "terrorist", "terrorists",
    "bomber", "bombers", "attacker", "attackers", "assailant", "assailants", "jihadist", "jihadists",
    "rebel", "rebels", "troops", "soldier", "soldiers", "forces", "army", "military", "militia",
    "militias", "militiaman", "militiamen", "fighter", "fighters", "warplane", "warplanes", "jet", "jets",
    "aircraft", "drone", "drones", "gang", "gangs", "mob", "mobs", "extremist", "extremists",
)
# Nouns that explode: a subject among them makes "exploded", "went off" a bombing.
EXPLOSIVE_NOUNS = _f(
    "bomb", "bombs", "device", "devices", "explosive", "explosives", "ied", "ieds", "grenade", "grenades",
    "shell", "shells", "rocket", "rockets", "missile", "missiles", "mine", "mines", "landmine", "landmines",
    "car", "vehicle", "truck", "van", "bus", "vest", "belt", "charge", "charges", "munition", "munitions",
    "ordnance", "package", "parcel", "bag", "backpack", "suitcase", "mortar", "mortars", "it", "they",
    "cylinder", "tank", "motorcycle", "bike",
)
# Subjects that "explode" or "blow up" only in figure: costs, scandals, tempers.
FIGURATIVE_EXPLODERS = _f(
    "cost", "costs", "debt", "deficit", "population", "scandal", "controversy", "anger", "story", "internet",
    "twitter", "campaign", "race", "demand", "price", "prices", "number", "numbers", "market", "markets",
    "issue", "debate", "field", "spending", "budget", "interest", "support", "popularity", "crowd", "he", "she",
)
# Weapons that strike or hit: "a missile struck the base", "hit by a roadside bomb".
STRIKING_WEAPONS = EXPLOSIVE_NOUNS - _f("it", "they", "car", "vehicle", "truck", "van", "bus", "bag") | _f(
    "airstrike", "airstrikes", "strike", "strikes", "drone", "drones", "warplane", "warplanes", "jet", "jets",
    "aircraft", "plane", "planes", "helicopter", "helicopters", "artillery", "gunfire", "bullet", "bullets",
    "sniper", "snipers", "fire", "blast", "explosion")

# --- killing and dying ----------------------------------------------------------------------------
# What gets "killed" only in figure: bills, deals, chances.
FIGURATIVE_KILLED = _f(
    "bill", "deal", "chance", "chances", "plan", "idea", "proposal", "measure", "legislation", "momentum",
    "job", "jobs", "story", "mood", "time", "engine", "buzz", "joke", "campaign", "candidacy", "bid", "hope",
    "hopes", "effort", "agreement", "program", "programme", "amendment", "initiative", "pipeline", "project",
    "talks", "negotiation", "negotiations", "rule", "reform", "tax", "business", "economy", "growth",
    "competition", "market", "industry", "sale", "sales", "movie", "show", "rating", "ratings", "it", "that",
    "this", "lights", "light", "light", "power", "conversation", "debate", "discussion", "vote", "votes",
    "policy", "provision", "treaty", "nomination", "momentum", "appetite", "enthusiasm", "support",
    "spirit", "innovation", "creativity", "dream", "dreams", "career", "careers", "prospect", "prospects",
)
# What "claims" when it kills: "the blast claimed nine lives".
LIVES = _f("life", "lives")
# Heads after "death" that make it a name for something else: a penalty, threats, a row of cells.
DEATH_COMPOUND_HEADS = _f("penalty", "threat", "threats", "row", "sentence", "certificate", "tax", "taxes",
                          "spiral", "knell", "wish", "panel", "panels", "grip", "trap", "march", "metal")
# Verbs under which "to death" is a killing ("beaten to death"), not a sentence ("sentenced to death").
SENTENCING_VERBS = _f("sentence", "condemn")
# Words that make "dead" a figure: a dead heat, a dead end, dead wrong.
FIGURATIVE_DEAD = _f("heat", "end", "wrong", "last", "serious", "set", "even", "center", "centre", "ringer",
                     "arrival", "weight", "line", "letter", "zone", "issue", "horse", "tie", "giveaway")

# --- campaign rallies, objections and protests ----------------------------------------------------
# Words that make a gathering a protest: against something, with protesters, met by police.
PROTEST_CUES = _f(
    "protest", "protester", "protestor", "demonstrator", "demonstration", "against", "oppose", "police", "tear",
    "disperse", "chant", "banner", "placard", "march", "marcher", "strike", "striker", "boycott", "sit",
    "blockade", "riot", "anti", "unrest", "clash", "grievance", "call", "demand",
)
# Words that make a rally a campaign event: a candidate's crowd, a stump speech, voters.
CAMPAIGN_CUES = _f(
    "campaign", "candidate", "nominee", "voter", "primary", "caucus", "convention", "stump", "speech",
    "election", "electoral", "ticket", "running", "mate", "podium", "audience", "supporter", "fan",
    "crowd", "trail", "delegate", "poll", "vote", "presidential", "republican", "democrat", "gop", "ad", "ads",
    "pac", "outreach", "fundraiser", "endorse", "endorsement", "rail", "spoke", "speak", "tell", "say",
)
# People who march or protest (not soldiers on parade).
PROTEST_PEOPLE = _f(
    "protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators", "student",
    "students", "worker", "workers", "activist", "activists", "resident", "residents", "crowd", "crowds",
    "thousands", "hundreds", "dozens", "tens", "people", "women", "farmers", "teachers", "nurses",
    "marcher", "marchers", "opponent", "opponents", "citizens", "villagers", "youths", "miners",
)

# --- words that make a legal word legal -----------------------------------------------------------
# Cues of a court, a prosecution or a prison in the sentence.
LEGAL_CUES = _f(
    "court", "judge", "jury", "prosecutor", "prosecution", "prosecute", "police", "arrest", "indict",
    "indictment", "count", "felony", "misdemeanor", "jail", "prison", "sentence", "convict", "conviction",
    "trial", "plead", "guilty", "bail", "attorney", "lawyer", "defendant", "crime", "criminal", "offense",
    "offence", "custody", "detain", "warrant", "tribunal", "magistrate", "investigator", "fbi", "complaint",
    "lawsuit", "murder", "fraud", "terrorism", "terrorist", "treason", "sedition", "subversion", "assault",
    "penal", "article", "statute", "decree",
)
# What a person is charged with when it is a crime (lemmas of the "with" phrase).
CRIME_WORDS = LEGAL_CUES | _f(
    "kill", "killing", "homicide", "manslaughter", "rape", "robbery", "theft", "bribery", "corruption",
    "conspiracy", "espionage", "spy", "smuggle", "smuggling", "trafficking", "possession", "weapon",
    "lying", "lie", "obstruction", "obstruct", "perjury", "embezzlement", "extortion", "kidnapping",
    "propaganda", "defamation", "insult", "abuse", "disturb", "disrupt", "incite", "incitement", "attack",
    "use", "using", "destroy", "destroying", "harm", "violate", "violation", "illegal", "illegally",
    "unlawful", "unlawfully", "vandalism", "trespass", "trespassing", "dui", "driving", "assault",
)
# Nouns whose "conviction" is a belief, not a court's finding.
BELIEF_CUES = _f("courage", "deep", "deeply", "strong", "strongly", "moral", "religious", "political",
                 "personal", "firm", "firmly", "core", "own", "held", "sincere", "that", "belief")
# Modifiers that make "trial" something other than a court case.
NON_COURT_TRIALS = _f("clinical", "drug", "vaccine", "balloon", "run", "period", "basis", "error", "free", "mock",
                      "version", "test", "field", "pilot", "time", "account", "subscription")
# Heads that make "arrest" something other than an arrest (a warrant is not yet one).
NON_ARREST = _f("cardiac", "warrant", "warrants", "respiratory", "heart")
# Who makes a "raid" military: a police search is not an attack.
POLICE_RAIDERS = _f("police", "officer", "officers", "agent", "agents", "fbi", "detective", "detectives",
                    "investigator", "investigators", "counter", "terror", "anti", "authorities", "customs",
                    "deportation", "deport", "immigration", "immigrant", "ice", "drug", "narcotics", "tax")

# --- threats and coercion -------------------------------------------------------------------------
# What one threatens to do to a person that makes the threat harassment.
HARM_VERBS = _f("kill", "arrest", "jail", "imprison", "fire", "deport", "harm", "hurt", "beat", "shoot",
                "bomb", "attack", "expel", "punish", "prosecute", "detain", "lock", "execute", "torture",
                "rape", "abduct", "kidnap", "disappear", "evict", "sack", "dismiss", "cut")
HARM_NOUNS = _f("death", "arrest", "prosecution", "jail", "prison", "violence", "dismissal", "deportation",
                "eviction", "firing", "reprisal", "reprisals", "retaliation", "punishment", "weapon", "gun",
                "knife", "torture", "rape", "execution", "detention", "imprisonment", "charge", "charges")
# Who can be coerced as a group of people ("pressuring employees to vote").
COERCED_PEOPLE = _f("employee", "employees", "worker", "workers", "staff", "voter", "voters", "resident",
                    "residents", "journalist", "journalists", "family", "families", "patient", "patients",
                    "student", "students", "teacher", "teachers", "civil", "servant", "servants", "us",
                    "farmer", "farmers", "villager", "villagers", "witness", "witnesses", "prisoner", "prisoners")

# --- talk about an event that is not one ---------------------------------------------------------
# Markers of a condition: "if he were arrested".
CONDITION_MARKERS = _f("if", "unless", "whether", "lest", "whenever")
# Modal auxiliaries of something that may or should happen, not that did.
HYPOTHETICAL_MODALS = _f("would", "could", "might", "may", "should", "must", "can", "ought", "'d", "shall")
# Nouns under which an event is only feared, risked or planned ("the threat of attacks").
UNREAL_GOVERNORS = _f("threat", "risk", "fear", "prospect", "danger", "possibility", "plot", "plan",
                      "conspiracy", "call", "calls", "demand", "demands", "warning", "warnings", "chance",
                      "likelihood", "scenario", "idea", "talk", "vow", "promise", "pledge", "bid", "push",
                      "hope", "hopes", "wish", "need", "prevention", "deterrent", "deter", "prevent",
                      "avert", "thwart", "foil", "avoid", "await", "proposal", "propose", "suggestion",
                      "suggest", "chant", "slogan", "effort", "odds", "recommend", "failure", "fail",
                      "refusal", "reluctance", "tale", "myth", "legend", "rumor", "rumour", "hoax", "fantasy",
                      "fiction", "target", "mark", "block", "halt", "delay", "oppose", "veto", "bar",
                      "stop", "likelihood", "worry", "afraid", "scared", "brace",
                      "prepare", "anticipation", "anticipate", "venue", "way", "means", "worried", "argue",
                      "advocate", "threaten", "able", "capable", "ability", "capability")
# Verbs after which an infinitive did happen ("managed to escape", "used batons to disperse the
# crowd"); after any other, "to arrest" is wanted, planned, ordered or refused, not done.
IMPLICATIVE_VERBS = _f("manage", "begin", "start", "continue", "proceed", "go", "use", "succeed", "get",
                       "help", "move", "turn", "rush", "arrive", "return", "open", "keep", "dare", "bother",
                       "gather", "assemble", "flock", "converge", "walk", "strike", "take", "march", "rally",
                       "stage", "meet", "line", "fan", "swarm", "storm", "mass", "allow", "permit", "let", "force",
                       "compel", "oblige", "cause", "make", "lead", "prompt")
# Modifiers of a nominal trigger that make it possible, feared or proposed rather than done.
POSSIBLE_MODS = _f("future", "possible", "potential", "prospective", "feared", "hypothetical", "imagined",
                   "more", "planned", "proposed", "upcoming", "threatened", "promised", "intended")
# Adverbs of habit: "ISIS murders gays regularly".
HABITUAL_ADVERBS = _f("regularly", "routinely", "often", "always", "usually", "frequently", "constantly",
                      "typically", "habitually", "generally", "sometimes", "never")
# Words that something "shoots" into or up to in figure: view, fame, the top.
RISE_WORDS = _f("view", "fame", "prominence", "stardom", "spotlight", "lead", "top", "limelight")
# Nouns that carry a report, and the words that make it false ("falsified reports of explosions").
REPORT_NOUNS = _f("report", "claim", "story", "account", "rumor", "rumour", "tweet", "post", "allegation")
FALSE_WORDS = _f("false", "falsified", "fake", "bogus", "fabricated", "unfounded", "baseless", "debunked",
                 "discredited", "unsubstantiated")
# Nouns a wish or a call passes through ("not to engage in any kind of protest").
KIND_NOUNS = _f("kind", "sort", "type", "form", "manner", "act", "acts", "wave", "series")
# Nouns that count a kind of event: "the number of arrests", "murder rates".
STATISTIC_GOVERNORS = _f("number", "rate", "percent", "share", "proportion", "statistic", "statistics", "tally",
                         "count", "average", "record", "register", "pace", "frequency", "rise", "fall", "increase",
                         "decline", "drop")
# Subjects that make a sentence generic ("you", "anyone", "people" without a determiner).
GENERIC_SUBJECTS = _f("you", "anyone", "anybody", "one", "people", "everyone", "everybody", "whoever")
# Words that open a line linking elsewhere, not reporting: "Read more: ...".
LINK_OPENERS = ("read more", "see also", "related:", "related coverage", "watch:", "more:", "also read",
                "recommended", "click here")
BULLETS = ("*", "•", "·", "-", "–", "—", "►", "▪")
# Fighting words that are armed only when the sentence shows arms or the armed.
CONTEST_WORDS = _f("fighting", "battle", "clash", "fight")
# Who brings a criminal charge: "prosecutors charged X"; "women came forward to charge X" is an accusation.
AUTHORITIES = _f("police", "prosecutor", "prosecutors", "authority", "authorities", "government", "state", "court",
                 "jury", "attorney", "office", "department", "ministry", "fbi", "officer", "officers", "official",
                 "officials", "investigator", "investigators", "judge", "magistrate", "army", "military", "regime",
                 "agency", "bureau", "procuracy", "procurator", "tribunal", "committee", "commission", "it", "they")
# Heads after which a trigger word still names one event ("an assassination attempt", "bombing campaign").
EVENT_HEADS = _f("attempt", "campaign", "spree", "wave", "attack", "attacks", "raid", "raids", "operation",
                 "rampage", "incident", "series", "plot", "case", "victim", "victims", "survivor", "survivors",
                 "site", "scene", "aftermath", "anniversary", "memorial", "toll", "suspect", "suspects", "area",
                 "zone", "outrage", "outrages", "atrocity", "atrocities", "tragedy", "horror", "carnage", "spate",
                 "string", "plot")
# Modifiers that make a fight or a battle political or legal.
CONTEST_FIGURES = _f("political", "legal", "court", "uphill", "budget", "bitter", "primary", "electoral", "verbal",
                     "rhetorical", "public", "nomination", "election", "campaign", "partisan", "congressional",
                     "senate", "messaging", "ratings", "custody", "bidding", "turf", "policy", "ideological",
                     "culture", "cultural", "legislative", "procedural")
# What kills without a killer: "the drinking that killed him", "a disease that kills thousands".
NATURAL_KILLERS = _f("drink", "drinking", "alcohol", "disease", "cancer", "illness", "virus", "overdose", "drug",
                     "alzheimer", "alzheimer's", "dementia", "diabetes", "disaster", "quake", "landslide", "tsunami",
                     "wildfire", "pneumonia", "infection", "complications", "age", "causes",
                     "drugs", "heat", "cold", "flu", "stroke", "crash", "accident", "flood", "storm", "earthquake",
                     "hurricane", "famine", "hunger", "malaria", "aids", "obesity", "smoking", "tobacco", "cholera",
                     "epidemic", "pandemic", "heart", "poverty")
# Offices whose holders are attacked in words far more often than in deed.
POLITICAL_TITLES = _f("president", "senator", "candidate", "nominee", "rival", "opponent", "governor", "mayor",
                      "minister", "congressman", "congresswoman", "lawmaker", "judge", "justice", "secretary",
                      "chairman", "speaker", "leader", "challenger", "incumbent", "frontrunner", "front-runner")
# Verbs whose nominal object is the event itself, so their negation negates it ("did not join any protest").
PARTICIPATION_VERBS = _f("engage", "participate", "take", "join", "hold", "stage", "carry", "conduct", "commit",
                         "launch", "organize", "organise", "attend", "lead", "face", "stand", "appear")
# Modifiers that make an attack physical whatever else the sentence says.
PHYSICAL_ATTACK_MODS = _f("terror", "terrorist", "suicide", "bomb", "knife", "gun", "rocket", "missile", "mortar",
                          "drone", "chemical", "armed", "militant", "deadly", "fatal", "violent", "van",
                          "truck", "car", "acid", "arson", "grenade", "machete", "shooting", "gas", "jihadist",
                          "insurgent", "rebel", "lone-wolf", "wolf", "mass", "stabbing", "bombing", "sniper", "ied")
# Words of campaign money: "spent $10 million attacking X", "PAC-funded attacks".
CAMPAIGN_MONEY = _f("pac", "pacs", "super", "donor", "donors", "giver", "givers", "fund", "funded", "funding",
                    "spend", "spent", "spending", "ad", "ads", "advertising", "airtime", "mailer", "mailers")
# Weapons that, as the killer, make a killing an attack too ("a roadside bomb killed ...").
ATTACK_WEAPONS = _f("bomb", "ied", "grenade", "rocket", "missile", "mortar", "shell", "landmine", "airstrike",
                    "drone", "sniper", "gunman", "gunmen", "bomber")
# Words after which "of murder", "with murder" names a crime, not a killing being reported.
CRIME_FRAMES = _f("guilty", "innocent", "acquit", "convict", "accuse", "charge", "suspect", "indict", "plead",
                  "sentence", "try", "prosecute", "count", "charges", "conviction", "accusation", "allegation")
# Nouns of argument: "lines of attack", "three areas of attack" are what a speech goes after.
ARGUMENT_NOUNS = _f("area", "line", "mode", "avenue", "angle", "point", "plan", "strategy", "front")
# Modifiers of an attack made in words.
VERBAL_ATTACK_MODS = _f("political", "personal", "verbal", "negative", "partisan", "rhetorical", "racist", "harsh",
                        "scathing", "blistering", "withering", "sharp", "direct", "mail", "ad", "television", "tv")
# Verbs for holding a gathering: "Trump held rallies across the state" is a campaign.
HOLD_VERBS = _f("hold", "stage", "organize", "organise", "headline", "host", "schedule", "plan", "cancel")
# The steps of one case, whose later steps are often written without the name ("the trial").
CASE_CHAIN_TYPES = _f("arrest", "charge", "trial", "imprisonment", "release", "detention_abuse")
# Determiners and possessors that point back to something already named.
DEFINITE_WORDS = _f("the", "this", "that", "his", "her", "their", "its")
# Words of a statistic: "had two murders in 2014, according to FBI data".
STATISTIC_CUES = _f("data", "statistics", "statistic", "figures", "capita", "percent", "rate", "rates",
                    "survey", "poll", "study")
# Units of a rate: "90 people a day die".
RATE_UNITS = _f("day", "week", "month", "year", "hour", "minute")
