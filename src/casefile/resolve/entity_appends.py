"""The common case of an incremental run, without re-resolving anything: a new record that
names someone already known, under names whose earliest records are all in one cluster.

Such a record (not a lone name, no hand decision about it or its cluster, no lone name in
its cluster) joins the cluster of the earliest record of each of its name-rule keys, linked
to the earliest record of its first key, exactly as a full run links it: it is the newest
record, so every name rule meets it last; every key it brings was already there (so no
other cluster gains a candidate or a rival); and the only thing that changes for
anyone else is that the cluster now also holds the new document. No earlier record shares
it, but other new records of that document may: two of them that would join one cluster,
or two clusters with names that agree (whose middle-name links depend on whether they share
a document; clusters that only share an initial and a surname do not weigh each other), are
left to the full rules. The entity's row is made from its kept tally and the new
records (``entity_rows``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, text

from ..store import schema as s
from ..store import schema_cases as c
from ..store.rows import local_entity_id
from . import entities_store as store
from . import keys as K
from . import lone_stats, middle_groups
from . import names as N
from .bulk import insert_many
from .changes import EntityChange
from .entity_rows import Tally
from .records import DocEntity, Link, label
from .entities_store import chunks, ref_of, split_ref


@dataclass
class Append:
    base: str        # the cluster (its root record) the record joins
    link: Link


def appends(conn: Connection, new: list[DocEntity], merges: list[tuple[str, str]], alone: set[str]) -> dict[str, Append]:
    """New records that simply join a known cluster (see the module's docstring). A record with a
    full name always has a same-name key, so its link is that rule's."""
    decided = alone | {r for pair in merges for r in pair}
    cands = [r for r in new if r.ref not in decided and not K.query_keys(r)
             and (K.strong_keys(r) or K.institution_keys(r))]
    keys = {r.ref: [K.JOIN + k for k in K.strong_keys(r)] + [K.JOIN + k for k, _c, _h in K.institution_keys(r)]
            for r in cands}
    known = _known(conn, {k for ks in keys.values() for k in ks}, alone)
    out: dict[str, Append] = {}
    for r in cands:
        firsts = [min(known[k], key=lambda x: x[2]) if known.get(k) else None for k in keys[r.ref]]
        if not all(firsts) or len({base for _label, base, _order in firsts}) != 1:
            continue    # a key nobody had, or keys whose first records sit in different clusters
        out[r.ref] = Append(firsts[0][1], _link(r, known))
    out = _keys_known(conn, {r.ref: r for r in cands if r.ref in out}, out)
    return _apart(conn, out, decided, {r.ref: r for r in cands})


def _link(r: DocEntity, known: dict[str, list]) -> Link:
    """The link a full run gives the record: the same-name pass comes first, then institutions,
    each in key order; the first key joins it (to that key's earliest record)."""
    if K.strong_keys(r):
        key = min(K.strong_keys(r), key=lambda k: tuple(k.split("|", 2)[1:]))
        name = min(known[K.JOIN + key], key=lambda x: x[2])[0]
        return Link("same_name", f"same full name {key.split('|', 2)[2]!r} as {name}")
    key, country, head = min(K.institution_keys(r), key=lambda k: (k[1], k[2]))
    name = min(known[K.JOIN + key], key=lambda x: x[2])[0]
    return Link("institution", f"same institution {head!r} of {country!r} as {name}")


def _apart(conn: Connection, found: dict[str, Append], decided: set[str],
           records: dict[str, DocEntity]) -> dict[str, Append]:
    """Drop records whose document would put one cluster in two places, or make two clusters
    whose names agree (``middle_groups``) share a document: either changes which clusters may
    join. So do clusters holding a record a hand decision is about."""
    per_doc: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for ref, a in found.items():
        per_doc[split_ref(ref)[0]][a.base].append(ref)
    # only a document putting records in two person clusters can make them share it
    shared = {a.base for ref, a in found.items() if len(per_doc[split_ref(ref)[0]]) > 1
              and records[ref].group == "person"}
    names = _person_names(conn, shared)
    held = {st.base for st in _states(conn, decided)} | _with_lone_names(conn, {a.base for a in found.values()})
    out = {}
    for ref, a in found.items():
        clusters = per_doc[split_ref(ref)[0]]
        others = set().union(*(names.get(b, set()) for b in clusters if b != a.base))
        if len(clusters[a.base]) == 1 and not _agree(names.get(a.base, set()), others) and a.base not in held:
            out[ref] = a
    return out


def _agree(mine: set[tuple[str, ...]], others: set[tuple[str, ...]]) -> bool:
    """Whether a name of one cluster agrees with one of the others' (the middle-name rule may weigh them)."""
    return any(N.person_names_agree(a, b) for a in mine for b in others)


def _with_lone_names(conn: Connection, bases: set[str]) -> set[str]:
    """Clusters holding a lone name (an acronym the same-name rule joined): its choice reads the
    cluster's documents, which the new record would change. ``candidate_roots`` marks them."""
    return lone_stats.among(conn, bases, [K.HOLDS_LONE_NAME])


def _person_names(conn: Connection, bases: set[str]) -> dict[str, set[tuple[str, ...]]]:
    """The multi-part person names of each cluster's records, as name parts."""
    return {base: {t for k in keys if (t := middle_groups.parts(k)) is not None and len(t) >= 2}
            for base, keys in cluster_keys(conn, bases, prefix=middle_groups.PERSON).items()}


def _states(conn: Connection, refs: set[str]):
    st = c.entity_state
    wanted = {split_ref(r) for r in refs}
    for batch in chunks({d for d, _ in wanted}):
        for r in conn.execute(select(st).where(st.c.document_id.in_(batch))):
            if (r.document_id, r.key) in wanted:
                yield r


def _known(conn: Connection, keys: set[str], alone: set[str]) -> dict[str, list[tuple[str, str, tuple]]]:
    """key -> [(label, cluster, corpus order)] of the earliest record resolved before under each key
    that the name rules take part in (not one kept alone by hand): the record a newer one joins.
    One statement per batch of keys, each reading only the head of its key in corpus order."""
    part = ("SELECT * FROM (SELECT ek.key AS key, ek.document_id AS document_id, ek.entity_key AS entity_key, "
            "st.base AS base, ek.seq AS seq, de.name AS name FROM entity_keys ek JOIN entity_state st ON "
            "st.document_id = ek.document_id AND st.key = ek.entity_key JOIN doc_entities de ON de.document_id = "
            "ek.document_id AND de.key = ek.entity_key WHERE ek.key = :k{i} "
            "ORDER BY ek.seq, ek.document_id, length(ek.entity_key), ek.entity_key LIMIT :n) AS head{i}")
    out: dict[str, list] = defaultdict(list)
    for batch in chunks(sorted(keys), 200):      # SQLite takes at most 500 terms in one compound select
        sql = text(" UNION ALL ".join(part.format(i=i) for i in range(len(batch))))
        params = {f"k{i}": k for i, k in enumerate(batch)} | {"n": 1 + len(alone)}
        rows = sorted(conn.execute(sql, params), key=lambda r: (r.seq or 0, r.document_id, len(r.entity_key),
                                                                r.entity_key))
        for r in rows:
            if ref_of(r.document_id, r.entity_key) in alone or r.key in out:
                continue
            order = (r.seq or 0, r.document_id, len(r.entity_key), r.entity_key)
            out[r.key].append((label(DocEntity(r.document_id, r.entity_key, r.name, "")), r.base, order))
    return out


def _keys_known(conn: Connection, records: dict[str, DocEntity], found: dict[str, Append]) -> dict[str, Append]:
    """Keep a record only if its cluster already stands under every lone-name key and descriptor
    word it brings (so no lone name gains a candidate). A person's lone-name keys are its names'
    first and last parts, which the earliest record of each of its full names has too."""
    wanted = {ref: ({K.INDEX + k for k in K.index_keys(r)} if r.group != "person" else set())
              | {K.WORD + w for w in K.descriptor_words(r)} for ref, r in records.items()}
    asking = {ref for ref, ks in wanted.items() if ks and ref in found}
    # the index keys from the clusters' candidate rows; descriptor words from their records
    have = lone_stats.keys_of(conn, {found[ref].base for ref in asking},
                              {k[len(K.INDEX):] for ref in asking for k in wanted[ref] if k.startswith(K.INDEX)})
    have = {root: {K.INDEX + k for k in ks} for root, ks in have.items()}
    words = {ref for ref in asking if any(k.startswith(K.WORD) for k in wanted[ref])}
    for root, ks in cluster_keys(conn, {found[ref].base for ref in words},
                                 {k for ref in words for k in wanted[ref] if k.startswith(K.WORD)}).items():
        have.setdefault(root, set()).update(ks)
    return {ref: a for ref, a in found.items() if ref in wanted and wanted[ref] <= have.get(a.base, set())}


def cluster_keys(conn: Connection, bases: set[str], keys: set[str] | None = None,
                  prefix: str | None = None) -> dict[str, set[str]]:
    """The keys (among ``keys``, or starting with ``prefix``) each cluster's records stand under.
    Read from the clusters' records to their keys (a common key stands under thousands)."""
    where = "ek.key IN :k" if keys is not None else "ek.key LIKE :p"
    sql = text("SELECT DISTINCT st.base, ek.key FROM entity_state st CROSS JOIN entity_keys ek "
               "WHERE ek.document_id = st.document_id AND ek.entity_key = st.key AND st.base IN :b AND " + where)
    sql = sql.bindparams(bindparam("b", expanding=True), *([bindparam("k", expanding=True)] if keys is not None else []))
    out: dict[str, set[str]] = defaultdict(set)
    for batch in chunks(bases):
        for kb in chunks(keys) if keys is not None else [None]:
            params = {"b": batch} | ({"k": kb} if kb is not None else {"p": f"{prefix}%"})
            for r in conn.execute(sql, params):
                out[r.base].add(r.key)
    return out


def write_appends(conn: Connection, fast: dict[str, Append], new: dict[str, DocEntity],
                  forms: dict[str, list[str]], typing) -> EntityChange:
    """Store each appended record under its cluster's entity and rebuild those entities' rows."""
    if not fast:
        return EntityChange()
    roots = {a.base for a in fast.values()}
    entity_of = store.current_entities(conn, roots)
    mapping = {ref: entity_of[a.base] for ref, a in fast.items()}
    store.delete_records(conn, c.entity_links, fast)
    insert_many(conn, c.entity_links, [{"document_id": split_ref(ref)[0], "key": split_ref(ref)[1],
                                        "entity_id": mapping[ref], "rule": a.link.rule, "reason": a.link.reason}
                                       for ref, a in fast.items()])
    insert_many(conn, c.entity_state, [{"document_id": split_ref(ref)[0], "key": split_ref(ref)[1],
                                        "forms": forms.get(ref) or [], "base": a.base, "target": None, "rule": None}
                                       for ref, a in fast.items()])
    store.update_doc_entities(conn, mapping)
    ids = set(mapping.values())
    removed = {local_entity_id(*split_ref(ref)) for ref in fast}
    before = _rows(conn, ids | removed)
    tallies = _grown_tallies(conn, fast, mapping, new, typing)
    rows = [tally.row(eid) for eid, tally in sorted(tallies.items())]
    for batch in chunks(ids | removed):
        conn.execute(s.entities.delete().where(s.entities.c.id.in_(batch)))
    conn.execute(s.entities.insert(), rows)
    store.keep_tallies(conn, tallies, removed)
    shown_before = {e: (r["name"], r["type"]) for e, r in before.items()}
    after = {e["id"]: (e["name"], e["type"]) for e in rows}
    shown = {e for e in ids | removed if shown_before.get(e) != after.get(e)}
    return EntityChange(records=set(fast), entities=ids | removed, shown=shown,
                        before={e: shown_before[e] for e in shown if e in shown_before},
                        after={e: after[e] for e in shown if e in after}, count=len(rows))


def _grown_tallies(conn: Connection, fast: dict[str, Append], mapping: dict[str, str], new: dict[str, DocEntity],
                   typing) -> dict:
    """Each grown entity's tally with its appended records; an entity kept without one (written
    before tallies were kept) is tallied from all its members, which already include them."""
    tallies = store.tallies(conn, set(mapping.values()))
    missing = set(mapping.values()) - set(tallies)
    members = store.members(conn, missing)
    reasons = _reasons(conn, missing)
    for eid, recs in members.items():
        typing.apply(recs)
        tallies[eid] = Tally().add(recs, reasons.get(eid, []))
    added: dict[str, list[DocEntity]] = defaultdict(list)
    for ref in sorted(fast, key=lambda ref: new[ref].order):
        if mapping[ref] not in missing:
            added[mapping[ref]].append(new[ref])
    for eid, recs in added.items():
        typing.apply(recs)
        tallies[eid].add(recs, {fast[r.ref].link.reason for r in recs})
    return tallies


def _rows(conn: Connection, ids: set[str]) -> dict[str, dict]:
    out = {}
    for batch in chunks(ids):
        for r in conn.execute(select(s.entities).where(s.entities.c.id.in_(batch))):
            out[r.id] = dict(r._mapping)
    return out


def _reasons(conn: Connection, ids: set[str]) -> dict[str, list[str]]:
    """The distinct reasons members were linked for, sorted, per entity."""
    el = c.entity_links
    out: dict[str, list[str]] = defaultdict(list)
    for batch in chunks(ids):
        for r in conn.execute(select(el.c.entity_id, el.c.reason).where(el.c.entity_id.in_(batch), el.c.rule != "first")
                              .group_by(el.c.entity_id, el.c.reason)):
            out[r.entity_id].append(r.reason)
    return {e: sorted(rs) for e, rs in out.items()}
