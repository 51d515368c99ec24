"""The programme views in the real build: tables on every dimension page and in BAB VI/VII, the roadmap
chart, the same in the PDF; wrong data or directives stop the build with editor messages; and editing a
programme's years changes the table, the totals and the chart in the next build."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, html_path, run_build
from masterplan.views import programme_tables
from masterplan.model import plan_logic, programmes

CATALOGUE, _ = programmes.load_catalogue(ROOT)
PHASES = plan_logic.load_plan_logic(ROOT, CATALOGUE)[0].phases


def _soup(site: Path, md: str) -> BeautifulSoup:
    return BeautifulSoup(html_path(site, md).read_text(encoding="utf-8"), "html.parser")


def _table(soup: BeautifulSoup, caption: str):
    """The generated table whose caption contains ``caption``, as a list of rows of cell texts."""
    for figure in soup.select("figure.tabel"):
        if caption in figure.figcaption.get_text(" "):
            # Cell text as the reader sees it: abbreviations are <abbr> elements ("APBN/DAK" stays whole).
            return [[" ".join(c.get_text().split()) for c in tr.find_all(["td", "th"])]
                    for tr in figure.find_all("tr")]
    raise AssertionError(f"no table captioned {caption!r}")


def _bars(soup: BeautifulSoup) -> dict:
    return {r["data-kode"]: r for r in soup.select("svg.grafik-peta-jalan rect.batang")}


@pytest.mark.parametrize("key", list(CATALOGUE.dimensions))
def test_dimension_page_shows_its_programmes(full_build, key):
    soup = _soup(full_build.site, f"bab-5/{key}.md")
    dimension = CATALOGUE.dimensions[key]
    rows = _table(soup, f"Program dimensi {dimension.name}")
    codes = [p.code for p in CATALOGUE.of_dimension(key)]
    assert [row[0] for row in rows[1:-1]] == codes
    assert rows[-1][-1] == programme_tables.rupiah(sum(p.cost for p in CATALOGUE.of_dimension(key)))
    captions = [f.get_text(" ", strip=True) for f in soup.select("figure.tabel figcaption")]
    assert any(re.match(rf"Tabel 5\.\d+ Program dimensi {dimension.name},", c) for c in captions), captions


def test_chapter_six_shows_summaries_and_roadmap(full_build):
    soup = _soup(full_build.site, "bab-6-program.md")
    total = programme_tables.rupiah(sum(p.cost for p in CATALOGUE.programmes))
    assert _table(soup, "per dimensi dan horizon")[-1][1] == str(len(CATALOGUE.programmes))
    assert _table(soup, "biaya program per dimensi")[-1][2] == total
    assert _table(soup, "biaya program per tahun")[-1][2] == total
    # Allocated, not double counted: each programme once, under its source or its combination of sources.
    funding = _table(soup, "menurut sumber dana")
    assert funding[-1][1:3] == [str(len(CATALOGUE.programmes)), total]
    for row in funding[1:-1]:
        assert set(row[0].replace(" (porsi belum ditetapkan)", "").split(" + ")) <= set(CATALOGUE.funding_sources)
    assert sum(int(row[1]) for row in funding[1:-1]) == len(CATALOGUE.programmes)
    svg = soup.select_one("figure.gambar div.peta-jalan svg.grafik-peta-jalan")
    assert svg is not None and svg["role"] == "img"
    ids = svg["aria-labelledby"].split()
    assert [svg.find(id=i).name for i in ids] == ["title", "desc"]
    assert len(_bars(soup)) == len(CATALOGUE.programmes)
    assert svg.find_parent("figure").figcaption.get_text(" ", strip=True).startswith("Gambar 6.1 Peta jalan")
    # The text alternative: every programme, whole, in the list (visually hidden on wide screens).
    alternative = soup.select(".peta-jalan__daftar li .peta-jalan__nama")
    assert [a.get_text(" ", strip=True) for a in alternative] == [
        f"{p.code} {p.name}" + (" (quick win)" if p.quick_win else "") for p in CATALOGUE.of_dimension(None)]


def test_chapter_seven_shows_quick_win_profiles(full_build):
    rows = _table(_soup(full_build.site, "bab-7-quick-win.md"), "Profil quick win: indikator")
    quick = [p for p in CATALOGUE.of_dimension(None) if p.quick_win]
    assert [row[0].split()[0] for row in rows[1:-1]] == [p.code for p in quick]
    assert rows[0][-1].startswith("Perkiraan biaya")
    # The quick-win total, so that no reader has to add the amounts by hand.
    assert rows[-1][0] == f"Jumlah: {len(quick)} quick win"
    assert rows[-1][-1] == programme_tables.rupiah(sum(p.cost for p in quick))


def test_pdf_contains_the_generated_tables_and_chart(pdf_pages_text):
    text = " ".join(pdf_pages_text)
    text = " ".join(text.split())
    for dimension in CATALOGUE.dimensions.values():
        assert f"Program dimensi {dimension.name}, indikator" in text
    for needle in ("Jumlah program per dimensi dan horizon waktu", "Perkiraan biaya program per tahun",
                   "Perkiraan biaya program menurut sumber dana", "Gambar 6.1 Peta jalan program",
                   "Profil quick win", programme_tables.rupiah(sum(p.cost for p in CATALOGUE.programmes)),
                   "Tonggak 1: Penetapan dengan Peraturan Bupati"):
        assert needle in text, needle
    # Text drawn inside the charts: the phase names in their header, the milestone row's label.
    phases = PHASES
    assert text.count("Tonggak") > len(CATALOGUE.dimensions) and all(p.name in text for p in phases)
    # The list for phones and screen readers is not printed: its wording, from the data, is on the site only.
    spans = {f"{p.start_year}–{p.end_year}, jangka menengah" for p in CATALOGUE.programmes if p.horizon == "menengah"}
    assert spans and not [span for span in spans if span in text]


# ---------------------------------------------------------------------------------------------------
# Builds of a changed copy of the repository
# ---------------------------------------------------------------------------------------------------

def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "repo"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "output", "__pycache__", ".pytest_cache"))
    return project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")  # the first occurrence


def test_changing_a_programmes_years_changes_table_totals_and_chart(full_build, tmp_path):
    """One data edit reaches every view: ENV-08 moved from 2028–2034 to 2029–2034 in data/program.yml, and
    the one BAB V sentence that names its years with it (LOGIKA-JADWAL-TEKS stops the build otherwise)."""
    project = _copy(tmp_path)
    _edit(project / "data" / "program.yml", "tahun_mulai: 2028\n    tahun_selesai: 2034\n"
          "    jenis_rencana_aksi: infrastruktur\n    indikator:\n      nama: Kapasitas PLTS",
          "tahun_mulai: 2029\n    tahun_selesai: 2034\n"
          "    jenis_rencana_aksi: infrastruktur\n    indikator:\n      nama: Kapasitas PLTS")
    # Its rencana aksi moves with it (the build checks that the actions cover the programme's years).
    _edit(project / "data" / "program.yml", '{tahun: [2028, 2029], kegiatan: "Mengaudit atap gedung',
          '{tahun: 2029, kegiatan: "Mengaudit atap gedung')
    _edit(project / "docs" / "bab-5" / "smart-environment.md", "dan sekolah pada 2028–2034.", "dan sekolah pada 2029–2034.")
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode == 0, build.log

    before_env = _soup(full_build.site, "bab-5/smart-environment.md")
    after_env = _soup(build.site, "bab-5/smart-environment.md")
    row = {r[0]: r for r in _table(after_env, "Program dimensi Smart Environment")}["ENV-08"]
    assert {r[0]: r for r in _table(before_env, "Program dimensi Smart Environment")}["ENV-08"][4] == "2028–2034"
    assert row[4] == "2029–2034"

    # The per-year table, cell for cell, against the moved programme's cost spread over 2029–2034.
    moved = [dataclasses.replace(p, start_year=2029) if p.code == "ENV-08" else p for p in CATALOGUE.programmes]
    cost, running = Counter(), Counter()
    for programme in moved:
        cost.update(programme_tables.yearly_costs(programme))
        running.update(programme.years)
    after = {r[0]: (int(r[1]), r[2]) for r in _table(_soup(build.site, "bab-6-program.md"), "biaya program per tahun")[1:-1]}
    assert after == {str(year): (running[year], programme_tables.rupiah(cost[year])) for year in CATALOGUE.years}
    assert running[2028] == sum(1 for p in CATALOGUE.programmes if 2028 in p.years) - 1

    old_bar = _bars(_soup(full_build.site, "bab-6-program.md"))["ENV-08"]
    new_bar = _bars(_soup(build.site, "bab-6-program.md"))["ENV-08"]
    step = (float(old_bar["width"]) - float(new_bar["width"])) / 2
    assert step > 0 and float(new_bar["x"]) == pytest.approx(float(old_bar["x"]) + 2 * step)
    assert "2029–2034" in new_bar.title.get_text()


def test_wrong_programme_data_stops_the_build_with_editor_messages(tmp_path):
    project = _copy(tmp_path)
    _edit(project / "data" / "program.yml", "opd_pengampu: dpmptsp", "opd_pengampu: dinas-perizinan")
    _edit(project / "data" / "program.yml", "kode: GOV-03", "kode: GOV-01")
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert re.search(r"data/program\.yml:\d+:\d+: \[PROGRAM-OPD\] Program GOV-02: kode OPD 'dinas-perizinan'", build.log)
    assert "[PROGRAM-KODE-GANDA]" in build.log and "Traceback" not in build.log


def test_wrong_directive_stops_the_build_with_file_and_line(tmp_path):
    project = _copy(tmp_path)
    page = project / "docs" / "bab-6-program.md"
    _edit(page, "[[ringkasan-biaya per=tahun]]", "[[ringkasan-biaya per=bulan]]")
    line = page.read_text(encoding="utf-8").split("\n").index("[[ringkasan-biaya per=bulan]]") + 1
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert f"docs/bab-6-program.md:{line}:1: [TAMPILAN-PENANDA] Nilai 'bulan'" in build.log
    assert "Traceback" not in build.log
