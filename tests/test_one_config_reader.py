"""``mkdocs.yml`` has one reader of ours, :mod:`masterplan.model.site_config`: five readers whose copies had
drifted (two YAML loaders, one without MkDocs' tags; a help address cached for a whole ``mkdocs serve``)
became one. Outside it no module spells the file's name (paths to it are built from ``site_config.CONFIG``)
and no call reads or parses a path built from that name. MkDocs reads the file for itself, as does
:mod:`masterplan.devtools.rendered_markdown` through MkDocs' ``load_config``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from masterplan.model import problems, settings, site_config

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
READER = Path("masterplan/model/site_config.py")
MKDOCS_OWN = {Path("masterplan/devtools/rendered_markdown.py")}  # MkDocs' load_config reads it
# What opens or parses a file: pathlib, open(), PyYAML, and our tolerant reader.
READS = {"read_text", "read_bytes", "open", "safe_load", "load", "full_load", "compose", "read_yaml",
         "parse_yaml"}


def _names_the_file(node: ast.AST) -> bool:
    """True when ``node`` holds the file name: the constant, or ``CONFIG`` (ours, or another module's alias)."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str) and inner.value.endswith("mkdocs.yml"):
            return True
        if isinstance(inner, ast.Name) and inner.id.lstrip("_") == "CONFIG" or \
                isinstance(inner, ast.Attribute) and inner.attr == "CONFIG":
            return True
    return False


def readers_of_the_config(root: Path) -> list[str]:
    """``path:line`` of every place under ``root`` (the package and ``scripts/``) outside the one reader that
    spells "mkdocs.yml" in code or reads/parses a path built from it."""
    found = []
    for path in sorted([*(root / "masterplan").rglob("*.py"), *(root / "scripts").glob("*.py")]):
        relative = path.relative_to(root)
        if relative == READER or relative in MKDOCS_OWN:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and (body := node.body) and isinstance(body[0], ast.Expr)}
        lines = []
        for node in ast.walk(tree):
            spelled = (isinstance(node, ast.Constant) and node.value == "mkdocs.yml" and id(node) not in docstrings
                       and relative.parts[0] == "masterplan")
            call = isinstance(node, ast.Call) and (getattr(node.func, "attr", None) or getattr(node.func, "id", None))
            if spelled or call in READS and _names_the_file(node):
                lines.append(node.lineno)
        found += [f"{relative}:{line}" for line in sorted(lines)]
    return found


def test_only_site_config_reads_mkdocs_yml():
    assert readers_of_the_config(ROOT) == []


def test_the_scan_sees_the_ways_a_module_used_to_read_it(tmp_path):
    package = tmp_path / "masterplan" / "model"
    package.mkdir(parents=True)
    (tmp_path / "scripts").mkdir()
    (package / "old.py").write_text(
        '_CONFIG = Path(__file__).parents[2] / "mkdocs.yml"\n'
        "config = yaml.safe_load(_CONFIG.read_text())\n"
        "source = read_yaml(root / CONFIG, CONFIG)\n"
        "data = yaml.safe_load((repo / site_config.CONFIG).read_text())\n", encoding="utf-8")
    assert readers_of_the_config(tmp_path) == [f"masterplan/model/old.py:{line}" for line in (1, 2, 2, 3, 4, 4)]


def test_an_edit_of_mkdocs_yml_is_seen_by_the_next_question(tmp_path, monkeypatch):
    """The reader keeps one parse per content: a changed file (``mkdocs serve``) is read again, also for the
    help address every message ends with, which used to keep the first address for the whole process."""
    monkeypatch.setattr(site_config, "PACKAGE_ROOT", tmp_path)
    config = tmp_path / site_config.CONFIG
    config.write_text("site_url: https://satu.go.id/\n", encoding="utf-8")
    assert problems.help_url().startswith("https://satu.go.id/")
    config.write_text("site_url: https://dua.go.id/\n", encoding="utf-8")
    assert problems.help_url().startswith("https://dua.go.id/")
    assert settings.load(tmp_path).site_url == "https://dua.go.id/"


def test_mkdocs_tags_read_as_null_and_each_caller_gets_its_own_data(tmp_path):
    (tmp_path / site_config.CONFIG).write_text(
        "site_url: !ENV [SITUS, 'https://contoh.go.id/']\nrepo_url: https://github.com/o/r\n"
        "extra:\n  pemeriksa: !!python/name:builtins.print\n", encoding="utf-8")
    first = site_config.source(tmp_path)
    assert first.problems == [] and first.data["site_url"] is None and first.data["extra"]["pemeriksa"] is None
    assert site_config.read(tmp_path).repo_url == "https://github.com/o/r"
    first.data["extra"]["diubah"] = True  # offline.offline_zip changes what it was given
    assert "diubah" not in site_config.source(tmp_path).data["extra"]
    assert first.line_of("extra", "pemeriksa") == 4
