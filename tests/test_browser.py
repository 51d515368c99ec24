"""The built site in a real browser (headless Debian Chromium): accessibility scan of every page with
axe-core, keyboard navigation, and the layout at 360 and 1280 CSS pixels (screenshots kept in
tests/output/screenshots/ for people to look at). One browser for the whole session."""

from __future__ import annotations

import pytest

from conftest import OUTPUT, nav_files
from masterplan.devtools import browser as chromium
from masterplan.devtools.local_server import serve

playwright_api = pytest.importorskip("playwright.sync_api")

NAV = nav_files()
PAGES = [md[:-len("index.md")] if md.endswith("index.md") else md[:-3] + "/" for md in NAV] + ["404.html"]
SCREENSHOTS = OUTPUT / "screenshots"
# Pages with the widest content: home (dashboard), data tables (BAB II), programme tables and the roadmap
# chart (BAB VI), and the glossary (long two-column tables).
SCREENSHOT_PAGES = ["", "bab-2-gambaran-umum/", "bab-6-program/", "lampiran/daftar-istilah/"]


@pytest.fixture(scope="session")
def site_url(full_build):
    with serve(full_build.site) as served:
        yield served.url


def _open(browser, url: str, viewport: dict):
    page = browser.new_page(viewport=viewport)
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.goto(url, wait_until="load")
    return page, outside


OVERFLOW = "[document.documentElement.scrollWidth, window.innerWidth]"
# Tables wider than the screen that do not sit in a box of their own that scrolls sideways and fits.
LOOSE_TABLES = """() => [...document.querySelectorAll('article table')]
  .filter(t => t.scrollWidth > window.innerWidth)
  .filter(t => { const box = t.closest('.md-typeset__scrollwrap, .peta-jalan');
                 return !box || getComputedStyle(box).overflowX !== 'auto'
                   || box.getBoundingClientRect().right > window.innerWidth + 1; })
  .map(t => t.innerText.slice(0, 40))"""


def _layout_problems(page, path: str, viewport: dict) -> list[str]:
    """Horizontal scrolling of the whole page and loose wide tables; saves the screenshot of the pages
    in SCREENSHOT_PAGES as tests/output/screenshots/<page>-<width>.png."""
    problems = []
    scroll_width, inner_width = page.evaluate(OVERFLOW)
    if scroll_width > inner_width:
        problems.append(f"halaman bergulir menyamping: {scroll_width} > {inner_width} px")
    problems += [f"tabel lebar tanpa kotak gulir sendiri: {text}" for text in page.evaluate(LOOSE_TABLES)]
    if path in SCREENSHOT_PAGES:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = (path.strip("/").replace("/", "-") or "beranda") + f"-{viewport['width']}.png"
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_every_page_at_1280px_is_accessible_in_indonesian_and_local_only(browser, site_url, axe_js, path):
    page, outside = _open(browser, site_url + path, chromium.DESKTOP)
    try:
        violations = [v for v in chromium.axe_violations(page, axe_js) if v["impact"] in chromium.SERIOUS]
        assert not violations, chromium.describe(violations)
        assert page.evaluate("document.documentElement.lang") == "id"
        assert not outside, f"permintaan ke pihak ketiga: {outside}"
        problems = _layout_problems(page, path, chromium.DESKTOP)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_at_360px_fits_the_screen_and_wide_tables_scroll_in_their_own_box(browser, site_url, path):
    page, _ = _open(browser, site_url + path, chromium.MOBILE)
    try:
        problems = _layout_problems(page, path, chromium.MOBILE)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


@pytest.mark.parametrize("path", ["", "bab-6-program/"])
def test_mobile_layout_has_no_serious_accessibility_violations(browser, site_url, axe_js, path):
    page, _ = _open(browser, site_url + path, chromium.MOBILE)
    try:
        violations = [v for v in chromium.axe_violations(page, axe_js) if v["impact"] in chromium.SERIOUS]
        assert not violations, chromium.describe(violations)
    finally:
        page.close()


FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
          visible: outline || style.boxShadow !== 'none', table: el.tagName === 'TABLE'};
}"""


def test_keyboard_reaches_content_tables_and_feedback_with_visible_focus(browser, site_url):
    page, _ = _open(browser, site_url + "bab-2-gambaran-umum/", chromium.DESKTOP)
    try:
        seen = []
        for _ in range(400):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:
                continue
            seen.append(state)
            if "kirim surel" in state["text"]:
                break
        assert seen, "Tab tidak memindahkan fokus"
        assert seen[0]["text"] == "Lewati ke isi", f"tautan lewati ke isi tidak pertama: {seen[0]}"
        hidden = [s for s in seen if not s["visible"]]
        assert not hidden, f"fokus tidak terlihat pada: {hidden[:5]}"
        assert any(s["table"] for s in seen), "tabel yang dapat digulir tidak terjangkau papan ketik"
        assert any("formulir usulan" in s["text"] for s in seen), "tautan Beri masukan tidak terjangkau"
    finally:
        page.close()


def test_roadmap_chart_stays_readable_on_a_phone(browser, site_url):
    page, _ = _open(browser, site_url + "bab-6-program/", chromium.MOBILE)
    try:
        chart = page.evaluate("""() => {
          const svg = document.querySelector('.peta-jalan svg');
          const box = svg.closest('.peta-jalan');
          const sizes = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height);
          return {width: svg.getBoundingClientRect().width, scroll: getComputedStyle(box).overflowX,
                  smallest: Math.min(...sizes), texts: sizes.length};
        }""")
        assert chart["texts"] > 0
        assert chart["scroll"] == "auto" and chart["width"] >= 680, chart
        assert chart["smallest"] >= 9, f"teks peta jalan terlalu kecil di layar 360 px: {chart}"
    finally:
        page.close()


def test_printing_a_page_from_the_browser_keeps_only_the_content(browser, site_url):
    page, _ = _open(browser, site_url + "bab-2-gambaran-umum/", chromium.DESKTOP)
    try:
        page.emulate_media(media="print")
        shown = page.evaluate("""() => Object.fromEntries(['.md-header', '.md-sidebar--primary', '.md-footer',
          '.tombol-unduh-pdf', '.info-halaman__masukan', 'article h1', 'article table']
          .map(s => [s, getComputedStyle(document.querySelector(s)).display !== 'none']))""")
        assert shown == {".md-header": False, ".md-sidebar--primary": False, ".md-footer": False,
                         ".tombol-unduh-pdf": False, ".info-halaman__masukan": False,
                         "article h1": True, "article table": True}
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "cetak-bab-2.pdf").write_bytes(page.pdf(format="A4"))
    finally:
        page.close()
