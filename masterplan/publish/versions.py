"""Which published version a build is (``tahap-2``, the draft, or none), and what follows from it:
the PDF's file name, the version's own name for readers, and the stable ``pdf/`` address.

mike builds each version with ``MIKE_DOCS_VERSION`` set (:func:`stages.building`) and, because
``canonical_version`` is not set in ``mkdocs.yml``, with ``site_url`` ending in that version's folder:
canonical URLs, ``og:url``, the sitemap and the 404 page's asset paths all point at the version's own
address, and the draft never points at a folder that does not exist yet.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from masterplan.model import stages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

KEY = "versi"  # config.extra[KEY]: what the templates (overrides/main.html) need
DEFAULT_PDF = f"pdf/{stages.PDF_STEM}.pdf"  # with-pdf's output_path when mkdocs.yml sets none
# extra.<READY_PDF>: a finished PDF that a build without the PDF puts in its site instead of making it
# again (set by masterplan/publish/offline.py for the offline copy; read by masterplan/site/build.py).
READY_PDF = "pdf_jadi"
OFFLINE_PLUGINS = ("offline", "material/offline")  # the offline copy of a release (offline.offline_zip)


def pdf_path(output_path: str, version: str | None) -> str:
    """Where the PDF of ``version`` goes in the site: the folder of ``output_path`` (``mkdocs.yml``),
    the file name of :func:`stages.pdf_file`. The one place that names the PDF file."""
    return str(PurePosixPath(output_path).with_name(stages.pdf_file(version)))


def stable_pdf(pdf: str) -> str:
    """Where, from the site root of all versions, the newest stage's PDF is kept under one name that
    never changes, for a version whose own PDF is at ``pdf`` (path in the version's site):
    ``terbaru/pdf/Masterplan-Smart-City-Bangli.pdf``."""
    return f"{stages.LATEST_ALIAS}/{pdf_path(pdf, None)}"


def configure(config: MkDocsConfig, pdf_plugin) -> None:
    """Name the PDF after the version being built and put ``{"nama", "judul", "draf", "pdf"}`` in
    ``config.extra["versi"]``: mike's version name, its title for readers (``Tahap 2``; ``None`` when
    unversioned), whether it is the draft, and the PDF's path in the site."""
    version = stages.building()
    output = pdf_path(pdf_plugin.config["output_path"] if pdf_plugin is not None else DEFAULT_PDF, version)
    if pdf_plugin is not None:
        pdf_plugin.config["output_path"] = output
    draft = version == stages.DRAFT_VERSION
    config.extra[KEY] = {"nama": version, "judul": stages.title(version), "draf": draft, "pdf": output,
                         "resmi": _newest_label(Path(config.config_file_path).parent) if draft else None,
                         "luring": any(name in config.plugins for name in OFFLINE_PLUGINS)}
    config.edit_uri = source_uri(config.edit_uri, version)


def _newest_label(repo: Path) -> str | None:
    """The newest released stage's name (``Tahap 1``) from the release tags of ``repo``, or ``None``
    without any (or without git history)."""
    try:
        released = stages.released(repo)
    except (OSError, subprocess.CalledProcessError):
        return None
    return released[-1].label if released else None


def source_uri(edit_uri: str | None, version: str | None) -> str | None:
    """``edit_uri`` of ``mkdocs.yml`` (``edit/main/docs/``: GitHub's editor on main) for the build of
    ``version``: a released stage shows each page's text as it was at the stage's tag
    (``blob/tahap-1/docs/``; a released stage is never edited, overrides/partials/actions.html then
    offers no edit button); the draft and unversioned builds keep main. Other forms stay as they are."""
    stage = stages.parse(version or "")
    parts = (edit_uri or "").strip("/").split("/", 2)
    if stage is None or len(parts) < 3 or parts[0] not in ("edit", "blob"):
        return edit_uri
    return f"blob/{stage.tag}/{parts[2]}/"


def page_count(pdf: Path) -> int | None:
    """Pages of the finished PDF ``pdf`` that a release copies into its offline site, or None when it
    cannot be read (the home page then says no PDF was made)."""
    from pypdf import PdfReader  # only the release's offline copy reads a PDF back
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(pdf).pages)
    except (OSError, PdfReadError):
        return None


def end_site_url_with_slash(config: MkDocsConfig) -> None:
    """mike's plugin sets ``site_url`` to ``https://…/tahap-1`` (no final slash). Pages do not mind,
    but the 404 page takes ``/tahap-1`` as its base, so Material looks for its search index at
    ``/search/…`` outside the version. Run after every ``on_config`` (MkDocs ``on_pre_build``)."""
    if config.site_url and not config.site_url.endswith("/"):
        config.site_url += "/"


def latest_url(site_url: str | None, version: str | None) -> str | None:
    """The address of the newest released stage (``https://…/terbaru/``) for a build of ``version``
    whose ``site_url`` (str, after mike's plugin) ends in that version's folder: the link that stays right
    after later stages are released, unlike ``site_url`` itself. ``None`` without a ``site_url``."""
    if not site_url:
        return None
    base = site_url.rstrip("/")
    if version and base.endswith(f"/{version}"):
        base = base.removesuffix(f"/{version}")
    return f"{base}/{stages.LATEST_ALIAS}/"


def link_latest(config: MkDocsConfig) -> None:
    """Put :func:`latest_url` in ``config.extra["versi"]["terbaru"]`` (read by the offline copy's notice,
    overrides/partials/pemberitahuan-versi.html). Run after mike's ``on_config`` (MkDocs ``on_pre_build``)."""
    if KEY in config.extra:
        config.extra[KEY]["terbaru"] = latest_url(config.site_url, config.extra[KEY]["nama"])


REDIRECT = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{href}">
</head>
<body>
<p>Mengunduh <a href="{href}">{name}</a> …</p>
</body>
</html>
"""


def write_pdf_address(site: Path, pdf: str, site_name: str) -> Path:
    """Write ``pdf/index.html`` next to the PDF at ``pdf`` (path in the site): it forwards to the
    stage-named file, so ``…/terbaru/pdf/`` is one address that always gives the newest stage's PDF.
    Returns the page written."""
    target = site / PurePosixPath(pdf).parent / "index.html"
    name = PurePosixPath(pdf).name
    target.write_text(REDIRECT.format(title=html.escape(f"PDF {site_name}"), href=html.escape(name), name=html.escape(name)),
                      encoding="utf-8")
    return target
