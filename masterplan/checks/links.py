"""Internal links: the target file exists in docs/, the anchor exists on the target page, links are
relative links to ``.md`` files, and plan pages do not link to website-only pages (the editors' guide,
``problems.EDITORS_GUIDE``: such links vanish from the PDF). MkDocs 1.6 ``validation:`` checks the same at build time;
this check gives editors the same verdict in Bahasa Indonesia, with file and line, from the command."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

from masterplan.model import site_config
from masterplan.model.documents import Document, strip_numbering
from masterplan.model.stages import DRAFT_VERSION, LATEST_ALIAS
from masterplan.model.problems import EDITORS_GUIDE, Problem

if TYPE_CHECKING:
    from . import Context, Page

_EXPLICIT_ID = re.compile(r"""\{[^{}]*#([\w-]+)[^{}]*\}|\bid=["']([^"']+)["']""")
_MARKUP = re.compile(r"[*_`]|\s*\{[^{}]*\}\s*$")


def anchors(document: Document) -> set[str]:
    """The ids of a page's headings as Python-Markdown's ``toc`` makes them (with and without a
    hand-typed number, ``_1`` suffixes for repeats), plus every id written explicitly."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    tokens = document.content_tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = _MARKUP.sub("", tokens[index + 1].content)
            for slug in {slugify(text, "-"), slugify(strip_numbering(text), "-")}:
                found.add(slug if slug not in counts else f"{slug}_{counts[slug]}")
                counts[slug] = counts.get(slug, 0) + 1
    found.update(a or b for a, b in _EXPLICIT_ID.findall(document.text))
    return found


def relative_to(page_name: str, target: str) -> str:
    """The link from the page ``page_name`` to ``target`` (both relative to docs/, posix)."""
    return posixpath.relpath(target, posixpath.dirname(page_name) or ".")


def _existing(page_name: str, target: str, anchor: str, context: Context) -> str | None:
    """The working link to a page named like ``target`` elsewhere in docs/ (any case), or None."""
    wanted = posixpath.basename(target).casefold()
    found = sorted(p.relative_to(context.docs_dir).as_posix() for p in context.docs_dir.rglob("*.md")
                   if p.name.casefold() == wanted)
    if not found:
        return None
    fragment = f"#{anchor}" if anchor else ""
    return (f"Berkas dengan nama itu ada di docs/{found[0]}; dari berkas ini tulis "
            f"[teks tautan]({relative_to(page_name, found[0])}{fragment}).")


def _missing_page_hint(page_name: str, target: str, anchor: str, context: Context) -> str:
    """Why a link to the missing page ``target`` fails, with the link that would work: to the file of
    that name elsewhere in docs/ (any case), or else an example written from this page's own folder."""
    hint = _existing(page_name, target, anchor, context)
    if hint:
        return f"menuju ke berkas yang tidak ada. {hint}"
    example = relative_to(page_name, "bab-1-pendahuluan.md")
    return ("menuju ke berkas yang tidak ada di folder docs/. Periksa nama berkas (huruf besar dan kecil "
            "dibedakan) dan foldernya: alamat ditulis dari folder berkas ini"
            + (", ../ untuk naik satu folder" if "/" in page_name else "")
            + f"; mis. BAB I ditautkan dari berkas ini sebagai [Pendahuluan]({example}).")


_VERSION_FOLDER = re.compile(rf"^(?:{DRAFT_VERSION}|{LATEST_ALIAS}|tahap-[1-4]|final|v\d[\w.]*)/")


def site_page(path: str, context: Context) -> str:
    """The docs-relative Markdown file published at the site address ``path`` (``/bab-2/`` ->
    ``bab-2.md``, or ``bab-2/index.md`` when that file exists; a leading version folder such as
    ``draf/`` is dropped)."""
    wanted = posixpath.normpath(path.lstrip("/")) if path.strip("/") else "index.md"
    wanted = _VERSION_FOLDER.sub("", wanted + "/").rstrip("/") or "index.md"
    if wanted.endswith((".html", ".htm")):
        wanted = wanted.rsplit(".", 1)[0]
    if wanted.endswith("/index"):
        wanted = wanted[:-len("/index")]
    if wanted == "." or wanted.endswith(".md") or wanted == "index":
        return "index.md" if wanted in (".", "index") else wanted
    if (context.docs_dir / wanted / "index.md").is_file():
        return f"{wanted}/index.md"
    return f"{wanted}.md"


def _own_host(netloc: str, context: Context) -> bool:
    """True when ``netloc`` is the host of the site's own ``site_url``."""
    own = urlsplit(site_config.read(context.docs_dir.parent).site_url).netloc
    return bool(own) and netloc.casefold() == own.casefold()


def _problem(page: Page, context: Context, line: int, href: str, why: str) -> Problem:
    return context.problem(page, line, 0, "TAUTAN-RUSAK", f'Tautan "{href}" {why}')


def check(page: Page, context: Context) -> Iterator[Problem]:
    """TAUTAN-RUSAK for every Markdown link of the page that does not leave the site."""
    for token, line in page.document.inline_tokens():
        if token.type != "link_open":
            continue
        href = str(token.attrGet("href") or "")
        parts = urlsplit(href)
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        fragment = f"#{anchor}" if anchor else ""
        if parts.netloc and _own_host(parts.netloc, context):
            wanted = relative_to(page.name, site_page(path, context))
            yield _problem(page, context, line, href,
                           "menuju situs rencana induk ini sendiri dengan alamat lengkap; di PDF dan di versi "
                           "tahap lain tautan itu salah arah. Tulis alamat relatif dari berkas ini ke berkas "
                           f".md, mis. [teks tautan]({wanted}{fragment}).")
            continue
        if parts.scheme or parts.netloc:
            continue  # external links, and javascript: (reported by the safety check)
        if not path and not anchor:
            yield _problem(page, context, line, href, "tidak menuju ke mana pun. Isi alamatnya di antara "
                                                      "kurung: [teks](berkas.md).")
            continue
        if path.startswith("/"):
            wanted = relative_to(page.name, site_page(path, context))
            yield _problem(page, context, line, href,
                           "ditulis sebagai alamat absolut. Tulis alamat relatif dari berkas ini ke berkas .md, "
                           f"mis. [teks tautan]({wanted}{fragment}).")
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path)) if path \
            else page.name
        if target.startswith(".."):
            up = "" if "/" in page.name else " (berkas ini sudah berada langsung di folder docs/, jadi tanpa ../)"
            hint = _existing(page.name, target, anchor, context)
            yield _problem(page, context, line, href, f"menuju ke luar folder docs/{up}. "
                           + (hint or "Tautkan halaman dokumen ini saja."))
            continue
        if not target.endswith(".md"):
            exists = (context.docs_dir / target).exists()
            if not exists or (context.docs_dir / target).is_dir():
                guess = f"{target.rstrip('/')}.md" if target != "." else "index.md"
                yield _problem(page, context, line, href,
                               "tidak menuju ke berkas yang ada. Tautkan berkas Markdown-nya (mis. "
                               f'"{guess}"), bukan alamat halaman situs; periksa juga ejaan nama berkas.')
            continue
        document = context.document(target)
        if document is None:
            yield _problem(page, context, line, href, _missing_page_hint(page.name, target, anchor, context))
            continue
        if target.startswith(EDITORS_GUIDE) and not page.name.startswith(EDITORS_GUIDE):
            yield _problem(page, context, line, href,
                           "menuju halaman panduan yang hanya ada di situs, tidak di PDF. Hapus tautan ini "
                           "dari halaman rencana induk.")
            continue
        if anchor and anchor not in anchors(document):
            yield _problem(page, context, line, href,
                           f'menuju bagian "#{anchor}" yang tidak ada di {target}. Salin alamat bagian dari '
                           "ikon tautan di samping judulnya di situs, atau beri judul itu id tetap: "
                           f"## Judul {{ #{anchor} }}.")
