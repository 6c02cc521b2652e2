"""Cross-document entity resolution on Spark: the steps of ``resolve.blocks`` as DataFrame joins,
each part resolved on an executor by the rules ``casefile resolve`` runs.

1. Records: each document entity of the job's output (``doc_entities``) with its document's
   input order and the titled forms its mentions are written with (``entities_store``'s
   ``titled_form``), as ``casefile resolve`` reads them from a store.
2. Typing counts: how many records of the job give each typing word (``resolve.blocks.typing_counts``),
   one pass and one groupBy, broadcast to every executor.
3. Blocks: ``resolve.blocks.block_keys`` of each record, typed by those counts, linking when
   their roles do (``resolve.blocks.links``); connected components of record -- key by
   minimum-label propagation with pointer jumping. Each block's name-rule clusters and their
   statistics (``candidate_stats.name_block``).
4. Lone names: the statistics of every cluster some lone name asks for, broadcast
   (``candidate_stats.Candidates``); the lone names of each cluster joined with the records of
   that cluster's documents and decided (``candidate_stats.lone_choice``).
5. Units: components of record -- its cluster, lone name -- the cluster it chose; each unit
   joined (``candidate_stats.join_unit``) on one executor, which also makes its entity rows and
   link rows as ``casefile resolve`` stores them.

There is no second definition of "same person" here: Spark only decides which records meet
where. The joins and groupings are DataFrame operations in the JVM; Python runs once a
partition (keys) or once a group (a block, a cluster's lone names, a unit), and a record's
``Named`` travels between the steps pickled in a binary column. The output is ``resolved/entities`` and ``resolved/entity_links`` (``spark_tables``).
"""
from __future__ import annotations

import json
import pickle
from pathlib import Path

from .resolve import people
from .resolve.blocks import block_keys, links, lone_keys
from .resolve.candidate_stats import Candidates, Named, join_unit, lone_choice, name_block
from .resolve.entities_store import group_rows, titled_form
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
    """RDD of ("entities" | "entity_links", row tuple): each record's entity and link (entity id,
    rule, reason) and each entity's row, as ``casefile resolve`` writes them."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    records = (records.withColumn("ref", F.concat_ws("~", "document_id", "key"))
               .repartition(spark.sparkContext.defaultParallelism).persist(StorageLevel.MEMORY_AND_DISK))
    count = typing_counts(spark, records)
    # one pass over the records: each one's block keys ("B") and the query keys it asks as a lone name ("Q")
    keyed = (records.rdd.mapPartitions(lambda rows: _keys(rows, count))
             .toDF(string_schema("ref", "kind", "key")).persist(StorageLevel.MEMORY_AND_DISK))
    labels = components(records.select("ref"), _linked(keyed.where(F.col("kind") == "B")))
    named, stats = _blocks(records, labels, count)
    asked = {row["key"] for row in keyed.where(F.col("kind") == "Q").select("key").distinct().collect()}
    candidates = spark.sparkContext.broadcast(Candidates(stats, asked))
    chosen = _choices(records, named, candidates, count).persist(StorageLevel.MEMORY_AND_DISK)
    units = components(records.select("ref"), named.select("ref", F.col("root").alias("key")).unionByName(
        chosen.select("ref", F.col("joins").alias("key"))).distinct())
    members = (records.join(named.select("ref", "named"), "ref").join(chosen, "ref", "left").join(units, "ref")
               .groupBy("label").agg(F.collect_list(F.struct(*RECORD_COLUMNS, "named", "joins", "rule")).alias("m")))
    return members.rdd.flatMap(lambda unit: _tagged(resolve_unit(
        [(m.asDict(), pickle.loads(m["named"]), (m["joins"], m["rule"]) if m["joins"] else None)
         for m in unit["m"]], count)))


def _keys(rows, count):
    for row in rows:
        r = as_record(row.asDict())
        yield from ((row["ref"], "B", k) for k in block_keys(r, count))
        yield from ((row["ref"], "Q", k) for k in lone_keys(r, count))


def _linked(keyed):
    """(ref, key): the block keys whose roles link their records (``blocks.links``, asked once
    for each set of roles some key holds, not once a key)."""
    from pyspark.sql import functions as F

    split = keyed.select("ref", F.substring("key", 1, 2).alias("role"), F.expr("substring(key, 3)").alias("key"))
    roles = split.groupBy("key").agg(F.concat_ws(" ", F.array_sort(F.collect_set("role"))).alias("roles"))
    held = [row["roles"] for row in roles.select("roles").distinct().collect() if links(set(row["roles"].split(" ")))]
    return split.join(roles.where(F.col("roles").isin(held)).select("key"), "key").select("ref", "key").distinct()


def _blocks(records, labels, count):
    """Each block's name-rule clusters (``candidate_stats.name_block``): (ref, root, docs, named: the
    pickled ``Named``) of every record, and the statistics of every cluster a lone name could find."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    done = (records.join(labels, "ref").groupBy("label")
            .agg(F.collect_list(F.struct(*RECORD_COLUMNS)).alias("block")).rdd
            .map(lambda block: name_block([as_record(r.asDict()) for r in block["block"]], count))
            .persist(StorageLevel.MEMORY_AND_DISK))
    named = (done.flatMap(lambda pair: [(n.ref, n.root, list(n.docs), pickle.dumps(n)) for n in pair[0]])
             .toDF(named_schema()).persist(StorageLevel.MEMORY_AND_DISK))
    return named, done.flatMap(lambda pair: pair[1]).collect()


def named_schema():
    from pyspark.sql.types import ArrayType, BinaryType, StringType, StructField, StructType

    return StructType([StructField("ref", StringType()), StructField("root", StringType()),
                       StructField("docs", ArrayType(StringType())), StructField("named", BinaryType())])


def _choices(records, named, candidates, count):
    """(ref, joins, rule): each lone name's choice (``candidate_stats.lone_choice``). The records of
    a cluster's documents are gathered once for all the lone names of that cluster, which read
    them as ``blocks.resolve_by_blocks`` does."""
    from pyspark.sql import functions as F

    lone = named.where(F.size("docs") > 0).withColumnRenamed("root", "cluster")
    local = (lone.dropDuplicates(["cluster"]).select("cluster", F.explode("docs").alias("document_id"))
             .join(records.join(named.select("ref", "root"), "ref"), "document_id")
             .groupBy("cluster").agg(F.collect_list(F.struct(*RECORD_COLUMNS, "root")).alias("local")))
    asking = (records.join(lone.select("ref", "cluster", "named"), "ref")
              .groupBy("cluster").agg(F.collect_list(F.struct(*RECORD_COLUMNS, "ref", "named")).alias("lone")))
    return (asking.join(local, "cluster").rdd.flatMap(lambda part: _choose(part, candidates.value, count))
            .toDF(string_schema("ref", "joins", "rule")))


def _choose(part, candidates, count):
    local = [(as_record(row.asDict()), row["root"]) for row in part["local"]]
    for row in part["lone"]:
        fit = lone_choice(as_record(row.asDict()), pickle.loads(row["named"]), local, candidates, count)
        if fit is not None:
            yield row["ref"], fit[0], fit[1]


def resolve_unit(members: list[tuple[dict, Named, tuple[str, str] | None]], count) -> tuple[list[dict], list[dict]]:
    """The entity rows and link rows of one unit (``candidate_stats.join_unit``): each member's
    row, name-rule cluster and, for a lone name, its choice."""
    records = [as_record(row) for row, _, _ in members]
    named = {n.ref: n for _, n, _ in members}
    chosen = {n.ref: fit for _, n, fit in members if fit is not None}
    records, result = join_unit(records, named, chosen, count)
    entity_rows, link_rows, _mapping = group_rows(records, result.groups, result.links)
    return entity_rows, link_rows


def _tagged(rows: tuple[list[dict], list[dict]]):
    entity_rows, link_rows = rows
    yield from ((ENTITIES, as_tuple(ENTITIES, r, resolved=True)) for r in entity_rows)
    yield from ((LINKS, as_tuple(LINKS, r, resolved=True)) for r in link_rows)


def typing_counts(spark, records):
    """``blocks.typing_counts`` of the whole job, as a lookup every executor gets (a broadcast
    dict of the typing words some record asks about); one pass over the records."""
    from pyspark.sql import functions as F

    def words(rows):
        for row in rows:
            r = as_record(row.asDict())
            yield from (("w", w) for w in people.typing_words(r))
            yield from (("k", k) for k in people.typing_keys(r))

    found = (records.rdd.mapPartitions(words).toDF(string_schema("kind", "key")).groupBy("key")
             .agg(F.sum((F.col("kind") == "w").cast("long")).alias("n"), F.max(F.col("kind") == "k").alias("asked")))
    table = spark.sparkContext.broadcast({row["key"]: row["n"] for row in found.where("asked AND n > 0").collect()})
    return lambda key: table.value.get(key, 0)


def components(refs, edges):
    """(ref, label): the smallest ref of each connected component of the graph ref -- key.

    Each round a ref takes the smallest label among the refs that share a key with it, then its
    label's label (pointer jumping), so a chain of n blocks settles in about log n rounds, not n."""
    from pyspark.sql import functions as F

    labels = refs.select("ref", F.col("ref").alias("label")).localCheckpoint()
    edges = edges.localCheckpoint()
    for _round in range(MAX_ROUNDS):
        by_key = edges.join(labels, "ref").groupBy("key").agg(F.min("label").alias("near"))
        nearest = edges.join(by_key, "key").groupBy("ref").agg(F.min("near").alias("near"))
        hooked = labels.join(nearest, "ref", "left").select(
            "ref", F.least("label", F.coalesce("near", "label")).alias("label"), F.col("label").alias("was"))
        jumped = (hooked.join(hooked.select(F.col("ref").alias("label"), F.col("label").alias("next")), "label", "left")
                  .select("ref", F.least("label", F.coalesce("next", "label")).alias("label"), "was")
                  .localCheckpoint())
        labels = jumped.select("ref", "label")
        if not jumped.where(F.col("label") != F.col("was")).limit(1).count():
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
