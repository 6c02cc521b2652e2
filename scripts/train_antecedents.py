#!/usr/bin/env python
"""Learn the weights of the he/she antecedent ranker (extract/mentions_rank.py) from
PolNeAR's training split, offline. Tests and ingest never run this.

    python scripts/train_antecedents.py [--cache DIR] [--rounds N] [--out PATH]
    python scripts/train_antecedents.py --check polnear      # accuracy on dev, held out

How the examples are made: casefile extracts quotes from every training article; each
time a quote's speaker is "he" or "she" ("she said"), the resolver's candidates and their
features are kept. A gold quote with the same words names the speakers it accepts (the
pronoun's nearest named source, as PolNeAR's conversion gives it); a candidate is right
when one of its names is among them. A conditional logit (softmax over an example's
candidates, L2-regularized) is fitted to those choices. The examples depend on the
weights in use (a resolved speaker is noted for the next pronoun), so training runs a few
rounds, each with the weights of the one before.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import dev_eval  # noqa: E402
from casefile import nlp  # noqa: E402
from casefile.extract import entities, make_parsed, mentions_rank, quotes  # noqa: E402
from casefile.extract.lexicon.mentions import PERSON_PRONOUNS  # noqa: E402
from casefile.extract.mentions import Mentions  # noqa: E402
from casefile.ingest import documents_from  # noqa: E402
from casefile.ingest.sources import iter_inputs  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval"
L2 = 0.3


def _scorer():
    sys.path.insert(0, str(SCORER))
    import score
    return score


def collect(set_name: str) -> list[tuple[list[dict], list[bool]]]:
    """(features of each candidate, whether it is right) for every pronoun speaker that a
    gold quote confirms."""
    score = _scorer()
    inputs, gold_dir, _ = dev_eval.SETS[set_name]
    golds = {g["document"]: g for g in (json.loads(p.read_text()) for p in Path(gold_dir).glob("*.json"))}
    docs = [d for d in documents_from(iter_inputs([str(p) for p in inputs])) if hasattr(d, "text")]
    trace: list = []
    original = Mentions.antecedent

    def traced(self, pronoun, pos, recent=False):
        p = pronoun.lower()
        cands = self.candidates(p, pos)
        found = original(self, pronoun, pos, recent)
        if p in PERSON_PRONOUNS and not recent:     # events' "recent" look-ups rank nothing
            trace.append((pos, cands, mentions_rank.features(cands, self.context(p, pos)), self))
        return found

    Mentions.antecedent = traced
    examples = []
    seen = [0, 0]           # pronoun speakers a gold quote confirms; those with a right candidate
    try:
        for doc, parsed_doc in zip(docs, nlp.parse(d.text for d in docs)):
            gold = golds.get(Path(doc.source).name)
            if gold is None:
                continue
            trace.clear()
            parsed = make_parsed(doc, parsed_doc)
            ents = entities.extract(parsed)
            names = {e.key: {score.norm(x) for x in [e.name, *e.aliases]} for e in ents}
            for q in quotes.extract(parsed, ents):
                accepted = _accepted(score, q, gold)
                calls = [t for t in trace if q.sentence_start <= t[0] < q.sentence_end]
                if accepted is None or not calls:
                    continue
                _, cands, feats, _ = min(calls, key=lambda t: abs(t[0] - q.start))
                right = [bool(accepted & (_written(score, c.ref) | names.get(c.ref.key, set()))) for c in cands]
                seen[0] += 1
                seen[1] += any(right)
                if any(right) and len(cands) > 1:
                    examples.append((feats, right))
    finally:
        Mentions.antecedent = original
    print(f"{set_name}: {seen[0]} he/she speakers of gold quotes, {seen[1]} with the right one among the candidates")
    return examples


def _written(score, ref) -> set[str]:
    return {score.norm(ref.text)} | ({score.norm(ref.phrase[0])} if ref.phrase else set())


def _accepted(score, q, gold: dict) -> set[str] | None:
    """The speaker names of the gold quote with q's words and kind."""
    for g in gold.get("quotes", []):
        if g["kind"] == q.kind and (score.covered(g["text"], q.text) >= score.OVERLAP
                                    or score.covered(q.text, g["text"]) >= score.OVERLAP):
            return {score.norm(s) for s in g["speaker"]}
    return None


def _matrices(examples) -> list[tuple[np.ndarray, np.ndarray]]:
    index = {f: i for i, f in enumerate(mentions_rank.FEATURES)}
    out = []
    for feats, right in examples:
        x = np.zeros((len(feats), len(index)))
        for r, f in enumerate(feats):
            for k, v in f.items():
                if k in index:
                    x[r, index[k]] = v
        out.append((x, np.array(right, dtype=float)))
    return out


def fit(examples) -> np.ndarray:
    """Conditional logit: maximize the probability mass on the right candidates."""
    from scipy.optimize import minimize

    data = _matrices(examples)

    def loss(w):
        total, grad = L2 * w @ w, 2 * L2 * w
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mass = max((p * y).sum(), 1e-12)
            total -= np.log(mass)
            q = p * y / mass            # the right candidates' share of the mass
            grad -= (q - p) @ x
        return total, grad

    return minimize(loss, np.zeros(len(mentions_rank.FEATURES)), jac=True, method="L-BFGS-B").x


def accuracy(examples, weights: dict[str, float]) -> float:
    hits = 0
    for feats, right in examples:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats]
        hits += right[int(np.argmax(scores))]
    return round(hits / max(1, len(examples)), 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="spaCy parse cache (as scripts/dev_eval.py --cache)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=mentions_rank.WEIGHTS)
    ap.add_argument("--check", metavar="SET", help="only report the shipped weights' accuracy on SET")
    args = ap.parse_args()
    if args.cache:
        dev_eval.cached_parse(args.cache)
    if args.check:
        examples = collect(args.check)
        print(f"{args.check}: {len(examples)} examples, accuracy {accuracy(examples, mentions_rank.weights())}")
        return 0
    for r in range(args.rounds):
        examples = collect("polnear_train")
        before = accuracy(examples, mentions_rank.weights())
        w = dict(zip(mentions_rank.FEATURES, (round(float(v), 4) for v in fit(examples))))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({
            "trained_on": "dev/polnear_train (PolNeAR train split)", "examples": len(examples),
            "train_accuracy": accuracy(examples, w), "l2": L2, "weights": w}, indent=1) + "\n")
        mentions_rank.weights.cache_clear()
        print(f"round {r + 1}: {len(examples)} examples, accuracy {before} -> {accuracy(examples, w)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
