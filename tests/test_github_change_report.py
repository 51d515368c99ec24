"""Stage change report (masterplan/publish/change_report.py): sections, word counts, git versions, CLI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from masterplan.cli import change_report as change_report_cli
from masterplan.model import stages
from masterplan.publish import change_report as cr
from masterplan.publish import release_notes
from masterplan.model import documents
from masterplan.views import site_status

PAGE = "---\ntitle: Bab\nopd: bappeda\n---\n\n# Bab\n\nPembuka bab.\n\n## Satu\n\nTeks satu.\n\n### Rinci\n\nTeks rinci.\n\n## Dua\n\nTeks dua di sini.\n"


def page(text: str, path: str = "bab.md") -> documents.Document:
    return documents.parse(text, path)


@pytest.mark.parametrize("text, words", [
    ("Kabupaten Bangli", 2),
    ("258.721 jiwa pada 2025–2034", 4),
    ("e-government dan Satu Data", 4),
    ("| Kecamatan | Luas |\n|---|---:|\n| Susut | 49,3 |", 4),
    ("/// table-caption\nLuas wilayah\n///", 2),
    ("Kata\u00a0dengan\u200bspasi", 3),  # Word paste: a non-breaking space separates, a zero-width one joins
    ("\u201cKutipan\u201d pintar", 2),
    ("Lihat [laman BPS](https://banglikab.bps.go.id/id/statistics-table/2/MTc0IzI=/jumlah.html)", 3),
    ("!!! note \"Catatan\"\n    Isi catatan", 2),
    ("", 0),
])
def test_count_words(text, words):
    assert documents.count_words(text) == words


@pytest.mark.parametrize("md", ["lampiran/daftar-pustaka.md", "bab-1-pendahuluan.md", "bab-5/smart-living.md"])
def test_dashboard_and_change_report_count_the_same_words(md):
    """One definition of a word (two definitions once disagreed: the bibliography had 2,651 words on the dashboard and 1,873 in
    the change report)."""
    document = documents.load(ROOT / "docs" / md, ROOT)
    assert sum(section.words for section in cr.sections(document)) == site_status.word_count(document) > 100


@pytest.mark.parametrize("text", [PAGE, PAGE.replace("\n", "\r\n"), "\ufeff" + PAGE,
                                  PAGE.replace("## Satu", "## 1.1 Satu")])
def test_sections_split_at_h2_and_h3_also_from_word_paste(text):
    found = cr.sections(page(text))
    assert [s.key for s in found] == [cr.INTRO, "Satu", "Satu › Rinci", "Dua"]
    assert [s.words for s in found] == [2, 2, 2, 4]


@pytest.mark.parametrize("new, expected", [
    (PAGE, []),
    (PAGE.replace("Teks dua di sini.", "Teks dua\ndi sini."), []),  # re-wrapped lines are no change
    (PAGE.replace("Teks dua di sini.", "Teks dua di sini, ditambah."), [("Dua", cr.CHANGED, 4, 5)]),
    (PAGE + "\n## Tiga\n\nBaru.\n", [("Tiga", cr.ADDED, 0, 1)]),
    (PAGE.replace("### Rinci\n\nTeks rinci.\n\n", ""), [("Satu › Rinci", cr.REMOVED, 2, 0)]),
    (PAGE.replace("## Dua", "## Dua Baru"), [("Dua Baru", cr.ADDED, 0, 4), ("Dua", cr.REMOVED, 4, 0)]),
    (PAGE.replace("Teks satu.", "Teks\u00a0satu."), []),  # NBSP is whitespace: no change
])
def test_compare_documents(new, expected):
    change = cr.compare_documents(page(PAGE), page(new))
    assert ([(s.key, s.kind, s.words_before, s.words_after) for s in change.sections] if change else []) == expected


def test_whole_chapters_added_and_removed():
    changes = cr.compare({"lama.md": page(PAGE, "lama.md")}, {"baru.md": page(PAGE, "baru.md")})
    assert [(c.path, c.kind) for c in changes] == [("baru.md", cr.ADDED), ("lama.md", cr.REMOVED)]
    text = cr.report(changes, "Tahap 1", "Tahap 2")
    assert "## Tahap 1 → Tahap 2" in text and "### Bab (bab baru)" in text and "### Bab (bab dihapus)" in text
    assert "2 berkas berubah: 4 bagian ditambahkan, 4 dihapus, 0 diubah" in text
    # For readers, on a page in a folder: a link to every chapter that still exists, no file names.
    text = cr.report(changes, "Tahap 1", "Tahap 2", readers="sub/apa-yang-berubah.md")
    assert "### [Bab](../baru.md) (bab baru)" in text and "### Bab (bab dihapus)" in text
    assert "Berkas" not in text and "2 halaman berubah" in text
    # For the GitHub release page: each page and section at its address in the stage, no file names.
    text = cr.report(changes, "Tahap 1", "Tahap 2", site="https://contoh.go.id/tahap-2/")
    assert "### [Bab](https://contoh.go.id/tahap-2/baru/) (bab baru)" in text and "### Bab (bab dihapus)" in text
    assert "| [Satu › Rinci](https://contoh.go.id/tahap-2/baru/#rinci) | ditambahkan |" in text
    assert "| Satu › Rinci | dihapus |" in text  # a removed section has nowhere to go
    assert "Berkas" not in text and ".md" not in text and "2 halaman berubah" in text


def test_report_uses_indonesian_number_format():
    big = "## Satu\n\n" + "kata " * 1234 + "\n"
    text = cr.report(cr.compare({}, {"a.md": page(big, "a.md")}), "Tahap 1", "Tahap 2")
    assert "| Satu | ditambahkan | 0 | 1.234 | +1.234 |" in text


@pytest.mark.parametrize("path, url", [("index.md", ""), ("bab-1.md", "bab-1/"), ("bab-5/index.md", "bab-5/"),
                                       ("panduan/riwayat-perubahan.md", "panduan/riwayat-perubahan/")])
def test_page_url(path, url):
    assert cr.page_url(path) == url


def test_website_only_pages_come_from_the_pdf_exclusions():
    assert cr.website_only(ROOT) == ["^$", "^panduan/"]


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def history_repo(tmp_path):
    """A small repository with tags tahap-1 and tahap-2 and an unreleased change."""
    (tmp_path / "docs" / "panduan").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "bab.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "panduan" / "index.md").write_text("# Panduan\n\n## A\n\nx\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "1", "--allow-empty")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "2")
    git(tmp_path, "tag", "tahap-1")
    (tmp_path / "docs" / "bab.md").write_text(PAGE + "\n## Tiga\n\nBagian baru tahap dua.\n", encoding="utf-8")
    (tmp_path / "docs" / "panduan" / "index.md").write_text("# Panduan\n\n## B\n\ny\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "3")
    git(tmp_path, "tag", "tahap-2")
    (tmp_path / "docs" / "bab.md").write_text(PAGE.replace("Teks dua di sini.", "Teks dua diubah."), encoding="utf-8")
    return tmp_path


def test_history_lists_unreleased_then_stages_newest_first_without_website_only_pages(history_repo):
    text = cr.history(history_repo, cr.website_only(history_repo))
    order = [text.index(h) for h in ("## Tahap 2 → draf saat ini (belum dirilis)", "## Tahap 1 → Tahap 2", "## Tahap 1")]
    assert order == sorted(order)
    assert "| Tiga | ditambahkan | 0 | 4 | +4 |" in text
    assert "| Tiga | dihapus | 4 | 0 | −4 |" in text and "| Dua | diubah | 4 | 3 | −1 |" in text
    assert "panduan" not in text


def test_history_without_tags_says_so(tmp_path):
    assert "Belum ada tahap yang dirilis" in cr.history(tmp_path, [])


@pytest.mark.parametrize("pdf, named", [
    (True, ["Masterplan-Smart-City-Bangli-Tahap-2.pdf", "Lembar-Kerja-Kebutuhan-Data-Bangli-Tahap-2.pdf",
            "Masterplan-Smart-City-Bangli-Tahap-2-situs.zip"]),
    (False, ["Masterplan-Smart-City-Bangli-Tahap-2-situs.zip"]),  # a rehearsal with --tanpa-pdf attaches no PDF
])
def test_release_notes_announce_the_files_the_release_attaches(pdf, named):
    sentence = release_notes.attachments(stages.parse("tahap-2"), pdf)
    assert re.findall(r"`([^`:]+\.(?:pdf|zip))", sentence) == named
    assert sentence.startswith("Lampiran rilis: ") and sentence.endswith(".") and ("PDF" in sentence) == pdf


def test_cli_release_notes_and_comparison(history_repo, tmp_path, capsys):
    """The script as a command once (the release notes, as the release writes them), then its ``main``."""
    script = ROOT / "scripts" / "change_report.py"
    notes = tmp_path / "catatan.md"
    result = subprocess.run([sys.executable, str(script), "--repo", str(history_repo), "--catatan-rilis", "tahap-2",
                             "--keluaran", str(notes)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "## Tahap 1 → Tahap 2" in notes.read_text(encoding="utf-8")
    assert change_report_cli.main(["--repo", str(history_repo), "--dari", "tahap-1", "--ke", "tahap-2"]) == 0
    assert "## tahap-1 → tahap-2" in capsys.readouterr().out
    assert change_report_cli.main(["--repo", str(history_repo), "--dari", "tahap-9"]) == 1
    assert capsys.readouterr().err.startswith("GAGAL: ref git tidak dikenal")


@pytest.mark.parametrize("building, label, sections", [
    # The draft (working tree) against every stage, newest first; each under the id the banner links to.
    ("draf", "Draf (belum dirilis)", ["sejak-tahap-2", "sejak-tahap-1"]),
    (None, "draf saat ini", ["sejak-tahap-2", "sejak-tahap-1"]),
    # A stage against the stages before it only (a rebuilt tahap-1 has none).
    ("tahap-2", "Tahap 2", ["sejak-tahap-1"]),
    ("tahap-1", "Tahap 1", []),
])
def test_since_stages_compares_this_version_with_every_earlier_stage(history_repo, building, label, sections):
    text = cr.since_stages(history_repo, cr.website_only(history_repo), building, label,
                           "panduan/apa-yang-berubah.md")
    assert re.findall(r"\{ #(sejak-[\w-]+) \}", text) == sections
    if sections:
        assert f"## Tahap 1 → {label} {{ #sejak-tahap-1 }}" in text
        # The working tree's change, against tahap-1; the section opens at its heading (MkDocs' id).
        assert "| [Dua](../bab.md#dua) | diubah | 4 | 3 | −1 |" in text
        assert "1 halaman berubah" in text and "docs/" not in text  # pages, not files, for readers
        assert "### [Bab](../bab.md)" in text  # the changed page's name opens it
    else:
        assert "Belum ada tahap yang diterbitkan sebelum versi ini" in text
    assert not re.search(r"\bgit\b|\btag\b", text)  # readers' words
