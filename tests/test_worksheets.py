"""The Daftar Kebutuhan Data in two documents (ministry review item 19): Lampiran F of the plan lists the
needs without form columns, and the worksheets are a separate PDF, one office per page group, read back
with pdfplumber; the site links that PDF; an unchanged worksheets document is not rendered again."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import html_path, nav_files
from masterplan.model import documents, plan_logic, programmes
from masterplan.pdf import worksheets
from masterplan.views import data_needs

ROOT = Path(__file__).resolve().parent.parent
SHEETS = "Lembar-Kerja-Kebutuhan-Data-Bangli.pdf"
LAMPIRAN_F_PAGES = 19  # the list of ~250 needs (review 6.5 added RPJMD 2025–2029, RKPD/APBD 2027, Bimtek dates); the worksheets inside the plan took 31 pages
HEADER = 45  # points from the top of a landscape A4 page: the running header's band


def _flat(text: str) -> str:
    return " ".join(text.split())


def _bare(text: str) -> str:
    return "".join(text.split())


def _office(header: str, sheets) -> str:
    """The office whose name begins the running header ``header`` (the longest such name)."""
    return max((s.name for s in sheets if header.startswith(s.name)), key=len)


@pytest.fixture(scope="module")
def sheets() -> list[data_needs.Sheet]:
    """The worksheets the build draws: every page of the plan document (not the editors' guide)."""
    catalogue, _ = programmes.load_catalogue(ROOT)
    logic, _ = plan_logic.load_plan_logic(ROOT, catalogue)
    pages = []
    for name in nav_files():
        if not name.startswith("panduan/"):
            document = documents.load(ROOT / "docs" / name, ROOT / "docs")
            pages.append((f"docs/{name}", document.meta.get("title") or name, document))
    return data_needs.sheets((logic, data_needs.collect(logic, pages, ROOT)))


@pytest.fixture(scope="module")
def read_back(full_build) -> list[tuple[str, str, list]]:
    """Every page of the built worksheets PDF: ``(running header, text, table rows)``."""
    with pdfplumber.open(full_build.site / "pdf" / SHEETS) as pdf:
        return [(_flat(page.crop((0, 0, page.width, HEADER)).extract_text() or ""), page.extract_text() or "",
                 page.extract_table() or []) for page in pdf.pages]


def test_file_name_follows_the_plan_pdf_of_each_version():
    assert worksheets.file_name("pdf/Masterplan-Smart-City-Bangli-Tahap-2.pdf") == \
        "pdf/Lembar-Kerja-Kebutuhan-Data-Bangli-Tahap-2.pdf"
    assert worksheets.file_name("pdf/Masterplan-Smart-City-Bangli.pdf") == f"pdf/{SHEETS}"
    assert worksheets.title("II") == "Lembar Kerja Kebutuhan Data — Tahap II"


def test_each_office_has_its_own_pages_with_its_name_as_running_header(read_back, sheets):
    title, *pages = read_back
    assert "Lembar Kerja Kebutuhan Data — Tahap II" in _flat(title[1])
    groups: list[tuple[str, list]] = []
    for header, text, rows in pages:
        office = _office(header, sheets)  # every page names its office
        if not groups or groups[-1][0] != office:
            opening = _flat(text).replace(header, "", 1).lstrip()
            assert opening.startswith(office), f"{office}: lembar tidak mulai di halaman baru"
            groups.append((office, []))
        groups[-1][1].append((text, rows))
    assert [office for office, _ in groups] == [s.name for s in sheets]
    for office, group in groups:
        assert "Tanda tangan" in group[-1][0] and "Nama petugas" in group[-1][0], office
        # The sign-off comes with the sheet's last three rows (a page held one row and the sign-off).
        rows = len(next(s for s in sheets if s.name == office).needs)
        assert len(group[-1][1]) - 1 >= min(3, rows), f"{office}: tanda tangan dengan {len(group[-1][1]) - 1} baris"


def test_every_need_is_on_its_office_sheet_exactly_once_with_blank_columns(read_back, sheets):
    printed: dict[str, list[tuple]] = {}
    for header, _text, rows in read_back[1:]:
        office = _office(header, sheets)
        assert rows[0] == ["No", "Data yang dibutuhkan", "Dipakai di", "Nilai atau isi", "Tahun data", "Sumber data"]
        printed.setdefault(office, []).extend(tuple(_flat(cell or "") for cell in row) for row in rows[1:])
    for sheet in sheets:
        rows = printed[sheet.name]
        assert [row[0] for row in rows] == [str(n) for n in range(1, len(sheet.needs) + 1)], sheet.name
        # Compared without spaces: a cell's line break after a dash reads back as a space.
        expected = [_bare(f"{data_needs.KINDS[n.kind]}: {n.what}") for n in sheet.needs]
        assert [_bare(row[1]) for row in rows] == expected
        assert [_bare(row[2]) for row in rows] == [_bare(n.where) for n in sheet.needs]
        assert all(row[3:] == ("", "", "") for row in rows)


def test_sheets_carry_no_quotes_nor_website_words(read_back):
    for number, (_header, text, _rows) in enumerate(read_back, 1):
        flat = _flat(text)
        assert "Kalimat:" not in flat and not re.search(r"\bberanda\b", flat, re.I), f"halaman {number}"
        assert not re.search(r"\b(docs|data)/[\w-]+\.(md|yml)\b", flat), f"halaman {number}: nama berkas"


def test_plan_pdf_lampiran_f_is_a_short_list_without_form_columns(full_build):
    pages = [_flat(page.extract_text() or "") for page in PdfReader(full_build.pdf).pages]
    start = max(i for i, text in enumerate(pages) if text.startswith("LAMPIRAN F"))
    end = next((i for i in range(start + 1, len(pages)) if re.match(r"LAMPIRAN [G-Z]\b", pages[i])), len(pages))
    part = " ".join(pages[start:end])
    assert end - start <= LAMPIRAN_F_PAGES, f"Lampiran F {end - start} halaman"
    assert "Ringkasan kebutuhan data per OPD" in part and "Lembar Kerja Kebutuhan Data" in part
    for form in ("Nilai atau isi", "Nama petugas", "Paraf", "Kalimat:", "beranda"):
        assert form not in part, form


def test_site_links_the_worksheets_from_lampiran_f_and_the_download_line(full_build):
    from masterplan.devtools.local_server import serve

    lampiran = html_path(full_build.site, "lampiran/kebutuhan-data.md")
    home = html_path(full_build.site, "index.md")
    links = [BeautifulSoup(lampiran.read_text(encoding="utf-8"), "html.parser").select_one("a.unduh-lembar-kerja"),
             next(a for a in BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select("p.info-pdf a")
                  if SHEETS in a["href"])]
    with serve(full_build.site) as served:
        for page, link in zip(("lampiran/kebutuhan-data/", ""), links):
            assert link is not None and "Lembar Kerja Kebutuhan Data" in link.get_text()
            with urlopen(urljoin(served.url + page, link["href"])) as response:
                assert response.status == 200 and response.read(5) == b"%PDF-"


@pytest.mark.build
def test_unchanged_worksheets_are_copied_from_the_cache_not_rendered(tmp_path, sheets):
    site = ROOT / "docs"  # the fonts the built site copies from docs/assets/fonts
    text = worksheets.document(sheets[-2:], worksheets.title("II"), "Rencana", "2024", site / "assets" / "fonts")
    first = worksheets.write(text, tmp_path / "a.pdf", site, "pdf/ua-1", tmp_path / "cache")
    again = worksheets.write(text, tmp_path / "b.pdf", site, "pdf/ua-1", tmp_path / "cache")
    changed = worksheets.write(text.replace("Rencana", "Rencana Induk"), tmp_path / "c.pdf", site, "pdf/ua-1",
                               tmp_path / "cache")
    assert (first.reused, again.reused, changed.reused) == (False, True, False)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
