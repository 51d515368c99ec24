"""Results kept between builds (masterplan/model/result_cache.py): the editors' checks, the plan-logic
counts and the data's schema verdicts give the same problems from the kept answers as computed afresh, and
the cache never hides a problem: an edit, a change to a file a check reads besides the page (another
page's headings, an image), a speller installed since, or another version of our code, rules, data or
word list is checked again. A change to the plan's data (a programme) computes again only what reads it."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest
from checks_util import CHAPTER

from masterplan import checks
from masterplan.checks import plan_logic
from masterplan.checks.logic_prose import COUNTS
from masterplan.model import documents, programmes, result_cache
from masterplan.model.result_cache import ResultCache
from masterplan.model.yaml_schema import schema_errors
from masterplan.site import kept
from masterplan.views import data_needs, directives

ROOT = Path(__file__).resolve().parents[1]
MISSPELT = CHAPTER + "\nRencanna \u2014 tanpa  spasi ganda.\n"
LOGO = "assets/images/lambang-placeholder.svg"


def _project(tmp_path: Path, text: str = CHAPTER) -> Path:
    docs = tmp_path / "docs"
    (docs / "assets" / "images").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / LOGO, docs / LOGO)
    (docs / "bab-9-penutup.md").write_text(text, encoding="utf-8")
    (docs / "bab-8-tata-kelola.md").write_text(
        CHAPTER.replace("title: Penutup", "title: Tata Kelola").replace("bab: 9", "bab: 8")
        .replace("# Penutup", "# Tata Kelola"), encoding="utf-8")
    return tmp_path


def _check(project: Path, version: str = "v1", spell: bool = True) -> list:
    """One build's checks with the memo read from and written back to ``project/.cache``."""
    memo = ResultCache(project / ".cache", version)
    found = checks.run([project / "docs"], project / "docs", project, spell=spell, memo=memo)
    memo.save()
    return [(p.path, p.line, p.column, p.rule, p.message, p.severity) for p in found]


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "docs" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_kept_problems_are_those_computed_afresh_and_an_edit_is_checked_again(tmp_path):
    project = _project(tmp_path, MISSPELT)
    fresh = _check(project)
    assert "EJAAN" in {rule for *_, rule, _, _ in fresh}
    assert (project / ".cache" / result_cache.FILE).is_file()
    assert _check(project) == fresh  # the warm rebuild, from the kept answers
    # an edit that makes a problem is reported on the warm rebuild, and its fix clears it
    _edit(project, "bab-8-tata-kelola.md", "Teks kaidah.", "Teks kaidahh.")
    assert any(rule == "EJAAN" and path.endswith("bab-8-tata-kelola.md") for path, *_, rule, _, _ in _check(project))
    _edit(project, "bab-8-tata-kelola.md", "Teks kaidahh.", "Teks kaidah.")
    assert _check(project) == fresh


def test_kept_answers_look_like_computed_ones(tmp_path):
    project = _project(tmp_path, MISSPELT)
    _check(project)
    kept = json.loads((project / ".cache" / result_cache.FILE).read_text(encoding="utf-8"))
    assert kept["version"] == "v1" and kept["words"]


@pytest.mark.parametrize("change", ["anchor", "image", "speller", "version"])
def test_what_a_check_reads_besides_the_page_is_checked_again(tmp_path, change):
    """Another page's heading renamed (the anchor a link points to), an image removed, a speller that
    was not there before, another fingerprint (code, rules.yml, data, word list): the unchanged page's
    problems are computed again, not taken from the kept ones."""
    link = f"\nLihat [tata kelola](bab-8-tata-kelola.md#kesimpulan).\n\n![Lambang Kabupaten Bangli]({LOGO})\n"
    project = _project(tmp_path, CHAPTER + link + "\nRencanna.\n")
    spell = change != "speller"
    first = _check(project, spell=spell)
    assert _check(project, spell=spell) == first
    version, expected = "v1", None
    if change == "anchor":
        _edit(project, "bab-8-tata-kelola.md", "## Kesimpulan", "## Simpulan")
        expected = "TAUTAN-RUSAK"
    elif change == "image":
        (project / "docs" / LOGO).unlink()
        expected = "GAMBAR-HILANG"
    elif change == "speller":
        spell, expected = True, "EJAAN"
    else:  # every kept answer emptied: used under its own version, ignored under another
        path = project / ".cache" / result_cache.FILE
        kept = json.loads(path.read_text(encoding="utf-8"))
        kept["words"] = {key: [] if isinstance(answer, list) else answer for key, answer in kept["words"].items()}
        path.write_text(json.dumps(kept), encoding="utf-8")
        assert not [rule for *_, rule, _, _ in _check(project) if rule == "EJAAN"]
        version = "v2"
    found = _check(project, version, spell)
    assert expected is None or expected in {rule for *_, rule, _, _ in found}
    assert found == [(p.path, p.line, p.column, p.rule, p.message, p.severity)
                     for p in checks.run([project / "docs"], project / "docs", project, spell=spell)]


# A change to one input and what the memo then computes again: "semua", every answer (the fingerprint:
# our code, rules.yml and the data files it reads, mkdocs.yml, the word list); "data", only the answers
# that read the plan's data files (the other files under data/).
INPUT_CHANGES = [
    ("masterplan/model/rules.yml", "aturan: {A: galat}\n", "semua"),
    ("masterplan/model/modul.py", "X = 2\n", "semua"),
    ("proyek/mkdocs.yml", "site_name: y\n", "semua"),
    ("proyek/kata-proyek.txt", "Bangli\nKintamani\n", "semua"),
    ("proyek/data/opd.yml", "kominfo: {nama: Diskominfo}\n", "semua"),  # read by rules.yml (kode_dari)
    ("proyek/data/program.yml", "program: [1]\n", "data"),
    ("proyek/data/baru.yml", "a: 1\n", "data"),
]


@pytest.mark.parametrize("changed, text, recomputed", INPUT_CHANGES)
def test_a_change_to_an_input_computes_again_what_reads_it(tmp_path, monkeypatch, changed, text, recomputed):
    package, project = tmp_path / "masterplan", tmp_path / "proyek"
    (package / "model").mkdir(parents=True)
    (package / "model" / "rules.yml").write_text("aturan: {}\n", encoding="utf-8")
    (package / "model" / "modul.py").write_text("X = 1\n", encoding="utf-8")
    (project / "data").mkdir(parents=True)
    (project / "data" / "program.yml").write_text("program: []\n", encoding="utf-8")
    (project / "data" / "opd.yml").write_text("kominfo: {}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (project / "kata-proyek.txt").write_text("Bangli\n", encoding="utf-8")
    monkeypatch.setattr(result_cache, "PACKAGE", package)

    def memo() -> ResultCache:
        return ResultCache.for_build(project, project, "kata-proyek.txt", "id_ID", ["data/opd.yml"])

    first = memo()
    for kind, data in (("halaman", False), ("tampilan", True)):
        first.get(kind, ["teks"], lambda: "lama", data=data)
    first.save()
    (tmp_path / changed).write_text(text, encoding="utf-8")
    then = memo()
    kept = {kind: then.get(kind, ["teks"], lambda: "baru", data=data) == "lama"
            for kind, data in (("halaman", False), ("tampilan", True))}
    assert kept == {"halaman": recomputed == "data", "tampilan": False}


def _plan_work(project: Path, memo: ResultCache | None) -> tuple:
    """What a build computes from the plan's data in the project at ``project``: the data's and the
    logic's problems (the counts in the prose too), two generated views and the data needs."""
    catalogue, problems = programmes.load_catalogue(project, memo=memo)
    logic, found = plan_logic.check(project, project / "docs", catalogue, memo)
    views = directives.expand("[[peta-jalan]]\n\n[[tabel-program dimensi=smart-environment]]\n", catalogue,
                              "docs/x.md", logic=logic, memo=memo)
    pages = [(f"docs/{path.relative_to(project / 'docs').as_posix()}", path.stem, documents.load(path, project))
             for path in sorted((project / "docs").rglob("*.md")) if "panduan" not in path.parts]
    return problems + found, views, data_needs.collect(logic, pages, project, memo)


def test_a_programme_removed_is_counted_and_drawn_again_while_the_pages_checks_are_kept(tmp_path):
    """A pull request that changes data/program.yml only: the counts in the prose, the views and the data
    needs follow the new data (as computed afresh), and every page's checks are taken from the memo."""
    project = tmp_path / "proyek"
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")

    def build() -> tuple[list, tuple]:
        memo = kept.results(project)
        try:
            found = checks.run([project / "docs"], project / "docs", project, memo=memo)
            work = _plan_work(project, memo)
        finally:
            documents.remember_in(None)
        memo.save()
        return found, work

    before = build()[1]
    path = project / ".cache" / result_cache.FILE
    stored = json.loads(path.read_text(encoding="utf-8"))
    marked = [key for key in stored["words"] if key.startswith("masterplan.checks.spelling:")]
    assert marked
    for key in marked:
        stored["words"][key] = [["docs/x.md", 1, 0, "EJAAN", "DARI-MEMO", "warning"]]
    path.write_text(json.dumps(stored), encoding="utf-8")
    programme = project / "data" / "program.yml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text[:text.index("  - kode: ENV-08")], encoding="utf-8")  # the last programme
    found, after = build()
    assert [p.message for p in found].count("DARI-MEMO") == len(marked)
    assert after != before and COUNTS in {p.rule for p in after[0]}
    assert after == _plan_work(project, None)


def test_kept_schema_verdicts_and_prose_counts_are_those_computed_afresh(tmp_path):
    catalogue, problems = programmes.load_catalogue(ROOT)
    assert catalogue is not None and not problems
    fresh = plan_logic.check(ROOT, ROOT / "docs", catalogue)[1]
    for _ in range(2):  # cold, then from the kept answers
        memo = ResultCache(tmp_path, "v1")
        assert programmes.load_catalogue(ROOT, memo=memo)[0] == catalogue
        assert plan_logic.check(ROOT, ROOT / "docs", catalogue, memo)[1] == fresh
        memo.save()


def test_a_kept_schema_verdict_is_not_taken_for_other_data(tmp_path):
    """The data's repr is the key: a date and the same text in quotes are different data."""
    schema = {"type": "object", "properties": {"tanggal": {"type": "string"}}}
    memo = ResultCache(tmp_path, "v1")
    assert schema_errors({"tanggal": "2025-01-01"}, schema, memo) == []
    assert [rule for rule, *_ in schema_errors({"tanggal": datetime.date(2025, 1, 1)}, schema, memo)]


def test_kept_headings_and_word_counts_are_those_computed_afresh(tmp_path):
    text = CHAPTER + "\nSetext\n------\n\n!!! note \"Catatan\"\n    Isi catatan dua kata.\n"
    fresh = documents.parse(text)
    expected = (fresh.headings, fresh.word_lines)
    try:
        for _ in range(2):  # cold, then from the kept answers
            memo = ResultCache(tmp_path, "v1")
            documents.remember_in(memo)
            kept = documents.parse(text)
            assert (kept.headings, kept.word_lines) == expected
            memo.save()
    finally:
        documents.remember_in(None)
