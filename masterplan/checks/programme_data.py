"""The programme data and the programme views placed in chapters, checked together (``validate.py``
without paths runs this after the chapter checks)."""

from __future__ import annotations

from pathlib import Path

from masterplan.model.problems import Problem
from masterplan.model.programmes import load_catalogue
from masterplan.views import directives


def check_programmes(root: Path) -> list[Problem]:
    """Every problem in the programme data and in the programme views placed in chapters.

    Reads ``data/program.yml`` (with ``data/program.schema.json``, ``data/opd.yml``, ``data/dimensi.yml``
    and the plan period in ``mkdocs.yml``) and every ``docs/**/*.md`` for view directives such as
    ``[[tabel-program dimensi=smart-governance]]``. Returns an empty list when all is well.
    """
    catalogue, problems = load_catalogue(root)
    if catalogue is None:
        return problems
    return directives.check_docs(root / "docs", catalogue, root)
