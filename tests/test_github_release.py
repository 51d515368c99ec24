"""Release rehearsal: a copy of the project in a fresh git repository is released as tahap-1, its draft
published from main, then released as tahap-2, with scripts/release.sh exactly as the workflows call it
(without --push; tahap-1 and the draft without the PDF, to keep the rehearsal short: tahap-2 makes the
one PDF whose name and stable address are checked). The gh-pages branch is then served over http the way
GitHub Pages serves it (its root 404.html for every missing address) and read in Debian Chromium at
360 and 1280 px, and the offline zip is opened from file:// with all network blocked.

Screenshots for people to look at: tests/output/screenshots/tahap-lama-{360,1280}.png (an older stage
with its banner and version selector), tahap-lama-gelap-360.png (the same in dark mode), draf-{360,1280}.png
(the draft's notice) and luring-cari-360.png (the offline copy's search)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse
from urllib.request import urlopen

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from checks_util import copy_project
from conftest import OUTPUT, ROOT, mkdocs_config
from masterplan.devtools import browser as chromium
from masterplan.devtools.local_server import serve
from masterplan.model import stage_dates, stages
from masterplan.pdf import worksheets
from masterplan.publish import offline as offline_copy, release  # `offline` is the fixture below

SCREENSHOTS = OUTPUT / "screenshots"

NEW_SECTION = "Bagian Gladi Rilis"
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "output", ".pytest_cache", "__pycache__", "dist")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout.decode()


def blob(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), "show", f"gh-pages:{path}"], check=True,
                          capture_output=True).stdout


def set_stage(repo: Path, number: int) -> None:
    config = repo / "mkdocs.yml"
    text, count = re.subn(r"(?m)^(    tahap: )\d+$", rf"\g<1>{number}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")


def release_sh(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/release.sh", *args], cwd=repo, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory):
    """The repository after releasing tahap-1, publishing the draft, and releasing tahap-2."""
    repo = tmp_path_factory.mktemp("gladi") / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE, symlinks=True)
    (repo / ".venv").symlink_to(ROOT / ".venv")  # the same installed tools; setup.sh finds them ready
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Gladi")
    git(repo, "config", "user.email", "gladi@example.org")
    set_stage(repo, 1)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Tahap 1")
    git(repo, "tag", "tahap-1")
    logs = {"tahap-1": release_sh(repo, "tahap-1", "--keluaran", "dist-1", "--tanpa-pdf")}
    chapter = repo / "docs" / "bab-2-gambaran-umum.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") +
                       f"\n## {NEW_SECTION}\n\nParagraf tambahan hasil Bimtek tahap 2 di Kabupaten Bangli.\n",
                       encoding="utf-8")
    git(repo, "commit", "-qam", "Isi baru")
    tahap1_tree = git(repo, "rev-parse", "gh-pages:tahap-1")
    logs["draf"] = release_sh(repo, "draf", "--tanpa-pdf")
    after_draft = git(repo, "rev-parse", "gh-pages:tahap-1"), git(repo, "rev-parse", "gh-pages:terbaru")
    set_stage(repo, 2)
    git(repo, "commit", "-qam", "Tahap 2")
    git(repo, "tag", "tahap-2")
    logs["tahap-2"] = release_sh(repo, "tahap-2", "--keluaran", "dist-2")
    return repo, logs, tahap1_tree, after_draft


STAGE_PDF = f"{stages.PDF_STEM}-Tahap-2.pdf"
STAGE_SHEETS = worksheets.file_name(STAGE_PDF)  # the Daftar Kebutuhan Data's worksheets of the stage
STAGE_DATE = str(yaml.safe_load((ROOT / stage_dates.STAGES_FILE).read_text(encoding="utf-8"))[2]["tanggal_dokumen"])
SITE_URL = mkdocs_config()["site_url"]


def test_each_release_step_succeeds_and_pushes_nothing(rehearsal):
    repo, logs, _, _ = rehearsal
    for name, result in logs.items():
        assert result.returncode == 0, f"{name}:\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr
    assert git(repo, "remote").strip() == ""
    assert "WARNING" not in logs["tahap-2"].stderr
    # Nothing is left beside mkdocs.yml (the offline copy once wrote a temporary .mkdocs-luring.yml there):
    # besides what git ignores (site/, .cache/), only the output folders the commands were given.
    assert git(repo, "status", "--porcelain").splitlines() == ["?? dist-1/", "?? dist-2/"]


def test_gh_pages_has_both_stages_the_alias_the_draft_and_the_root_pages(rehearsal):
    repo = rehearsal[0]
    root = set(git(repo, "ls-tree", "--name-only", "gh-pages").split())
    assert root == {"tahap-1", "tahap-2", "terbaru", "draf", "index.html", "404.html", "versions.json", "CNAME",
                    ".nojekyll"}
    versions = {v["version"]: v for v in json.loads(blob(repo, "versions.json"))}
    assert versions["tahap-2"]["aliases"] == [stages.LATEST_ALIAS] and versions["tahap-2"]["title"] == "Tahap 2"
    assert versions["tahap-1"]["aliases"] == [] and versions["tahap-1"]["title"] == "Tahap 1"
    assert versions["draf"]["aliases"] == [] and versions["draf"]["title"] == "Draf (belum dirilis)"
    # The alias is a copy of tahap-2, plus the newest PDF under its stable name.
    newest = git(repo, "ls-tree", "-r", "gh-pages:tahap-2").splitlines()
    alias = git(repo, "ls-tree", "-r", "gh-pages:terbaru").splitlines()
    stable = release.stable_pdf_path(mkdocs_config()).removeprefix(f"{stages.LATEST_ALIAS}/")
    assert [line for line in alias if not line.endswith(f"\t{stable}")] == newest and len(alias) == len(newest) + 1
    redirect = BeautifulSoup(blob(repo, "index.html"), "html.parser")
    assert redirect.html["lang"] == "id" and mkdocs_config()["site_name"] in redirect.title.get_text()
    assert redirect.select_one('link[rel="canonical"]')["href"] == "terbaru/"
    assert redirect.select_one('meta[name="robots"]')["content"] == "noindex"


def test_cname_comes_from_site_url(rehearsal):
    assert blob(rehearsal[0], "CNAME").decode() == urlparse(SITE_URL).hostname + "\n"


def test_draft_does_not_touch_released_stages(rehearsal):
    repo, _, tahap1_before, (tahap1_after_draft, latest_after_draft) = rehearsal
    assert tahap1_after_draft == tahap1_before == git(repo, "rev-parse", "gh-pages:tahap-1")
    assert latest_after_draft == tahap1_before  # the alias still pointed at tahap-1 after the draft
    draft = BeautifulSoup(blob(repo, "draf/bab-2-gambaran-umum/index.html"), "html.parser")
    assert NEW_SECTION in draft.get_text()
    # A released stage's home page names the stage it is the result of; only the draft's is under way.
    old_home = BeautifulSoup(blob(repo, "tahap-1/index.html"), "html.parser").select_one(".admonition-title")
    assert old_home.get_text().strip() == "Versi ini: hasil Tahap I dari IV"
    draft_home = BeautifulSoup(blob(repo, "draf/index.html"), "html.parser").select_one(".admonition-title")
    assert draft_home.get_text().strip().endswith("sedang berjalan")


@pytest.mark.parametrize("version", ["tahap-1", "tahap-2", "draf"])
def test_canonical_og_url_and_sitemap_point_at_the_versions_own_address(rehearsal, version):
    repo = rehearsal[0]
    own = f"{SITE_URL}{version}/"
    soup = BeautifulSoup(blob(repo, f"{version}/bab-2-gambaran-umum/index.html"), "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"] == own + "bab-2-gambaran-umum/"
    assert soup.select_one('meta[property="og:url"]')["content"] == own + "bab-2-gambaran-umum/"
    sitemap = re.findall(r"<loc>([^<]+)</loc>", blob(repo, f"{version}/sitemap.xml").decode())
    assert sitemap and all(url.startswith(own) for url in sitemap)
    # the draft is no published plan: search engines list the released stages only
    assert (soup.select_one('meta[name="robots"][content="noindex"]') is not None) == (version == "draf")


def test_feedback_links_carry_the_stage_and_the_page_read(rehearsal):
    soup = BeautifulSoup(blob(rehearsal[0], "tahap-1/bab-2-gambaran-umum/index.html"), "html.parser")
    github, mail = soup.select(".info-halaman__masukan a")
    issue = {key: values[0] for key, values in parse_qs(urlparse(github["href"]).query).items()}
    page = f"{SITE_URL}tahap-1/bab-2-gambaran-umum/"
    assert issue["title"].endswith("(Tahap 1)") and issue["dibaca"] == f"Tahap 1, {page}"
    mailto = {key: values[0] for key, values in parse_qs(urlparse(mail["href"]).query).items()}
    assert "(Tahap 1)" in mailto["subject"]
    assert "Versi: Tahap 1" in mailto["body"] and f"Halaman: {page}" in mailto["body"]


def test_the_stage_pdf_carries_the_stage_in_its_name_and_one_stable_address_leads_to_it(rehearsal, pages):
    repo = rehearsal[0]
    stage_pdf = blob(repo, f"tahap-2/pdf/{STAGE_PDF}")
    assert stage_pdf == (repo / "dist-2" / STAGE_PDF).read_bytes()
    assert "Tahap II" in PdfReader(io.BytesIO(stage_pdf)).pages[0].extract_text()  # the cover
    button = BeautifulSoup(blob(repo, "tahap-2/bab-1-pendahuluan/index.html"), "html.parser")
    assert button.select_one("a.tombol-unduh-pdf")["href"] == f"../pdf/{STAGE_PDF}"
    # One stable address gives the newest stage's PDF itself to a plain GET (GitHub Pages has no server
    # redirects; a forwarding page is HTML to a download tool).
    stable = release.stable_pdf_path(mkdocs_config())
    assert stable == f"terbaru/pdf/{stages.PDF_STEM}.pdf"
    with urlopen(pages + stable) as response:
        assert response.headers["Content-Type"] == "application/pdf" and response.read() == stage_pdf
    # The draft carries no PDF of its own: its home page offers the newest stage's, at the stable address.
    home = BeautifulSoup(blob(repo, "draf/index.html"), "html.parser").select_one("p.info-pdf a")
    assert home["href"] == f"../{stable}" and "Unduh PDF Tahap" in home.get_text()


def test_release_files_are_the_stage_pdf_the_site_zip_and_the_notes(rehearsal):
    repo = rehearsal[0]
    assert {p.name for p in (repo / "dist-1").iterdir()} == {f"{stages.PDF_STEM}-Tahap-1-situs.zip", release.NOTES}
    assert {p.name for p in (repo / "dist-2").iterdir()} == {STAGE_PDF, f"{stages.PDF_STEM}-Tahap-2-situs.zip",
                                                            release.NOTES, STAGE_SHEETS}
    notes = (repo / "dist-2" / release.NOTES).read_text(encoding="utf-8")
    # For citizens on the GitHub release page: the page and the section at the stage's address, no file.
    page_url = f"{SITE_URL.rstrip('/')}/tahap-2/bab-2-gambaran-umum/"
    added = re.search(rf"\| \[{NEW_SECTION}\]\({re.escape(page_url)}#([\w-]+)\) \| ditambahkan \|", notes)
    assert "## Tahap 1 → Tahap 2" in notes and added, notes
    assert "docs/" not in notes and "Berkas" not in notes
    chapter = BeautifulSoup(blob(repo, "tahap-2/bab-2-gambaran-umum/index.html"), "html.parser")
    assert NEW_SECTION in chapter.find(id=added[1]).get_text()  # the anchor is the heading's own id
    first = (repo / "dist-1" / release.NOTES).read_text(encoding="utf-8")
    assert "Rilis pertama" in first
    # tahap-1 was rehearsed with --tanpa-pdf: its notes announce the one file it made, no PDF.
    assert ".pdf" not in first and f"Lampiran rilis: salinan situs yang dapat dibuka tanpa internet " \
                                   f"(`{stages.PDF_STEM}-Tahap-1-situs.zip`" in first
    assert all(f"(`{name}`" in notes for name in (STAGE_PDF, STAGE_SHEETS)), notes


def test_history_page_of_the_new_stage_shows_the_change(rehearsal):
    soup = BeautifulSoup(blob(rehearsal[0], "tahap-2/panduan/riwayat-perubahan/index.html"), "html.parser")
    text = soup.select_one("article").get_text(" ")
    assert "Tahap 1 → Tahap 2" in text and NEW_SECTION in text


@pytest.fixture(scope="module")
def offline(rehearsal, tmp_path_factory) -> Path:
    """The tahap-2 offline zip, extracted: its top folder."""
    target = tmp_path_factory.mktemp("luring")
    with zipfile.ZipFile(rehearsal[0] / "dist-2" / f"{stages.PDF_STEM}-Tahap-2-situs.zip") as archive:
        archive.extractall(target)
    return target / f"{stages.PDF_STEM}-Tahap-2-situs"


def test_site_zip_has_relative_links_and_references_no_other_host(offline):
    top = offline
    assert (top / "index.html").is_file() and (top / "pdf" / STAGE_PDF).is_file()
    assert (top / "pdf" / STAGE_SHEETS).is_file(), "the worksheets of the stage beside its PDF"
    assert (top / "search" / "search_index.js").is_file(), "offline search index"
    assert (top / offline_copy.SHIM_IN_SITE).is_file(), "iframe-worker shim shipped inside"
    # 404.html is served by a web server for missing addresses; its links are absolute by design.
    pages = sorted(p for p in top.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    broken, hosts = [], []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, **{attribute: True}):
                url = urlparse(element[attribute])
                # Only hyperlinks the reader may follow, and the canonical address of this stage's
                # published copy (metadata, never fetched), name a host.
                own = element.get("rel") == ["canonical"] and element[attribute].startswith(f"{SITE_URL}tahap-2/")
                if tag != "a" and (url.scheme in ("http", "https") or url.netloc) and not own:
                    hosts.append(f"{page.relative_to(top)}: {element[attribute]}")
                if url.scheme or url.netloc or not url.path:
                    continue
                target = (page.parent / unquote(url.path)).resolve()
                if url.path.startswith("/") or not target.is_file() or top not in target.parents:
                    broken.append(f"{page.relative_to(top)}: {element[attribute]}")
    assert broken == [] and hosts == []
    # Material's offline plugin would add https://unpkg.com/iframe-worker/shim to every page.
    assert [p for p in top.rglob("*.html") if "unpkg" in p.read_text("utf-8")] == []


# ---------------------------------------------------------------------------------------------------
# What a reader sees: gh-pages served over http, Debian Chromium
# ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages(rehearsal, tmp_path_factory):
    """The gh-pages branch served on 127.0.0.1 like GitHub Pages (root 404.html for a missing address)."""
    folder = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(["git", "-C", str(rehearsal[0]), "archive", "gh-pages"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    with serve(folder, not_found=folder / "404.html") as served:
        yield served.url


def _page(browser, viewport=chromium.DESKTOP):
    page = browser.new_page(viewport=viewport, has_touch=viewport["width"] < 768)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def _serious(page, axe) -> list[dict]:
    return [v for v in chromium.axe_violations(page, axe) if v["impact"] in chromium.SERIOUS]


BANNER = "[data-md-component=outdated]"
PHONE = dict(chromium.MOBILE, height=780)  # 360x780, touch
NOTICE = ".md-banner .pemberitahuan-versi"  # the draft's and the offline copy's notice above the header

# The site name in the header and the version selector beside it (Material puts the selector after the
# name): the name's visible box, and what of it shows.
HEADER = """() => { const name = document.querySelector('.md-header__topic:first-child > .md-ellipsis');
  const box = name.getBoundingClientRect(), selector = document.querySelector('.md-version__current');
  const other = selector ? selector.getBoundingClientRect() : null;
  return {width: Math.round(box.width), shown: name.clientWidth / name.scrollWidth,
          overlap: other ? !(other.top >= box.bottom || other.left >= box.right || other.right <= box.left) : false,
          selectorHeight: other ? Math.round(other.height) : null}; }"""

# WCAG contrast of an element's text against the first opaque background behind it.
CONTRAST = """element => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let back = element;
  while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(element).color)), lum(rgb(getComputedStyle(back).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }"""


@pytest.mark.parametrize("viewport", [PHONE, chromium.DESKTOP], ids=["360", "1280"])
def test_older_stage_shows_the_selector_and_a_banner_naming_the_newest_stage(browser, pages, axe_js, viewport):
    page = _page(browser, viewport)
    try:
        page.goto(pages + "tahap-1/bab-2-gambaran-umum/", wait_until="networkidle")
        banner = page.locator(BANNER)
        banner.get_by_text("Apa yang berubah").wait_for()
        assert banner.is_visible()
        assert "Anda membaca Tahap 1" in banner.inner_text() and "Versi terbaru: Tahap 2" in banner.inner_text()
        selector = page.locator(".md-version__current")
        assert selector.is_visible() and selector.inner_text().strip() == "Tahap 1"
        # Each stage by name, the newest marked by its alias (extra.version.alias).
        listed = page.locator(".md-version__list .md-version__link").evaluate_all(
            "links => links.map(a => [a.firstChild.textContent.trim(),"
            " (a.querySelector('.md-version__alias') || {}).textContent || null])")
        assert listed == [["Tahap 2", "terbaru"], ["Tahap 1", None], ["Draf (belum dirilis)", None]]
        # The stage being read is marked in the list (aria-current, underlined with a bar).
        page.locator(".md-version__link[aria-current]").wait_for(state="attached")
        assert page.locator(".md-version__link[aria-current]").evaluate_all(
            "links => links.map(a => a.firstChild.textContent.trim())") == ["Tahap 1"]
        # The whole site name, "Bangli" included (it was cut to "Rencana Induk Smart Cit…" at 360 px).
        name = page.locator(".md-header__topic:first-child > .md-ellipsis")
        assert name.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 1")
        assert name.inner_text().split() == mkdocs_config()["site_name"].split()
        named, bar = name.bounding_box(), page.locator(".md-header").bounding_box()
        assert named["y"] + named["height"] <= bar["y"] + bar["height"], (named, bar)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"tahap-lama-{viewport['width']}.png"))
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        header = page.evaluate(HEADER)  # the site name stays readable beside the selector
        assert header["width"] >= 170 and not header["overlap"], header
        if viewport is PHONE:  # a finger's target (WCAG 2.2, 2.5.8: 24 px)
            assert header["selectorHeight"] >= 24, header
        # Released without the PDF (--tanpa-pdf): no download button that leads nowhere.
        assert page.locator(".tombol-unduh-pdf").count() == 0
        # Its source at the stage's tag, no edit button: a released stage is not edited.
        assert page.locator("a[rel=edit]").count() == 0
        assert page.locator("article a.md-content__button").get_attribute("href") == \
            f"{mkdocs_config()['repo_url']}/blob/tahap-1/docs/bab-2-gambaran-umum.md"
        assert page.locator(NOTICE).count() == 0  # no draft or offline notice on a released stage
        # Dark mode: the banner in dark colours, text and links readable (WCAG AA 4.5:1).
        page.locator("form[data-palet] label:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert chromium.wait_until_still(page)  # the theme fades colours into the new scheme
        box = page.locator(f"{BANNER} .md-banner--warning")
        assert sum(chromium_rgb(box.evaluate("e => getComputedStyle(e).backgroundColor"))) < 3 * 100
        for part in (box.locator("span").first, box.locator("a").first, box.locator("a").last):
            assert part.evaluate(CONTRAST) >= 4.5
        assert _serious(page, axe_js) == [], chromium.describe(_serious(page, axe_js))
        if viewport is PHONE:
            page.screenshot(path=str(SCREENSHOTS / "tahap-lama-gelap-360.png"))
        assert page.errors == []
    finally:
        page.close()


def chromium_rgb(color: str) -> list[int]:
    """``rgb(61, 49, 0)`` as ``[61, 49, 0]``."""
    return [int(float(v)) for v in re.findall(r"[\d.]+", color)[:3]]


@pytest.mark.parametrize("viewport", [PHONE, chromium.DESKTOP], ids=["360", "1280"])
def test_every_draft_page_says_it_is_no_official_version_and_links_the_newest_stage(browser, pages, viewport):
    page = _page(browser, viewport)
    try:
        page.goto(pages + "draf/bab-2-gambaran-umum/", wait_until="networkidle")
        notice = page.locator(NOTICE)
        assert notice.is_visible() and notice.inner_text().startswith("Draf belum resmi")
        # Built when tahap-1 was the newest stage; versions.json now names tahap-2, and the same page there.
        link = notice.get_by_role("link", name="Tahap 2")
        link.wait_for()
        assert "Versi terbit terakhir: Tahap 2" in notice.inner_text()
        assert link.get_attribute("href") == pages + "terbaru/bab-2-gambaran-umum/"
        header = page.evaluate(HEADER)  # beside the longest label, "Draf (belum dirilis)"
        assert header["width"] >= 170 and not header["overlap"], header
        # The draft's buttons lead to main: edit in GitHub's editor, view the text.
        assert "/edit/main/docs/bab-2-gambaran-umum.md" in page.locator("a[rel=edit]").get_attribute("href")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"draf-{viewport['width']}.png"))
        assert page.errors == []
    finally:
        page.close()


def test_selector_on_a_phone_takes_the_reader_to_the_same_page_in_the_chosen_stage(browser, pages):
    page = _page(browser, PHONE)
    try:
        page.goto(pages + "tahap-1/bab-5/smart-economy/", wait_until="networkidle")
        page.locator(".md-version__current").tap()
        page.locator(".md-version__link", has_text="Tahap 2").tap()
        page.wait_for_url(pages + "tahap-2/bab-5/smart-economy/")
        assert not page.locator(BANNER).is_visible()
    finally:
        page.close()


def test_banner_links_to_the_same_page_in_the_newest_stage_and_to_what_changed(browser, pages, axe_js):
    page = _page(browser, PHONE)
    try:
        page.goto(pages + "tahap-1/bab-2-gambaran-umum/", wait_until="networkidle")
        page.locator(BANNER).get_by_text("Apa yang berubah").wait_for()
        assert _serious(page, axe_js) == [], chromium.describe(_serious(page, axe_js))
        page.locator(BANNER).get_by_role("link", name="Buka halaman ini di Tahap 2").click()
        page.wait_for_load_state("networkidle")
        assert page.url == pages + "terbaru/bab-2-gambaran-umum/"
        assert page.locator(f"h2:has-text('{NEW_SECTION}')").count() == 1
        page.goto(pages + "tahap-1/bab-2-gambaran-umum/", wait_until="networkidle")
        page.locator(BANNER).get_by_role("link", name="Apa yang berubah sejak Tahap 1").click()
        page.wait_for_load_state("networkidle")
        assert page.url == pages + "terbaru/panduan/apa-yang-berubah/#sejak-tahap-1"
        section = page.locator("#sejak-tahap-1")
        assert "Tahap 1 → Tahap 2" in section.inner_text()
        article = page.locator("article").inner_text()
        assert NEW_SECTION in article
        assert not re.search(r"\bgit\b|\btag\b|docs/|\.md\b", article)  # readers' words, no developers'
        # A reader's page, in the navigation outside the editors' guide.
        entry = page.locator(".md-nav--primary .md-nav__link--active", has_text="Apa yang Berubah").first
        assert entry.count() == 1 and "Panduan Penyunting" not in entry.evaluate(
            "e => e.closest('.md-nav__item--section, .md-nav__item--nested')?.innerText ?? ''")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360  # its tables fit the phone
        assert _serious(page, axe_js) == [], chromium.describe(_serious(page, axe_js))
        # Last in the navigation: no "Selanjutnya" into the editors' guide.
        assert page.locator(".md-footer__link--next").count() == 0
        # A changed section's name opens the page at that section.
        page.locator("article table a", has_text=NEW_SECTION).first.click()
        page.wait_for_load_state("networkidle")
        assert page.url.startswith(pages + "terbaru/bab-2-gambaran-umum/#")
        assert NEW_SECTION in page.locator("#" + page.url.split("#")[1]).inner_text()
        page.go_back(wait_until="networkidle")
        # The changed page's name opens that page.
        page.locator("article h3 a", has_text="Gambaran Umum").first.click()
        page.wait_for_load_state("networkidle")
        assert page.url == pages + "terbaru/bab-2-gambaran-umum/"
    finally:
        page.close()


def test_banner_says_so_when_the_page_is_not_in_the_newest_stage(browser, pages):
    page = _page(browser)
    try:
        # As if the page had been removed in tahap-2.
        page.route("**/terbaru/kata-pengantar/", lambda route: route.fulfill(status=404, body="tidak ada"))
        page.goto(pages + "tahap-1/kata-pengantar/", wait_until="networkidle")
        link = page.locator(BANNER).get_by_role("link", name="Buka Tahap 2 (halaman ini tidak ada di sana)")
        link.wait_for()
        assert link.get_attribute("href") == pages + "terbaru/"
    finally:
        page.close()


@pytest.mark.parametrize("path", ["tahap-2/", "terbaru/bab-2-gambaran-umum/", "draf/bab-2-gambaran-umum/"])
def test_no_banner_on_the_newest_stage_or_the_draft(browser, pages, path):
    page = _page(browser)
    try:
        page.goto(pages + path, wait_until="networkidle")
        page.locator(".md-version__current").wait_for()
        assert not page.locator(BANNER).is_visible()
        assert page.locator(NOTICE).count() == (1 if path.startswith("draf/") else 0)
        # tahap-2 was released with its PDF: the button leads to it.
        assert page.locator(".tombol-unduh-pdf").count() == (0 if path.startswith("draf/") else 1)
        if not path.startswith("draf/"):  # on a phone, a thumb-sized button (it was 28 px tall)
            page.set_viewport_size(PHONE)
            assert page.locator(".tombol-unduh-pdf").bounding_box()["height"] >= 44
        assert page.errors == []
    finally:
        page.close()


def test_root_redirects_to_the_newest_stage_and_is_in_indonesian(browser, pages, axe_js):
    page = _page(browser)
    try:
        page.goto(pages, wait_until="networkidle")
        assert page.url == pages + "terbaru/"
        # The redirect page itself, held in place: a navigation answered "204 No Content" goes nowhere.
        page.route("**/terbaru/", lambda route: route.fulfill(status=204))
        page.goto(pages + "index.html", wait_until="commit")  # its "load" waits for the way out
        page.wait_for_function("document.readyState === 'complete'")
        assert page.url == pages + "index.html"
        assert page.evaluate("document.documentElement.lang") == "id"
        assert _serious(page, axe_js) == [], chromium.describe(_serious(page, axe_js))
    finally:
        page.close()


@pytest.mark.parametrize("path", ["bab-5/smart-economy/", "bab-2-gambaran-umum/#2-2-kependudukan"])
def test_an_address_without_version_lands_on_the_newest_version(browser, pages, path):
    page = _page(browser, PHONE)
    try:
        page.goto(pages + path, wait_until="networkidle")
        page.wait_for_url(pages + "terbaru/" + path)
        assert page.locator("article h1").is_visible()
    finally:
        page.close()


@pytest.mark.parametrize("path, home", [("tidak-ada/sama-sekali/", "terbaru/"), ("tahap-1/tidak-ada/", "tahap-1/")])
def test_missing_address_gets_an_indonesian_404_with_search_and_home(browser, pages, axe_js, path, home):
    page = _page(browser, PHONE)
    try:
        response = page.goto(pages + path, wait_until="networkidle")
        assert response.status == 404 and page.url == pages + path
        assert page.evaluate("document.documentElement.lang") == "id"
        assert page.locator("article h1").inner_text() == "Halaman tidak ditemukan"
        _has_the_site_theme(page)
        assert _serious(page, axe_js) == [], chromium.describe(_serious(page, axe_js))
        assert page.locator("a#beranda").get_attribute("href") == urlparse(pages + home).path
        # Built from the stable alias (tahap-2's folder goes old after Tahap 3); inside an older stage the
        # header and menu lead into that stage, and no selector names another one.
        hrefs = page.locator("a[href]:not(.md-version__link)").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")  # the selector lists every stage by its folder
        assert not [h for h in hrefs if "/tahap-2/" in h], hrefs
        if home == "tahap-1/":
            menu = page.locator(".md-nav--primary a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            assert menu and all(h.startswith("/tahap-1/") for h in menu if h.startswith("/")), menu
            assert not page.locator(".md-version").is_visible()
        else:
            assert page.locator(".md-version__current").inner_text().startswith("Tahap 2")
        page.get_by_label("Cari di dokumen").fill("Kintamani")
        page.get_by_role("button", name="Cari").click()
        page.wait_for_url(pages + home + "?q=Kintamani")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.errors == []
    finally:
        page.close()


def test_versioned_404_page_loads_its_own_assets(browser, pages):
    page = _page(browser)
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    try:
        page.goto(pages + "draf/404.html", wait_until="networkidle")
        assert failed == [pages + "draf/404.html"] or failed == []
        assert page.locator("article h1").inner_text() == "Halaman tidak ditemukan"
        _has_the_site_theme(page)
    finally:
        page.close()


def _has_the_site_theme(page) -> None:
    """The site's font, its green header with the site name, and its palette toggle."""
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Source Sans 3"')
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Source Sans 3') && f.status === 'loaded')")
    header = page.locator("header.md-header")
    assert header.is_visible() and mkdocs_config()["site_name"] in header.inner_text()
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(31, 92, 61)"  # #1f5c3d
    assert page.locator("form[data-palet]").count() == 1


# ---------------------------------------------------------------------------------------------------
# The offline copy from file:// with the network off
# ---------------------------------------------------------------------------------------------------

FONT_LOADED = """() => [...document.fonts].filter(f => f.family.includes('Source Sans 3') && f.status === 'loaded')
  .map(f => f.weight)"""


def test_offline_copy_works_from_disk_with_all_network_blocked(browser, offline):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    left = []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto((offline / "index.html").as_uri(), wait_until="load")
        assert "Unduh dokumen lengkap (PDF" in page.locator(".info-pdf").inner_text()
        # Which stage and date the copy is, on the home page and every page.
        dated = f"Salinan luring Tahap 2 ({STAGE_DATE})"
        assert page.locator(NOTICE).is_visible() and dated in page.locator(NOTICE).inner_text()
        # The newest version's address stays right after later stages: the stable alias, not tahap-2.
        assert page.locator("[data-luring-terbaru]").get_attribute("href").endswith("/terbaru/")
        # The home page's tables name their sources as readers know them, not as files.
        assert not re.search(r"Sumber:[^\n]*(data/|\.ya?ml)", page.locator("article").inner_text())
        page.goto((offline / "bab-2-gambaran-umum.html").as_uri(), wait_until="load")
        assert dated in page.locator(NOTICE).inner_text()
        page.evaluate("document.fonts.ready")
        assert "400" in page.evaluate(FONT_LOADED), "fon Source Sans 3 tidak termuat dari file://"
        assert page.locator("article h1").is_visible()
        # Dark mode: the palette toggle is there and switches the scheme.
        page.locator("form[data-palet] label:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.locator("form[data-palet] label:visible").first.click()
        # Search, in the shipped iframe-worker (no server, no CDN).
        page.locator("label.md-search__icon[for=__search], label.md-header__button[for=__search]").first.click()
        page.locator("input.md-search__input").press_sequentially("Kintamani")
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "luring-cari-360.png"))
        assert left == [], f"permintaan keluar dari berkas lokal: {left}"
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("tag, stage_in_config, status, message", [
    ("tahap-2", 2, "draf", None),
    ("tahap-3", 2, "draf", "Tag tahap-3 tidak cocok dengan mkdocs.yml (extra.rencana.tahap: 2)"),
    ("final", 4, "draf", "masih 'draf'"),
    ("final", 4, "final", None),
])
def test_tag_must_match_the_stage_in_mkdocs_yml(tmp_path, tag, stage_in_config, status, message):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["rencana"].update(tahap=stage_in_config, status=status)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    if message is None:
        release.check_settings(tmp_path, stages.parse(tag))
    else:
        with pytest.raises(release.ReleaseError, match=re.escape(message)):
            release.check_settings(tmp_path, stages.parse(tag))


@pytest.mark.parametrize("version", ["tahap-3", "draf"])
def test_what_the_build_would_refuse_stops_the_release_before_anything_is_built(tmp_path, version):
    """The maintainer's report: stage 3 set and tagged while data/tahapan.yml still says 'belum
    dijadwalkan' stopped only inside `mike deploy`. The release runs validate.py's full check first: it
    stops at once, names the stage's line, and leaves no gh-pages branch and no dist/."""
    repo = copy_project(ROOT, tmp_path / "repo", ["docs", "data", "overrides", "mkdocs.yml", "kata-proyek.txt"])
    set_stage(repo, 3)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Gladi")
    git(repo, "config", "user.email", "gladi@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Tahap 3")
    git(repo, "tag", "tahap-3")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "release.py"), version,
                             "--tanpa-pdf"], cwd=repo, capture_output=True, text=True, timeout=300)
    lines = (repo / stage_dates.STAGES_FILE).read_text(encoding="utf-8").splitlines()
    third = lines.index("3:")
    line = next(n for n in range(third, len(lines)) if lines[n].startswith("  tanggal_dokumen:")) + 1
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("GAGAL: Pemeriksaan naskah (sama dengan scripts/validate.py) menemukan galat")
    assert f"{stage_dates.STAGES_FILE}:{line}: [TAHAPAN-TANGGAL] " in result.stderr, result.stderr
    assert "belum ada yang dibangun atau diterbitkan" in result.stderr
    assert git(repo, "branch", "--list", release.BRANCH) == "" and not (repo / "dist").exists()


def test_the_offline_build_stops_with_mkdocs_words_and_no_traceback(tmp_path):
    """The offline copy's child build (offline.build_with) says what MkDocs says when the build cannot go
    ahead, and writes no configuration file of its own."""
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nnav: 3\n", encoding="utf-8")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", offline_copy.__name__, str(tmp_path / "situs")],
                            cwd=tmp_path, input="plugins: []\n", capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Aborted with a configuration error!" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


@pytest.mark.parametrize("args, message", [
    (["tahap-9"], "'tahap-9' bukan tag rilis"),
    (["tahap-1"], "Tag tahap-1 tidak ada di repositori ini"),
])
def test_release_refuses_with_a_message_in_indonesian(tmp_path, args, message):
    git(tmp_path, "init", "-q")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # release.py reads it before the tag
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "release.py"), *args],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
