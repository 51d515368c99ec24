"""Helpers for the tests of the editors' checks: write pages into a temporary docs/ and run the checks."""

from __future__ import annotations

from pathlib import Path

from masterplan import checks
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
