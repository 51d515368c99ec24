"""Images: stored in the repository (not hot-linked, not a GitHub upload), present, described by alt
text, and under the size limit of rules.yml (``gambar``). Markdown images and raw ``<img>`` both count; a path
written from the wrong folder (raw HTML resolves against the page address) names the path that works."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from masterplan.model import site_config
from masterplan.model.problems import Problem
from masterplan.model.rules import message
from .safety import html_fragments, tags

if TYPE_CHECKING:
    from . import Context, Page

_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_GITHUB_UPLOADS = ("github.com/user-attachments/", "githubusercontent.com")


def images(page: Page) -> Iterator[tuple[str, str, int, bool]]:
    """Every image of the page as ``(src, alt, line, html)``: Markdown ``![alt](src)`` (``html`` False)
    and HTML ``<img>`` (``html`` True)."""
    for token, line in page.document.inline_tokens():
        if token.type == "image":
            yield str(token.attrGet("src") or ""), token.content, line, False
    for fragment, line in html_fragments(page):
        for tag, attributes in tags(fragment):
            if tag == "img":
                yield attributes.get("src", ""), attributes.get("alt", ""), line, True


def _url_folder(page: Page, context: Context) -> str:
    """The docs-relative folder that a browser resolves raw HTML paths against: MkDocs rewrites the paths
    of Markdown images but not those in HTML, and publishes ``bab-1.md`` as ``bab-1/index.html``."""
    folder = posixpath.dirname(page.name)
    stem = posixpath.basename(page.name)[:-3]
    if stem != "index" and site_config.read(context.docs_dir.parent).directory_urls:
        folder = posixpath.join(folder, stem)
    return folder


def _elsewhere(src: str, context: Context) -> str | None:
    """The docs-relative path of the one image file named like ``src`` somewhere in docs/, or None."""
    name = posixpath.basename(unquote(urlsplit(src).path))
    found = sorted(p.relative_to(context.docs_dir).as_posix() for p in context.docs_dir.rglob(name)
                   if p.is_file()) if name and "*" not in name and "[" not in name else []
    return found[0] if len(found) == 1 else None


def _upload_path(page_name: str) -> str:
    """The path from the page ``page_name`` (docs-relative) to an image uploaded to docs/assets/images/."""
    return "../" * page_name.count("/") + "assets/images/nama-berkas.png"


def missing_image(src: str, page_name: str) -> str:
    """GAMBAR-HILANG's message for the image path ``src`` of the page ``page_name`` (docs-relative), with
    the path an uploaded image would have from that page; also used for MkDocs' own warning
    (:mod:`.build_log`)."""
    return message("GAMBAR-HILANG", "tidak_ada", gambar=src, contoh=_upload_path(page_name))


def _local_file(src: str, folder: str, context: Context) -> Path | None:
    """The file an image path points to inside docs/ when resolved from the docs-relative ``folder``, or
    None if it points outside docs/."""
    path = unquote(urlsplit(src).path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    target = posixpath.normpath(joined)
    return None if target.startswith("..") else context.docs_dir / target


def local_file(src: str, html: bool, page: Page, context: Context) -> Path | None:
    """The file inside docs/ that the image path ``src`` of ``page`` loads on the site (Markdown paths from
    the page's own folder, raw HTML paths from the page's address), or None if it points outside docs/."""
    return _local_file(src, _url_folder(page, context) if html else posixpath.dirname(page.name), context)


def _path_hint(src: str, found: str, html: bool, page: Page, context: Context) -> str:
    """GAMBAR-JALUR's message: the path that works from this page, for Markdown and for HTML."""
    markdown = posixpath.relpath(found, posixpath.dirname(page.name) or ".")
    from_url = posixpath.relpath(found, _url_folder(page, context) or ".")
    if html:
        return message("GAMBAR-JALUR", "html", gambar=src, contoh=markdown, dari_alamat=from_url)
    return message("GAMBAR-JALUR", "markdown", gambar=src, folder=posixpath.dirname(page.name) or "docs", ada=found,
                   contoh=markdown)


def check(page: Page, context: Context) -> Iterator[Problem]:
    """GAMBAR-LUAR, GAMBAR-HILANG, GAMBAR-JALUR, GAMBAR-ALT and GAMBAR-BESAR."""
    spec = context.rules.raw["gambar"]
    limit_kb = int(spec["ukuran_maks_kb"])
    generic = {word.casefold() for word in spec["alt_tidak_bermakna"]}
    for src, alt, line, html in images(page):
        name = posixpath.basename(urlsplit(src).path)
        if not alt.strip() or alt.strip().casefold() in generic or alt.strip() == name:
            yield context.problem(page, line, 0, "GAMBAR-ALT", message("GAMBAR-ALT", "tanpa_alt", gambar=name or src))
        if _SCHEME.match(src) or not src:
            upload = any(host in src for host in _GITHUB_UPLOADS)
            yield context.problem(page, line, 0, "GAMBAR-LUAR", message(
                "GAMBAR-LUAR", "unggahan_github" if upload else "situs_lain", gambar=src,
                contoh=_upload_path(page.name)))
            continue
        target = local_file(src, html, page, context)
        if target is None or not target.is_file():
            elsewhere = _elsewhere(src, context)
            if elsewhere:
                yield context.problem(page, line, 0, "GAMBAR-JALUR", _path_hint(src, elsewhere, html, page, context))
                continue
            yield context.problem(page, line, 0, "GAMBAR-HILANG", missing_image(src, page.name))
            continue
        size_kb = target.stat().st_size // 1024
        if size_kb > limit_kb:
            size, limit = (f"{n:,}".replace(",", ".") for n in (size_kb, limit_kb))
            yield context.problem(page, line, 0, "GAMBAR-BESAR",
                                  message("GAMBAR-BESAR", "terlalu_besar", gambar=src, ukuran=size, batas=limit))
