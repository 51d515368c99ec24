"""Memeriksa naskah rencana induk (berkas Markdown di docs/) dan melaporkan setiap masalah sekaligus.

Pemakaian:
    python scripts/validate.py [PATH ...] [--format text|github] [--summary FILE]

PATH      berkas atau folder yang diperiksa, masing-masing menurut jenisnya: halaman .md (juga .MD) di
          docs/ dengan penanda tampilannya ([[tabel-program]] dan sejenisnya); data program di data/
          (program.yml, opd.yml, dimensi.yml, tahapan.yml) sebagai data; berkas lain di docs/ (gambar) menurut namanya;
          data logika rencana (isu.yml, misi.yml, indikator.yml, swot.yml, horizon.yml: aturan LOGIKA-...);
          mkdocs.yml atau tanpa PATH: seluruh folder docs/, navigasi, data program dan semua penanda,
          logika rencana, tahapan Bimtek (data/tahapan.yml), pengaturan rencana (mkdocs.yml, extra.rencana)
          dan pengaturan yang ditolak MkDocs sendiri (PENGATURAN-MKDOCS).
          Hasil untuk satu berkas sama dengan hasil pemeriksaan lengkap untuk berkas itu.
--format  text (bawaan): baris "berkas:baris:kolom: [KODE-ATURAN] pesan" lalu satu baris ringkasan.
          github: baris yang sama, ditambah anotasi GitHub Actions (::error / ::warning) untuk 10 galat
          dan 10 peringatan pertama (batas GitHub) dan satu pemberitahuan bila ada lebih banyak, serta
          tabel Markdown semua masalah (dipotong di bawah batas 1 MiB GitHub, dengan catatan) ke berkas
          --summary atau ke $GITHUB_STEP_SUMMARY bila disetel.
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

from masterplan.checks import by_kind
from masterplan.cli import github_report
from masterplan.model.problems import ERROR, help_url, summary_line
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
    if by_kind.is_full_run(args.paths, root):
        problems = by_kind.full_check(root)
    else:
        problems = by_kind.check_paths(args.paths, docs_folder(args.paths[0], root), root)
    for problem in problems:  # every problem in the log, also when GitHub shows only ten annotations
        print(problem.text())
    if args.format == "github":
        for command in github_report.annotations(problems):
            print(command)
        summary = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(github_report.summary(problems, help_url()))
    print(summary_line(problems))
    return 1 if any(p.severity == ERROR for p in problems) else 0
