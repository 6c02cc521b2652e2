"""Blocks: parts of a corpus whose entities resolve without looking at each other.

Every decision of entity resolution reads records that share a key with the record decided:
a name rule links records with a common *join* key, a lone name chooses among the clusters
*indexed* under its *query* keys, and the corpus-wide typing of bare surnames counts the
records with the same *typing* word (``keys``). Records that share no such key, directly or
through others, never see each other. So the connected components of the graph
record -- key are blocks: ``resolve_block`` on each one (``entities.resolve``, the very rules
``casefile resolve`` runs) gives, block by block, the entities of the whole corpus. The
Spark job (``spark_resolve``) finds the blocks with DataFrame joins and resolves each on an
executor; this module is the one place that says what links a block.
"""
from __future__ import annotations

from . import keys as K
from . import people
from .entities import resolve
from .entities_store import group_rows
from .records import DocEntity

_LINKING = (K.JOIN, K.INDEX, K.QUERY)


def block_keys(r: DocEntity) -> list[str]:
    """The keys that put ``r`` in one block with every record sharing one of them."""
    out = []
    for key in K.stored_keys(r):
        role, body = key[:2], key[2:]
        if role in _LINKING:
            out.append(body)
        elif role == K.TYPED:       # "p|roe" and "o|roe" count the same word
            out.append("T|" + body.split("|", 1)[1])
    if (word := people.retypable_word(r)) is not None:
        # typed a person by the corpus, a bare word asks for the people of that name
        out += [f"P|first|{word}", f"P|last|{word}"]
    return list(dict.fromkeys(out))


def resolve_block(records: list[DocEntity]) -> tuple[list[dict], list[dict]]:
    """The entity rows and link rows (``entity_links``: each record's entity, rule and reason) of
    one block, as ``casefile resolve`` writes them."""
    records = sorted(records, key=lambda r: r.order)
    result = resolve(records)
    entity_rows, link_rows, _mapping = group_rows(records, result.groups, result.links)
    return entity_rows, link_rows
