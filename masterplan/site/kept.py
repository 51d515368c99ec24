"""What a build of the plan keeps in ``.cache/`` (beside ``mkdocs.yml``) for the next one: the answers of
its own work (:class:`masterplan.model.result_cache.ResultCache`) and the theme's compiled templates.
``mkdocs serve`` builds everything again after each edit (CATATAN-TEKNIS.md C54), so what did not change
is taken from here; ``scripts/benchmark.py`` also measures the build without it.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache

from masterplan.model import documents, rules
from masterplan.model.result_cache import ResultCache
from masterplan.model.word_cache import FOLDER

TEMPLATES = "jinja"  # in .cache/: the theme's compiled templates


def results(root: Path) -> ResultCache:
    """The kept answers of the project at ``root``, under the fingerprint of its inputs (our code,
    rules.yml and the data files it reads, mkdocs.yml, the word list and dictionary of ``rules.yml``'s
    ``ejaan``; the rest of data/ keys only the answers that read it); the headings and word counts of
    pages are kept there too from now on (:func:`documents.remember_in`)."""
    memo = ResultCache.for_rules(root, rules.load())
    documents.remember_in(memo)
    return memo


def cache_templates(env: Environment, root: Path) -> Environment:
    """``env`` (the theme's Jinja environment) keeping its compiled templates in ``root/.cache/jinja``,
    which Jinja keys by each template's source: compiling Material's and our templates again was a tenth
    of a rebuild. Unchanged when the folder cannot be made."""
    folder = root / FOLDER / TEMPLATES
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
