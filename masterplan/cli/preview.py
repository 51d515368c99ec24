"""``scripts/preview.py prepare ...`` and ``scripts/preview.py publish ...``: the two steps of the
pull-request preview (:mod:`masterplan.publish.preview`, :mod:`masterplan.publish.preview_publish`)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from masterplan.model import settings
from masterplan.publish.preview import prepare
from masterplan.publish.preview_publish import commit_and_push, prune, publish, read_manifest, upsert_comment


def main(argv: list[str] | None = None) -> int:
    """``prepare`` or ``publish`` (see the module docstring); exit status 0 on success."""
    parser = argparse.ArgumentParser(description="Pratinjau pull request (situs dan halaman PDF).")
    steps = parser.add_subparsers(dest="step", required=True)
    prep = steps.add_parser("prepare")
    prep.add_argument("--site", type=Path, required=True)
    prep.add_argument("--pdf", type=Path, help="bawaan: PDF satu-satunya di SITE/pdf/")
    prep.add_argument("--out", type=Path, required=True)
    pub = steps.add_parser("publish")
    pub.add_argument("--artifact", type=Path, required=True)
    pub.add_argument("--gh-pages", type=Path)
    args = parser.parse_args(argv)
    env = os.environ
    if args.step == "prepare":
        number = int(env["PR_NUMBER"])
        pdf = args.pdf or next(iter(sorted((args.site / "pdf").glob("*.pdf"))), args.site / "pdf" / "tidak-ada.pdf")
        manifest = prepare(Path.cwd(), args.site, pdf, env["PR_BASE_SHA"], number, env["PR_HEAD_SHA"], args.out)
        text = (args.out / "ringkasan.md").read_text(encoding="utf-8")
        if env.get("GITHUB_STEP_SUMMARY"):
            with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(text)
        print(f"Pratinjau: {len(manifest['chapters'])} halaman berubah.")
        return 0
    repository, sha = env["GITHUB_REPOSITORY"], env["RUN_HEAD_SHA"]
    try:
        number = read_manifest(args.artifact, sha)["pull_request"]
        body = publish(args.artifact, args.gh_pages, repository, sha, settings.load(Path.cwd()).site_url,
                       env["RUN_URL"])
        if args.gh_pages is not None:
            prune(args.gh_pages, repository)
            commit_and_push(args.gh_pages, f"Pratinjau pull request #{number}")
        upsert_comment(repository, number, body)
    except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
        detail = error.stderr if isinstance(error, subprocess.CalledProcessError) else error
        print(f"Pratinjau tidak diterbitkan: {detail}", file=sys.stderr)
        return 1
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
