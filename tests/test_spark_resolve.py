"""Entities resolved on Spark (`casefile spark-ingest --resolve`) are the entities `casefile resolve` gives.

Spark only finds the blocks (records linked through their keys, ``resolve.blocks``); each
block is resolved by the single-machine rules. The corpus has people named in full in some
articles and by surname, with a title or an honorific in others, and institutions with and
without their country, so every kind of decision is exercised.
"""
from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from casefile import resolve
from casefile.cli import main
from casefile.store.db import Store

from .helpers.synthetic import article
from .test_spark import require_spark

pytestmark = pytest.mark.slow

# (text, outlet): fictional people and places, named in full, by surname, with titles
WRITTEN = [
    ("Minister Talia Orvane of Kestria met protesters in Vell on Monday. Orvane said the detentions "
     "would be reviewed. The Kestrian Foreign Ministry later confirmed the review.", "Vell Daily News"),
    ("Orvane, the interior minister, rejected the claims on Tuesday. \"We have nothing to hide,\" Orvane "
     "told reporters in Ostmark.", "Harbor Wire"),
    ("President Doran Helse pardoned the journalist Mika Brand on Friday. Helse said the pardon was "
     "final. Brand thanked the Foreign Ministry.", "Kestria Post"),
    ("Mrs. Brand, the journalist's mother, said her son had lost 10 kilograms in prison. Mika Brand "
     "was arrested in Tessel in 2021.", "Vell Daily News"),
    ("The Foreign Ministry of Lunara summoned the Kestrian ambassador. Helse did not comment.", "Harbor Wire"),
]


def lines() -> list[str]:
    rng = random.Random(5)
    out = [json.dumps(article(i, rng)) for i in range(24)]
    out += [json.dumps({"text": text, "outlet": outlet, "published": f"2024-05-0{i + 1}"})
            for i, (text, outlet) in enumerate(WRITTEN)]
    return out


def partition(pairs) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for ref, entity in pairs:
        groups.setdefault(entity, set()).add(ref)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """(entities of `casefile resolve`, entities of `spark-ingest --resolve`) as partitions of records."""
    require_spark()
    root = tmp_path_factory.mktemp("spark_resolve")
    corpus = root / "news.jsonl"
    corpus.write_text("\n".join(lines()) + "\n", encoding="utf-8")
    runner = CliRunner()
    db, output = str(root / "plain.db"), root / "parquet"
    assert runner.invoke(main, ["ingest", str(corpus), "--db", db, "-q"]).exit_code == 0
    store = Store.open(db)
    resolve.run(store)                              # `casefile resolve`: everything, from scratch
    plain = partition((f"{r['document_id']}~{r['key']}", r["entity_id"]) for r in store.rows("doc_entities"))
    result = runner.invoke(main, ["spark-ingest", str(corpus), "--output", str(output), "--master", "local[2]",
                                  "--resolve"])
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq
    rows = pq.read_table(output / "entity_groups").to_pylist()
    spark = partition((f"{r['document_id']}~{r['key']}", r["entity"]) for r in rows)
    return plain, spark


def test_spark_resolution_gives_the_entities_casefile_resolve_gives(both):
    plain, spark = both
    assert spark == plain


def test_the_corpus_has_entities_named_in_several_documents(both):
    plain, _ = both
    documents = [{ref.split("~")[0] for ref in group} for group in plain]
    assert sum(len(d) > 1 for d in documents) >= 5

