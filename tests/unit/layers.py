"""The layer contract of ``src/vielfalt_desktop``, checked on the source (an AST walk).

ui, cli ─► demo ─► services ─► sync, reports ─► store ─► domain

Every layer may use the ones to its right, never one to its left; the UI and the command line
reach the core only through ``services`` (never ``store``, ``sync`` or ``reports``), and the
module graph has no circle. ``fileio`` and ``resources`` are small helpers any layer may use.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = "vielfalt_desktop"
BASE = {"fileio", "resources", ""}  # "" is the package itself (its __version__)
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "store": {"domain", "store"},
    "sync": {"domain", "store", "sync"},
    "reports": {"domain", "store", "reports"},
    "services": {"domain", "store", "sync", "reports", "services"},
    "demo": {"domain", "services", "demo"},
    "cli": {"domain", "services", "demo", "cli"},
    "ui": {"domain", "services", "ui"},
    "__main__": {"cli", "ui", "services", "domain"},
}


def module_sources(src: Path) -> dict[str, str]:
    """``{"vielfalt_desktop.domain.vocab": source, …}`` for every module under ``src``."""
    found = {}
    for path in sorted((src / ROOT).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic revisions: loaded by the migration runner, not imported
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path.read_text(encoding="utf-8")
    return found


def imports(name: str, source: str, known: Iterable[str]) -> set[str]:
    """The project modules ``name`` imports (anywhere in the file, relative ones resolved)."""
    known = set(known)
    package = name if _is_package(name, known) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _is_package(name: str, known: set[str]) -> bool:
    return any(other.startswith(name + ".") for other in known)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def violations(sources: Mapping[str, str]) -> list[str]:
    """Imports that break the contract, as ``"a → b"`` lines."""
    wrong = []
    for name, source in sources.items():
        here = layer(name)
        allowed = ALLOWED.get(here)
        for target in sorted(imports(name, source, sources)):
            there = layer(target)
            if there in BASE or there == here:
                continue
            if allowed is None or there not in allowed:
                wrong.append(f"{name} → {target}")
    return wrong


def circles(sources: Mapping[str, str]) -> list[list[str]]:
    """Groups of modules that import each other in a circle (Tarjan's components > 1)."""
    graph = {name: imports(name, source, sources) for name, source in sources.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if _is_package(target, set(graph)) and node.startswith(target + "."):
                continue  # a module importing its own package's __init__ is no circle
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found
