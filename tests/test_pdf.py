"""The official PDF, read back with pypdf: complete, Indonesian, typeset, self-contained."""

from __future__ import annotations

import re

import pytest

from masterplan.model import stage_dates
from masterplan.model.numbering import roman
from masterplan.pdf import metadata
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, heading_text, html_path, mkdocs_config, nav_files
from pdf_read import outline_titles


@pytest.fixture(scope="module")
def reader(full_build) -> PdfReader:
    return PdfReader(full_build.pdf)


@pytest.fixture(scope="module")
def pages_text(pdf_pages_text) -> list[str]:
    return pdf_pages_text


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
    assert f"Tahap {roman(plan['tahap'])}" in cover  # one form everywhere: "Tahap II"
    assert plan["status"].upper() in cover
    # The day of the build is on the cover's back (a colophon line), never on the cover.
    months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    assert not re.search(rf"\b\d{{1,2}} ({months}) \d{{4}}\b", cover)
    assert re.search(rf"\b\d{{1,2}} ({months}) \d{{4}}\b", " ".join(pages_text[1].split()))  # may wrap


def _page_of(reader: PdfReader, title: str) -> int:
    """Index of the page a bookmark titled ``title`` points to."""
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item
    for item in walk(reader.outline):
        if _norm(item.title) == _norm(title):
            return reader.get_destination_page_number(item)
    raise AssertionError(f"no bookmark {title!r}")


def _footer(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _section(pages_text: list[str], start: str, stop: str) -> str:
    """Text of the front-matter list that starts with the heading line ``start`` and ends before the
    heading line ``stop`` (a short list may begin on the previous list's last page, as Daftar Gambar does)."""
    lines = "\n".join(pages_text).splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip().upper() == start)
    last = next(i for i, line in enumerate(lines) if i > first and line.strip().upper() == stop)
    return "\n".join(lines[first:last])


def test_page_labels_match_printed_numbers_roman_then_arabic(reader, pages_text):
    labels = reader.page_labels
    assert labels[:2] == ["Sampul", "Sampul"]  # the cover and its back (colophon) print no number
    for index in range(2, len(reader.pages)):
        assert _footer(pages_text[index]) == labels[index], f"page {index + 1}"
    body = _page_of(reader, "BAB I Pendahuluan")
    assert labels[body] == "1"
    assert all(re.fullmatch(r"[ivxlc]+", labels[i]) for i in range(2, body))


def test_front_matter_order_and_chapter_openings(reader, pages_text):
    order = [_page_of(reader, t) for t in ("Kata Pengantar", "Ringkasan Eksekutif", "Daftar Isi",
                                           "Daftar Tabel", "Daftar Gambar", "BAB I Pendahuluan")]
    assert order == sorted(order)
    for roman, title in (("I", "PENDAHULUAN"), ("II", "GAMBARAN UMUM DAERAH"), ("IX", "PENUTUP")):
        page = pages_text[_page_of(reader, f"BAB {roman} " + title.title())]
        assert re.search(rf"BAB {roman}\s*\n\s*{title}", page), roman  # "BAB I" above "PENDAHULUAN"


def test_daftar_isi_page_numbers_match_the_chapters(reader, pages_text):
    toc = _section(pages_text, "DAFTAR ISI", "DAFTAR TABEL")
    for roman in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"):
        match = re.search(rf"^BAB {roman} (.+?)\s*\.{{3,}}\s*(\d+)\s*$", toc, flags=re.MULTILINE)
        assert match, roman
        assert reader.page_labels[_page_of(reader, f"BAB {roman} {match.group(1)}")] == match.group(2)
    numbers = re.findall(r"\.{3,}\s*([0-9]+|[ivxlc]+)\s*$", toc, flags=re.MULTILINE)
    assert numbers and "0" not in numbers, "a contents entry points to page 0 (truncated layout)"
    assert re.search(r"^1\.1 Latar Belakang", toc, flags=re.MULTILINE)  # same numbers as the website
    assert re.search(r"^5\.3\.1 ", toc, flags=re.MULTILINE)
    # Every numbered section's entry (the body is laid out apart from the Daftar Isi: C67): its
    # heading is printed on the page the entry names.
    sections = re.findall(r"^(\d+\.\d+(?:\.\d+)*) .*?\.{3,}\s*(\d+)\s*$", toc, flags=re.MULTILINE)
    assert len(sections) > 20
    for number, page in sections:
        printed_on = pages_text[reader.page_labels.index(page)]
        assert re.search(rf"^{re.escape(number)} ", printed_on, flags=re.MULTILINE), (number, page)


@pytest.mark.parametrize("heading, stop, word", [("DAFTAR TABEL", "DAFTAR GAMBAR", "Tabel"),
                                                 ("DAFTAR GAMBAR", "BAB I", "Gambar")])
def test_daftar_tabel_and_gambar_match_the_captions(reader, pages_text, heading, stop, word):
    listing = _section(pages_text, heading, stop)
    # A long title wraps: its dot leader and page number end the entry's last line.
    listing = re.sub(rf"(?<=[^0-9\s])\n(?!{word} [0-9A-Z]+\.[0-9]+ )", " ", listing)
    entries = re.findall(rf"^{word} ([0-9A-Z]+\.[0-9]+) .*?\.{{3,}}\s*(\d+)\s*$", listing, flags=re.MULTILINE)
    body_start = _page_of(reader, "BAB I Pendahuluan")
    captions = []
    for index in range(body_start, len(pages_text)):
        # (A page that continues a table repeats its number as "Tabel 2.1 (lanjutan)": not a caption.)
        for number in re.findall(rf"^{word} ([0-9A-Z]+\.[0-9]+) (?!\(lanjutan\))", pages_text[index],
                                 flags=re.MULTILINE):
            captions.append((number, reader.page_labels[index]))
    assert entries, f"{heading} is empty"
    assert [number for number, _ in entries] == [number for number, _ in captions]
    for (number, listed), (_, captioned) in zip(entries, captions):
        # A figure's caption sits under it: a figure over several pages is listed where it starts.
        assert int(listed) == int(captioned) if word == "Tabel" else int(listed) <= int(captioned), number


def test_tagged_pdf_with_structure_table_headers_and_figure_alt_text(reader):
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    kinds, figures = [], []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            if "/S" in node:
                kinds.append(node["/S"])
                if node["/S"] == "/Figure":
                    figures.append(node.get("/Alt"))
            if "/K" in node:
                walk(node["/K"])
    walk(root["/StructTreeRoot"])
    assert {"/Document", "/H1", "/H2", "/Table", "/TH", "/Caption", "/Figure"} <= set(kinds)
    assert figures and all(figures), "every figure needs alt text"


def test_metadata_from_configuration_and_stage(reader):
    config = mkdocs_config()
    info = reader.metadata
    assert info["/Author"] == "Pemerintah Kabupaten Bangli"
    assert info["/Subject"].startswith("Rencana Induk")
    assert "Kabupaten Bangli" in info["/Keywords"]
    # Dated by the stage the document is from (as its cover), never by the day of the build.
    stage = stage_dates.stage_date(ROOT, config["extra"]["rencana"]["tahap"])
    assert info["/CreationDate"] == f"D:{metadata.w3c_date(stage).replace('-', '')}"
    assert info["/ModDate"] == info["/CreationDate"]
    assert reader.xmp_metadata is not None
    assert config["extra"]["pdf_varian"] == "pdf/ua-1"


def test_no_text_outside_the_page(full_build):
    """Every word box (poppler's pdftotext -bbox) lies on its page and left of the 20-mm right margin,
    with 1 mm of tolerance: wide tables and long URLs must wrap, not run off the paper."""
    import shutil
    import subprocess

    html = subprocess.run([shutil.which("pdftotext"), "-bbox", str(full_build.pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=120).stdout
    outside = []
    for number, page in enumerate(re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>',
                                             html, flags=re.S), start=1):
        width, height, words = float(page[0]), float(page[1]), page[2]
        right_limit = width - 19 * 72 / 25.4
        for x0, y0, x1, y1, word in re.findall(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                                                r'yMax="([\d.-]+)">(.*?)</word>', words):
            if float(x0) < 0 or float(y0) < 0 or float(y1) > height or float(x1) > right_limit:
                outside.append((number, word))
    assert outside == []


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


CONTACT_PAGES = (("sampul", "Sampul"), ("kata pengantar", "Kata Pengantar"), ("daftar isi", "Daftar Isi"),
                 ("pembuka bab", "BAB II Gambaran Umum Daerah"), ("tabel", None), ("gambar", None))


def test_contact_sheet_of_every_page_type(reader, pages_text, full_build):
    """Renders one page of each type with poppler and keeps them side by side in tests/output for people
    to look at; asserts that each rendered page has ink on it (not blank)."""
    import shutil
    import subprocess

    from PIL import Image, ImageDraw

    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils is installed by scripts/test.sh"
    body = _page_of(reader, "BAB I Pendahuluan")
    wanted = []
    for label, title in CONTACT_PAGES:
        if label == "sampul":
            wanted.append((label, 0))
        elif title:
            wanted.append((label, _page_of(reader, title)))
        elif label == "tabel":
            wanted.append((label, max(range(body, len(pages_text)), key=lambda i: pages_text[i].count("\n")
                                      if re.search(r"^Tabel \d+\.\d+ ", pages_text[i], re.M) else 0)))
        else:
            wanted.append((label, next(i for i in range(body, len(pages_text))
                                       if re.search(r"^Gambar \d+\.\d+ ", pages_text[i], re.M))))
    out = full_build.site.parent
    tiles = []
    for label, index in wanted:
        prefix = out / f"halaman-{index + 1}"
        subprocess.run([pdftoppm, "-r", "45", "-png", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(full_build.pdf), str(prefix)], check=True, timeout=120)
        image = Image.open(f"{prefix}.png").convert("RGB")
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255)), f"{label} page is blank"
        tiles.append((label, image))
    width, height = tiles[0][1].size
    sheet = Image.new("RGB", (len(tiles) * (width + 10), height + 30), "white")
    draw = ImageDraw.Draw(sheet)
    for position, (label, image) in enumerate(tiles):
        sheet.paste(image, (position * (width + 10), 30))
        draw.text((position * (width + 10) + 5, 8), label, fill="black")
    sheet.save(out / "lembar-contoh-pdf.png")
