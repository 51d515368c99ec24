"""What a phone does while a page loads, in a real browser (headless Debian Chromium at 360 px): no script
restyles the whole finished page. A change of an attribute of <html> or <body> (a class, a colour scheme)
after the content is parsed makes Chromium restyle every element once more: on BAB VI, 2,600 elements, a
quarter of a second of a slow phone's main thread each time (CATATAN-TEKNIS.md C49). The same
changes made while the header is parsed cost nothing."""

from __future__ import annotations

import re

import pytest

from masterplan.devtools import browser as chromium

pytest.importorskip("playwright.sync_api")

# Home, the first chapter and the heaviest one: the pages Lighthouse measures (reader_budget.LIGHTHOUSE_PAGES).
PAGES = ["", "bab-1-pendahuluan/", "bab-6-program/"]
# Before any script: every later change of <html>/<body> attributes, with whether the article was parsed then.
WATCH = """
window.__changes = [];
new MutationObserver(records => {
  const parsed = !!document.querySelector('article');
  for (const r of records) {
    const now = r.target.getAttribute(r.attributeName);
    if (r.oldValue !== now && (r.target === document.documentElement || r.target === document.body))
      window.__changes.push({element: r.target.localName, attribute: r.attributeName, from: r.oldValue,
                             to: now, parsed});
  }
}).observe(document, {attributes: true, attributeOldValue: true, subtree: true});
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_script_restyles_the_whole_page_after_it_is_parsed(browser, site_url, path, scheme):
    context = browser.new_context(viewport=chromium.MOBILE, has_touch=True, color_scheme=scheme)
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(site_url + path, wait_until="load")
        page.wait_for_timeout(500)  # Material's deferred steps (e.g. clearing its palette-switch marker)
        late = [c for c in page.evaluate("window.__changes") if c["parsed"]]
        assert late == [], f"atribut <html>/<body> berubah sesudah isi halaman dibaca: {late}"
        # The reader's colour scheme is still followed, and the toggle still switches it.
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        page.locator("form[data-palet] label:visible").first.click()
        assert page.evaluate("document.body.dataset.mdColorScheme") != expected
    finally:
        context.close()


# Before any script: every table that a script takes out of the page (to put it back elsewhere).
WATCH_TABLES = """
window.__moved = [];
new MutationObserver(records => {
  for (const r of records) for (const node of r.removedNodes)
    if (node.localName === 'table' || (node.querySelector && node.querySelector('table')))
      window.__moved.push(node.localName);
}).observe(document, {childList: true, subtree: true});
"""


def test_tables_come_in_their_scrolling_box_and_stay_put(browser, site_url):
    """Material's script wraps every table without a class in its scrolling box by taking it out of the
    page and putting it back, which restyles and lays out every cell again (CATATAN-TEKNIS.md C51):
    the box is built with the page instead (C58), and the script leaves the tables where they are."""
    context = browser.new_context(viewport=chromium.MOBILE, has_touch=True)
    context.add_init_script(WATCH_TABLES)
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="load")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__moved") == [], "skrip memindahkan tabel sesudah halaman dibaca"
        unboxed = page.evaluate("""() => [...document.querySelectorAll('article table')]
          .filter(t => !t.closest('.md-typeset__scrollwrap > .md-typeset__table')).length""")
        # Every table of the page as served (not a fixed count: BAB VI's tables change with the plan).
        served = page.request.get(site_url + "bab-6-program/").text().count("<table")
        assert served > 0 and page.evaluate("document.querySelectorAll('article table').length") == served
        assert unboxed == 0, f"{unboxed} tabel tanpa kotak gulir"
    finally:
        context.close()


# Before any script: every layout shift of the page, with the element that moved.
WATCH_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries())
    window.__shifts.push({value: entry.value, moved: entry.sources.map(s => s.node ? s.node.nodeName + '.' +
                          (s.node.className || '') : '?')});
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("path", PAGES)
def test_text_is_painted_before_materials_bundle_runs_and_does_not_move(browser, site_url, path):
    """Material's bundle is deferred (overrides/main.html): as a plain script at the end of <body> Chromium
    ran it, with the style and layout of the whole page it forces, before the first paint, one long task
    between the reader and the text (CATATAN-TEKNIS.md C60). The text painted first must then not
    move: on a phone slowed 6× the screen font ("optional", bangli.css) is used only when it is there for
    the first paint, never swapped in under the reader's eyes (it was: layout shift 0.26 on the home page)."""
    html = browser.new_context().request.get(site_url + path).text()
    bundle = re.search(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"([^>]*)>', html)
    assert bundle, "tag bundel Material tidak ditemukan: bandingkan blok scripts overrides/main.html dengan Material"
    assert bundle.group(1).split() == ["defer"], f"bundel Material tanpa defer: {bundle.group(0)}"
    context = browser.new_context(viewport=chromium.MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.add_init_script(WATCH_SHIFTS)
    page = context.new_page()
    try:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 6})
        page.goto(site_url + path, wait_until="networkidle")
        shifts = page.evaluate("window.__shifts")
        # 0.01: a tenth of Lighthouse's "good"; the header's palette button may move by its width (0.001)
        # when the header is painted before its last button is parsed.
        assert sum(s["value"] for s in shifts) < 0.01, f"teks bergeser sesudah tampil: {shifts}"
    finally:
        context.close()
