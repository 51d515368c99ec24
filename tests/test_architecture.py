"""The package's layers as ``masterplan/__init__.py`` states them: no import cycle between modules (a lazy
import inside a function counts, only ``if TYPE_CHECKING:`` blocks do not), and no layer imports a layer
below it in the list model, views, checks, pdf, publish, site, cli, devtools."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "masterplan"
LAYERS = ("model", "views", "checks", "pdf", "publish", "site", "cli", "devtools")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports at run time (absolute or relative, at any depth)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            test = node.test
            if getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING":
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.update(alias.name for alias in node.names)

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)

    Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    return {module for module in found if module in modules and module != name}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: _imports(path, name, set(paths)) for name, path in paths.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_graph_sees_plain_relative_and_lazy_imports():
    graph = _graph()
    assert "masterplan.model.programmes" in graph["masterplan.views.programme_tables"]
    assert "masterplan.checks.images" in graph["masterplan.checks.printing"]  # from .images import ...
    assert "masterplan.site.build" in graph["masterplan.site.plugin"]


def test_no_import_cycle():
    try:
        tuple(graphlib.TopologicalSorter(_graph()).static_order())
    except graphlib.CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_no_layer_imports_a_layer_below_it():
    upward = [f"{module} -> {imported}" for module, imports in _graph().items() for imported in imports
              if _layer(module) and _layer(imported)
              and LAYERS.index(_layer(imported)) > LAYERS.index(_layer(module))]
    assert upward == []


def test_our_plugin_runs_last_like_the_hooks_it_replaced():
    """Events of equal priority run in the order of ``plugins:`` (hooks after every plugin): ``masterplan``
    must follow search and the PDF plugin (and mike, which `mike deploy` puts first), or page numbers and PDF
    lines come out in another order."""
    config = yaml.load((PACKAGE.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(plugin)) if isinstance(plugin, dict) else plugin for plugin in config["plugins"]]
    assert names[-1] == "masterplan" and {"search", "masterplan-pdf"} <= set(names[:-1])


# A module past this many lines has become two things; split it along the layers before it grows further.
MAX_LINES = 300
OVER_THE_LIMIT: dict[str, str] = {}


def test_no_module_exceeds_the_line_limit():
    long = {path.relative_to(PACKAGE).as_posix(): lines for path in PACKAGE.rglob("*.py")
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert {name: lines for name, lines in long.items() if name not in OVER_THE_LIMIT} == {}
