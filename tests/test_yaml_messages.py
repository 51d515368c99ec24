"""YAML slips in a data file, as an editor makes them in the GitHub web editor, are said at the line to change
with the cause that line shows (masterplan/model/yaml_messages.py, through the one reader
masterplan/model/sources.py): the parser's own place and guess are often a line later and wrong."""

from __future__ import annotations

import pytest
from conftest import ROOT

from masterplan.model import sources

pytestmark = pytest.mark.unit

PROGRAMMES = (ROOT / "data" / "program.yml").read_text(encoding="utf-8")


def _once(old: str, new: str) -> str:
    assert old in PROGRAMMES, old
    return PROGRAMMES.replace(old, new, 1)


def _line(text: str, snippet: str) -> int:
    """The 1-based line that starts with ``snippet``."""
    return text[:("\n" + text).index("\n" + snippet)].count("\n") + 1


def _read(tmp_path, text: str) -> sources.YamlSource:
    path = tmp_path / "program.yml"
    path.write_text(text, encoding="utf-8", newline="")  # the web editor saves LF, one final newline
    return sources.read_yaml(path, "data/program.yml", syntax_rule="PROGRAM-YAML")


# Edits that are still YAML: a colon inside a value (a time, an address) is no missing space.
PASSING = {
    "jam di dalam nilai": _once("    nama: Integrasi Layanan", "    nama: Layanan 24:7 Integrasi Layanan"),
    "alamat web sebagai nilai": _once("    satuan: persen\n", "    satuan: persen\n      # lihat https://lapor.go.id\n"),
}


@pytest.mark.parametrize("text", PASSING.values(), ids=PASSING.keys())
def test_edit_that_is_still_yaml_reads(tmp_path, text):
    assert _read(tmp_path, text).problems == []


# (case, edited text, the start of the line the message must name, words it must hold, words it must not:
# the parser's own guess that sent editors the wrong way)
FAILING = [
    # No space after the colon: YAML reads "horizon:menengah" as one text and stops on the next line.
    ("spasi hilang sesudah titik dua", _once("    horizon: menengah\n", "    horizon:menengah\n"),
     "    horizon:menengah", ['beri satu spasi sesudah titik dua: "horizon: menengah"'], ["nama kolom tidak ada"]),
    ("spasi hilang di kolom terakhir sebuah bagian", _once("      sasaran: 1.1b\n    biaya:", "      sasaran:1.1b\n    biaya:"),
     "      sasaran:1.1b", ['"sasaran: 1.1b"'], ["nama kolom tidak ada"]),
    ("spasi hilang sesudah tanda butir", _once("  - kode: GOV-02", "  - kode:GOV-02"),
     "  - kode:GOV-02", ['"- kode: GOV-02"'], ["titik dua kedua"]),
    # A field of a copied entry that lost its indentation: YAML blames a second colon on the line after it.
    ("kolom kehilangan indentasi", _once("    horizon: menengah\n", "horizon: menengah\n"),
     "horizon: menengah", ["kehilangan indentasinya", "awali dengan 4 spasi"], ["titik dua kedua"]),
    ("kolom pertama sesudah kode kehilangan indentasi", _once("    nama: Pengembangan", "nama: Pengembangan"),
     "nama: Pengembangan", ["kehilangan indentasinya", "4 spasi"], ["titik dua kedua"]),
    ("kolom kehilangan sebagian indentasi", _once("    horizon: menengah\n", "  horizon: menengah\n"),
     "  horizon: menengah", ["kehilangan indentasinya", "4 spasi"], ["tidak sejajar dengan kunci"]),
    ("kolom terlalu menjorok", _once("    horizon: menengah\n", "      horizon: menengah\n"),
     "      horizon: menengah", ["lebih dalam", "4 spasi"], ["titik dua kedua"]),
    # The first field of a section moved left to the section's own column; the last one pushed too deep.
    ("kolom pertama sebuah bagian kehilangan indentasi", _once("      nama: Persentase pengaduan", "    nama: Persentase pengaduan"),
     "    nama: Persentase pengaduan", ["kehilangan indentasinya", "6 spasi", "di bawahnya"], ["titik dua kedua"]),
    ("kolom terakhir sebuah bagian terlalu menjorok", _once("      sasaran: 1.1b\n    biaya:", "        sasaran: 1.1b\n    biaya:"),
     "        sasaran: 1.1b", ["lebih dalam daripada kolom di atasnya", "6 spasi"], ["titik dua kedua"]),
    ("kolom terakhir sebuah bagian menjorok satu spasi lebih", _once("      sasaran: 1.1b\n    biaya:", "       sasaran: 1.1b\n    biaya:"),
     "       sasaran: 1.1b", ["lebih dalam daripada kolom di atasnya", "6 spasi"], ["titik dua kedua"]),
    # Word's curly quotes around a value with a colon: YAML does not read them as quotes, so "diapit tanda
    # kutip lurus" alone sent the editor looking for quotes that seem to be there.
    ("kutip lengkung dari Word", _once("    nama: Integrasi Layanan", "    nama: \u201cIntegrasi: Layanan\u201d"),
     "    nama: \u201cIntegrasi:", ["tanda kutip lengkung dari Word", "\u201c \u201d", 'tanda kutip lurus (")'], []),
    # Word's non-breaking space as indentation or after a colon: YAML blames a colon or the next line.
    ("spasi tak-putus sebagai indentasi", _once("      sasaran: 1.1b\n", "\u00a0" * 6 + "sasaran: 1.1b\n"),
     "\u00a0" * 6 + "sasaran", ["spasi tak-putus", "dari Word", "spasi biasa"], ["titik dua kedua"]),
    ("spasi tak-putus sesudah titik dua", _once("    status: usulan\n", "    status:\u00a0usulan\n"),
     "    status:\u00a0usulan", ["spasi tak-putus", "spasi biasa"], ["titik dua sesudah nama kolom tidak ada"]),
    ("kolom pertama sebuah bagian kurang satu spasi", _once("      nama: Persentase pengaduan", "     nama: Persentase pengaduan"),
     "     nama: Persentase pengaduan", ["awali dengan 6 spasi"], ["5 spasi"]),
    # Inside {…} a second colon ends the entry and the parser blames the brace: the value's line is said.
    ("titik dua di nilai tanpa kutip dalam kurung kurawal",
     _once('keluaran: "Kanal terhubung; SOP yang disesuaikan ditetapkan"', "keluaran: Kanal terhubung: SOP ditetapkan"),
     "      - {tahun: 2027", ["titik dua kedua"], ["kurung kurawal"]),
    ("kutip lengkung dengan titik dua dalam kurung kurawal",
     _once('keluaran: "Kanal terhubung; SOP yang disesuaikan ditetapkan"',
           "keluaran: \u201cKanal terhubung: SOP yang disesuaikan ditetapkan\u201d"),
     "      - {tahun: 2027", ["tanda kutip lengkung dari Word", "\u201c \u201d"], ["kurung kurawal"]),
    # A second colon in a value is what it seems, also right below a field that opens a section.
    ("titik dua di dalam nilai", _once("    nama: Integrasi Layanan", "    nama: Integrasi: Layanan"),
     "    nama: Integrasi:", ["titik dua kedua", '"Bab: Judul"'], ["indentasi"]),
    ("titik dua di kolom pertama sebuah bagian", _once("      nama: Persentase pengaduan", "      nama: Persentase: pengaduan"),
     "      nama: Persentase:", ["titik dua kedua"], ["indentasi"]),
]


@pytest.mark.parametrize("text, snippet, words, wrong", [case[1:] for case in FAILING], ids=[c[0] for c in FAILING])
def test_yaml_slip_is_said_at_its_own_line(tmp_path, text, snippet, words, wrong):
    [problem] = _read(tmp_path, text).problems
    assert problem.rule == "PROGRAM-YAML" and problem.line == _line(text, snippet), problem.text()
    assert all(word in problem.message for word in words), problem.text()
    explanation = problem.message.split(". Periksa")[0]  # the general advice after it names every cause
    assert not any(word in explanation for word in wrong), problem.text()
