"""The layout rules of CONTRIBUTING.md that a reader cannot see at a glance: the GraphQL types of
one area never import another area's types modules (they name them lazily and build them through
the registry in backend/core/types.py), so no import circle runs through a types module. An
area's types are a `types.py` module or a `types/` package of one module per entity."""

from __future__ import annotations

import ast
import subprocess
import sys
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


def _types_paths() -> list[Path]:
    return sorted([*BACKEND.glob("*/types.py"), *BACKEND.glob("*/types/*.py")])


def _types_modules() -> list[str]:
    return [_module_name(p) for p in _types_paths()]


def _area(module: str) -> str:
    return module.split(".")[1]


def _is_types_module(module: str) -> bool:
    """`backend.<area>.types` or one of its modules `backend.<area>.types.<entity>`."""
    parts = module.split(".")
    return len(parts) in {3, 4} and parts[0] == "backend" and parts[2] == "types"


def test_no_import_circle_runs_through_a_types_module() -> None:
    graph = _import_graph()
    circles = [name for name in _types_modules() if name in _reachable(graph, name)]

    assert circles == []


def test_a_types_module_imports_no_other_areas_types_but_the_leaf_attachment_type() -> None:
    graph = _import_graph()
    crossing = {
        name: sorted(m for m in graph[name] if _is_types_module(m) and _area(m) != _area(name))
        for name in _types_modules()
    }
    allowed = {"backend.core.types", "backend.attachments.types"}

    assert {name: [m for m in ms if m not in allowed] for name, ms in crossing.items()} == {
        name: [] for name in crossing
    }


def test_types_modules_import_at_the_top_only() -> None:
    local_imports = []
    for path in _types_paths():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                local_imports += [
                    f"{path.relative_to(BACKEND)}:{node.lineno}"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]

    assert local_imports == []


def test_building_the_schema_imports_every_types_module() -> None:
    """Each node type registers itself for its table when its module is imported."""
    script = "import sys, backend.core.schema; print(*sorted(sys.modules), sep='\\n')"
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BACKEND.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    assert [name for name in _types_modules() if name not in loaded] == []
