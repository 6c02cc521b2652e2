"""Names of peoples, faiths and parties (NORP): one key for the singular and the plural.

"Republican" and "Republicans", "Democrat" and "Democrats", "Texan" and "Texans" name one
group; a plural is the singular plus "s" (never "ss", "us" or "is": "Swiss", "Magus").
"""
from __future__ import annotations

import re

from unidecode import unidecode

_NOT_PLURAL_ENDINGS = ("ss", "us", "is")


def singular(word: str) -> str:
    """"Republicans" -> "Republican"; "Swiss" and "Chinese" stay."""
    if len(word) > 3 and word[-1:] in "sS" and not word.lower().endswith(_NOT_PLURAL_ENDINGS):
        return word[:-1]
    return word


def group_key(name: str) -> str:
    """Lower case, ASCII, no spaces or dots, the last word in the singular (an adjective of
    the "-cratic" kind as the noun it is made from: a party's members are its adjective's)."""
    words = re.findall(r"[\w'-]+", unidecode(name).lower().replace("\u2019", "'"))
    if not words:
        return ""
    words[-1] = singular(words[-1])
    if words[-1].endswith("cratic"):
        words[-1] = words[-1][:-2]
    return "".join(words).replace("'", "")
