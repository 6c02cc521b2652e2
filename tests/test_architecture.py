"""The shape of the code: no import cycles under src/casefile and no private names used across modules.

Read with ``ast`` (nothing is imported), so a cycle through an import inside a function
counts too: it is still two modules that each need the other.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "casefile"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def _absolute(current: str, is_package: bool, level: int, target: str | None) -> str:
    if not level:
        return target or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for every import of a casefile module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == PACKAGE]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(name, is_package, node.level, node.module)
            if source.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                out.append((sub, None, node.lineno) if sub in known else (source, alias.name, node.lineno))
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {m for m, _, _ in imports(name, path, known) if m in known and m != name}
            for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def private_uses() -> list[str]:
    """``from casefile.x import _y`` and ``x._y`` on an imported casefile module, from another module."""
    known = modules()
    out = []
    for name, path in known.items():
        taken = [(m, n, line) for m, n, line in imports(name, path, known) if n and m != name]
        out += [f"{name}:{line} imports {m}.{n}" for m, n, line in taken if _private(n)]
        aliases = _module_aliases(name, path, known)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and _private(node.attr) and aliases[node.value.id] != name):
                out.append(f"{name}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    return out


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_aliases(name: str, path: Path, known: dict[str, Path]) -> dict[str, str]:
    """Local names bound to casefile modules (``from . import names as N`` -> {"N": "casefile.resolve.names"})."""
    out = {}
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(name, is_package, node.level, node.module)
            for alias in node.names:
                if f"{source}.{alias.name}" in known:
                    out[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known and alias.asname:
                    out[alias.asname] = alias.name
    return out


def test_no_module_under_src_casefile_is_part_of_an_import_cycle():
    assert cycles(graph()) == []


def test_no_module_uses_another_modules_private_names():
    assert private_uses() == []


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),                       # two modules needing each other
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),                     # a chain is not a cycle
    ({"a": set()}, []),
])
def test_the_cycle_finder_finds_cycles_and_only_cycles(edges, expected):
    assert cycles(edges) == expected


def test_the_checks_see_relative_and_lazy_imports(tmp_path, monkeypatch):
    pkg = tmp_path / PACKAGE
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "one.py").write_text("def f():\n    from .sub.two import _hidden\n")
    (pkg / "sub" / "two.py").write_text("from .. import one as O\n_hidden = 1\nx = O._thing\n")
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    assert cycles(graph()) == [["casefile.one", "casefile.sub.two"]]
    assert private_uses() == ["casefile.one:2 imports casefile.sub.two._hidden",
                              "casefile.sub.two:3 uses casefile.one._thing"]
