"""MkDocs adapter: connects the plan's own modules (``scripts/masterplan``) to MkDocs build events.

Everything of substance lives in ``masterplan``; this file only translates MkDocs objects and log levels.
Messages for editors are in Bahasa Indonesia and never carry a traceback (``PluginError``).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from masterplan import captions, documents, markers, numbering, pdf_check, settings
from masterplan.headings import number_headings
from masterplan.signature import signature_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.masterplan")

PDF_PLUGIN = "with-pdf"
PDF_SWITCH = "ENABLE_PDF_EXPORT"
SCRIPTS_DIR = Path(__file__).resolve().parent

_numbers: dict[str, numbering.PageNumbers] = {}
_nav: list = []  # the Navigation of the current build, set in on_nav


# ---------------------------------------------------------------------------------------------------
# Configuration: make mkdocs-with-pdf independent of the working directory and quiet when switched off
# ---------------------------------------------------------------------------------------------------

class _PdfOffNotice(logging.Filter):
    """Turns the plugin's WARNING "without generate PDF" (stack-notes item 8) into an INFO line, so
    that ``mkdocs build --strict`` without the PDF passes. Every other record passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "without generate PDF" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = f"PDF tidak dibuat (setel {PDF_SWITCH}=1 untuk membuatnya).", ()
        return True


class _WeasyPrintErrors(logging.Handler):
    """Repeats WeasyPrint's own errors under our logger, because the plugin only reports a count
    ("N error(s) … while generating PDF", stack-notes item 11)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            log.error("WeasyPrint: %s", record.getMessage())


@event_priority(100)  # before the PDF plugin reads its options
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    pdf = config.plugins.get(PDF_PLUGIN)
    if pdf is not None:
        # The plugin resolves these against the working directory (stack-notes): anchor them to the repo.
        template_path = Path(pdf.config["custom_template_path"])
        if not template_path.is_absolute():
            pdf.config["custom_template_path"] = str(root / template_path)
        if str(SCRIPTS_DIR) not in sys.path:
            sys.path.insert(0, str(SCRIPTS_DIR))  # where pdf_event_hook.py lives
        logging.getLogger("mkdocs.with-pdf").addFilter(_PdfOffNotice())
        weasy = logging.getLogger("weasyprint")
        if not any(isinstance(h, _WeasyPrintErrors) for h in weasy.handlers):
            weasy.addHandler(_WeasyPrintErrors())
    try:
        plan = settings.from_extra(config.extra)
    except (KeyError, TypeError, ValueError) as error:
        raise PluginError(f"mkdocs.yml: bagian 'extra.rencana' tidak lengkap atau salah ({error}). "
                          "Lengkapi sesuai contoh di README.") from None
    day = settings.build_date(root)
    config.extra["rencana_periode"] = plan.period
    config.extra["tanggal_dokumen"] = settings.indonesian_date(day)
    config.extra["tahun_dokumen"] = day.year
    config.extra["pdf_aktif"] = os.environ.get(PDF_SWITCH) == "1"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Keeps the PDF templates (``overrides/pdf``, inside the theme folder) out of the published site."""
    for file in list(files):
        if file.src_uri.startswith("pdf/") and not file.is_documentation_page() and \
                not Path(config.docs_dir, file.src_uri).exists():
            files.remove(file)
    return files


# ---------------------------------------------------------------------------------------------------
# Navigation: chapter numbers for every page, computed once from the sources
# ---------------------------------------------------------------------------------------------------

def _document(page: Page, docs_dir: Path) -> documents.Document:
    return documents.load(docs_dir / page.file.src_path, docs_dir)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    docs_dir = Path(config.docs_dir)
    sources = {page.file.src_uri: _document(page, docs_dir) for page in nav.pages}
    top_level = []
    for item in nav.items:
        pages = item.children if isinstance(item, Section) else [item]
        entry = [(p.file.src_uri, sources[p.file.src_uri]) for p in pages if isinstance(p, Page)]
        if entry:
            top_level.append(entry)
    _numbers.clear()
    _numbers.update(numbering.plan(top_level))
    _nav[:] = [nav]
    for item in nav.items:
        # A chapter spread over several pages takes its nav title from its first page's front matter.
        if isinstance(item, Section) and item.children and isinstance(item.children[0], Page):
            uri = item.children[0].file.src_uri
            title = sources[uri].meta.get("title")
            if sources[uri].meta.get("bab") and _numbers[uri].label and title:
                item.title = f"{_numbers[uri].label} {title}"
    return nav


# ---------------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------------

def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    numbers = _numbers.get(page.file.src_uri, numbering.PageNumbers(None))
    title = page.meta.get("title")
    if numbers.label and title:
        page.title = f"{numbers.label} {title}"
    markdown = number_headings(markdown, numbers)
    if page.meta.get("tanda_tangan"):
        markdown = signature_markdown(markdown, settings.from_extra(config.extra),
                                      config.extra["tahun_dokumen"])
    return markers.render(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return captions.arrange(html, _numbers.get(page.file.src_uri, numbering.PageNumbers(None)))


# ---------------------------------------------------------------------------------------------------
# After the build: the PDF must hold every chapter (mkdocs-with-pdf can silently truncate it)
# ---------------------------------------------------------------------------------------------------

def _in_pdf(page: Page, exclude_pages: list[str]) -> bool:
    """Mirrors the plugin's ``exclude_pages`` rule: regexes anchored at the start of the page URL."""
    return not any(re.match(p if p.startswith("^") else f"^{p}", page.url) for p in exclude_pages)


@event_priority(-100)  # after the PDF plugin has written the file
def on_post_build(config: MkDocsConfig) -> None:
    pdf = config.plugins.get(PDF_PLUGIN)
    if pdf is None or not config.extra.get("pdf_aktif"):
        return
    path = Path(config.site_dir) / pdf.config["output_path"]
    expected = [page.title for page in _nav[0].pages if _in_pdf(page, pdf.config["exclude_pages"])]
    problems = pdf_check.missing_titles(path, expected)
    if problems:
        raise PluginError("PDF tidak lengkap: " + "; ".join(problems) +
                          ". Periksa bab tersebut (gambar atau tabel yang terlalu besar dapat menghentikan "
                          "tata letak PDF) lalu bangun ulang.")
    log.info("PDF lengkap: %d halaman situs ada di %s", len(expected), path.name)
