"""``scripts/release.py`` (``masterplan-release``, called by ``scripts/release.sh``): the draft or a stage
release of :mod:`masterplan.publish.release` on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from masterplan.model import stages
from masterplan.publish.release import BRANCH, REMOTE, ReleaseError, publish_draft, release_stage


def main(argv: list[str] | None = None) -> int:
    """CLI: ``release.py draf [--push]`` or ``release.py TAG [--push] [--keluaran dist]``; exit 1 with a
    message in Bahasa Indonesia when the release cannot go ahead."""
    parser = argparse.ArgumentParser(description="Menerbitkan draf (dari main) atau rilis satu tahap ke gh-pages.")
    parser.add_argument("versi", help=f"'{stages.DRAFT_VERSION}' atau tag rilis: {stages.TAG_RULE}")
    parser.add_argument("--push", action="store_true", help=f"kirim cabang {BRANCH} ke {REMOTE} (hanya di CI)")
    parser.add_argument("--keluaran", type=Path, default=Path("dist"),
                        help="folder untuk PDF, zip situs dan catatan rilis (bawaan: dist)")
    parser.add_argument("--tanpa-pdf", action="store_true",
                        help="tanpa PDF, untuk gladi cepat di komputer sendiri; rilis tahap yang dikirim "
                             "(--push) selalu memuat PDF")
    args = parser.parse_args(argv)
    repo = Path.cwd()
    try:
        if args.versi == stages.DRAFT_VERSION:
            publish_draft(repo, push=args.push, pdf=not args.tanpa_pdf)
            print(f"Draf diterbitkan ke cabang {BRANCH}" + (" dan dikirim." if args.push else " (lokal)."))
        else:
            for path in release_stage(repo, args.versi, args.keluaran.resolve(), push=args.push,
                                      pdf=not args.tanpa_pdf):
                print(path)
    except ReleaseError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 1
    return 0
