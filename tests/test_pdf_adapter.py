"""Our PDF plugin against the upstream behaviour it relies on, on a two-page site built for real.

``masterplan.pdf.assemble`` repeats mkdocs-with-pdf's generator up to its WeasyPrint call, using the
generator's private members; WeasyPrint's bookmark tree stands in for reading the written PDF back.
These tests fail when an upgrade changes either, and check that a build without the PDF never loads
WeasyPrint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT
from pdf_read import outline_titles

PAGES = {"index.md": "# Pembuka\n\nHalaman pertama.\n\n## Bagian satu\n\nIsi [ke bab](bab.md#rincian).\n",
         "bab.md": "# Bab contoh\n\n## Rincian { #rincian }\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                   "!!! note \"Catatan\"\n    Isi catatan.\n"}


def _project(folder: Path, plugin: str) -> Path:
    """A two-page Material site whose only plugin is ``plugin`` (``with-pdf`` or ``masterplan-pdf``) with
    ``debug_html`` on, so that the build prints the combined document to stdout; its print stylesheet has
    only the rule without which layout stops after a page (CATATAN-TEKNIS.md C1)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates/styles.scss").write_text("article, section + section { min-height: auto !important; }\n")
    for name, text in PAGES.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    extra = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    config = {"site_name": "Uji", "theme": {"name": "material", "language": "id", "font": False},
              "markdown_extensions": ["admonition", "attr_list", "tables", "toc"],
              "extra": {"rencana": extra["rencana"]},
              "plugins": [{plugin: {"enabled_if_env": "ENABLE_PDF_EXPORT", "debug_html": True,
                                    "output_path": "pdf/uji.pdf", "ordered_chapter_level": 0}}]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def _build(project: Path, site: Path, pdf: bool, *python_options: str, strict: bool = False
           ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("ENABLE_PDF_EXPORT", "PDF_VARIANT")}
    env.update(NO_MKDOCS_2_WARNING="1", **({"ENABLE_PDF_EXPORT": "1"} if pdf else {}))
    command = [sys.executable, *python_options, "-m", "mkdocs", "build", "--site-dir", str(site)]
    return subprocess.run(command + (["--strict"] if strict else []), cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, str]:
    """The combined document each plugin printed, the same site built into the same folder (so that
    the file URLs in both agree)."""
    folder = tmp_path_factory.mktemp("adapter")
    found = {}
    for plugin in ("with-pdf", "masterplan-pdf"):
        result = _build(_project(folder / plugin, plugin), folder / "site", pdf=True)
        assert result.returncode == 0, result.stderr
        found[plugin] = result.stdout
    return found


@pytest.mark.build  # a real MkDocs build
def test_assembled_document_is_what_mkdocs_with_pdf_would_render(printed):
    assert "<article" in printed["with-pdf"] and 'id="bab/:"' in printed["with-pdf"]
    assert printed["masterplan-pdf"] == printed["with-pdf"]


def test_bookmark_titles_and_page_count_from_weasyprint_match_the_written_file(tmp_path):
    """The completeness check and the download line read WeasyPrint's document instead of the file."""
    from masterplan.pdf import groups, output  # WeasyPrint: imported by the worker that runs this, not at collection

    html = ("<html><body><h1>Satu</h1><h2>Dua</h2><h1 style='break-before: page'>Tiga</h1></body></html>")
    written = tmp_path / "kecil.pdf"
    printed = output.write_parts(groups.Split(stylesheets=[], body=[], sizes=[], front=html), written, "pdf/ua-1")
    assert printed.titles == outline_titles(written) == ["Satu", "Dua", "Tiga"]
    assert printed.pages == len(PdfReader(written).pages) == 2


@pytest.mark.build  # a real MkDocs build
def test_weasyprint_error_is_shown_in_indonesian_and_fails_a_strict_build(tmp_path):
    """An image WeasyPrint cannot load (raw HTML, which MkDocs does not check) is named in the message."""
    project = _project(tmp_path / "proyek", "masterplan-pdf")
    with (project / "docs/bab.md").open("a", encoding="utf-8") as page:
        page.write('\n<img src="tidak-ada.png" alt="Gambar yang hilang">\n')
    result = _build(project, tmp_path / "site", True, strict=True)
    assert result.returncode != 0
    assert "PDF gagal dibuat dengan benar: WeasyPrint melaporkan 1 galat" in result.stderr
    assert "tidak-ada.png" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.build  # a real MkDocs build
def test_site_only_build_does_not_load_weasyprint(tmp_path):
    """The maintainers' and editors' everyday build (and ``mkdocs serve``) of the real project: with the
    PDF off, neither WeasyPrint nor mkdocs-with-pdf's generator is imported (``-X importtime``)."""
    result = _build(ROOT, tmp_path / "site", False, "-X", "importtime")
    assert result.returncode == 0, result.stderr[-3000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "masterplan.pdf.metadata" in imported  # the plugin was loaded
    assert not {"weasyprint", "mkdocs_with_pdf.generator", "masterplan.pdf.writer"} & imported
