"""The PDF proofreader (masterplan/pdf/proofreader.py): every rule with a failing and a passing page made
by WeasyPrint from a small HTML snippet, and the plan's own PDF read back in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from masterplan.pdf import proofreader

# The geometry of overrides/pdf/styles.scss that the proofreader relies on: A4, 25-mm top and bottom
# margins, the running header (8 pt) at the top right, filled table headers.
PAGE_CSS = """
@page { size: A4; margin: 25mm 20mm 25mm 30mm;
        @top-right { content: string(bagian); font-size: 8pt; }
        @top-center { content: string(lanjutan, start); vertical-align: bottom; font-size: 10pt; } }
body { font-family: "Source Sans 3", sans-serif; font-size: 11pt; line-height: 1.5; }
h1 { string-set: bagian content(); break-before: page; font-size: 20pt; }
h2 { font-size: 14pt; }
p { text-align: justify; margin: 0 0 6pt; orphans: 1; widows: 1; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
th, td { border: 0.5pt solid #9aa9a0; padding: 3pt; }
th { background: #e4eee8; }
tbody { string-set: lanjutan "Tabel 1.1 (lanjutan)"; }
p.sumber { string-set: lanjutan ""; font-size: 9pt; text-align: left; }
"""
NOWRAP = '<span style="white-space: nowrap">portal Satu Data Kabupaten Bangli bagian kependudukan</span>'
FILLER = " ".join(["Pemerintah Kabupaten Bangli menyusun rencana induk smart city bersama perangkat daerah."] * 4)


def paragraphs(count: int) -> str:
    return "".join(f"<p>{FILLER}</p>" for _ in range(count))


def table(rows: int, caption: str = "Tabel 1.1 Program") -> str:
    body = "".join(f"<tr><td>GOV-{i:02d}</td><td>Program layanan {i}</td><td>Rp1.250.000</td></tr>"
                   for i in range(rows))
    return (f"<p><b>{caption}</b></p><table><thead><tr><th>Kode</th><th>Program</th><th>Biaya</th></tr>"
            f"</thead><tbody>{body}</tbody></table>")


def split_table(rows_after: int, rows: int = 12) -> str:
    """A table whose last ``rows_after`` rows are forced onto the next page, a paragraph after it."""
    forced = " style='break-before: page'"
    body = "".join(f"<tr{forced if i == rows - rows_after else ''}><td>GOV-{i:02d}</td>"
                   f"<td>Program layanan {i}</td><td>Rp1.250.000</td></tr>" for i in range(rows))
    return (f"<p><b>Tabel 1.1 Program</b></p><table><thead><tr><th>Kode</th><th>Program</th><th>Biaya</th></tr>"
            f"</thead><tbody>{body}</tbody></table><p class='sumber'>Sumber: data uji.</p>{paragraphs(1)}")


def tall_row_table(row_css: str) -> str:
    """A table whose third row is taller than a page (a worksheet quote pasted into one cell): 66 sentences
    overflow the page, 45 still fit on it; every sentence more is WeasyPrint time in the unit tier."""
    tall = " ".join(["Kutipan panjang dari dokumen sumber yang disalin ke dalam satu sel tabel."] * 66)
    body = "".join(f"<tr style='{row_css}'><td>{i}</td><td>{tall if i == 2 else 'Data singkat'}</td></tr>"
                   for i in range(5))
    return f"<table><thead><tr><th>No</th><th>Data</th></tr></thead><tbody>{body}</tbody></table>"


def pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    from weasyprint import HTML  # imported by the worker that runs these tests, not by every collection

    path = tmp_path / "uji.pdf"
    HTML(string=f'<html lang="id"><head><style>{PAGE_CSS}{css}</style></head><body>{body}</body></html>',
         base_url=str(ROOT)).write_pdf(path)
    return path


def rules(path: Path, sources: str | None = None) -> list[str]:
    return [fault.rule for fault in proofreader.proofread(path, sources)]


FAIL_PASS = {
    # A Lampiran page whose header still names the BAB before it (header set only by the BAB).
    "KEPALA-HALAMAN": (
        f'<h1>BAB I Pendahuluan</h1>{paragraphs(2)}<h1 style="string-set: none">Lampiran A Daftar Istilah</h1>'
        f"{paragraphs(2)}",
        f"<h1>BAB I Pendahuluan</h1>{paragraphs(2)}<h1>Lampiran A Daftar Istilah</h1>{paragraphs(2)}"),
    # A heading and one sentence alone on a page, the chapter going on overleaf; passing: the short page
    # is the chapter's last page.
    "HALAMAN-HAMPIR-KOSONG": (
        f'<h1>BAB I Pendahuluan</h1>{paragraphs(2)}<h2 style="break-before: page">1.3 Dasar Hukum</h2>'
        f'<p>Satu kalimat.</p><p style="break-before: page">{FILLER}</p>{paragraphs(3)}',
        f'<h1>BAB I Pendahuluan</h1>{paragraphs(2)}<h2 style="break-before: page">1.3 Dasar Hukum</h2>'
        f"<p>Satu kalimat.</p><h1>BAB II Gambaran Umum</h1>{paragraphs(3)}"),
    "SUMBER-AWAL-HALAMAN": (
        f'<h1>BAB I Pendahuluan</h1>{table(4)}<p class="sumber" style="break-before: page">Sumber: BPS (2024).</p>'
        f"{paragraphs(2)}",
        f'<h1>BAB I Pendahuluan</h1>{table(4)}<p class="sumber">Sumber: BPS (2024).</p>{paragraphs(2)}'),
    # The table starts at the foot of a page: one body row, then the rest overleaf; passing: it shows four.
    "TABEL-TERPOTONG": (
        f'<h1>BAB I Pendahuluan</h1><div style="height: 198mm"></div>{table(30)}',
        f'<h1>BAB I Pendahuluan</h1><div style="height: 170mm"></div>{table(30)}'),
    # A table that does not fit moved whole to the next page, leaving half a page empty; passing: it starts
    # where it is and goes on overleaf.
    "RUANG-KOSONG": (
        f"<h1>BAB I Pendahuluan</h1>{paragraphs(4)}<div style='break-inside: avoid'>{table(20)}</div>",
        f"<h1>BAB I Pendahuluan</h1>{paragraphs(4)}{table(20)}"),
    # A row taller than a page kept whole: WeasyPrint starts it on a page of its own without the header.
    "TABEL-TANPA-KEPALA": (
        f"<h1>BAB I Pendahuluan</h1>{tall_row_table('break-inside: avoid')}",
        f"<h1>BAB I Pendahuluan</h1>{tall_row_table('break-inside: auto')}"),
    # A justified line before a long piece that cannot break (like the old "perlu verifikasi" badge).
    "SPASI-RENGGANG": (
        f"<h1>BAB I Pendahuluan</h1><p>Rujukan daring yang dipakai dalam bab ini dapat dibuka pada {NOWRAP} dan "
        "seterusnya.</p>",
        f"<h1>BAB I Pendahuluan</h1><p style='text-align: left'>Rujukan daring yang dipakai dalam bab ini dapat "
        f"dibuka pada {NOWRAP} dan seterusnya.</p>"),
    # A hard line break in the middle of a sentence (the review's "(rencana" / "detail tata ruang").
    "BARIS-PATAH": (
        f"<h1>BAB I Pendahuluan</h1><p style='text-align: left'>{FILLER} LIV-02 (rencana<br>detail tata ruang "
        f"digital) dan ENV-02 (rencana pemulihan Danau Batur). {FILLER}</p>",
        f"<h1>BAB I Pendahuluan</h1><p style='text-align: left'>{FILLER} LIV-02 (rencana detail tata ruang "
        f"digital) dan ENV-02 (rencana pemulihan Danau Batur). {FILLER}</p>"),
    "KOTAK-KOSONG": (
        f"<h1>BAB I Pendahuluan</h1><p>Alur layanan \ue000 terbit.</p>{paragraphs(1)}",
        f"<h1>BAB I Pendahuluan</h1><p>Alur layanan menuju terbit.</p>{paragraphs(1)}"),
}


@pytest.mark.unit
@pytest.mark.parametrize("rule", sorted(FAIL_PASS))
def test_rule_fails_on_the_fault_and_passes_without_it(tmp_path, rule):
    failing, passing = FAIL_PASS[rule]
    assert rule in rules(pdf(tmp_path, failing)), rule
    assert rule not in rules(pdf(tmp_path, passing)), rule


@pytest.mark.unit
@pytest.mark.parametrize("rows_after, faulty", [(2, True), (3, False)])
def test_a_table_ends_on_the_next_page_with_three_rows_or_more(tmp_path, rows_after, faulty):
    """TABEL-TERPOTONG after a break too: two short rows carried over (Tabel 6.3, second review) fail."""
    found = proofreader.proofread(pdf(tmp_path, f"<h1>BAB I Pendahuluan</h1>{split_table(rows_after)}"))
    assert any(f.rule == "TABEL-TERPOTONG" and "menyisakan" in f.message for f in found) is faulty


@pytest.mark.unit
@pytest.mark.parametrize("spacing, faulty", [("0", True), ("0.2em", False)])
def test_items_of_one_line_each_are_no_paragraph(tmp_path, spacing, faulty):
    """BARIS-PATAH: the roadmap legend (one line per item, 8 pt, a raised dagger after a fact) is no
    paragraph broken early when its items stand apart (Material's 0.2 em), however far the dagger reaches."""
    dagger = '<span style="position: relative; top: -0.35em; font-size: 7.5pt">†</span>'
    milestones = ["Penetapan dengan Peraturan Bupati", "Evaluasi akhir periode RPJMD 2025–2029",
                  "Evaluasi akhir dan penyusunan rencana induk berikutnya"]
    items = "".join(f"<li>Tonggak {n}: {text}{dagger}, 2029</li>" for n, text in enumerate(milestones, start=1))
    legend = (f"<ul style='list-style: none; font-size: 8.2pt; line-height: 1.5'>"
              f"<style>li {{ margin: {spacing} 0 }}</style>{items}</ul>")
    found = rules(pdf(tmp_path, f"<h1>BAB VI Program</h1>{legend}{paragraphs(1)}"))
    assert ("BARIS-PATAH" in found) is faulty


@pytest.mark.unit
@pytest.mark.parametrize("item, faulty", [
    ("Jumlah<br>rumah produksi bersama yang beroperasi (unit), dengan tahun dan sumber data.", True),
    ("Jumlah rumah produksi bersama yang beroperasi (unit), dengan tahun dan sumber data. Baseline, "
     "dipakai di Program ECO-02 (BAB VI).", False),
])
def test_a_list_items_first_line_is_measured_from_its_text(tmp_path, item, faulty):
    """BARIS-PATAH on a numbered item's first line ("3. Jumlah" alone, Lampiran F.10 in the review): its
    text, not its number, starts where the item's next lines do."""
    items = f"<li>UMKM binaan dalam register.</li><li>UMKM produk unggulan.</li><li>{item}</li>"
    found = rules(pdf(tmp_path, f"<h1>Lampiran F Daftar Kebutuhan Data</h1><ol>{items}</ol>{paragraphs(1)}"))
    assert ("BARIS-PATAH" in found) is faulty


@pytest.mark.unit
def test_ellipsis_only_when_the_sources_lack_it(tmp_path):
    path = pdf(tmp_path, "<h1>BAB VI Program</h1><p>Program Peningkatan Layanan Kepend… berjalan.</p>")
    assert "ELIPSIS" in rules(path, "Program Peningkatan Layanan Kependudukan Terpadu berjalan.")
    assert "ELIPSIS" not in rules(path, "Program Peningkatan Layanan Kepend… berjalan.")


@pytest.mark.unit
def test_a_fault_says_where_in_indonesian(tmp_path):
    failing, _ = FAIL_PASS["KEPALA-HALAMAN"]
    fault = next(f for f in proofreader.proofread(pdf(tmp_path, failing)) if f.rule == "KEPALA-HALAMAN")
    assert fault.page >= 2
    assert fault.text().startswith(f"halaman {fault.page}: [KEPALA-HALAMAN] kepala halaman \"BAB I Pendahuluan\"")
    assert "Lampiran A Daftar Istilah" in fault.message


@pytest.fixture(scope="module")
def plan_faults(full_build, plan_pages) -> list[proofreader.Fault]:
    """The proofreader's findings on the shared build of the plan, from its pages read once per run."""
    sources = "\n".join(path.read_text(encoding="utf-8") for folder in ("docs", "data")
                        for path in sorted((ROOT / folder).rglob("*")) if path.suffix in (".md", ".yml"))
    return proofreader.proofread(full_build.pdf, sources, plan_pages)


# Every rule of the proofreader (the ELIPSIS rule with the sources).
PLAN_RULES = ["KEPALA-HALAMAN", "HALAMAN-HAMPIR-KOSONG", "SUMBER-AWAL-HALAMAN", "TABEL-TERPOTONG", "RUANG-KOSONG",
              "TABEL-TANPA-KEPALA", "SPASI-RENGGANG", "BARIS-PATAH", "KOTAK-KOSONG", "ELIPSIS"]


@pytest.mark.build
@pytest.mark.parametrize("rule", PLAN_RULES)
def test_the_plan_pdf_has_no_typesetting_fault(plan_faults, rule):
    """The proofreader on the shared build of the plan: no fault a ministry reviewer would send back."""
    assert [fault.text() for fault in plan_faults if fault.rule == rule] == []
