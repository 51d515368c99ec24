"""OPD editors' mistakes that the build used to catch in English (or not at all): a copy of the repository with
the editor's mistake, built site-only as the pull request builds it. The build stops before any page is
rendered, with the same Bahasa Indonesia lines as ``scripts/validate.py``; and the paths the messages
suggest really work in the built site."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import ROOT, html_path, run_build

LOGO = "assets/images/lambang-placeholder.svg"
ENGLISH = re.compile(r"not included in the|is not found among|Traceback|Failed to load|unrecognized relative")


def _copy_repo(target: Path) -> Path:
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def test_build_stops_on_the_mistakes_with_indonesian_lines(tmp_path):
    project = _copy_repo(tmp_path / "repo")
    docs = project / "docs"
    _append(docs / "bab-9-penutup.md", f'<img src="{LOGO}" alt="Lambang Kabupaten Bangli">')
    chapter = (docs / "bab-9-penutup.md").read_text(encoding="utf-8")
    (docs / "bab-10-tindak-lanjut.md").write_text(chapter.replace("title: Penutup", "title: Tindak Lanjut")
                                                  .replace("# Penutup", "# Tindak Lanjut"), encoding="utf-8")
    (docs / "catatan rapat.MD").write_text("# Catatan\n", encoding="utf-8")
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    for rule, where in [("GAMBAR-JALUR", "docs/bab-9-penutup.md:"), ("HALAMAN-NAVIGASI", "docs/bab-10-tindak-lanjut.md:1"),
                        ("NAMA-BERKAS", "docs/catatan rapat.MD:1")]:
        assert re.search(rf"{re.escape(where)}\S*: \[{rule}\] ", build.log), (rule, build.log)
    assert "Pemeriksaan naskah gagal" in build.log and not ENGLISH.search(build.log), build.log
    assert not (tmp_path / "site" / "bab-9-penutup" / "index.html").exists()


def test_the_suggested_image_paths_work_in_the_built_site(tmp_path):
    """GAMBAR-JALUR's advice, followed: a Markdown image from docs/ and from docs/bab-5/, and an HTML image
    written from the page's address. Every image of the built pages is a file of the site; the path the
    editor first wrote (from the file's folder, in HTML) is not."""
    project = _copy_repo(tmp_path / "repo")
    docs = project / "docs"
    _append(docs / "bab-9-penutup.md", f"![Lambang Kabupaten Bangli]({LOGO})\n\n"
                                       f'<img src="../{LOGO}" alt="Lambang Kabupaten Bangli">')
    _append(docs / "bab-5" / "index.md", f"![Lambang Kabupaten Bangli](../{LOGO})")
    site = tmp_path / "site"
    build = run_build(project, site, pdf=False)
    assert build.returncode == 0, build.log
    for page in ("bab-9-penutup.md", "bab-5/index.md"):
        html = html_path(site, page)
        folder = posixpath.dirname(html.relative_to(site).as_posix())
        sources = [img["src"] for img in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(
            "article img") if "lambang" in img["src"]]
        assert sources, page
        for src in sources:
            assert (site / posixpath.normpath(posixpath.join(folder, src))).is_file(), (page, src)
    wrong = posixpath.normpath(posixpath.join("bab-9-penutup", LOGO))  # <img src="assets/..."> from BAB IX
    assert not (site / wrong).exists()


def test_a_rebuild_from_the_kept_results_still_stops_on_a_new_mistake(tmp_path):
    """The second build of the same copy takes the checks' results from .cache/ (masterplan/site/kept.py);
    an edit made between the builds is checked all the same, and so is a page whose link it breaks."""
    project = _copy_repo(tmp_path / "repo")
    docs = project / "docs"
    _append(docs / "bab-9-penutup.md", "Lihat [isu strategis](bab-3-analisis-kesiapan.md#isu-strategis).")
    first = run_build(project, tmp_path / "site", pdf=False)
    assert first.returncode == 0, first.log
    assert (project / ".cache" / "hasil-build.json").is_file()
    chapter = docs / "bab-3-analisis-kesiapan.md"
    text = chapter.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## ") and "Isu Strategis" in line)
    chapter.write_text(text.replace(heading, heading.replace("Isu Strategis", "Isu Utama")), encoding="utf-8")
    second = run_build(project, tmp_path / "site", pdf=False)
    assert second.returncode != 0
    assert re.search(r"docs/bab-9-penutup\.md:\d+\S*: \[TAUTAN-RUSAK\] ", second.log), second.log


def test_what_the_list_and_source_checks_accept_is_published_as_the_preview_shows_it(tmp_path):
    """DAFTAR-BERTINGKAT's advice, followed (4 spaces, or Word's tab), nests on the built page as in
    GitHub's preview; a source line typed "Sumber : ..." (accepted by TABEL-SUMBER) is classed and printed
    "Sumber: ..."."""
    project = _copy_repo(tmp_path / "repo")
    _append(project / "docs" / "bab-9-penutup.md",
            "Kendala jaringan:\n\n- sinyal lemah di:\n    - Desa Batur;\n\t- Kecamatan Kintamani;\n- listrik padam.\n\n"
            "| Kecamatan | Luas (km²) |\n|---|---:|\n| Susut | 49,3 |\n\n/// table-caption\nLuas wilayah\n///\n\n"
            "Sumber : BPS Kabupaten Bangli (2024)")
    site = tmp_path / "site"
    build = run_build(project, site, pdf=False)
    assert build.returncode == 0, build.log
    page = BeautifulSoup(html_path(site, "bab-9-penutup.md").read_text(encoding="utf-8"), "html.parser")
    parent = next(li for li in page.select("article li") if li.text.startswith("sinyal lemah di:"))
    assert [li.text for li in parent.select("ul > li")] == ["Desa Batur;", "Kecamatan Kintamani;"]
    source = page.select("article p.sumber")[-1]
    assert source.text == "Sumber: BPS Kabupaten Bangli (2024)", source
