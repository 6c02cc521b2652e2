"""Event clusters, corroboration and cluster conflicts on Spark: components found with DataFrame
joins, each component clustered on an executor by the rules ``casefile resolve`` runs.

1. Reports: each event of the job's output with what ``event_rows.load`` reads from a store:
   its document's place in the input (``ORDER``), its sentence, and its participants' resolved
   entities (``spark_resolve``'s ``resolved/entity_links`` and ``resolved/entities``).
2. Sources: each document's outlets (its copies in input order) and its near copies (documents
   sharing a MinHash band at the ingest engine's similarity), as ``sources.load`` reads them.
3. Blocks: ``resolve.event_blocks.block_keys`` of each report; blocks with more reports than
   ``MAX_EVENT_BLOCK`` propose no pairs, so they link nothing.
4. Components of report -- open block (``spark_resolve.components``); each one clustered by
   ``event_blocks.cluster_block`` (``events.cluster``, then ``corroborate`` and ``conflicts``).

Spark only decides which reports can meet; "same event" has one definition.
"""
from __future__ import annotations

import json
from pathlib import Path

from .concepts.entity_types import PLACE_TYPES
from .ingest.dedup import NEAR_DUPLICATE_JACCARD, similarity
from .resolve import lexicon as L
from .resolve.event_blocks import block_keys, cluster_block
from .resolve.event_rows import vague
from .resolve.events import EventRecord
from .resolve.sources import Sources, outlet_name
from .spark_resolve import ENTITIES, LINKS, components, string_schema
from .spark_tables import ORDER, RESOLVED, as_tuple, write_tables

CLUSTER_TABLES = ("event_cluster", "event_clusters", "cluster_claims", "conflicts")


def as_event(row: dict) -> EventRecord:
    """A report row (``reports``) as clustering takes it: vague participants left out."""
    kinds = {p["entity_id"]: p["type"] for p in row["participants"] or () if not vague(p["type"], p["name"])}
    ents = frozenset(kinds)
    return EventRecord(id=row["id"], document_id=row["document_id"], type=row["type"],
                       order=(row["seq"] or 0, row["start"], row["id"]), date_value=row["date_value"],
                       modality=row["modality"] or "asserted", entities=ents,
                       persons=frozenset(e for e in ents if kinds[e] == "PERSON"),
                       places=frozenset(e for e in ents if kinds[e] in PLACE_TYPES), sentence=row["sentence"])


def reports(spark, directory: str | Path):
    """The job's events, one row each, with their documents' order, outlets and near copies,
    their resolved participants and their amounts."""
    from pyspark.sql import functions as F

    root = Path(directory)

    def read(table: str):
        return spark.read.parquet(str(root / table))

    docs = (read("documents").groupBy("id")
            .agg(F.min(ORDER).alias("seq"), F.first("text").alias("text"),
                 F.sort_array(F.collect_list(F.struct(ORDER, "outlet", "url"))).alias("copies"))
            .join(near_copies(spark, root), "id", "left")
            .withColumnRenamed("id", "document_id"))
    entities = read(f"{RESOLVED}/{ENTITIES}").select(F.col("id").alias("entity_id"), "name", "type")
    links = read(f"{RESOLVED}/{LINKS}").select("document_id", F.col("key").alias("entity_key"), "entity_id")
    participants = (read("participants").dropDuplicates(["event_id", "idx"])
                    .join(links, ["document_id", "entity_key"]).join(entities, "entity_id")
                    .groupBy(F.col("event_id").alias("id"))
                    .agg(F.collect_set(F.struct("entity_id", "name", "type")).alias("participants")))
    amounts = (read("amounts").dropDuplicates(["id"]).where(F.col("event_id").isNotNull())
               .groupBy(F.col("event_id").alias("id"))
               .agg(F.collect_list(F.struct("document_id", "start", "kind", "value", "unit")).alias("amounts")))
    span = F.expr("substring(text, sentence_start + 1, sentence_end - sentence_start)")
    events = read("events").dropDuplicates(["id"]).withColumnRenamed("text", "trigger").join(docs, "document_id")
    sentence = F.when(F.col("sentence_start").isNotNull() & (F.coalesce(span, F.lit("")) != ""), span)
    return (events.select("id", "document_id", "type", "start", "date_value", "modality", "sentence_start",
                          "sentence_end", "seq", "copies", "near",
                          F.coalesce(sentence, F.col("trigger")).alias("sentence"))
            .join(participants, "id", "left").join(amounts, "id", "left"))


def near_copies(spark, root: Path):
    """(id, near): the documents each one is a near copy of, either way, as the ingest engine links
    them (a shared LSH band and MinHash similarity at ``NEAR_DUPLICATE_JACCARD`` or more)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BooleanType

    bands = spark.read.parquet(str(root / "minhash_bands")).dropDuplicates(["band", "document_id"])
    signatures = spark.read.parquet(str(root / "minhash_signatures")).dropDuplicates(["document_id"])
    pairs = (bands.alias("a").join(bands.alias("b"), "band")
             .where(F.col("a.document_id") < F.col("b.document_id"))
             .select(F.col("a.document_id").alias("a"), F.col("b.document_id").alias("b")).distinct())
    near = F.udf(lambda x, y: similarity(json.loads(x), json.loads(y)) >= NEAR_DUPLICATE_JACCARD, BooleanType())
    linked = (pairs.join(signatures.select(F.col("document_id").alias("a"), F.col("signature").alias("sa")), "a")
              .join(signatures.select(F.col("document_id").alias("b"), F.col("signature").alias("sb")), "b")
              .where(near("sa", "sb")))
    both = linked.select(F.col("a").alias("id"), F.col("b").alias("other")).unionByName(
        linked.select(F.col("b").alias("id"), F.col("a").alias("other")))
    return both.groupBy("id").agg(F.collect_set("other").alias("near"))


def cluster_component(rows: list[dict], oversized: frozenset[str]):
    """(table, row tuple) for every report of one component and every cluster it forms."""
    events = [as_event(r) for r in rows]
    sources = Sources()
    for r in rows:
        names = (outlet_name(c["outlet"], c["url"]) for c in r["copies"])
        sources.outlets[r["document_id"]] = list(dict.fromkeys(n for n in names if n))
        sources.near[r["document_id"]] |= set(r["near"] or ())
        sources.seq[r["document_id"]] = r["seq"] or 0
    # in the order the store reads them (``corroborate.load_amounts``): the first one is shown in a conflict
    amounts = {r["id"]: sorted(r["amounts"], key=lambda a: (a["document_id"], a["start"]))
               for r in rows if r["amounts"]}
    spans = {r["id"]: (r["sentence_start"], r["sentence_end"]) for r in rows}
    keys = {k for e in events for k in block_keys(e)} & oversized
    done = cluster_block(events, keys, sources, amounts, spans)
    yield from (("event_cluster", (event, cid)) for event, cid in done.cluster_of.items())
    for table, found in (("event_clusters", done.clusters), ("cluster_claims", done.claims),
                         ("conflicts", done.conflicts)):
        yield from ((table, as_tuple(table, row, resolved=True)) for row in found)


def cluster_events(spark, events):
    """RDD of (table, row tuple) for ``CLUSTER_TABLES``: the components of ``events`` clustered."""
    from pyspark.sql import functions as F

    keyed = events.rdd.flatMap(lambda row: [(row["id"], k) for k in block_keys(as_event(row.asDict(True)))])
    keyed = keyed.toDF(string_schema("ref", "key")).localCheckpoint()
    sizes = keyed.groupBy("key").count()
    oversized = frozenset(r["key"] for r in sizes.where(F.col("count") > L.MAX_EVENT_BLOCK).collect())
    open_edges = keyed.join(sizes.where(F.col("count") <= L.MAX_EVENT_BLOCK).select("key"), "key")
    labels = components(events.select(F.col("id").alias("ref")), open_edges)
    shared = spark.sparkContext.broadcast(oversized)
    return (events.join(labels.withColumnRenamed("ref", "id"), "id").rdd
            .map(lambda row: (row["label"], row.asDict(True)))
            .groupByKey()
            .flatMap(lambda part: cluster_component(list(part[1]), shared.value)))


def run(directory: str | Path, spark) -> int:
    """Cluster the events of a resolved job's output (``spark_resolve.run`` first); writes
    ``resolved/event_cluster``, ``event_clusters``, ``cluster_claims`` and ``conflicts``; clusters."""
    from pyspark import StorageLevel

    tagged = cluster_events(spark, reports(spark, directory)).persist(StorageLevel.MEMORY_AND_DISK)
    write_tables(spark, tagged, CLUSTER_TABLES, directory, resolved=True)
    tagged.unpersist()
    return spark.read.parquet(str(Path(directory) / RESOLVED / "event_clusters")).count()
