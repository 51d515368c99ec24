"""What a citizen reads on the site and in the PDF names no file, tool or build step, and lines quoted
from the plan (Lampiran F worksheets, the editors' list of open verifications) keep their links whole
(issue 13). The build tests read the shared build; the others run on small inputs."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import html_path, nav_files
from masterplan.views import abbreviations

READER_PAGES = [md for md in nav_files() if not md.startswith("panduan/")]  # the editors' guide may name rules
# Words of the workshop floor, not of the readers: files, tools, rule IDs, the build.
BUILD_WORDS = re.compile(
    r"dokumen dibangun|situs dibangun|saat dibangun|dibuat ulang setiap|pembangunan dokumen"
    r"|\baturan [A-Z]+-|\b(?:LOGIKA|PROGRAM|TAMPILAN|BAGIAN)-[A-Z]{3,}"
    r"|\bdata (?:program|horizon|isu)\b|\bdata/\w|\w\.ya?ml\b|\w\.md\b|mkdocs|front matter|\bgit\b")


def _article_text(path) -> str:
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
    return " ".join(article.get_text(" ").split()) if article else ""


def _hits(text: str) -> list[str]:
    return [text[max(0, m.start() - 50):m.end() + 30] for m in BUILD_WORDS.finditer(text)]


@pytest.mark.parametrize("md", READER_PAGES)
def test_reader_pages_name_no_file_tool_or_build_step(full_build, md):
    hits = _hits(_article_text(html_path(full_build.site, md)))
    assert not hits, f"kata pembangunan/alat di halaman pembaca {md}: {hits[:5]}"


def test_pdf_names_no_file_tool_or_build_step(pdf_pages_text):
    hits = [(number, hit) for number, text in enumerate(pdf_pages_text, 1)
            for hit in _hits(" ".join(text.split()))]
    assert not hits, f"kata pembangunan/alat di PDF (halaman, teks): {hits[:5]}"


def test_data_needs_show_links_not_markdown(full_build, pdf_pages_text):
    """Lampiran F names the places of the plan that need data: a link in them reads as its text."""
    soup = BeautifulSoup(html_path(full_build.site, "lampiran/kebutuhan-data.md").read_text(encoding="utf-8"),
                         "html.parser")
    cells = soup.select("article td, article li")
    raw = [cell.get_text()[:80] for cell in cells if "](" in cell.get_text()]
    assert not raw, f"tautan Markdown mentah di Lampiran F: {raw[:3]}"
    printed = [n for n, text in enumerate(pdf_pages_text, 1) if "](" in text]
    assert not printed, f"tautan Markdown mentah di PDF, halaman {printed}"


@pytest.mark.parametrize(("html", "tabindexes"), [
    # the first occurrence outside a header row is the Tab stop
    ('<p><abbr title="x">A</abbr> <abbr title="x">A</abbr></p>', ["0", "-1"]),
    ('<table><thead><tr><th><abbr title="x">A</abbr></th></tr></thead>'
     '<tbody><tr><td><abbr title="x">A</abbr></td></tr></tbody></table>', ["-1", "0"]),
    ('<table><thead><tr><th><abbr title="x">A</abbr></th></tr></thead></table>', ["-1"]),
])
def test_abbreviations_in_header_rows_take_no_tab_stop(html, tabindexes):
    assert re.findall(r'tabindex="(-?\d)"', abbreviations.reachable(html)) == tabindexes
