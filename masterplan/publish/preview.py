"""The preview of a pull request: the changed chapters as readers will see them, on the site and in the PDF.

Two steps, in two workflows, because code from a pull request must never run with a write token
(GitHub Security Lab, "Preventing pwn requests"; the project's MkDocs plugins are code that runs while building):

1. ``prepare`` runs in the unprivileged ``pull_request`` workflow, after the normal build of the pull
   request's own code. It marks every page of the built site as a preview (a "PRATINJAU" banner and
   ``noindex``), finds the changed chapters (``git diff`` against the base), the PDF pages they land on
   (the PDF's bookmarks), cuts those pages into a small PDF and PNG images (poppler's ``pdftoppm``), and
   writes ``pratinjau.json`` plus the job summary. The workflow uploads the folder as an artifact.
2. ``publish`` runs in the ``workflow_run`` workflow with a write token, from the default branch's code,
   and never executes anything from the artifact: it reads ``pratinjau.json`` as data, checks that the
   pull request named there really has the commit that was built (GitHub API), copies the files of a
   pull request from a branch of this repository to ``pratinjau/pr-N/`` on gh-pages, and writes one
   comment on the pull request with the links. A pull request from a fork gets no site (its HTML would
   run under the official domain); its comment links the run, whose artifact holds the site, the PDF pages
   and the images. Previews of closed pull requests are removed at the same time.

Step 1 is this module, step 2 :mod:`masterplan.publish.preview_publish`. Commands (:mod:`masterplan.cli.preview`):
``python scripts/preview.py prepare ...`` and ``python scripts/preview.py publish ...``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter


MANIFEST = "pratinjau.json"
PAGES_DIR = "halaman-pdf"  # PDF pages of the changed chapters, inside the preview folder
BANNER = ('<div class="pratinjau-pr" role="note" style="background:#b71c1c;color:#fff;padding:.3rem .8rem;'
          'font:600 .85rem/1.4 sans-serif;text-align:center">PRATINJAU pull request #{number} &mdash; bukan '
          'dokumen resmi</div>')
NOINDEX = '<meta name="robots" content="noindex, nofollow">'


@dataclass(frozen=True)
class Chapter:
    """One changed page: its ``source`` (``docs/bab-2-gambaran-umum.md``), its ``url`` in the site
    (``bab-2-gambaran-umum/``), its ``title`` and the 1-based PDF pages it covers (0, 0 when it is not
    in the PDF, e.g. the editors' guide)."""

    source: str
    url: str
    title: str
    first_page: int = 0
    last_page: int = 0
    printed: str = ""  # the page numbers printed on those pages ("96–99"; front matter in Roman numerals)

    def pages(self) -> str:
        """The pages in words for editors, e.g. ``halaman 96–99 (halaman PDF 111–114)``."""
        physical = f"{self.first_page}–{self.last_page}" if self.last_page > self.first_page else str(self.first_page)
        return f"halaman {self.printed} (halaman PDF {physical})" if self.printed else f"halaman PDF {physical}"


# ---------------------------------------------------------------------------------------------------
# Step 1: prepare (pull_request, read-only token, after the pull request's own build)
# ---------------------------------------------------------------------------------------------------

_VIEW_MARKER = re.compile(r"^\[\[[a-z]", re.MULTILINE)


def changed_sources(repo: Path, base: str) -> list[str]:
    """Pages under docs/ that the pull request adds or changes (``git diff base...HEAD``), sorted. A change
    in data/ (programmes, offices, dimensions) changes the pages that draw it: every page holding a view
    marker such as ``[[tabel-program]]``."""
    out = subprocess.run(["git", "-C", str(repo), "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD",
                          "--", "docs", "data"], capture_output=True, text=True, check=True).stdout
    names = out.splitlines()
    pages = {name for name in names if name.startswith("docs/") and name.lower().endswith(".md")}
    if any(name.startswith("data/") for name in names):
        pages |= {path.relative_to(repo).as_posix() for path in (repo / "docs").rglob("*.md")
                  if _VIEW_MARKER.search(path.read_text(encoding="utf-8", errors="replace"))}
    return sorted(pages)


def page_url(source: str) -> str:
    """The site address of ``docs/<name>.md`` with MkDocs' directory URLs (``bab-5/index.md`` ->
    ``bab-5/``, ``bab-1.md`` -> ``bab-1/``)."""
    name = source.split("/", 1)[1][:-3]
    if name == "index" or name.endswith("/index"):
        return name[:-5]
    return f"{name}/"


def _title(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8") if (site / url / "index.html").is_file() else ""
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    # Material writes "Halaman - Situs"; our template "Halaman – Situs" (en dash): the site's name goes.
    return re.sub(r"\s+[-–]\s+[^-–]*$", "", match.group(1)).strip() if match else url


def bookmark_pages(pdf: Path) -> list[tuple[str, int, int]]:
    """``(title, 1-based page, depth)`` of every bookmark of ``pdf``, depth-first in document order (depth
    0: a chapter or a front page; a multi-page chapter's pages one level down); empty when the PDF is
    missing or unreadable."""
    try:
        reader = PdfReader(pdf)
        found: list[tuple[str, int, int]] = []

        def walk(items, depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((item.title, reader.get_destination_page_number(item) + 1, depth))

        walk(reader.outline, 0)
        return found
    except (OSError, ValueError, KeyError):
        return []


def _normal(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", text).split()).casefold()


_LABEL = re.compile(r"^(?:(?P<named>bab\s+[ivxlc]+|lampiran\s+[a-z])|[\dA-Z](?:\.\d+)*)\s+", re.IGNORECASE)


def locate(title: str, bookmarks: list[tuple[str, int, int]], page_count: int) -> tuple[int, int]:
    """The PDF pages ``(first, last)`` of the page titled ``title``: the bookmark whose text, without the
    build's label ("BAB I", "Lampiran B", "5.3"), is the title; a chapter label beats a section number
    and a shallower bookmark a deeper one ("Dasar Hukum" is Lampiran B, not section 1.3). The page ends
    before the next bookmark at the same or a higher level, or the next chapter or appendix. (0, 0) when none matches (site-only pages)."""
    wanted = _normal(title)
    candidates = []
    for index, (name, page, depth) in enumerate(bookmarks):
        label = _LABEL.match(name)
        if _normal(name) == wanted or (label and _normal(name[label.end():]) == wanted):
            candidates.append((not _named(name), depth, index))
    if not candidates:
        return 0, 0
    _, depth, index = min(candidates)
    page = bookmarks[index][1]
    following = [p for name, p, d in bookmarks[index + 1:] if d <= depth or _named(name)]
    return page, (max(page, following[0] - 1) if following else page_count)


def _named(title: str) -> bool:
    """True for a bookmark that starts a chapter or an appendix ("BAB II ...", "Lampiran B ...")."""
    label = _LABEL.match(title)
    return bool(label and label.group("named"))


def mark_as_preview(site: Path, number: int) -> None:
    """Put the preview banner and ``noindex`` into every HTML page of the built ``site``."""
    banner = BANNER.format(number=number)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = html.replace("<head>", f"<head>{NOINDEX}", 1)
        html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, html, count=1)
        page.write_text(html, encoding="utf-8")


def cut_pages(pdf: Path, chapters: list[Chapter], target: Path, resolution: int = 60) -> list[str]:
    """Write the PDF pages of ``chapters`` as ``target/halaman-berubah.pdf`` and one PNG per page
    (``target/halaman-012.png``, poppler's pdftoppm at ``resolution`` dpi); return the PNG names."""
    pages = sorted({p for c in chapters if c.first_page for p in range(c.first_page, c.last_page + 1)})
    if not pages:
        return []
    target.mkdir(parents=True, exist_ok=True)
    reader, writer = PdfReader(pdf), PdfWriter()
    for page in pages:
        writer.add_page(reader.pages[page - 1])
    with open(target / "halaman-berubah.pdf", "wb") as handle:
        writer.write(handle)
    for page in pages:
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(target / f"halaman-{page:03}")], check=True)
    return [f"halaman-{page:03}.png" for page in pages]


def summary(number: int, chapters: list[Chapter], images: list[str]) -> str:
    """The job summary of the preview build (Markdown): what changed, where it lands in the PDF, and where
    to look at it."""
    lines = [f"### Pratinjau pull request #{number}", ""]
    if not chapters:
        lines.append("Pull request ini tidak mengubah halaman di docs/, jadi tidak ada pratinjau halaman.")
        return "\n".join(lines) + "\n"
    lines += ["| Halaman | Berkas | Di PDF |", "|---|---|---|"]
    for chapter in chapters:
        pages = chapter.pages() if chapter.first_page else "tidak di PDF (hanya situs)"
        lines.append(f"| {chapter.title} | `{chapter.source}` | {pages} |")
    lines += ["", f"Unduh artefak **pratinjau** di bawah (tombol Artifacts): folder `situs/` berisi situsnya "
              f"(buka `situs/index.html`), `{PAGES_DIR}/` berisi halaman PDF yang berubah "
              f"({len(images)} gambar dan halaman-berubah.pdf). Untuk pull request dari cabang repositori ini, "
              "komentar di pull request memuat tautan pratinjau daring."]
    return "\n".join(lines) + "\n"


def prepare(repo: Path, site: Path, pdf: Path, base: str, number: int, sha: str, out: Path) -> dict:
    """Build the preview folder ``out`` (``situs/``, ``halaman-pdf/``, ``pratinjau.json``) from the built
    ``site`` and its ``pdf``; return the manifest. Raises ``subprocess.CalledProcessError`` when git or
    pdftoppm fails (the preview job then fails; the pull request's own checks are separate)."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(site, out / "situs")
    mark_as_preview(out / "situs", number)
    bookmarks = bookmark_pages(pdf)
    count = len(PdfReader(pdf).pages) if pdf.is_file() else 0
    chapters = []
    labels = list(PdfReader(pdf).page_labels) if pdf.is_file() else []
    for source in changed_sources(repo, base):
        url = page_url(source)
        title = _title(site, url)
        first, last = locate(title, bookmarks, count)
        printed = "–".join(dict.fromkeys((labels[first - 1], labels[last - 1]))) if first and labels else ""
        chapters.append(Chapter(source, url, title, first, last, printed))
    images = cut_pages(pdf, chapters, out / PAGES_DIR) if pdf.is_file() else []
    manifest = {"pull_request": number, "sha": sha, "chapters": [asdict(c) for c in chapters],
                "images": images}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "ringkasan.md").write_text(summary(number, chapters, images), encoding="utf-8")
    return manifest
