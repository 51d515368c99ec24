"""The files that rules.yml reads besides itself (data/opd.yml, data/dimensi.yml, the project word list
kata-proyek.txt) and the JSON schemas under data/: read again when they change during one process
(``mkdocs serve``), and, when an editor breaks one, reported as that file's own problem by validate.py
(with and without paths) and the build, never a traceback nor false problems in the pages."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from checks_util import copy_project, rules_read_from
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from masterplan.checks import spelling
from masterplan.cli import validate
from masterplan.model import rules

COPIED = ["docs", "data", "overrides", "mkdocs.yml", "kata-proyek.txt"]
NEW_OFFICE = "\nbapenda:\n  nama: Badan Pendapatan Daerah\n  singkatan: Bapenda\n  terverifikasi: false\n"


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A copy of the plan whose rules.yml is the one every check reads, as the current directory."""
    root = copy_project(ROOT, tmp_path / "repo", COPIED)
    rules_read_from(root, monkeypatch)
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


def _validate(argv: list[str]) -> tuple[int, list[str]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = validate.main(argv)
    return status, out.getvalue().splitlines()


def test_a_changed_data_file_or_word_list_is_read_again_in_the_same_process(project):
    assert "bapenda" not in rules.load().codes["opd"]
    with open(project / "data/opd.yml", "a", encoding="utf-8") as handle:
        handle.write(NEW_OFFICE)
    assert "bapenda" in rules.load().codes["opd"]
    assert "ngayahan" not in spelling.project_words(rules.load())[0]
    with open(project / "kata-proyek.txt", "a", encoding="utf-8") as handle:
        handle.write("\nngayahan\n")
    assert "ngayahan" in spelling.project_words(rules.load())[0]


def test_a_new_office_is_accepted_in_front_matter_after_it_is_added(project):
    chapter = project / "docs/bab-1-pendahuluan.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("opd: bappeda", "opd: bapenda", 1), encoding="utf-8")
    status, lines = _validate([str(chapter)])
    assert status == 1 and any("[FRONT-MATTER-NILAI]" in line for line in lines)
    with open(project / "data/opd.yml", "a", encoding="utf-8") as handle:
        handle.write(NEW_OFFICE)
    assert _validate([str(chapter)]) == (0, ["Tidak ada masalah ditemukan."])


def _break(project, name: str, how: str) -> None:
    path = project / name
    data = path.read_bytes()
    if how == "cp1252":  # a word with a Windows-1252 letter, as Word saves it, on the file's third line
        lines = data.split(b"\n")
        lines[2] += " caf\xe9".encode("latin-1")
        path.write_bytes(b"\n".join(lines))
    elif how == "tab":
        path.write_bytes(data.replace(b"\n  ", b"\n\t", 1))
    elif how == "list":
        path.write_bytes(b"- bappeda\n- kominfo\n")
    elif how == "cut":  # JSON cut short in the middle
        path.write_bytes(data[:len(data) // 2])
    elif how == "ref":  # JSON that is no usable schema: a definition renamed, its $ref left pointing at nothing
        path.write_bytes(data.replace(b'"teks": {', b'"eks": {', 1))
    elif how == "schema":  # valid YAML that its schema refuses: a code in capitals, an element without its name
        path.write_bytes(data.replace(b"\nbappeda:", b"\nBappeda:", 1).replace(
            b"    pelayanan-publik: Pelayanan Publik", b"    pelayanan-publik:", 1))


# (file, how it is broken, the page checked with it, the problem line wanted at the start)
BROKEN = [
    ("data/opd.yml", "cp1252", "docs/bab-1-pendahuluan.md", r"data/opd\.yml:3:\d+: \[PROGRAM-BERKAS\] Berkas tidak tersimpan sebagai UTF-8"),
    ("data/opd.yml", "list", "docs/bab-1-pendahuluan.md", r"data/opd\.yml:1: \[PROGRAM-BERKAS\] Berkas data/opd\.yml harus"),
    ("data/opd.yml", "schema", "docs/bab-1-pendahuluan.md", r"data/opd\.yml:10:1: \[PROGRAM-SKEMA\] kode 'Bappeda'"),
    ("data/dimensi.yml", "schema", "docs/bab-5/smart-governance.md",
     r"data/dimensi\.yml:11:\d+: \[PROGRAM-SKEMA\] kolom 'elemen\.pelayanan-publik' tidak boleh kosong"),
    ("data/dimensi.yml", "tab", "docs/bab-5/smart-economy.md", r"data/dimensi\.yml:\d+:\d+: \[PROGRAM-YAML\] Penulisan YAML salah"),
    ("data/dimensi.yml", "cp1252", "docs/bab-5/smart-economy.md", r"data/dimensi\.yml:3:\d+: \[PROGRAM-BERKAS\]"),
    ("kata-proyek.txt", "cp1252", "docs/bab-1-pendahuluan.md", r"kata-proyek\.txt:3:\d+: \[BERKAS-TAK-TERBACA\]"),
    ("data/program.schema.json", "cut", "data/program.yml", r"data/program\.schema\.json:\d+:\d+: \[PROGRAM-BERKAS\] Berkas ini bukan JSON"),
    ("data/program.schema.json", "cp1252", "data/program.yml", r"data/program\.schema\.json:3:\d+: \[PROGRAM-BERKAS\] Berkas tidak tersimpan"),
    ("data/opd.schema.json", "cut", "data/opd.yml", r"data/opd\.schema\.json:\d+:\d+: \[PROGRAM-BERKAS\] Berkas ini bukan JSON"),
    ("data/isu.schema.json", "ref", "data/isu.yml",
     r"data/isu\.schema\.json:1: \[LOGIKA-SKEMA\] Skema ini tidak dapat dipakai untuk memeriksa data \(PointerToNowhere"),
    ("data/program.schema.json", "ref", "data/program.yml",
     r"data/program\.schema\.json:1: \[PROGRAM-BERKAS\] Skema ini tidak dapat dipakai"),
    ("data/isu.schema.json", "cut", "data/isu.yml", r"data/isu\.schema\.json:\d+(?::\d+)?: \[LOGIKA-SKEMA\] Berkas ini bukan JSON"),
]


@pytest.mark.parametrize("name, how, page, wanted", BROKEN)
@pytest.mark.parametrize("with_paths", [True, False], ids=["paths", "all"])
def test_a_broken_file_is_reported_as_itself(project, name, how, page, wanted, with_paths):
    _break(project, name, how)
    status, lines = _validate([str(project / page)] if with_paths else [])
    assert status == 1
    assert any(re.match(wanted, line) for line in lines), lines
    errors = [line for line in lines if line.startswith(f"{name}:") and "[EJAAN]" not in line]
    assert len(errors) == 1, lines  # once, also when two readers meet it
    # The codes nobody could read judge no page: the one real cause is enough.
    assert not [line for line in lines if "[FRONT-MATTER-NILAI]" in line], lines
    assert not [line for line in lines if "None" in line], lines  # e.g. a required section "## None"
    if name == "kata-proyek.txt":  # spelling waits for the list: one notice on the list, no warning per name
        spelling = [line for line in lines if "[EJAAN]" in line]
        assert len(spelling) == 1 and spelling[0].startswith("kata-proyek.txt:1: [EJAAN] (peringatan) "), spelling
        assert "Pemeriksaan ejaan dilewati sampai kata-proyek.txt terbaca" in spelling[0]


@pytest.mark.parametrize("page", ["docs/bab-1-pendahuluan.md", "docs/bab-5/smart-economy.md", "data/program.yml",
                                  "data/isu.yml", "kata-proyek.txt", "data/opd.yml"])
def test_the_unbroken_files_pass(project, page):
    status, lines = _validate([str(project / page)])
    assert status == 0 and not [line for line in lines if " [" in line and "(peringatan)" not in line], lines


@pytest.mark.parametrize("name, how, title", [
    ("data/dimensi.yml", "tab", "Berkas yang dibaca aturan pemeriksaan (data/dimensi.yml) belum benar (1 masalah):"),
    ("data/opd.yml", "cp1252", "Berkas yang dibaca aturan pemeriksaan (data/opd.yml) belum benar (1 masalah):"),
    ("kata-proyek.txt", "cp1252", "Berkas yang dibaca aturan pemeriksaan (kata-proyek.txt) belum benar (1 masalah):"),
    ("data/program.schema.json", "cut", "Data program (data/program.schema.json) belum benar (1 masalah):"),
])
def test_the_build_names_the_broken_file(project, name, how, title):
    _break(project, name, how)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as stop:
        config.plugins.on_config(config)
    first, *lines = str(stop.value).splitlines()
    assert first == title and len(lines) == 1 and lines[0].startswith(f"{name}:"), str(stop.value)


@pytest.mark.parametrize("edit, rule", [
    (("  tanggal_dokumen: Desember 2026\n", "  tanggal_dokumen: belum dijadwalkan\n"), "TAHAPAN-TANGGAL"),
    (("  keluaran: Draf rencana induk (Buku 2)\n", ""), "TAHAPAN-DATA"),
])
def test_the_build_names_the_stages_file_for_a_stage_problem(project, edit, rule):
    """A stage's date or content is said under the stages' file, at the stage's line, not under the
    heading of the plan's logic (whose check reads the dates)."""
    stages = project / "data/tahapan.yml"
    text = stages.read_text(encoding="utf-8")
    stages.write_text(text.replace(*edit, 1), encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as stop:
        config.plugins.on_config(config)
    first, *lines = str(stop.value).splitlines()
    assert first == "Data tahapan Bimtek (data/tahapan.yml) belum benar (1 masalah):", str(stop.value)
    assert len(lines) == 1 and re.match(rf"data/tahapan\.yml:(\d+): \[{rule}\] ", lines[0]), lines
    assert int(re.match(r"[^:]+:(\d+)", lines[0])[1]) > 1  # the stage's own line


def test_the_build_names_prose_naming_another_edition_as_such(project):
    """TAHAP-EDISI is a problem of a page's words, said as one, not under the plan's logic whose check
    finds it."""
    chapter = project / "docs/bab-3-analisis-kesiapan.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("Pada tahap ini, sebagian", "Pada Tahap I ini, sebagian", 1), encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError) as stop:
        config.plugins.on_config(config)
    first, *lines = str(stop.value).splitlines()
    assert first == ("Teks naskah menyebut edisi lain daripada yang diterbitkan (mkdocs.yml, extra.rencana.tahap) "
                     "(1 masalah):"), str(stop.value)
    assert len(lines) == 1 and lines[0].startswith("docs/bab-3-analisis-kesiapan.md:13: [TAHAP-EDISI] 'Tahap I ini' ")


def test_a_renamed_office_code_is_named_as_a_code_that_is_gone(project):
    """``bappeda:`` renamed ``bapperida:`` in data/opd.yml: the chapters still saying ``opd: bappeda`` are
    told the code is not in the file and which one is meant, not that they wrote a name instead of a code."""
    offices = project / "data/opd.yml"
    offices.write_text(offices.read_text(encoding="utf-8").replace("\nbappeda:", "\nbapperida:", 1), encoding="utf-8")
    status, lines = _validate([str(project / "docs/bab-1-pendahuluan.md")])
    [line] = [line for line in lines if "[FRONT-MATTER-NILAI]" in line]
    assert status == 1 and "bukan nama" not in line, line
    assert 'Nilai "opd: bappeda" tidak sah: harus kode yang ada di data/opd.yml (mungkin maksudnya: bapperida)' in line
