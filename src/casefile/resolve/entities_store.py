"""Document entities and human overrides read from the store; corpus-level entities written back.

Reads are by document (every read here goes through an index), so an incremental run reads
only the records it re-resolves, and a full run reads them all the same way.
"""
from __future__ import annotations

import json

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, case, func, or_, select

from ..store import schema as s
from ..store import schema_cases as c
from ..store.rows import local_entity_id
from . import lexicon as L
from . import names as N
from .bulk import insert_many
from .entity_rows import Tally, entity_row
from .records import DocEntity, Link

CHUNK = 500


def chunks(items: Iterable, size: int = CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def names_and_types(conn, ids: set[str]) -> dict[str, tuple[str, str]]:
    """Stored entities by id: (name, type), read in chunks."""
    out = {}
    for batch in chunks(ids):
        for r in conn.execute(select(s.entities.c.id, s.entities.c.name, s.entities.c.type)
                              .where(s.entities.c.id.in_(batch))):
            out[r.id] = (r.name, r.type)
    return out



def ref_of(document_id: str, key: str) -> str:
    return f"{document_id}~{key}"


def split_ref(ref: str) -> tuple[str, str]:
    document_id, key = ref.split("~", 1)
    return document_id, key


def rows_of_records(conn: Connection, table, key_column, refs: Iterable[str], *columns):
    """Rows of ``table`` about the document entities ``refs`` (matched on document_id and
    ``key_column``), read a batch at a time by (key, documents): a document's keys are few
    ("e1", "e2", ...), so each batch is a handful of index searches on (document_id, key) that
    read only the rows asked for, not every record of the documents."""
    for batch in chunks(sorted(set(refs))):
        by_key: dict[str, list[str]] = {}
        for ref in batch:
            doc, key = split_ref(ref)
            by_key.setdefault(key, []).append(doc)
        where = or_(*((key_column == key) & table.c.document_id.in_(docs) for key, docs in sorted(by_key.items())))
        yield from conn.execute(select(table.c.document_id, key_column, *columns).where(where))


def records_where(conn: Connection, column, values: Iterable[str], key_column=None) -> set[str]:
    """Refs of the document entities whose rows have ``column`` in ``values`` (``key_column``:
    the table's column naming the entity's key, ``key`` unless said)."""
    table = column.table
    key_column = table.c.key if key_column is None else key_column
    out = set()
    for batch in chunks(values):
        out |= {ref_of(r[0], r[1]) for r in conn.execute(select(table.c.document_id, key_column).where(column.in_(batch)))}
    return out


def load_records(conn: Connection, documents: Iterable[str] | None, forms: dict[str, list[str]]) -> list[DocEntity]:
    """Document entities of ``documents`` (None: all), in corpus order, with the written forms
    ``forms`` holds for them (``titled_forms``) among their aliases."""
    de, docs = s.doc_entities, s.documents
    query = select(de, docs.c.seq).join(docs, docs.c.id == de.c.document_id)
    batches = [None] if documents is None else [list(b) for b in chunks(documents)]
    out = []
    for batch in batches:
        q = query if batch is None else query.where(de.c.document_id.in_(batch))
        out += [_record(r, r.seq, forms.get(ref_of(r.document_id, r.key), ())) for r in conn.execute(q)]
    out.sort(key=lambda r: r.order)
    return out


def records_of(conn: Connection, refs: Iterable[str], forms: dict[str, list[str]]) -> list[DocEntity]:
    """The stored document entities among ``refs``, in corpus order, with their written forms
    (``load_records``), read by (document, key): not every record of their documents."""
    de, docs = s.doc_entities, s.documents
    rows = list(rows_of_records(conn, de, de.c.key, refs, de.c.name, de.c.type, de.c.aliases, de.c.descriptors))
    seqs: dict[str, int] = {}
    for batch in chunks({r.document_id for r in rows}):
        seqs.update((r.id, r.seq) for r in conn.execute(select(docs.c.id, docs.c.seq).where(docs.c.id.in_(batch))))
    out = [_record(r, seqs[r.document_id], forms.get(ref_of(r.document_id, r.key), ())) for r in rows]
    out.sort(key=lambda r: r.order)
    return out


def _record(r, seq: int | None, forms: Iterable[str]) -> DocEntity:
    rec = DocEntity(document_id=r.document_id, key=r.key, name=r.name, type=r.type, seq=seq or 0,
                    aliases=list(r.aliases or []), descriptors=list(r.descriptors or []))
    rec.add_forms(forms)
    return rec


def members(conn: Connection, entity_ids: Iterable[str]) -> dict[str, list[DocEntity]]:
    """The document entities of each entity, in corpus order, with the written forms kept for them."""
    de, docs, st = s.doc_entities, s.documents, c.entity_state
    query = (select(de, docs.c.seq, st.c.forms).join(docs, docs.c.id == de.c.document_id)
             .outerjoin(st, (st.c.document_id == de.c.document_id) & (st.c.key == de.c.key)))
    out: dict[str, list[DocEntity]] = {}
    for batch in chunks(entity_ids):
        for r in conn.execute(query.where(de.c.entity_id.in_(batch))):
            out.setdefault(r.entity_id, []).append(_record(r, r.seq, r.forms or ()))
    for recs in out.values():
        recs.sort(key=lambda r: r.order)
    return out


def titled_forms(conn: Connection, documents: Iterable[str] | None) -> dict[str, list[str]]:
    """"President X" for each person mention the text writes a title right before: readers and
    other tools look people up by the form the article used. Keyed by record ref, in text order."""
    de, m, docs = s.doc_entities, s.mentions, s.documents
    # Only the few characters before each mention are read, not whole texts.
    start = case((m.c.start > L.TITLE_WINDOW, m.c.start - L.TITLE_WINDOW), else_=0)
    before = func.substr(docs.c.text, start + 1, m.c.start - start)
    query = (select(m.c.document_id, m.c.entity_key, m.c.text, before.label("before"))
             .join(docs, docs.c.id == m.c.document_id)
             .join(de, (de.c.document_id == m.c.document_id) & (de.c.key == m.c.entity_key))
             .where(de.c.type == "PERSON").order_by(m.c.document_id, m.c.start))
    out: dict[str, list[str]] = {}
    for batch in [None] if documents is None else chunks(documents):
        q = query if batch is None else query.where(m.c.document_id.in_(batch))
        for row in conn.execute(q):
            if form := titled_form(row.before, row.text):
                out.setdefault(ref_of(row.document_id, row.entity_key), []).append(form)
    return out


def titled_form(before: str | None, mention: str) -> str | None:
    """"President X" when the ``TITLE_WINDOW`` characters ``before`` a person's mention end in a title."""
    title = N.title_before(before or "")
    # an editor's insertion ("[Westvale Gov. Ann] Roe") leaves its bracket in the mention
    return f"{title} {mention.replace('[', '').replace(']', '')}" if title else None


def overrides(conn: Connection) -> tuple[list[tuple[str, str]], set[str]]:
    """Active human decisions by record ref: merges (pairs, in the order made) and records kept
    alone. A later decision about the same document entity wins over an earlier one; a decision
    about a document entity that is no longer stored is skipped."""
    o = c.entity_overrides
    rows = list(conn.execute(select(o).where(o.c.active.is_(True)).order_by(o.c.id)))
    named = {ref_of(r.document_a, r.key_a) for r in rows} | {ref_of(r.document_b, r.key_b) for r in rows
                                                              if r.document_b}
    stored = existing(conn, named)
    merges: list[tuple[str, str]] = []
    alone: set[str] = set()
    for row in rows:
        a = ref_of(row.document_a, row.key_a)
        b = ref_of(row.document_b, row.key_b) if row.document_b else None
        if a not in stored:
            continue
        if row.action == "split":
            alone.add(a)
            merges = [m for m in merges if a not in m]
        elif row.action == "merge" and b in stored:
            merges.append((a, b))
            alone -= {a, b}
    return merges, alone


def existing(conn: Connection, refs: Iterable[str]) -> set[str]:
    """The refs among ``refs`` whose document entity is stored."""
    de = s.doc_entities
    return {ref_of(r.document_id, r.key) for r in rows_of_records(conn, de, de.c.key, refs)}


def group_rows(records: list[DocEntity], groups: list[list[int]], links: dict[int, Link],
               tallies: dict[str, Tally] | None = None) -> tuple[list[dict], list[dict], dict[str, str]]:
    """Entity rows, link rows and record ref -> entity id for resolved groups (``tallies``, when
    given, takes each entity's tally, to be kept)."""
    mapping: dict[str, str] = {}
    entity_rows, link_rows = [], []
    for members in groups:
        members = sorted(members, key=lambda m: records[m].order)
        first = records[members[0]]
        eid = local_entity_id(first.document_id, first.key)
        row, tally = entity_row(records, members, eid, {links[m].reason for m in members if m in links})
        entity_rows.append(row)
        if tallies is not None:
            tallies[eid] = tally
        for m in members:
            r = records[m]
            mapping[r.ref] = eid
            link_rows.append(link_row(r, eid, links.get(m)))
    return entity_rows, link_rows, mapping


def link_row(r: DocEntity, eid: str, link: Link | None) -> dict:
    """A record's ``entity_links`` row (no link: the entity's first mention)."""
    return {"document_id": r.document_id, "key": r.key, "entity_id": eid, "rule": link.rule if link else "first",
            "reason": link.reason if link else "first mention in the corpus"}


def write(conn: Connection, entity_rows: list[dict], link_rows: list[dict], mapping: dict[str, str],
          old_ids: set[str] | None, current: dict[str, str | None] | None = None) -> None:
    """Replace the entities ``old_ids`` (None: all) and the links and doc_entities of ``mapping``'s
    records (``current``: their entity ids as doc_entities holds them, when already read). After
    an ingest only rows that differ from the stored ones are written: an entity that took one
    new record keeps its other records' links as they are."""
    if old_ids is None:
        conn.execute(s.entities.delete())
        conn.execute(c.entity_links.delete())
    else:
        kept = _stored_entities(conn, old_ids | {e["id"] for e in entity_rows})
        now = {e["id"] for e in entity_rows}
        entity_rows = [e for e in entity_rows if kept.get(e["id"]) != e]
        stale = {eid for eid in kept if eid not in now and eid in old_ids} | {e["id"] for e in entity_rows} & set(kept)
        for batch in chunks(stale):
            conn.execute(s.entities.delete().where(s.entities.c.id.in_(batch)))
        link_rows = _changed_links(conn, link_rows)
        delete_records(conn, c.entity_links, [ref_of(r["document_id"], r["key"]) for r in link_rows])
    if entity_rows:
        conn.execute(s.entities.insert(), entity_rows)
    insert_many(conn, c.entity_links, link_rows)
    update_doc_entities(conn, mapping, current)


def _stored_entities(conn: Connection, ids: set[str]) -> dict[str, dict]:
    ent = s.entities
    out = {}
    for batch in chunks(ids):
        out.update((r.id, dict(r._mapping)) for r in conn.execute(select(ent).where(ent.c.id.in_(batch))))
    return out


def _changed_links(conn: Connection, rows: list[dict]) -> list[dict]:
    """The link rows that differ from (or are missing in) the stored ones."""
    el = c.entity_links
    stored = {ref_of(r.document_id, r.key): dict(r._mapping) for r in rows_of_records(
        conn, el, el.c.key, [ref_of(r["document_id"], r["key"]) for r in rows], el.c.entity_id, el.c.rule, el.c.reason)}
    return [r for r in rows if stored.get(ref_of(r["document_id"], r["key"])) != r]


def delete_records(conn: Connection, table, refs: Iterable[str], key_column=None) -> None:
    """Rows of a table about these records (by document_id and ``key_column``, ``key`` unless said)."""
    key_column = table.c.key if key_column is None else key_column
    by_doc: dict[str, list[str]] = {}
    for ref in refs:
        doc, key = split_ref(ref)
        by_doc.setdefault(doc, []).append(key)
    stmt = table.delete().where(table.c.document_id == bindparam("d"), key_column == bindparam("k"))
    params = [{"d": d, "k": k} for d, keys in by_doc.items() for k in keys]
    if params:
        conn.execute(stmt, params)


def update_doc_entities(conn: Connection, mapping: dict[str, str],
                        current: dict[str, str | None] | None = None) -> None:
    de = s.doc_entities
    if current is None:
        current = current_entities(conn, mapping)
    changed = [{"d": d, "k": k, "e": e} for ref, e in mapping.items() if current.get(ref) != e
               for d, k in [split_ref(ref)]]
    if changed:
        conn.execute(de.update().where(de.c.document_id == bindparam("d"), de.c.key == bindparam("k"))
                     .values(entity_id=bindparam("e")), changed)


def current_entities(conn: Connection, refs: Iterable[str]) -> dict[str, str | None]:
    """Record ref -> the entity id doc_entities holds now, for the stored records among ``refs``."""
    de = s.doc_entities
    return {ref_of(r.document_id, r.key): r.entity_id for r in rows_of_records(conn, de, de.c.key, refs, de.c.entity_id)}


def tallies(conn: Connection, ids: set[str]) -> dict[str, Tally]:
    """The kept tallies of the entities ``ids`` (an entity written before tallies were kept has none)."""
    t = c.entity_tallies
    out = {}
    for batch in chunks(ids):
        for r in conn.execute(select(t.c.entity_id, t.c.tally).where(t.c.entity_id.in_(batch))):
            out[r.entity_id] = Tally(json.loads(r.tally))
    return out


def tallied(conn: Connection, ids: set[str]) -> set[str]:
    """Which of the entities ``ids`` have a kept tally (without reading the tallies)."""
    t = c.entity_tallies
    return {r.entity_id for batch in chunks(ids)
            for r in conn.execute(select(t.c.entity_id).where(t.c.entity_id.in_(batch)))}


def keep_tallies(conn: Connection, kept: dict[str, Tally], replaced: set[str] | None) -> None:
    """Store the tallies ``kept`` in place of those of the entities ``replaced`` (None: of every entity)."""
    t = c.entity_tallies
    if replaced is None:
        conn.execute(t.delete())
    else:
        for batch in chunks(replaced | set(kept)):
            conn.execute(t.delete().where(t.c.entity_id.in_(batch)))
    insert_many(conn, t, [{"entity_id": eid, "tally": tally.as_json()} for eid, tally in sorted(kept.items())])
