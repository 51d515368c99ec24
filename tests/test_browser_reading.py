"""Reading and moving around by keyboard and on a phone, in Debian Chromium on the shared build
(issue 13): the navigation drawer by keyboard below 1220 px, no invisible Tab stop, the roadmap's key
before the programmes, action-plan cards named and reached office by office from a jump list, the phone's
search field seen the moment it takes focus, and a home page that starts with its summary."""

from __future__ import annotations

import pytest

from conftest import plan_catalogue
from masterplan.devtools import browser as chromium

pytest.importorskip("playwright.sync_api")

PHONE = {"viewport": {"width": 360, "height": 780}, "has_touch": True, "is_mobile": True}
TABLET = {"viewport": {"width": 1000, "height": 800}}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}

FOCUS = """() => {
  const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
  return {drawerButton: el.matches('button[data-laci].md-header__button'),
          inDrawer: !!el.closest('.md-sidebar--primary'), text: (el.innerText || '').trim().slice(0, 40),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          onScreen: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
                    && box.top < innerHeight && box.left < innerWidth};
}"""
DRAWER_OPEN = "() => document.getElementById('__drawer').checked"


@pytest.fixture
def open_page(browser, site_url):
    contexts = []

    def opener(path: str, options: dict):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("options", [TABLET, PHONE], ids=["1000", "360"])
@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_navigation_drawer_opens_and_closes_by_keyboard(open_page, options, key):
    page = open_page("bab-6-program/", options)
    for presses in range(1, 8):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["drawerButton"]:
            break
    assert focus["drawerButton"], f"tombol navigasi tidak tercapai dalam {presses} Tab: {focus}"
    assert focus["outline"] and focus["onScreen"], focus
    assert page.get_attribute("button[data-laci].md-header__button", "aria-expanded") == "false"
    page.keyboard.press(key)
    page.wait_for_function(DRAWER_OPEN)
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    page.wait_for_timeout(300)  # the drawer slides in
    focus = page.evaluate(FOCUS)
    assert focus["inDrawer"] and focus["outline"] and focus["onScreen"], focus
    assert page.get_attribute("button[data-laci].md-header__button", "aria-expanded") == "true"
    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUS)
    assert focus["inDrawer"] and focus["onScreen"], f"fokus lari dari laci yang terbuka: {focus}"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert page.evaluate(FOCUS)["drawerButton"]


def test_drawer_closes_when_focus_leaves_it(open_page):
    page = open_page("bab-6-program/", TABLET)
    page.focus("button[data-laci].md-header__button")
    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_OPEN)
    page.focus("article h1 a, article a[href]")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")


# Elements in the Tab order of the article that the reader cannot see: a 1-px box (visually hidden, such
# as a table's header row shown as cards) or none at all. Closed <details> content takes no focus.
HIDDEN_TAB_STOPS = """() => [...document.querySelectorAll(
    'article a[href], article [tabindex]:not([tabindex="-1"]), article summary, article button, article input')]
  .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.closest('details:not([open]) > :not(summary)'))
  .filter(el => { const box = el.getBoundingClientRect(); return box.width <= 2 || box.height <= 2; })
  .map(el => el.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("path", ["bab-5/smart-governance/", "bab-6-program/", ""])
def test_phone_has_no_invisible_tab_stop(open_page, path):
    page = open_page(path, PHONE)
    hidden = page.evaluate(HIDDEN_TAB_STOPS)
    assert not hidden, f"unsur yang dapat difokus tetapi tidak terlihat: {hidden[:5]}"


@pytest.mark.parametrize("options", [PHONE, LAPTOP], ids=["360", "1280"])
def test_roadmap_key_comes_before_the_programmes(open_page, options):
    page = open_page("bab-6-program/", options)
    places = page.evaluate("""() => {
      const top = el => el.getBoundingClientRect().top + scrollY;
      const shown = [...document.querySelectorAll('.peta-jalan svg, .peta-jalan__daftar li')]
        .filter(el => el.getBoundingClientRect().height > 1);
      return {key: top(document.querySelector('.peta-jalan__keterangan')), first: Math.min(...shown.map(top))};
    }""")
    assert places["key"] < places["first"], places


def test_action_plan_cards_name_each_programme_on_a_phone(open_page):
    page = open_page("bab-6-program/", PHONE)
    titles = page.evaluate("""() => {
      const caption = [...document.querySelectorAll('figcaption')].find(c => c.innerText.includes('Rencana aksi per'));
      const table = caption.closest('figure').querySelector('table');
      return [...table.querySelectorAll('tbody tr')].map(row => row.cells[0])
        .filter(cell => !cell.querySelector('strong'))
        .map(cell => ({text: cell.innerText.trim(), wide: cell.getBoundingClientRect().width}));
    }""")
    names = {p.code: p.name for p in plan_catalogue().programmes}
    assert titles
    for title in titles:
        code = next((c for c in names if f" {c} " in f" {title['text']} "), None)
        assert code and names[code] in title["text"], f"kartu tanpa kode dan nama program: {title}"
        assert title["wide"] > 200, title


@pytest.mark.parametrize("path", ["bab-5/", "bab-6-program/"])
def test_cards_on_a_phone_fill_the_text_column(open_page, path):
    """A citizen found the cards of narrow number tables (Tabel 5.1, 6.1) 156 px wide in the middle of a
    360 px screen, each table's cards another width: every card spans the column the text runs in, edge
    to edge (a second look found them 32 px short on the right)."""
    page = open_page(path, PHONE)
    cards = page.evaluate("""() => [...document.querySelectorAll('article table[data-kartu] tbody tr')]
      .filter(row => row.getBoundingClientRect().height > 0)
      .map(row => ({card: row.getBoundingClientRect(), text: row.innerText.slice(0, 40),
                    column: [...row.closest('article').querySelectorAll(':scope > p')][0].getBoundingClientRect()}))
      .map(({card, column, text}) => ({left: card.left - column.left, right: column.right - card.right, text}))""")
    assert cards
    narrow = [card for card in cards if abs(card["left"]) > 1 or abs(card["right"]) > 1]
    assert not narrow, narrow[:3]


@pytest.mark.parametrize("path", ["", "bab-4-visi-misi/"])
def test_verification_marks_are_legible_on_a_phone(open_page, path):
    """The "⚠ perlu verifikasi" mark was 10.2 px in the home page's boxes (a citizen's review)."""
    page = open_page(path, PHONE)
    sizes = page.evaluate("""() => [...document.querySelectorAll('article .perlu-verifikasi')]
      .map(mark => parseFloat(getComputedStyle(mark).fontSize))""")
    assert sizes and min(sizes) >= 12, sorted(sizes)[:5]


def test_home_page_on_a_phone_starts_with_the_summary(open_page):
    page = open_page("", PHONE)
    folded = page.locator("article details", has_text="Rincian per halaman")
    assert folded.count() == 1 and folded.get_attribute("open") is None
    rows = folded.locator("tbody tr")
    assert not rows.first.is_visible()
    summary = page.locator("article p", has_text="halaman dokumen")
    assert summary.first.is_visible()
    folded.locator("summary").tap()
    assert rows.first.is_visible()



# The phone's search field, looked at in its own focus event and in the two frames after: how opaque it is
# (its opacity times its ancestors') and how much of it its panel (0×0 while closed) lets show.
SEARCH_FIELD_AT_FOCUS = """() => { window.searchFieldLooks = new Promise(done => {
  const input = document.querySelector('.md-search__input'), seen = [];
  const look = () => {
    let opacity = 1;
    for (let node = input; node; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity);
    const panel = input.closest('.md-search__inner').getBoundingClientRect(), box = input.getBoundingClientRect();
    const width = Math.min(box.right, panel.right, innerWidth) - Math.max(box.left, panel.left, 0);
    const height = Math.min(box.bottom, panel.bottom, innerHeight) - Math.max(box.top, panel.top, 0);
    seen.push({opacity, width: Math.round(Math.max(width, 0)), height: Math.round(Math.max(height, 0)),
               open: document.getElementById('__search').checked});
  };
  input.addEventListener('focus', () => {
    look();
    requestAnimationFrame(() => { look(); requestAnimationFrame(() => { look(); done(seen); }); });
  }, {once: true});
}); }"""


def test_phone_search_field_is_seen_the_moment_it_takes_focus(open_page):
    """A Tab onto "Cari" at 360 px shows the field at once: Material opened its panel a timer tick after
    the focus and faded it in after 150 ms, so for 230–300 ms the focus sat on nothing the reader saw."""
    page = open_page("bab-6-program/", PHONE)
    page.evaluate(SEARCH_FIELD_AT_FOCUS)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "kolom Cari tidak difokus dalam 6 Tab"
    looks = page.evaluate("window.searchFieldLooks")
    unseen = [look for look in looks if look["opacity"] < 1 or look["width"] < 340 or look["height"] < 40]
    assert not unseen, f"kolom Cari difokus tetapi tidak terlihat (saat fokus, 1 dan 2 bingkai sesudahnya): {looks}"
    page.keyboard.press("Tab")  # leaving it closes the search as before
    page.wait_for_function("() => !document.getElementById('__search').checked")


# The jump list before Tabel rencana aksi: each link, its target (an office's bold row) and where it is.
JUMP_LIST = """() => [...document.querySelectorAll('nav.lompat-opd a')].map(link => {
  const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const caption = target && target.closest('figure') && target.closest('figure').querySelector('figcaption');
  return {hash: link.hash, text: link.innerText.trim(), height: link.getBoundingClientRect().height,
          target: target ? target.innerText.trim() : null, bold: !!target && target.tagName === 'STRONG',
          inTable: !!caption && caption.innerText.includes('Rencana aksi per'),
          ahead: !!target && !!(link.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)};
})"""
# The jump's target is on the screen, under nothing (the sticky header): the point in the middle of its
# first line is it. (Not the address: Material's navigation.tracking writes the current section's heading
# into it.)
TARGET_SEEN = """hash => {
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  const box = target.getBoundingClientRect(), line = target.getClientRects()[0];
  const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
  return box.top >= 0 && box.bottom <= innerHeight && !!hit && target.contains(hit);
}"""


def test_action_plan_jump_list_leads_to_each_office_by_touch_and_keyboard(open_page):
    """BAB VI on a phone: Tabel rencana aksi (±110 screens) is reached office by office from a jump list
    before it, one link per office with rows, by a tap and by Enter; the next Tab goes on from there."""
    page = open_page("bab-6-program/", PHONE)
    links = page.evaluate(JUMP_LIST)
    offices = [office for office in plan_catalogue().offices.values()
               if page.locator(f"article td strong:text-is('{office.name}')").count()]
    assert [link["target"] for link in links] == [office.name for office in offices], links
    assert all(link["bold"] and link["inTable"] and link["ahead"] for link in links), links
    assert min(link["height"] for link in links) >= 44, "sasaran sentuh daftar lompat kurang dari 44 px"

    last = page.locator("nav.lompat-opd a").last
    last.scroll_into_view_if_needed()
    last.tap()
    page.wait_for_function(TARGET_SEEN, arg=links[-1]["hash"])

    page.evaluate("scrollTo(0, 0)")
    middle = links[len(links) // 2]
    page.focus(f"nav.lompat-opd a[href='{middle['hash']}']")
    # As a reader would: Enter once the link has been scrolled into view (Chromium on a phone scrolls a
    # focused element into view a moment later, which would otherwise undo the jump).
    assert not chromium.settled_focus(page)["unseen"]
    page.keyboard.press("Enter")
    page.wait_for_function(TARGET_SEEN, arg=middle["hash"])
    page.keyboard.press("Tab")
    assert page.evaluate("""hash => { const target = document.getElementById(hash.slice(1));
        return !!(target.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING); }""",
                         middle["hash"]), "Tab sesudah lompatan tidak melanjutkan dari baris OPD"
    focus = chromium.settled_focus(page)
    assert focus and focus["outline"] and not focus["unseen"], focus
