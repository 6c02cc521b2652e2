"""Cross-document entity resolution on Spark: the steps of ``resolve.blocks`` as DataFrame joins,
each part resolved on an executor by the rules ``casefile resolve`` runs.

1. Records: each document entity of the job's output (``doc_entities``) with its document's
   input order and the titled forms its mentions are written with (``entities_store``'s
   ``titled_form``), as ``casefile resolve`` reads them from a store.
2. Typing counts: how many records of the job give each typing word (``resolve.blocks.typing_counts``),
   one reduceByKey, broadcast to every executor.
3. Blocks: ``resolve.blocks.block_keys`` of each record, typed by those counts, linking when
   their roles do (``resolve.blocks.links``); connected components of record -- key by
   minimum-label propagation. Each block's name-rule clusters and their statistics
   (``candidate_stats.name_block``).
4. Lone names: the statistics of every cluster some lone name asks for, broadcast
   (``candidate_stats.Candidates``); each lone name joined with the records of its cluster's
   documents and decided (``candidate_stats.lone_choice``).
5. Units: components of record -- its cluster, lone name -- the cluster it chose; each unit
   joined (``candidate_stats.join_unit``) on one executor, which also makes its entity rows and
   link rows as ``casefile resolve`` stores them.

There is no second definition of "same person" here: Spark only decides which records meet
where. The output is ``resolved/entities`` and ``resolved/entity_links`` (``spark_tables``).
"""
from __future__ import annotations

import json
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
    count = typing_counts(spark, records)
    labels = components(_refs(records), _edges(records.rdd.flatMap(
        lambda row: [(_ref(row), k) for k in block_keys(as_record(row.asDict()), count)]), links))
    raw = records.rdd.map(lambda row: (_ref(row), row.asDict())).persist()
    named = (raw.join(labels.rdd.map(lambda row: (row["ref"], row["label"])))
             .map(lambda kv: (kv[1][1], kv[1][0])).groupByKey()
             .map(lambda block: name_block([as_record(r) for r in block[1]], count)).persist())
    asked = set(raw.flatMap(lambda kv: lone_keys(as_record(kv[1]), count)).distinct().collect())
    candidates = spark.sparkContext.broadcast(Candidates(named.flatMap(lambda pair: pair[1]).collect(), asked))
    by_ref = raw.join(named.flatMap(lambda pair: [(n.ref, n) for n in pair[0]])).persist()   # ref -> (row, Named)
    chosen = _choices(by_ref, candidates, count).persist()
    units = components(_refs(records), _edges(
        by_ref.map(lambda kv: (kv[0], kv[1][1].root)).union(chosen.map(lambda kv: (kv[0], kv[1][0]))), None))
    return (by_ref.leftOuterJoin(chosen).join(units.rdd.map(lambda row: (row["ref"], row["label"])))
            .map(lambda kv: (kv[1][1], (kv[1][0][0][0], kv[1][0][0][1], kv[1][0][1]))).groupByKey()
            .flatMap(lambda unit: _tagged(resolve_unit(list(unit[1]), count))))


def _ref(row) -> str:
    return f"{row['document_id']}~{row['key']}"


def _refs(records):
    from pyspark.sql import functions as F

    return records.select(F.concat_ws("~", "document_id", "key").alias("ref"))


def _edges(pairs, linking):
    """(ref, key) edges of ``pairs`` (RDD of (ref, role-prefixed key), kept when ``linking``
    says the key's roles link; or of (ref, key), every one kept when ``linking`` is None)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BooleanType

    if linking is None:
        return pairs.toDF(string_schema("ref", "key")).distinct()
    keyed = pairs.map(lambda p: (p[0], p[1][2:], p[1][:2])).toDF(string_schema("ref", "key", "role"))
    roles = keyed.groupBy("key").agg(F.collect_set("role").alias("roles"))
    held = F.udf(lambda r: linking(set(r)), BooleanType())
    return keyed.join(roles.where(held("roles")).select("key"), "key").select("ref", "key").distinct()


def _choices(by_ref, candidates, count):
    """(lone name's ref, (the cluster it joins, rule)): each lone name with the records of its
    cluster's documents (``candidate_stats.lone_choice``)."""
    lone = by_ref.filter(lambda kv: kv[1][1].docs)
    in_doc = by_ref.map(lambda kv: (kv[1][0]["document_id"], (kv[1][0], kv[1][1].root)))
    local = (lone.flatMap(lambda kv: [(d, kv[0]) for d in kv[1][1].docs]).join(in_doc)
             .map(lambda kv: kv[1]).groupByKey())
    return (lone.join(local)
            .flatMap(lambda kv: [(kv[0], fit) for fit in [lone_choice(
                as_record(kv[1][0][0]), kv[1][0][1], [(as_record(r), root) for r, root in kv[1][1]],
                candidates.value, count)] if fit is not None]))


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
