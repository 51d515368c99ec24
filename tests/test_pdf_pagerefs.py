"""The page-reference adapter (masterplan/pdf/pagerefs.py, CATATAN-TEKNIS.md C52): same values, built
once per page count, and the upstream behaviour it works around still there."""

from __future__ import annotations

import inspect

import pydyf
import pytest
from weasyprint import HTML
from weasyprint.pdf import tags

from masterplan.pdf.pagerefs import page_references_once


def _pdf_with_pages(count: int) -> pydyf.PDF:
    pdf = pydyf.PDF()
    for _ in range(count):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    return pdf


def test_upstream_still_rebuilds_the_page_list_at_every_access():
    # When this fails, pydyf keeps the list itself: masterplan/pdf/pagerefs.py and C52 can go.
    pdf = _pdf_with_pages(3)
    assert pdf.page_references == pdf.page_references
    assert pdf.page_references is not pdf.page_references
    assert pdf.pages["Kids"][::3] == [page.number for page in pdf.objects[3:]]


def test_weasyprint_tags_each_element_with_the_page_reference():
    # The access the adapter makes cheap; if WeasyPrint stops using it, the adapter is dead code.
    assert "pdf.page_references[page_number]" in inspect.getsource(tags._build_box_tree)


def test_within_the_block_the_list_is_built_once_per_page_count_and_has_upstream_values():
    pdf = _pdf_with_pages(2)
    upstream = pdf.page_references
    with page_references_once():
        first = pdf.page_references
        assert first == upstream and pdf.page_references is first
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))  # a page appended: built again
        assert len(pdf.page_references) == 3 and pdf.page_references is not first
        assert pdf.page_references == tuple(f"{n} 0 R".encode() for n in pdf.pages["Kids"][::3])
    assert pdf.page_references is not pdf.page_references  # pydyf's own property is back


def test_property_is_restored_when_the_block_raises():
    upstream = pydyf.PDF.page_references
    with pytest.raises(RuntimeError), page_references_once():
        raise RuntimeError
    assert pydyf.PDF.page_references is upstream


def test_a_tagged_pdf_has_the_same_bytes_with_the_adapter():
    html = "<html lang='id'><body>" + "".join(
        f"<h1>Bab {n}</h1><p>Isi {n}.</p><table><tr><td>{n}</td></tr></table>"
        "<p style='break-after: page'>Akhir.</p>" for n in range(5)) + "</body></html>"

    def tagged() -> bytes:
        return HTML(string=html).render().write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=True)

    plain = tagged()
    with page_references_once():
        adapted = tagged()
    assert adapted == plain
