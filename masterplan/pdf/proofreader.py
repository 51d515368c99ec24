"""Proofreader of the printed plan: reads the built PDF back and lists the typesetting faults that a
ministry reviewer would send back.

Each rule looks at what is on the paper (word boxes, font sizes, filled cells, bookmarks and embedded
fonts, read with pdfplumber and pypdf), never at the HTML that produced it:

- ``KEPALA-HALAMAN``: the running header names another part than the BAB or Lampiran the page is in;
- ``HALAMAN-HAMPIR-KOSONG``: a page with three lines or fewer that is not the last page of its part;
- ``SUMBER-AWAL-HALAMAN``: a source line ("Sumber: …") opens a page, away from its table;
- ``TABEL-TERPOTONG``: a table shows fewer than three body rows before it goes on on the next page;
- ``SPASI-RENGGANG``: a justified line whose word spacing is wider than the font size;
- ``ELIPSIS``: a "…" that the sources do not have (text cut off by the layout);
- ``KOTAK-KOSONG``: a character printed as an empty box (no embedded font has its glyph).

Geometry follows ``overrides/pdf/styles.scss``: A4 with a 25-mm top and bottom margin; table headers
are filled. ``proofread()`` is used by the tests and can be used by any script that has a PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from fontTools.ttLib import TTFont
from pypdf import PdfReader

MM = 72 / 25.4
TOP_MARGIN = 25 * MM  # content area starts here (points from the top of the page)
BOTTOM_MARGIN = 25 * MM
SHORT_PAGE_LINES = 3  # "a heading and a line or two"
MIN_ROWS_BEFORE_BREAK = 3
HEADER_FILL = (0.894, 0.933, 0.91)  # #e4eee8, table header cells
SOURCE_LINE = re.compile(r"^Sumber\s*:")
ELLIPSIS = "…"
# Words closer than this (points) belong to one line; a space narrower than this is no word gap.
LINE_TOLERANCE = 2.0
WORD_TOLERANCE = 1.0


@dataclass(frozen=True)
class Fault:
    """One fault: physical ``page`` (1 = cover), stable ``rule`` id and an Indonesian ``message``."""

    page: int
    rule: str
    message: str

    def text(self) -> str:
        return f"halaman {self.page}: [{self.rule}] {self.message}"


@dataclass
class Line:
    """One printed line of the content area: its words, box and the largest font size in it."""

    words: list[dict]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float

    @property
    def text(self) -> str:
        return " ".join(word["text"] for word in self.words)


@dataclass
class Page:
    """What the rules need of one page."""

    number: int
    width: float
    height: float
    header: str  # running header on the right (8-pt text in the top margin)
    continued_label: str  # the "(lanjutan)" line above the content area, if any
    lines: list[Line]  # content-area lines outside tables, top to bottom
    tables: list[tuple[float, float, int, int]]  # (top, bottom, header rows, body rows) per table
    text: str


def _lines(words: list[dict]) -> list[Line]:
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        line = next((ln for ln in lines if abs(ln.bottom - word["bottom"]) <= LINE_TOLERANCE), None)
        if line is None:
            lines.append(Line([word], word["top"], word["bottom"], word["x0"], word["x1"], word["size"]))
        else:
            line.words.append(word)
            line.top, line.bottom = min(line.top, word["top"]), max(line.bottom, word["bottom"])
            line.x0, line.x1 = min(line.x0, word["x0"]), max(line.x1, word["x1"])
            line.size = max(line.size, word["size"])
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return sorted(lines, key=lambda ln: ln.top)


def _is_header_fill(rect: dict) -> bool:
    colour = rect.get("non_stroking_color")
    if not rect.get("fill") or not isinstance(colour, (list, tuple)) or len(colour) != 3:
        return False
    return all(abs(a - b) < 0.02 for a, b in zip(colour, HEADER_FILL))


def _tables(page) -> list[tuple[tuple[float, float, float, float], int, int]]:
    """Every ruled table on the page: bounding box, header rows (filled) and body rows."""
    fills = [r for r in page.rects if _is_header_fill(r)]
    found = []
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        header = body = 0
        for row in table.rows:
            x0, top, x1, bottom = row.bbox
            filled = any(f["top"] < bottom - 1 and f["bottom"] > top + 1 and f["x0"] < x1 and f["x1"] > x0
                         for f in fills)
            header, body = (header + 1, body) if filled else (header, body + 1)
        found.append((table.bbox, header, body))
    return found


def read_pages(path: Path) -> list[Page]:
    """Read every page of the PDF at ``path`` into :class:`Page` records (pages numbered from 1).

    Raises ``OSError`` when the file cannot be read and pdfminer's errors when it is no PDF.
    """
    pages = []
    with pdfplumber.open(path) as pdf:
        for number, plumber in enumerate(pdf.pages, start=1):
            words = plumber.extract_words(x_tolerance=WORD_TOLERANCE, keep_blank_chars=False,
                                          extra_attrs=["size"])
            height = float(plumber.height)
            top_words = [w for w in words if w["bottom"] <= TOP_MARGIN]
            header = " ".join(w["text"] for w in sorted(top_words, key=lambda w: w["x0"])
                              if w["size"] < 9 and w["x0"] > plumber.width / 2)
            continued = " ".join(w["text"] for w in sorted(top_words, key=lambda w: w["x0"]) if w["size"] >= 9)
            tables = _tables(plumber)
            body = [w for w in words if TOP_MARGIN - 1 < w["top"] and w["bottom"] < height - BOTTOM_MARGIN + 1]
            outside = [w for w in body if not any(b[0] - 1 <= w["x0"] and w["x1"] <= b[2] + 1 and
                                                 b[1] - 1 <= w["top"] and w["bottom"] <= b[3] + 1
                                                 for b, _, _ in tables)]
            pages.append(Page(number, float(plumber.width), height, header, continued, _lines(outside),
                              [(b[1], b[3], h, n) for b, h, n in tables],
                              " ".join(w["text"] for w in words)))
    return pages


def parts(path: Path) -> list[tuple[int, str]]:
    """Top-level bookmarks of the PDF as ``(first page, title)``, in page order: the parts (front matter
    pages, BAB, Lampiran) that running headers and page ends are checked against."""
    reader = PdfReader(path)
    found = []
    for item in reader.outline:
        if isinstance(item, list):
            continue
        found.append((reader.get_destination_page_number(item) + 1, " ".join(item.title.split())))
    return sorted(found)


def missing_glyphs(path: Path) -> dict[str, set[str]]:
    """Characters printed with no glyph (the empty box), per embedded font name.

    WeasyPrint writes such characters with a glyph number beyond the embedded font program's glyph
    count and keeps the character in the font's ToUnicode map, which is how they are found here.
    """
    found: dict[str, set[str]] = {}
    seen = set()
    reader = PdfReader(path)
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            if font.get("/Subtype") != "/Type0" or id(font) in seen or "/ToUnicode" not in font:
                continue
            seen.add(id(font))
            descendant = font["/DescendantFonts"][0].get_object()
            program = descendant["/FontDescriptor"].get_object().get("/FontFile2")
            if program is None:
                continue
            glyphs = TTFont(io.BytesIO(program.get_object().get_data()))["maxp"].numGlyphs
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", cmap):
                if int(code, 16) >= glyphs and text.lower() != "ffff":
                    char = bytes.fromhex(text).decode("utf-16-be", errors="replace")
                    found.setdefault(str(font.get("/BaseFont", "?")).lstrip("/"), set()).add(char)
    return found


# ---------------------------------------------------------------------------------------------------
# Rules: each takes the pages (and what else it needs) and yields faults
# ---------------------------------------------------------------------------------------------------

def _part_of(number: int, starts: list[tuple[int, str]]) -> tuple[str, int] | None:
    """Title and last page of the part that page ``number`` belongs to."""
    current = None
    for index, (first, title) in enumerate(starts):
        if first <= number:
            following = [start for start, _ in starts[index + 1:] if start > first]
            current = (title, (following[0] - 1) if following else None)
    return current


def check_headers(pages: list[Page], starts: list[tuple[int, str]]):
    """KEPALA-HALAMAN: every running header names the part (BAB or Lampiran) its page belongs to."""
    for page in pages:
        part = _part_of(page.number, starts)
        if not page.header or part is None:
            continue
        if _normal(page.header) != _normal(part[0]):
            yield Fault(page.number, "KEPALA-HALAMAN",
                        f'kepala halaman "{page.header}" bukan bagian halaman ini ("{part[0]}").')


def check_short_pages(pages: list[Page], starts: list[tuple[int, str]]):
    """HALAMAN-HAMPIR-KOSONG: a page of three lines or fewer that is not the last page of its part."""
    last = len(pages)
    for page in pages:
        part = _part_of(page.number, starts)
        if part is None or page.tables:
            continue
        end = part[1] if part[1] is not None else last
        if page.number < end and len(page.lines) <= SHORT_PAGE_LINES:
            yield Fault(page.number, "HALAMAN-HAMPIR-KOSONG",
                        f"halaman hanya berisi {len(page.lines)} baris ("
                        + " / ".join(line.text[:40] for line in page.lines) + ") padahal bab belum selesai.")


def check_source_lines(pages: list[Page]):
    """SUMBER-AWAL-HALAMAN: the first line of a page is not a table's source line."""
    for page in pages:
        if not page.lines:
            continue
        first = page.lines[0]
        if page.tables and min(top for top, _, _, _ in page.tables) < first.top:
            continue
        if SOURCE_LINE.match(first.text):
            yield Fault(page.number, "SUMBER-AWAL-HALAMAN",
                        f'baris sumber "{first.text[:50]}" terpisah dari tabelnya di awal halaman.')


def check_table_breaks(pages: list[Page]):
    """TABEL-TERPOTONG: a table that goes on on the next page shows at least three body rows first."""
    for page, following in zip(pages, pages[1:]):
        if not page.tables or not following.tables:
            continue
        top, bottom, _, body = max(page.tables, key=lambda t: t[1])
        next_top = min(following.tables, key=lambda t: t[0])
        below = [line for line in page.lines if line.top > bottom]
        above_next = [line for line in following.lines if line.bottom < next_top[0]]
        if below or above_next:
            continue  # the table ends on this page, or the next page opens with other text
        first_page_of_table = any(line.bottom <= top for line in page.lines)  # caption or text above
        if body < MIN_ROWS_BEFORE_BREAK and first_page_of_table:
            yield Fault(page.number, "TABEL-TERPOTONG",
                        f"tabel hanya menampilkan {body} baris isi sebelum berlanjut ke halaman "
                        f"{following.number} (paling sedikit {MIN_ROWS_BEFORE_BREAK}).")


def check_word_spacing(pages: list[Page]):
    """SPASI-RENGGANG: no justified line has a space wider than its font size."""
    for page in pages:
        if not page.lines:
            continue
        right = max(line.x1 for line in page.lines)
        for line in page.lines:
            if len(line.words) < 3 or line.x1 < right - 1:
                continue  # not a full justified line (last line of a paragraph, heading, centred text)
            gaps = [b["x0"] - a["x1"] for a, b in zip(line.words, line.words[1:])]
            widest = max(gaps)
            if widest > line.size:
                yield Fault(page.number, "SPASI-RENGGANG",
                            f'baris "{line.text[:60]}" direnggangkan (spasi {widest:.1f} pt, huruf '
                            f"{line.size:.1f} pt).")


def check_ellipses(pages: list[Page], sources: str):
    """ELIPSIS: every "…" in the PDF stands in the sources with the same word before it."""
    known = _normal(sources)
    for page in pages:
        for match in re.finditer(r"(\S*)…", page.text):
            word = match.group(1)
            if f"{word}…".casefold() not in known:
                yield Fault(page.number, "ELIPSIS",
                            f'"{word}…" tidak ada di naskah: teks terpotong oleh tata letak.')


def check_glyphs(pages: list[Page], missing: dict[str, set[str]]):
    """KOTAK-KOSONG: no character is printed as an empty box."""
    for font, chars in sorted(missing.items()):
        for char in sorted(chars):
            where = [str(page.number) for page in pages if char in page.text] or ["?"]
            yield Fault(int(where[0]) if where[0] != "?" else 0, "KOTAK-KOSONG",
                        f"karakter {char!r} (U+{ord(char[0]):04X}) tercetak sebagai kotak kosong (fon {font}); "
                        f"halaman {', '.join(where)}.")


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def proofread(path: Path, sources: str | None = None) -> list[Fault]:
    """Every typesetting fault of the PDF at ``path``, in page order.

    ``sources`` is the text the PDF was made from (Markdown and data files); without it the ELIPSIS
    rule is skipped. Raises ``OSError`` when the file cannot be read.
    """
    pages = read_pages(path)
    starts = parts(path)
    faults = [*check_headers(pages, starts), *check_short_pages(pages, starts), *check_source_lines(pages),
              *check_table_breaks(pages), *check_word_spacing(pages), *check_glyphs(pages, missing_glyphs(path))]
    if sources is not None:
        faults += check_ellipses(pages, sources)
    return sorted(faults, key=lambda fault: (fault.page, fault.rule))
