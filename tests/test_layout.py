"""The package's layout is its pipeline: one folder per stage, each importing only earlier ones."""

from __future__ import annotations

import ast
from pathlib import Path

from sites import ROOT

PACKAGE = ROOT / "cglu_site"
# The stages in the order data flows; a module may import its own stage and earlier ones.
STAGES = ("data", "pages", "outputs", "mkdocs")
SHARED = {"cglu_site.cache"}  # used by several stages, imports no stage
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's modules a module imports, type-only imports included."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {imported for imported in found if imported in modules and imported != name}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_stages_import_only_earlier_stages() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if module in ("cglu_site", "cglu_site.__main__"):
            continue  # the command line calls every stage
        stage = _stage(module)
        for imported in _imports(path):
            target = _stage(imported)
            if module in SHARED and imported not in SHARED:
                wrong.append(f"{module} imports {imported}: a shared module imports no stage")
            elif stage is not None and target is not None and target > stage:
                wrong.append(
                    f"{module} ({STAGES[stage]}) imports {imported} ({STAGES[target]}), a later stage"
                )
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")}
    cycles = []

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycles.append(" -> ".join(trail[trail.index(module) :] + [module]))
            return
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            if imported.startswith(module + "."):
                continue  # a package importing its own modules is no cycle
            visit(imported, [*trail, module])
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        visit(module, [])
    assert not cycles, "\n".join(sorted(set(cycles)))


def test_every_module_is_small_and_every_folder_a_package() -> None:
    long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, f"modules over {MAX_LINES} lines: split them by concern\n" + "\n".join(long)
    for folder in [PACKAGE, *(path.parent for path in PACKAGE.rglob("*.py"))]:
        assert (folder / "__init__.py").exists(), f"{folder.relative_to(ROOT)} has no __init__.py"
