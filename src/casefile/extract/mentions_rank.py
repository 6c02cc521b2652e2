"""Ranking the antecedents a he or she may have: who said something last, who the text is
about, whose gender fits, how far back. A small linear model weighs these; its weights are
learned offline from PolNeAR's training split (scripts/train_antecedents.py) and shipped
in ``data/antecedents.json``. Nothing here learns at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import mentions as mw
from .mentions_np import Referent

WEIGHTS = Path(__file__).parent / "data" / "antecedents.json"

FEATURES = (
    "log_distance", "recent_0", "recent_1", "recent_2", "recent_3plus",
    "speaker", "speaker_0", "speaker_1", "speaker_2plus", "log_speaker_distance",
    "subject", "subject_0", "subject_1", "subject_2plus",
    "gender_match", "gender_unknown",
    "same_paragraph", "previous_paragraph", "same_sentence", "log_sentences",
    "log_mentions", "has_entity",
    "kind_person", "kind_name",
    "subject_after_speaker", "speaker_0_near", "subject_0_near",
)


@dataclass
class Candidate:
    """Everything before a pronoun that one referent (an entity, or a phrase) stands for."""

    ref: Referent                # what the pronoun resolves to: the latest speaker phrase, else the latest mention
    last: int                    # latest mention (or speaker cue) before the pronoun
    last_speaker: int | None = None
    last_subject: int | None = None
    count: int = 0


@dataclass
class Context:
    """Where the pronoun stands: its word, offset, paragraph and sentence numbers."""

    pronoun: str
    pos: int
    paragraph_of: object         # offset -> paragraph number
    sentence_of: object          # offset -> sentence number
    gender_of: object            # Referent -> "m" | "f" | None


def _rank(values: list[int | None], value: int | None) -> int | None:
    """0 for the latest of values, 1 for the one before, ...; None when value is None."""
    if value is None:
        return None
    return sum(1 for v in values if v is not None and v > value)


def _one_hot(rank: int | None, names: tuple[str, ...]) -> dict[str, float]:
    if rank is None:
        return {}
    return {names[min(rank, len(names) - 1)]: 1.0}


def features(cands: list[Candidate], ctx: Context) -> list[dict[str, float]]:
    """A feature dict for each candidate, as the model reads them."""
    p = ctx.pronoun.lower()
    lasts = [c.last for c in cands]
    speakers = [c.last_speaker for c in cands]
    subjects = [c.last_subject for c in cands]
    here_par, here_sent = ctx.paragraph_of(ctx.pos), ctx.sentence_of(ctx.pos)
    latest_speaker = max((v for v in speakers if v is not None), default=-1)
    out = []
    for c in cands:
        f: dict[str, float] = {
            "log_distance": math.log1p(max(0, ctx.pos - c.last)) / 8,
            "log_mentions": math.log1p(c.count) / 3, "has_entity": float(c.ref.key is not None),
            f"kind_{c.ref.kind}": 1.0,
        }
        f.update(_one_hot(_rank(lasts, c.last), ("recent_0", "recent_1", "recent_2", "recent_3plus")))
        if c.last_speaker is not None:
            f["speaker"] = 1.0
            f["log_speaker_distance"] = math.log1p(max(0, ctx.pos - c.last_speaker)) / 8
            f.update(_one_hot(_rank(speakers, c.last_speaker), ("speaker_0", "speaker_1", "speaker_2plus")))
        if c.last_subject is not None:
            f["subject"] = 1.0
            f.update(_one_hot(_rank(subjects, c.last_subject), ("subject_0", "subject_1", "subject_2plus")))
        if p in mw.PERSON_PRONOUNS:
            g = ctx.gender_of(c.ref)
            f["gender_unknown" if g is None else "gender_match"] = 1.0       # a clash is no candidate
        par = ctx.paragraph_of(c.last)
        f["same_paragraph"] = float(par == here_par)
        f["previous_paragraph"] = float(par == here_par - 1)
        near = f["same_paragraph"] or f["previous_paragraph"]
        # a person made the subject after the last one who spoke is the new topic
        f["subject_after_speaker"] = float(c.last_subject is not None and c.last_subject > latest_speaker)
        f["speaker_0_near"] = f.get("speaker_0", 0.0) * near
        f["subject_0_near"] = f.get("subject_0", 0.0) * near
        sents = here_sent - ctx.sentence_of(c.last)
        f["same_sentence"] = float(sents == 0)
        f["log_sentences"] = math.log1p(max(0, sents)) / 3
        out.append(f)
    return out


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped weights, by feature name (an empty dict when the file is missing: every
    candidate then scores alike and the latest one wins)."""
    if not WEIGHTS.is_file():
        return {}
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]


def best(cands: list[Candidate], ctx: Context) -> Candidate | None:
    """The highest-scoring candidate; among equal scores the latest."""
    if not cands:
        return None
    w = weights()
    scored = [(sum(w.get(k, 0.0) * v for k, v in f.items()), c.last, i)
              for i, (c, f) in enumerate(zip(cands, features(cands, ctx)))]
    return cands[max(scored)[2]]
