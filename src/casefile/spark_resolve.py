"""Cross-document entity resolution on Spark: blocks found with DataFrame joins, each block
resolved on an executor by the rules ``casefile resolve`` runs.

1. Records: each document entity of the job's output (``doc_entities``) with its document's
   input order and the titled forms its mentions are written with (``entities_store``'s
   ``titled_form``), as ``casefile resolve`` reads them from a store.
2. Typing counts: how many records of the job give each typing word (``resolve.blocks.typing_counts``),
   one reduceByKey, broadcast to every executor.
3. Blocking keys: ``resolve.blocks.block_keys`` of each record, typed by those counts; a key
   links only if its roles do (``resolve.blocks.links``: a join key, a document's bare word, an
   index key some lone name queries), found by one groupBy.
4. Connected components of record -- key: minimum-label propagation, two joins per round,
   until no label moves.
5. Each component is a block: ``resolve.blocks.resolve_block`` (``entities.resolve``: the
   same name rules and lone-name choices, under the job's typing counts) on one executor,
   which also makes the block's entity rows and link rows as ``casefile resolve`` stores them.

There is no second definition of "same person" here: Spark only decides which records can
meet. The output is ``resolved/entities`` and ``resolved/entity_links`` (``spark_tables``).
"""
from __future__ import annotations

import json
from pathlib import Path

from .resolve import people
from .resolve.blocks import block_keys, links, resolve_block
from .resolve.entities_store import titled_form
from .resolve.lexicon import TITLE_WINDOW
from .resolve.records import DocEntity
from .spark_tables import ORDER, RESOLVED, as_tuple, write_tables

RECORD_COLUMNS = ("document_id", "key", "name", "type", "seq", "aliases", "descriptors")
ENTITIES, LINKS = "entities", "entity_links"     # the output: resolved/<store table>
MAX_ROUNDS = 100


def as_record(row) -> DocEntity:
    """A record row (``RECORD_COLUMNS``; aliases and descriptors as JSON text) as resolution takes it."""
    return DocEntity(document_id=row["document_id"], key=row["key"], name=row["name"], type=row["type"],
                     seq=row["seq"] or 0, aliases=json.loads(row["aliases"] or "[]"),
                     descriptors=json.loads(row["descriptors"] or "[]"))


def records_of_job(spark, directory: str | Path):
    """The job's document entities as resolution reads them (``RECORD_COLUMNS``)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    root = Path(directory)
    docs = (spark.read.parquet(str(root / "documents")).groupBy("id")
            .agg(F.min(ORDER).alias("seq"), F.first("text").alias("text")))   # a copy keeps the first place
    entities = spark.read.parquet(str(root / "doc_entities")).dropDuplicates(["document_id", "key"])
    people = entities.where(F.col("type") == "PERSON").select("document_id", F.col("key").alias("entity_key"))
    form = F.udf(lambda before, mention: titled_form(before, mention), StringType())   # no hints: not a pandas UDF
    # the TITLE_WINDOW characters before each person mention (substring counts from 1)
    before = F.expr(f"substring(text, 1 + greatest(start - {TITLE_WINDOW}, 0), "
                    f"start - greatest(start - {TITLE_WINDOW}, 0))")
    written = (spark.read.parquet(str(root / "mentions")).dropDuplicates(["id"])
               .select("document_id", "entity_key", "start", F.col("text").alias("mention"))
               .join(people, ["document_id", "entity_key"])
               .join(docs.select(F.col("id").alias("document_id"), "text"), "document_id")
               .select("document_id", F.col("entity_key").alias("key"), "start",
                       form(before, F.col("mention")).alias("form"))
               .where(F.col("form").isNotNull())
               .groupBy("document_id", "key")
               .agg(F.sort_array(F.collect_list(F.struct("start", "form"))).alias("forms")))
    return (entities.join(docs.select(F.col("id").alias("document_id"), "seq"), "document_id")
            .join(written, ["document_id", "key"], "left")
            .rdd.map(_with_forms).toDF(record_schema()))


def record_schema():
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([StructField(c, LongType() if c == "seq" else StringType()) for c in RECORD_COLUMNS])


def string_schema(*names: str):
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(n, StringType()) for n in names])


def _with_forms(row) -> tuple:
    record = as_record(row.asDict())
    record.add_forms([f["form"] for f in row["forms"] or ()])
    return (record.document_id, record.key, record.name, record.type, record.seq,
            json.dumps(record.aliases, ensure_ascii=False), json.dumps(record.descriptors, ensure_ascii=False))


def resolve_entities(spark, records):
    """RDD of ("entities" | "entity_links", row tuple): each block resolved on an executor, its
    entity rows and each record's link (entity id, rule, reason) as ``casefile resolve`` writes them."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BooleanType

    count = typing_counts(spark, records)
    keyed = (records.rdd.flatMap(lambda row: [(f"{row['document_id']}~{row['key']}", k[2:], k[:2])
                                               for k in block_keys(as_record(row.asDict()), count)])
             .toDF(string_schema("ref", "key", "role")))
    roles = keyed.groupBy("key").agg(F.collect_set("role").alias("roles"))
    linking = F.udf(lambda held: links(set(held)), BooleanType())
    edges = keyed.join(roles.where(linking("roles")).select("key"), "key").select("ref", "key").distinct()
    refs = records.select(F.concat_ws("~", "document_id", "key").alias("ref"))
    labels = components(refs, edges)
    with_label = records.withColumn("ref", F.concat_ws("~", "document_id", "key")).join(labels, "ref")
    return (with_label.rdd.map(lambda row: (row["label"], row.asDict()))
            .groupByKey()
            .flatMap(lambda block: _tagged(resolve_block([as_record(r) for r in block[1]], count))))


def _tagged(rows: tuple[list[dict], list[dict]]):
    entity_rows, link_rows = rows
    yield from ((ENTITIES, as_tuple(ENTITIES, r, resolved=True)) for r in entity_rows)
    yield from ((LINKS, as_tuple(LINKS, r, resolved=True)) for r in link_rows)


def typing_counts(spark, records):
    """``blocks.typing_counts`` of the whole job, as a lookup every executor gets (a broadcast
    dict of the typing words some record asks about)."""
    rows = records.rdd.map(lambda row: as_record(row.asDict()))
    asked = rows.flatMap(lambda r: [(k, None) for k in people.typing_keys(r)]).distinct()
    counts = rows.flatMap(lambda r: [(w, 1) for w in people.typing_words(r)]).reduceByKey(lambda a, b: a + b)
    table = spark.sparkContext.broadcast(dict(counts.join(asked).mapValues(lambda pair: pair[0]).collect()))
    return lambda key: table.value.get(key, 0)


def components(refs, edges):
    """(ref, label): the smallest ref of each connected component of the graph ref -- key."""
    from pyspark.sql import functions as F

    labels = refs.select("ref", F.col("ref").alias("label")).localCheckpoint()
    edges = edges.localCheckpoint()
    for _round in range(MAX_ROUNDS):
        by_key = edges.join(labels, "ref").groupBy("key").agg(F.min("label").alias("near"))
        nearest = edges.join(by_key, "key").groupBy("ref").agg(F.min("near").alias("near"))
        moved = (labels.join(nearest, "ref", "left")
                 .select("ref", F.least("label", F.coalesce("near", "label")).alias("label"),
                         (F.coalesce("near", "label") < F.col("label")).alias("moved"))
                 .localCheckpoint())
        labels = moved.select("ref", "label")
        if not moved.where("moved").limit(1).count():
            return labels
    raise RuntimeError(f"connected components did not settle in {MAX_ROUNDS} rounds")


def run(directory: str | Path, spark) -> int:
    """Resolve the entities of a job's output; writes ``resolved/entities`` and ``resolved/entity_links``;
    the number of entities."""
    from pyspark import StorageLevel

    tagged = resolve_entities(spark, records_of_job(spark, directory)).persist(StorageLevel.MEMORY_AND_DISK)
    write_tables(spark, tagged, (ENTITIES, LINKS), directory, resolved=True)
    tagged.unpersist()
    return spark.read.parquet(str(Path(directory) / RESOLVED / ENTITIES)).count()
