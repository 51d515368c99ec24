"""The data the build reads besides the chapters, checked as the build will read it: the programme data
with the views placed in chapters, and the workshop stages (``validate.py`` without paths runs
:func:`check_data` after the chapter checks)."""

from __future__ import annotations

from pathlib import Path

from masterplan.model.problems import Problem
from masterplan.model.programmes import Catalogue, load_catalogue
from masterplan.model.stage_dates import load_stages
from masterplan.views import directives

from . import printing


def check_programmes(root: Path, loaded: tuple[Catalogue | None, list[Problem]] | None = None) -> list[Problem]:
    """Every problem in the programme data and in the programme views placed in chapters.

    Reads ``data/program.yml`` (with ``data/program.schema.json``, ``data/opd.yml``, ``data/dimensi.yml``
    and the plan period in ``mkdocs.yml``), unless ``loaded`` is what :func:`load_catalogue` already
    returned for ``root``, and every ``docs/**/*.md`` for view directives such as
    ``[[tabel-program dimensi=smart-governance]]``. Returns an empty list when all is well.
    """
    catalogue, problems = loaded or load_catalogue(root)
    if catalogue is None:
        return problems
    return directives.check_docs(root / "docs", catalogue, root)


def check_data(root: Path, loaded: tuple[Catalogue | None, list[Problem]] | None = None) -> list[Problem]:
    """Every problem in the data files of the repository at ``root``: :func:`check_programmes` (with
    ``extra.rencana`` of ``mkdocs.yml``; ``loaded`` as there), the workshop stages (``data/tahapan.yml``)
    and the PDF plugin's settings (:func:`masterplan.checks.printing.check_config`)."""
    return check_programmes(root, loaded) + load_stages(root)[1] + printing.check_config(root)
