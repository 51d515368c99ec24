"""Spelling: Hunspell's Indonesian dictionary plus the project word list; warnings, never errors."""

from __future__ import annotations

import dataclasses

import pytest
from checks_util import CHAPTER, run

from masterplan import checks
from masterplan.model import rules as rules_module
from masterplan.model.problems import WARNING


@pytest.mark.parametrize(("text", "unknown"), [
    ("Pemerintah kabupatn menyusun rencana.", ["kabupatn"]),
    ("Kopi dari Kintamani dan Penglipuran, SPBE dan OPD.", []),
    ("Masing-masing perangkat daerah.", []),
    ("Istilah *stakeholder mapping* ditulis miring.", []),
    ("Lihat `kodeprogram` dan https://banglikab.go.id/halamn.", []),
    ("Rencanna dan pembangunann.", ["Rencanna", "pembangunann"]),
    ("Lengkapi data lalu hadiri rapat; OPD menindaklanjuti dan tindaklanjuti temuan.", []),
    ("Nilai baseline-nya dan Unicode-nya tercatat.", []),
    ("Pelayanan pub\u200blik dan infor\u00admasi.", []),
    ("Kata bai dan obati.", ["bai"]),  # the stem "ba" is too short for -i
])
def test_unknown_words_are_listed_as_warnings(tmp_path, text, unknown):
    problems = [p for p in run(tmp_path, CHAPTER + "\n" + text + "\n", spell=True) if p.rule == "EJAAN"]
    if not unknown:
        assert problems == [], [p.text() for p in problems]
        return
    [problem] = problems
    assert problem.severity == WARNING and problem.line == CHAPTER.count("\n") + 2
    for word in unknown:
        assert f'"{word}"' in problem.message


def test_missing_dictionary_gives_one_warning_not_a_crash(tmp_path):
    rules = rules_module.load()
    broken = dataclasses.replace(rules, raw={**rules.raw, "ejaan": {**rules.raw["ejaan"], "kamus": "xx_XX"}})
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("bab-9-penutup.md", "bab-8.md"):
        (docs / name).write_text(CHAPTER + "\nKata kabupatn.\n", encoding="utf-8")
    problems = checks.run([docs], docs, tmp_path, rules=broken)
    notices = [p for p in problems if p.rule == "EJAAN"]
    assert len(notices) == 1 and "hunspell-id" in notices[0].message
    assert notices[0].severity == WARNING


def test_unclosed_front_matter_is_not_spell_checked(tmp_path):
    lines = CHAPTER.split("\n")
    text = "\n".join(lines[:lines.index("---", 1)] + lines[lines.index("---", 1) + 1:]) + "\nKata kabupatn.\n"
    text = text.replace("title: Penutup", "title: Penutupp")
    problems = [p for p in run(tmp_path, text, spell=True) if p.rule == "EJAAN"]
    assert len(problems) == 1 and '"kabupatn"' in problems[0].message, [p.text() for p in problems]


@pytest.mark.parametrize("line", [
    "Teks biasa tanpa tanda apa pun.", "Nilai 2.5 persen dan 258.721 jiwa.", "Berkas opd.yml dan soft.lk.",
    "Kata a-.b aneh.", "Lihat `kode` dan [tautan](halaman.md).", "<b>tebal</b> dan {: .kelas }", "[[tabel-program]]",
    "!!! note", "    ??? tip \"Judul\"", "/// table-caption", "Istilah *miring* dan _miring_ juga.",
    "https://banglikab.go.id", "Tanda ] ( terpisah, { tanpa tutup, ` tunggal.", "Akhir kalimat. Awal kalimat.",
])
def test_lines_without_marks_skip_the_substitution_with_the_same_result(line):
    """The cheap test of :func:`spelling._prose` never skips a line that the full pattern would change."""
    from masterplan.checks import spelling

    assert spelling._prose(line) == spelling._NOT_PROSE.sub(lambda m: " " * len(m.group(0)), line)
