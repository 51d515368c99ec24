"""One build's PDF: the pages MkDocs rendered, combined by mkdocs-with-pdf (:mod:`~masterplan.pdf.assemble`),
arranged as a planning document (:mod:`~masterplan.pdf.arrange`), rendered and written
(:mod:`~masterplan.pdf.output`) and checked to hold every page of the nav; or, when none of its inputs
changed, the PDF kept from an earlier build (:mod:`~masterplan.pdf.cache`).

mkdocs-with-pdf (its options and generator, BeautifulSoup with them), our arrangement and WeasyPrint are
imported only when the PDF is rendered: a build that reuses the kept PDF costs about what a build of the
website alone costs (importing them was ~0.12 CPU s of such a build: CATATAN-TEKNIS.md C79).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
from dataclasses import asdict, dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from masterplan.checks import build_log
from masterplan.pdf import cache, check, glyphs
from masterplan.pdf.metadata import Metadata

if TYPE_CHECKING:
    from masterplan.pdf.groups import Split

log = logging.getLogger("mkdocs.plugins.masterplan.pdf")

ADVICE = ("Periksa bab tersebut: gambar atau tabel yang terlalu besar dapat menghentikan tata letak PDF; "
          "lalu bangun ulang.")
SHOWN = 10  # distinct WeasyPrint messages repeated in the log; a broken layout can raise hundreds
# Libraries whose output goes into the PDF: a new version renders again.
LIBRARIES = ("mkdocs-with-pdf", "weasyprint", "pydyf", "tinycss2", "beautifulsoup4", "libsass")
CODE = Path(__file__).parent  # our code that makes the PDF (every module of masterplan/pdf)
# Python's cyclic collector re-scans every live object at each full collection. Making the PDF creates
# millions of long-lived objects (the combined document, WeasyPrint's boxes) and little cyclic garbage:
# with the default thresholds (700, 10, 10) collecting took a fifth of WeasyPrint's layout (measured on
# the plan: 5.5 of 28 CPU seconds), with the same peak memory without it. Meanwhile it runs rarely.
PDF_GC_THRESHOLDS = (10_000, 50, 100)


@contextlib.contextmanager
def _fewer_collections():
    """Within this block, the cyclic collector uses :data:`PDF_GC_THRESHOLDS`; restored afterwards."""
    saved = gc.get_threshold()
    gc.set_threshold(*PDF_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _between(text: str, start: str, end: str) -> str:
    """``text`` from the first ``start`` to the last ``end`` (both included), or all of it."""
    first, last = text.find(start), text.rfind(end)
    return text[first:last + len(end)] if 0 <= first < last else text


def _printed_part(html: str) -> str:
    """What mkdocs-with-pdf takes from a page rendered by the theme: its head and its ``<article>``,
    as a document of their own. The generator parses and walks every page it is given several times
    (about 3 CPU seconds for the plan); without the site's navigation and footer, half of the page, the
    combined document is the same (``tests/test_pdf_adapter.py``). A page without an article (another
    theme) is kept whole."""
    article = _between(html, "<article", "</article>")
    if article == html:
        return html
    return f"<html>{_between(html, '<head', '</head>')}<body>{article}</body></html>"


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
        self.plugin_config = plugin_config
        self.metadata = metadata
        self.output_path = plugin_config["output_path"]
        self.exclude_pages = plugin_config["exclude_pages"]
        self.cache_dir = root / plugin_config["cache_dir"] if plugin_config["cache_dir"] else None
        self.nav = None
        self.pages: list = []  # (page, its head and article) in the order MkDocs rendered them

    def on_nav(self, nav) -> None:
        self.nav = nav

    def on_post_page(self, output_content: str, page) -> None:
        self.pages.append((page, _printed_part(output_content)))

    def inputs(self, config) -> list[str | bytes]:
        """Everything the PDF is made from before a file is read: settings (this plugin's, the metadata,
        ``extra`` for the cover, the titles in the nav), the head of the first page and the article of
        every page the PDF holds (the rest of a page, its navigation and footer, is not printed), the PDF
        templates, our code and the versions of the libraries that shape the output."""
        printed = [(page, html) for page, html in self.pages if check.in_pdf(page.url, self.exclude_pages)]
        nav = [(page.title, page.url) for page, _ in printed] + [
            item.title for item in self.nav.items if item.is_section]
        settings = {"plugin": dict(self.plugin_config), "metadata": asdict(self.metadata), "extra": config.extra,
                    "extra_css": list(config.extra_css), "site": [config.site_name, config.site_author,
                                                                  config.copyright], "nav": nav}
        parts: list[str | bytes] = [json.dumps(settings, sort_keys=True, default=str, ensure_ascii=False)]
        if printed:
            parts.append(_between(printed[0][1], "<head", "</head>"))
        parts += [f"{page.file.src_uri}\0{_between(html, '<article', '</article>')}" for page, html in printed]
        templates = Path(self.plugin_config["custom_template_path"])
        for folder in (templates, CODE):
            parts += [path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
                      and "__pycache__" not in path.parts]
        parts += [package_metadata.version(name) for name in LIBRARIES]
        return parts

    def write(self, config) -> Written:
        """Write the PDF into the site. Raises ``PluginError`` (Indonesian, no traceback) when the PDF
        lacks a page of the nav, or under ``--strict`` when WeasyPrint reports an error."""
        site_dir = Path(config.site_dir)
        target = site_dir / self.output_path
        key = cache.key(self.inputs(config))
        reuse = self.cache_dir is not None and not self.plugin_config["debug_html"]
        entry = cache.lookup(self.cache_dir, key, site_dir) if reuse else None
        if entry is not None:
            cache.restore(self.cache_dir, key, target)
            self._check(entry.titles, [], config.strict)
            log.info("PDF tidak berubah sejak pembangunan sebelumnya: salinan tersimpan dipakai (%d halaman).",
                     entry.pages)
            return Written(target, entry.pages, reused=True)
        with _fewer_collections():
            split, theme_files = self._combined_split(config)
            from masterplan.pdf import output  # imports WeasyPrint

            log.debug("PDF ditata dalam %d dokumen isi (karakter teks: %s) dan satu dokumen depan.",
                      len(split.body), split.sizes)
            with output.listening() as messages:
                printed = output.write_parts(split, target, self.metadata.variant)
                del split
        for warning in messages.warnings:  # CSS it ignores, mostly: shown with mkdocs build --verbose
            log.debug("WeasyPrint: %s", warning)
        boxes = glyphs.missing(messages.warnings)
        if boxes:
            raise PluginError(f"PDF gagal dibuat dengan benar: {glyphs.message(boxes)}.")
        self._check(printed.titles, messages.errors, config.strict)
        if self.cache_dir is not None:
            files = cache.file_digests(printed.files | theme_files, site_dir)
            cache.store(self.cache_dir, key, target, cache.Entry(printed.pages, printed.titles, files))
        log.info("PDF dibuat: %d halaman, semua halaman navigasi ada di %s.", printed.pages, self.output_path)
        return Written(target, printed.pages, reused=False)

    def _combined_split(self, config) -> tuple[Split, set[Path]]:
        """The documents WeasyPrint lays out, and the stylesheet files read into them: mkdocs-with-pdf's
        generator collects and combines the pages, then the plan's arrangement and pruned theme CSS, cut
        into parts (:mod:`masterplan.pdf.groups`)."""
        from mkdocs_with_pdf.generator import Generator  # imports WeasyPrint: only when rendering

        from masterplan.pdf import groups
        from masterplan.pdf.arrange import arrange
        from masterplan.pdf.assemble import PlanOptions, combined
        from masterplan.pdf.stylesheets import inline_theme_stylesheets

        options = PlanOptions(self.plugin_config, config, log)
        generator = Generator(options=options)
        generator.on_nav(self.nav)
        for page, html in self.pages:
            generator.on_post_page(html, page, self.output_path)
        self.pages.clear()
        soup = combined(generator, options)
        if options.debug_html:
            print(soup)  # the option's meaning upstream: the combined document as mkdocs-with-pdf makes it
        arrange(soup, self.metadata)
        theme_files = inline_theme_stylesheets(soup, list(config.extra_css))
        split = groups.split(soup)
        del soup, generator
        for page in self.nav.pages:  # the generator keeps each page's article: free them before layout
            if hasattr(page, "pdf-article"):
                delattr(page, "pdf-article")
        gc.collect()
        return split, theme_files

    def _check(self, titles: list[str], errors: list[str], strict: bool) -> None:
        """Fail the build when a nav page has no bookmark in the PDF (layout stopped early:
        CATATAN-TEKNIS.md C1), and under ``strict`` when WeasyPrint reported errors (otherwise they are
        logged as errors, as MkDocs does); the message names what is missing and where to look."""
        expected = [page.title for page in self.nav.pages if check.in_pdf(page.url, self.exclude_pages)]
        missing = check.missing_titles(titles, expected)
        if missing:
            raise PluginError("PDF tidak lengkap: " + "; ".join(missing) + ". " + ADVICE)
        if errors:
            shown = "; ".join(build_log.weasyprint_message(e) for e in errors[:SHOWN]) + ("; …" if len(errors) > SHOWN else "")
            message = f"PDF gagal dibuat dengan benar: WeasyPrint melaporkan {len(errors)} galat: {shown}"
            if strict:
                raise PluginError(message)
            log.error(message)
