"""The bundled MiniLM sentence encoder (a 6-layer BERT), run with numpy.

Importing sentence-transformers pulls in torch and transformers, which takes tens of
seconds before the first sentence is encoded; the same weights and tokenizer read with
``safetensors`` and ``tokenizers`` give the same vectors (mean of the last layer over the
tokens, normalized) in a fraction of a second for the few sentences a tie-break needs.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from . import lexicon as L

# Abramowitz & Stegun 7.1.26: erf to 1.5e-7, as exact GELU needs and numpy lacks.
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


# batches of token ids -> their vectors, in order (None: encode them here after all)
Spread = Callable[[list[list[list[int]]]], "list[np.ndarray] | None"]


def _erf(x: np.ndarray) -> np.ndarray:
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * x)
    a1, a2, a3, a4, a5 = _ERF_A
    poly = ((((a5 * t + a4) * t + a3) * t + a2) * t + a1) * t
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    """0.5 * x * (1 + erf(x / sqrt 2)), the same operations in the same order, in place where
    the arrays are temporaries (these are the largest arrays of the model)."""
    t = x * np.float32(1 / np.sqrt(2.0))
    try:
        from scipy.special import erf      # exact and vectorized, when installed
        erf(t, out=t)
    except ImportError:
        t = _erf(t)
    t += 1.0
    out = 0.5 * x
    out *= t
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class Encoder:
    """``encode(texts, normalize_embeddings=True)`` like a SentenceTransformer, on the CPU."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        cfg = json.loads((folder / "config.json").read_text())
        max_len = json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.w = load_file(str(folder / "model.safetensors"))
        self.layers, self.heads, self.eps = cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()       # one sentence at a time: no padding, no mask
        self.tokenizer.enable_truncation(max_length=max_len)
        self._t: dict[tuple[str, np.dtype], np.ndarray] = {}

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        key = (name, x.dtype)
        if key not in self._t:
            # transposed once, contiguous, in the input's precision (float32, as the model runs
            # in sentence-transformers), so no call casts the weights
            self._t[key] = np.ascontiguousarray(self.w[f"{name}.weight"].T, dtype=x.dtype)
        flat = x.reshape(-1, x.shape[-1]) @ self._t[key]     # 2-D: one BLAS call, not one per sentence
        flat += self.w[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], -1)

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return _layer_norm(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"], self.eps)

    def _attention(self, x: np.ndarray, pad: np.ndarray, keep: np.ndarray, p: str) -> np.ndarray:
        """Self-attention over the batch: x holds the real tokens only (``keep``: where they sit
        in the padded batch); the padded positions enter as zeros, masked out by ``pad``."""
        b, n = pad.shape
        dim = x.shape[-1]
        d = dim // self.heads
        q, k, v = (_padded(self._linear(x, f"{p}.attention.self.{m}"), keep, b, n).reshape(b, n, self.heads, d)
                   .transpose(0, 2, 1, 3) for m in ("query", "key", "value"))
        # a float32 scale: numpy 2 promotes float32 arrays divided by a float64 scalar to
        # float64, which doubled the cost of every later layer
        scores = q @ k.transpose(0, 1, 3, 2) * np.float32(1 / np.sqrt(d)) + pad[:, None, None, :]
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        return (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, dim)[keep]

    def _batch(self, encoded: list[list[int]]) -> np.ndarray:
        """Mean-pooled last layer of a batch, padding masked out of attention and the mean.
        Only attention needs the batch padded to one length: every other step works on each
        token alone, so it runs on the real tokens only (a fifth of the work is padding)."""
        n = max(len(ids) for ids in encoded)
        ids = np.zeros((len(encoded), n), dtype=np.int64)
        mask = np.zeros((len(encoded), n), dtype=np.float32)
        for row, seq in enumerate(encoded):
            ids[row, :len(seq)], mask[row, :len(seq)] = seq, 1.0
        pad = (1.0 - mask) * np.float32(-1e9)
        keep = np.flatnonzero(mask.ravel())
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids.ravel()[keep]]
             + w["embeddings.position_embeddings.weight"][keep % n] + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            x = self._norm(x + self._linear(self._attention(x, pad, keep, p), f"{p}.attention.output.dense"),
                           f"{p}.attention.output.LayerNorm")
            hidden = _gelu(self._linear(x, f"{p}.intermediate.dense"))
            x = self._norm(x + self._linear(hidden, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        # the padding's rows come back as zeros, so the sum is over real tokens only
        return _padded(x, keep, *mask.shape).sum(1) / mask.sum(1, keepdims=True)

    def encode(self, texts: list[str], normalize_embeddings: bool = True, batch_size: int = L.EMBEDDING_BATCH_SIZE,
               spread: Spread | None = None, **_ignored) -> np.ndarray:
        """``spread``: encodes the batches elsewhere (other processes' encoders), in order."""
        out = np.zeros((len(texts), self.w["embeddings.LayerNorm.bias"].shape[0]), dtype=np.float32)
        encoded = [self.tokenizer.encode(t).ids for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))   # similar lengths pad little
        chunks = [order[lo:lo + batch_size] for lo in range(0, len(order), batch_size)]
        batches = [[encoded[i] for i in chunk] for chunk in chunks]
        vectors = spread(batches) if spread is not None and len(batches) > 1 else None
        if vectors is None:
            vectors = self.batches(batches)
        for chunk, vecs in zip(chunks, vectors):
            out[chunk] = vecs
        if normalize_embeddings:
            out = out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    def batches(self, batches: list[list[list[int]]]) -> list[np.ndarray]:
        """Each batch of token ids encoded (``_batch``) in this process, with one BLAS thread."""
        with one_thread():
            return [self._batch(ids) for ids in batches]


def _padded(x: np.ndarray, keep: np.ndarray, b: int, n: int) -> np.ndarray:
    """Rows of real tokens placed back in a (b, n, dim) batch, zeros where the padding goes."""
    out = np.zeros((b * n, x.shape[-1]), dtype=x.dtype)
    out[keep] = x
    return out.reshape(b, n, -1)


def one_thread():
    """BLAS threads fight the parser's processes for the same cores; small matmuls gain nothing."""
    try:
        from threadpoolctl import threadpool_limits
        return threadpool_limits(limits=1)
    except ImportError:
        import contextlib
        return contextlib.nullcontext()
