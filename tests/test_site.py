"""The built website, read back as HTML: what a reader and an editor would check."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import PDF_NAME, ROOT, heading_text, html_path, mkdocs_config, nav_files
from masterplan.model import stage_dates
from masterplan.model.numbering import roman

NAV = nav_files()


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_site_only_build_passes_strict_without_warnings(site_only_build):
    assert site_only_build.returncode == 0, site_only_build.log
    assert "WARNING" not in site_only_build.log
    assert "Traceback" not in site_only_build.log
    assert not (site_only_build.site / "pdf" / PDF_NAME).exists()


def test_full_build_has_no_warnings(full_build):
    assert "WARNING" not in full_build.log
    assert "semua halaman navigasi ada" in full_build.log


@pytest.mark.parametrize("md", NAV)
def test_every_nav_page_is_built_in_indonesian(full_build, md):
    page = html_path(full_build.site, md)
    assert page.is_file(), f"{md} tidak dibangun"
    soup = soup_of(page)
    assert soup.html["lang"] == "id"
    assert len(soup.select("article h1")) == 1


@pytest.mark.parametrize("md", NAV)
def test_edit_button_opens_the_github_web_editor_for_that_file(full_build, md):
    config = mkdocs_config()
    soup = soup_of(html_path(full_build.site, md))
    edit = soup.select_one('a.md-content__button[rel="edit"]')
    assert edit is not None
    assert edit["href"] == f"{config['repo_url']}/{config['edit_uri']}{md}"
    assert "/edit/main/docs/" in edit["href"]


@pytest.mark.parametrize("md", NAV)
def test_every_page_has_a_visible_pdf_download_link_that_resolves(full_build, md):
    page = html_path(full_build.site, md)
    link = soup_of(page).select_one("a.tombol-unduh-pdf")
    assert link is not None and "Unduh PDF" in link.get_text()
    target = (page.parent / link["href"]).resolve()
    assert target == full_build.pdf.resolve() and target.is_file()


def _external(url: str) -> bool:
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") or url.strip().startswith("//")


def test_site_references_no_external_host_except_hyperlinks(full_build):
    """Scripts, styles, fonts, images and frames are all served from the site itself."""
    offenders = []
    for page in full_build.site.rglob("*.html"):
        soup = soup_of(page)
        for tag in soup.find_all(True):
            for attribute in ("src", "srcset", "data", "poster", "action"):
                if tag.has_attr(attribute) and _external(tag[attribute]):
                    offenders.append(f"{page}: <{tag.name} {attribute}={tag[attribute]}>")
            own = tag.get("rel") == ["canonical"] and tag["href"].startswith(mkdocs_config()["site_url"])
            if tag.name == "link" and tag.has_attr("href") and _external(tag["href"]) and not own:
                offenders.append(f"{page}: <link href={tag['href']}>")
            if tag.has_attr("style") and re.search(r"url\(\s*['\"]?(https?:)?//", tag["style"]):
                offenders.append(f"{page}: style {tag['style']}")
        assert soup.select('[data-md-component="source"]') == [], "repo facts would be fetched from GitHub"
    for sheet in full_build.site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for match in re.finditer(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
            offenders.append(f"{sheet}: {match.group(1)}")
    assert offenders == []


def test_fonts_come_from_the_repository(full_build):
    css = (full_build.site / "assets" / "css" / "bangli.css").read_text(encoding="utf-8")
    fonts = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert fonts and all((full_build.site / "assets" / "fonts" / f).is_file() for f in fonts)


def test_no_placeholder_text_in_the_plan(full_build):
    # The editors' guide (panduan/) shows placeholder text on purpose, as the wrong example of its rule.
    for md in (m for m in NAV if not m.startswith("panduan/")):
        text = soup_of(html_path(full_build.site, md)).get_text(" ").lower()
        assert "lorem ipsum" not in text and "[isi di sini]" not in text, md


def test_chapters_carry_their_bab_label_and_section_numbers(full_build):
    soup = soup_of(html_path(full_build.site, "bab-1-pendahuluan.md"))
    h1 = soup.select_one("article h1")
    assert h1.select_one(".label-bab").get_text() == "BAB I"
    assert [heading_text(h).split()[0] for h in soup.select("article h2")][:2] == ["1.1", "1.2"]
    dimension = soup_of(html_path(full_build.site, "bab-5/smart-governance.md"))
    assert dimension.select_one("article h1 .label-bagian").get_text().startswith("5.")
    nav_labels = [a.get_text(" ", strip=True) for a in soup.select(".md-nav__link")]
    assert any(label.startswith("BAB V ") for label in nav_labels)


def test_unverified_facts_are_visibly_marked(full_build):
    marked = [p for p in full_build.site.rglob("*.html") if soup_of(p).select(".perlu-verifikasi")]
    assert marked, "no page shows a 'perlu verifikasi' badge"
    for page in marked:
        assert "(perlu verifikasi" not in soup_of(page).get_text(), page


def test_kata_pengantar_is_a_draft_signed_from_configuration(full_build):
    plan = mkdocs_config()["extra"]["rencana"]
    soup = soup_of(html_path(full_build.site, "kata-pengantar.md"))
    text = soup.get_text(" ", strip=True)
    assert "Draf untuk ditandatangani" in text
    block = soup.select_one(".blok-tanda-tangan")
    assert plan["penandatangan"]["nama"].upper() in block.get_text()
    assert plan["penandatangan"]["jabatan"].upper() in block.get_text()


# The pages whose prose names the edition ([[edisi]]), and the source line of the programme views.
EDITION_PAGES = ["kata-pengantar.md", "ringkasan-eksekutif.md", "bab-1-pendahuluan.md", "bab-5/index.md",
                 "bab-9-penutup.md"]


def test_the_prose_names_the_edition_the_cover_names(full_build, pdf_pages_text):
    """A maintainer's report: the tahap-3 PDF's cover said "Draf Tahap III, Maret 2027" while the Kata
    Pengantar still said "draf Tahap II, pemutakhiran Desember 2026", typed in the page. Both now come
    from mkdocs.yml (extra.rencana.tahap) and data/tahapan.yml; no page shows the marker itself."""
    plan = mkdocs_config()["extra"]["rencana"]
    date, stage, final = stage_dates.stage_date(ROOT, plan["tahap"]), roman(plan["tahap"]), plan["status"] == "final"
    assert date.label(stage, final) in " ".join(pdf_pages_text[0].split())  # "Draf Tahap II, pemutakhiran ..."
    prose = date.label(stage, final, draft="draf")
    for md in EDITION_PAGES:
        assert prose in " ".join(soup_of(html_path(full_build.site, md)).article.get_text(" ").split()), md
    programmes = " ".join(soup_of(html_path(full_build.site, "bab-6-program.md")).article.get_text(" ").split())
    assert f"Sumber: Usulan Tim Penyusun ({prose});" in programmes
    shown = [md for md in NAV if "[[edisi]]" in soup_of(html_path(full_build.site, md)).article.get_text()
             and not md.startswith("panduan/")]  # the editors' guide shows the marker, in code
    assert shown == []


def test_tables_have_numbered_captions_above_and_a_source_line(full_build):
    soup = soup_of(html_path(full_build.site, "bab-2-gambaran-umum.md"))
    figures = soup.select("figure.tabel")
    assert figures
    for number, figure in enumerate(figures, start=1):
        children = [c for c in figure.children if getattr(c, "name", None)]
        assert children[0].name == "figcaption"
        assert children[0].get_text().strip().startswith(f"Tabel 2.{number} ")
        following = figure.find_next_sibling()
        assert following is not None and "sumber" in following.get("class", [])


def test_one_page_lists_every_perlu_verifikasi_marker_with_its_file_and_line(full_build):
    page = soup_of(html_path(full_build.site, "panduan/perlu-verifikasi.md"))
    places = [row.find_all("td")[1].get_text() for row in page.select("article table tbody tr")]
    expected = 0
    for md in NAV:
        if not md.startswith("panduan/"):
            expected += (ROOT / "docs" / md).read_text(encoding="utf-8").lower().count("(perlu verifikasi")
    assert len(places) == expected > 0
    for place in places:
        path, line = place.rsplit(":", 1)
        assert "(perlu verifikasi" in (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1].lower()


def test_the_editors_guide_folder_is_named_once_and_left_out_of_the_pdf():
    """The folder of the editors' guide is spelled once in the code (problems.EDITORS_GUIDE); the PDF
    plugin's exclude_pages in mkdocs.yml (read by mkdocs-with-pdf, which cannot import it) and the guide's
    page kind in rules.yml must name that same folder, or the guide would be printed or checked as a chapter."""
    from masterplan.model import rules
    from masterplan.model.problems import EDITORS_GUIDE
    from masterplan.pdf.check import in_pdf
    from masterplan.publish.change_report import page_url, website_only

    excluded = website_only(ROOT)
    guide = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs" / EDITORS_GUIDE).glob("*.md"))
    assert guide and not any(in_pdf(page_url(page), excluded) for page in guide)
    assert all(rules.load().kind_of(page).key == "panduan" for page in guide)
