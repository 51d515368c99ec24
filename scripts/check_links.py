"""Pemeriksaan tautan luar (CLI, alur kerja mingguan). Membangun situs (tanpa PDF) ke folder sementara,
atau memakai --situs, lalu melaporkan setiap tautan rusak per berkas dan baris; keluar 1 bila ada.

  .venv/bin/python scripts/check_links.py [--situs site] [--ringkasan FILE]
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from masterplan.publish import link_check as links
from masterplan.model.problems import markdown_table, summary_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Memeriksa tautan luar situs rencana induk.")
    parser.add_argument("--situs", type=Path, help="situs yang sudah dibangun (bawaan: bangun dulu)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="folder sumber Markdown")
    parser.add_argument("--ringkasan", type=Path, help="tambahkan tabel Markdown ke berkas ini")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # LinkChecker started as root drops to user "nobody", who must read the site
        site = args.situs
        if site is None:
            site = Path(tmp) / "site"
            env = {k: v for k, v in os.environ.items() if k != "ENABLE_PDF_EXPORT"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                           cwd=ROOT, env=dict(env, NO_MKDOCS_2_WARNING="1"), check=True)
        found = links.problems(links.run_linkchecker(site.resolve()), site.resolve(), args.docs)
    for problem in found:
        print(problem.github() if "GITHUB_ACTIONS" in os.environ else problem.text())
    print(summary_line(found))
    if args.ringkasan:
        with args.ringkasan.open("a", encoding="utf-8") as summary:
            summary.write("## Tautan luar\n\n" + markdown_table(found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
