"""What a plain lone name's choice reads, kept in the store, and when that choice can change.

A plain lone name (``keys.is_plain``: a bare given name or surname, a generic institution, with
no honorific, title, descriptor or acronym) chooses among its candidates, the name-rule
clusters under its query keys, by their number, the ones its own documents rule out, and the
top one by documents (``lone_names.plain_fit``). ``candidate_roots`` keeps every cluster under
every key with the documents it spans, so that choice reads a handful of rows, not the records
of hundreds of bearers.

It also says when the choice can change. Take a plain lone name whose own cluster was not
re-made or grown, and none of whose own documents holds a record this run re-resolved or added
in a cluster (before or after) under one of its query keys (``near`` finds those that do): the
candidates its documents rule out (``n`` of them) are the same clusters as before, and every
new or re-made candidate fits. Its choice depended on the number of candidates ``c`` only
through whether ``c - n`` is 0, 1 or more, and beyond that only on the top candidate and
whether it dominates. So over its query-key set, if neither ``c`` crossed ``n + 1`` nor the
(top, dominates) pair changed, its choice stands; a one-fit choice of a cluster the run re-made
is asked again anyway (as a joiner of a re-made cluster). ``entity_keys`` keeps each plain lone
name under "L:" + its key set with ``n`` in ``seq``, and ``lone_sets`` each key set under its
keys (an index: a key set no lone name holds any more stays, costing one ranking). A run
compares the key sets its changed clusters stand under before and after and asks again only
the lone names the change can reach (``reached``), and those near a change (``near``).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, distinct, func, select, text

from ..store import schema_cases as c
from . import keys as K
from .bulk import insert_many
from .entities_store import chunks, records_where, ref_of, split_ref
from .lone_names import ranked

Ranking = tuple[int, "str | None", bool]     # (candidates, top one, whether it dominates)


def ranking(conn: Connection, keys: list[str]) -> Ranking:
    """(how many clusters stand under ``keys``, the one in most documents (then first by ref),
    whether it dominates), from ``candidate_roots``."""
    return rankings(conn, [K.QSET_SEP.join(keys)])[K.QSET_SEP.join(keys)]


def rankings(conn: Connection, qsets: Iterable[str]) -> dict[str, Ranking]:
    """``ranking`` of each key set, from one read of the rows under all their keys: a statement
    per question costs more than the rows even a common key holds."""
    qsets = set(qsets)
    return _ranked_sets(qsets, _rows_under(conn, {k for q in qsets for k in q.split(K.QSET_SEP)}))


def _rows_under(conn: Connection, keys: set[str]) -> dict[str, dict[str, int]]:
    """key -> root -> documents, of the clusters standing under ``keys``."""
    cr = c.candidate_roots
    under: dict[str, dict[str, int]] = {k: {} for k in keys}
    for batch in chunks(keys):
        for r in conn.execute(select(cr.c.key, cr.c.root, cr.c.documents).where(cr.c.key.in_(batch))).all():
            under[r.key][r.root] = r.documents
    return under


def _ranked_sets(qsets: Iterable[str], under: dict[str, dict[str, int]]) -> dict[str, Ranking]:
    """The ranking of each key set by the one rule (``lone_names.ranked``); a root has one
    documents figure under every key."""
    out = {}
    for q in sorted(qsets):
        documents = {root: docs for k in set(q.split(K.QSET_SEP)) for root, docs in under[k].items()}
        out[q] = ranked(set(documents), documents.__getitem__)
    return out


def candidates(conn: Connection, keys: list[str]) -> set[str]:
    cr = c.candidate_roots
    return set(conn.execute(select(cr.c.root).distinct().where(cr.c.key.in_(keys))).scalars())


def among(conn: Connection, roots: set[str], keys: list[str]) -> set[str]:
    """Those of ``roots`` standing under one of ``keys``."""
    cr = c.candidate_roots
    out: set[str] = set()
    for batch in chunks(roots):
        out |= set(conn.execute(select(cr.c.root).where(cr.c.key.in_(keys), cr.c.root.in_(batch))).scalars())
    return out


def keys_of(conn: Connection, roots: set[str], keys: set[str]) -> dict[str, set[str]]:
    """root -> those of ``keys`` it stands under (its records' index keys)."""
    cr = c.candidate_roots
    out: dict[str, set[str]] = {}
    for batch in chunks(roots):
        for kb in chunks(keys):
            for r in conn.execute(select(cr.c.root, cr.c.key).where(cr.c.root.in_(batch), cr.c.key.in_(kb))):
                out.setdefault(r.root, set()).add(r.key)
    return out


def write_roots(conn: Connection, clusters: dict[str, tuple[set[str], int]], replaced: Iterable[str] | None) -> None:
    """Keep each cluster (root -> (index keys, documents)); ``replaced``: roots whose rows go
    first (None: every row)."""
    cr = c.candidate_roots
    if replaced is None:
        conn.execute(cr.delete())
    else:
        for batch in chunks(set(replaced)):
            conn.execute(cr.delete().where(cr.c.root.in_(batch)))
    insert_many(conn, cr, [{"key": k, "root": root, "documents": docs}
                           for root, (keys, docs) in sorted(clusters.items()) for k in sorted(keys)])


def refresh(conn: Connection, after: dict[str, tuple[set[str], int]],
            replaced: set[str]) -> tuple[dict[str, set[str]], set[str], dict[str, Ranking]]:
    """Replace the rows of the clusters a run re-made (``replaced``: their roots before) or grew
    with ``after`` (root -> (index keys, documents)); returns the keys each of them stood or
    stands under, the plain lone names whose choice the change of their key sets can reach, and
    those key sets' rankings now. The rows under the key sets are read once, before, and the
    change made to them in memory as to the table."""
    gone = replaced | set(after)
    cr, ls = c.candidate_roots, c.lone_sets
    keys: dict[str, set[str]] = {root: set(ks) for root, (ks, _) in after.items()}
    for batch in chunks(gone):
        for row in conn.execute(select(cr.c.root, cr.c.key).where(cr.c.root.in_(batch))):
            keys.setdefault(row.root, set()).add(row.key)
    sets = values_where(conn, ls.c.qset, ls.c.key, set().union(*keys.values()))    # plain lone names' key sets
    under = _rows_under(conn, {k for q in sets for k in q.split(K.QSET_SEP)})
    before = _ranked_sets(sets, under)
    write_roots(conn, after, gone)
    for rows in under.values():
        for root in gone & set(rows):
            del rows[root]
    for root, (ks, docs) in after.items():
        for k in ks & set(under):
            under[k][root] = docs
    now = _ranked_sets(sets, under)
    return keys, reached(conn, before, now), now


def grown(conn: Connection, added: dict[str, list]) -> dict[str, tuple[set[str], int]]:
    """Clusters grown by records of new documents (root -> those records), as they stand now:
    their kept keys and documents, and the new records' keys and documents."""
    cr, st = c.candidate_roots, c.entity_state
    kept: dict[str, tuple[set[str], int]] = {}
    for batch in chunks(added):
        for r in conn.execute(select(cr.c.root, cr.c.key, cr.c.documents).where(cr.c.root.in_(batch))):
            kept.setdefault(r.root, (set(), r.documents))[0].add(r.key)
    for root in set(added) - set(kept):      # a cluster no lone name could find before
        docs = conn.execute(select(func.count(distinct(st.c.document_id))).where(st.c.base == root)).scalar()
        kept[root] = (set(), docs or 0)
    return {root: (kept[root][0] | {k for r in records for k in K.index_keys(r)},
                   kept[root][1] + len({r.document_id for r in records})) for root, records in added.items()}


def near(conn: Connection, changed: dict[str, set[str]], grown: dict[str, set[str]], remade: set[str]) -> set[str]:
    """Plain lone names a change in their own documents can reach: ``changed`` maps each
    document holding a re-resolved or added record to the keys of the clusters those records
    were or are in, ``grown`` each grown cluster to the documents it grew by. A lone name in a
    cluster spanning such a document (or grown by it) is reached when one of its query keys is
    among those: only then can a cluster it weighs have gained or lost that document. Clusters
    ``remade`` are left out: their lone names are asked again anyway."""
    st = c.entity_state
    spans: dict[str, set[str]] = {root: set(docs) for root, docs in grown.items()}
    for batch in chunks(changed):
        for r in conn.execute(select(st.c.document_id, st.c.base).distinct().where(st.c.document_id.in_(batch))):
            if r.base not in remade:
                spans.setdefault(r.base, set()).add(r.document_id)
    # the lone names asking under one of the changed keys, found by their key sets: reading the
    # spanning clusters' records instead costs as many rows as a much-named person has records
    asked = set().union(*(changed.get(d, set()) for docs in spans.values() for d in docs))
    plain = [K.PLAIN + q for q in values_where(conn, c.lone_sets.c.qset, c.lone_sets.c.key, asked)]
    # only those in a spanning cluster are fetched: a common key set's lone names grow with the
    # store, the few in the clusters a batch touches do not. "|| ''" keeps SQLite walking the
    # lone names and looking each one's cluster up: with the base index it probes every
    # (lone name, listed cluster) pair
    sql = text("SELECT st.base, ek.document_id, ek.entity_key, ek.key FROM entity_keys ek JOIN entity_state st "
               "ON st.document_id = ek.document_id AND st.key = ek.entity_key WHERE ek.key IN :plain "
               "AND st.base || '' IN :spans").bindparams(bindparam("plain", expanding=True), bindparam("spans", expanding=True))
    out = set()
    for batch in chunks(sorted(plain)):
        for roots in chunks(sorted(spans)):
            for r in conn.execute(sql, {"plain": batch, "spans": roots}).all():
                asks = set(r.key.removeprefix(K.PLAIN).split(K.QSET_SEP))
                if any(asks & changed.get(d, set()) for d in spans[r.base]):
                    out.add(ref_of(r.document_id, r.entity_key))
    return out


def values_where(conn: Connection, wanted, column, values: Iterable[str]) -> set[str]:
    """``wanted`` (a column) of the rows whose ``column`` is one of ``values``."""
    out: set[str] = set()
    for batch in chunks(values):
        out |= set(conn.execute(select(wanted).where(column.in_(batch))).scalars())
    return out


def reached(conn: Connection, before: dict[str, Ranking], after: dict[str, Ranking]) -> set[str]:
    """Plain lone names whose choice the change from ``before`` to ``after`` can reach."""
    ek = c.entity_keys
    out: set[str] = set()
    for qset in sorted(before):
        (c0, top0, dom0), (c1, top1, dom1) = before[qset], after[qset]
        if (top0 if dom0 else None, dom0) != (top1 if dom1 else None, dom1):
            least = 0                              # the top one changed: every one of them
        elif c0 != c1:
            least = min(c0, c1) - 1                # those ruling out this many or more
        else:
            continue
        out |= records_where(conn, ek.c.key, [K.PLAIN + qset], ek.c.entity_key) if least <= 0 else \
            {ref_of(r.document_id, r.entity_key) for r in conn.execute(
                select(ek.c.document_id, ek.c.entity_key).where(ek.c.key == K.PLAIN + qset, ek.c.seq >= least))}
    return out


def note(conn: Connection, decided: dict[str, tuple[str, int]], forget: Iterable[str]) -> None:
    """Keep plain lone names' key sets and how many candidates their documents rule out
    (``decided``: ref -> (key set, n)), after dropping what was kept for ``forget``."""
    ek, ls = c.entity_keys, c.lone_sets
    stale = [split_ref(ref) for ref in set(forget)]
    if stale:
        conn.execute(ek.delete().where(ek.c.document_id == bindparam("d"), ek.c.entity_key == bindparam("k"),
                                       ek.c.key.startswith(K.PLAIN)), [{"d": d, "k": k} for d, k in stale])
    insert_many(conn, ek, [{"key": K.PLAIN + qset, "document_id": split_ref(ref)[0], "entity_key": split_ref(ref)[1],
                            "seq": n} for ref, (qset, n) in sorted(decided.items())])
    wanted = {(k, qset) for qset, _ in decided.values() for k in qset.split(K.QSET_SEP)}
    known = set()
    for batch in chunks({k for k, _ in wanted}):
        known |= {(r.key, r.qset) for r in conn.execute(select(ls.c.key, ls.c.qset).where(ls.c.key.in_(batch)))}
    insert_many(conn, ls, [{"key": k, "qset": q} for k, q in sorted(wanted - known)])
