"""Typesetting of the printed plan (issue 14, the ministry's review): the build-time rules of
masterplan/pdf/{tables,hyphens,arrange,metadata}.py on small documents, and the plan's own PDF read back
page by page (near-empty pages, short continuations, running headers on openers, the roadmap's caption,
words cut without a hyphen in cells, badges, the signature's footnote)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from masterplan.model import markers
from masterplan.model.stage_dates import StageDate
from masterplan.pdf import glue, hyphens, metadata, part_ends, proofreader, tables, verification
from masterplan.views import abbreviations

MM = 72 / 25.4
AREA_TOP, AREA_BOTTOM = 25 * MM, 25 * MM  # the text area of overrides/pdf/styles.scss
NEAR_EMPTY = 0.25  # a page whose text area is filled less than this is "near empty"
# Near-empty pages the plan may have: the last page of a part (a chapter ends where it ends; Daftar
# Gambar lists one figure) and the cover's back. Anything more is a layout fault. How many parts end
# short follows the content: 10 since BAB V's dimensions flow on and Lampiran F's quotes are whole (the
# cover's back; Kata Pengantar, Ringkasan Eksekutif, Daftar Tabel, Daftar Gambar, BAB I, V, VII,
# Lampiran C and F end on such a page, each after a full one).
ALLOWED_NEAR_EMPTY = 10
GAP = 12  # points: lines and rows closer than this are one filled block


def _soup(body: str) -> BeautifulSoup:
    return BeautifulSoup(f"<html><head></head><body>{body}</body></html>", "html.parser")


# ---------------------------------------------------------------------------------------------------
# Build-time rules, on small documents
# ---------------------------------------------------------------------------------------------------

def _table(rows: int, widths: tuple[float, ...] = (10, 90), word: str = "pemberdayaan") -> str:
    cols = "".join(f'<col style="width: {w}%">' for w in widths)
    body = "".join(f"<tr><td>{i}</td><td>{word} masyarakat</td></tr>" for i in range(rows))
    return f"<table><colgroup>{cols}</colgroup><thead><tr><th>No</th><th>Isi</th></tr></thead><tbody>{body}</tbody></table>"


@pytest.mark.unit
@pytest.mark.parametrize("widths, hyphenated", [
    ((10, 90), False),  # "pemberdayaan" fits a line of the wide column: breaks only at spaces
    ((88, 12), True),   # wider than its 12-% column (about 8 characters): breaks at its hyphens
])
def test_only_words_wider_than_their_column_get_soft_hyphens(widths, hyphenated):
    soup = _soup(_table(1, widths))
    hyphens.hyphenate(soup)
    cell = soup.select("tbody td")[1].get_text()
    assert (hyphens.SOFT_HYPHEN in cell) is hyphenated
    assert cell.replace(hyphens.SOFT_HYPHEN, "") == "pemberdayaan masyarakat"


@pytest.mark.unit
@pytest.mark.parametrize("rows, short", [(1, True), (tables.SHORT_TABLE_ROWS, True),
                                         (tables.SHORT_TABLE_ROWS + 1, False)])
def test_short_tables_are_marked_unbreakable(rows, short):
    soup = _soup(_table(rows))
    tables.mark_continuations(soup)
    assert (tables.SHORT_TABLE in soup.find("table").get("class", [])) is short


@pytest.mark.unit
@pytest.mark.parametrize("words, tall", [
    (40, False),   # about 4 lines of the 90-% column
    (400, True),   # about 40 lines: more than half a page, may break inside
])
def test_only_rows_taller_than_half_a_page_may_break(words, tall):
    soup = _soup(_table(2, word=" ".join(["pemberdayaan"] * words)))
    tables.mark_tall_rows(soup)
    assert [tables.TALL_ROW in (row.get("class") or []) for row in soup.select("tbody tr")] == [tall, tall]
    assert tables.TALL_ROW not in (soup.select_one("thead tr").get("class") or [])


def _part(*blocks: str) -> BeautifulSoup:
    return _soup(f'<article id="bab"><h1>BAB I</h1>{"".join(blocks)}</article>')


SENTENCE = "Pemerintah daerah menyiapkan layanan publik digital yang dapat dipakai seluruh warga Bangli. "


@pytest.mark.unit
@pytest.mark.parametrize("blocks, tail", [
    # A closing paragraph and a list of short items: together at least ten lines, kept on one page.
    ((f"<p>{SENTENCE * 30}</p>", "<h2>9.3 Rekomendasi</h2>", f"<p>{SENTENCE * 6}</p>",
      f"<ul>{'<li>butir rekomendasi singkat</li>' * 5}</ul>"), ["h2", "p", "ul"]),
    # A part ending in a table keeps its own last rows together: nothing wrapped.
    ((f"<p>{SENTENCE * 6}</p>", _table(12), "<p>Sumber: data uji.</p>"), None),
    # A part shorter than the tail: nothing to keep.
    (("<p>Satu kalimat.</p>",), None),
    # A last paragraph longer than the largest tail is left to break with its widows.
    ((f"<p>{SENTENCE * 6}</p>", f"<p>{SENTENCE * 25}</p>"), None),
])
def test_a_part_ends_with_its_closing_lines_kept_together(blocks, tail):
    soup = _part(*blocks)
    assert part_ends.keep_part_ends(soup, soup.find_all("article")) == (tail is not None)
    wrapper = soup.select_one(f"div.{part_ends.TAIL}")
    assert (wrapper and [child.name for child in wrapper.find_all(True, recursive=False)]) == (tail or None)


@pytest.mark.unit
def test_a_figure_of_several_charts_gets_its_caption_first_and_continuation_labels():
    charts = "".join(f"<svg class='grafik'><text>Dimensi {i}</text></svg>" for i in range(3))
    soup = _soup(f'<figure class="gambar" id="gambar-6-1"><div>{charts}</div><figcaption><p>'
                 f'<span class="caption-prefix">Gambar 6.1</span> Peta jalan</p></figcaption></figure>'
                 f'<figure class="gambar"><img src="a.png"><figcaption><p>Gambar 6.2</p></figcaption></figure>')
    assert tables.mark_figure_continuations(soup) == 1
    roadmap, single = soup.find_all("figure")
    assert roadmap.contents[0].name == "figcaption"
    assert [part["data-lanjutan"] for part in roadmap.select(f"div.{tables.FIGURE_PART}")] == [
        "Gambar 6.1 (lanjutan)"] * 3
    assert single.contents[-1].name == "figcaption"  # one picture: the caption stays below


@pytest.mark.unit
def test_markers_print_as_a_dagger_with_their_reason_and_one_legend():
    """In print a marker is a dagger right after its fact, its reason in brackets (second review: 267
    badges); the first one outside tables explains the dagger in a footnote, the signature's is left."""
    soup = _soup(f"<table><tr><td>Nilai 5 {markers.badge('data OPD')}</td></tr></table>"
                 f"<p>Luas 520 km² {markers.badge(None)}.</p><p>Jiwa {markers.badge('angka BPS')}.</p>"
                 f"<div class='blok-tanda-tangan'><p>Nama {markers.badge('nama penanda tangan')}</p></div>")
    assert verification.print_markers(soup) == 3
    cell, bare, reasoned = [b.find_parent(["td", "p"]) for b in soup.select(".perlu-verifikasi")[:3]]
    assert cell.get_text() == "Nilai 5† (data OPD)"
    assert bare.get_text().startswith("Luas 520 km²†" + verification.LEGEND) and bare.get_text().endswith("†" + verification.LEGEND + ".")
    assert reasoned.get_text() == "Jiwa† (angka BPS)."
    assert len(soup.select("." + verification.LEGEND_CLASS)) == 1
    assert soup.select_one(".blok-tanda-tangan .perlu-verifikasi").get_text() == "perlu verifikasi: nama penanda tangan"


@pytest.mark.unit
@pytest.mark.parametrize("lines, total, header, after, before", [
    ([1] * 10, False, 0, [0, 1], [8, 9]),         # three short rows at each end
    ([1] * 10, True, 0, [0, 1], [7, 8, 9]),        # a closing "Jumlah" row is not one of the three
    ([8, 8, 1, 1, 1, 1, 8, 8], False, 0, [0], [7]),  # tall rows: two make a sixth of a page (Tabel 3.8)
    ([9, 9, 9, 1], True, 0, [0], [3]),            # rows of nine lines: the first two stay together ...
    ([9, 9, 9, 1], True, 3, [], [3]),             # ... unless the header makes the first a sixth (Tabel 7.4)
])
def test_first_and_last_rows_are_kept_together(lines, total, header, after, before):
    words = " ".join(["pemberdayaan"] * 6)  # about one line of the 90-% column
    rows = "".join(f"<tr><td>{'Jumlah' if total and i == len(lines) - 1 else i}</td><td>{' '.join([words] * n)}</td></tr>"
                   for i, n in enumerate(lines))
    head = f"<thead><tr><th>Kode</th><th>{' '.join([words] * header)}</th></tr></thead>" if header else ""
    soup = _soup(f'<table><colgroup><col style="width: 10%"><col style="width: 90%"></colgroup>{head}'
                 f'<tbody>{rows}</tbody></table>')
    tables.mark_row_keeps(soup)
    rows = soup.select("tbody tr")
    assert [i for i, row in enumerate(rows) if tables.KEEP_AFTER in row.get("class", [])] == after
    assert [i for i, row in enumerate(rows) if tables.KEEP_BEFORE in row.get("class", [])] == before


@pytest.mark.unit
@pytest.mark.parametrize("body, text", [
    ('<p>SDM <abbr title="Teknologi Informasi dan Komunikasi">TIK,</abbr> dan OPD.</p>', "SDM TIK, dan OPD."),
    ('<p><abbr title="Sumber Daya Manusia">SDM</abbr> <abbr title="Teknologi">TIK</abbr></p>', "SDM TIK"),
    ("<p>Tanpa singkatan.</p>", "Tanpa singkatan."),
])
def test_abbreviations_print_as_plain_text(body, text):
    soup = _soup(body)
    assert hyphens.unwrap_abbreviations(soup) == body.count("<abbr")
    assert soup.find("abbr") is None and soup.p.get_text() == text


@pytest.mark.unit
@pytest.mark.parametrize("body, inner, moved", [
    ("<li>sumber data. <em>Baseline,</em> dipakai</li>", " Baseline,", 1),  # Lampiran F.10, item 3
    ("<li><em>Baseline,</em> dipakai</li>", "Baseline,", 0),  # nothing before it
    ("<li>data.\n<em>Baseline</em></li>", "Baseline", 0),  # a line end, not a space: left alone
    ("<li>data. <em><a href='#x'>Baseline</a></em></li>", "Baseline", 0),  # starts with an element
])
def test_a_space_before_italic_moves_into_it(body, inner, moved):
    soup = _soup(body)
    text = soup.li.get_text()
    assert hyphens.attach_spaces(soup) == moved
    assert soup.li.em.get_text() == inner and soup.li.get_text() == text


_ = glue.NBSP  # in the expected texts below, "_" stands for a non-breaking space


@pytest.mark.unit
@pytest.mark.parametrize("text, expected", [
    ("dibahas di BAB IV dan Bab V", "dibahas di BAB_IV dan Bab_V"),
    ("lihat Lampiran F dan Lampiran 2", "lihat Lampiran_F dan Lampiran_2"),
    ("Undang-Undang Nomor 9 Tahun 2013", "Undang-Undang Nomor_9 Tahun_2013"),
    ("Perbup No. 6 Tahun\n2021", "Perbup No._6 Tahun_2021"),
    ("Pasal 5 Ayat (2) dan Ayat 3", "Pasal_5 Ayat_(2) dan Ayat_3"),
    ("Tabel 3.6 dan Gambar F.1", "Tabel_3.6 dan Gambar_F.1"),
    ("jalan 40 km, lahan 1.250 ha, 100 Mbps, 2,5 m²", "jalan 40_km, lahan 1.250_ha, 100_Mbps, 2,5_m²"),
    ("BAB ini, Tahun depan, Nomor telepon", "BAB ini, Tahun depan, Nomor telepon"),  # no numeral: no glue
    ("Subbab IV, 40 kmh, 3 meja, 12 mobil", "Subbab IV, 40 kmh, 3 meja, 12 mobil"),  # not a reference
])
def test_fixed_references_are_glued(text, expected):
    assert glue.glue_text(text) == expected.replace("_", _)


@pytest.mark.unit
def test_glue_leaves_attributes_code_and_headings_alone():
    soup = _soup('<h2>BAB IV Visi</h2><p title="BAB IV">Lihat BAB IV, <code>Tabel 1</code>.</p><pre>BAB V</pre>')
    assert glue.glue(soup) == 1
    assert soup.p.get_text() == f"Lihat BAB{_}IV, Tabel 1." and soup.p["title"] == "BAB IV"
    assert soup.h2.get_text() == "BAB IV Visi" and soup.pre.get_text() == "BAB V"


@pytest.mark.unit
@pytest.mark.parametrize("text, expected", [("Juni 2024", "2024-06"), ("2024", "2024"),
                                            ("11 September 2024", "2024-09")])
def test_pdf_date_is_the_stage_date_as_precise_as_written(text, expected):
    assert metadata.w3c_date(StageDate(text, 2024)) == expected


@pytest.mark.unit
@pytest.mark.parametrize("line, context", [
    ("| Pura Kehen | Kecamatan Bangli | abad ke-11 (perlu verifikasi) |", "Pura Kehen; Kecamatan Bangli; abad ke-11"),
    ("Belum diinventarisasi (perlu verifikasi: data OPD). Tanpa ini", "Belum diinventarisasi. Tanpa ini"),
])
def test_marker_context_reads_as_text_without_pipes_or_stray_space(line, context):
    assert markers.find(line)[0].context == context


# ---------------------------------------------------------------------------------------------------
# The plan's PDF, read back
# ---------------------------------------------------------------------------------------------------

def _fill(page) -> float:
    """Share of the text area covered by blocks of content (words, rules, pictures), gaps of less than
    :data:`GAP` points counted as filled: a full page of text is about 1, a footnote adds a line."""
    height = float(page.height)
    area = height - AREA_TOP - AREA_BOTTOM
    spans = sorted((o["top"], o["bottom"]) for o in page.extract_words() + page.rects + page.lines + page.curves
                   + page.images if o["top"] > AREA_TOP - 1 and o["bottom"] < height - AREA_BOTTOM + 1
                   and o["bottom"] - o["top"] < 0.95 * area)
    filled, block = 0.0, None
    for top, bottom in spans:
        if block and top <= block[1] + GAP:
            block[1] = max(block[1], bottom)
        else:
            filled += (block[1] - block[0]) if block else 0
            block = [top, bottom]
    return (filled + ((block[1] - block[0]) if block else 0)) / area


@pytest.fixture(scope="module")
def plumbed(full_build):
    with pdfplumber.open(full_build.pdf) as pdf:
        yield pdf


@pytest.fixture(scope="module")
def part_starts(full_build) -> list[tuple[int, str]]:
    return proofreader.parts(full_build.pdf)


@pytest.mark.build
def test_no_near_empty_page_but_part_ends_and_the_cover_back(plumbed, part_starts):
    starts = sorted({first for first, _ in part_starts})
    ends = {following - 1 for following in starts[1:]} | {len(plumbed.pages)}
    near_empty = [number for number, page in enumerate(plumbed.pages, start=1)
                  if number > 1 and _fill(page) < NEAR_EMPTY]
    faults = [n for n in near_empty if n != 2 and n not in ends]
    assert faults == [], f"halaman hampir kosong di tengah bagian: {faults}"
    assert len(near_empty) <= ALLOWED_NEAR_EMPTY, near_empty


@pytest.mark.build
def test_no_table_continues_with_fewer_than_three_rows(plan_pages):
    # (Fewer rows that are together a sixth of a page high may go on: tall rows, masterplan.pdf.tables.KEEP_LINES.)
    short = [(page.number, page.continued_label) for page in plan_pages if page.continued_label.startswith("Tabel")
             and page.tables and min(page.tables)[3] < proofreader.MIN_ROWS_BEFORE_BREAK
             and min(page.tables)[1] - min(page.tables)[0] < proofreader.MIN_HEIGHT_AFTER_BREAK]
    assert short == []


@pytest.mark.build
def test_part_openers_carry_no_running_header(plumbed, part_starts):
    for number, title in part_starts:
        if title.startswith(("BAB", "Lampiran")):
            page = plumbed.pages[number - 1]
            header = [w["text"] for w in page.extract_words(extra_attrs=["size"])
                      if w["bottom"] <= AREA_TOP and w["size"] < 9]
            assert header == [], f"{title}: {header}"


@pytest.mark.build
def test_multi_page_roadmap_has_its_caption_first_and_continuations_marked(plumbed):
    texts = [page.extract_text() or "" for page in plumbed.pages]
    caption = "Gambar 6.1 Peta jalan program"
    first = next(i for i, text in enumerate(texts) if caption in text and "DAFTAR GAMBAR" not in text)
    following = [i for i, text in enumerate(texts) if "Gambar 6.1 (lanjutan)" in text]
    assert following and following == list(range(first + 1, first + 1 + len(following)))
    after = " ".join(" ".join(texts[following[-1]:following[-1] + 2]).split())
    source = re.search(r"Sumber: [^.]*\.", after)  # the figure's source line, right after its legend
    assert source and "biaya" not in source.group(0), "the roadmap shows no costs"


@pytest.mark.build
def test_a_page_inside_a_group_of_rows_names_the_group(plumbed):
    """Tabel 6.4 (rencana aksi per OPD, 14 pages) groups rows under an office's row, which WeasyPrint does
    not repeat: each page that goes on inside a group says whose rows they are, by the office's short
    name (also when the page opens with the next office's heading), and the running header beside it
    stays on one line."""
    offices = yaml.safe_load((ROOT / "data/opd.yml").read_text(encoding="utf-8"))
    short = {office["nama"]: office["singkatan"] for office in offices.values()}
    texts = [(page.extract_text() or "").replace("\u00a0", " ") for page in plumbed.pages]
    first = next(i for i, text in enumerate(texts) for line in text.split("\n")
                 if line.startswith("Tabel 6.4 Rencana aksi per OPD") and ".." not in line)  # not the list of tables
    group, checked = None, 0
    for number in range(first, len(texts)):
        label = re.search(r"\A[^\n]*\n(Tabel 6\.4 \(lanjutan\).*?)\nTahun dan program", texts[number], re.S)
        if number > first and label is None:
            break
        if label is not None:
            after = texts[number][label.end():].split("\n", 1)[1].split("\n", 1)[0]  # first line under the header
            group = after if after in short else group  # a page opening with an office's heading: that office
            assert " ".join(label[1].split()) == f"Tabel 6.4 (lanjutan): {short[group]}", number + 1
            page = plumbed.pages[number]
            header = {round(w["top"]) for w in page.extract_words(extra_attrs=["size"])
                      if w["bottom"] <= AREA_TOP and w["size"] < 9 and w["x0"] > page.width / 2}
            assert len(header) == 1, f"page {number + 1}: the running header wraps"
            checked += 1
        group = next((line for line in reversed(texts[number].split("\n")) if line in short), group)
    assert checked >= 10


@pytest.mark.build
def test_cells_break_words_only_at_hyphens(plumbed, full_build):
    """In every ruled table, a line of a cell never ends in a piece of a word that goes on in the next line
    without a hyphen ("penguata" / "n"): both pieces would be words only together."""
    words = set()
    for html in full_build.site.rglob("*.html"):
        words.update(w.casefold() for w in re.findall(r"[^\W\d_]+", BeautifulSoup(
            html.read_text(encoding="utf-8"), "html.parser").get_text(" ")))
    cut = []
    for number, page in enumerate(plumbed.pages, start=1):
        for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
            for row in table.extract():
                for cell in filter(None, row):
                    lines = cell.split("\n")
                    for before, after in zip(lines, lines[1:]):
                        end, start = re.search(r"([^\W\d_]+)$", before), re.match(r"([^\W\d_]+)", after)
                        if not end or not start or before.endswith(("-", "\u2010", "\u00ad")):
                            continue
                        head, tail = end.group(1).casefold(), start.group(1).casefold()
                        if head + tail in words and head not in words:
                            cut.append(f"halaman {number}: {end.group(1)}/{start.group(1)}")
    # "me/mutakhirkan" (Tabel 4.3) was a real cut: cells inherited Material's overflow-wrap (styles.scss).
    assert cut == []


@pytest.mark.build
def test_badges_stay_on_one_line_and_no_space_before_a_full_stop(plan_pages):
    """Outside tables (a narrow cell may wrap a badge at its spaces) no line ends inside a "perlu
    verifikasi" badge (8.5 pt; the words in running text may break like any others); nowhere a full stop
    stands apart after a word (left where a marker was removed)."""
    badge = 9.0  # points: the badge is smaller than body text
    for page in plan_pages:
        for line, following in zip(page.lines, page.lines[1:]):
            end, start = line.words[-1], following.words[0]
            assert not (end["text"] == "perlu" and end["size"] < badge and start["text"].startswith("verifikasi")
                        and start["size"] < badge), page.number
    # Read line by line from the word boxes: pypdf takes the raised "perlu verifikasi" dagger (styles.scss) for
    # a line of its own and reads "Tahap II†." as "Tahap II .".
    text = "\n".join(line.text for page in plan_pages for line in page.lines)
    assert re.findall(r"\w \.(?:\s|$)", text) == []


@pytest.mark.build
def test_signature_footnote_on_the_signature_page(pdf_pages_text):
    """An unverified signer carries a footnote on the signature page; a verified one (the plan now:
    ``penandatangan.terverifikasi: true``, the Bupati's inauguration is sourced) carries none."""
    page = next(text for text in pdf_pages_text if "BUPATI BANGLI," in text)
    verified = "terverifikasi: true" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert ("nama penanda tangan" in page) is not verified


# ---------------------------------------------------------------------------------------------------
# The ministry's first review (06:18 UTC, 2 December 2026): its typesetting items, read back from the plan
# ---------------------------------------------------------------------------------------------------

def _sizes(page, test) -> list[float]:
    return [round(w["size"], 1) for w in page.extract_words(extra_attrs=["size"]) if test(w["text"])]


@pytest.mark.build
def test_body_text_is_eleven_point_and_source_lines_nine(plumbed, part_starts):
    """Material's print rule had set the text at 9.3 pt and bangli.css the source lines at 8.2 pt."""
    first_bab = next(number for number, title in part_starts if title.startswith("BAB I "))
    body = [size for page in plumbed.pages[first_bab - 1:first_bab + 40] for size in _sizes(page, lambda t: True)]
    assert max(set(body), key=body.count) == 11.0
    sources = {size for page in plumbed.pages for size in _sizes(page, lambda t: t == "Sumber:")}
    assert sources and min(sources) >= 9.0, sources


@pytest.mark.build
def test_short_tables_are_never_split(plan_pages):
    """A table of at most eight short rows stays on one page (Tabel 6.2 was split 4 + 3)."""
    split = []
    for page, following in zip(plan_pages, plan_pages[1:]):
        if not following.continued_label.startswith("Tabel") or not page.tables or not following.tables:
            continue
        ending = max(page.tables, key=lambda t: t[1])
        opening = min(following.tables, key=lambda t: t[0])
        ends_there = any(line.top > opening[1] for line in following.lines)
        if (ends_there and ending[3] + opening[3] <= tables.SHORT_TABLE_ROWS
                and (ending[1] - ending[0]) + (opening[1] - opening[0]) < tables.SHORT_TABLE_SHARE * tables.TEXT_AREA):
            split.append((page.number, following.continued_label, ending[3], opening[3]))
    assert split == []


@pytest.mark.build
def test_no_group_heading_row_alone_at_the_foot_of_a_page(plumbed, plan_pages):
    """Tabel 6.5's OPD rows ("Badan Perencanaan Pembangunan Daerah") stood alone at a page foot."""
    alone = []
    for page, following in zip(plan_pages, plan_pages[1:]):
        if not following.continued_label.startswith("Tabel"):
            continue
        table = max(plumbed.pages[page.number - 1].find_tables(
            {"vertical_strategy": "lines", "horizontal_strategy": "lines"}), key=lambda t: t.bbox[3], default=None)
        last = table.extract()[-1] if table is not None else []
        if len(last) >= 3 and last[0] and not any(last[1:]):
            alone.append((page.number, last[0]))
    assert alone == []


@pytest.mark.build
def test_figure_list_follows_the_table_list_and_the_signature_has_no_asterisk(pdf_pages_text):
    """Daftar Gambar (one figure) was a page of one line; the signature carried "*)" after the name."""
    figures = next(text for text in pdf_pages_text if "DAFTAR GAMBAR" in text)
    assert "Tabel F." in figures, "Daftar Gambar starts on the last page of Daftar Tabel"
    signature = next(text for text in pdf_pages_text if "BUPATI BANGLI," in text)
    assert "*)" not in signature


@pytest.mark.build
def test_parts_do_not_end_with_a_line_or_two(plan_pages, part_starts):
    """The last page of a BAB or Lampiran holds at least a few lines or a table (the review sent back
    Ringkasan Eksekutif, BAB I and BAB V ending with two or three lines on a page of their own)."""
    starts = sorted({first for first, _ in part_starts})
    ends = {following - 1 for following in starts[1:]} | {len(plan_pages)}
    short = [(page.number, len(page.lines)) for page in plan_pages
             if page.number in ends and page.number - 1 not in ends and not page.tables
             and len(page.lines) < part_ends.TAIL_LINES - 1]
    assert short == []


@pytest.mark.build
def test_adjacent_abbreviations_read_back_with_their_space(plumbed):
    """Two glossary abbreviations side by side ("SDM TIK") are read back as two words, not glued
    ("SDMTIK"), as they were while each was an inline element of its own (hyphens.unwrap_abbreviations)."""
    known = set(abbreviations.from_glossary(ROOT / "docs" / abbreviations.GLOSSARY))
    words = {word for page in plumbed.pages for word in re.findall(r"[\w-]+", page.extract_text() or "")}
    glued = sorted(word for word in words - known
                   if any(word[:cut] in known and word[cut:] in known for cut in range(2, len(word) - 1)))
    assert len(known) > 20 and glued == [], glued
