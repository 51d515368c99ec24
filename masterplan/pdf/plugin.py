"""MkDocs plugin ``masterplan-pdf``: the plan's official PDF (mkdocs.yml, ``plugins``).

It takes mkdocs-with-pdf's options (its documentation applies: ``output_path``, ``exclude_pages``,
``toc_level``, …) plus ``cache_dir``, and uses mkdocs-with-pdf to collect and combine the pages; the
last step, rendering and writing with WeasyPrint, is ours (:mod:`masterplan.pdf.writer`). Why not the
``with-pdf`` plugin itself: loading it imports WeasyPrint even when the PDF is off, and it writes the PDF
with no options (no tagging, no PDF/A, no page labels) and no way to add them. mkdocs-with-pdf and
WeasyPrint are imported here only when the PDF is switched on (``enabled_if_env``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from masterplan.pdf import metadata
from masterplan.pdf.options import WITH_PDF_OPTIONS

log = logging.getLogger("mkdocs.plugins.masterplan.pdf")


class PdfPlugin(BasePlugin):
    """After a build with the PDF on, :attr:`written` tells where the PDF is and its page count
    (``masterplan.pdf.writer.Written``); it is None when the PDF is off."""

    config_scheme = (
        *WITH_PDF_OPTIONS,
        # Where the last PDFs are kept for reuse, relative to mkdocs.yml; "" switches reuse off.
        ("cache_dir", config_options.Type(str, default=".cache/pdf")),
    )

    def __init__(self) -> None:
        self.writer = None
        self.written = None

    def on_config(self, config):
        self.writer = self.written = None
        # Checked in every build, so a typo shows before a release.
        wrong = metadata.variant_problems(config.extra, Path(config.config_file_path).parent)
        if wrong:
            raise PluginError("Pengaturan PDF belum benar (1 masalah):\n" + wrong[0].text())
        switch = self.config["enabled_if_env"]
        if switch and os.environ.get(switch) != "1":
            log.info("PDF tidak dibuat (setel %s=1 untuk membuatnya).", switch)
            return config
        if self.config["render_js"]:
            raise PluginError("mkdocs.yml: render_js tidak didukung; gambar dibuat sebagai SVG saat "
                              "pembangunan (CATATAN-TEKNIS.md C10). Hapus opsi itu.")
        root = Path(config.config_file_path).resolve().parent
        template_path = Path(self.config["custom_template_path"])
        if not template_path.is_absolute():  # mkdocs-with-pdf resolves it against the working directory
            self.config["custom_template_path"] = str(root / template_path)
        from masterplan.pdf.writer import PdfWriter  # imports mkdocs-with-pdf's generator, and WeasyPrint

        self.writer = PdfWriter(self.config, config, metadata.from_config(config, root), root)
        return config

    def on_nav(self, nav, config, files):
        if self.writer is not None:
            self.writer.on_nav(nav)
        return nav

    def on_post_page(self, output, page, config):
        if self.writer is not None:
            self.writer.on_post_page(output, page)
        return output

    def on_post_build(self, config):
        if self.writer is not None:
            self.written = self.writer.write(config)

    def write_worksheets(self, sheets: list, config):
        """Write the Daftar Kebutuhan Data's worksheets (``sheets``: ``data_needs.Sheet``) next to the
        plan's PDF (:mod:`masterplan.pdf.worksheets`), after it; called by the ``masterplan`` plugin,
        which holds the needs. Returns ``writer.Written``, or None when the PDF is off."""
        if self.writer is None:
            return None
        from masterplan.pdf import worksheets

        site_dir = Path(config.site_dir)
        text = worksheets.document(sheets, worksheets.title(config.extra["tahap_romawi"]), self.writer.metadata.title,
                                   config.extra["tanggal_dokumen"], site_dir / worksheets.FONTS)
        try:
            written = worksheets.write(text, site_dir / worksheets.file_name(self.config["output_path"]), site_dir,
                                       self.writer.metadata.variant, self.writer.cache_dir)
        except ValueError as error:
            raise PluginError(str(error)) from None
        log.info("Lembar kerja kebutuhan data %s: %d halaman.", "disalin dari simpanan" if written.reused
                 else "dibuat", written.pages)
        return written
