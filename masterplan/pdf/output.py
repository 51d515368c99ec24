"""The last step of the PDF, done by us rather than by mkdocs-with-pdf: WeasyPrint renders the combined
HTML; page count and bookmark titles are read from the rendered document (no second reading of the
file); the file is written tagged (PDF/UA) or as PDF/A, with page labels matching the printed numbers.

mkdocs-with-pdf ends its generator with ``HTML(string=…).render().write_pdf(path)`` without options
(CATATAN-TEKNIS.md C15) and keeps WeasyPrint's messages to a count (C11); :mod:`masterplan.pdf.writer`
calls this module instead. Importing it imports WeasyPrint (about half a second): only when the PDF is on.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pydyf
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher

from masterplan.pdf.arrange import BODY_ANCHOR, COLOPHON
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
        found: list[str] = []

        def walk(tree) -> None:
            for label, _target, children, _state in tree:
                found.append(label)
                walk(children)

        walk(self.document.make_bookmark_tree())
        return found


def render(html: str) -> Rendered:
    """Lay out ``html`` (a complete document whose resources are absolute ``file:`` URLs) for print."""
    fetcher = LocalFetcher()
    return Rendered(HTML(string=html, url_fetcher=fetcher).render(), fetcher.files)


def _page_labels(document: Document, pdf: pydyf.PDF) -> None:
    """Finisher: PDF page labels "Sampul", i, ii, … for the front matter and 1, 2, … from BAB I,
    matching the numbers printed in the footer (so a viewer's "go to page 5" lands on printed page 5)."""
    body_start = next((index for index, page in enumerate(document.pages)
                       if BODY_ANCHOR in page.anchors), None)
    # The cover's back (colophon) is part of the cover: the front matter's numbers start after it.
    front_start = next((index + 1 for index, page in enumerate(document.pages) if COLOPHON in page.anchors), 1)
    numbers = pydyf.Array([0, pydyf.Dictionary({"P": pydyf.String("Sampul")})])
    if len(document.pages) > front_start:
        numbers.extend([front_start, pydyf.Dictionary({"S": "/r", "St": 1})])
    if body_start:
        numbers.extend([body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": numbers})


def write(rendered: Rendered, path: Path, variant: str) -> None:
    """Write ``rendered`` to ``path`` as ``variant`` (one of ``metadata.VARIANTS``), tagged, with page
    labels; the identifier is derived from the content, so the same input gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with page_references_once():  # tagging otherwise rebuilds the page list per element (C52)
        rendered.document.write_pdf(path, pdf_variant=variant, pdf_tags=True, pdf_identifier=True,
                                    finisher=_page_labels)
