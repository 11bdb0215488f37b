"""The house rules, checked on the source: small modules, imports that only run
downward through the pipeline's layers, no cycles, no environment written, no
bantin module imported inside a function except the writers' lazy loads."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "bantin"

# Lowest first. A module may import from its own layer and the layers below it.
LAYERS = (
    ("bantin._version", "bantin.errors", "bantin.plugins", "bantin.nearest"),
    ("bantin.model",),
    ("bantin.typography",),
    ("bantin.style",),
    ("bantin.source",),
    ("bantin.digest",),
    ("bantin.exporters",),
    ("bantin.prepare",),
    ("bantin.run",),
    ("bantin.api",),
    ("bantin.commands", "bantin.cli"),
    ("bantin.__main__", "bantin"),
)
MAX_LINES = 400
# In-function imports of bantin modules that are the point: each writer package
# loads its implementation (and reportlab, python-docx or ebooklib with it) when
# the first document is written; the entry point installs its signal handlers
# before it imports the command line; the command line loads what a command does
# (and the pipeline with it) when one runs.
LAZY = {
    "bantin.exporters.pdf": {"bantin.exporters.pdf.render"},
    "bantin.exporters.epub": {"bantin.exporters.epub.render"},
    "bantin.exporters.docx": {"bantin.exporters.docx.render"},
    "bantin.__main__": {"bantin.run.interrupt", "bantin.cli"},
    "bantin.cli": {"bantin.commands"},  # the pipeline, loaded when a command runs: --help stays fast
}


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = modules()


def layer(name: str) -> int:
    best = (-1, -1)
    for i, names in enumerate(LAYERS):
        for prefix in names:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[1]:
                best = (i, len(prefix))
    assert best[0] >= 0, f"{name} is in no layer: add it to LAYERS"
    return best[0]


def _target(node: ast.ImportFrom | ast.Import, here: str, alias: ast.alias) -> str | None:
    if isinstance(node, ast.Import):
        name = alias.name
    else:
        base = node.module or ""
        if node.level:
            pkg = here if MODULES[here].name == "__init__.py" else here.rpartition(".")[0]
            for _ in range(node.level - 1):
                pkg = pkg.rpartition(".")[0]
            base = f"{pkg}.{base}" if base else pkg
        name = f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
    return name if name == "bantin" or name.startswith("bantin.") else None


def imports(name: str) -> tuple[set[str], set[str]]:
    """(imported at module level, imported inside a function) bantin modules."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    top: set[str] = set()
    inner: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            fn = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for alias in child.names:
                    target = _target(child, name, alias)
                    if target is not None:
                        (inner if in_function else top).add(target)
            visit(child, fn)

    visit(tree, False)
    return top, inner


def test_every_module_is_at_most_400_lines() -> None:
    long = {n: len(p.read_text(encoding="utf-8").splitlines()) for n, p in MODULES.items()}
    assert {n: c for n, c in long.items() if c > MAX_LINES} == {}


def test_imports_run_downward() -> None:
    upward = []
    for name in MODULES:
        top, inner = imports(name)
        for target in top | inner:
            if layer(target) > layer(name):
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    graph = {name: {t for t in imports(name)[0] if t in MODULES and t != name} for name in MODULES}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def dfs(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                dfs(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            dfs(name, [name])
    assert cycles == []


def test_no_bantin_module_is_imported_inside_a_function() -> None:
    found = {name: sorted(imports(name)[1] - LAZY.get(name, set())) for name in MODULES}
    assert {n: t for n, t in found.items() if t} == {}


def _writes_environment(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for t in targets:
            if isinstance(t, ast.Subscript) and ast.unparse(t.value) == "os.environ":
                lines.append(node.lineno)
        if isinstance(node, ast.Call):
            fn = ast.unparse(node.func)
            if fn in ("os.putenv", "os.unsetenv") or fn.startswith("os.environ.") and fn.rsplit(".", 1)[1] in (
                    "update", "pop", "popitem", "setdefault", "clear", "__setitem__", "__delitem__"):
                lines.append(node.lineno)
    return lines


def test_no_module_writes_the_environment() -> None:
    found = {n: _writes_environment(ast.parse(p.read_text(encoding="utf-8"))) for n, p in MODULES.items()}
    assert {n: lines for n, lines in found.items() if lines} == {}


@pytest.mark.parametrize("source", [
    "import os\nos.environ['X'] = '1'\n",
    "import os\nos.environ.update(X='1')\n",
    "import os\nos.environ.pop('X', None)\n",
    "import os\ndel os.environ['X']\n",
])
def test_the_environment_check_can_fail(source: str) -> None:
    assert _writes_environment(ast.parse(source)) != []


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    # The model is the lowest layer but one: an import of the writers from it is upward.
    assert layer("bantin.exporters.pdf.render") > layer("bantin.model.blocks")
    assert layer("bantin.run.batch") > layer("bantin.prepare") > layer("bantin.exporters.walk")
