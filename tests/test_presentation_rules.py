"""Tables of inputs for our presentation rules: numbering, headings, markers, captions."""

from __future__ import annotations

import markdown
import pytest
from conftest import mkdocs_config

from masterplan.views import captions
from masterplan.model import markers
from masterplan.model.documents import parse, strip_numbering
from masterplan.views.headings import number_headings
from masterplan.model.numbering import PageNumbers, plan, roman


@pytest.mark.parametrize("number, expected", [(1, "I"), (4, "IV"), (5, "V"), (8, "VIII"), (9, "IX"),
                                              (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman(number, expected):
    assert roman(number) == expected


@pytest.mark.parametrize("number", [0, -1, 4000])
def test_roman_rejects_out_of_range(number):
    with pytest.raises(ValueError):
        roman(number)


@pytest.mark.parametrize("typed, clean", [
    ("1.1 Latar Belakang", "Latar Belakang"),
    ("1.1. Latar Belakang", "Latar Belakang"),
    ("2.3.1 Kopi", "Kopi"),
    ("BAB II Gambaran Umum", "Gambaran Umum"),
    ("bab iv. Visi", "Visi"),
    ("Latar Belakang", "Latar Belakang"),
    ("2025 Target", "2025 Target"),  # a year is content, not numbering
])
def test_strip_numbering(typed, clean):
    assert strip_numbering(typed) == clean


def _doc(meta: str, body: str):
    return parse(f"---\n{meta}\n---\n{body}")


def test_plan_numbers_single_and_multi_page_chapters_and_appendices():
    chapter_one = _doc("bab: 1", "# Pendahuluan\n\n## A\n\n## B\n")
    bab5 = _doc("bab: 5", "# Strategi\n\n## Kerangka\n\n## Keterkaitan\n\n/// table-caption\nx\n///\n")
    governance = _doc("title: Smart Governance", "# Smart Governance\n\n## Pelayanan\n")
    branding = _doc("title: Smart Branding", "# Smart Branding\n")
    appendix = _doc("lampiran: b", "# Dasar Hukum\n")
    front = _doc("title: Kata Pengantar", "# Kata Pengantar\n")
    numbers = plan([[("kp", front)], [("b1", chapter_one)],
                    [("b5", bab5), ("gov", governance), ("brd", branding)], [("lb", appendix)]])
    assert numbers["kp"].label is None
    assert (numbers["b1"].label, numbers["b1"].base, numbers["b1"].depth) == ("BAB I", "1", 2)
    assert numbers["b5"].label == "BAB V"
    assert (numbers["gov"].label, numbers["gov"].tables_before) == ("5.3", 1)
    assert numbers["brd"].label == "5.4"
    assert (numbers["lb"].label, numbers["lb"].base) == ("Lampiran B", "B")


def test_heading_numbers_skip_code_and_keep_anchors():
    body = ("# Pendahuluan\n\n## Latar Belakang\n\n### Konteks\n\n```\n## bukan judul\n```\n\n"
            "## 1.2 Maksud dan Tujuan\n\n## Dasar Hukum { #dasar-hukum }\n")
    out = number_headings(body, PageNumbers("BAB I", True, "1", 1, 2, "1"))
    assert '# <span class="label-bab">BAB I</span> Pendahuluan { #pendahuluan }' in out
    assert "## 1.1 Latar Belakang { #latar-belakang }" in out
    assert "### 1.1.1 Konteks { #konteks }" in out
    assert "## bukan judul" in out  # inside a code block: untouched
    assert "## 1.2 Maksud dan Tujuan { #maksud-dan-tujuan }" in out  # hand-typed number replaced
    assert "## 1.3 Dasar Hukum { #dasar-hukum }" in out


def test_unnumbered_pages_are_left_alone():
    body = "# Kata Pengantar\n\n## Bagian\n"
    assert number_headings(body, PageNumbers(None)) == body


@pytest.mark.parametrize("text, reasons", [
    ("Luas 520,81 km² (perlu verifikasi).", [""]),
    ("Luas (perlu verifikasi: angka BPS terbaru).", ["angka BPS terbaru"]),
    ("Luas (Perlu Verifikasi : data BPS)", ["data BPS"]),
    ("Luas (perlu\u00a0verifikasi)", [""]),  # non-breaking space pasted from Word
    ("(perlu verifikasi) dan (perlu verifikasi: b)", ["", "b"]),
    ("perlu verifikasi tanpa kurung", []),
    ("(perlu diverifikasi)", []),
])
def test_marker_detection(text, reasons):
    assert [m.reason for m in markers.find(text)] == reasons


def test_marker_badge_escapes_html_and_replaces_the_marker():
    html = markers.render("Angka (perlu verifikasi: <b>data</b> & sumber)")
    assert "(perlu verifikasi" not in html
    assert '<span class="perlu-verifikasi">perlu verifikasi: &lt;b&gt;data&lt;/b&gt; &amp; sumber</span>' in html


def test_marker_context_is_the_line_without_marker():
    [marker] = markers.find("| Luas | 520,81 km² (perlu verifikasi: BPS) |")
    assert marker.line == 1 and marker.context == "Luas; 520,81 km²"  # cells joined readably (Lampiran F quotes it)


@pytest.mark.parametrize("line, context", [
    ("Lihat [Perbup 12/2024](https://jdih.banglikab.go.id/perbup-12.pdf) (perlu verifikasi).", "Lihat Perbup 12/2024."),
    # A reference whose link text is its address: the host, not a 370 px unbreakable word.
    ("Bangsaonline (t.t.) (perlu verifikasi: tanggal). [https://www.bangsaonline.com/berita/158029/kota-cerdas]"
     "(https://www.bangsaonline.com/berita/158029/kota-cerdas)", "Bangsaonline (t.t.). www.bangsaonline.com"),
    ("Data https://bps.go.id/id/statistics-table/2/MTk4, lalu (perlu verifikasi).", "Data bps.go.id, lalu."),
    ("Situs https://banglikab.go.id/ (perlu verifikasi).", "Situs banglikab.go.id."),
    ("Kode [a] (b) tanpa tautan (perlu verifikasi).", "Kode [a] (b) tanpa tautan."),
])
def test_marker_context_reads_links_as_text_and_addresses_as_hosts(line, context):
    assert markers.find(line)[0].context == context


TABLE_MD = ("| A |\n|---|\n| 1 |\n\n/// table-caption\nJudul\n///\n\nSumber: BPS\n\n"
            "![x](x.png)\n\n/// figure-caption\nPeta\n///\n\n"
            "```markdown\n/// table-caption\nContoh di panduan\n///\n```\n")


def _rendered(markdown_text: str, numbers: PageNumbers) -> str:
    """The page HTML as the build makes it: the caption extension configured as in mkdocs.yml."""
    config = mkdocs_config()
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    options = {next(iter(e)): next(iter(e.values())) for e in config["markdown_extensions"] if isinstance(e, dict)}
    return captions.finish(markdown.markdown(markdown_text, extensions=names, extension_configs=options), numbers)


@pytest.mark.parametrize("numbers, table, figure", [
    (PageNumbers("BAB II", True, "2", 1, 2, "2"), "Tabel 2.1", "Gambar 2.1"),
    (PageNumbers("5.4", False, "5.4", 1, 1, "5", 3, 1), "Tabel 5.4", "Gambar 5.2"),
    (PageNumbers(None), "Tabel 1", "Gambar 1"),
    (PageNumbers("Lampiran B", True, "B", 1, 1, "B"), "Tabel B.1", "Gambar B.1"),
])
def test_captions_numbered_per_chapter_table_caption_above(numbers, table, figure):
    out = _rendered(captions.number(TABLE_MD, numbers), numbers)
    assert out.index(table) < out.index("<table>")  # caption above the table
    assert out.index("<img") < out.index(figure)  # caption below the figure
    assert f'id="tabel-{table.split()[1].replace(".", "-")}"' in out
    assert f'id="gambar-{figure.split()[1].replace(".", "-")}"' in out
    assert '<p class="sumber">Sumber: BPS</p>' in out
    assert "/// table-caption\nContoh di panduan" in out  # the guide's example stays as written


def test_numbers_continue_on_the_next_page_of_a_chapter_without_the_guides_examples():
    """The count carried to a chapter's next page and the numbers on the page come from the same caption
    blocks: an example in fenced code is neither numbered nor counted (it was counted, so the next page
    started one too far)."""
    first = parse("---\nbab: 5\n---\n# Strategi\n\n" + TABLE_MD)
    second = parse("# Tata Kelola\n\n" + TABLE_MD)
    numbers = plan([[("bab-5/index.md", first), ("bab-5/tata-kelola.md", second)]])["bab-5/tata-kelola.md"]
    assert (numbers.tables_before, numbers.figures_before) == (1, 1)
    out = _rendered(captions.number(TABLE_MD, numbers), numbers)
    assert "Tabel 5.2" in out and "Gambar 5.2" in out and "Tabel 5.3" not in out


@pytest.mark.parametrize("typed, shown", [
    ("Sumber: BPS (2024)", '<p class="sumber">Sumber: BPS (2024)</p>'),
    ("Sumber : BPS (2024)", '<p class="sumber">Sumber: BPS (2024)</p>'),  # Word's space before the colon
    ("sumber: BPS (2024)", '<p class="sumber">Sumber: BPS (2024)</p>'),
    ("**Sumber :** BPS (2024)", '<p class="sumber"><strong>Sumber:</strong> BPS (2024)</p>'),
    ("*Sumber : BPS (2024)*", '<p class="sumber"><em>Sumber: BPS (2024)</em></p>'),
    ("Sumber daya manusia TIK.", "<p>Sumber daya manusia TIK.</p>"),  # a sentence, not a source line
])
def test_source_lines_are_classed_and_printed_with_the_rules_opening(typed, shown):
    """Every source line that TABEL-SUMBER accepts reads "Sumber:" on the site and in the PDF (and so the
    PDF proofreader finds it), whatever the editor's spacing or case."""
    assert shown in _rendered(typed, PageNumbers(None))


@pytest.mark.parametrize("caption, shown", [
    ('<span class="caption-prefix">Tabel 5.2</span><abbr title="Organisasi Perangkat Daerah">OPD</abbr> koordinator',
     '<span class="caption-prefix">Tabel 5.2</span> <abbr'),
    ('<span class="caption-prefix">Tabel 5.1</span> Jumlah program', '<span class="caption-prefix">Tabel 5.1</span> Jumlah'),
])
def test_caption_prefix_and_text_stay_apart(caption, shown):
    """A caption whose text starts with an abbreviation read "Tabel 5.2OPD" on the site and in the PDF."""
    assert shown in captions.finish(f"<figcaption><p>{caption}</p></figcaption>", PageNumbers("BAB V", True, "5", 1, 2, "5"))
