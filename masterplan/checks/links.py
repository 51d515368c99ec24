"""Internal links: the target file exists in docs/, the anchor exists on the target page, links are
relative links to ``.md`` files, and plan pages do not link to website-only pages (the editors' guide,
``problems.EDITORS_GUIDE``: such links vanish from the PDF). MkDocs 1.6 ``validation:`` checks the same at build time;
this check gives editors the same verdict in Bahasa Indonesia, with file and line, from the command."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify

from masterplan.model import site_config
from masterplan.model.documents import Document, strip_numbering
from masterplan.model.stages import DRAFT_VERSION, LATEST_ALIAS
from masterplan.model.problems import EDITORS_GUIDE, Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

RULE = "TAUTAN-RUSAK"

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


def _existing(page_name: str, target: str, anchor: str, docs_dir: Path) -> tuple[str, str] | None:
    """A page named like ``target`` elsewhere in ``docs_dir`` (any case) and the working link to it from
    ``page_name`` (with ``#anchor``), or None."""
    wanted = posixpath.basename(target).casefold()
    found = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.name.casefold() == wanted)
    if not found:
        return None
    return found[0], relative_to(page_name, found[0]) + (f"#{anchor}" if anchor else "")


def missing_page(href: str, page_name: str, target: str, anchor: str, docs_dir: Path) -> str:
    """TAUTAN-RUSAK's message for the link ``href`` of ``page_name`` to the missing page ``target``, with the
    link that would work: to the file of that name elsewhere in docs/ (any case), or else an example
    written from this page's own folder. Also used for MkDocs' own warning (:mod:`.build_log`)."""
    existing = _existing(page_name, target, anchor, docs_dir)
    if existing:
        return message(RULE, "berkas_di_tempat_lain", tautan=href, ada=existing[0], contoh=existing[1])
    return message(RULE, "berkas_tidak_ada", tautan=href, contoh=relative_to(page_name, "bab-1-pendahuluan.md"))


_VERSION_FOLDER = re.compile(rf"^(?:{DRAFT_VERSION}|{LATEST_ALIAS}|tahap-[1-4]|final|v\d[\w.]*)/")


def site_page(path: str, docs_dir: Path) -> str:
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
    if (docs_dir / wanted / "index.md").is_file():
        return f"{wanted}/index.md"
    return f"{wanted}.md"


def absolute(href: str, page_name: str, path: str, fragment: str, docs_dir: Path) -> str:
    """TAUTAN-RUSAK's message for ``href``, written as the absolute site address ``path`` (``/bab-2/``),
    with the relative link from ``page_name`` that works."""
    return message(RULE, "absolut", tautan=href, contoh=relative_to(page_name, site_page(path, docs_dir)) + fragment)


def not_a_file(href: str, target: str) -> str:
    """TAUTAN-RUSAK's message for ``href``, pointing at ``target`` (docs-relative), a site address or
    folder rather than a Markdown file; the example is the file that address is usually built from."""
    return message(RULE, "bukan_berkas", tautan=href, contoh=f"{target.rstrip('/')}.md" if target != "." else "index.md")


def _own_host(netloc: str, context: Context) -> bool:
    """True when ``netloc`` is the host of the site's own ``site_url``."""
    own = urlsplit(site_config.read(context.docs_dir.parent).site_url).netloc
    return bool(own) and netloc.casefold() == own.casefold()


def _problem(page: Page, context: Context, line: int, text: str) -> Problem:
    return context.problem(page, line, 0, RULE, text)


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
            wanted = relative_to(page.name, site_page(path, context.docs_dir))
            yield _problem(page, context, line, message(RULE, "situs_sendiri", tautan=href, contoh=wanted + fragment))
            continue
        if parts.scheme or parts.netloc:
            continue  # external links, and javascript: (reported by the safety check)
        if not path and not anchor:
            yield _problem(page, context, line, message(RULE, "kosong", tautan=href))
            continue
        if path.startswith("/"):
            yield _problem(page, context, line, absolute(href, page.name, path, fragment, context.docs_dir))
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path)) if path \
            else page.name
        if target.startswith(".."):
            up = "" if "/" in page.name else message(RULE, "sudah_di_docs")
            existing = _existing(page.name, target, anchor, context.docs_dir)
            text = (message(RULE, "ke_luar_docs_ada", tautan=href, catatan=up, ada=existing[0], contoh=existing[1])
                    if existing else message(RULE, "ke_luar_docs", tautan=href, catatan=up))
            yield _problem(page, context, line, text)
            continue
        if not target.endswith(".md"):
            exists = (context.docs_dir / target).exists()
            if not exists or (context.docs_dir / target).is_dir():
                yield _problem(page, context, line, not_a_file(href, target))
            continue
        document = context.document(target)
        if document is None:
            yield _problem(page, context, line, missing_page(href, page.name, target, anchor, context.docs_dir))
            continue
        if target.startswith(EDITORS_GUIDE) and not page.name.startswith(EDITORS_GUIDE):
            yield _problem(page, context, line, message(RULE, "ke_panduan", tautan=href))
            continue
        if anchor and anchor not in anchors(document):
            yield _problem(page, context, line, message(RULE, "jangkar", tautan=href, jangkar=anchor, berkas=target))
