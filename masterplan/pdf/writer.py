"""One build's PDF: pages collected by mkdocs-with-pdf, combined (:mod:`~masterplan.pdf.assemble`), arranged
as a planning document (:mod:`~masterplan.pdf.arrange`), then reused from the cache or rendered and
written (:mod:`~masterplan.pdf.output`), and checked to hold every page of the nav.

Imported by the plugin only when the PDF is on: mkdocs-with-pdf's generator imports WeasyPrint.
"""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs_with_pdf.generator import Generator

from masterplan.pdf import cache, check, output
from masterplan.pdf.arrange import arrange
from masterplan.pdf.assemble import PlanOptions, combined
from masterplan.pdf.metadata import Metadata
from masterplan.pdf.stylesheets import inline_theme_stylesheets

log = logging.getLogger("mkdocs.plugins.masterplan.pdf")

ADVICE = ("Periksa bab tersebut: gambar atau tabel yang terlalu besar dapat menghentikan tata letak PDF; "
          "lalu bangun ulang.")
SHOWN = 10  # distinct WeasyPrint messages repeated in the log; a broken layout can raise hundreds


@dataclass(frozen=True)
class Written:
    """The PDF a build left at ``path``: its page count, and whether it was rendered or reused."""

    path: Path
    pages: int
    reused: bool


class PdfWriter:
    """Collects the pages of one build and writes its PDF; ``plugin_config`` holds mkdocs-with-pdf's
    options (and ``cache_dir``), ``config`` is the MkDocs configuration."""

    def __init__(self, plugin_config, config, metadata: Metadata, root: Path) -> None:
        self.options = PlanOptions(plugin_config, config, log)
        self.generator = Generator(options=self.options)
        self.metadata = metadata
        self.output_path = plugin_config["output_path"]
        self.exclude_pages = plugin_config["exclude_pages"]
        self.cache_dir = root / plugin_config["cache_dir"] if plugin_config["cache_dir"] else None
        self.nav = None

    def on_nav(self, nav) -> None:
        self.nav = nav
        self.generator.on_nav(nav)

    def on_post_page(self, output_content: str, page) -> None:
        self.generator.on_post_page(output_content, page, self.output_path)

    def write(self, config) -> Written:
        """Write the PDF into the site. Raises ``PluginError`` (Indonesian, no traceback) when WeasyPrint
        reports an error or the PDF lacks a page of the nav."""
        site_dir = Path(config.site_dir)
        target = site_dir / self.output_path
        soup = combined(self.generator, self.options)
        if self.options.debug_html:
            print(soup)  # the option's meaning upstream: the combined document as mkdocs-with-pdf makes it
        arrange(soup, self.metadata)
        inline_theme_stylesheets(soup, list(config.extra_css))
        html = str(soup)
        del soup
        for page in self.nav.pages:  # the generator keeps each page's article: free them before layout
            if hasattr(page, "pdf-article"):
                delattr(page, "pdf-article")
        gc.collect()
        key = cache.key(html, site_dir, self.metadata.variant)
        entry = cache.lookup(self.cache_dir, key, site_dir) if self.cache_dir else None
        if entry is not None:
            cache.restore(self.cache_dir, key, target)
            self._check(entry.titles, [], config.strict)
            log.info("PDF tidak berubah sejak pembangunan sebelumnya: salinan tersimpan dipakai (%d halaman).",
                     entry.pages)
            return Written(target, entry.pages, reused=True)
        with output.listening() as messages:
            rendered = output.render(html)
            del html
            titles = rendered.titles()
            output.write(rendered, target, self.metadata.variant)
        for warning in messages.warnings:  # CSS it ignores, mostly: shown with mkdocs build --verbose
            log.debug("WeasyPrint: %s", warning)
        self._check(titles, messages.errors, config.strict)
        if self.cache_dir:
            cache.store(self.cache_dir, key, target,
                        cache.Entry(rendered.pages, titles, cache.file_digests(rendered.files, site_dir)))
        log.info("PDF dibuat: %d halaman, semua halaman navigasi ada di %s.", rendered.pages, self.output_path)
        return Written(target, rendered.pages, reused=False)

    def _check(self, titles: list[str], errors: list[str], strict: bool) -> None:
        """Fail the build when a nav page has no bookmark in the PDF (layout stopped early:
        CATATAN-TEKNIS.md C1), and under ``strict`` when WeasyPrint reported errors (otherwise they are logged as
        errors, as MkDocs does); the message names what is missing and where to look."""
        expected = [page.title for page in self.nav.pages if check.in_pdf(page.url, self.exclude_pages)]
        missing = check.missing_titles(titles, expected)
        if missing:
            raise PluginError("PDF tidak lengkap: " + "; ".join(missing) + ". " + ADVICE)
        if errors:
            shown = "; ".join(errors[:SHOWN]) + ("; …" if len(errors) > SHOWN else "")
            message = f"PDF gagal dibuat dengan benar: WeasyPrint melaporkan {len(errors)} galat: {shown}"
            if strict:
                raise PluginError(message)
            log.error(message)
