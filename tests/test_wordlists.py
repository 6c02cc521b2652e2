"""One copy of each word list: every table is filled, defined once, and imported from where it lives.

A table that two modules each define drifts apart (two demonym tables once disagreed on which
peoples they knew); a table copied through ``getattr(module, NAME, {})`` or re-exported with
``import *`` goes silently empty or stale when its home moves.
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import casefile

SRC = Path(casefile.__file__).parent
PACKAGES = ("casefile.concepts", "casefile.extract.lexicon")
MODULES = ("casefile.resolve.lexicon",)

# Tables awaiting a merge into their one home (none now: events read the mention resolver's
# pronouns and person nouns from extract/lexicon/mentions.py). Each entry must still be a
# duplicate, or the test asks for its removal.
AWAITING_MERGE: set[str] = set()


def _word_list_modules() -> list[str]:
    names = list(MODULES)
    for pkg in PACKAGES:
        module = importlib.import_module(pkg)
        names += [f"{pkg}.{m.name}" for m in pkgutil.iter_modules(module.__path__)]
    return names


def _defined(module: str) -> dict[str, ast.AST]:
    """Upper-case names a module assigns at its top level (not those it imports)."""
    path = SRC.joinpath(*module.split(".")[1:]).with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AnnAssign) else []
        for t in targets:
            if isinstance(t, ast.Name) and t.id.isupper():
                out[t.id] = node
    return out


def _tables() -> dict[tuple[str, str], object]:
    out = {}
    for module in _word_list_modules():
        loaded = importlib.import_module(module)
        for name in _defined(module):
            value = getattr(loaded, name)
            if isinstance(value, (set, frozenset, dict, list, tuple)):
                out[(module, name)] = value
    return out


def test_word_list_modules_are_found():
    modules = _word_list_modules()
    assert "casefile.concepts.places" in modules and "casefile.extract.lexicon.entities" in modules


@pytest.mark.parametrize("where", sorted(_tables()), ids=lambda w: f"{w[0].rsplit('.', 1)[1]}.{w[1]}")
def test_every_table_holds_words(where):
    assert len(_tables()[where]) > 0, f"{where[1]} in {where[0]} is empty"


def test_no_table_is_defined_in_two_modules():
    homes: dict[str, list[str]] = {}
    for module, name in _tables():
        homes.setdefault(name, []).append(module)
    twice = {name: mods for name, mods in homes.items() if len(mods) > 1}
    assert set(twice) - AWAITING_MERGE == set(), f"defined in more than one module: {twice}"
    assert AWAITING_MERGE - set(twice) == set(), "merged now: drop these from AWAITING_MERGE"


def _as_words(value) -> frozenset:
    items = value.items() if isinstance(value, dict) else value
    return frozenset(repr(x).lower() for x in items)


def test_no_two_tables_hold_the_same_words():
    seen: dict[frozenset, tuple[str, str]] = {}
    copies = []
    for (module, name), value in sorted(_tables().items()):
        if len(value) < 3 or name in AWAITING_MERGE:
            continue
        words = _as_words(value)
        if words in seen:
            copies.append((seen[words], (module, name)))
        seen.setdefault(words, (module, name))
    assert copies == []


@pytest.mark.parametrize("module", _word_list_modules())
def test_word_list_modules_import_no_tables(module):
    """A table is imported from its home by whoever uses it, never passed on by another list."""
    path = SRC.joinpath(*module.split(".")[1:]).with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    passed_on = [a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 for a in node.names if a.name == "*" or a.name.isupper()]
    assert passed_on == []


def test_no_module_imports_star():
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)
                        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))]
    assert offenders == []


def test_no_table_is_copied_through_getattr():
    """``getattr(module, "TABLE", {})`` hides a renamed table behind an empty default."""
    offenders = []
    for p in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr" \
                    and len(node.args) == 3 and isinstance(node.args[1], ast.Constant) \
                    and str(node.args[1].value).isupper():
                offenders.append(f"{p.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("demonym, state", [
    ("italian", "Italy"),          # known only to the events' table before there was one
    ("vietnamese", "Vietnam"),
    ("u.s.", "United States"),     # known only to the entities' table before
])
def test_one_demonym_table_serves_entities_and_events(demonym, state):
    from casefile.extract import entities_link
    from casefile.extract.events import states as events_states

    assert entities_link.country_of(demonym) == state
    assert events_states.state_of(demonym) == state
