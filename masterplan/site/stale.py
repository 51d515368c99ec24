"""The preview ``mkdocs serve --dirty`` (README) builds again only the pages whose Markdown is newer than
the HTML written for them (MkDocs' ``File.is_modified``). Every page of the plan is also made from files
that are not its Markdown: the data (tables, roadmap, counts), the theme's templates in ``overrides/``,
``mkdocs.yml`` and the glossary (each page's abbreviations). After an edit to one of those, MkDocs would
keep serving the old pages: the edit reloaded the browser but showed nothing. Here the HTML of every page
older than that edit is removed before MkDocs decides, so that it builds those pages again, as a full
build would; an edit to one chapter still rebuilds that chapter alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model.site_config import CONFIG
from masterplan.views.abbreviations import GLOSSARY

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.masterplan")

# Besides each page's Markdown, what every page is made from: folders relative to the repository, and
# files relative to the repository (mkdocs.yml) or to docs/ (the glossary).
SHARED_FOLDERS = ("data", "overrides")


def shared_inputs(root: Path, docs_dir: Path) -> list[Path]:
    """The files and folders under :data:`SHARED_FOLDERS` of the repository at ``root`` (the folders
    themselves too: a file removed or renamed changes its folder's time, not any file's), its
    ``mkdocs.yml`` and the glossary in ``docs_dir``; missing ones are left out."""
    found = [path for folder in SHARED_FOLDERS if (root / folder).is_dir()
             for path in (root / folder, *(root / folder).rglob("*"))]
    return found + [path for path in (root / CONFIG, docs_dir / GLOSSARY) if path.is_file()]


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def forget_stale_pages(pages: Iterable[Path], inputs: Iterable[Path]) -> int:
    """Remove each written page in ``pages`` (paths of HTML files in the site folder) that is older than
    the newest of ``inputs``; returns how many were removed. A page not written yet, or one that cannot
    be removed, is left to MkDocs."""
    newest = max((time for time in map(_mtime, inputs) if time is not None), default=None)
    if newest is None:
        return 0
    removed = 0
    for page in pages:
        written = _mtime(page)
        if written is not None and written < newest:
            try:
                page.unlink()
            except OSError:
                continue
            removed += 1
    return removed


def rebuild_stale(files: Files, root: Path, docs_dir: Path) -> None:
    """For a dirty build: :func:`forget_stale_pages` of the documentation pages in ``files`` against
    :func:`shared_inputs`, logged (INFO) when any page is built again for it."""
    removed = forget_stale_pages((Path(file.abs_dest_path) for file in files.documentation_pages()),
                                 shared_inputs(root, docs_dir))
    if removed:
        log.info("Pratinjau --dirty: %d halaman dibangun ulang karena data, templat, mkdocs.yml atau daftar istilah "
                 "berubah.", removed)
