"""The state of one MkDocs build of the plan, on one object: :class:`Build` is made in ``on_config`` from
the validated settings (``mkdocs.yml`` → ``extra.rencana``, read by :func:`masterplan.model.settings.load`)
and the plan's data, and every later event of :mod:`masterplan.site.plugin` asks it for what it needs.
Whatever an editor got wrong stops the build with a :class:`PluginError` listing ``path:line: [RULE-ID]``
lines in Bahasa Indonesia, never a traceback.
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
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from masterplan import checks
from masterplan.checks import build_log, plan_logic, printing
from masterplan.model import documents, markers, numbering, programmes, rules, settings, stage_dates
from masterplan.model.problems import EDITORS_GUIDE, ERROR, Problem, help_url, problem_files, summary_line
from masterplan.model.rules import message
from masterplan.pdf import PLUGIN_NAME as PDF_PLUGIN, check as pdf_check, worksheets
from masterplan.publish import change_report, versions
from masterplan.site import kept
from masterplan.views import (abbreviations, captions, data_needs, directives, edition, feedback, page_extras,
                              site_status, table_cards)
from masterplan.views.headings import number_headings
from masterplan.views.signature import signature_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.masterplan")

PDF_SWITCH = "ENABLE_PDF_EXPORT"
HISTORY_PAGE = f"{EDITORS_GUIDE}riwayat-perubahan.md"  # gets the change history of the stage tags appended
SINCE_PAGE = f"{EDITORS_GUIDE}apa-yang-berubah.md"  # gets this version against every earlier stage appended
NO_NUMBERS = numbering.PageNumbers(None)


def report(title: str, problems: list[Problem]) -> str:
    """``title`` with the number of problems, then one ``path:line: [RULE-ID] message`` line each."""
    return f"{title} ({len(problems)} masalah):\n" + "\n".join(p.text() for p in sorted(problems))


def _stop_on(title: str, problems: list[Problem]) -> None:
    if problems:
        raise PluginError(report(title, problems))


class Build:
    """One build: the settings and data read once in ``on_config``, the editors' problems (``on_files``),
    the chapter numbers, views and home-page progress (``on_nav``), then pages and the PDF line.

    Raises :class:`PluginError` (a report in Bahasa Indonesia) when the settings or data are wrong.
    """

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_dir = Path(config.docs_dir)
        self.docs = self.docs_dir.resolve().relative_to(self.root).as_posix()  # "docs", as git names it
        self.pdf = config.plugins.get(PDF_PLUGIN)
        build_log.install(self.docs_dir, self.root)
        _stop_on("Pengaturan PDF di mkdocs.yml belum benar", printing.check_config(self.root))
        loaded = settings.load(self.root)
        _stop_on("Pengaturan rencana di mkdocs.yml belum benar", list(loaded.problems))
        self.plan = loaded.plan
        problems = checks.rules_problems(rules.load())  # named as itself, before the programme data reads it
        _stop_on(message("BERKAS-TAK-TERBACA", "judul_bangun", berkas=problem_files(problems)), problems)
        self.memo = kept.results(self.root)  # saved in finish(), or when the checks stop the build
        self.catalogue, problems = programmes.load_catalogue(self.root, self.plan, self.memo)
        _stop_on(f"Data program ({problem_files(problems)}) belum benar", problems)
        self.stages, problems = stage_dates.load_stages(self.root)
        self.logic, found = plan_logic.check(self.root, self.docs_dir, self.catalogue, self.memo)
        for title, group in plan_logic.reports(problems, found):  # each under the name of what is wrong
            _stop_on(title, group)
        self._configure()
        self.form = feedback.read_form(self.root)
        self.changes = site_status.last_changes(self.root, self.docs_dir, settings.TIMEZONE)  # one git log
        self.problems: list[Problem] = []
        self.nav: Navigation | None = None
        self.numbers: dict[str, numbering.PageNumbers] = {}
        self.needs = self.progress = None
        self.views: dict[tuple, str] = {}  # views made from this build's data, for both expansions of a page

    def _configure(self) -> None:
        """The values the templates read from ``extra``, and the abbreviations of the glossary."""
        extra = self.config.extra
        try:
            extra.update(edition.extras(self.root, self.plan))
        except ValueError as error:
            raise PluginError(str(error)) from None
        # The document is dated by its stage; the build date is shown apart (cover), never as the document's.
        extra["tanggal_bangun"] = settings.indonesian_date(settings.build_date(self.root))
        extra["pdf_aktif"] = os.environ.get(PDF_SWITCH) == "1"
        versions.configure(self.config, self.pdf)
        self.glossary = abbreviations.from_glossary(self.docs_dir / abbreviations.GLOSSARY)  # see page_markdown

    # -----------------------------------------------------------------------------------------------
    # Files: the editors' checks before any page is rendered
    # -----------------------------------------------------------------------------------------------

    def check_sources(self) -> None:
        """Runs the editors' checks (the same as ``scripts/validate.py``) on docs/: every problem is
        logged as the command prints it (warnings such as spelling as INFO, so that ``--strict`` is not
        failed by them); any error stops the build, before the PDF is made."""
        started = time.perf_counter()
        self.problems = problems = checks.run([self.docs_dir], self.docs_dir, self.root, memo=self.memo)
        log.info("Pemeriksaan naskah selesai dalam %.2f detik: %s", time.perf_counter() - started,
                 summary_line(problems))
        for problem in problems:
            log.log(logging.ERROR if problem.severity == ERROR else logging.INFO, problem.text())
        if any(problem.severity == ERROR for problem in problems):
            self.memo.save()  # the editor's next build, after the fix, checks again only the fixed pages
            raise PluginError(f"Pemeriksaan naskah gagal: {summary_line(problems)} Perbaiki baris yang "
                              f"disebut di atas (penjelasan tiap aturan: {help_url()}), lalu bangun ulang.")

    def drop_pdf_templates(self, files: Files) -> Files:
        """The PDF templates (``overrides/pdf``, inside the theme folder) stay out of the published site."""
        for file in list(files):
            if file.src_uri.startswith("pdf/") and not file.is_documentation_page() and \
                    not (self.docs_dir / file.src_uri).exists():
                files.remove(file)
        return files

    # -----------------------------------------------------------------------------------------------
    # Navigation: chapter numbers for every page, computed once from the sources
    # -----------------------------------------------------------------------------------------------

    def number(self, nav: Navigation) -> Navigation:
        """Numbers chapters and captions over the whole plan, prepares the generated views and the home
        page's progress, and titles a chapter spread over several pages after its first page."""
        shown = self.docs_dir.name
        sources = {page.file.src_uri: documents.load(self.docs_dir / page.file.src_path, self.docs_dir)
                   for page in nav.pages}
        for document in sources.values():  # [[edisi]] as readers see it, also in the list of open verifications
            document.body = directives.fill_inline(document.body, self.config.extra)
        plan_pages = [p for p in nav.pages if not p.file.src_uri.startswith(EDITORS_GUIDE)]
        # Listed before the views are expanded, so that line numbers are those of the files editors open.
        verifications = markers.listing([(sources[p.file.src_uri].meta.get("title") or p.title,
                                          f"{shown}/{p.file.src_uri}", sources[p.file.src_uri].body,
                                          sources[p.file.src_uri].body_line) for p in plan_pages])
        self.needs = (self.logic, data_needs.collect(
            self.logic, [(f"{shown}/{p.file.src_uri}", sources[p.file.src_uri].meta.get("title") or p.title,
                          sources[p.file.src_uri]) for p in plan_pages], self.root, self.memo))
        # Generated views bring their own table and figure captions: expand them before numbering, so that
        # caption numbers continue correctly over the pages of a chapter (BAB V).
        problems = []
        for document in sources.values():
            document.body, found = directives.expand(document.body, self.catalogue, f"{shown}/{document.path}",
                                                     document.body_line, logic=self.logic, needs=self.needs,
                                                     rendered=self.views, memo=self.memo)
            problems += found
        _stop_on("Penanda tampilan data program salah", problems)
        top_level = []
        for item in nav.items:
            pages = item.children if isinstance(item, Section) else [item]
            entry = [(p.file.src_uri, sources[p.file.src_uri]) for p in pages if isinstance(p, Page)]
            if entry:
                top_level.append(entry)
        self.numbers = numbering.plan(top_level)
        self.nav = nav
        self.progress = dataclasses.replace(self._progress(nav, sources), verifications=verifications)
        for item in nav.items:
            # A chapter spread over several pages takes its nav title from its first page's front matter.
            if isinstance(item, Section) and item.children and isinstance(item.children[0], Page):
                uri = item.children[0].file.src_uri
                title = sources[uri].meta.get("title")
                if sources[uri].meta.get("bab") and self.numbers[uri].label and title:
                    item.title = f"{self.numbers[uri].label} {title}"
        return nav

    def _progress(self, nav: Navigation, sources: dict) -> site_status.Progress:
        """The home page's stages and status dashboard: every page of the plan document (the pages the PDF
        holds), with its office, status, required sections (from the checks run on the files), words and
        last commit. Home-page views were left unexpanded in :meth:`number`: they carry no captions."""
        outlines, exclude = rules.load(), self.pdf.config["exclude_pages"] if self.pdf is not None else ["^$"]
        chapters = []
        for page in (p for p in nav.pages if pdf_check.in_pdf(p.url, exclude)):
            uri = page.file.src_uri
            document = documents.load(self.docs_dir / uri, self.root)  # path as in the checks' problems
            office = self.catalogue.offices.get(document.meta.get("opd"))
            title = " ".join(filter(None, (self.numbers[uri].label, sources[uri].meta.get("title") or page.title)))
            chapters.append(site_status.chapter(document, uri, title, office.short if office else site_status.UNKNOWN,
                                                outlines, self.problems, self.changes.get(f"{self.docs}/{uri}")))
        return site_status.Progress(self.stages, self.plan.stage, tuple(chapters),
                                    dict(self.config.extra.get("status", {})), sources=self.plan.sources)

    # -----------------------------------------------------------------------------------------------
    # Pages
    # -----------------------------------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page) -> str:
        """The page's Markdown with its reports, numbers, generated views, signature and markers."""
        uri, extra = page.file.src_uri, self.config.extra
        if uri == HISTORY_PAGE:
            # Generated at build time from the git tags (fetch-depth: 0 in CI), so every build shows the
            # history up to its own commit and no bot has to commit to main after a release.
            markdown += "\n\n" + change_report.history(self.root, self._website_only())
        if uri == SINCE_PAGE:
            here = extra[versions.KEY]
            markdown += "\n\n" + change_report.since_stages(self.root, self._website_only(), here["nama"],
                                                           here["judul"] or "draf saat ini", SINCE_PAGE)
        numbers = self.numbers.get(uri, NO_NUMBERS)
        title = page.meta.get("title")
        if numbers.label and title:
            page.title = f"{numbers.label} {title}"
        markdown = directives.expand(markdown, self.catalogue, uri, progress=self.progress,  # checked in number()
                                     logic=self.logic, needs=self.needs, rendered=self.views, memo=self.memo)[0]
        markdown = captions.number(number_headings(markdown, numbers), numbers)
        # After the headings: filling the page's own [[edisi]] (and the views' source lines) changes no
        # heading, and a page whose text is still the checked one finds its headings in the memo.
        markdown = directives.fill_inline(markdown, extra)
        if page.meta.get("tanda_tangan"):
            markdown = signature_markdown(markdown, self.plan, extra["tahun_dokumen"])
        markdown = markers.render(markdown)
        abbreviations.for_page(self.config.mdx_configs, self.glossary, markdown, self.memo)
        return markdown

    def _website_only(self) -> list[str]:
        return change_report.website_only(self.root)

    def page_html(self, html: str, page: Page) -> str:
        """The page's HTML with its description, labelled tables in their scrolling box, reachable
        abbreviations and finished captions; kept in the build's memo under the HTML Python-Markdown made
        and the page's numbers (what else they read, our code and mkdocs.yml, is in its fingerprint)."""
        numbers, fallback = self.numbers.get(page.file.src_uri, NO_NUMBERS), self.config.site_description or ""

        def finished() -> list[str]:
            boxed = abbreviations.reachable(page_extras.boxed_tables(table_cards.label_tables(html)))
            return [page_extras.description(html, fallback), captions.finish(boxed, numbers)]

        page.meta["description"], html = self.memo.get("html-halaman", (html, repr(numbers), fallback), finished)
        return html

    def page_info(self, page: Page) -> dict:
        """What overrides/partials/source-file.html shows under every page: the last change (from one git
        log for all pages, or "tidak diketahui" when git has no history for the file, never the build
        date), the responsible office from data/opd.yml, and the feedback links."""
        config, uri = self.config, page.file.src_uri
        office = self.catalogue.offices.get(page.meta.get("opd"))
        title = page.meta.get("title") or page.title or config.site_name
        changed = self.changes.get(f"{self.docs}/{uri}")
        read = feedback.Reading(config.extra[versions.KEY]["judul"], page.canonical_url or page.url)
        address = config.extra.get("masukan_surel")
        return {
            "diperbarui": settings.indonesian_date(changed) if changed else site_status.UNKNOWN,
            "opd": office.name if office else None,
            "masukan_github": feedback.issue_url(config.repo_url, self.form, title, uri, read)
            if config.repo_url else None,
            "masukan_surel": feedback.mailto(address, title, read) if address else None,
        }

    # -----------------------------------------------------------------------------------------------
    # After the build: the PDF's size and page count on the pages that offer it
    # -----------------------------------------------------------------------------------------------

    def _newest_pdf(self, page: Path, site: Path) -> tuple[str, str] | None:
        """``(label, href from page)`` of the newest released stage's PDF at its stable address, for the
        draft (which links there instead of a PDF of its own); None elsewhere. The draft's folder sits
        beside ``terbaru`` on the published branch."""
        versi = self.config.extra[versions.KEY]
        if not (versi["draf"] and versi["resmi"]):
            return None
        stable = site.parent / versions.stable_pdf(versi["pdf"])
        return versi["resmi"], os.path.relpath(stable, page.parent).replace(os.sep, "/")

    def finish(self) -> None:
        """Writes the PDF's size, page count and cover date into the pages that hold [[unduh-pdf]] (pages
        are rendered before the PDF exists), or says that this build made no PDF; a copy of the site that
        carries a PDF made by an earlier build (the offline zip of a release) gets that PDF first."""
        config, pdf, site = self.config, self.pdf, Path(self.config.site_dir)
        pages = pdf.written.pages if pdf is not None and pdf.written is not None else None
        ready = config.extra.get(versions.READY_PDF)
        target = site / (pdf.config["output_path"] if pdf is not None else "pdf/none.pdf")
        if pdf is not None and ready and pages is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ready, target)
            pages = versions.page_count(target)
        worksheets.publish(pdf, data_needs.sheets(self.needs) if self.needs else [], config, self.nav)
        for page in self.nav.pages if self.nav else []:
            out = site / page.file.dest_uri
            if not out.is_file():
                continue
            text = out.read_text(encoding="utf-8")
            if site_status.PDF_INFO in text:
                href = os.path.relpath(target, out.parent).replace(os.sep, "/")
                line = site_status.pdf_line(target, href, pages, config.extra["tanggal_dokumen"],
                                            self._newest_pdf(out, site))
                out.write_text(text.replace(site_status.PDF_INFO, line), encoding="utf-8")
        if pages is not None:
            versions.write_pdf_address(site, config.extra[versions.KEY]["pdf"], config.site_name)
        self.memo.save()
