"""The official PDF, read back with pypdf: complete, Indonesian, typeset, self-contained."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import heading_text, html_path, mkdocs_config, nav_files
from masterplan.pdf_check import outline_titles


@pytest.fixture(scope="module")
def reader(full_build) -> PdfReader:
    return PdfReader(full_build.pdf)


@pytest.fixture(scope="module")
def pages_text(reader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_every_chapter_of_the_nav_is_bookmarked_in_order(full_build):
    titles = [_norm(t) for t in outline_titles(full_build.pdf)]
    expected = []
    for md in nav_files():
        if md == "index.md" or md.startswith("panduan/"):
            continue  # the home page and the editors' guide are website-only
        html = BeautifulSoup(html_path(full_build.site, md).read_text(encoding="utf-8"), "html.parser")
        expected.append(_norm(heading_text(html.select_one("article h1"))))
    missing = [title for title in expected if title not in titles]
    assert missing == []
    positions = [titles.index(title) for title in expected]
    assert positions == sorted(positions), "chapters are out of nav order"


def test_pdf_is_a4_in_indonesian_with_title(reader):
    assert reader.trailer["/Root"]["/Lang"] == "id"
    assert reader.metadata.title == mkdocs_config()["extra"]["rencana"]["judul"]
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_cover_states_period_stage_status_and_indonesian_date(pages_text):
    plan = mkdocs_config()["extra"]["rencana"]
    cover = " ".join(pages_text[0].split())
    assert f"{plan['periode_mulai']}–{plan['periode_selesai']}" in cover
    assert f"Tahap {plan['tahap']}" in cover
    assert plan["status"].upper() in cover
    months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    assert re.search(rf"\b\d{{1,2}} ({months}) \d{{4}}\b", cover)


def test_daftar_isi_lists_chapters_with_real_page_numbers(pages_text):
    toc_pages = [t for t in pages_text[1:8] if "DAFTAR ISI" in t.upper() or re.search(r"BAB [IVX]+", t)]
    toc = "\n".join(toc_pages)
    assert "DAFTAR ISI" in toc.upper()
    for roman in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"):
        assert re.search(rf"BAB {roman}\b", toc), roman
    numbers = [int(n) for n in re.findall(r"(\d+)\s*$", toc, flags=re.MULTILINE)]
    assert numbers and 0 not in numbers, "a contents entry points to page 0 (truncated layout)"


def test_fonts_are_embedded(reader):
    fonts = set()
    for page in reader.pages[:20]:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
                fonts.add(str(font["/BaseFont"]))
    assert any("Source-Sans-3" in name for name in fonts)


def test_no_placeholder_or_raw_marker_text(pages_text):
    text = " ".join(pages_text).lower()
    assert "lorem ipsum" not in text
    assert "none" not in re.findall(r"\bnone\b", text)  # unset cover fields print "None"
    assert "(perlu verifikasi" not in text
