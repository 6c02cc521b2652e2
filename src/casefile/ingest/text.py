"""Plain-text reader and the byte-to-text decoding every other reader shares.

Decoding order: a byte-order mark wins; then strict UTF-8; then Windows-1252
when the result looks like Western-European text; then charset-normalizer.
charset-normalizer alone misreads short Western articles (it guesses
cp1250 or mac_latin2 and turns “smart quotes” and é into the wrong letters), and
cp1252 is by far the most common legacy encoding for news text, so it is tried
first and accepted only when the result is plausible.
"""
from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from casefile import settings
from casefile.errors import InputError
from casefile.models import RawDocument

# A NUL byte never occurs in text; more than this share of other control
# characters means the bytes are not text either.
MAX_CONTROL_SHARE = 0.02
# In Western-European prose most letters are ASCII; Cyrillic or Greek decoded as
# cp1252 comes out as runs of accented Latin letters, far above this share.
MAX_WESTERN_NON_ASCII_LETTER_SHARE = 0.2
# Characters kept although they are "control" characters.
ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")
# Leading bytes of common binary formats, named so the reason says what it is.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "an audio, video or image file"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY_WESTERN = "cp1252"
# UTF-16 without a byte-order mark: in Latin-script text nearly every other byte is NUL.
MIN_UTF16_NUL_SHARE = 0.6
MAX_UTF16_OTHER_NUL_SHARE = 0.05
# Share of non-ASCII characters that must decode as UTF-8 for a damaged file to be read as UTF-8.
MIN_INTACT_UTF8_SHARE = 0.8
GENERIC_BINARY = "binary data"
# Character-level checks look at this much of a long text; the start is representative.
SAMPLE_CHARS = 200_000


def binary_kind(data: bytes) -> str | None:
    """Say what kind of binary file ``data`` is, or None when it may be text."""
    if any(data.startswith(bom) for bom, _ in BOMS) or _bomless_utf16(data):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:65536]:
        return GENERIC_BINARY
    return None


def decode_bytes(data: bytes) -> str:
    """Bytes to text with newlines normalised to ``\\n``; InputError when it is not text."""
    if not data.strip():
        raise InputError("empty file")
    kind = binary_kind(data)
    if kind:
        detail = "" if kind == GENERIC_BINARY else f" ({kind})"
        raise InputError(f"binary content{detail}, not text")
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary content, not text")
    if not text.strip():
        raise InputError("empty file")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"not valid {encoding.upper()} although it starts with its byte-order mark")
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    western = _try_western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("not valid UTF-8 and no known encoding fits")
    return str(best)


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte is NUL, as in Latin-script UTF-16 without a BOM."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= MIN_UTF16_NUL_SHARE and even_nul < MAX_UTF16_OTHER_NUL_SHARE:
        return "utf-16-le"
    if even_nul >= MIN_UTF16_NUL_SHARE and odd_nul < MAX_UTF16_OTHER_NUL_SHARE:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a cut-off file, one bad paste) stays UTF-8, damage marked with U+FFFD.

    Decoding it as cp1252 instead would turn every correct accented letter and
    curly quote into two or three wrong characters.
    """
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    intact = len(text) - len(text.encode("ascii", "ignore")) - damaged
    if intact and intact / (intact + damaged) >= MIN_INTACT_UTF8_SHARE:
        return text
    return None


def _try_western(data: bytes) -> str | None:
    try:
        text = data.decode(LEGACY_WESTERN)
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined: not Western text
    letters = [c for c in text[:SAMPLE_CHARS] if c.isalpha()]
    if not letters:
        return text
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    if non_ascii / len(letters) > MAX_WESTERN_NON_ASCII_LETTER_SHARE:
        return None
    return text


def _control_share(text: str) -> float:
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    controls = sum(1 for c in sample
                   if c not in ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cs", "Co"))
    return controls / len(sample)


def check_size(size: int) -> None:
    """InputError when ``size`` bytes exceed the input limit (read at call time, so tests can lower it)."""
    limit = settings.MAX_INPUT_BYTES
    if size > limit:
        raise InputError(f"larger than the {human_size(limit)} limit")


def check_article_text(text: str) -> None:
    """InputError when what was read is too short to be an article."""
    stripped = " ".join(text.split())
    if not stripped:
        raise InputError("no readable text")
    if len(stripped) < settings.MIN_ARTICLE_CHARS:
        raise InputError(f"too short to be an article ({len(stripped)} characters)")


def human_size(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def read_text(data: bytes, source: str, *, fmt: str = "text") -> RawDocument:
    """One plain-text article. The first line is left in the text: metadata decides if it is a headline."""
    check_size(len(data))
    text = decode_bytes(data)
    check_article_text(text)
    return RawDocument(source=source, text=text, format=fmt)
