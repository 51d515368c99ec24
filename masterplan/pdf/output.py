"""What the PDF needs beyond the plugin's defaults: metadata, PDF variant (tagged PDF/UA or PDF/A),
and page labels that match the printed page numbers.

mkdocs-with-pdf calls WeasyPrint's ``write_pdf()`` without options (CATATAN-TEKNIS.md C15); the MkDocs hook
sets :data:`CONTEXT` and runs the plugin inside :func:`writing_options`, which adds ours to that call.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass

import pydyf
from weasyprint.document import Document

# Supported by WeasyPrint 70; "pdf/ua-1" is tagged and accessible, the PDF/A ones are for archiving.
VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-2a", "pdf/a-3a", "pdf/a-2u", "pdf/a-3u", "pdf/a-2b", "pdf/a-3b")
BODY_ANCHOR = "awal-isi"  # id of the first chapter heading: page labels restart at 1 there


@dataclass
class Context:
    """Values for the current build, set by the MkDocs hook in ``on_config``.

    ``created`` is an ISO date (``2026-11-30``) taken from the last commit so that the same commit gives
    the same PDF; ``variant`` is one of :data:`VARIANTS`.
    """

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: str = ""
    variant: str = "pdf/ua-1"


CONTEXT = Context()


def _page_labels(document: Document, pdf: pydyf.PDF) -> None:
    """Finisher: PDF page labels "Sampul", i, ii, … for the front matter and 1, 2, … from BAB I,
    matching the numbers printed in the footer (so a viewer's "go to page 5" lands on printed page 5)."""
    body_start = next((index for index, page in enumerate(document.pages)
                       if BODY_ANCHOR in page.anchors), None)
    numbers = pydyf.Array([0, pydyf.Dictionary({"P": pydyf.String("Sampul")})])
    if len(document.pages) > 1:
        numbers.extend([1, pydyf.Dictionary({"S": "/r", "St": 1})])
    if body_start:
        numbers.extend([body_start, pydyf.Dictionary({"S": "/D", "St": 1})])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": numbers})


@contextlib.contextmanager
def writing_options():
    """Within this block, every ``Document.write_pdf`` call gets our variant, tags and page labels.

    Raises ``ValueError`` for a variant WeasyPrint does not know, before anything is written.
    """
    if CONTEXT.variant not in VARIANTS:
        raise ValueError(CONTEXT.variant)
    original = Document.write_pdf

    @functools.wraps(original)
    def write_pdf(self, target=None, zoom=1, finisher=None, **options):
        options.setdefault("pdf_variant", CONTEXT.variant)
        options.setdefault("pdf_tags", True)
        options.setdefault("pdf_identifier", True)  # derived from the content: stable across builds
        return original(self, target, zoom, finisher=finisher or _page_labels, **options)

    Document.write_pdf = write_pdf
    try:
        yield
    finally:
        Document.write_pdf = original
