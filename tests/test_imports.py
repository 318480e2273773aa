"""Imports go one way: no module of the package imports, directly or through others, one that
imports it back.

Every `import` statement counts, at module level and inside functions or `if` blocks: an import
moved into a function hides a cycle, it does not remove it. `from x import y` points at the module
`x.y` when there is one, else at `x` (a package's `__init__` is a module like any other). The
cycles are found as strongly connected components of that graph and printed one path each.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

import analysis

PACKAGE = Path(analysis.__file__).parent

Graph = dict[str, set[str]]


def modules(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package rooted at `package`."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _target(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The module a `from ... import` starts from, relative imports resolved."""
    if not node.level:
        return node.module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def import_graph(package: Path) -> Graph:
    """Each module of the package -> the modules of the package its import statements name."""
    known = modules(package)
    graph: Graph = {}
    for name, path in known.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                edges |= {alias.name for alias in node.names if alias.name in known}
            elif isinstance(node, ast.ImportFrom):
                start = _target(name, path.name == "__init__.py", node)
                for alias in node.names:
                    if f"{start}.{alias.name}" in known:
                        edges.add(f"{start}.{alias.name}")
                    elif start in known:
                        edges.add(start)
        graph[name] = edges
    return graph


def _components(graph: Graph) -> list[list[str]]:
    """Strongly connected components (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _shortest_cycle(graph: Graph, start: str, within: set[str]) -> list[str]:
    """A shortest path start -> ... -> start inside one component (breadth first)."""
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in sorted(graph[node] & within):
            if other == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if other not in previous:
                previous[other] = node
                queue.append(other)
    raise AssertionError(f"{start} is on no cycle")


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle for every group of modules that import each other, e.g. [a, b, a]."""
    return sorted(
        _shortest_cycle(graph, component[0], set(component))
        for component in _components(graph)
        if len(component) > 1 or component[0] in graph[component[0]]
    )


def test_the_package_has_no_import_cycle():
    found = cycles(import_graph(PACKAGE))
    assert not found, "import cycles:\n" + "\n".join(" → ".join(c) for c in found)


def test_the_graph_covers_every_module_and_resolves_from_imports():
    graph = import_graph(PACKAGE)
    assert "analysis.workbook.sheets" in graph and "analysis.report.words" in graph
    assert "analysis.workbook.format" in graph["analysis.workbook.sheets"]  # from pkg import mod
    assert "analysis.model" in graph["analysis.workbook.sheets"]  # from mod import name
    assert "analysis.i18n" in graph["analysis.workbook.problems"]


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "pkg"


def test_cycles_through_function_level_and_relative_imports_are_found(tmp_path):
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "import os\nimport pkg.b\n",
        "pkg/b.py": "from . import c\n\ndef late():\n    from pkg.a import thing\n",
        "pkg/c.py": "from pkg.sub.d import x\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/d.py": "from ..c import y\n",
        "pkg/e.py": "from pkg import a\n",
    })
    graph = import_graph(package)
    assert graph["pkg.b"] == {"pkg.a", "pkg.c"}
    assert graph["pkg.sub.d"] == {"pkg.c"}
    assert graph["pkg.e"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.a"], ["pkg.c", "pkg.sub.d", "pkg.c"]]


def test_a_module_importing_a_name_from_its_own_package_init_is_a_cycle(tmp_path):
    package = _write(tmp_path, {
        "pkg/__init__.py": "from pkg.part import helper\n\nSHARED = 1\n",
        "pkg/part.py": "from pkg import SHARED\n\ndef helper():\n    return SHARED\n",
        "pkg/alone.py": "import pkg.alone\n",
    })
    assert cycles(import_graph(package)) == [
        ["pkg", "pkg.part", "pkg"], ["pkg.alone", "pkg.alone"],
    ]
