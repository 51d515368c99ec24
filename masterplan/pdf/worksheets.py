"""The worksheets of the Daftar Kebutuhan Data as their own printable PDF, published next to the plan's
PDF: "Lembar Kerja Kebutuhan Data — Tahap II", one worksheet per office, each starting on a new page with
the office's name as running header, blank columns for value, year and source, and a sign-off block.

The plan itself (Lampiran F) only lists the needs (:func:`masterplan.views.data_needs.appendix`): a
ministry reviewer sent back a plan carrying 30 pages of blank forms (CATATAN-TEKNIS.md C55). The
document is small HTML of our own (no MkDocs page, no mkdocs-with-pdf) rendered by WeasyPrint through
:mod:`masterplan.pdf.output`; when its HTML, stylesheet, fonts and this code are unchanged, the copy kept
by :mod:`masterplan.pdf.cache` (in its own folder, so the plan's entries are not pruned by it) is reused.
WeasyPrint is imported only when the document is rendered.
"""

from __future__ import annotations

import html
import os
import shutil
from importlib import metadata as package_metadata
from pathlib import Path, PurePosixPath

from masterplan.model import stages
from masterplan.pdf import cache, glyphs
from masterplan.views import data_needs, site_status
from masterplan.views.data_needs import KINDS

STEM = "Lembar-Kerja-Kebutuhan-Data-Bangli"  # replaces stages.PDF_STEM in the plan PDF's file name
STYLESHEET = Path(__file__).with_name("worksheets.css")
FONTS = "assets/fonts"  # in the built site: the plan's own Source Sans 3 files
CACHE_FOLDER = "lembar-kerja"  # under the plan PDF's cache folder
# extra.<READY>: finished worksheets that a build without the PDF puts in its site instead of making them
# (set by masterplan/publish/offline.py for the offline copy, like versions.READY_PDF for the plan).
READY = "lembar_kerja_jadi"
LIBRARIES = ("weasyprint", "pydyf", "tinycss2")
COLUMNS = ("No", "Data yang dibutuhkan", "Dipakai di", "Nilai atau isi", "Tahun data", "Sumber data")


def file_name(plan_pdf: str) -> str:
    """Where the worksheets go in the site, for the plan PDF at ``plan_pdf`` (path in the site): the same
    folder, the same stage suffix (``pdf/Lembar-Kerja-Kebutuhan-Data-Bangli-Tahap-2.pdf``)."""
    path = PurePosixPath(plan_pdf)
    return str(path.with_name(path.name.replace(stages.PDF_STEM, STEM, 1)))


def title(stage_roman: str) -> str:
    """The document's title: ``Lembar Kerja Kebutuhan Data — Tahap II``."""
    return f"Lembar Kerja Kebutuhan Data — Tahap {stage_roman}"


def document(sheets: list, heading: str, plan: str, dated: str, fonts: Path) -> str:
    """The worksheets as one HTML document: a title page listing the offices, then per office (``sheets``:
    :class:`masterplan.views.data_needs.Sheet`) a section that starts a page. ``heading`` is
    :func:`title`, ``plan`` the plan's name and ``dated`` the stage's date, as on the plan's cover;
    ``fonts`` the folder of the font files. Every text is escaped."""
    e = html.escape
    faces = "\n".join(
        f'@font-face {{ font-family: "Source Sans 3"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(fonts / f"source-sans-3-latin-{weight}-{style}.woff2").as_uri()}"); }}'
        for weight, style in (("400", "normal"), ("400", "italic"), ("600", "normal"), ("700", "normal")))
    offices = "".join(f'<tr><td>{e(s.name)}</td><td class="angka">{len(s.needs)}</td>'
                      f'<td class="angka"><a href="#lembar-{e(s.key)}"></a></td></tr>' for s in sheets)
    parts = [f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{e(heading)}</title>'
             f'<meta name="author" content="Tim Pelaksana Smart City Kabupaten Bangli">'
             f'<style>{faces}\n{STYLESHEET.read_text(encoding="utf-8")}</style></head><body>',
             f'<section class="judul"><p class="dokumen">{e(plan)}</p><h1>{e(heading)}</h1>'
             f'<p class="tanggal">{e(dated)}</p>'
             "<p>Setiap OPD menerima satu lembar kerja: daftar data yang masih dibutuhkan rencana induk dan "
             "tempat data itu dipakai. Isilah kolom nilai atau isi, tahun data dan sumber data untuk setiap "
             "butir, lampirkan salinan dokumen sumbernya, lalu tanda tangani lembar itu. Butir yang tidak dapat "
             "diisi diberi keterangan alasannya. Tim Pelaksana Smart City memasukkan hasilnya ke rencana "
             "induk.</p>"
             f'<table class="daftar"><thead><tr><th>OPD</th><th>Butir</th><th>Halaman</th></tr></thead>'
             f"<tbody>{offices}</tbody></table></section>"]
    for sheet in sheets:
        rows = "".join(
            f'<tr><td class="angka">{number}</td><td><span class="jenis">{e(KINDS.get(need.kind, need.kind))}</span> '
            f"{e(need.what)}</td><td>{e(need.where)}</td><td></td><td></td><td></td></tr>"
            for number, need in enumerate(sheet.needs, 1))
        header = "".join(f"<th>{e(column)}</th>" for column in COLUMNS)
        parts.append(
            f'<section class="lembar" id="lembar-{e(sheet.key)}"><h2>{e(sheet.name)}</h2>'
            f'<p class="petunjuk">{len(sheet.needs)} butir. Kolom yang kosong diisi {e(sheet.short)} '
            "dalam lokakarya; lampirkan dokumen sumbernya.</p>"
            f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
            '<div class="tanda-tangan"><p>Diisi oleh OPD: ' + e(sheet.name) + "</p>"
            "<p>Nama petugas: ........................................ Jabatan: ........................................</p>"
            "<p>Tanggal: .................................... Tanda tangan: ........................................</p>"
            "</div></section>")
    parts.append("</body></html>")
    return "".join(parts)



def publish(plugin, sheets: list, config, nav) -> int | None:
    """After the plan's PDF (MkDocs ``on_post_build``): write the worksheets of ``sheets`` beside it through
    the PDF ``plugin`` (``PdfPlugin.write_worksheets``), or, in a build without the PDF, copy the finished
    ones named by ``extra.<READY>`` (a release's offline copy); then link them from Lampiran F and from
    the plan's download line on the built pages of ``nav``. Returns their page count, None without them."""
    if plugin is None:
        return None
    site = Path(config.site_dir)
    target = site / file_name(plugin.config["output_path"])
    written = plugin.write_worksheets(sheets, config) if sheets else None
    pages = written.pages if written is not None else None
    if pages is None and config.extra.get(READY):
        from pypdf import PdfReader  # only the release's offline copy reads a finished PDF back

        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(config.extra[READY], target)
        pages = len(PdfReader(target).pages)
    for page in nav.pages if nav is not None and pages is not None else []:
        out = site / page.file.dest_uri
        text = out.read_text(encoding="utf-8") if out.is_file() else ""
        href = html.escape(os.path.relpath(target, out.parent).replace(os.sep, "/"))
        link = f'<a class="{data_needs.POINTER_CLASS}" href="{href}" download><em>{data_needs.TITLE}</em>'
        linked = text.replace(data_needs.POINTER, f"{link} (PDF, {pages} halaman)</a>").replace(
            site_status.PDF_INFO, f"{site_status.PDF_INFO} Untuk lokakarya: {link}, PDF, {pages} halaman</a>.")
        if linked != text:
            out.write_text(linked, encoding="utf-8")
    return pages

def write(html_text: str, target: Path, site_dir: Path, variant: str, cache_dir: Path | None):
    """Write ``html_text`` (from :func:`document`) to ``target`` as PDF ``variant``, tagged; reuse the
    copy kept in ``cache_dir`` when the HTML, the stylesheet, this code, the library versions and every
    file read (fonts) are unchanged. Returns ``masterplan.pdf.writer.Written``. Raises ``ValueError``
    (Indonesian) when a character has no glyph in the fonts or WeasyPrint reports an error."""
    from masterplan.pdf.writer import Written

    folder = cache_dir / CACHE_FOLDER if cache_dir is not None else None
    key = cache.key([html_text, variant, Path(__file__).read_bytes(), STYLESHEET.read_bytes(),
                     *(package_metadata.version(name) for name in LIBRARIES)])
    entry = cache.lookup(folder, key, site_dir) if folder is not None else None
    if entry is not None:
        cache.restore(folder, key, target)
        return Written(target, entry.pages, reused=True)
    from masterplan.pdf import output  # imports WeasyPrint

    with output.listening() as messages:
        rendered = output.render(html_text)
        target.parent.mkdir(parents=True, exist_ok=True)
        rendered.document.write_pdf(target, pdf_variant=variant, pdf_tags=True, pdf_identifier=True)
    boxes = glyphs.missing(messages.warnings)
    if boxes or messages.errors:
        raise ValueError(f"Lembar kerja kebutuhan data gagal dibuat: {glyphs.message(boxes) or messages.errors[0]}.")
    if folder is not None:
        cache.store(folder, key, target, cache.Entry(rendered.pages, rendered.titles(),
                                                     cache.file_digests(rendered.files, site_dir)))
    return Written(target, rendered.pages, reused=False)
