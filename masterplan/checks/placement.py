"""Where a page lives: a file name the build can publish, and a place in the navigation.

- NAMA-BERKAS: spaces or an upper-case extension (``Bab 10.MD``): MkDocs does not read ``.MD`` as a page
  and a space ends up as ``%20`` in every address. Also checked for every other file in docs/ (images).
- HALAMAN-NAVIGASI: a page that is not in ``nav:`` of mkdocs.yml is built but unreachable and missing from
  the PDF (MkDocs' English "exist in the docs directory, but are not included in the nav"); a ``nav:``
  entry whose file does not exist (a renamed or deleted chapter) stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model import site_config
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

NAV = "HALAMAN-NAVIGASI"
FILE_NAME = "NAMA-BERKAS"


def suggested_name(name: str) -> str:
    """``name`` as the project writes file names: lower case, hyphens for spaces and underscores."""
    stem, dot, extension = name.rpartition(".")
    stem = stem if dot else extension
    stem = re.sub(r"[\s_]+", "-", stem.strip()).lower()
    stem = re.sub(r"[^a-z0-9.-]", "", stem).strip("-") or "berkas"
    return f"{stem}.{extension.lower()}" if dot else stem


# Files the GitHub web editor opens as text, so its pencil icon can rename them.
_TEXT_EXTENSIONS = {"md", "yml", "yaml", "txt", "csv", "json"}


def name_problem(name: str) -> str | None:
    """Why the file name ``name`` (no folder) cannot stay, in Bahasa Indonesia, or None when it can."""
    _, dot, extension = name.rpartition(".")
    spaces = any(c.isspace() for c in name)
    capitals = bool(dot) and extension != extension.lower()
    if not (spaces or capitals):
        return None
    if spaces:
        reason = (message(FILE_NAME, "alasan_spasi_dan_ekstensi", ekstensi=extension) if capitals
                  else message(FILE_NAME, "alasan_spasi"))
    else:
        reason = message(FILE_NAME, "alasan_ekstensi", ekstensi=extension)
    new = suggested_name(name)
    how = (message(FILE_NAME, "cara_ubah") if extension.lower() in _TEXT_EXTENSIONS
           else message(FILE_NAME, "cara_unggah", baru=new))
    return message(FILE_NAME, "nama_salah", berkas=name, alasan=reason, baru=new, cara=how)


def check(page: Page, context: Context) -> Iterator[Problem]:
    """NAMA-BERKAS and HALAMAN-NAVIGASI for one page."""
    problem = name_problem(page.source.name)
    if problem:
        yield context.problem(page, 1, 0, FILE_NAME, problem)
        return  # the navigation can only name the page once it has a usable name
    config = site_config.read(context.docs_dir.parent)
    if not config.in_nav(page.name):
        yield context.problem(page, 1, 0, NAV, not_in_nav(page.name))


def not_in_nav(name: str) -> str:
    """HALAMAN-NAVIGASI's message for the page ``name`` (docs-relative) missing from ``nav:``, with where
    its line goes; also used for MkDocs' own warning (:mod:`.build_log`)."""
    folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
    where = message(NAV, "letak_folder", folder=folder) if folder else message(NAV, "letak_bab")
    return message(NAV, "tidak_di_nav", halaman=name, letak=where)


def file_name_problem(shown: str, rules) -> Problem | None:
    """NAMA-BERKAS for a file that is not a page (an image, a PDF) shown as ``shown``, or None."""
    message = name_problem(shown.rsplit("/", 1)[-1])
    return Problem(shown, 1, 0, FILE_NAME, f"{message} {help_reference(FILE_NAME)}",
                   rules.severity(FILE_NAME)) if message else None


def folder_problems(docs_dir: Path, context: Context) -> list[Problem]:
    """NAMA-BERKAS for every non-Markdown file under ``docs_dir`` and HALAMAN-NAVIGASI for every nav entry
    whose page does not exist (reported at its line in mkdocs.yml)."""
    problems = [problem for path in sorted(docs_dir.rglob("*")) if path.is_file() and path.suffix.lower() != ".md"
                if (problem := file_name_problem(context.shown(path), context.rules))]
    config_file = docs_dir.parent / site_config.CONFIG
    for name, line in site_config.read(docs_dir.parent).nav.items():
        if not (docs_dir / name).is_file():
            problems.append(_problem(context.shown(config_file), line, NAV,
                                     message(NAV, "nav_tanpa_berkas", berkas=name), context))
    return problems


def _problem(path: str, line: int, rule: str, message: str, context: Context) -> Problem:
    return Problem(path, line, 0, rule, f"{message} {help_reference(rule)}", context.rules.severity(rule))
