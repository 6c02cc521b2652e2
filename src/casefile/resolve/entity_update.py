"""Entity resolution against the store: everything (``casefile resolve``) or only what new
documents can change (after an ingest), with the same result.

Why a part is enough: the name rules (``entities.base_clusters``) only ever link records
that share a join key, so the records connected to a new one through join keys (and hand
merges) are all whose name-rule clusters can change. A lone name's choice reads only the
clusters of the records indexed under its query keys, so it is re-made when one of those
clusters changed or when it is new. Entities are then the name-rule clusters joined by the
lone names' choices; every entity that holds a re-resolved record is rebuilt whole, and
the rest of the store is left as it is. ``entity_state`` and ``entity_keys`` keep what
the next run needs to find those parts by index.
"""
from __future__ import annotations

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from ..store.rows import local_entity_id
from . import entities_store as store
from . import keys as K
from .bulk import insert_many
from .changes import EntityChange
from .entities import DocEntity, Link, MemoryContext, assemble, base_clusters, earliest, lone_target
from .entity_appends import Append, appends, write_appends
from .entity_context import (StoreContext, clusters_in_documents, is_plain, joiners_of, members_of_bases,
                             persisted, plain_askers, records_per_document)
from .entities_store import chunks, ref_of, split_ref
from .unionfind import Clusters

PASS_RULES = frozenset({"manual", "same_name", "middle_name", "institution"})   # not lone_name, not first


def update(conn: Connection, new_docs: list[str] | None) -> EntityChange:
    """Resolve the entities of ``new_docs`` (None: of every document, from scratch)."""
    full = new_docs is None
    forms = store.titled_forms(conn, new_docs)
    new = store.load_records(conn, new_docs, forms)
    if full:
        for table in (c.entity_keys, c.entity_state):
            conn.execute(table.delete())
    insert_many(conn, c.entity_keys, [{"key": k, "document_id": r.document_id, "entity_key": r.key, "seq": r.seq}
                                      for r in new for k in K.stored_keys(r)])
    merges, alone = store.overrides(conn)
    fast = {} if full else appends(conn, new, merges, alone)
    region = new if full else _join_region(conn, [r for r in new if r.ref not in fast], merges, forms)
    index = {r.ref: i for i, r in enumerate(region)}
    fast = {ref: a for ref, a in fast.items() if ref not in index}
    uf, links = base_clusters(region, [(index[a], index[b]) for a, b in merges if a in index and b in index],
                              {index[a] for a in alone if a in index})
    bases = {r.ref: region[earliest(uf, i)].ref for i, r in enumerate(region)} | {ref: a.base for ref, a in fast.items()}
    if full:
        context, queriers = MemoryContext(region, uf), region
        own = {r.ref: (bases[r.ref], uf.docs[uf.find(i)]) for i, r in enumerate(region)}
    else:
        old_bases = {ref: st[0] for ref, st in persisted(conn, index).items()}
        context = StoreContext(conn, region, bases, old_bases)
        queriers = _queriers(conn, region, context, set(old_bases.values()), forms)
        kept = persisted(conn, {q.ref for q in queriers} - set(bases))
        roots = {q.ref: bases.get(q.ref) or kept[q.ref][0] for q in queriers}
        context.prefetch(set(roots.values()))
        own = {ref: (root, context.docs_of_base(root)) for ref, root in roots.items()}
    targets = {q.ref: lone_target(q, *own[q.ref], context) for q in queriers if q.ref not in alone}
    if not full:    # a lone name outside the region whose choice stands needs no rewriting
        targets = {ref: t for ref, t in targets.items() if ref in index or t != kept[ref][1]}
    area = region if full else _area(conn, region, bases, targets, forms)
    in_area = {r.ref for r in area}
    change = _write(conn, area, index, links, bases, targets, forms, full, {r.ref for r in new}, alone,
                    {ref: a for ref, a in fast.items() if ref in in_area})
    return change.merge(write_appends(conn, {ref: a for ref, a in fast.items() if ref not in in_area},
                                      {r.ref: r for r in new}, forms))


def _join_region(conn: Connection, new: list[DocEntity], merges: list[tuple[str, str]],
                 forms: dict[str, list[str]]) -> list[DocEntity]:
    """The records connected to the new ones through join keys and hand merges, loaded."""
    partners: dict[str, set[str]] = {}
    for a, b in merges:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    known = {r.ref: r for r in new}
    region, frontier, seen = set(known), set(known), set()
    while frontier:
        keys = {k for k in _keys_of(conn, frontier) if k.startswith(K.JOIN)} - seen
        seen |= keys
        found = _records_with(conn, keys) | {p for ref in frontier for p in partners.get(ref, ())}
        frontier = found - region
        region |= frontier
    return _load(conn, region, known, forms)


def _keys_of(conn: Connection, refs: set[str]) -> set[str]:
    ek = c.entity_keys
    return {r.key for r in store.rows_of_records(conn, ek, ek.c.entity_key, refs, ek.c.key)}


def _records_with(conn: Connection, keys: set[str]) -> set[str]:
    ek = c.entity_keys
    return store.records_where(conn, ek.c.key, keys, ek.c.entity_key)


def _load(conn: Connection, refs: set[str], known: dict[str, DocEntity],
          forms: dict[str, list[str]]) -> list[DocEntity]:
    """Records by ref in corpus order: those in ``known`` as they are, the rest from the store
    with the written forms an earlier run kept for them."""
    missing = refs - set(known)
    kept = {ref: st[3] for ref, st in persisted(conn, missing, forms=True).items()} if missing else {}
    loaded = store.load_records(conn, {split_ref(r)[0] for r in missing}, kept | forms) if missing else []
    out = [known[r] for r in refs if r in known] + [r for r in loaded if r.ref in missing]
    return sorted(out, key=lambda r: r.order)


def _queriers(conn: Connection, region: list[DocEntity], context: StoreContext, old_bases: set[str],
              forms: dict[str, list[str]]) -> list[DocEntity]:
    """Lone names whose choice may change: those in the region; those asking under a key a
    region record stands under, unless untouched clusters under it surely leave a plain lone
    name several candidates (``entity_context``); and those that chose a cluster the region
    re-made."""
    keys = {k for r in region for k in K.index_keys(r)}
    small = {k for k in keys if not context.big(k)}
    refs = _special(conn, {K.QUERY + k for k in keys})
    for k in small:
        refs |= _unsettled(conn, context, k)
    refs |= joiners_of(conn, old_bases, {})
    refs |= {r.ref for r in region if K.query_keys(r)}
    return [r for r in _load(conn, refs, {r.ref: r for r in region}, forms) if K.query_keys(r)]


def _unsettled(conn: Connection, context: StoreContext, key: str) -> set[str]:
    """Plain lone names asking under ``key`` for which the untouched clusters under it may not
    leave two candidates: those whose document holds records of too many of them."""
    stable = context.stable_under(key)
    askers = plain_askers(conn, key)
    if len(stable) < 2:
        return {ref for ref, _doc in askers}
    blocked = clusters_in_documents(conn, stable, {doc for _ref, doc in askers})
    return {ref for ref, doc in askers if len(stable) - blocked.get(doc, 0) < 2}


def _special(conn: Connection, keys: set[str]) -> set[str]:
    """Lone names asking under ``keys`` that are not plain (see ``entity_context``): their choice
    is always made again."""
    ek, st = c.entity_keys, c.entity_state
    query = (select(ek.c.document_id, ek.c.entity_key)
             .join(st, (st.c.document_id == ek.c.document_id) & (st.c.key == ek.c.entity_key))
             .where(st.c.lone == "special"))
    out = set()
    for batch in chunks(keys):
        out |= {ref_of(r.document_id, r.entity_key) for r in conn.execute(query.where(ek.c.key.in_(batch)))}
    return out


def _area(conn: Connection, region: list[DocEntity], bases: dict[str, str], targets: dict[str, str | None],
          forms: dict[str, list[str]]) -> list[DocEntity]:
    """Every record of every entity that holds a re-resolved record, before or after: the old
    entities of the records, the clusters they are in or chose, and the lone names that chose
    one of those clusters, until nothing more is added."""
    area = {r.ref for r in region} | set(targets)
    while True:
        old = store.current_entities(conn, {split_ref(r)[0] for r in area})
        entity_ids = {old[r] for r in area if old.get(r)}
        grown = set(area) | _members_of_entities(conn, entity_ids)
        state = persisted(conn, grown - set(bases))
        chosen = {t for r, t in targets.items() if t} | {t for r, (_b, t, _l) in state.items() if t and r not in targets}
        wanted = {bases.get(r) or state[r][0] for r in grown if r in bases or r in state} | chosen
        grown |= members_of_bases(conn, wanted, bases)
        grown |= joiners_of(conn, wanted, targets)
        if grown == area:
            break
        area = grown
    return _load(conn, area, {r.ref: r for r in region}, forms)


def _members_of_entities(conn: Connection, ids: set[str]) -> set[str]:
    return store.records_where(conn, s.doc_entities.c.entity_id, ids)


def _write(conn: Connection, area: list[DocEntity], index: dict[str, int], links: dict[int, Link],
           bases: dict[str, str], targets: dict[str, str | None], forms: dict[str, list[str]], full: bool,
           new: set[str], alone: set[str], fast: dict[str, Append]) -> EntityChange:
    """Assemble the area's entities from its clusters and choices, and store them."""
    refs = {r.ref for r in area}
    state = {} if full else persisted(conn, refs - new, forms=True)
    base_of = {r: bases.get(r) or state[r][0] for r in refs}
    target_of = {r: None if r in alone else targets[r] if r in targets else state[r][1] if r in state else None
                 for r in refs}
    at = {r.ref: i for i, r in enumerate(area)}
    local = Clusters(area, [r.document_id for r in area])
    for r in area:
        local.join(at[base_of[r.ref]], at[r.ref], force=True)       # a hand merge may hold one document twice
    area_links = _links(conn, area, at, index, links, bases, full) | {at[ref]: a.link for ref, a in fast.items()}
    pending = [(at[r.ref], at[target_of[r.ref]]) for r in area if target_of[r.ref]]
    result = assemble(area, local, area_links, pending)
    entity_rows, link_rows, mapping = store.group_rows(area, result.groups, result.links)
    before = store.current_entities(conn, {split_ref(r)[0] for r in refs})
    old_ids = {before[r] for r in refs if before.get(r)} | {local_entity_id(*split_ref(r)) for r in new}
    old_rows = _rows(conn, old_ids)
    store.write(conn, entity_rows, link_rows, mapping, None if full else old_ids)
    store.delete_records(conn, c.entity_state, [] if full else refs)
    lone = _lone_kinds(conn, area, base_of)
    insert_many(conn, c.entity_state, [{"document_id": split_ref(r)[0], "key": split_ref(r)[1],
                                        "forms": forms.get(r) or (state[r][3] if r in state else []),
                                        "base": base_of[r], "target": target_of[r], "lone": lone.get(r)}
                                       for r in sorted(refs)])
    shown_now = {e["id"]: (e["name"], e["type"]) for e in entity_rows}
    shown = {e for e in old_ids | set(shown_now) if old_rows.get(e) != shown_now.get(e)}
    return EntityChange(records={r for r in refs if before.get(r) != mapping[r] or r in new},
                        entities=old_ids | set(shown_now), shown=shown,
                        before={e: old_rows[e] for e in shown if e in old_rows},
                        after={e: shown_now[e] for e in shown if e in shown_now}, shrunk={before[r] for r in refs if before.get(r) and before[r] != mapping[r]},
                        count=len(entity_rows))


def _lone_kinds(conn: Connection, area: list[DocEntity], base_of: dict[str, str]) -> dict[str, str]:
    """"plain" or "special" for each lone name of the area (see ``entity_context``)."""
    docs: dict[str, set[str]] = {}
    for r in area:
        docs.setdefault(base_of[r.ref], set()).add(r.document_id)
    lone = [r for r in area if K.query_keys(r)]
    counts = records_per_document(conn, {r.document_id for r in lone})
    return {r.ref: "plain" if is_plain(r, docs[base_of[r.ref]], counts) else "special" for r in lone}


def _links(conn: Connection, area: list[DocEntity], at: dict[str, int], index: dict[str, int],
           links: dict[int, Link], bases: dict[str, str], full: bool) -> dict[int, Link]:
    """Each record's name-rule link: made now for re-resolved records, as stored for the rest."""
    out = {at[r.ref]: links[index[r.ref]] for r in area if r.ref in index and index[r.ref] in links}
    rest = [r.ref for r in area if r.ref not in bases]
    if full or not rest:
        return out
    el = c.entity_links
    wanted = set(rest)
    for batch in chunks({split_ref(r)[0] for r in rest}):
        for row in conn.execute(select(el.c.document_id, el.c.key, el.c.rule, el.c.reason)
                                .where(el.c.document_id.in_(batch))):
            ref = ref_of(row.document_id, row.key)
            if ref in wanted and row.rule in PASS_RULES:
                out[at[ref]] = Link(row.rule, row.reason)
    return out


def _rows(conn: Connection, ids: set[str]) -> dict[str, tuple[str, str]]:
    out = {}
    for batch in chunks(ids):
        for r in conn.execute(select(s.entities.c.id, s.entities.c.name, s.entities.c.type)
                              .where(s.entities.c.id.in_(batch))):
            out[r.id] = (r.name, r.type)
    return out
