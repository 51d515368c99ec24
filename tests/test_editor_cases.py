"""Editors' mistakes, as an OPD editor makes them: text typed in the GitHub web editor or pasted from Word,
checked through the pull request's entry point (``scripts/validate.py``, whose logic is
``masterplan.cli.validate.main``). Every mistake turns the check red at the right line with a message a
non-programmer can act on; every correct edit passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from masterplan.cli import validate
from masterplan.model import settings

CHAPTER = (ROOT / "docs" / "bab-9-penutup.md").read_text(encoding="utf-8")
# English that must never reach an editor: YAML parser messages and MkDocs/WeasyPrint warnings.
ENGLISH = re.compile(r"mapping values|could not find|found character|expected <|not included in the nav|"
                     r"Failed to load|Traceback|is not found|does not exist", re.IGNORECASE)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of the plan's docs/ and mkdocs.yml, for the editor to change one file in."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs" / "assets" / "images" / "peta-bangli.png").write_bytes(PNG)
    return tmp_path


def check(capsys, *paths: Path) -> tuple[int, list[str]]:
    """Exit status and the problem lines of ``scripts/validate.py PATH ...``."""
    status = validate.main([str(p) for p in paths])
    lines = capsys.readouterr().out.splitlines()
    return status, [line for line in lines if "] " in line]


def web_editor(text: str) -> str:
    """What the GitHub web editor saves: LF line ends and one final newline."""
    return text.replace("\r\n", "\n").rstrip("\n") + "\n"


def edit(repo: Path, name: str, text: str) -> Path:
    path = repo / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(web_editor(text), encoding="utf-8", newline="")
    return path


def added(text: str) -> str:
    """The plan's BAB IX with ``text`` appended at the end, as an editor adds a paragraph."""
    return CHAPTER.rstrip("\n") + "\n\n" + text


# (case, file, text, rule, line: a file line, or "+n" counted from the first appended line, words the
# message must hold)
MISTAKES = [
    ("Word bullets •", "bab-9-penutup.md",
     added("Langkah berikutnya:\n•\tMenetapkan Dewan Smart City\n•\tMenyusun rencana aksi tahunan"),
     "DAFTAR-WORD", "+1", ['"•"', '"- Menetapkan Dewan Smart City"', "baris kosong"]),
    ("Word bullets –", "bab-9-penutup.md", added("– Menetapkan Dewan Smart City\n– Menyusun rencana aksi"),
     "DAFTAR-WORD", "+0", ['"–"', '"- Menetapkan Dewan Smart City"']),
    ("Word bullets · and o", "bab-9-penutup.md", added("· Infrastruktur\no\tJaringan desa\no\tPusat data"),
     "DAFTAR-WORD", "+0", ["tanda hubung"]),
    # Word's sub-bullets keep their indent in the paste: the advice must keep them sub-items
    ("Word bullets with indented sub-bullets", "bab-9-penutup.md",
     added("Susunan tim:\n\n•\tKetua: Bupati\n\to\tWakil: Sekretaris Daerah\n•\tSekretaris: Kepala Diskominfosan"),
     "DAFTAR-WORD", "+2", ['"- Ketua: Bupati"', 'tetap menjorok dengan 4 spasi di depannya (baris', '"    - Wakil: Sekretaris Daerah"']),
    ("list typed right under a line (the web editor's preview shows a list)", "bab-9-penutup.md",
     added("Langkah berikutnya:\n- Menetapkan Dewan Smart City\n- Menyusun rencana aksi tahunan"),
     "DAFTAR-BARIS-KOSONG", "+1", ["baris kosong", "satu paragraf"]),
    ("sub-list indented two spaces, nested in the web editor's preview only", "bab-9-penutup.md",
     added("Kendala jaringan:\n\n- sinyal lemah di:\n  - Desa Batur;\n  - Kecamatan Kintamani;\n"
           "- listrik sering padam."), "DAFTAR-BERTINGKAT", "+3",
     ["menjorok 2 spasi", "sejajar dengan butir di atasnya", '4 spasi, mis. "    - Desa Batur;"']),
    ("numbered sub-list indented three spaces", "bab-9-penutup.md",
     added("Tahapan:\n\n1. Persiapan:\n   1. pembentukan tim;\n   2. survei lapangan.\n2. Pelaksanaan."),
     "DAFTAR-BERTINGKAT", "+3", ["menjorok 3 spasi", '4 spasi, mis. "    1. pembentukan tim;"']),
    ("paragraph of a list item indented two spaces", "bab-9-penutup.md",
     added("Langkah:\n\n- Menetapkan Dewan Smart City.\n\n  Dewan diketuai Sekretaris Daerah.\n\n"
           "- Menyusun rencana aksi tahunan."), "DAFTAR-BERTINGKAT", "+4",
     ["menjorok 2 spasi sebagai lanjutan butir", "terputus", '"    Dewan diketuai Sekretaris Daerah."']),
    ("Word paste: the third level indented with a tab and two spaces", "bab-9-penutup.md",
     added("Layanan:\n\n- Infrastruktur\n\t- Jaringan desa\n\t  - Menara telekomunikasi"),
     "DAFTAR-BERTINGKAT", "+4", ["menjorok 6 spasi", '8 spasi, mis. "        - Menara telekomunikasi"']),
    ("tab-indented numbered list", "bab-9-penutup.md",
     added("Prioritas:\n\n\t1.\tPenguatan kelembagaan\n\t2.\tLiterasi digital"),
     "DAFTAR-TAB", "+2", ["kotak kode", '"1. Penguatan kelembagaan"']),
    ("Word table pasted as tabs", "bab-9-penutup.md",
     added("Kecamatan\tLuas (km²)\tDesa\nSusut\t49,3\t9\nBangli\t56,3\t9"),
     "TABEL-TAB", "+0", ["`| Kecamatan | Luas (km²) | Desa |`", "`|---|---|---|`"]),
    ("misspelt caption block", "bab-9-penutup.md",
     added("| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\n/// tabel-caption\nLuas wilayah\n///\n\n"
           "Sumber: BPS."), "BLOK-TAKDIKENAL", "+4", ['"/// table-caption"']),
    ("data table without caption", "bab-9-penutup.md",
     added("| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\nSumber: BPS Kabupaten Bangli, 2024."),
     "TABEL-JUDUL", "+0", ["Daftar Tabel", '"/// table-caption"']),
    ("caption written above its table, as in Word", "bab-9-penutup.md",
     added("/// table-caption\nLuas wilayah\n///\n\n| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\n"
           "Sumber: BPS."), "TABEL-JUDUL", "+0", ["di atas tabel (baris", "Pindahkan", "ke bawah tabel"]),
    ("chapter number in quotes", "bab-9-penutup.md", CHAPTER.replace("bab: 9", 'bab: "9"'),
     "FRONT-MATTER-NILAI", CHAPTER[:CHAPTER.index("bab: 9")].count("\n") + 1,
     ['Nilai "bab: "9""', "hapus tanda kutipnya: bab: 9"]),
    ("OPD written by its name", "bab-9-penutup.md", CHAPTER.replace("opd: bappeda", "opd: Bappeda Bangli"),
     "FRONT-MATTER-NILAI", CHAPTER[:CHAPTER.index("opd: bappeda")].count("\n") + 1,
     ["bukan nama", "opd: bappeda"]),
    ("BAB number typed in the H1", "bab-9-penutup.md", CHAPTER.replace("\n# Penutup\n", "\n# BAB IX PENUTUP\n"),
     "JUDUL-NOMOR-BAB", CHAPTER[:CHAPTER.index("\n# Penutup\n")].count("\n") + 2, ['"BAB IX"', '"# Penutup"']),
    ("unclosed caption block", "bab-9-penutup.md",
     added("| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\n/// table-caption\nLuas wilayah\n\n"
           "Sumber: BPS."), "BLOK-TERBUKA", "+4", ['"/// table-caption"', '"///"']),
    ("invisible character inside a word", "bab-9-penutup.md", added("Pelayanan pub\u200blik yang cepat."),
     "KARAKTER-TAK-TERLIHAT", "+0", ['"publik"', "hapus kata itu", "tanpa menambah spasi"]),
    ("non-breaking space between words", "bab-9-penutup.md", added("Pelayanan\u00a0publik."),
     "KARAKTER-TAK-TERLIHAT", "+0", ['"Pelayanan" dan "publik"', "spasi biasa"]),
    ("BOM at the start", "bab-9-penutup.md", "\ufeff" + CHAPTER, "KARAKTER-TAK-TERLIHAT", 1, ["BOM", "harus dihapus", "hapus seluruh baris 1"]),
    ("required heading typed in bold, as in Word", "bab-9-penutup.md",
     CHAPTER.replace("## Rekomendasi", "**Rekomendasi**"),
     "BAGIAN-WAJIB", CHAPTER[:CHAPTER.index("## Rekomendasi")].count("\n") + 1,
     ["ditulis tebal", 'Ganti baris ini menjadi "## Rekomendasi"']),
    ("misspelt required heading", "bab-9-penutup.md", CHAPTER.replace("## Rekomendasi", "## Rekomendsi"),
     "BAGIAN-WAJIB", CHAPTER[:CHAPTER.index("## Rekomendasi")].count("\n") + 1,
     ['"## Rekomendsi"', '"## Rekomendasi"', "jangan menambah judul baru"]),
    ("link with a wrong ../ from a top-level chapter", "bab-9-penutup.md",
     added("Lihat [BAB I](../bab-1-pendahuluan.md)."), "TAUTAN-RUSAK", "+0",
     ["tanpa ../", "[teks tautan](bab-1-pendahuluan.md)"]),
    ("absolute site address of a chapter", "bab-9-penutup.md",
     added("Lihat [BAB II](/bab-2-gambaran-umum/)."), "TAUTAN-RUSAK", "+0",
     ["alamat absolut", "[teks tautan](bab-2-gambaran-umum.md)"]),
    ("full address of the plan's own site", "bab-9-penutup.md",
     added("Lihat [BAB V](https://smartcity.banglikab.go.id/draf/bab-5/#visi)."), "TAUTAN-RUSAK", "+0",
     ["situs rencana induk ini sendiri", "[teks tautan](bab-5/index.md#visi)"]),
    ("lettered list typed as in Word", "bab-9-penutup.md",
     added("Tujuan:\n\na. Efisiensi layanan\nb. Transparansi anggaran"), "DAFTAR-WORD", "+2",
     ['"a."', '"1. Efisiensi layanan"', "nomor, titik"]),
    ("paragraph indented with a tab, as Word's first-line indent", "bab-9-penutup.md",
     added("Paragraf baru.\n\n\tPemerintah daerah menyiapkan layanan pengaduan."), "PARAGRAF-TAB", "+2",
     ["kotak kode", '"Pemerintah daerah menyiapkan layanan pengaduan."']),
    ("long indented paragraph: the example ends at a whole word", "bab-9-penutup.md",
     added("Paragraf baru.\n\n\tPemerintah daerah menyiapkan layanan pengaduan terpadu bagi seluruh warga."),
     "PARAGRAF-TAB", "+2", ['"Pemerintah daerah menyiapkan layanan pengaduan terpadu bagi …"']),
    ("Word's Symbol-font bullets", "bab-9-penutup.md",
     added("Layanan:\n\n\uf0b7\tPengaduan warga\n\uf0b7\tPerizinan daring"), "DAFTAR-WORD", "+2",
     ['"- Pengaduan warga"']),
    ("image in HTML with a path from the file's folder", "bab-2-gambaran-umum.md",
     added('<img src="assets/images/peta-bangli.png" alt="Peta Kabupaten Bangli">'), "GAMBAR-JALUR", "+0",
     ["![keterangan gambar](assets/images/peta-bangli.png)", 'src="../assets/images/peta-bangli.png"']),
    ("Markdown image from a sub-folder without ../", "bab-5/index.md",
     added("![Peta Kabupaten Bangli](assets/images/peta-bangli.png)"), "GAMBAR-JALUR", "+0",
     ["(../assets/images/peta-bangli.png)"]),
]


@pytest.mark.parametrize("case, name, text, rule, line, words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_mistake_turns_the_check_red_with_a_message_to_act_on(repo, capsys, case, name, text, rule, line, words):
    if name in ("bab-2-gambaran-umum.md", "bab-5/index.md"):
        text = text.replace(CHAPTER.rstrip("\n"), (ROOT / "docs" / name).read_text(encoding="utf-8").rstrip("\n"))
        base = (ROOT / "docs" / name).read_text(encoding="utf-8").rstrip("\n").count("\n") + 3
    else:
        base = CHAPTER.rstrip("\n").count("\n") + 3  # first line of the appended text
    status, problems = check(capsys, edit(repo, name, text))
    assert status == 1, problems
    hits = [p for p in problems if f"[{rule}]" in p]
    assert hits, problems
    expected = base + int(line[1:]) if isinstance(line, str) else line
    assert re.match(rf"^\S*docs/{re.escape(name)}:{expected}(:\d+)?: \[{rule}\] ", hits[0]), hits
    for word in words:
        assert word in hits[0], hits[0]
    assert not ENGLISH.search("\n".join(problems))


@pytest.mark.parametrize("encoding, line, words", [
    ("utf-16", 1, ["UTF-16", '"Unicode"', "History", "teks biasa"]),  # Word's "Unicode": no web editor can open it
    # Word's default on Windows: reported at the first letter that UTF-8 cannot read
    ("cp1252", next(n for n, text in enumerate(CHAPTER.split("\n"), 1) if not text.isascii()),
     ["tidak tersimpan sebagai UTF-8", "editor web GitHub"]),
])
def test_a_chapter_saved_in_another_encoding_says_how_to_get_it_back(repo, capsys, encoding, line, words):
    path = repo / "docs" / "bab-9-penutup.md"
    path.write_bytes((CHAPTER + "Kafe \u201ckutip\u201d.\n").encode(encoding))
    status, problems = check(capsys, path)
    assert status == 1 and len(problems) == 1, problems
    assert re.match(rf"^\S*docs/bab-9-penutup\.md:{line}:\d+: \[BERKAS-TAK-TERBACA\] ", problems[0]), problems
    for word in words:
        assert word in problems[0], problems[0]


def test_unclosed_caption_is_not_reported_as_a_missing_source(repo, capsys):
    text = added("| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\n/// table-caption\nLuas wilayah\n\nSumber: BPS.")
    _, problems = check(capsys, edit(repo, "bab-9-penutup.md", text))
    assert [p for p in problems if "[BLOK-TERBUKA]" in p] and not [p for p in problems if "[TABEL-SUMBER]" in p]


def test_front_matter_without_closing_line_is_reported_where_it_is_missing(repo, capsys):
    lines = CHAPTER.split("\n")
    closing = lines.index("---", 1)  # 0-based index of the closing ---
    text = "\n".join(lines[:closing] + lines[closing + 1:])
    status, problems = check(capsys, edit(repo, "bab-9-penutup.md", text))
    [hit] = [p for p in problems if "[FRONT-MATTER-YAML]" in p]
    assert status == 1 and f"bab-9-penutup.md:{closing + 1}:" in hit and '"---"' in hit
    assert not ENGLISH.search(hit)


def test_front_matter_opener_cut_to_two_dashes_gives_one_line_per_problem(repo, capsys):
    """Found by the fuzzing of tests/test_robustness.py: with "--" for "---" the front matter becomes a
    setext heading spanning five lines, and its quoted text broke the report into lines naming no file."""
    path = edit(repo, "bab-9-penutup.md", CHAPTER.replace("---\n", "--\n", 1))
    status, lines = validate.main([str(path)]), capsys.readouterr().out.splitlines()
    assert status == 1 and lines
    assert all(re.match(r"^\S*docs/bab-9-penutup\.md:\d+(:\d+)?: \[[A-Z-]+\] ", line) for line in lines[:-1]), lines


@pytest.mark.parametrize("old, broken, line, words", [
    ("title: Penutup", "title Penutup", 2, ['"title: Penutup"']),
    ("title: Penutup", "title: BAB IX: Penutup", 2, ['title: "BAB IX: Penutup"']),
    ("title: Penutup", "  title: Penutup", 2, ["spasi atau tab"]),
    # The space after the colon left out: the same advice as in the data files (YAML-SALAH's tanpa_spasi).
    ("status: draf", "status:tinjauan", 5, ['beri satu spasi sesudah titik dua: "status: tinjauan"']),
    ("tahap: 2", "tahap:2", 6, ['"tahap: 2"']),
])
def test_front_matter_mistakes_in_indonesian_at_their_line(repo, capsys, old, broken, line, words):
    text = CHAPTER.replace(old, broken, 1)
    _, problems = check(capsys, edit(repo, "bab-9-penutup.md", text))
    [hit] = [p for p in problems if "[FRONT-MATTER-YAML]" in p]
    assert f"bab-9-penutup.md:{line}:" in hit and all(w in hit for w in words) and not ENGLISH.search(hit)
    assert "tidak punya titik dua" not in hit or ":" not in broken  # a colon written is never said missing


def test_new_chapter_outside_the_navigation(repo, capsys):
    text = CHAPTER.replace("bab: 9", "bab: 9").replace("title: Penutup", "title: Rencana Tindak Lanjut") \
        .replace("# Penutup", "# Rencana Tindak Lanjut")
    status, problems = check(capsys, edit(repo, "bab-10-rencana-tindak-lanjut.md", text))
    [hit] = [p for p in problems if "[HALAMAN-NAVIGASI]" in p]
    assert status == 1 and "bab-10-rencana-tindak-lanjut.md:1:" in hit and "nav:" in hit and "mkdocs.yml" in hit


@pytest.mark.parametrize("new_name, suggestion", [
    ("bab-9-penutup.MD", '"bab-9-penutup.md"'),
    ("bab 9 penutup.md", '"bab-9-penutup.md"'),
])
def test_renamed_file(repo, capsys, new_name, suggestion):
    (repo / "docs" / "bab-9-penutup.md").rename(repo / "docs" / new_name)
    status, problems = check(capsys, repo / "docs")
    names = [p for p in problems if "[NAMA-BERKAS]" in p]
    assert status == 1 and names and suggestion in names[0] and new_name in names[0]
    # The nav still names the old file: reported at its line in mkdocs.yml, in Bahasa Indonesia.
    nav = [p for p in problems if "[HALAMAN-NAVIGASI]" in p and "mkdocs.yml:" in p]
    assert nav and '"bab-9-penutup.md"' in nav[0]
    assert not ENGLISH.search("\n".join(problems))


CORRECT = [
    ("Balinese and Indonesian words", "bab-9-penutup.md",
     added("Warga desa adat ngayah di pura setiap hari Jum'at, sesuai falsafah Tri Hita Karana dan hukum "
           "adatnya.")),
    ("Markdown list after a blank line", "bab-9-penutup.md",
     added("Langkah berikutnya:\n\n- Menetapkan Dewan Smart City\n- Menyusun rencana aksi tahunan\n\n"
           "1. Penguatan kelembagaan\n2. Literasi digital")),
    ("sub-lists indented four spaces", "bab-9-penutup.md",
     added("Kendala jaringan:\n\n- sinyal lemah di:\n    - Desa Batur;\n    - Kecamatan Kintamani;\n"
           "- listrik sering padam.\n\n1. Persiapan:\n    1. pembentukan tim;\n    2. survei lapangan.\n"
           "2. Pelaksanaan.\n\n- Menetapkan Dewan Smart City.\n\n    Dewan diketuai Sekretaris Daerah.\n\n"
           "- Menyusun rencana aksi tahunan.")),
    ("Word paste: sub-list indented with a tab", "bab-9-penutup.md",
     added("Kendala jaringan:\n\n- sinyal lemah di:\n\t- Desa Batur;\n\t- Kecamatan Kintamani;\n"
           "- listrik sering padam.")),
    ("table with caption and source", "bab-9-penutup.md",
     added("| Kecamatan | Luas (km²) |\n|---|---:|\n| Susut | 49,3 |\n\n/// table-caption\nLuas wilayah per "
           "kecamatan\n///\n\nSumber: BPS Kabupaten Bangli, 2024.")),
    ("source line typed as in Word, with a space before the colon", "bab-9-penutup.md",
     added("| Kecamatan | Luas (km²) |\n|---|---:|\n| Susut | 49,3 |\n\n/// table-caption\nLuas wilayah per "
           "kecamatan\n///\n\nSumber : BPS Kabupaten Bangli (2024)")),
    ("Markdown image from a top-level chapter", "bab-9-penutup.md",
     added("![Peta Kabupaten Bangli](assets/images/peta-bangli.png)")),
    ("HTML image with the page-address path", "bab-9-penutup.md",
     added('<img src="../assets/images/peta-bangli.png" alt="Peta Kabupaten Bangli">')),
    ("link from a sub-folder", "bab-5/index.md", None),
    ("front matter status changed with its space", "bab-9-penutup.md", CHAPTER.replace("status: draf", "status: tinjauan", 1)),
]


@pytest.mark.parametrize("case, name, text", CORRECT, ids=[c[0] for c in CORRECT])
def test_correct_edit_passes_without_warnings(repo, capsys, case, name, text):
    if text is None:
        text = (ROOT / "docs" / name).read_text(encoding="utf-8").rstrip("\n") + \
            "\n\nLihat [BAB I](../bab-1-pendahuluan.md)."
    status, problems = check(capsys, edit(repo, name, text))
    assert status == 0 and problems == [], problems


def test_mistyped_view_marker_is_caught_when_checking_the_one_file(repo, capsys):
    name = "bab-5/smart-governance.md"
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert "[[tabel-program dimensi=smart-governance]]" in text
    path = edit(repo, name, text.replace("[[tabel-program dimensi=smart-governance]]",
                                         "[[tabel-progam dimensi=smart-governance]]"))
    status, problems = check(capsys, path)
    [hit] = [p for p in problems if "[TAMPILAN-PENANDA]" in p]
    assert status == 1 and f"docs/{name}:" in hit and "tabel-progam" in hit
    assert "Mungkin maksudnya [[tabel-program dimensi=smart-governance]]" in hit
    assert not [p for p in problems if "[EJAAN]" in p]  # the marker is not prose


@pytest.mark.parametrize("name", ["data/program.yml", "data/opd.yml", "data/dimensi.yml",
                                  "docs/lampiran/daftar-istilah.md", "docs/assets/images/lambang-placeholder.svg"])
def test_one_correct_file_of_any_kind_passes(capsys, name):
    status, problems = check(capsys, ROOT / name)
    assert status == 0 and problems == [], problems


def test_one_file_gives_what_the_full_run_gives_for_it(tmp_path, monkeypatch, capsys):
    """A broken copy of the repository: every file checked alone reports exactly the full run's lines."""
    repo = tmp_path / "repo"
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("mkdocs.yml", "kata-proyek.txt"):
        shutil.copy2(ROOT / name, repo / name)
    governance = repo / "docs" / "bab-5" / "smart-governance.md"
    governance.write_text(governance.read_text(encoding="utf-8").replace("[[tabel-program dimensi=",
                                                                          "[[tabel-progam dimensi="), encoding="utf-8")
    glossary = repo / "docs" / "lampiran" / "daftar-istilah.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n•\tIstilah tempelan\n", encoding="utf-8")
    (repo / "docs" / "assets" / "images" / "Peta Bangli.PNG").write_bytes(PNG)

    monkeypatch.chdir(repo)  # validate.py checks the repository it is run in, as pre-commit and CI do

    def run(*args: str) -> list[str]:
        validate.main(list(args))
        return [line for line in capsys.readouterr().out.splitlines() if "] " in line]

    full = run()
    for name in ("docs/bab-5/smart-governance.md", "docs/lampiran/daftar-istilah.md",
                 "docs/assets/images/Peta Bangli.PNG", "data/program.yml", "docs/bab-9-penutup.md"):
        alone = run(name)
        assert alone == [line for line in full if line.startswith(f"{name}:")], name
    assert any("[TAMPILAN-PENANDA]" in line for line in full)
    assert any("[DAFTAR-WORD]" in line and "daftar-istilah" in line for line in full)
    assert any("[NAMA-BERKAS]" in line for line in full)


def test_more_problems_than_github_shows_get_one_notice(repo, capsys):
    """Twelve tables without a caption: ten error annotations (GitHub's cap), one notice saying how many
    more and where the full list is, and all twelve lines in the step log."""
    table = "| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |\n\nSumber: BPS.\n\n"
    path = edit(repo, "bab-9-penutup.md", added(table * 12))
    summary = repo / "ringkasan.md"
    status = validate.main([str(path), "--format", "github", "--summary", str(summary)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert len([line for line in out if line.startswith("::error ")]) == 10
    [notice] = [line for line in out if line.startswith("::notice ")]
    assert "2 galat lagi" in notice and "Summary" in notice
    assert len([line for line in out if "] " in line and not line.startswith("::")]) == 12
    assert summary.read_text(encoding="utf-8").count("`TABEL-JUDUL`") == 12


@pytest.mark.parametrize("name, old, new, rule, words", [
    ("data/program.yml", "    nama: ", "    nama: Bab: ", "PROGRAM-YAML", ["titik dua kedua", '"Bab: Judul"']),
    ("data/tahapan.yml", "\n  ", "\n\t", "YAML-SALAH", ["tab"]),
    ("data/tahapan.yml", '  tanggal_dokumen: Desember 2026\n', '  tanggal_dokumen: "Desember 2026\n', "YAML-SALAH",
     ["tahapan.yml:27:", "tanda kutip dibuka di baris ini"]),
    ("data/tahapan.yml", '  tanggal_dokumen: Desember 2026\n', '  tanggal_dokumen: [Desember 2026\n', "YAML-SALAH",
     ["tahapan.yml:27:", "kurung siku [ dibuka"]),
    # A Word bullet pasted for "- ", and a tab, are named on their line instead of the parser's guesses.
    ("data/program.yml", '        - {risiko: "OPD tidak', '        • {risiko: "OPD tidak', "PROGRAM-YAML",
     ["program.yml:61:", 'tanda butir Word "•"', '("- ")']),
    ("data/opd.yml", "\nbappeda:\n  nama:", "\nbappeda:\n\tnama:", "PROGRAM-YAML", ["opd.yml:11:", "ada tab di awal baris"]),
    # The colon left out: the parser notices on the next line, the message names the key's own.
    ("data/tahapan.yml", '  tanggal_dokumen: Desember 2026\n', '  tanggal_dokumen Desember 2026\n', "YAML-SALAH",
     ["tahapan.yml:27:", "titik dua sesudah nama kolom tidak ada"]),
    # The colon written but not its space: said so at the key's line, as in a chapter's front matter.
    ("data/program.yml", "    horizon: menengah\n", "    horizon:menengah\n", "PROGRAM-YAML",
     ["program.yml:70:", 'beri satu spasi sesudah titik dua: "horizon: menengah"']),
    # A field that lost its indentation: said at its own line, not as a second colon on the line after it.
    ("data/program.yml", "    horizon: menengah\n", "horizon: menengah\n", "PROGRAM-YAML",
     ["program.yml:70:1:", "kehilangan indentasinya", "4 spasi"]),
    ("data/opd.yml", "  singkatan: Bappeda\n", "singkatan: Bappeda\n", "PROGRAM-YAML",
     ["opd.yml:12:1:", "kehilangan indentasinya", "2 spasi"]),
    # A field pasted twice in one programme; an office entry copied without changing its code.
    ("data/program.yml", "    horizon: quick-win\n", "    horizon: quick-win\n    horizon: pendek\n", "PROGRAM-YAML",
     ['"horizon:"', "hilang tanpa pemberitahuan"]),
    ("data/opd.yml", "\nbappeda:", "\nkominfo:\n  nama: Salinan\nbappeda:", "PROGRAM-YAML", ['"kominfo:"', "baris 6"]),
    # The files of codes against their schemas (data/opd.schema.json, data/dimensi.schema.json); rule None:
    # an edit that passes.
    ("data/opd.yml", "  terverifikasi: false\nsetda-organisasi:", "  terverifikasi: tidak\nsetda-organisasi:",
     "PROGRAM-SKEMA", ["opd.yml:13:", "'tidak'", "'terverifikasi'", "true atau false"]),
    ("data/opd.yml", "setda-hukum:\n  nama:", "setda-hukum:\n  nma:", "PROGRAM-SKEMA",
     ["opd.yml:19:", "'nma' tidak dikenal; mungkin maksudnya 'nama'"]),  # not also "'nama' wajib diisi"
    ("data/program.yml", "    opd_pengampu: dpmptsp", "    opd_pengampuh: dpmptsp", "PROGRAM-SKEMA",
     ["program.yml:68:", "'opd_pengampuh' tidak dikenal; mungkin maksudnya 'opd_pengampu'"]),
    ("data/opd.yml", "\nbpkad:", "\nBPKAD:", "PROGRAM-SKEMA", ["opd.yml:22:", "kode 'BPKAD'", "huruf kecil"]),
    ("data/opd.yml", "  singkatan: Bappeda\n", "  singkatan:\n", "PROGRAM-SKEMA",
     ["opd.yml:12:", "'singkatan' tidak boleh kosong"]),
    ("data/dimensi.yml", "  nama_id: Pencitraan Daerah Cerdas\n", "", "PROGRAM-SKEMA",
     ["dimensi.yml:15:", "'nama_id' wajib diisi", "'smart-branding'"]),
    ("data/dimensi.yml", "    pelayanan-publik: Pelayanan Publik", "    pelayanan-publik:", "PROGRAM-SKEMA",
     ["dimensi.yml:11:", "'elemen.pelayanan-publik' tidak boleh kosong"]),
    # What the OPD-editor reviews of stop 28 tried: a field that lost its spaces in the web editor, Word's
    # non-breaking spaces as indentation, curly quotes that split a {…} value, a quoted year, a dimension's
    # last element and an office's field moved left. One message each, at the line to change.
    ("data/program.yml", "      target: null\n      sasaran: 1.1b\n", "      target: null\n    sasaran: 1.1b\n",
     "PROGRAM-SKEMA", ["program.yml:39:", "bagian dari 'indikator:'", "sejajar dengan 'nama:'"]),
    ("data/program.yml", "      sasaran: 1.1b\n", "\u00a0" * 6 + "sasaran: 1.1b\n", "PROGRAM-YAML",
     ["program.yml:39:", "spasi tak-putus", "spasi biasa"]),
    ("data/indikator.yml", "target: {pendek: null, menengah: 80", "target: {pendek: \u201cCukup, di atas 2,28\u201d, menengah: 80",
     "LOGIKA-SKEMA", ["indikator.yml:26:", "tanda kutip lengkung dari Word", "tanda kutip lurus"]),
    ("data/program.yml", '{tahun: 2027, kegiatan: "Menghubungkan', '{tahun: "2027", kegiatan: "Menghubungkan', "PROGRAM-SKEMA",
     ["program.yml:48:", "Hapus tanda kutipnya: tahun: 2027"]),
    ("data/dimensi.yml", "    kebijakan-publik: Efisiensi", "  kebijakan-publik: Efisiensi", "PROGRAM-SKEMA",
     ["dimensi.yml:13:", "bagian dari 'elemen:'"]),
    ("data/opd.yml", "  singkatan: Diskominfosan\n  terverifikasi:", "  singkatan: Diskominfosan\nterverifikasi:",
     "PROGRAM-SKEMA", ["opd.yml:9:1:", "bagian dari 'kominfo:'"]),
    ("data/opd.yml", "  terverifikasi: false\nsetda-organisasi:", "  terverifikasi: true\nsetda-organisasi:", None, []),
    ("data/opd.yml", "  singkatan: Bappeda\n", "  singkatan: BAPPEDA\n", None, []),
    ("data/dimensi.yml", "  nama_id: Pencitraan Daerah Cerdas", "  nama_id: Pencitraan Daerah yang Cerdas", None, []),
])
def test_data_file_mistakes_are_said_in_indonesian(repo, capsys, monkeypatch, name, old, new, rule, words):
    shutil.copytree(ROOT / "data", repo / "data")
    path = repo / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(repo)
    status, problems = check(capsys, path)
    if rule is None:
        assert status == 0 and problems == [], problems
        return
    [hit] = [p for p in problems if f"[{rule}]" in p and all(w in p for w in words)]
    assert status == 1 and hit.startswith(f"{name}:"), hit
    assert len(problems) == 1, problems  # one slip, one message: no knock-on of the same mistake
    assert not ENGLISH.search(hit) and "token" not in hit and "context" not in hit and "None" not in hit


@pytest.mark.parametrize("old, new, line, words", [
    ("site_name: ", "site_name: \"", 5, ["tanda kutip dibuka di baris ini"]),
    ("\n  ", "\n\t", None, ["tab"]),
])
def test_yaml_mistake_in_mkdocs_yml_is_yaml_salah(repo, old, new, line, words):
    path = repo / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    [problem] = settings.load(repo).problems
    assert problem.rule == "YAML-SALAH" and problem.path == "mkdocs.yml", problem.text()
    assert line is None or problem.line == line, problem.text()
    assert all(w in problem.message for w in words) and not ENGLISH.search(problem.message), problem.text()


# PENGATURAN-MKDOCS: what MkDocs itself stops the build on, said by the pull request's check (validate.py
# without paths, and with mkdocs.yml) at the line of the name. (change to mkdocs.yml, line, words) or, for
# edits MkDocs accepts, line None.
MKDOCS_SETTINGS = [
    ("# bagian `extra.rencana`", "bagian `extra.rencana`", 3, ['"bagian `extra.rencana`', 'awali dengan "# "']),
    # A section's name: never "hapus barisnya" (its settings would fall under another name).
    ("\nextra:\n", "\nexrta:\n", 143, ['"exrta"', "nama yang mirip: extra", "Jangan hapus barisnya saja"]),
    # A required name misspelt: one message, not also MkDocs' English "Required configuration not provided".
    ("\nsite_name:", "\nsite_nam:", 5, ['"site_nam"', "nama yang mirip: site_name", "Tampaknya salah ketik"]),
    ("\nstrict: true\n", "\nstrict: benar\n", 26, ['"strict" harus berupa true atau false', "tertulis teks"]),
    ("site_author: Pemerintah Kabupaten Bangli", "PLACEHOLDER: Pemerintah Kabupaten Bangli", 9,
     ['"PLACEHOLDER"', "perbaiki namanya; bila"]),  # nothing similar: no empty "(nama yang mirip: )"
    ("\nwatch:\n", "\nwatch: data\n", 112, ['"watch"', "Pesan MkDocs:"]),
    ("\nextra:\n", "\n# Catatan penyunting: nilai di bawah diperiksa.\nextra:\n", None, []),
    ("site_author: Pemerintah Kabupaten Bangli", "site_author: Pemkab Bangli", None, []),
]


@pytest.fixture
def settings_repo(tmp_path) -> Path:
    """The plan's mkdocs.yml with what MkDocs and the settings read beside it (overrides/, data/) and an
    empty docs/: the settings' problems are the same with or without the chapters, in a tenth of the time
    (every edit of mkdocs.yml checks every chapter again)."""
    for folder in ("overrides", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "docs").mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def edit_settings(repo: Path, old: str, new: str, monkeypatch) -> Path:
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(repo)
    return config


def said_at(capsys, paths: list[Path], rule: str, line: int | None, words: list[str]) -> None:
    """``validate.py PATH ...`` gives one ``rule`` problem at ``mkdocs.yml:line`` holding ``words``, and
    fails; or, when ``line`` is None, no ``rule`` problem at all."""
    status, problems = check(capsys, *paths)
    found = [p for p in problems if f"[{rule}]" in p]
    if line is None:
        assert found == [], found
        return
    [hit] = found
    assert status == 1 and hit.startswith(f"mkdocs.yml:{line}: "), hit
    assert all(w in hit for w in words), hit


@pytest.mark.parametrize("old, new, line, words", MKDOCS_SETTINGS)
def test_what_mkdocs_refuses_in_mkdocs_yml_is_said_at_its_line(settings_repo, monkeypatch, capsys, old, new, line,
                                                                words):
    config = edit_settings(settings_repo, old, new, monkeypatch)
    # The pull request's run for every row; the pre-commit hook's (mkdocs.yml named) for the first.
    for paths in ([], [config]) if old == MKDOCS_SETTINGS[0][0] else ([],):
        said_at(capsys, paths, "PENGATURAN-MKDOCS", line, words)


# PENGATURAN-RENCANA: the plan's settings in mkdocs.yml → extra.rencana, through validate.py without
# paths (the pull request's check). (change, line, words) or, for an accepted edit, line None.
SOURCES = "    sumber:\n      program: Usulan Tim Penyusun ([[edisi]])\n"
_SETTINGS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
SOURCES_BLOCK = _SETTINGS[_SETTINGS.index(SOURCES):_SETTINGS.index("  generator:")]
PLAN_SETTINGS = [
    ("    tahap: 2\n", "    tahap: 5\n", 151, ["'extra.rencana.tahap' bernilai '5'", "1 sampai 4"]),
    ("    status: draf\n", "    status: selesai\n", 152, ["'selesai'", "draf, tinjauan, final"]),
    ("    periode_selesai: 2034\n", "    periode_selesai: 2020\n", 149, ["(2020) lebih awal", "(2025)"]),
    ("    periode_mulai: 2025\n", "    periode_mulai: 2025a\n", 148, ["'2025a'", "tahun awal periode"]),
    ("      nama: Sang Nyoman Sedana Arta\n", "", 155, ["'extra.rencana.penandatangan.nama' belum diisi"]),
    # Once a traceback in the build and every command reading the settings (dict() of a text).
    (SOURCES_BLOCK, "    sumber: Tim Penyusun\n", 162, ["'extra.rencana.sumber' bernilai 'Tim Penyusun'",
                                                             "program, tahapan, status"]),
    (SOURCES, "    sumber:\n      program:\n", 163, ["'extra.rencana.sumber.program' belum diisi"]),
    (SOURCES, "    sumber:\n      progam: Usulan Tim Penyusun\n", 163, ["nama 'progam' tidak dikenal",
                                                                      "program, tahapan, status"]),
    (SOURCES_BLOCK, "    sumber:\n      - program: Usulan Tim Penyusun\n", 163,
     ["'extra.rencana.sumber' tidak ada atau bukan kumpulan 'kunci: nilai'"]),
    ("    tahap: 2\n", "    tahap: 4\n", None, []),
    ("    status: draf\n", "    status: final\n", None, []),
    (SOURCES_BLOCK, "", None, []),  # no sources: each view says "Tim Penyusun"
    # A misspelt `extra:` is said once, by PENGATURAN-MKDOCS ("nama yang mirip: extra"), not again as a
    # missing extra.rencana; a name like no other leaves extra.rencana missing, and that is said.
    ("\nextra:\n", "\nexrta:\n", None, []),
    ("\nextra:\n", "\nqqqqq:\n", 5, ["'extra.rencana' tidak ada"]),
    ("\n  rencana:\n", "\n  rencna:\n", 145, ["tertulis 'rencna', mungkin maksudnya 'rencana'"]),
    ("    tahap: 2\n", "    tahp: 2\n", 151, ["tertulis 'tahp', mungkin maksudnya 'tahap'"]),  # at the typo, not judul:
]


@pytest.mark.parametrize("old, new, line, words", PLAN_SETTINGS)
def test_plan_settings_are_checked_at_their_line(settings_repo, monkeypatch, capsys, old, new, line, words):
    edit_settings(settings_repo, old, new, monkeypatch)
    said_at(capsys, [], "PENGATURAN-RENCANA", line, words)

