"""The layout rules of CONTRIBUTING.md that a reader cannot see at a glance: the GraphQL types of
one area never import another area's types module (they name them lazily and build them through
the registry in backend/core/types.py), so no import circle runs through a `types.py`."""

from __future__ import annotations

import ast
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2] / "backend"


def _module_name(path: Path) -> str:
    parts = path.relative_to(BACKEND.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def _imported(statements: list[ast.stmt]) -> set[str]:
    """Backend modules imported when these module-level statements run."""
    found: set[str] = set()
    for node in statements:
        if _is_type_checking(node):
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("backend"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("backend"))
        elif isinstance(node, ast.If | ast.Try):
            found |= _imported([*node.body, *node.orelse])
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in BACKEND.rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {m for m in _imported(tree.body) if m in modules}
    return graph


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = list(graph[start])
    while stack:
        module = stack.pop()
        if module not in seen:
            seen.add(module)
            stack.extend(graph.get(module, ()))
    return seen


def _types_modules() -> list[str]:
    return sorted(_module_name(p) for p in BACKEND.glob("*/types.py"))


def test_no_import_circle_runs_through_a_types_module() -> None:
    graph = _import_graph()
    circles = [name for name in _types_modules() if name in _reachable(graph, name)]

    assert circles == []


def test_a_types_module_imports_no_other_areas_types_but_the_leaf_attachment_type() -> None:
    graph = _import_graph()
    crossing = {
        name: sorted(m for m in graph[name] if m.endswith(".types") and m != name)
        for name in _types_modules()
    }
    allowed = {"backend.core.types", "backend.attachments.types"}

    assert {name: [m for m in ms if m not in allowed] for name, ms in crossing.items()} == {
        name: [] for name in crossing
    }


def test_types_modules_import_at_the_top_only() -> None:
    local_imports = []
    for path in BACKEND.glob("*/types.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                local_imports += [
                    f"{path.parent.name}/types.py:{node.lineno}"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]

    assert local_imports == []
