"""The last step of the PDF, done by us rather than by mkdocs-with-pdf: WeasyPrint lays out the plan in
parts (:mod:`masterplan.pdf.groups`), each written tagged (PDF/UA) or as PDF/A and released before the
next, then merged (:mod:`masterplan.pdf.merge`) with page labels matching the printed numbers; page count
and bookmark titles are read from the laid-out documents (no second reading of the file).

mkdocs-with-pdf ends its generator with ``HTML(string=…).render().write_pdf(path)`` without options
(CATATAN-TEKNIS.md C15) and keeps WeasyPrint's messages to a count (C11); :mod:`masterplan.pdf.writer`
calls this module instead. Importing it imports WeasyPrint (about half a second): only when the PDF is on.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from masterplan.pdf import groups, merge
from masterplan.pdf.arrange import COLOPHON
from masterplan.pdf.groups import Split
from masterplan.pdf.pagerefs import page_references_once


class LocalFetcher(URLFetcher):
    """WeasyPrint's URL fetcher (its documented extension point) limited to local files and ``data:``
    URLs, because nothing built may fetch from the network; it remembers every file it read, so that
    the cache (:mod:`masterplan.pdf.cache`) knows which files went into the PDF."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.files: set[Path] = set()

    def fetch(self, url, headers=None):
        response = super().fetch(url, headers)
        if response.path:
            self.files.add(Path(response.path))
        return response


class Messages(logging.Handler):
    """WeasyPrint's distinct messages while it works: ``errors`` (an unreadable image or stylesheet)
    and ``warnings`` (CSS it does not support, a font it cannot load, a character no font covers)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = self.errors if record.levelno >= logging.ERROR else self.warnings
        message = record.getMessage()
        if message not in found:
            found.append(message)


@contextlib.contextmanager
def listening():
    """Within this block, WeasyPrint's warnings and errors are collected in the :class:`Messages` yielded."""
    messages = Messages()
    logger = logging.getLogger("weasyprint")
    level = logger.level  # mkdocs-with-pdf's generator lowers it to ERROR, which hides the empty-box warning
    logger.setLevel(logging.WARNING)
    logger.addHandler(messages)
    try:
        yield messages
    finally:
        logger.removeHandler(messages)
        logger.setLevel(level)


@dataclass
class Rendered:
    """A laid-out document, and the local files WeasyPrint read to lay it out."""

    document: Document
    files: set[Path] = field(default_factory=set)

    @property
    def pages(self) -> int:
        return len(self.document.pages)

    def titles(self) -> list[str]:
        """Every bookmark title, depth-first in document order (what the PDF's outline will hold)."""
        return _titles(self.document)


@dataclass(frozen=True)
class Printed:
    """The plan's PDF as written by :func:`write_parts`: its page count, its bookmark titles (depth-first
    in document order) and the local files WeasyPrint read to lay it out."""

    pages: int
    titles: list[str]
    files: set[Path]


def _titles(document: Document) -> list[str]:
    """Every bookmark title of ``document``, depth-first in document order."""
    found: list[str] = []

    def walk(tree) -> None:
        for label, _target, children, _state in tree:
            found.append(label)
            walk(children)

    walk(document.make_bookmark_tree())
    return found


def render(html: str) -> Rendered:
    """Lay out ``html`` (a complete document whose resources are absolute ``file:`` URLs) for print."""
    fetcher = LocalFetcher()
    return Rendered(HTML(string=html, url_fetcher=fetcher).render(), fetcher.files)


def _page_labels(front: Document, body: bool) -> list[tuple[int, dict]]:
    """PDF page labels "Sampul", i, ii, … for the front matter and, when the plan has a ``body``, 1, 2, …
    from BAB I (the page after the ``front`` document's last), matching the numbers printed in the footer
    (so a viewer's "go to page 5" lands on printed page 5): (0-based page index, label) pairs."""
    # The cover's back (colophon) is part of the cover: the front matter's numbers start after it.
    front_start = next((index + 1 for index, page in enumerate(front.pages) if COLOPHON in page.anchors), 1)
    labels = [(0, {"P": "Sampul"})]
    if len(front.pages) > front_start:
        labels.append((front_start, {"S": "/r", "St": 1}))
    if body:
        labels.append((len(front.pages), {"S": "/D", "St": 1}))
    return labels


def _tagged_pdf(document: Document, variant: str) -> bytes:
    """``document`` as a tagged PDF of ``variant``; the identifier is derived from the content."""
    with page_references_once():  # tagging otherwise rebuilds the page list per element (C52)
        return document.write_pdf(pdf_variant=variant, pdf_tags=True, pdf_identifier=True)


def write_parts(split: Split, target: Path, variant: str) -> Printed:
    """Lay out and write the plan cut into documents (:mod:`masterplan.pdf.groups`) one at a time, and
    merge them into the PDF at ``target``, tagged as ``variant`` (one of ``metadata.VARIANTS``), with page
    labels. The body documents come first, each numbering its pages on from the one before; the cover
    and front matter last, with the body's page numbers. The head's stylesheets are parsed once and the
    fonts loaded once for all documents. The same input gives the same bytes."""
    fetcher = LocalFetcher()
    fonts = FontConfiguration()
    shared = [CSS(**{kind: value}, url_fetcher=fetcher, font_config=fonts) for kind, value in split.stylesheets]
    body_pdfs, body_titles, numbers = [], [], {}
    pages = 0
    for html in split.body:
        # The body's page numbers go on from the previous document's (styles.scss resets them to 0).
        numbering = CSS(string=f"@page isi:nth(1 of isi) {{ counter-reset: page {pages} }}")
        document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[*shared, numbering],
                                                                 font_config=fonts)
        for index, page in enumerate(document.pages):
            for anchor in page.anchors:
                numbers.setdefault(anchor, pages + index + 1)
        body_titles += _titles(document)
        pages += len(document.pages)
        body_pdfs.append(_tagged_pdf(document, variant))
        del document
        gc.collect()  # the pages of one document at a time: the point of laying out in parts
    front_html = groups.numbered_front(split.front, numbers)
    front = HTML(string=front_html, url_fetcher=fetcher).render(stylesheets=shared, font_config=fonts)
    labels = _page_labels(front, bool(split.body))
    printed = Printed(pages + len(front.pages), _titles(front) + body_titles, fetcher.files)
    front_pdf = _tagged_pdf(front, variant)
    del front
    gc.collect()
    merge.merge([front_pdf, *body_pdfs], target, page_labels=labels, variant=variant)
    return printed
