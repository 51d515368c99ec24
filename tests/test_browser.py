"""The built site in a real browser (headless Debian Chromium): accessibility scan of every page with
axe-core, keyboard navigation, and the layout at 360 and 1280 CSS pixels (screenshots kept in
tests/output/screenshots/ for people to look at). One browser for the whole session."""

from __future__ import annotations

import pytest

from conftest import OUTPUT, nav_files, plan_catalogue
from masterplan.devtools import browser as chromium

playwright_api = pytest.importorskip("playwright.sync_api")

NAV = nav_files()
PAGES = [md[:-len("index.md")] if md.endswith("index.md") else md[:-3] + "/" for md in NAV] + ["404.html"]
SCREENSHOTS = OUTPUT / "screenshots"
# Pages with the widest content: home (dashboard), data tables (BAB II), programme tables and the roadmap
# chart (BAB VI), and the glossary (long two-column tables).
SCREENSHOT_PAGES = ["", "bab-2-gambaran-umum/", "bab-6-program/", "lampiran/daftar-istilah/"]


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

# At 1280 px every data table fits the content column: its box (Material's scroll wrapper) does not scroll.
SCROLLING_TABLES = """() => [...document.querySelectorAll('article .md-typeset__scrollwrap')]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => (box.closest('figure')?.querySelector('figcaption') || box).textContent.trim().slice(0, 40)
              + ` (+${box.scrollWidth - box.clientWidth} px)`)"""


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
        problems += [f"tabel lebih lebar dari kolom isi: {table}" for table in page.evaluate(SCROLLING_TABLES)]
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


# ---------------------------------------------------------------------------------------------------
# Reading on a phone (360x780, touch) and by keyboard
# ---------------------------------------------------------------------------------------------------

PHONE = {"viewport": {"width": 360, "height": 780}, "has_touch": True, "is_mobile": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}
# Pages with data tables of every kind: dashboard, statistics, programme and cost tables, quick-win
# profiles, glossary.
TABLE_PAGES = ["", "bab-2-gambaran-umum/", "bab-5/smart-governance/", "bab-6-program/", "bab-7-quick-win/",
               "lampiran/daftar-istilah/"]

# Every value of every data table as the reader sees it: is it on the screen (horizontally), and is it
# beside its row's name: in a card (the row drawn as a box) that starts with the row's name and labels
# the value with its column header, or in a table row whose name cell is on the screen too.
TABLE_VALUES = """() => {
  const out = [];
  for (const table of document.querySelectorAll('article table')) {
    if (table.closest('.visually-hidden')) continue;
    const headers = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
    const card = getComputedStyle(table).display === 'block';
    for (const row of table.querySelectorAll('tbody tr')) {
      const cells = [...row.children];
      const name = cells[0].getBoundingClientRect();
      cells.forEach((cell, index) => {
        if (!cell.innerText.trim()) return;
        const box = cell.getBoundingClientRect(), rowBox = row.getBoundingClientRect();
        const label = getComputedStyle(cell, '::before').content;
        out.push({table: (headers[0] || '') + ' / ' + cells[0].innerText.trim().slice(0, 30), index, card,
                  onScreen: box.left >= -1 && box.right <= window.innerWidth + 1,
                  nameOnScreen: name.left >= -1 && name.right <= window.innerWidth + 1,
                  inRow: box.top >= rowBox.top - 1 && box.bottom <= rowBox.bottom + 1,
                  labelled: index === 0 || !card || label === JSON.stringify(headers[index] || '')});
      });
    }
  }
  return out;
}"""


def _page(browser, url: str, options: dict, scheme: str = "light"):
    context = browser.new_context(color_scheme=scheme, **options)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_phone_shows_every_table_value_on_screen_beside_its_row_name(browser, site_url, path):
    page = _page(browser, site_url + path, PHONE)
    try:
        values = page.evaluate(TABLE_VALUES)
        assert values, "tidak ada tabel data pada halaman ini"
        off = [v for v in values if not (v["onScreen"] and v["nameOnScreen"] and v["inRow"] and v["labelled"])]
        assert not off, f"{len(off)} nilai tabel di luar layar atau jauh dari nama barisnya, mis. {off[:3]}"
        sizes = page.evaluate("[...document.querySelectorAll('article table td')].map("
                              "td => parseFloat(getComputedStyle(td).fontSize))")
        assert min(sizes) >= 12.5, f"teks tabel terlalu kecil: {min(sizes)} px"
    finally:
        page.context.close()


ROADMAP_PHONE = """() => {
  const items = [...document.querySelectorAll('.peta-jalan__daftar li')].map(li => {
    const name = li.querySelector('.peta-jalan__nama').getBoundingClientRect();
    const drawn = li.querySelector('.peta-jalan__batang');
    const bar = drawn.getBoundingClientRect();
    const mark = getComputedStyle(drawn, '::after');
    const run = li.querySelector('.peta-jalan__batang--operasi');
    const ran = run && run.getBoundingClientRect();
    return {text: li.querySelector('.peta-jalan__nama').innerText, gap: bar.top - name.bottom,
            inside: name.right <= window.innerWidth && bar.right <= window.innerWidth && bar.width > 0,
            size: parseFloat(getComputedStyle(li).fontSize), years: li.querySelector('.peta-jalan__tahun').innerText,
            diamond: mark.content !== 'none' && mark.backgroundColor === 'rgb(242, 183, 5)' && mark.transform !== 'none',
            operation: ran && {after: ran.left - bar.right, width: ran.width, thinner: ran.height < bar.height,
                               inside: ran.right <= window.innerWidth}};
  });
  const chart = document.querySelector('.peta-jalan__grafik');
  return {items, chartShown: getComputedStyle(chart).display !== 'none',
          legend: document.querySelector('.peta-jalan__keterangan').innerText};
}"""


def test_roadmap_on_a_phone_keeps_whole_names_beside_their_bars(browser, site_url):
    page = _page(browser, site_url + "bab-6-program/", PHONE)
    try:
        found = page.evaluate(ROADMAP_PHONE)
        names = [p.name for p in plan_catalogue().of_dimension(None)]
        assert not found["chartShown"] and len(found["items"]) == len(names)
        for name, item in zip(names, found["items"]):
            assert name in item["text"] and "…" not in item["text"], (name, item["text"])
            assert item["inside"] and 0 <= item["gap"] < 16, item
            assert item["size"] >= 16, item
            # the key's yellow diamond on a quick win's bar (a second look found only an outline)
            assert item["diamond"] == ("(quick win)" in item["text"]), item
            # the key's "batang tipis pucat" after the build bar, as on wide screens (a citizen saw none)
            if "tahap operasi" in item["years"]:
                run = item["operation"]
                assert run and abs(run["after"]) <= 1 and run["width"] > 0 and run["thinner"] and run["inside"], item
            else:
                assert item["operation"] is None, item
        assert "Fase:" in found["legend"] and "Tonggak 1" in found["legend"]
    finally:
        page.context.close()


def test_roadmap_on_a_laptop_and_in_dark_mode(browser, site_url):
    page = _page(browser, site_url + "bab-6-program/", LAPTOP, scheme="dark")
    try:
        state = page.evaluate("""() => {
          const svg = document.querySelector('.peta-jalan svg');
          const sizes = [...svg.querySelectorAll('tspan')].map(t => t.getBoundingClientRect().height);
          return {scheme: document.body.getAttribute('data-md-color-scheme'), width: svg.getBoundingClientRect().width,
                  smallest: Math.min(...sizes), background: getComputedStyle(svg.querySelector('.latar')).fill,
                  text: getComputedStyle(svg).fill, list: document.querySelector('.peta-jalan__daftar').getBoundingClientRect().height};
        }""")
        assert state["scheme"] == "slate" and state["list"] <= 1  # the list is there for screen readers only
        assert state["width"] <= 800 and state["smallest"] >= 12, state  # no sideways scrolling, readable text
        assert state["background"] != "rgb(255, 255, 255)" and state["text"] != "rgb(26, 26, 26)", state
    finally:
        page.context.close()


def test_a_tap_on_an_abbreviation_shows_its_expansion(browser, site_url):
    page = _page(browser, site_url + "bab-6-program/", PHONE)
    try:
        abbr = page.locator("article p abbr[title]").nth(3)
        title = abbr.get_attribute("title")
        abbr.scroll_into_view_if_needed()
        assert title not in page.evaluate("e => getComputedStyle(e, '::after').content", abbr.element_handle())
        abbr.tap()
        shown = page.evaluate("e => getComputedStyle(e, '::after').content", abbr.element_handle())
        assert title in shown, shown
    finally:
        page.context.close()


@pytest.mark.parametrize("options", [PHONE, LAPTOP], ids=["360", "1280"])
def test_keyboard_reaches_the_pdf_within_ten_tabs_with_focus_always_visible(browser, site_url, options):
    page = _page(browser, site_url + "bab-6-program/", options)
    try:
        seen = []
        for _ in range(10):
            page.keyboard.press("Tab")
            seen.append(chromium.settled_focus(page))
            if seen[-1] and seen[-1]["pdf"]:
                break
        assert seen[-1] and seen[-1]["pdf"], f"Unduh PDF tidak tercapai dalam 10 Tab: {seen}"
        for _ in range(40):  # past the PDF button: the closed drawer's links must not take focus unseen
            page.keyboard.press("Tab")
            seen.append(chromium.settled_focus(page))
        # Judged once the element and its ancestors stop animating (see chromium.settled_focus): hidden,
        # zero-size, off-screen or transparent then is unseen; a fade-in under way is not.
        hidden = [s for s in seen if s and not (s["outline"] and s["settled"] and not s["unseen"])]
        assert not hidden, f"fokus tidak terlihat: {hidden[:5]}"
        # "Lewati ke isi" goes to the title; after the title's own permalink comes the PDF button.
        page.goto(site_url + "bab-6-program/", wait_until="load")
        page.keyboard.press("Tab")
        assert chromium.settled_focus(page)["text"] == "Lewati ke isi"
        page.keyboard.press("Enter")
        after = []
        for _ in range(2):
            page.keyboard.press("Tab")
            after.append(chromium.settled_focus(page))
        assert any(s["pdf"] for s in after), f"Lewati ke isi melompati tombol Unduh PDF: {after}"
    finally:
        page.context.close()


def test_navigation_status_is_written_in_words(browser, site_url):
    page = _page(browser, site_url, LAPTOP)
    try:
        labels = page.evaluate("[...document.querySelectorAll('.md-nav .md-status')].map("
                               "s => getComputedStyle(s, '::after').content)")
        assert labels and set(labels) <= {'"Draf"', '"Tinjauan"', '"Final"'}, labels
        assert page.evaluate("document.title") == "Rencana Induk Smart City Kabupaten Bangli"
    finally:
        page.context.close()


def test_home_page_first_screen_shows_the_current_stage(browser, site_url):
    page = _page(browser, site_url, PHONE)
    try:
        note = page.locator("article .admonition").first
        box = note.bounding_box()
        assert "sedang berjalan" in note.inner_text() and box["y"] + box["height"] <= 780, box
    finally:
        page.context.close()
