"""Near-duplicate detection: MinHash over word shingles with LSH banding.

Exact copies share a content id (``content_id``) and are stored once. Near copies
(the same wire story on two sites, with a different headline or footer) get linked,
so that later they count as one source, not two independent ones.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np
from unidecode import unidecode

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16                     # 16 bands x 4 rows: pairs above ~0.6 Jaccard almost always meet
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE_JACCARD = 0.6   # estimated share of shingles in common to call two texts one story
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20240301)   # fixed: signatures must be comparable across runs
_A = _rng.integers(1, _PRIME, NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    # unidecode leaves ASCII as it is, and most articles are ASCII: skip its per-character pass
    words = _WORD.findall((text if text.isascii() else unidecode(text)).lower())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words))
    blake, from_bytes = hashlib.blake2b, int.from_bytes
    return {from_bytes(blake(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"), digest_size=7).digest(), "big")
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int]:
    """NUM_PERM minimum hashes; equal positions estimate the shingle Jaccard similarity."""
    values = np.fromiter(shingles(text), dtype=np.uint64)
    # (a * x + b) mod p on 64-bit words: uint64 arithmetic wraps, which keeps the
    # permutations well mixed; exactness of the modulus does not matter for MinHash.
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    return hashed.min(axis=0).tolist()       # Python ints, as stored and compared


def bands(sig: list[int]) -> list[str]:
    """LSH band keys: two documents sharing any key are candidates for comparison."""
    return [f"{b}:{hashlib.blake2b(repr(sig[b * ROWS:(b + 1) * ROWS]).encode(), digest_size=8).hexdigest()}"
            for b in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    return sum(1 for x, y in zip(a, b) if x == y) / len(a) if a and b else 0.0
