"""Entity resolution against the store: everything (``casefile resolve``) or only what new
documents can change (after an ingest), with the same result.

Why a part is enough: the name rules (``name_rules.base_clusters``) only ever link records
that share a join key, a hand merge or a document, so the records connected to a new one
through those are all whose name-rule clusters can change. The corpus-wide typing of
one-word records (a bare surname made a person, a lone word typed a person made the
organization or place the corpus calls it) changes only for the words the new records move
across a threshold; records of those words are re-resolved too. A lone name's choice reads only the clusters of the records
indexed under its query keys (their records, documents, honorifics, titles), so it is re-made
when one of those clusters changed or grew, or when it is new. Entities are then the
name-rule clusters joined by the lone names' choices; every entity that holds a re-resolved
record is rebuilt whole, and the rest of the store is left as it is. ``entity_state`` and
``entity_keys`` keep what the next run needs to find those parts by index.
"""
from __future__ import annotations

from sqlalchemy import Connection, select

from ..store import schema as s
from ..store import schema_cases as c
from ..store.rows import local_entity_id
from . import entities_store as store
from . import keys as K
from . import lone_stats, middle_groups, people, whole_entities
from .bulk import insert_many
from .changes import EntityChange
from .entity_appends import Append, appends, write_appends
from .entity_area import area_of
from .entity_context import StoreContext, Typing, joiners_of, kept_target, members_of_bases, persisted
from .entities_store import chunks, names_and_types, ref_of, split_ref
from .lone_names import MemoryContext, assemble, lone_fit, plain_fit
from .name_rules import base_clusters, earliest
from .records import DocEntity, Link
from .unionfind import Clusters

MIDDLE = K.JOIN + "M|"
PASS_RULES = frozenset({"manual", "same_word", "same_name", "middle_name", "institution"})


def update(conn: Connection, new_docs: list[str] | None) -> EntityChange:
    """Resolve the entities of ``new_docs`` (None: of every document, from scratch)."""
    full = new_docs is None
    forms = store.titled_forms(conn, new_docs)
    new = store.load_records(conn, new_docs, forms)
    typing = Typing(conn)
    if full:
        for table in (c.entity_keys, c.entity_state, c.lone_sets):
            conn.execute(table.delete())
    _store_keys(conn, new, typing_only=True)     # the typing counts read them
    if full:
        people.retype(new)
    else:
        typing.apply(new)
    _store_keys(conn, new, typing_only=False)
    merges, alone = store.overrides(conn)
    if full:
        region, fast, known = new, {}, {}
    else:
        fast = appends(conn, new, merges, alone)
        retyped = _retyped_again(conn, typing, new, forms)
        seeds = [r for r in new if r.ref not in fast] + retyped
        region, known = _join_region(conn, seeds, merges, forms, typing, {r.ref: r for r in new + retyped},
                                     {r.ref for r in retyped})
    index = {r.ref: i for i, r in enumerate(region)}
    fast = {ref: a for ref, a in fast.items() if ref not in index}
    now_people = {i for i, r in enumerate(region) if r.type == "PERSON" and r.original_type != "PERSON"}
    pairs = None if full else [(index[a], index[b]) for a, b in _document_pairs(region, known, alone)
                               if a in index and b in index]
    uf, links = base_clusters(region, [(index[a], index[b]) for a, b in merges if a in index and b in index],
                              {index[a] for a in alone if a in index}, now_people, pairs)
    bases = {r.ref: region[earliest(uf, i)].ref for i, r in enumerate(region)} | {ref: a.base for ref, a in fast.items()}
    if full:
        context, queriers = MemoryContext(region, uf), region
        own = {r.ref: (bases[r.ref], uf.docs[uf.find(i)]) for i, r in enumerate(region)}
        lone_stats.write_roots(conn, _clusters(region, bases, lambda root: len(uf.docs[uf.find(index[root])])), None)
    else:
        known |= {r.ref: r for r in region}
        context = StoreContext(conn, bases, known, typing, forms)
        old_bases = {ref: st[0] for ref, st in persisted(conn, index).items()}
        queriers = _queriers(conn, region, fast, bases, old_bases, lambda root: len(uf.docs[uf.find(index[root])]),
                             context)
        kept = persisted(conn, {q.ref for q in queriers} - set(bases))
        roots = {q.ref: bases.get(q.ref) or kept[q.ref][0] for q in queriers}
        # every cluster the decisions read, at once: their own, and the candidates of those that weigh them
        asked = {k for q in queriers if not K.is_plain(q) for k in K.query_keys(q)}
        context.prefetch(set(roots.values()) | set().union(*(context.roots_under(k) for k in asked)))
        own = {ref: (root, context.documents_of(root)) for ref, root in roots.items()}
        # the plain lone names' own documents, read in one go: _decide asks about them one name at a time
        context.roots_in({d for q in queriers if K.is_plain(q) and q.ref not in alone for d in own[q.ref][1]})
    targets, plain = _decide(queriers, alone, own, context)
    lone_stats.note(conn, plain, () if full else {q.ref for q in queriers} | set(index))
    if not full:    # a lone name outside the region whose choice stands needs no rewriting
        targets = {ref: t for ref, t in targets.items() if ref in index or t != kept_target(kept.get(ref))}
    area, whole = (region, {}) if full else area_of(conn, region, bases, targets, context, fast,
                                                    whole_entities.fresh(conn, new))
    in_area = {r.ref for r in area}
    change = _write(conn, area, index, links, bases, targets, forms, full, {r.ref for r in new}, alone,
                    {ref: a for ref, a in fast.items() if ref in in_area}, whole)
    return change.merge(write_appends(conn, {ref: a for ref, a in fast.items() if ref not in in_area},
                                      {r.ref: r for r in new}, forms, typing))


def _store_keys(conn: Connection, records: list[DocEntity], typing_only: bool) -> None:
    """Keep the records' keys: their typing words first (the typing counts read them), then the rest."""
    rows = [{"key": k, "document_id": r.document_id, "entity_key": r.key, "seq": r.seq}
            for r in records for k in K.stored_keys(r, typed=typing_only)]
    insert_many(conn, c.entity_keys, rows)


def _retyped_again(conn: Connection, typing: Typing, new: list[DocEntity],
                   forms: dict[str, list[str]]) -> list[DocEntity]:
    """Stored records whose word the new records moved across the typing threshold: typed anew,
    with their keys rewritten (their old neighbours come along through the old join keys)."""
    words = typing.flipped(new)
    if not words:
        return []
    ek = c.entity_keys
    refs = store.records_where(conn, ek.c.key, {f"{K.TYPED}{kind}|{w}" for w in words for kind in "ol"}, ek.c.entity_key)
    refs -= {r.ref for r in new}
    records = _load(conn, refs, {}, forms, typing)
    return records


def _join_region(conn: Connection, seeds: list[DocEntity], merges: list[tuple[str, str]],
                 forms: dict[str, list[str]], typing: Typing, known: dict[str, DocEntity],
                 rekeyed: set[str]) -> tuple[list[DocEntity], dict[str, DocEntity]]:
    """The records connected to the seeds through join keys, hand merges and same-document pairs
    (one document's bare word typed a person elsewhere), and the records of the clusters they were
    in, loaded and typed; and every record read."""
    partners: dict[str, set[str]] = {}
    for a, b in merges:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    known = dict(known)
    region, seen, agreed = {r.ref for r in seeds}, set(), set()
    frontier = set(region)
    old_keys = {k for k in _keys_of(conn, rekeyed) if k.startswith(K.JOIN)}   # before the keys are rewritten
    if rekeyed:
        store.delete_records(conn, c.entity_keys, rekeyed, key_column=c.entity_keys.c.entity_key)
        _store_keys(conn, [known[r] for r in rekeyed], typing_only=True)
        _store_keys(conn, [known[r] for r in rekeyed], typing_only=False)
    while frontier:
        own = {k for k in _keys_of(conn, frontier) | old_keys if k.startswith(K.JOIN) and not k.startswith(MIDDLE)}
        # a name-parts group is followed only to the names that agree with these (``middle_groups``),
        # and on from those once their records are read
        keys = (own | middle_groups.agreeing(conn, own - agreed)) - seen
        agreed |= own
        seen |= keys
        old_keys = set()
        found = _records_with(conn, keys) | {p for ref in frontier for p in partners.get(ref, ())}
        found |= _same_document_partners(conn, frontier, known, forms, typing)
        # the clusters they were in: a same-document pair that no longer holds leaves no key behind
        found |= members_of_bases(conn, {st[0] for st in persisted(conn, frontier).values()}, {})
        frontier = found - region
        region |= frontier
    loaded = _load(conn, region, known, forms, typing)
    known.update((r.ref, r) for r in loaded)
    return loaded, known


def _same_document_partners(conn: Connection, refs: set[str], known: dict[str, DocEntity],
                            forms: dict[str, list[str]], typing: Typing) -> set[str]:
    """Records that one of ``refs``'s documents pairs with them (``people.same_word_in_a_document``)."""
    own = _load(conn, refs, known, forms, typing)
    known.update((r.ref, r) for r in own)
    docs = _pairing_documents(conn, {r.ref for r in own if people.may_pair_in_a_document(r)})
    records = _load(conn, set(store.records_where(conn, s.doc_entities.c.document_id, docs)), known, forms, typing)
    known.update((r.ref, r) for r in records)
    return {ref for a, b in _document_pairs(records, known, set()) if a in refs or b in refs for ref in (a, b)}


def _pairing_documents(conn: Connection, refs: set[str]) -> set[str]:
    """The documents where one of ``refs`` may be paired. Every same-document pair holds a
    record kept under another type's one-word name ("o|") or a lone person's word ("l|"). A
    full-named person pairs only as the bearer of the first kind, by its surname ("p|": "Roe
    said", tagged ORG, beside Ann Roe); a lone person's word only in its own document; a record
    of another type (no surname kept) with a lone person's word beside it, whatever its name.
    Documents where none of these can happen hold no pair (a much-named person's documents
    seldom do: reading their records would cost as many as the person has)."""
    ek = c.entity_keys
    other, lone, surname = "o|", "l|", "p|"
    keys: dict[str, dict[str, set[str]]] = {}
    for batch in chunks({split_ref(r)[0] for r in refs}):
        for r in conn.execute(select(ek.c.document_id, ek.c.entity_key, ek.c.key).where(
                ek.c.document_id.in_(batch), ek.c.key.startswith(K.TYPED))):
            keys.setdefault(r.document_id, {}).setdefault(r.entity_key, set()).add(r.key[len(K.TYPED):])
    out = set()
    for ref in refs:
        doc, key = split_ref(ref)
        records = keys.get(doc, {})
        mine = records.get(key, set())
        kept = set().union(*records.values())
        surnames = {k[len(surname):] for k in mine if k.startswith(surname)}
        if any(k.startswith((other, lone)) for k in mine) or {other + w for w in surnames} & kept or (
                not surnames and any(k.startswith(lone) for k in kept)):
            out.add(doc)
    return out


def _document_pairs(records: list[DocEntity], known: dict[str, DocEntity], alone: set[str]) -> list[tuple[str, str]]:
    """The same-document pairs of the documents of ``records``, read over each whole document (a
    pair depends on every other record of it), in corpus order."""
    by_doc: dict[str, list[DocEntity]] = {}
    docs = {r.document_id for r in records}
    for r in sorted((r for r in known.values() if r.document_id in docs), key=lambda r: r.order):
        by_doc.setdefault(r.document_id, []).append(r)
    out = []
    for doc in sorted(by_doc, key=lambda d: by_doc[d][0].order):
        recs = by_doc[doc]
        retyped = {i for i, r in enumerate(recs) if r.type == "PERSON" and r.original_type != "PERSON"}
        free = [i for i, r in enumerate(recs) if r.ref not in alone]
        out += [(recs[a].ref, recs[b].ref) for a, b in people.same_word_in_a_document(recs, free, retyped)]
    return out


def _keys_of(conn: Connection, refs: set[str]) -> set[str]:
    ek = c.entity_keys
    return {r.key for r in store.rows_of_records(conn, ek, ek.c.entity_key, refs, ek.c.key)}


def _records_with(conn: Connection, keys: set[str]) -> set[str]:
    ek = c.entity_keys
    return store.records_where(conn, ek.c.key, keys, ek.c.entity_key)


def _load(conn: Connection, refs: set[str], known: dict[str, DocEntity], forms: dict[str, list[str]],
          typing: Typing) -> list[DocEntity]:
    """Records by ref in corpus order: those in ``known`` as they are, the rest from the store
    with the written forms an earlier run kept for them, typed as the corpus types them now."""
    missing = refs - set(known)
    kept = {ref: st[3] for ref, st in persisted(conn, missing, forms=True).items()} if missing else {}
    loaded = store.records_of(conn, missing, kept | forms) if missing else []
    typing.apply(loaded)
    return sorted([known[r] for r in refs if r in known] + loaded, key=lambda r: r.order)


def _decide(queriers: list[DocEntity], alone: set[str], own: dict[str, tuple[str, set[str]]],
            context) -> tuple[dict[str, tuple | None], dict[str, tuple[str, int]]]:
    """Each lone name's choice; and for plain ones, their key set and how many candidates their
    own documents rule out (``lone_stats``)."""
    targets, plain = {}, {}
    for q in queriers:
        if q.ref in alone:
            continue
        if K.is_plain(q):
            targets[q.ref], ruled_out = plain_fit(q, *own[q.ref], context)
            plain[q.ref] = (K.query_set(q), ruled_out)
        else:
            targets[q.ref] = lone_fit(q, *own[q.ref], context)
    return targets, plain


def _clusters(records: list[DocEntity], bases: dict[str, str], documents) -> dict[str, tuple[set[str], int]]:
    """root -> (the keys its records are indexed under, and ``keys.HOLDS_LONE_NAME`` if one of
    them is a lone name; the documents it spans)."""
    keys: dict[str, set[str]] = {}
    for r in records:
        keys.setdefault(bases[r.ref], set()).update(K.index_keys(r) + ([K.HOLDS_LONE_NAME] if K.query_keys(r) else []))
    return {root: (ks, documents(root)) for root, ks in keys.items()}


def _queriers(conn: Connection, region: list[DocEntity], fast: dict[str, Append], bases: dict[str, str],
              old_bases: dict[str, str], region_docs, context: StoreContext) -> list[DocEntity]:
    """Lone names whose choice may change: those in the region or added; those that weigh their
    candidates' records asking under a key a re-made or grown cluster stands or stood under;
    plain ones the change of their key set's candidates can reach, or whose own cluster grew or
    spans a document that holds a changed record (``lone_stats``); and those that chose a
    cluster the region re-made."""
    remade = set(old_bases.values())
    keys, reached, ranked = lone_stats.refresh(conn, _after(conn, region, fast, bases, region_docs, context), remade)
    context.known_rankings(ranked)
    refs = _records_with(conn, {K.WEIGHED + k for k in set().union(*keys.values())}) | reached
    refs |= joiners_of(conn, remade, {}) | {r.ref for r in region if K.query_keys(r)} | set(fast)
    # plain lone names whose own documents hold a changed record: the keys of its clusters, then and now
    changed: dict[str, set[str]] = {}
    for ref, root in bases.items():
        changed.setdefault(split_ref(ref)[0], set()).update(keys.get(root, ()), keys.get(old_bases.get(ref), ()))
    grown_by: dict[str, set[str]] = {}
    for ref, a in fast.items():
        grown_by.setdefault(a.base, set()).add(split_ref(ref)[0])
    refs |= lone_stats.near(conn, changed, grown_by, remade)
    context.read(refs)
    return sorted((context.records[r] for r in refs if r in context.records and K.query_keys(context.records[r])),
                  key=lambda r: r.order)


def _after(conn: Connection, region: list[DocEntity], fast: dict[str, Append], bases: dict[str, str],
           region_docs, context: StoreContext) -> dict[str, tuple[set[str], int]]:
    """The clusters this run re-made or grew, as ``candidate_roots`` keeps them: the region's
    from memory, a grown one from its kept row and the records it grew by (new documents all)."""
    out = _clusters(region, bases, region_docs)
    added: dict[str, list[DocEntity]] = {}
    for ref, a in fast.items():
        added.setdefault(a.base, []).append(context.records[ref])
    mixed = {root for root in added if root in out}       # re-made and grown at once: read whole
    context.prefetch(mixed)
    out.update(_clusters([m for root in mixed for m in context.cluster(root)],
                         {m.ref: root for root in mixed for m in context.cluster(root)},
                         lambda root: len(context.documents_of(root))))
    out.update(lone_stats.grown(conn, {root: rs for root, rs in added.items() if root not in mixed}))
    return out


def _write(conn: Connection, area: list[DocEntity], index: dict[str, int], links: dict[int, Link],
           bases: dict[str, str], targets: dict[str, tuple | None], forms: dict[str, list[str]], full: bool,
           new: set[str], alone: set[str], fast: dict[str, Append], whole: dict[str, str]) -> EntityChange:
    """Assemble the area's entities from its clusters and choices, and store them (an entity
    left whole from its stand-ins, ``whole_entities``)."""
    refs = {r.ref for r in area}
    state = {} if full else persisted(conn, refs - new, forms=True)
    base_of = {r: bases.get(r) or state[r][0] for r in refs}
    # a re-resolved record's choice is this run's (none, if it is no longer a lone name)
    target_of = {r: None if r in alone or r in whole else targets.get(r) if r in targets or r in index or r in fast
                 else kept_target(state.get(r)) for r in refs}
    at = {r.ref: i for i, r in enumerate(area)}
    local = Clusters(area, [r.document_id for r in area])
    for r in area:
        local.join(at[base_of[r.ref]], at[r.ref], force=True)       # a hand merge may hold one document twice
    for ref, eid in whole.items():
        local.join(at[min(r for r, e in whole.items() if e == eid)], at[ref], force=True)
    area_links = _links(conn, area, at, index, links, bases, full) | {at[ref]: a.link for ref, a in fast.items()}
    pending = [(at[r.ref], at[target_of[r.ref][0]], target_of[r.ref][1]) for r in area if target_of[r.ref]]
    result = assemble(area, local, area_links, pending)
    entity_rows, link_rows, mapping, tallies, rest = whole_entities.rows(
        area, result.groups, result.links, whole, store.tallies(conn, set(whole.values())))
    more = store.group_rows(area, rest, result.links, tallies)
    entity_rows, link_rows, mapping = entity_rows + more[0], link_rows + more[1], mapping | more[2]
    before = store.current_entities(conn, refs)
    old_ids = {before[r] for r in refs if before.get(r)} | {local_entity_id(*split_ref(r)) for r in new}
    old_rows = names_and_types(conn, old_ids)
    store.write(conn, entity_rows, link_rows, mapping, None if full else old_ids, before)
    store.keep_tallies(conn, tallies, None if full else old_ids)
    kept = {r: (base_of[r], *(target_of[r] or (None, None)), forms.get(r) or (state[r][3] if r in state else []))
            for r in sorted(refs - set(whole))}
    kept = {r: st for r, st in kept.items() if r in new or state.get(r) != st}    # only rows that changed
    store.delete_records(conn, c.entity_state, [] if full else kept)
    insert_many(conn, c.entity_state, [{"document_id": split_ref(r)[0], "key": split_ref(r)[1], "forms": st[3],
                                        "base": st[0], "target": st[1], "rule": st[2]} for r, st in kept.items()])
    shown_now = {e["id"]: (e["name"], e["type"]) for e in entity_rows}
    shown = {e for e in old_ids | set(shown_now) if old_rows.get(e) != shown_now.get(e)}
    return EntityChange(records={r for r in refs if before.get(r) != mapping[r] or r in new},
                        entities=old_ids | set(shown_now), shown=shown,
                        before={e: old_rows[e] for e in shown if e in old_rows},
                        after={e: shown_now[e] for e in shown if e in shown_now},
                        shrunk={before[r] for r in refs if before.get(r) and before[r] != mapping[r]},
                        count=len(entity_rows))


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

