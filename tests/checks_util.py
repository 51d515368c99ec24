"""Helpers for the tests of the editors' checks: write pages into a temporary docs/ and run the checks."""

from __future__ import annotations

import shutil
from pathlib import Path

from masterplan import checks
from masterplan.model import rules as rules_module
from masterplan.model.rule_texts import RULES_FILE
from masterplan.model.problems import Problem

FRONT = "---\ntitle: Penutup\nbab: 9\nopd: bappeda\nstatus: draf\ntahap: 2\n---\n\n"
BODY = ("# Penutup\n\nPembuka bab.\n\n## Kesimpulan\n\nTeks kesimpulan.\n\n## Kaidah Pelaksanaan\n\n"
        "Teks kaidah.\n\n## Rekomendasi\n\nTeks rekomendasi.\n")
CHAPTER = FRONT + BODY  # a valid docs/bab-9-penutup.md


def run(tmp_path: Path, text: str | bytes, name: str = "bab-9-penutup.md",
        files: dict[str, str | bytes] | None = None, spell: bool = False) -> list[Problem]:
    """Write ``text`` as docs/``name`` (plus ``files``) under ``tmp_path`` and check that page only."""
    docs = tmp_path / "docs"
    for rel, content in {name: text, **(files or {})}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return checks.run([docs / name], docs, tmp_path, spell=spell)


def rules(problems: list[Problem]) -> set[str]:
    return {p.rule for p in problems}


def rules_read_from(root: Path, monkeypatch) -> Path:
    """Copy rules.yml into ``root``'s ``masterplan/model/`` and make every ``rules.load()`` read that copy,
    so that the data files and the word list it names (relative to :attr:`Rules.root`) are ``root``'s:
    a test changing data/opd.yml or kata-proyek.txt under ``root`` reaches the rules as an editor's edit
    does. Callers never pass rules.load() a file: its default, the one rules.yml, is what is replaced (as
    the ``opening`` fixture of tests/test_caption_words.py does), and the copy is read by the real load.
    Returns the copy."""
    copy = root / "masterplan" / "model" / RULES_FILE.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(RULES_FILE, copy)
    real = rules_module.load
    monkeypatch.setattr(rules_module, "load", lambda path=copy: real(path))
    return copy


def copy_project(source: Path, target: Path, names: list[str]) -> Path:
    """Copy the files and folders ``names`` of the repository at ``source`` into ``target``; returns it."""
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
    return target
