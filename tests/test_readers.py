"""Reader features of the built website: the home page's stages, status dashboard and PDF line; last
update, responsible office and "Beri masukan" on every page; abbreviations from the glossary; page
descriptions and Open Graph tags. Read back from the real build as HTML (BeautifulSoup) and PDF (pypdf)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, html_path, mkdocs_config, nav_files, run_build
from masterplan.views import abbreviations, directives, feedback, site_status
from masterplan import checks
from masterplan.model import documents, rules, stage_dates
from masterplan.model.programmes import load_catalogue

NAV = nav_files()
CONFIG = mkdocs_config()
OFFICES = yaml.safe_load((ROOT / "data/opd.yml").read_text(encoding="utf-8"))
PLAN_PAGES = [md for md in NAV if md != "index.md" and not md.startswith("panduan/")]  # what the PDF holds
MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
DATE = re.compile(rf"^\d{{1,2}} ({MONTHS}) \d{{4}}$")
FORM = yaml.safe_load((ROOT / feedback.FORM).read_text(encoding="utf-8"))
FORM_OPTIONS = next(item for item in FORM["body"] if item.get("id") == "bab")["attributes"]["options"]


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _table(soup: BeautifulSoup, caption: str):
    figure = next(f for f in soup.select("figure.tabel") if caption in f.figcaption.get_text())
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
            for row in figure.select("tbody tr")]


def _git_day(md: str) -> str:
    stamp = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%at", "--", f"docs/{md}"],
                           capture_output=True, text=True, check=True).stdout.strip()
    if not stamp:
        return site_status.UNKNOWN
    day = dt.datetime.fromtimestamp(int(stamp), ZoneInfo("Asia/Makassar")).date()
    return site_status.indonesian_date(day)


# ---------------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------------

def test_dashboard_has_one_true_row_per_page_of_the_plan(full_build):
    rows = _table(soup_of(full_build.site / "index.html"), "Status penyusunan")
    assert len(rows) == len(PLAN_PAGES)
    outlines = rules.load()
    for md, row in zip(PLAN_PAGES, rows):
        document = documents.load(ROOT / "docs" / md, ROOT)
        title, office, status, sections, words, changed = row
        assert title.endswith(document.meta["title"]), (md, title)
        assert office == OFFICES[document.meta["opd"]].get("singkatan", OFFICES[document.meta["opd"]]["nama"])
        assert status == CONFIG["extra"]["status"][document.meta["status"]]
        required = site_status.required_count(outlines.outline(md).sections)
        assert sections == (f"lengkap ({required} dari {required})" if required else "tidak ada bagian wajib")
        assert int(words.replace(".", "")) == site_status.word_count(document) > 100
        assert changed == _git_day(md), md


def test_dashboard_links_open_the_chapters(full_build):
    soup = soup_of(full_build.site / "index.html")
    figure = next(f for f in soup.select("figure.tabel") if "Status penyusunan" in f.figcaption.get_text())
    for link in figure.select("tbody a"):
        assert (full_build.site / link["href"] / "index.html").is_file() or \
            (full_build.site / link["href"]).is_file(), link["href"]


def test_dashboard_says_which_required_sections_are_missing_from_the_chapter_checks(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (ROOT / "docs/bab-9-penutup.md").read_text(encoding="utf-8")
    text = re.sub(r"\n## Rekomendasi\n.*", "\n", text, flags=re.DOTALL)
    (docs / "bab-9-penutup.md").write_text(text, encoding="utf-8")
    problems = checks.run([docs], docs, tmp_path, spell=False)
    document = documents.load(docs / "bab-9-penutup.md", tmp_path)
    row = site_status.chapter(document, "bab-9-penutup.md", "BAB IX Penutup", "Bappeda", rules.load(), problems,
                              None)
    assert (row.required, row.missing) == (3, 1)
    progress = site_status.Progress(stage_dates.load_stages(ROOT)[0], 2, (row,), {"draf": "Draf"})
    table = site_status.status_table(progress)
    assert "**kurang 1** dari 3" in table and site_status.UNKNOWN in table
    assert "bagian wajib lengkap di 0 dari 1 halaman" in table


def test_stage_table_shows_four_stages_and_the_current_one_from_mkdocs_yml(full_build):
    rows = _table(soup_of(full_build.site / "index.html"), "Tahapan Bimtek")
    assert [row[0] for row in rows] == ["Tahap I", "Tahap II", "Tahap III", "Tahap IV"]
    assert rows[0][1] == "11–12 Juni 2024"
    assert all("perlu verifikasi" in row[1] for row in rows[1:])
    current = CONFIG["extra"]["rencana"]["tahap"]
    states = [row[4] for row in rows]
    assert states[current - 1] == "Sedang berjalan" and states.count("Sedang berjalan") == 1
    assert all(s == "Sudah berlangsung" for s in states[:current - 1])
    assert all(s == "Belum" for s in states[current:])


def test_home_page_pdf_line_tells_the_truth_about_the_built_pdf(full_build):
    line = soup_of(full_build.site / "index.html").select_one("p.info-pdf")
    link = line.a
    assert (full_build.site / link["href"]).resolve() == full_build.pdf.resolve()
    size = f"{round(full_build.pdf.stat().st_size / 1_000_000, 1)}".replace(".", ",")
    pages = len(PdfReader(full_build.pdf).pages)
    assert f"PDF, {size} MB, {pages} halaman" in link.get_text()
    assert site_status.PDF_INFO not in full_build.site.joinpath("index.html").read_text(encoding="utf-8")


def test_site_only_build_says_the_pdf_was_not_built(site_only_build):
    line = soup_of(site_only_build.site / "index.html").select_one("p.info-pdf")
    assert line.get_text().strip() == "Dokumen PDF belum tersedia untuk versi ini." and line.a is None


@pytest.mark.parametrize("version, title", [
    (None, "sedang berjalan"), ("draf", "sedang berjalan"),  # a plain build and the draft: under way
    ("tahap-1", "Versi ini: hasil Tahap"), ("final", "Versi ini: hasil Tahap"),  # frozen: what it is the result of
])
def test_home_page_stage_note_is_under_way_only_on_the_draft(version, title, monkeypatch):
    from masterplan.model import stages

    monkeypatch.delenv(stages.VERSION_VARIABLE, raising=False)  # None: the plain build reads mike's variable
    progress = site_status.Progress(stage_dates.load_stages(ROOT)[0], 1, (), {})
    note = site_status.current_stage(progress, version)
    assert title in note.splitlines()[0]
    assert ("sedang berjalan" in note) == (title == "sedang berjalan")


@pytest.mark.parametrize("newest, expected", [
    (None, "Dokumen PDF belum tersedia untuk versi ini."),  # a stage released without PDF (rehearsals)
    (("Tahap 2", "../terbaru/pdf/Masterplan-Smart-City-Bangli.pdf"),  # the draft: the newest stage's PDF
     'Versi ini tidak memuat PDF. <a href="../terbaru/pdf/Masterplan-Smart-City-Bangli.pdf" download>Unduh PDF '
     '<span data-terbit-judul>Tahap 2</span></a>, versi terbit terakhir.'),
])
def test_pdf_line_without_a_pdf_speaks_to_readers_and_links_the_newest_stage_from_the_draft(tmp_path, newest, expected):
    line = site_status.pdf_line(tmp_path / "tidak-ada.pdf", "pdf/x.pdf", None, "1 Juli 2026", newest)
    assert line == expected
    assert not re.search(r"pembangunan|build|dibuat", line)


@pytest.mark.parametrize("line", ["[[status-bab]]", "[[tahapan-bimtek]]", "[[unduh-dokumen]]"])
def test_home_page_views_are_checked_but_left_alone_without_build_data(line):
    catalogue, problems = load_catalogue(ROOT)
    assert not problems
    markdown, found = directives.expand(f"Teks.\n\n{line}\n", catalogue, "docs/index.md")
    assert not found and line in markdown


@pytest.mark.parametrize("line", ["[[status-bab semua=ya]]", "[[status-bab]] teks", "[[status\u00a0bab]]"])
def test_home_page_view_typos_are_reported_with_file_and_line(line):
    catalogue, _ = load_catalogue(ROOT)
    _, found = directives.expand(f"Teks.\n\n{line}\n", catalogue, "docs/index.md", 5)
    assert [(p.path, p.line, p.rule) for p in found] == [("docs/index.md", 7, "TAMPILAN-PENANDA")]


# ---------------------------------------------------------------------------------------------------
# Every page: last update, responsible office, feedback
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("md", NAV)
def test_every_page_shows_last_update_office_and_feedback_links(full_build, md):
    meta = documents.load(ROOT / "docs" / md, ROOT).meta
    aside = soup_of(html_path(full_build.site, md)).select_one("aside.info-halaman")
    assert aside is not None and aside.find_parent("article") is None  # not copied into the PDF
    facts = [span.get_text(" ", strip=True) for span in aside.select(".info-halaman__fakta")]
    changed = facts[0].removeprefix("Pembaruan terakhir: ")
    expected = _git_day(md)
    assert changed == expected and (DATE.match(changed) or changed == site_status.UNKNOWN)
    assert facts[1] == f"Penanggung jawab: {OFFICES[meta['opd']]['nama']}"
    github, mail = aside.select(".info-halaman__masukan a")
    url = urlparse(github["href"])
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert url.netloc == "github.com" and url.path == urlparse(CONFIG["repo_url"]).path + "/issues/new"
    assert query["template"] == Path(feedback.FORM).name and query["title"] == FORM["title"] + meta["title"]
    if md in PLAN_PAGES:
        assert query.get("bab") in FORM_OPTIONS, f"{md}: pilihan bab formulir tidak cocok"
    assert mail["href"].startswith(f"mailto:{CONFIG['extra']['masukan_surel']}?subject=")


def test_build_without_git_history_works_and_says_unknown(tmp_path):
    project = tmp_path / "salinan"
    for name in ("docs", "data", "overrides", "scripts", ".github"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode == 0, build.log
    assert "WARNING" not in build.log
    rows = _table(soup_of(build.site / "index.html"), "Status penyusunan")
    assert {row[5] for row in rows} == {site_status.UNKNOWN}
    aside = soup_of(build.site / "bab-1-pendahuluan/index.html").select_one("aside.info-halaman")
    assert f"Pembaruan terakhir: {site_status.UNKNOWN}" in aside.get_text(" ", strip=True)


# ---------------------------------------------------------------------------------------------------
# Abbreviations from one glossary
# ---------------------------------------------------------------------------------------------------

GLOSSARY = abbreviations.from_glossary(ROOT / "docs" / abbreviations.GLOSSARY)


def test_glossary_table_gives_the_abbreviations():
    assert GLOSSARY["OPD"] == "Organisasi Perangkat Daerah"
    assert {"SPBE", "RPJMD", "Bimtek"} <= set(GLOSSARY)


@pytest.mark.parametrize("row, expected", [
    ("| OPD | Organisasi Perangkat Daerah |", {"OPD": "Organisasi Perangkat Daerah"}),
    ("| OPD\u00a0| Organisasi Perangkat Daerah\u00a0|", {"OPD": "Organisasi Perangkat Daerah"}),
    ("| OPD | Organisasi Perangkat Daerah |\r", {"OPD": "Organisasi Perangkat Daerah"}),
    ("|  | Tanpa singkatan |", {}),
    ("| OPD |  |", {}),
])
def test_glossary_rows_are_read_robustly(tmp_path, row, expected):
    page = tmp_path / "istilah.md"
    page.write_text("\ufeff---\ntitle: X\n---\n\n# X\n\n## Istilah\n\n| Istilah | Pengertian |\n|---|---|\n"
                    "| OPD | bukan singkatan |\n\n## Singkatan\n\n| Singkatan | Kepanjangan |\n|---|---|\n"
                    f"{row}\n", encoding="utf-8")
    assert abbreviations.from_glossary(page) == expected


@pytest.mark.parametrize("heading", ["Singkatan", "Daftar Singkatan", "1.2 daftar singkatan:"])
def test_glossary_is_read_under_every_heading_the_checks_accept(tmp_path, heading):
    """The build reads the abbreviations under each name rules.yml accepts for the section: a glossary
    headed "Daftar Singkatan" passed the checks and lost every explanation on the site."""
    page = tmp_path / "istilah.md"
    page.write_text(f"# X\n\n## {heading}\n\n| Singkatan | Kepanjangan |\n|---|---|\n| OPD | Organisasi |\n",
                    encoding="utf-8")
    assert abbreviations.from_glossary(page) == {"OPD": "Organisasi"}


@pytest.mark.parametrize("md", ["bab-1-pendahuluan.md", "bab-8-tata-kelola.md", abbreviations.GLOSSARY])
def test_abbreviations_are_explained_on_hover_from_the_glossary(full_build, md):
    found = soup_of(html_path(full_build.site, md)).select("article abbr[title]")
    assert found
    for abbr in found:
        assert GLOSSARY[abbr.get_text()] == abbr["title"]


def test_pdf_shows_abbreviations_as_plain_text(full_build):
    text = "".join(page.extract_text() or "" for page in PdfReader(full_build.pdf).pages[:30])
    assert "OPD" in text and "*[OPD]" not in text


# ---------------------------------------------------------------------------------------------------
# Sharing: descriptions and Open Graph, without the social plugin
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("md", NAV)
def test_every_page_has_its_own_description_and_open_graph_tags(full_build, md):
    soup = soup_of(html_path(full_build.site, md))
    description = soup.select_one('meta[name="description"]')["content"]
    assert 40 <= len(description) <= 160 and description != CONFIG["site_description"].strip()
    og = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
    assert og["og:description"] == description and og["og:locale"] == "id_ID"
    assert og["og:site_name"] == CONFIG["site_name"] and og["og:title"]
    url = CONFIG["site_url"] + ("" if md == "index.md" else html_path(Path(), md).parent.as_posix() + "/")
    assert og["og:url"] == url
    assert "social" not in [next(iter(p)) if isinstance(p, dict) else p for p in CONFIG["plugins"]]


# ---------------------------------------------------------------------------------------------------
# The benchmark script runs (smoke test: one repetition, site only, no Lighthouse)
# ---------------------------------------------------------------------------------------------------

def test_benchmark_script_prints_its_table_quickly():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--runs", "1", "--quick"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "| Bangun situs (detik) |" in result.stdout
    # Both stock rows, each ratio with its own label: stock on the same source, stock on our final Markdown.
    assert "| Bangun situs (detik CPU); bawaan membangun sumber `docs/` yang sama" in result.stdout
    assert "| Bangun situs (detik CPU); bawaan membangun Markdown akhir kita" in result.stdout
    # A pull request's first CI build from main's cache, for a chapter and for a programme edit.
    assert result.stdout.count("| Bangun pertama pull request di CI, ") == 2
    assert "| `/bab-6-program/` (bab terberat) |" in result.stdout
    assert "Galat konsol (semua 3 halaman yang diukur): tidak ada. Permintaan ke pihak ketiga: 0." in result.stdout
    assert "Traceback" not in result.stderr
