"""Guards for what the website shows right but the PDF prints wrong: pass/fail tables through
scripts/validate.py's ``main`` (the pull request's entry point, run in-process: its own subprocess run is
tests/test_checks_cli.py's), the build's own refusal, and WeasyPrint's empty-box warning made loud."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checks_util import CHAPTER
from conftest import ROOT

from masterplan.checks.printing import check_config
from masterplan.cli import validate as validate_cli
from masterplan.pdf import glyphs


FONTS = {f"assets/fonts/{p.name}": p.read_bytes() for p in (ROOT / "docs/assets/fonts").glob("*.woff2")}
FOREIGN = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><foreignObject width="200" '
           'height="50"><div xmlns="http://www.w3.org/1999/xhtml">Dinas Kominfo</div></foreignObject></svg>')
PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="0" y="20">Dinas</text></svg>'

# (rule, Markdown added to a valid chapter as the GitHub web editor or a Word paste leaves it, files)
FAILING = [
    ("SVG-FOREIGNOBJECT", "![Struktur tim](assets/images/tim.svg)", {"assets/images/tim.svg": FOREIGN}),
    ("SVG-FOREIGNOBJECT", '<img src="../assets/images/tim.svg" alt="Struktur tim">', {"assets/images/tim.svg": FOREIGN}),
    ("GAMBAR-STYLE", '<img src="../assets/images/tim.svg" alt="Struktur tim" style="width: 50%">',
     {"assets/images/tim.svg": PLAIN}),
    ("GAMBAR-STYLE", '![Struktur tim](assets/images/tim.svg){ style="max-width:300px" }',
     {"assets/images/tim.svg": PLAIN}),
    ("KARAKTER-TANPA-FON", "Alur layanan: daftar \u2192 verifikasi \u2192 terbit.", {}),
    ("KARAKTER-TANPA-FON", "Warga puas \U0001F600 dengan layanan.", {}),
]
PASSING = [
    "![Struktur tim](assets/images/tim.svg)",
    '<img src="../assets/images/tim.svg" alt="Struktur tim" width="400">',
    '![Struktur tim](assets/images/tim.svg){ width="400" }',
    '<img src="../assets/images/tim.svg" alt="Struktur tim" style="border: 1px solid">',
    "Luas 520,81 km\u00b2, suhu 15\u201325 \u00b0C, anggaran Rp1.250.000.000 \u2013 \u201cBangli\u201d \u2026",
]


def validate(page: Path, capsys) -> tuple[int, str]:
    """Exit status and output of ``scripts/validate.py PAGE`` run from the repository."""
    status = validate_cli.main([str(page)])
    return status, capsys.readouterr().out


def write_docs(tmp_path: Path, extra: str, files: dict) -> Path:
    docs = tmp_path / "docs"
    for name, content in {"bab-9-penutup.md": CHAPTER + "\n" + extra + "\n", **FONTS, **files}.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return docs / "bab-9-penutup.md"


@pytest.mark.parametrize("rule, extra, files", FAILING)
def test_failing_inputs_name_file_line_rule_and_fix(tmp_path, capsys, rule, extra, files):
    status, out = validate(write_docs(tmp_path, extra, files), capsys)
    lines = [line for line in out.splitlines() if f"[{rule}]" in line]
    assert status == 1
    assert lines, out
    line_number = CHAPTER.count("\n") + 2
    assert all(f"bab-9-penutup.md:{line_number}" in line for line in lines)
    assert any(word in lines[0] for word in ("Ekspor ulang", "width=", "Ganti dengan"))


def test_uncovered_character_is_named_with_its_column(tmp_path, capsys):
    _, out = validate(write_docs(tmp_path, "Alur: daftar \u2192 terbit.", {}), capsys)
    line = next(line for line in out.splitlines() if "[KARAKTER-TANPA-FON]" in line)
    assert f":{CHAPTER.count(chr(10)) + 2}:14:" in line and "U+2192 RIGHTWARDS ARROW" in line


@pytest.mark.parametrize("extra", PASSING)
def test_passing_inputs(tmp_path, capsys, extra):
    _, out = validate(write_docs(tmp_path, extra, {"assets/images/tim.svg": PLAIN}), capsys)
    assert not any(rule in out for rule in ("SVG-FOREIGNOBJECT", "GAMBAR-STYLE", "KARAKTER-TANPA-FON"))


def _config(tmp_path: Path, level: str) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      toc_level: 3\n" in text
    (tmp_path / "mkdocs.yml").write_text(text.replace("      toc_level: 3\n", level), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("level, fails", [("      toc_level: 4\n", True), ("      toc_level: 0\n", True),
                                          ('      toc_level: "2"\n', True), ("      toc_level: 1\n", False),
                                          ("      toc_level: 3\n", False), ("", False)])
def test_toc_level_outside_what_the_pdf_draws(tmp_path, level, fails):
    problems = check_config(_config(tmp_path, level))
    assert bool(problems) == fails
    if fails:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        assert problems[0].text().startswith(f"mkdocs.yml:{text[:text.index('toc_level')].count(chr(10)) + 1}: "
                                             "[PDF-TOC-LEVEL] ")
        assert "Daftar Isi hilang" in problems[0].message


@pytest.mark.build
def test_build_refuses_a_toc_level_that_drops_the_daftar_isi(tmp_path):
    """The real ``mkdocs build`` of a copy with ``toc_level: 4`` stops at once with the rule's message
    (before any page is rendered: a cheap build)."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "site", "tests", "*.pyc"))
    _config(copy, "      toc_level: 4\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(tmp_path / "out")], cwd=copy, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "[PDF-TOC-LEVEL]" in result.stderr + result.stdout


def test_weasyprint_empty_box_warning_is_caught_although_the_plugin_silences_it():
    """mkdocs-with-pdf sets WeasyPrint's logger to ERROR; the writer's listener still hears the missing
    glyph (:func:`output.listening`), and :mod:`glyphs` names the character."""
    from weasyprint import HTML

    from masterplan.pdf import output

    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with output.listening() as messages:
            HTML(string='<p style="font-family: DejaVu Sans">Kotak \ue000 di sini.</p>').write_pdf()
        found = glyphs.missing(messages.warnings)
        assert found == {"\ue000": "U+E000"}
        assert "'\ue000' (U+E000)" in glyphs.message(found) and "KARAKTER-TANPA-FON" in glyphs.message(found)
        assert logger.level == logging.ERROR  # restored after the block
        with output.listening() as messages:
            HTML(string="<p>Teks biasa.</p>").write_pdf()
        assert glyphs.missing(messages.warnings) == {} and glyphs.message({}) == ""
    finally:
        logger.setLevel(level)
