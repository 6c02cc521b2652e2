"""Words of personal names, for every layer that compares people: family names too common to
single anyone out, and the particles and suffixes that belong to a name without naming anyone.

General naming conventions only; nothing names a particular person.
"""
from __future__ import annotations

# Common family names: alone they never tie two people together.
COMMON_VIETNAMESE_FAMILY_NAMES = frozenset("""
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai
trinh dao cao luu ha quach thai
""".split())
COMMON_CHINESE_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding ren shen yao jin xi wen bo
""".split())
COMMON_KOREAN_FAMILY_NAMES = frozenset("""
kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song
yoo hong moon
""".split())
COMMON_FAMILY_NAMES = COMMON_VIETNAMESE_FAMILY_NAMES | COMMON_CHINESE_FAMILY_NAMES | COMMON_KOREAN_FAMILY_NAMES

# Particles inside names: never a short form on their own.
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "della", "di", "la", "le", "van", "von",
                            "der", "den", "bin", "ibn", "bint", "al", "el", "abu", "y"})

# Generational suffixes that end a name ("... Roe Jr."): not part of what a reader calls the
# person, and the word before them is no title.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Honorifics that say a person is a woman or a man ("Mrs. Roe" is not her husband).
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "dame"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})

# Abbreviated titles written before a name and the word they stand for, so "Sen. Roe", "Senator
# Roe" and a later "the senator" agree (two titles are written whole and stand for themselves).
TITLE_WORD_FOR_ABBREVIATION: dict[str, str] = {
    "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president",
    "sec": "secretary", "atty": "attorney", "supt": "superintendent", "prof": "professor", "amb": "ambassador",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "insp": "inspector",
    "det": "detective", "cmdr": "commander", "adm": "admiral", "dr": "doctor", "rev": "reverend",
    "congressman": "congressman", "congresswoman": "congresswoman",
}
