"""Internal links: the target file exists in docs/, the anchor exists on the target page, links are
relative links to ``.md`` files, and plan pages do not link to website-only pages (``hanya_situs`` in
rules.yml: such links vanish from the PDF). MkDocs 1.6 ``validation:`` checks the same at build time;
this check gives editors the same verdict in Bahasa Indonesia, with file and line, from the command."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

from masterplan.model.documents import Document, strip_numbering
from masterplan.model.problems import Problem

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


def _problem(page: Page, context: Context, line: int, href: str, why: str) -> Problem:
    return context.problem(page, line, 0, "TAUTAN-RUSAK", f'Tautan "{href}" {why}')


def check(page: Page, context: Context) -> Iterator[Problem]:
    """TAUTAN-RUSAK for every Markdown link of the page that does not leave the site."""
    site_only = tuple(context.rules.raw["hanya_situs"])
    for token, line in page.document.inline_tokens():
        if token.type != "link_open":
            continue
        href = str(token.attrGet("href") or "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # external links, and javascript: (reported by the safety check)
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        if not path and not anchor:
            yield _problem(page, context, line, href, "tidak menuju ke mana pun. Isi alamatnya di antara "
                                                      "kurung: [teks](berkas.md).")
            continue
        if path.startswith("/"):
            yield _problem(page, context, line, href,
                           "ditulis sebagai alamat absolut. Tulis alamat relatif ke berkas .md, mis. "
                           "[Pendahuluan](../bab-1-pendahuluan.md) dari folder bab-5.")
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path)) if path \
            else page.name
        if target.startswith(".."):
            yield _problem(page, context, line, href, "menuju ke luar folder docs/. Tautkan halaman "
                                                      "dokumen ini saja.")
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
            yield _problem(page, context, line, href,
                           "menuju ke berkas yang tidak ada di folder docs/. Periksa nama berkas (huruf "
                           "besar dan kecil dibedakan) dan foldernya (../ untuk naik satu folder).")
            continue
        if target.startswith(site_only) and not page.name.startswith(site_only):
            yield _problem(page, context, line, href,
                           "menuju halaman panduan yang hanya ada di situs, tidak di PDF. Hapus tautan ini "
                           "dari halaman rencana induk.")
            continue
        if anchor and anchor not in anchors(document):
            yield _problem(page, context, line, href,
                           f'menuju bagian "#{anchor}" yang tidak ada di {target}. Salin alamat bagian dari '
                           "ikon tautan di samping judulnya di situs, atau beri judul itu id tetap: "
                           f"## Judul {{ #{anchor} }}.")
