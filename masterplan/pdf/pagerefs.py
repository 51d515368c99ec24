"""Adapter to pydyf 0.13 and WeasyPrint 70: a tagged PDF without rebuilding the page list per tag.

WeasyPrint tags the PDF (``pdf_tags=True``, PDF/UA) by writing, for each structure element, the page it
sits on as ``pdf.page_references[page_number]``. pydyf's ``PDF.page_references`` is a property that
builds a new tuple of every page's reference at each access, so tagging costs (structure elements ×
pages): measured on the plan, 33,000 accesses over 197 pages; for a plan three times as long, nine
times as much. Neither library offers an extension point (the ``pydyf.PDF`` is made and tagged inside
``weasyprint.pdf.generate_pdf``). Within :func:`page_references_once`, the property returns the tuple
built at the first access for as long as the PDF's page list keeps its length (pages are only ever
appended): the same values, so the same bytes. CATATAN-TEKNIS.md C52; ``tests/test_pdf_pagerefs.py``
fails when pydyf caches the list itself (then this module can go) or stops keeping pages in ``Kids``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pydyf

_KEPT = "_masterplan_page_references"  # (page count, references) in the PDF object's __dict__


@contextlib.contextmanager
def page_references_once() -> Iterator[None]:
    """Within this block, ``pydyf.PDF.page_references`` is built once per page count of each PDF
    object; pydyf's own property is put back afterwards, also when the block raises."""
    upstream = pydyf.PDF.page_references

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get(_KEPT)
        if kept is None or kept[0] != count:
            kept = (count, upstream.fget(pdf))
            pdf.__dict__[_KEPT] = kept
        return kept[1]

    pydyf.PDF.page_references = property(page_references, doc=upstream.__doc__)
    try:
        yield
    finally:
        pydyf.PDF.page_references = upstream
