"""``scripts/change_report.py`` (``masterplan-change-report``): the stage change report of
:mod:`masterplan.publish.change_report` on the command line."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from masterplan.publish.change_report import compare, read_version, report, website_only
from masterplan.publish.release_notes import release_notes


def main(argv: list[str] | None = None) -> int:
    """CLI: ``change_report.py --dari REF [--ke REF] [--keluaran FILE]``; ``--catatan-rilis TAG`` writes the
    release notes of a stage instead. Exit 1 with a message in Bahasa Indonesia for an unknown ref."""
    parser = argparse.ArgumentParser(description="Laporan perubahan antartahap per bab (Bahasa Indonesia).")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repositori git (bawaan: folder ini)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dari", help="ref git versi lama, mis. tahap-1")
    group.add_argument("--catatan-rilis", metavar="TAG", help="catatan rilis untuk tag tahap ini")
    parser.add_argument("--ke", help="ref git versi baru (bawaan: isi folder docs/ saat ini)")
    parser.add_argument("--keluaran", type=Path, help="tulis ke berkas ini (bawaan: layar)")
    args = parser.parse_args(argv)
    excluded = website_only(args.repo)
    try:
        if args.catatan_rilis:
            text = release_notes(args.repo, args.catatan_rilis, excluded)
        else:
            changes = compare(read_version(args.repo, args.dari, excluded),
                              read_version(args.repo, args.ke, excluded))
            text = report(changes, args.dari, args.ke or "draf saat ini")
    except subprocess.CalledProcessError as error:
        print(f"GAGAL: ref git tidak dikenal atau bukan repositori git ({error.stderr.decode().strip()}). "
              "Periksa nama tag, mis. `git tag --list`.", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 1
    if args.keluaran:
        args.keluaran.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
