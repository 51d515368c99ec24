"""Headings and front matter: pass/fail tables for every structure and front-matter rule."""

from __future__ import annotations

import pytest
from checks_util import BODY, CHAPTER, FRONT, rules, run

from masterplan.model import problems as problems_module, site_config

NBSP, ZWSP = "\u00a0", "\u200b"

# (rule, page text) that must report the rule
FAILING = [
    ("H1-TUNGGAL", FRONT + BODY.replace("# Penutup\n", "")),
    ("H1-TUNGGAL", CHAPTER + "\n# Penutup Lagi\n\nTeks.\n"),
    ("LOMPAT-JUDUL", CHAPTER + "\n#### Terlalu Dalam\n\nTeks.\n"),
    ("LOMPAT-JUDUL", FRONT + "# Penutup\n\n### Langsung H3\n\nTeks.\n" + BODY.split("\n", 2)[2]),
    ("BAGIAN-WAJIB", CHAPTER.replace("## Kaidah Pelaksanaan\n", "")),
    ("BAGIAN-WAJIB", CHAPTER.replace("## Rekomendasi", "### Rekomendasi")),
    ("BAGIAN-WAJIB", CHAPTER.replace("## Rekomendasi\n\nTeks rekomendasi.",
                                     "```\n## Rekomendasi\n```")),
    ("BAGIAN-WAJIB", CHAPTER.replace("## Rekomendasi\n\nTeks rekomendasi.",
                                     '!!! note "Catatan"\n\n    ## Rekomendasi\n\n    Teks.')),
    ("BAGIAN-URUTAN", FRONT + "# Penutup\n\nA.\n\n## Rekomendasi\n\nB.\n\n## Kesimpulan\n\nC.\n\n"
                              "## Kaidah Pelaksanaan\n\nD.\n"),
    ("BAGIAN-KOSONG", CHAPTER.replace("Teks kaidah.\n\n", "")),
    ("BAGIAN-KOSONG", CHAPTER + "\n### Sub Kosong\n"),
    ("BAGIAN-GANDA", CHAPTER + "\n## Kesimpulan\n\nLagi.\n"),
    ("BAGIAN-GANDA", CHAPTER + f"\n## KESIMPULAN{NBSP}:\n\nLagi.\n"),
    ("FRONT-MATTER-YAML", "---\ntitle Penutup\nbab: 9\n---\n\n" + BODY),
    ("FRONT-MATTER-YAML", "---\ntitle: Penutup\nbab: [9\n---\n\n" + BODY),
    ("FRONT-MATTER-YAML", "---\ntitle: Penutup\n\n" + BODY),
    ("FRONT-MATTER-WAJIB", BODY),
    ("FRONT-MATTER-WAJIB", CHAPTER.replace("opd: bappeda\n", "")),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("bab: 9", 'bab: "9"')),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("opd: bappeda", "opd: bapeda")),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("status: draf", "status: selesai")),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("tahap: 2", "tahap: 5")),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("tahap: 2", "tahap: true")),
    ("FRONT-MATTER-NILAI", CHAPTER.replace("title: Penutup", "title: Penutupan")),
    ("FRONT-MATTER-TAKDIKENAL", CHAPTER.replace("status: draf", "status: draf\nstauts: draf")),
    ("FRONT-MATTER-TAKDIKENAL", CHAPTER.replace("bab: 9", "bab: 9\nlampiran: A")),
]

# page texts that must pass every structure and front-matter rule
PASSING = [
    CHAPTER,
    CHAPTER.replace("## Kesimpulan", "## 1.1 Kesimpulan"),
    CHAPTER.replace("## Kesimpulan", "## Kesimpulan:"),
    CHAPTER.replace("## Kesimpulan", "## KESIMPULAN"),
    CHAPTER.replace("## Kesimpulan", "## Simpulan"),  # alias from rules.yml
    CHAPTER.replace("## Kaidah Pelaksanaan", f"## Kaidah{NBSP}Pelaksanaan"),
    CHAPTER.replace("## Kaidah Pelaksanaan", f"## Kaidah {ZWSP}Pelaksanaan"),
    CHAPTER.replace("## Kaidah Pelaksanaan", "## Kaidah Pelaksanaan { #kaidah }"),
    CHAPTER.replace("## Rekomendasi", "## BAB IX Rekomendasi"),
    CHAPTER.replace("\n", "\r\n"),
    "\ufeff" + CHAPTER,
    CHAPTER + "\n```markdown\n# Bukan H1\n## Kesimpulan\n#### Bukan Lompat\n```\n",
    CHAPTER + '\n!!! note "Catatan"\n\n    # Bukan H1\n\n    ## Kesimpulan\n',
    CHAPTER + "\n### Sub\n\nIsi.\n\n### Sub Lain\n\nIsi.\n",
]


@pytest.mark.parametrize(("rule", "text"), FAILING)
def test_failing_input_reports_rule(tmp_path, rule, text):
    problems = run(tmp_path, text)
    assert rule in rules(problems), [p.text() for p in problems]
    for problem in problems:
        assert problem.line >= 1 and problem.path == "docs/bab-9-penutup.md"
        # absolute, so that it opens from a GitHub annotation
        assert "Lihat panduan: https://smartcity.banglikab.go.id/draf/panduan/aturan-pemeriksaan/#" in problem.message


@pytest.mark.parametrize("text", PASSING)
def test_passing_input_has_no_structure_problem(tmp_path, text):
    problems = [p for p in run(tmp_path, text) if p.rule not in ("AKHIR-BARIS-CRLF", "KARAKTER-TAK-TERLIHAT")]
    assert problems == [], [p.text() for p in problems]


def test_missing_section_names_file_line_and_fix(tmp_path):
    [problem] = run(tmp_path, CHAPTER.replace("## Kaidah Pelaksanaan\n", ""))
    assert problem.text().startswith("docs/bab-9-penutup.md:13: [BAGIAN-WAJIB] ")
    assert '"## Kaidah Pelaksanaan"' in problem.message and "Tambahkan" in problem.message


@pytest.mark.parametrize(("written", "meant", "rules_said"), [
    ("odp: bappeda", "opd", ["FRONT-MATTER-TAKDIKENAL"]),  # a required field misspelt: one message
    ("bba: 9", "bab", ["FRONT-MATTER-TAKDIKENAL"]),
    ("titel: Penutup", "title", ["FRONT-MATTER-TAKDIKENAL"]),
    ("stauts: draf", "status", ["FRONT-MATTER-TAKDIKENAL"]),
    ("OPD: bappeda", "opd", ["FRONT-MATTER-TAKDIKENAL"]),  # capitals: the same field
    ("judul: Penutup", "title", ["FRONT-MATTER-TAKDIKENAL"]),  # the Indonesian word (rules.yml nama_lain)
    ("xyz: bappeda", None, ["FRONT-MATTER-TAKDIKENAL", "FRONT-MATTER-WAJIB"]),  # nothing alike: both stay
])
def test_a_misspelt_field_is_one_message_naming_the_field_meant(tmp_path, written, meant, rules_said):
    field = {"odp": "opd: bappeda", "bba": "bab: 9", "titel": "title: Penutup", "stauts": "status: draf",
             "xyz": "opd: bappeda", "OPD": "opd: bappeda", "judul": "title: Penutup"}[written.split(":")[0]]
    problems = run(tmp_path, CHAPTER.replace(field, written))
    assert sorted(p.rule for p in problems) == sorted(rules_said), [p.text() for p in problems]
    [unknown] = [p for p in problems if p.rule == "FRONT-MATTER-TAKDIKENAL"]
    assert (f'Mungkin maksudnya "{meant}"' in unknown.message) == (meant is not None)


@pytest.mark.parametrize(("written", "rule"), [
    (f"opd:{NBSP}bappeda", "FRONT-MATTER-YAML"),  # no space after the colon for YAML: not "tulis opd: bappeda: ..."
    (f"opd: {NBSP}bappeda", "FRONT-MATTER-NILAI"),  # a code with Word's space: not "harus kode, bukan nama"
])
def test_words_invisible_space_in_front_matter_is_named_as_the_mistake(tmp_path, written, rule):
    [said] = [p for p in run(tmp_path, CHAPTER.replace("opd: bappeda", written)) if p.rule == rule]
    assert "spasi tak-putus" in said.message and "dari Word" in said.message, said.text()
    assert "bukan nama" not in said.message and "bappeda: ..." not in said.message, said.text()


def test_yaml_error_points_at_the_markdown_line(tmp_path):
    problems = [p for p in run(tmp_path, "---\ntitle: Penutup\nbab: 9\nopd bappeda\nstatus: x: y\n---\n\n"
                                        + BODY) if p.rule == "FRONT-MATTER-YAML"]
    assert [p.line for p in problems] == [4, 5]  # each mistake at its own line, not where YAML noticed it
    assert '"opd: bappeda"' in problems[0].message and 'status: "x: y"' in problems[1].message


def test_dimension_page_requires_elements_from_data(tmp_path):
    import yaml
    from conftest import ROOT
    dimensions = yaml.safe_load((ROOT / "data" / "dimensi.yml").read_text(encoding="utf-8"))
    elements = list(dimensions["smart-economy"]["elemen"].values())
    text = (ROOT / "docs" / "bab-5" / "smart-economy.md").read_text(encoding="utf-8")
    assert run(tmp_path, text, "bab-5/smart-economy.md") == []
    broken = text.replace(f"## {elements[1]}\n", "")
    problems = run(tmp_path, broken, "bab-5/smart-economy.md")
    assert any(p.rule == "BAGIAN-WAJIB" and elements[1] in p.message for p in problems)
    broken = text.replace("### Permasalahan\n", "", 1)
    assert "BAGIAN-WAJIB" in rules(run(tmp_path, broken, "bab-5/smart-economy.md"))


def test_lampiran_and_front_pages(tmp_path):
    lampiran = "---\ntitle: Daftar Istilah\nlampiran: A\nopd: kominfo\nstatus: draf\ntahap: 2\n---\n\n" \
               "# Daftar Istilah\n\nPengantar.\n\n## Istilah\n\nA.\n\n## Singkatan\n\nB.\n"
    assert run(tmp_path, lampiran, "lampiran/daftar-istilah.md") == []
    assert "FRONT-MATTER-NILAI" in rules(run(tmp_path, lampiran.replace("lampiran: A", "lampiran: 1"),
                                             "lampiran/daftar-istilah.md"))
    preface = "---\ntitle: Kata Pengantar\nopd: kominfo\nstatus: draf\ntahap: 2\ntanda_tangan: true\n---\n\n" \
              "# Kata Pengantar\n\nTeks.\n"
    assert run(tmp_path, preface, "kata-pengantar.md") == []
    assert "FRONT-MATTER-NILAI" in rules(run(tmp_path, preface.replace("true", "ya"), "kata-pengantar.md"))


@pytest.mark.parametrize("config, expected", [
    ("site_url: https://contoh.go.id\n", "https://contoh.go.id/draf/panduan/aturan-pemeriksaan/"),
    ("site_name: Uji\nrepo_url: https://github.com/o/r/\n",
     "https://github.com/o/r/blob/main/docs/panduan/aturan-pemeriksaan.md"),
    ("nav: [\n", "https://github.com/pemkab-bangli/masterplan-smart-city/blob/main/docs/panduan/aturan-pemeriksaan.md"),
])
def test_help_link_is_absolute_whatever_mkdocs_yml_holds(tmp_path, monkeypatch, config, expected):
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    monkeypatch.setattr(site_config, "PACKAGE_ROOT", tmp_path)
    assert problems_module.help_url() == expected
