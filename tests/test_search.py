"""Site search in Indonesian, as a reader uses it: Material's search box in Debian Chromium at 360x780
(touch) and 1280x800 on the shared build, and the build-time parts (masterplan/views/search_index.py)
on small inputs. Screenshots of a search: tests/output/screenshots/cari-<width>.png."""

from __future__ import annotations

import re

import pytest

from conftest import OUTPUT, ROOT
from masterplan.views import search_index

PHONE = {"viewport": {"width": 360, "height": 780}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SCREENS = {"360": PHONE, "1280": DESKTOP}
EDITORS_GUIDE = "/panduan/"
FULL_INDEX = re.compile(r"/search/search_index_id\.js|/workers/search\.[0-9a-f]+\.min\.js|/lunr/")

RESULTS = """() => ({
  meta: document.querySelector('.md-search-result__meta').textContent.trim(),
  pages: [...document.querySelectorAll('.md-search-result__item > a:first-child')]
    .map(a => new URL(a.href).pathname),
  marks: [...document.querySelectorAll('.md-search-result mark')].map(m => m.textContent.toLowerCase()),
  missing: [...document.querySelectorAll('.md-search-result__terms')].map(p => p.textContent),
  snippets: [...document.querySelectorAll('.md-search-result__article li')].map(li => li.textContent),
})"""
SETTLED = "() => /ditemukan|Tidak ada/.test(document.querySelector('.md-search-result__meta').textContent)"
MARK_IN_VIEW = """() => [...document.querySelectorAll('article mark[data-md-highlight]')]
  .some(m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })"""


def _open_search(page) -> None:
    """Open the search box as a reader does: the magnifier in the header on a phone, the box on a desk."""
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():
        button.tap() if page.viewport_size["width"] < 960 else button.click()
    else:
        page.locator("input.md-search__input").click()


def _search(page, query: str) -> dict:
    box = page.locator("input.md-search__input")
    # Whole query at once, like a paste (Material listens to keyup): the results are then those of the
    # whole query, not of the first letters typed
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list').children.length")
    box.fill(query)
    box.press("End")
    page.wait_for_function(SETTLED, timeout=20_000)
    page.wait_for_timeout(200)  # Material renders the list right after the count
    # Material shows ten results, and four more each time the reader scrolls to the end of the list
    shown = -1
    while shown != (shown := page.locator(".md-search-result__item").count()):
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(150)
    return page.evaluate(RESULTS)


@pytest.fixture(scope="module", params=list(SCREENS))
def search_page(request, browser, site_url):
    """A chapter page with the search box open, one per screen size, reused by the query table."""
    context = browser.new_context(**SCREENS[request.param])
    page = context.new_page()
    page.goto(site_url + "bab-6-program/", wait_until="networkidle")
    _open_search(page)
    yield page
    context.close()


def _first_is(path):
    return lambda found: found["pages"][:1] == [path]


def _among_first(path, n):
    return lambda found: path in found["pages"][:n]


def _marked(word):
    return lambda found: word in found["marks"]


def _only_pages_with_every_word(*words):
    """Results only from pages whose Markdown holds every one of ``words`` (case-insensitive): "wifi desa"
    may find the reference list, which cites a "Free Wifi" article about villages, never a page on "desa" alone."""
    docs = ROOT / "docs"
    holding = {"/" + str(path.relative_to(docs).with_suffix("")).removesuffix("index") + "/"
               for path in docs.rglob("*.md")
               if all(word in path.read_text(encoding="utf-8").casefold() for word in words)}
    holding = {page.replace("//", "/") for page in holding}
    return lambda found: set(found["pages"]) <= holding and (bool(found["pages"]) == bool(holding))


def _chapter_first_and_no_editors_guide(found):
    return bool(found["pages"]) and found["pages"][0] != "/" and not any(EDITORS_GUIDE in p for p in found["pages"])


QUERIES = [
    # query, what the reader must see, why
    ("layanan", _first_is("/bab-5/smart-governance/"), "5.3 Smart Governance (Pelayanan Publik) first"),
    ("layanan", _marked("pelayanan"), "root word: layanan finds pelayanan"),
    ("perencanaan", _among_first("/bab-1-pendahuluan/", 5), "BAB I among the first five"),
    ("rencana", _among_first("/bab-1-pendahuluan/", 5), "BAB I among the first five"),
    ("rencana", _marked("perencanaan"), "root word: rencana finds perencanaan"),
    ("kelola", _marked("pengelolaan"), "root word: kelola finds pengelolaan"),
    ("kintamni", lambda found: found["pages"] and "kintamani" in found["marks"], "one typo: Kintamani pages"),
    # forms the text never uses (a citizen's review): their root, not a one-letter neighbour or nothing
    ("mengadu", lambda found: "pengaduan" in found["marks"] and "acuan" not in found["marks"],
     "affixes off: mengadu is adu (pengaduan), not mengacu"),
    ("mengadukan", _marked("pengaduan"), "affixes off: mengadukan is adu"),
    ("berwisata", _marked("wisata"), "affixes off: berwisata is wisata"),
    ("rusak", _marked("kerusakan"), "PySastrawi's 'rusa' for kerusakan corrected"),
    ("wifi desa", _only_pages_with_every_word("wifi", "desa"), "every word required: no page claims 'wifi' alone"),
    ("kopi", _chapter_first_and_no_editors_guide, "a chapter first, the editors' guide never"),
    ("Kintamani", lambda found: not any(EDITORS_GUIDE in p for p in found["pages"]), "no editors' guide"),
]


@pytest.mark.parametrize(("query", "expected", "why"), QUERIES, ids=[f"{q}-{i}" for i, (q, _, _) in enumerate(QUERIES)])
def test_search_finds_what_an_indonesian_reader_means(search_page, query, expected, why):
    found = _search(search_page, query)
    assert expected(found), f"{query!r}: {why}; found {found['meta']}: {found['pages'][:6]}"
    assert not found["missing"], f"{query!r}: a result claims a missing word: {found['missing']}"


def test_table_rows_read_as_header_and_value_in_snippets(search_page):
    found = _search(search_page, "APBDes")
    assert any("Sumber dana: APBDes" in s for s in found["snippets"]), found["snippets"][:5]
    width = search_page.viewport_size["width"]
    (OUTPUT / "screenshots").mkdir(parents=True, exist_ok=True)
    _search(search_page, "layanan publik")
    search_page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, 0)")
    search_page.screenshot(path=str(OUTPUT / "screenshots" / f"cari-{width}.png"))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_index_is_loaded_only_when_the_reader_starts_searching(browser, site_url, screen):
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(site_url + "bab-6-program/", wait_until="networkidle")
        page.wait_for_timeout(500)
        early = [url for url in requests if FULL_INDEX.search(url)]
        assert not early, f"search index or worker fetched before any search: {early}"
        stub = page.request.get(site_url + "search/search_index.json").body()
        assert len(stub) < 1024, f"the index every page fetches should be a stub, it has {len(stub)} bytes"
        _open_search(page)
        found = _search(page, "sampah")
        assert found["pages"], found
        assert any("/search/search_index_id.js" in url for url in requests)
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_result_title_opens_the_matched_place_highlighted(browser, site_url, screen):
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="networkidle")
        _open_search(page)
        found = _search(page, "kopi")
        title = page.locator(".md-search-result__item > a:first-child").first
        title.tap() if screen == "360" else title.click()
        page.wait_for_url(re.compile(re.escape(found["pages"][0]) + r"\?h="))
        page.wait_for_function(MARK_IN_VIEW, timeout=10_000)
    finally:
        context.close()


@pytest.mark.parametrize("query", ["layanan"])  # before the fix, Enter opened BAB VII here
def test_enter_opens_the_first_result_shown(browser, site_url, query):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="networkidle")
        _open_search(page)
        first = _search(page, query)["pages"][0]
        page.locator("input.md-search__input").press("Enter")
        page.wait_for_url(re.compile(re.escape(first) + r"\?h="))
    finally:
        context.close()


INDEX_FILE = "**/search/search_index_id.js"


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_slow_line_shows_that_the_index_is_loading_then_the_results(browser, site_url, screen):
    context = browser.new_context(**SCREENS[screen])
    held, back = [], []  # the index requests, answered only when the test says so: a slow line

    def slow_line(route) -> None:
        if back:  # the line is back: a request made from now on is answered, not held forever
            route.continue_()
        else:
            held.append(route)
    context.route(INDEX_FILE, slow_line)
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="load")
        _open_search(page)
        page.locator("input.md-search__input").fill("sampah")
        page.locator("input.md-search__input").press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                               ".includes('Memuat indeks pencarian')", timeout=10_000)
        assert page.get_attribute(".md-search-result__meta", "role") == "status"
        assert held, "the worker did not ask for the index"
        back.append(True)
        for route in held:
            route.continue_()
        page.wait_for_function(SETTLED, timeout=30_000)
        assert page.locator(".md-search-result__item").count() > 0
    finally:
        context.close()


def test_a_failed_index_download_is_said_in_indonesian_and_retried(browser, site_url):
    context = browser.new_context(**PHONE)
    context.route(INDEX_FILE, lambda route: route.abort("internetdisconnected"))
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="load")
        _open_search(page)
        box = page.locator("input.md-search__input")
        box.fill("sampah")
        box.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                               ".includes('Indeks pencarian tidak dapat dimuat')", timeout=10_000)
        context.unroute(INDEX_FILE)
        found = _search(page, "sampah")  # the connection is back: the next query loads the index
        assert found["pages"], found
    finally:
        context.close()


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb(...)``/``rgba(...)`` colours (alpha ignored)."""
    def luminance(colour: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


RESULT_FOCUS = """() => {
  const el = document.activeElement;
  if (!el.matches('.md-search-result__link')) return null;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const clip = el.closest('.md-search__scrollwrap').getBoundingClientRect();
  // the first opaque background behind the link (the focused link's own tint is nearly transparent)
  const seeThrough = c => c === 'transparent' || (/^rgba/.test(c) && parseFloat(c.split(',')[3]) < 0.5);
  let back = el, background = 'transparent';
  while (back && seeThrough(background)) {
    background = getComputedStyle(back).backgroundColor; back = back.parentElement;
  }
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset),
          colour: style.outlineColor, background,
          inside: box.left >= clip.left - 0.5 && box.right <= clip.right + 0.5};
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_on_a_search_result_is_visible(browser, site_url, screen, scheme):
    context = browser.new_context(color_scheme=scheme, **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(site_url + "bab-6-program/", wait_until="networkidle")
        _open_search(page)
        _search(page, "sampah")
        page.locator("input.md-search__input").focus()
        page.keyboard.press("ArrowDown")  # Material's key from the search box to the first result
        focus = page.evaluate(RESULT_FOCUS)
        assert focus, "the arrow key did not reach a search result"
        # drawn inside the link: the scrolling result box clips anything outside it
        assert focus["style"] == "solid" and focus["width"] >= 2 and focus["offset"] <= -focus["width"], focus
        assert focus["inside"], focus
        assert _contrast(focus["colour"], focus["background"]) >= 3, focus
    finally:
        context.close()


# --- build-time parts, on small inputs ---------------------------------------------------------------

TABLE = ("<table><thead><tr><th>Program</th><th>Biaya</th></tr></thead><tbody>"
         "<tr><td>Satu Data Bangli</td><td>Rp1,2 miliar</td></tr><tr><td>Sistem Antrean</td><td></td></tr>"
         "</tbody></table>")


@pytest.mark.parametrize(("html", "lines"), [
    (TABLE, ["Program: Satu Data Bangli; Biaya: Rp1,2 miliar", "Program: Sistem Antrean"]),
    ("<table><tr><td>a</td><td>b</td></tr></table>", ["a; b"]),
    ("<table><thead><tr><th>A</th></tr></thead></table>", []),
    # list items in a cell stay apart (a snippet read "tahun 2026Triwulan II 2027"); inline tags join
    ("<table><tr><th>Jadwal</th></tr><tr><td><ul><li>tahun 2026</li><li>Triwulan II <abbr>2027</abbr></li>"
     "</ul></td></tr></table>", ["Jadwal: tahun 2026 Triwulan II 2027"]),
])
def test_table_row_lines(html, lines):
    assert search_index.table_row_lines(html) == lines


@pytest.mark.parametrize(("html", "location"), [
    (f'<h1 id="judul">Judul</h1><p>x</p>{TABLE}', "bab/"),
    (f'<h1 id="judul">Judul</h1><h2 id="biaya">Biaya</h2>{TABLE}', "bab/#biaya"),
    (f'<h2 id="awal">Awal</h2>{TABLE}', "bab/#awal"),
])
def test_table_rows_go_to_the_section_that_holds_the_table(html, location):
    marked, rows = search_index.mark_tables(html, "bab/")
    assert list(rows) == [location]
    assert "<table data-search-exclude>" in marked and marked.count("<table") == 1


@pytest.mark.parametrize(("src_uri", "searched"), [
    ("bab-1-pendahuluan.md", True), ("index.md", True), ("panduan/index.md", False),
    ("panduan/perlu-verifikasi.md", False),
])
def test_editors_guide_is_not_in_readers_search(src_uri, searched):
    assert search_index.in_readers_search(src_uri) is searched


def test_root_words_of_indonesian_affixes():
    found = search_index.roots({"pelayanan", "layanan", "perencanaan", "pengelolaan", "kintamani", "2025"})
    assert found == {"pelayanan": "layan", "layanan": "layan", "perencanaan": "rencana", "pengelolaan": "kelola"}


def test_pysastrawi_roots_that_are_another_word_are_corrected(tmp_path):
    """PySastrawi takes "-kan" off before "-an": kerusakan -> rusa (deer). The shipped roots were made by
    PySastrawi too: the correction holds with and without them."""
    for cache in (None, tmp_path):
        assert search_index.roots({"kerusakan", "gerakan", "diberikan"}, cache) == {
            "kerusakan": "rusak", "gerakan": "gerak", "diberikan": "beri"}
