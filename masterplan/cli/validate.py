"""Memeriksa naskah rencana induk (berkas Markdown di docs/) dan melaporkan setiap masalah sekaligus.

Pemakaian:
    python scripts/validate.py [PATH ...] [--format text|github] [--summary FILE]

PATH      berkas .md atau folder (dicari ke dalam); tanpa PATH: seluruh folder docs/, ditambah data
          program (data/program.yml) dan penanda tampilannya ([[tabel-program]] dan sejenisnya),
          tahapan Bimtek (data/tahapan.yml) dan pengaturan rencana (mkdocs.yml, extra.rencana).
--format  text (bawaan): baris "berkas:baris:kolom: [KODE-ATURAN] pesan" lalu satu baris ringkasan.
          github: anotasi GitHub Actions (::error / ::warning) untuk pull request, dan tabel Markdown
          semua masalah ke berkas --summary atau ke $GITHUB_STEP_SUMMARY bila disetel.
--summary FILE  tempat menulis tabel Markdown (ditambahkan di akhir berkas).

Status keluar: 1 bila ada galat, 0 bila tidak ada (peringatan, mis. ejaan, tidak menggagalkan).
Aturan ada di masterplan/model/rules.yml; penjelasan setiap kode aturan bagi penyunting ada di
halaman situs panduan/aturan-pemeriksaan.

Checks the plan's Markdown sources with the same code as the MkDocs build (masterplan/checks).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from masterplan import checks
from masterplan.checks.programme_data import check_data
from masterplan.model.problems import ERROR, help_url, markdown_table, summary_line
from masterplan.model.settings import repo_root


def docs_folder(path: Path, root: Path) -> Path:
    """The docs folder a checked path belongs to (page names, links and images are resolved in it): the
    nearest folder named ``docs`` around ``path``, else the repository's ``docs/``."""
    resolved = path.resolve()
    return next((p for p in (resolved, *resolved.parents) if p.name == "docs"), root / "docs")


def main(argv: list[str] | None = None) -> int:
    """Run the checks; print the report; return the exit status (1 when any problem is an error)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], usage=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    parser.add_argument("--summary", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    root = repo_root()
    paths = args.paths or [root / "docs"]
    problems = checks.run(paths, docs_folder(paths[0], root), root)
    if not args.paths:
        problems = sorted(problems + check_data(root))
    if args.format == "github":
        for problem in problems:
            print(problem.github())
        summary = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(markdown_table(problems, help_url()))
    else:
        for problem in problems:
            print(problem.text())
    print(summary_line(problems))
    return 1 if any(p.severity == ERROR for p in problems) else 0
