"""Text hygiene, HTML safety, images, tables and links: pass/fail tables for every rule."""

from __future__ import annotations

import re

import pytest
from checks_util import CHAPTER, rules, run

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
TABLE = "| Kecamatan | Luas (km²) |\n|---|---:|\n| Susut | 49,3 |\n"
CAPTION = "/// table-caption\nLuas wilayah per kecamatan\n///\n"


def page(extra: str) -> str:
    return CHAPTER + "\n" + extra + "\n"


# (rule, extra Markdown added to a valid chapter, extra files)
FAILING = [
    ("KARAKTER-TAK-TERLIHAT", "Luas\u00a0wilayah Bangli.", {}),
    ("KARAKTER-TAK-TERLIHAT", "Luas\u200bwilayah Bangli.", {}),
    ("KARAKTER-TAK-TERLIHAT", "Teks\ufeff dengan BOM di tengah.", {}),
    ("KARAKTER-TAK-TERLIHAT", "Kata ber\u00adhubung lunak.", {}),
    ("KUTIP-MIRING", "Layanan \u201cBangli Era Baru\u201d.", {}),
    ("HURUF-RUSAK", "Luas wilayah 520,81 km\ufffd.", {}),
    ("HURUF-RUSAK", "Caf\ufffd dan \ufffdBangli\ufffd.", {}),
    ("KUTIP-MIRING", "Jum\u2019at dan \u2018kutip\u2019.", {}),
    ("TEKS-SEMENTARA", "TODO: lengkapi data.", {}),
    ("TEKS-SEMENTARA", "Lorem ipsum dolor sit amet.", {}),
    ("TEKS-SEMENTARA", "Jumlah aplikasi: [isi di sini].", {}),
    ("TEKS-SEMENTARA", "Nama kepala dinas [tulis nama].", {}),
    ("HTML-BERBAHAYA", "<script>alert(1)</script>", {}),
    ("HTML-BERBAHAYA", '<iframe src="https://example.org"></iframe>', {}),
    ("HTML-BERBAHAYA", '<object data="x.swf"></object>', {}),
    ("HTML-BERBAHAYA", "<style>body { display: none }</style>", {}),
    ("HTML-BERBAHAYA", 'Teks <span onclick="alert(1)">klik</span>.', {}),
    ("HTML-BERBAHAYA", '<a href="JavaScript:alert(1)">klik</a>', {}),
    ("HTML-BERBAHAYA", "[klik](javascript:alert(1))", {}),
    ("HTML-BERBAHAYA", '!!! note "Catatan"\n    <script>alert(1)</script>', {}),
    ("GAMBAR-LUAR", "![Peta Bangli](https://example.org/peta.png)", {}),
    ("GAMBAR-LUAR", "![Peta Bangli](https://github.com/user-attachments/assets/0a1b2c3d)", {}),
    ("GAMBAR-LUAR", '<img width="600" alt="Peta Bangli" src="https://github.com/user-attachments/assets/x">', {}),
    ("GAMBAR-HILANG", "![Peta Bangli](assets/images/tidak-ada.png)", {}),
    ("GAMBAR-HILANG", "![Peta Bangli](assets/images/Peta.PNG)", {"assets/images/peta.png": PNG}),
    ("GAMBAR-ALT", "![](assets/images/peta.png)", {"assets/images/peta.png": PNG}),
    ("GAMBAR-ALT", "![image](assets/images/peta.png)", {"assets/images/peta.png": PNG}),
    ("GAMBAR-ALT", '<img src="../assets/images/peta.png">', {"assets/images/peta.png": PNG}),
    ("GAMBAR-BESAR", "![Peta Bangli](assets/images/besar.png)", {"assets/images/besar.png": PNG * 12000}),
    ("TABEL-SUMBER", TABLE, {}),
    ("TABEL-SUMBER", TABLE + "\n" + CAPTION, {}),
    ("TABEL-SUMBER", TABLE + "\n" + CAPTION + "\nData diolah Tim Pelaksana.", {}),
    ("TABEL-SUMBER", TABLE + "\n" + CAPTION + "\nSumber data BPS Kabupaten Bangli 2024.", {}),
    ("TABEL-KOLOM", TABLE + "| Bangli | 56,3 | 9 desa |\n\nSumber: BPS.", {}),
    ("TABEL-KOLOM", TABLE + "| Bangli |\n\nSumber: BPS.", {}),
    ("TAUTAN-RUSAK", "[BAB I](bab-1-pendahuluan.md)", {}),
    ("TAUTAN-RUSAK", "[BAB I](Bab-1.md)", {"bab-1.md": "# Pendahuluan\n"}),
    ("TAUTAN-RUSAK", "[Bagian](#tidak-ada)", {}),
    ("TAUTAN-RUSAK", "[Bagian](bab-9-penutup.md#tidak-ada)", {}),
    ("TAUTAN-RUSAK", "[Beranda](/index.md)", {}),
    ("TAUTAN-RUSAK", "[Beranda](lampiran/)", {"lampiran/a.md": "# A\n"}),
    ("TAUTAN-RUSAK", "[Panduan](panduan/index.md)", {"panduan/index.md": "# Panduan\n"}),
    ("TAUTAN-RUSAK", "[Kosong]()", {}),
    ("DAFTAR-WORD", "Layanan:\n•\tPengaduan\n•\tPerizinan", {}),
    ("DAFTAR-WORD", "– Pengaduan\n– Perizinan", {}),
    ("DAFTAR-WORD", "- Infrastruktur\n  o\tJaringan desa", {}),
    ("DAFTAR-WORD", "▪ Pengaduan", {}),
    ("DAFTAR-WORD", "Tujuan:\na. Efisiensi\nb. Transparansi", {}),
    ("DAFTAR-WORD", "Tujuan:\n\na)\tEfisiensi\nb)\tTransparansi", {}),
    ("DAFTAR-WORD", "1) Kelembagaan\n2) Literasi", {}),
    ("DAFTAR-WORD", "Layanan:\n\uf0b7\tPengaduan\n\uf0b7\tPerizinan", {}),
    ("DAFTAR-WORD", "\uf0a7 Pengaduan\n\uf0d8 Perizinan", {}),
    ("DAFTAR-TAB", "Prioritas:\n\n\t1.\tKelembagaan\n\t2.\tLiterasi", {}),
    ("DAFTAR-TAB", "Prioritas:\n\n\t•\tKelembagaan", {}),
    ("DAFTAR-TAB", "Prioritas:\n\n    a) Kelembagaan", {}),
    ("PARAGRAF-TAB", "Latar:\n\n\tPemerintah daerah menyiapkan layanan pengaduan.", {}),
    ("PARAGRAF-TAB", "Latar:\n\n    Paragraf menjorok empat spasi\n    dua baris.", {}),
    ("DAFTAR-BARIS-KOSONG", "Langkah berikutnya:\n- Menetapkan Dewan\n- Menyusun rencana", {}),
    ("DAFTAR-BARIS-KOSONG", "Prioritas:\n1. Kelembagaan\n2. Literasi", {}),
    ("DAFTAR-BARIS-KOSONG", '!!! note "Catatan"\n    Langkah:\n    - Menetapkan', {}),
    # Indented as CommonMark (GitHub's preview) nests it, short of Python-Markdown's four spaces a level.
    ("DAFTAR-BERTINGKAT", "Kendala:\n\n- sinyal lemah di:\n  - Desa Songan;\n  - Desa Batur;\n- listrik padam.", {}),
    ("DAFTAR-BERTINGKAT", "Tahapan:\n\n1. Persiapan:\n   1. Pembentukan tim;\n   2. Survei.\n2. Pelaksanaan.", {}),
    ("DAFTAR-BERTINGKAT", "- Induk\n  1. Anak bernomor\n  2. Anak kedua", {}),
    ("DAFTAR-BERTINGKAT", "* Induk\n   * Anak tiga spasi", {}),
    ("DAFTAR-BERTINGKAT", "- Induk\n\n  - Anak sesudah baris kosong\n\n- Butir kedua", {}),
    ("DAFTAR-BERTINGKAT", "- Induk\n    - Anak\n      - Cucu enam spasi", {}),
    ("DAFTAR-BERTINGKAT", "- Induk\n\t- Anak dengan tab\n\t  - Cucu tab dan dua spasi", {}),
    ("DAFTAR-BERTINGKAT", "- Butir pertama\n\n  Paragraf lanjutan dua spasi.\n\n- Butir kedua", {}),
    ("DAFTAR-BERTINGKAT", "1. Butir pertama\n\n   Paragraf lanjutan tiga spasi.\n2. Butir kedua", {}),
    ("DAFTAR-BERTINGKAT", "- Butir pertama\n\n  ![Peta Bangli](assets/images/peta.png)\n- Butir kedua",
     {"assets/images/peta.png": PNG}),
    ("DAFTAR-BERTINGKAT", '!!! note "Catatan"\n    - Induk\n      - Anak', {}),
    ("DAFTAR-BERTINGKAT", "> - Kutipan berisi daftar\n>   - dengan sub-butir dua spasi", {}),
    ("TABEL-TAB", "Kecamatan\tLuas\nSusut\t49,3", {}),
    ("TABEL-TAB", "No\tKecamatan\tLuas", {}),
    ("TABEL-TAB", "Data:\n\n\tKecamatan\tLuas\n\tSusut\t49,3", {}),
    ("BLOK-TAKDIKENAL", TABLE + "\n/// tabel-caption\nLuas\n///\n\nSumber: BPS.", {}),
    ("BLOK-TAKDIKENAL", "/// note\nCatatan\n///", {}),
    ("BLOK-TERBUKA", TABLE + "\n/// table-caption\nLuas\n\nSumber: BPS.", {}),
    ("BLOK-TERBUKA", "![Peta](assets/images/peta.png)\n\n/// figure-caption\nPeta", {"assets/images/peta.png": PNG}),
    ("TABEL-JUDUL", TABLE + "\nSumber: BPS.", {}),
    ("TABEL-JUDUL", '!!! note "Catatan"\n\n    ' + TABLE.replace("\n", "\n    ") + "\n    Sumber: BPS.", {}),
    ("TABEL-JUDUL", CAPTION + "\n" + TABLE + "\nSumber: BPS.", {}),
    ("TABEL-JUDUL", "Paragraf biasa.\n\n" + CAPTION, {}),
    ("GAMBAR-JALUR", '<img src="assets/images/peta.png" alt="Peta Bangli">', {"assets/images/peta.png": PNG}),
    ("GAMBAR-JALUR", "![Peta Bangli](images/peta.png)", {"assets/images/peta.png": PNG}),
]

PASSING = [
    ("Luas wilayah Bangli (perlu verifikasi).", {}),
    ("Angka ini (perlu verifikasi: angka resmi terbaru BPS).", {}),
    ('Layanan "Bangli Era Baru" dan \'kutip\'.', {}),
    ("Rentang 2025–2034 dan 520,81 km².", {}),
    ("```text\nTODO \u201ccontoh salah\u201d \u00a0 <script>\n```", {}),
    ("Contoh `TODO` dan `[isi di sini]` di dalam kode.", {}),
    ("Kata TODOS dan XX bukan teks sementara; mastodon juga.", {}),
    ("<details><summary>Rincian</summary>Isi.</details>", {}),
    ("[Situs resmi](https://banglikab.go.id/)", {}),
    ("![Peta Bangli](assets/images/peta.png)", {"assets/images/peta.png": PNG}),
    ('<img src="../assets/images/peta.png" alt="Peta Bangli">', {"assets/images/peta.png": PNG}),
    (TABLE + "\n" + CAPTION + "\nSumber: Kabupaten Bangli Dalam Angka 2009.", {}),
    (TABLE + "\n" + CAPTION + "\n**Sumber:** BPS, 2020.", {}),
    (TABLE + "\n" + CAPTION + "\nSumber : BPS (2024).", {}),  # Word's space before the colon
    (TABLE + "\n" + CAPTION + "\nsumber : BPS (2024).", {}),
    (TABLE + "\n" + CAPTION + "\n**Sumber :** BPS, 2020.", {}),
    (TABLE + "\n" + CAPTION + "\n*Sumber : BPS (2024).*", {}),
    ("| Kode | Isi |\n|---|---|\n| `a|b` | x \\| y |\n\n" + CAPTION + "\nSumber: Tim.", {}),
    ('!!! note "Catatan"\n\n    ' + (TABLE + "\n" + CAPTION).replace("\n", "\n    ") + "\n    Sumber: BPS.", {}),
    ("[Kesimpulan](#kesimpulan) dan [bagian](bab-9-penutup.md#rekomendasi)", {}),
    ("[BAB I](bab-1.md#latar-belakang)", {"bab-1.md": "# Pendahuluan\n\n## 1.1 Latar Belakang\n\nTeks.\n"}),
    ("[Tetap](bab-1.md#dasar)", {"bab-1.md": "# P\n\n## Dasar Hukum { #dasar }\n\nTeks.\n"}),
    ("[PDF](assets/dok.pdf)", {"assets/dok.pdf": b"%PDF-1.4"}),
    ("Layanan:\n\n- Pengaduan\n- Perizinan\n\n1. Kelembagaan\n2. Literasi", {}),
    ("1.\tKelembagaan\n2.\tLiterasi", {}),
    ("Tahun 2025 dan huruf a. di tengah kalimat; butir 1) juga.", {}),
    ("- Infrastruktur\n    - Jaringan desa", {}),
    ("Langkah berikutnya:\n\n- Menetapkan Dewan\n- Menyusun rencana", {}),
    ("1. Kelembagaan\n    - Perbup\n2. Literasi", {}),
    ("- Butir pertama\n\n    Paragraf lanjutan butir itu, menjorok.", {}),
    ("Kendala:\n\n- sinyal lemah di:\n    - Desa Songan;\n    - Desa Batur;\n- listrik padam.", {}),
    ("1. Persiapan:\n    1. Pembentukan tim;\n    2. Survei.\n2. Pelaksanaan.", {}),
    ("- Induk\n    - Anak\n        - Cucu delapan spasi", {}),
    ("- Induk\n\t- Anak dengan tab, dari Word\n\t\t- Cucu dua tab", {}),
    ("- Induk\n  \t- Anak dua spasi dan tab (empat kolom)", {}),
    ("- Butir pertama\n  baris lanjutan tanpa baris kosong\n- Butir kedua", {}),
    ("1. Butir pertama\n\n    Paragraf lanjutan empat spasi.\n\n2. Butir kedua", {}),
    ("- Butir pertama\n\n\tParagraf lanjutan dengan tab.\n\n- Butir kedua", {}),
    ("   - Daftar menjorok tiga spasi\n     - Anaknya lima spasi", {}),
    ('!!! note "Catatan"\n    - Induk\n        - Anak', {}),
    ("> - Kutipan berisi daftar\n>     - dengan sub-butir empat spasi", {}),
    ("```markdown\n- Contoh salah di panduan\n  - Sub-butir dua spasi\n```", {}),
    ('!!! note "Catatan"\n    Isi kotak peringatan menjorok empat spasi.', {}),
    ("Kalimat biasa\n    dengan baris lanjutan yang menjorok.", {}),
    ("Teks.[^1]\n\n[^1]: Catatan kaki.\n\n    Paragraf kedua catatan kaki, menjorok.", {}),
    ("Istilah\n: Definisinya.\n\n    Paragraf kedua definisi, menjorok.", {}),
    ("Rentang tahun\n2025 sampai 2034.", {}),
    ("Kata o dan tanda – di tengah kalimat; 2025 – 2034.", {}),
    ("```text\n•\tcontoh salah\nA\tB\n/// tabel-caption\n```", {}),
    ("![Peta](assets/images/peta.png)\n\n/// figure-caption\nPeta wilayah\n///", {"assets/images/peta.png": PNG}),
    ("/// caption\nKeterangan\n///", {}),
]


@pytest.mark.parametrize(("rule", "extra", "files"), FAILING)
def test_failing_input_reports_rule(tmp_path, rule, extra, files):
    problems = run(tmp_path, page(extra), files=files)
    assert rule in rules(problems), [p.text() for p in problems]
    hit = next(p for p in problems if p.rule == rule)
    assert hit.line > CHAPTER.count("\n"), hit.text()  # at the added line, not elsewhere


@pytest.mark.parametrize(("extra", "files"), PASSING)
def test_passing_input_has_no_problem(tmp_path, extra, files):
    problems = run(tmp_path, page(extra), files=files)
    assert problems == [], [p.text() for p in problems]


@pytest.mark.parametrize(("extra", "line", "words"), [
    # The reviewer's case: one problem for the sub-list, naming both lines and the parent item.
    ("- sinyal lemah di:\n  - Desa Songan;\n  - Desa Batur;", 2,
     ["Butir bertingkat di baris {2}–{3} menjorok 2 spasi di bawah butir baris {1}.", "sejajar",
      'dengan 4 spasi, mis. "    - Desa Songan;"']),
    ("1. Persiapan:\n   1. Pembentukan tim;\n2. Pelaksanaan.", 2, ["baris {2} menjorok 3 spasi", '"    1. Pembentukan tim;"']),
    ("- Induk\n    - Anak\n      - Cucu", 3, ["menjorok 6 spasi", 'dengan 8 spasi, mis. "        - Cucu"']),
    ("- Butir\n\n  Lanjutan.", 3, ["Baris {3} menjorok 2 spasi sebagai lanjutan butir daftar baris {1}", "terputus",
                                    '"    Lanjutan."']),
    # Inside an admonition the file's line carries the box's four spaces too: the editor counts those.
    ('!!! note "Catatan"\n    - Induk\n      - Anak', 3, ["menjorok 6 spasi", 'dengan 8 spasi, mis. "        - Anak"']),
    # In a block quote the spaces are counted after its "> ", as both parsers read them.
    ("> - Induk\n>   - Anak", 2, ["menjorok 2 spasi", 'dengan 4 spasi, mis. ">     - Anak"']),
])
def test_nested_list_message_names_its_lines_and_the_spaces_to_type(tmp_path, extra, line, words):
    first = CHAPTER.count("\n") + 2  # the file line of the added text's first line
    [problem] = run(tmp_path, page(extra))
    assert (problem.rule, problem.line) == ("DAFTAR-BERTINGKAT", first + line - 1)
    for word in words:
        word = re.sub(r"\{(\d+)\}", lambda m: str(first + int(m.group(1)) - 1), word)
        assert word in problem.message, problem.message


@pytest.mark.parametrize(("text", "line", "column"), [
    ("Satu\u00a0dua", 1, 5), ("ab \u201ckutip\u201d", 1, 4), ("x\n\nLuas \u200bwilayah", 3, 6),
])
def test_hygiene_reports_line_and_column(tmp_path, text, line, column):
    offset = CHAPTER.count("\n") + 1
    [problem] = [p for p in run(tmp_path, page(text)) if p.rule in ("KARAKTER-TAK-TERLIHAT", "KUTIP-MIRING")]
    assert (problem.line, problem.column) == (offset + line, column)


def test_crlf_and_bom_files(tmp_path):
    crlf = run(tmp_path, CHAPTER.replace("\n", "\r\n"))
    assert rules(crlf) == {"AKHIR-BARIS-CRLF"}
    bom = run(tmp_path, "\ufeff" + CHAPTER)
    assert [(p.rule, p.line, p.column) for p in bom] == [("KARAKTER-TAK-TERLIHAT", 1, 1)]


def test_unreadable_and_non_utf8_files_are_problems(tmp_path):
    latin1 = CHAPTER.replace("Teks kaidah.", "Luas km\xb2.").encode("latin-1")
    [problem] = run(tmp_path, latin1)
    assert problem.rule == "BERKAS-TAK-TERBACA" and problem.line == 19
    from masterplan import checks
    [missing] = checks.run([tmp_path / "docs" / "tidak-ada.md"], tmp_path / "docs", tmp_path)
    assert missing.rule == "BERKAS-TAK-TERBACA"
