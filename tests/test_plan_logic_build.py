"""The plan's logic in the real build: the generated pages in the site and the PDF, the worksheets of the
Daftar Kebutuhan Data listed in office order, the stage date on the cover, and a broken link in a
copy of the repository stopping the build with file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import html_path, run_build
from masterplan.model import plan_logic as model
from masterplan.model import programmes, stage_dates
from masterplan.views import data_needs

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE, _ = programmes.load_catalogue(ROOT)
LOGIC, _ = model.load_plan_logic(ROOT, CATALOGUE)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _page(site: Path, md: str) -> BeautifulSoup:
    return BeautifulSoup(html_path(site, md).read_text(encoding="utf-8"), "html.parser")


def test_site_shows_the_traceability_matrix_and_tows(full_build):
    matrix = _page(full_build.site, "lampiran/matriks-keterkaitan.md").find("article")
    rows = matrix.find("table").select("tbody tr")
    assert len(rows) == len(LOGIC.indicators)
    first = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert first[0] and first[1].startswith("1 (Smart Governance)") and first[4].startswith("1.1a")
    chapter = _flat(_page(full_build.site, "bab-3-analisis-kesiapan.md").find("article").get_text(" "))
    assert "Matriks TOWS: strategi SO, ST, WO dan WT" in chapter and "<br>" not in chapter
    for strategy in LOGIC.strategies:
        assert strategy.code in chapter


def test_pdf_holds_the_generated_views_numbered_like_every_table(pdf_pages_text):
    text = _flat(" ".join(pdf_pages_text))
    for caption in (r"Tabel 1\.\d+ Horizon waktu program dan fase peta jalan", r"Tabel 3\.\d+ Matriks TOWS",
                    r"Tabel 4\.\d+ Indikator sasaran, baseline dan target", r"Tabel 6\.\d+ Rencana aksi per OPD dan tahun",
                    r"Tabel 7\.\d+ Profil quick win GOV-01", r"Tabel E\.1 Matriks keterkaitan",
                    r"Tabel F\.1 Ringkasan kebutuhan data per OPD"):
        assert re.search(caption, text), caption


def test_lampiran_f_lists_every_office_in_order(pdf_pages_text):
    """Lampiran F lists the needs under one numbered heading per office, in order; the worksheets to fill
    in are a separate PDF (tests/test_worksheets.py)."""
    needs = data_needs.collect(LOGIC, [], ROOT)  # the offices with at least one baseline or naming item
    heading = re.compile(r"^F\.(\d+) (.+)$")
    # From the Lampiran's summary table on (the Daftar Isi before it lists the headings too).
    first = max(i for i, page in enumerate(pdf_pages_text) if "Ringkasan kebutuhan data per OPD" in _flat(page))
    numbers = [int(match.group(1)) for page in pdf_pages_text[first:] for line in page.split("\n")
               if (match := heading.match(line.strip()))]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= len(needs)


def test_cover_shows_the_stage_date_and_its_back_the_build_date(pdf_pages_text):
    cover, back = _flat(pdf_pages_text[0]), _flat(pdf_pages_text[1])
    stage = stage_dates.stage_date(ROOT, 2)
    assert f"Bangli, {stage.text}" in cover and "Tahap II" in cover
    # The stage-II draft as updated to this edition (decision of 2 December 2026): cover and colophon say so.
    edition = stage.label("II", final=False)
    assert edition == "Draf Tahap II, pemutakhiran Desember 2026"
    assert edition in cover and edition in back
    assert "dibangun" not in cover
    assert re.search(r"Berkas PDF ini dicetak dari naskah pada \d{1,2} \w+ \d{4}", back)


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "repo"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "output", "__pycache__", ".pytest_cache", "*.egg-info"))
    return project


def test_deleting_a_programmes_link_to_its_issue_stops_the_build(tmp_path):
    """A broken logic chain stops the build: in a copy, GOV-01 loses its 'isu:' line; the site build fails and says where."""
    project = _copy(tmp_path)
    data = project / "data" / "program.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    isu: [5]\n    indikator_sasaran: [1.1b]\n", "    indikator_sasaran: [1.1b]\n", 1),
                    encoding="utf-8")
    line = data.read_text(encoding="utf-8").split("\n").index("  - kode: GOV-01") + 1
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert f"data/program.yml:{line}: [LOGIKA-PROGRAM-ISU] Program GOV-01 belum menjawab isu strategis" in build.log
    assert "Traceback" not in build.log
