"""MkDocs adapter: connects the plan's own modules (the ``masterplan`` package) to MkDocs build events.

Everything of substance lives in ``masterplan``; this file only translates MkDocs objects and log levels.
Messages for editors are in Bahasa Indonesia and never carry a traceback (``PluginError``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from masterplan.pdf import PLUGIN_NAME
from masterplan.views import captions, directives
from masterplan.model import documents, markers, numbering, programmes, settings
from masterplan.pdf import check as pdf_check
from masterplan.publish import change_report
from masterplan.views import abbreviations, feedback, page_extras, site_status, table_cards
from masterplan.views import data_needs
from masterplan.checks import plan_logic
from masterplan.model import stage_dates
from masterplan.model import rules
from masterplan.publish import versions
from masterplan import checks
from masterplan.checks import build_log
from masterplan.checks import printing
from masterplan.site import notices
from masterplan.model.problems import ERROR, help_url, summary_line
from masterplan.views.headings import number_headings
from masterplan.views.signature import signature_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.masterplan")

PDF_PLUGIN = PLUGIN_NAME
PDF_SWITCH = "ENABLE_PDF_EXPORT"

_numbers: dict[str, numbering.PageNumbers] = {}
_nav: list = []  # the Navigation of the current build, set in on_nav
_catalogue: list = []  # the validated programme data (data/program.yml), set in on_config
_logic: list = []  # the plan's logic (data/isu.yml, misi.yml, ...: plan_logic.PlanLogic), set in on_config
_needs: list = []  # the Daftar Kebutuhan Data: (logic, needs per office), set in on_nav
_problems: list = []  # what the editors' checks reported on docs/, set in on_files
_stages: list = []  # the workshop stages (data/tahapan.yml), set in on_config
_progress: list = []  # the plan's progress for the home-page views (site_status.Progress), set in on_nav
_changes: dict = {}  # last commit date of each docs file (path relative to the repo), set in on_config
_form: list = []  # the chapter-change issue form (feedback links), set in on_config


# ---------------------------------------------------------------------------------------------------
# Configuration: the plan's settings and data, read once per build
# ---------------------------------------------------------------------------------------------------

def on_startup(command: str, dirty: bool) -> None:
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(notices.DirtyNotice())


def _translate_build_warnings(docs_dir: Path, root: Path) -> None:
    """MkDocs' English link and navigation warnings reach the log as ``path:line: [RULE-ID]`` lines in
    Bahasa Indonesia (one filter per logger, replaced on every build of ``mkdocs serve``)."""
    for name in build_log.LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, build_log.Translator)]:
            logger.removeFilter(old)
        logger.addFilter(build_log.Translator(docs_dir, root))


@event_priority(100)  # before the PDF plugin reads its options (output_path) and makes its cover
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    pdf = config.plugins.get(PDF_PLUGIN)
    _translate_build_warnings(Path(config.docs_dir), root)
    printing_problems = printing.check_config(root)
    if printing_problems:
        raise PluginError(_report("Pengaturan PDF di mkdocs.yml belum benar", printing_problems))
    loaded = settings.load(root)
    if loaded.problems:
        raise PluginError(_report("Pengaturan rencana di mkdocs.yml belum benar", list(loaded.problems)))
    plan = loaded.plan
    catalogue, problems = programmes.load_catalogue(root, plan)
    if problems:
        raise PluginError(_report("Data program (data/program.yml) belum benar", problems))
    _catalogue[:] = [catalogue]
    logic, problems = plan_logic.check(root, Path(config.docs_dir), catalogue)
    if [p for p in problems if p.severity == ERROR]:
        raise PluginError(_report("Logika rencana (isu, misi, sasaran, program, indikator) belum benar", problems))
    _logic[:] = [logic]
    day = settings.build_date(root)
    try:
        stage = stage_dates.stage_date(root, plan.stage)
    except ValueError as error:
        raise PluginError(str(error)) from None
    config.extra["rencana_periode"] = plan.period
    # The document is dated by its stage; the build date is shown apart (cover), never as the document's.
    config.extra["tanggal_dokumen"] = stage.text
    config.extra["tahun_dokumen"] = stage.year
    config.extra["tanggal_bangun"] = settings.indonesian_date(day)
    config.extra["tahap_romawi"] = numbering.roman(plan.stage)  # "Tahap II", one form everywhere
    config.extra["pdf_aktif"] = os.environ.get(PDF_SWITCH) == "1"
    versions.configure(config, pdf)
    _reader_data(config, root)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    versions.end_site_url_with_slash(config)  # after mike's on_config


def _reader_data(config: MkDocsConfig, root: Path) -> None:
    """Reads once per build what the reader features need: the glossary's abbreviations, the workshop
    stages, the issue form for feedback links and each docs file's last commit date."""
    docs_dir = Path(config.docs_dir)
    glossary = abbreviations.from_glossary(docs_dir / abbreviations.GLOSSARY)
    # The abbr extension's own glossary: appending 88 definitions to every page cost 15 % of the build.
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": glossary}
    stages, problems = site_status.load_stages(root)
    if problems:
        raise PluginError(_report("Data tahapan Bimtek belum benar", problems))
    _stages[:] = [stages]
    _form[:] = [feedback.read_form(root)]
    _changes.clear()
    _changes.update(site_status.last_changes(root, docs_dir, settings.TIMEZONE))  # one git log, all pages


def _check_sources(config: MkDocsConfig) -> None:
    """Runs the editors' checks (the same as ``scripts/validate.py``) on docs/ before any page is
    rendered: every problem is logged as the command prints it (warnings such as spelling as INFO, so
    that ``--strict`` is not failed by them); any error stops the build, before the PDF is made."""
    docs_dir = Path(config.docs_dir)
    started = time.perf_counter()
    problems = checks.run([docs_dir], docs_dir, Path(config.config_file_path).resolve().parent)
    _problems[:] = problems
    log.info("Pemeriksaan naskah selesai dalam %.2f detik: %s", time.perf_counter() - started,
             summary_line(problems))
    for problem in problems:
        log.log(logging.ERROR if problem.severity == ERROR else logging.INFO, problem.text())
    if any(problem.severity == ERROR for problem in problems):
        raise PluginError(f"Pemeriksaan naskah gagal: {summary_line(problems)} Perbaiki baris yang "
                          f"disebut di atas (penjelasan tiap aturan: {help_url()}), lalu bangun ulang.")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Checks the sources first; then keeps the PDF templates (``overrides/pdf``, inside the theme
    folder) out of the published site."""
    _check_sources(config)
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


def _report(title: str, problems: list) -> str:
    return f"{title} ({len(problems)} masalah):\n" + "\n".join(p.text() for p in sorted(problems))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    docs_dir = Path(config.docs_dir)
    sources = {page.file.src_uri: _document(page, docs_dir) for page in nav.pages}
    # Listed before the views are expanded, so that line numbers are those of the files editors open.
    verifications = markers.listing([(sources[p.file.src_uri].meta.get("title") or p.title,
                                      f"{docs_dir.name}/{p.file.src_uri}", sources[p.file.src_uri].body,
                                      sources[p.file.src_uri].body_line)
                                     for p in nav.pages if not p.file.src_uri.startswith("panduan/")])
    plan_pages = [(f"{docs_dir.name}/{p.file.src_uri}", sources[p.file.src_uri].meta.get("title") or p.title,
                   sources[p.file.src_uri]) for p in nav.pages if not p.file.src_uri.startswith("panduan/")]
    root = Path(config.config_file_path).resolve().parent
    _needs[:] = [(_logic[0], data_needs.collect(_logic[0], plan_pages, root))]
    # Generated views bring their own table and figure captions: expand them before numbering, so that
    # caption numbers continue correctly over the pages of a chapter (BAB V).
    problems = []
    for document in sources.values():
        document.body, found = directives.expand(document.body, _catalogue[0], f"{docs_dir.name}/{document.path}",
                                                 document.body_line, logic=_logic[0], needs=_needs[0])
        problems += found
    if problems:
        raise PluginError(_report("Penanda tampilan data program salah", problems))
    top_level = []
    for item in nav.items:
        pages = item.children if isinstance(item, Section) else [item]
        entry = [(p.file.src_uri, sources[p.file.src_uri]) for p in pages if isinstance(p, Page)]
        if entry:
            top_level.append(entry)
    _numbers.clear()
    _numbers.update(numbering.plan(top_level))
    _nav[:] = [nav]
    _progress[:] = [dataclasses.replace(_plan_progress(nav, config, sources), verifications=verifications)]
    for item in nav.items:
        # A chapter spread over several pages takes its nav title from its first page's front matter.
        if isinstance(item, Section) and item.children and isinstance(item.children[0], Page):
            uri = item.children[0].file.src_uri
            title = sources[uri].meta.get("title")
            if sources[uri].meta.get("bab") and _numbers[uri].label and title:
                item.title = f"{_numbers[uri].label} {title}"
    return nav


def _plan_progress(nav: Navigation, config: MkDocsConfig, sources: dict) -> site_status.Progress:
    """The home page's stages and status dashboard: every page of the plan document (the pages the PDF
    holds), with its office, status, required sections (from the checks run in on_files), words and
    last commit. Home-page views were left unexpanded in on_nav: they carry no chapter captions."""
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir)
    docs = docs_dir.resolve().relative_to(root).as_posix()
    pdf = config.plugins.get(PDF_PLUGIN)
    exclude = pdf.config["exclude_pages"] if pdf is not None else ["^$"]
    offices = _catalogue[0].offices
    outlines = rules.load()
    chapters = []
    for page in (p for p in nav.pages if _in_pdf(p, exclude)):
        uri = page.file.src_uri
        document = documents.load(docs_dir / uri, root)  # path as in the checks' problems
        office = offices.get(document.meta.get("opd"))
        title = " ".join(filter(None, (_numbers[uri].label, sources[uri].meta.get("title") or page.title)))
        chapters.append(site_status.chapter(document, uri, title, office.short if office else site_status.UNKNOWN,
                                            outlines, _problems, _changes.get(f"{docs}/{uri}")))
    plan = settings.from_extra(config.extra)
    return site_status.Progress(_stages[0], plan.stage, tuple(chapters), dict(config.extra.get("status", {})),
                                sources=plan.sources)


# ---------------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------------

HISTORY_PAGE = "panduan/riwayat-perubahan.md"  # gets the change history of the stage tags appended
SINCE_PAGE = "panduan/apa-yang-berubah.md"  # gets this version against every earlier stage appended


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == HISTORY_PAGE:
        # Generated at build time from the git tags (fetch-depth: 0 in CI), so every build shows the
        # history up to its own commit and no bot has to commit to main after a release.
        config_file = Path(config.config_file_path)
        markdown += "\n\n" + change_report.history(config_file.parent, change_report.website_only(config_file))
    if page.file.src_uri == SINCE_PAGE:
        config_file = Path(config.config_file_path)
        here = config.extra[versions.KEY]
        markdown += "\n\n" + change_report.since_stages(config_file.parent, change_report.website_only(config_file),
                                                       here["nama"], here["judul"] or "draf saat ini")
    numbers = _numbers.get(page.file.src_uri, numbering.PageNumbers(None))
    title = page.meta.get("title")
    if numbers.label and title:
        page.title = f"{numbers.label} {title}"
    markdown = directives.expand(markdown, _catalogue[0], page.file.src_uri,  # checked in on_nav
                                 progress=_progress[0], logic=_logic[0], needs=_needs[0])[0]
    markdown = captions.number(number_headings(markdown, numbers), numbers)
    if page.meta.get("tanda_tangan"):
        markdown = signature_markdown(markdown, settings.from_extra(config.extra),
                                      config.extra["tahun_dokumen"])
    return markers.render(markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta["description"] = page_extras.description(html, config.site_description or "")
    html = abbreviations.reachable(table_cards.label_tables(page_extras.focusable_tables(html)))
    return captions.finish(html, _numbers.get(page.file.src_uri, numbering.PageNumbers(None)))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """What overrides/partials/source-file.html shows under every page: the last change (from one git
    log for all pages, or "tidak diketahui" when git has no history for the file, never the build date),
    the responsible office from data/opd.yml, and the feedback links."""
    root = Path(config.config_file_path).resolve().parent
    uri = page.file.src_uri
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    office = _catalogue[0].offices.get(page.meta.get("opd"))
    title = page.meta.get("title") or page.title or config.site_name
    known = f"{docs}/{uri}" in _changes
    read = feedback.Reading(config.extra[versions.KEY]["judul"], page.canonical_url or page.url)
    context["info_halaman"] = {
        "diperbarui": settings.indonesian_date(_changes[f"{docs}/{uri}"]) if known else site_status.UNKNOWN,
        "opd": office.name if office else None,
        "masukan_github": feedback.issue_url(config.repo_url, _form[0], title, uri, read) if config.repo_url else None,
        "masukan_surel": feedback.mailto(config.extra["masukan_surel"], title, read)
        if config.extra.get("masukan_surel") else None,
    }
    return context


# ---------------------------------------------------------------------------------------------------
# After the build: the PDF's size and page count on the pages that offer it (masterplan.pdf writes it)
# ---------------------------------------------------------------------------------------------------

def _in_pdf(page: Page, exclude_pages: list[str]) -> bool:
    return pdf_check.in_pdf(page.url, exclude_pages)


def _fill_pdf_info(config: MkDocsConfig, pdf, pages: int | None) -> None:
    """Writes the PDF's size, page count and cover date into the pages that hold [[unduh-pdf]] (pages
    are rendered before the PDF exists), or says that this build made no PDF."""
    site = Path(config.site_dir)
    target = site / (pdf.config["output_path"] if pdf is not None else "pdf/none.pdf")
    for page in _nav[0].pages if _nav else []:
        out = site / page.file.dest_uri
        if not out.is_file():
            continue
        text = out.read_text(encoding="utf-8")
        if site_status.PDF_INFO in text:
            href = os.path.relpath(target, out.parent).replace(os.sep, "/")
            line = site_status.pdf_line(target, href, pages, config.extra["tanggal_dokumen"])
            out.write_text(text.replace(site_status.PDF_INFO, line), encoding="utf-8")


@event_priority(-100)  # after the PDF plugin has written the file
def on_post_build(config: MkDocsConfig) -> None:
    pdf = config.plugins.get(PDF_PLUGIN)
    pages = pdf.written.pages if pdf is not None and pdf.written is not None else None
    ready = config.extra.get(versions.READY_PDF)
    if pdf is not None and ready and pages is None:
        # A copy of the site that carries a PDF made by an earlier build (the offline zip of a release).
        target = Path(config.site_dir) / pdf.config["output_path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ready, target)
        pages = versions.page_count(target)
    _fill_pdf_info(config, pdf, pages)
    if pages is not None:
        versions.write_pdf_address(Path(config.site_dir), config.extra[versions.KEY]["pdf"], config.site_name)
