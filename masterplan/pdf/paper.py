"""The printed plan read back from its PDF, as the proofreader (:mod:`masterplan.pdf.proofreader`) sees it:
per page the running header, the "(lanjutan)" line, the lines of text outside tables and the ruled tables
with their filled header rows (pdfplumber); the top-level bookmarks and the characters printed without a
glyph (pypdf, fontTools).

Geometry follows ``overrides/pdf/styles.scss``: A4 with a 25-mm top and bottom margin; table headers
are filled.
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
HEADER_FILL = (0.894, 0.933, 0.91)  # #e4eee8, table header cells
# Words closer than this (points) belong to one line; a space narrower than this is no word gap.
LINE_TOLERANCE = 2.0
WORD_TOLERANCE = 1.0


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


def _same_line(line: Line, word: dict) -> bool:
    """Whether ``word`` stands on ``line``: the same baseline, or raised within it by more than half its
    height (the "perlu verifikasi" dagger, set 0.35 em above the baseline by styles.scss)."""
    overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
    return (abs(line.bottom - word["bottom"]) <= LINE_TOLERANCE
            or overlap > 0.5 * min(line.bottom - line.top, word["bottom"] - word["top"]))


def _lines(words: list[dict]) -> list[Line]:
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        line = next((ln for ln in lines if _same_line(ln, word)), None)
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


def _cut_row_edges(page) -> list[float]:
    """Where the cells of a row that runs over the page edge are cut: the ends of column rules at the top
    or the bottom of the text area that no horizontal rule closes (pdfplumber sees no table there)."""
    height = float(page.height)
    rules = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 2 * LINE_TOLERANCE]
    closed = [e["top"] for e in page.edges if e["orientation"] == "h"]
    ends = {round(e["top"], 1) for e in rules if abs(e["top"] - TOP_MARGIN) < LINE_TOLERANCE}
    ends |= {round(e["bottom"], 1) for e in rules if abs(e["bottom"] - (height - BOTTOM_MARGIN)) < LINE_TOLERANCE}
    return sorted(y for y in ends if not any(abs(y - other) < LINE_TOLERANCE for other in closed))


def _tables(page) -> list[tuple[tuple[float, float, float, float], int, int]]:
    """Every ruled table on the page: bounding box, header rows (filled) and body rows. A row cut by the
    page edge counts as a row."""
    fills = [r for r in page.rects if _is_header_fill(r)]
    found = []
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                "explicit_horizontal_lines": _cut_row_edges(page)}
    for table in page.find_tables(settings):
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
