"""The PDF plugin's known defects, provoked on a copy of the plan: our stylesheet must absorb them, and
when the PDF does lose chapters the build must fail with an Indonesian message, not a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, run_build
from masterplan.pdf import check
from pdf_read import outline_titles

LONG_TABLE_ROWS = 160


def _copy_project(target: Path) -> Path:
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _add_troublemakers(project: Path) -> None:
    """An image far taller than an A4 page and a table longer than a page, in BAB III."""
    (project / "docs/assets/images/sangat-tinggi.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="3000" viewBox="0 0 400 3000">'
        '<rect width="400" height="3000" fill="#1f5c3d"/></svg>', encoding="utf-8")
    rows = "\n".join(f"| {i} | Uraian baris {i} | {i * 3} |" for i in range(1, LONG_TABLE_ROWS + 1))
    chapter = project / "docs/bab-3-analisis-kesiapan.md"
    text = chapter.read_text(encoding="utf-8")
    extra = ("\n\n![Gambar uji yang sangat tinggi](assets/images/sangat-tinggi.svg)\n\n"
             f"| No | Uraian | Nilai |\n|---|---|---:|\n{rows}\n\n"
             "/// table-caption\nTabel uji yang panjang\n///\n\nSumber: data uji.\n")
    chapter.write_text(text + extra, encoding="utf-8")


@pytest.fixture(scope="module")
def troubled_project(tmp_path_factory) -> Path:
    project = _copy_project(tmp_path_factory.mktemp("troubled"))
    _add_troublemakers(project)
    return project


def test_our_stylesheet_keeps_every_chapter_despite_tall_image_and_long_table(troubled_project, tmp_path):
    build = run_build(troubled_project, tmp_path / "site", pdf=True)
    assert build.returncode == 0, build.log
    titles = " | ".join(outline_titles(build.pdf))
    assert "BAB IX Penutup" in titles and "Lampiran D Daftar Pustaka" in titles
    assert len(PdfReader(build.pdf).pages) > 50


def test_stock_stylesheet_loses_chapters_and_the_build_says_so_in_indonesian(troubled_project, tmp_path):
    (troubled_project / "overrides/pdf/styles.scss").write_text("", encoding="utf-8")
    build = run_build(troubled_project, tmp_path / "site", pdf=True)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    # Which chapters are lost, and where layout stopped, depends on the stock CSS (its full-page minimum
    # height) and on how the parts are grouped (masterplan/pdf/groups.py), not on our content.
    assert "PDF tidak lengkap" in build.log and re.search(r'"BAB [IVX]+ [^"]+" tidak ada di PDF', build.log)
    assert re.search(r'tata letak berhenti sesudah "[^"]+"', build.log)


NAV = ["Kata Pengantar", "BAB I Pendahuluan", "BAB IX Penutup"]


@pytest.mark.parametrize("bookmarks, first_line", [
    (["Smart City Kabupaten Bangli", "Kata Pengantar", "BAB I Pendahuluan", "BAB IX Penutup"], None),
    (["Smart City Kabupaten Bangli", "Kata Pengantar", "BAB I Pendahuluan", "1.1 Latar Belakang"],
     'tata letak berhenti sesudah "BAB I Pendahuluan"'),
    (["Smart City Kabupaten Bangli"], 'tata letak berhenti sesudah "Smart City Kabupaten Bangli"'),
    ([], "tata letak berhenti sebelum halaman pertama"),
    # layout stopped in two parts: each run of missing pages says where its part stopped
    (["Smart City Kabupaten Bangli", "BAB I Pendahuluan"], 'tata letak berhenti sesudah "Smart City Kabupaten Bangli"'),
])
def test_missing_titles_name_the_last_bookmark_laid_out(bookmarks, first_line):
    problems = check.missing_titles(bookmarks, NAV)
    if first_line is None:
        assert problems == []
    else:
        assert problems[0].startswith(first_line) and '"BAB IX Penutup" tidak ada di PDF' in problems


def test_each_part_that_stopped_says_where():
    problems = check.missing_titles(["Smart City Kabupaten Bangli", "BAB I Pendahuluan"], NAV)
    assert problems == [
        'tata letak berhenti sesudah "Smart City Kabupaten Bangli" (kemungkinan penyebabnya ada di bagian itu '
        "atau sesudahnya)", '"Kata Pengantar" tidak ada di PDF',
        'tata letak berhenti sesudah "BAB I Pendahuluan" (kemungkinan penyebabnya ada di bagian itu atau '
        'sesudahnya)', '"BAB IX Penutup" tidak ada di PDF']
