"""Pass/fail tables for where a page lives and how its H1 is written (NAMA-BERKAS, HALAMAN-NAVIGASI,
JUDUL-NOMOR-BAB), and the report within GitHub's limits (annotation cap, summary size)."""

from __future__ import annotations

import pytest
from checks_util import CHAPTER, rules, run

from masterplan.checks.placement import name_problem, suggested_name
from masterplan.cli import github_report
from masterplan.model.problems import ERROR, WARNING, Problem

NAV = "site_name: Uji\nnav:\n  - bab-9-penutup.md\n  - Lampiran:\n      - lampiran/a.md\n"


@pytest.mark.parametrize("name, suggestion", [
    ("bab-9-penutup.MD", "bab-9-penutup.md"),
    ("Bab 10 Rencana.md", "bab-10-rencana.md"),
    ("Peta Bangli.PNG", "peta-bangli.png"),
    ("foto desa.jpg", "foto-desa.jpg"),
])
def test_file_names_that_fail(name, suggestion):
    assert name_problem(name) and suggested_name(name) == suggestion
    assert f'"{suggestion}"' in name_problem(name)


@pytest.mark.parametrize("name, pencil", [
    ("Bab 10 Rencana.md", True), ("Peta Bangli.PNG", False), ("foto desa.jpg", False), ("Dokumen RPJMD.pdf", False),
])
def test_rename_advice_fits_the_kind_of_file(name, pencil):
    """The web editor's pencil renames text files only; an image is uploaded again under the new name."""
    message = name_problem(name)
    assert ("ikon pensil" in message) == pencil, message
    assert pencil or ("Add file → Upload files" in message and "Delete file" in message), message


@pytest.mark.parametrize("name", ["bab-9-penutup.md", "Bab-1.md", "peta_bangli.png", "index.md", "README"])
def test_file_names_that_pass(name):
    assert name_problem(name) is None


@pytest.mark.parametrize("name, config, expected", [
    ("bab-9-penutup.md", NAV, set()),
    ("lampiran/a.md", NAV, set()),
    ("bab-10.md", NAV, {"HALAMAN-NAVIGASI"}),
    ("lampiran/b.md", NAV, {"HALAMAN-NAVIGASI"}),
    ("bab-10.md", NAV + "not_in_nav: |\n  bab-10.md\n", set()),
    ("bab-10.md", "site_name: Uji\n", set()),  # no nav: MkDocs lists every page
    ("bab-10.md", None, set()),  # no mkdocs.yml: a lone file is not judged
    ("bab-10.md", "nav: [\n", set()),  # a broken mkdocs.yml is the build's to report, never a crash
])
def test_pages_in_the_navigation(tmp_path, name, config, expected):
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    problems = run(tmp_path, CHAPTER, name=name)
    assert rules(problems) & {"HALAMAN-NAVIGASI"} == expected, [p.text() for p in problems]


@pytest.mark.parametrize("h1, fails", [
    ("# BAB IX PENUTUP", True),
    ("# Bab 9 Penutup", True),
    ("# BAB IX. Penutup", True),
    ("# Lampiran A: Daftar Istilah", True),
    ("# Penutup", False),
    ("# Babak Baru Pelayanan", False),
    ("# Bab Penutup", False),
])
def test_hand_typed_chapter_label(tmp_path, h1, fails):
    problems = run(tmp_path, CHAPTER.replace("# Penutup", h1, 1))
    hits = [p for p in problems if p.rule == "JUDUL-NOMOR-BAB"]
    assert bool(hits) == fails, [p.text() for p in problems]
    if fails:
        assert '"# Penutup"' in hits[0].message  # the front matter's title, written as a title


def _problems(errors: int, warnings: int) -> list[Problem]:
    return [Problem(f"docs/bab-{i:04}.md", i + 1, 0, "TABEL-JUDUL", "Pesan " + "x" * 200, ERROR)
            for i in range(errors)] + \
        [Problem(f"docs/bab-{i:04}.md", i + 1, 0, "EJAAN", "Kata", WARNING) for i in range(warnings)]


@pytest.mark.parametrize("errors, warnings, shown_errors, shown_warnings, notice", [
    (3, 2, 3, 2, False),
    (10, 10, 10, 10, False),
    (11, 0, 10, 0, True),
    (25, 40, 10, 10, True),
])
def test_annotations_stay_within_githubs_cap_and_say_how_many_more(errors, warnings, shown_errors,
                                                                   shown_warnings, notice):
    commands = github_report.annotations(_problems(errors, warnings))
    assert sum(c.startswith("::error ") for c in commands) == shown_errors
    assert sum(c.startswith("::warning ") for c in commands) == shown_warnings
    notices = [c for c in commands if c.startswith("::notice ")]
    assert len(notices) == (1 if notice else 0)
    if notice:
        hidden = f"{errors - 10} galat" if errors > 10 else ""
        assert hidden in notices[0] and "Summary" in notices[0]


def test_summary_is_cut_under_the_limit_and_says_so():
    problems = _problems(6000, 0)  # about 1.5 MB as one table
    whole = github_report.summary(problems, "panduan/aturan-pemeriksaan", budget=10 ** 9)
    assert len(whole.encode()) > github_report.SUMMARY_LIMIT and "dipotong" not in whole
    cut = github_report.summary(problems, "panduan/aturan-pemeriksaan")
    assert len(cut.encode()) <= github_report.SUMMARY_BUDGET < github_report.SUMMARY_LIMIT
    assert "Tabel ini dipotong" in cut and "dari 6000 masalah" in cut and "6000 galat" in cut
    small = github_report.summary(_problems(2, 1), "panduan/aturan-pemeriksaan")
    assert "dipotong" not in small and small.count("\n| `docs/") == 3
