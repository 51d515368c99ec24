"""Page breaks the issue 14 review reported from public bug reports, reduced to a small docs tree built
through our real PDF plugin with the plan's own print stylesheet (overrides/pdf/styles.scss) and read
back by the proofreader: a table row taller than a page, and an admonition longer than a page right
after its section heading. Each is built twice: with our stylesheet (no fault) and with the one rule
that prevents the fault taken out (the proofreader names the fault), so the rule is known to matter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import PDF_NAME, ROOT, run_build
from masterplan.pdf import proofreader

# Each test builds a small plan through the real PDF plugin: the build tier, not the seconds-long unit tier.
pytestmark = pytest.mark.build

QUOTE = "Kutipan dokumen sumber yang disalin utuh ke dalam satu sel lembar kerja kebutuhan data."
PARAGRAPH = " ".join(["Isi catatan ini lebih panjang dari satu halaman cetak dan tetap harus terbaca utuh."] * 8)
TALL_ROW = "\n".join(f"| {i} | {' '.join([QUOTE] * 70) if i == 4 else 'Data singkat'} | Analisis |"
                     for i in range(1, 12))
LABEL = '<span class="label-bab">{}</span>'  # what the site plugin puts before a chapter title
PAGES = {
    "index.md": f"# {LABEL.format('BAB I')} Pembuka\n\nHalaman pertama.\n",
    "tabel.md": (f"# {LABEL.format('BAB II')} Lembar Kerja\n\nParagraf pembuka lembar kerja.\n\n| No | Data yang dibutuhkan | Dipakai di |\n"
                 f"|---|---|---|\n{TALL_ROW}\n\nSumber: data uji.\n\nParagraf penutup.\n"),
    "catatan.md": (f"# {LABEL.format('BAB III')} Catatan\n\nParagraf pembuka bab.\n\n## Bagian dengan catatan panjang\n\n"
                   '!!! note "Catatan panjang"\n' + "\n\n".join(f"    {PARAGRAPH}" for _ in range(12))
                   + "\n\nParagraf sesudah catatan.\n"),
}
# The stylesheet rule that prevents each fault (taken out to show the proofreader catches it).
RULES = {
    "TABEL-TANPA-KEPALA": "article tr.baris-tinggi { page-break-inside: auto; break-inside: auto; }",
    "HALAMAN-HAMPIR-KOSONG": (".md-typeset .admonition, .md-typeset details {\n  font-size: 10pt;\n"
                              "  page-break-inside: auto !important;\n  break-inside: auto !important;\n}"),
}


def _project(folder: Path, without: str | None) -> Path:
    """A three-page Material site printed by ``masterplan-pdf`` with the plan's print stylesheet, less
    the rule ``without`` (a key of :data:`RULES`), and a one-line cover."""
    templates = folder / "overrides/pdf"
    templates.mkdir(parents=True)
    css = (ROOT / "overrides/pdf/styles.scss").read_text(encoding="utf-8")
    if without is not None:
        assert RULES[without] in css, f"rule for {without} not in styles.scss"
        css = css.replace(RULES[without], "")
    (templates / "styles.scss").write_text(css, encoding="utf-8")
    (templates / "cover.html.j2").write_text('<article id="doc-cover"><h1>Uji</h1></article>', encoding="utf-8")
    (folder / "docs").mkdir()
    for name, text in PAGES.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    config = {"site_name": "Uji", "theme": {"name": "material", "language": "id", "font": False},
              "markdown_extensions": ["admonition", "attr_list", "tables", "toc"], "extra": {"rencana": extra["rencana"]},
              "plugins": [{"masterplan-pdf": {"enabled_if_env": "ENABLE_PDF_EXPORT", "output_path": f"pdf/{PDF_NAME}",
                                              "custom_template_path": "overrides/pdf", "toc_title": "Daftar Isi",
                                              "ordered_chapter_level": 0}}]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def _faults(tmp_path: Path, without: str | None) -> list[proofreader.Fault]:
    project = _project(tmp_path / "proyek", without)
    build = run_build(project, tmp_path / "site", pdf=True)
    assert build.returncode == 0, build.log[-3000:]
    try:
        return proofreader.proofread(build.pdf)
    finally:
        shutil.rmtree(project)


def test_tall_row_and_long_admonition_print_without_fault(tmp_path):
    assert [fault.text() for fault in _faults(tmp_path, None)] == []


@pytest.mark.parametrize("rule", sorted(RULES))
def test_without_its_stylesheet_rule_the_proofreader_names_the_fault(tmp_path, rule):
    assert rule in {fault.rule for fault in _faults(tmp_path, rule)}
