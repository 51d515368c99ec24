"""``scripts/codeowners.py`` (``masterplan-codeowners``): write ``.github/CODEOWNERS`` from
:mod:`masterplan.publish.codeowners`, or check that it is current."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from masterplan.model.problems import Problem, summary_line
from masterplan.model.rules import message
from masterplan.model.settings import repo_root
from masterplan.model.sources import read_text
from masterplan.publish.codeowners import TARGET, render


def main(argv: list[str] | None = None) -> int:
    """CLI: write CODEOWNERS, or with ``--check`` report (exit 1) when it is stale or a team is missing."""
    parser = argparse.ArgumentParser(description="Membuat .github/CODEOWNERS dari front matter bab.")
    parser.add_argument("--check", action="store_true", help="hanya periksa, jangan menulis")
    parser.add_argument("--repo", type=Path, help="repositori (bawaan: folder kerja yang memuat mkdocs.yml)")
    args = parser.parse_args(argv)
    args.repo = args.repo or repo_root()
    text, problems = render(args.repo)
    target = args.repo / TARGET
    current = read_text(target, TARGET)
    if args.check and not problems and current != text:
        problems.append(Problem(TARGET, 1, 0, "CODEOWNERS-USANG", message("CODEOWNERS-USANG", "usang")))
    if not args.check and not problems:
        target.write_text(text, encoding="utf-8")
    for problem in sorted(problems):
        # On GitHub Actions the problem also becomes an annotation on the file.
        print(problem.github() if "GITHUB_ACTIONS" in os.environ else problem.text())
    print(summary_line(problems))
    return 1 if problems else 0
