"""Proofreader of the printed plan: reads the built PDF back and lists the typesetting faults that a
ministry reviewer would send back.

Each rule looks at what is on the paper (word boxes, font sizes, filled cells, bookmarks and embedded
fonts, read back by :mod:`masterplan.pdf.paper`), never at the HTML that produced it:

- ``KEPALA-HALAMAN``: the running header names another part than the BAB or Lampiran the page is in;
- ``HALAMAN-HAMPIR-KOSONG``: a page with three lines or fewer that is not the last page of its part;
- ``SUMBER-AWAL-HALAMAN``: a source line ("Sumber: …") opens a page, away from its table;
- ``TABEL-TERPOTONG``: a table shows fewer than three body rows before it goes on on the next page, or
  ends on the next page with fewer than three, unless those rows are at least a sixth of a page high;
- ``RUANG-KOSONG``: more than a third of a page left empty at its foot although the part goes on, the next
  page opening with a table or a numbered caption (a table or figure moved whole, or its last rows);
- ``TABEL-TANPA-KEPALA``: a page that goes on inside a table does not repeat the table's header row;
- ``SPASI-RENGGANG``: a justified line whose word spacing is wider than the font size;
- ``BARIS-PATAH``: a line of a paragraph ends although the next line's first word would have fitted (a
  hard line break in the source, or WeasyPrint breaking early);
- ``ELIPSIS``: a "…" that the sources do not have (text cut off by the layout);
- ``KOTAK-KOSONG``: a character printed as an empty box (no embedded font has its glyph).

``proofread()`` is used by the tests and can be used by any script that has a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from masterplan.model import site_config
from masterplan.model.rules import message, source_opening, source_pattern
from masterplan.pdf import glue
from masterplan.pdf.paper import BOTTOM_MARGIN, TOP_MARGIN, Page, missing_glyphs, parts, read_pages

SHORT_PAGE_LINES = 3  # "a heading and a line or two"
MIN_ROWS_BEFORE_BREAK = 3
# Fewer rows than that may end a table on the next page when they are this high together (points): a
# sixth of the page (masterplan.pdf.tables.KEEP_LINES, tall rows).
MIN_HEIGHT_AFTER_BREAK = 120
EMPTY_FOOT = 0.35  # share of the text area left empty at the foot of a page before a table
# Baselines of one paragraph's lines are this many font sizes apart or less (line height 1.5).
PARAGRAPH_LEADING = 1.6
LIST_ITEM = re.compile(r"^(\d+[.)]|[•◦▪–-])$")
QUOTES = ('"', "”", "’", "'")
ELLIPSIS = "…"


def caption_line(words: tuple[str, ...]) -> re.Pattern[str]:
    """A line that opens a numbered caption, for the caption ``words`` of mkdocs.yml ("Tabel 3.6 ...")."""
    return re.compile(rf"^({site_config.words_pattern(words)})\s+[A-Z0-9]+\.\d+\s")


def source_line(opening: str) -> re.Pattern[str]:
    """A source line, for its ``opening`` (``tabel.awal_sumber`` in rules.yml, "Sumber:"). Both patterns
    are compiled on each use: re keeps the compiled ones, and a changed mkdocs.yml is followed."""
    return re.compile(rf"^{source_pattern(opening)}")


@dataclass(frozen=True)
class Fault:
    """One fault: physical ``page`` (1 = cover), stable ``rule`` id and an Indonesian ``message``."""

    page: int
    rule: str
    message: str

    def text(self) -> str:
        return f"halaman {self.page}: [{self.rule}] {self.message}"


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
                        message("KEPALA-HALAMAN", "bukan_bagiannya", kepala=page.header, bagian=part[0]))


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
                        message("HALAMAN-HAMPIR-KOSONG", "hampir_kosong", jumlah=len(page.lines),
                                baris=" / ".join(line.text[:40] for line in page.lines)))


def check_source_lines(pages: list[Page]):
    """SUMBER-AWAL-HALAMAN: the first line of a page is not a table's source line."""
    opening = source_line(source_opening())
    for page in pages:
        if not page.lines:
            continue
        first = page.lines[0]
        if page.tables and min(top for top, _, _, _ in page.tables) < first.top:
            continue
        if opening.match(first.text):
            yield Fault(page.number, "SUMBER-AWAL-HALAMAN",
                        message("SUMBER-AWAL-HALAMAN", "terpisah", baris=first.text[:50]))


def _continues_table(page: Page, following: Page) -> bool:
    """Whether ``following`` goes on inside the table that ends ``page``: no text below that table nor
    above the first table of the next page."""
    if not page.tables or not following.tables:
        return False
    bottom = max(page.tables, key=lambda t: t[1])[1]
    top = min(following.tables, key=lambda t: t[0])[0]
    return (not any(line.top > bottom for line in page.lines)
            and not any(line.bottom < top for line in following.lines))


def check_table_breaks(pages: list[Page]):
    """TABEL-TERPOTONG: a table that goes on on the next page shows at least three body rows first, and the
    rows it ends with there are three or more; fewer rows pass on either side when they are at least
    :data:`MIN_HEIGHT_AFTER_BREAK` high (masterplan.pdf.tables.KEEP_LINES)."""
    for page, following in zip(pages, pages[1:]):
        if not _continues_table(page, following):
            continue
        top, bottom, header, body = max(page.tables, key=lambda t: t[1])
        first_page_of_table = any(line.bottom <= top for line in page.lines)  # caption or text above
        # (A ruled box without a filled header row, such as an admonition's frame, is no table.)
        short = bottom - top < MIN_HEIGHT_AFTER_BREAK  # (tall rows: fewer of them may start a table)
        if header and body < MIN_ROWS_BEFORE_BREAK and first_page_of_table and short:
            yield Fault(page.number, "TABEL-TERPOTONG",
                        message("TABEL-TERPOTONG", "sebelum_berlanjut", jumlah=body, halaman=following.number,
                                minimum=MIN_ROWS_BEFORE_BREAK))
        top, bottom, header, body = min(following.tables, key=lambda t: (t[0], -t[1]))
        ends_there = any(line.top >= bottom for line in following.lines)  # source line or text below
        if ends_there and body < MIN_ROWS_BEFORE_BREAK and bottom - top < MIN_HEIGHT_AFTER_BREAK:
            yield Fault(following.number, "TABEL-TERPOTONG",
                        message("TABEL-TERPOTONG", "sisa_di_halaman_ini", halaman=page.number, jumlah=body,
                                minimum=MIN_ROWS_BEFORE_BREAK))


def _opens_with_table(page: Page) -> bool:
    """Whether ``page`` starts with a table or with a numbered caption ("Tabel 3.6 ...", "Gambar 6.1 ...")."""
    first_line = page.lines[0] if page.lines else None
    if page.tables and (first_line is None or min(t[0] for t in page.tables) < first_line.top):
        return True
    return first_line is not None and bool(caption_line(site_config.caption_words()).match(first_line.text))


def check_empty_feet(pages: list[Page], starts: list[tuple[int, str]]):
    """RUANG-KOSONG: a page of a part that goes on is not left empty below more than
    :data:`EMPTY_FOOT` of its text area when the next page opens with a table or a numbered caption."""
    openers = {first for first, _ in starts}
    for page, following in zip(pages, pages[1:]):
        if following.number in openers or not _opens_with_table(following):
            continue
        bottoms = [line.bottom for line in page.lines] + [bottom for _, bottom, _, _ in page.tables]
        if not bottoms:
            continue
        area_bottom = page.height - BOTTOM_MARGIN
        empty = (area_bottom - max(bottoms)) / (area_bottom - TOP_MARGIN)
        if empty > EMPTY_FOOT:
            yield Fault(page.number, "RUANG-KOSONG",
                        message("RUANG-KOSONG", "kaki_kosong", kosong=f"{empty:.0%}", halaman=following.number))


def check_repeated_headers(pages: list[Page]):
    """TABEL-TANPA-KEPALA: a page that goes on inside a table with a header row starts with that header
    (WeasyPrint leaves it out above a row that is taller than the space left, CATATAN-TEKNIS.md C56)."""
    for page, following in zip(pages, pages[1:]):
        if not _continues_table(page, following):
            continue
        ending = max(page.tables, key=lambda t: t[1])
        opening = min(following.tables, key=lambda t: (t[0], -t[1]))
        if ending[2] and not opening[2]:
            yield Fault(following.number, "TABEL-TANPA-KEPALA",
                        message("TABEL-TANPA-KEPALA", "tanpa_kepala", halaman=page.number))


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
                            message("SPASI-RENGGANG", "renggang", baris=line.text[:60], spasi=f"{widest:.1f}",
                                    huruf=f"{line.size:.1f}"))


def _glued(words: list[dict]) -> int:
    """How many of a line's first ``words`` print as one unit: a fixed reference that the PDF joins with
    non-breaking spaces ("Tahun 2021", "(BAB VI)"; masterplan.pdf.glue), which the text layer parts."""
    text = " ".join(word["text"] for word in words[:4])
    match = glue.combined().search(text)
    if match is None or match.start() >= len(words[0]["text"]):
        return 1
    return text[:match.end()].count(" ") + 1


def _text_left(line) -> float:
    """Left edge of a line's text: a list item's first line starts with its number or bullet ("3."), set
    left of the text, so its text starts at the second word, where the item's next lines start."""
    words = line.words
    return words[1]["x0"] if len(words) > 1 and LIST_ITEM.match(words[0]["text"]) else line.x0


def check_early_breaks(pages: list[Page]):
    """BARIS-PATAH: within a paragraph (next line right below, same left edge and size), a line is only
    shorter than the widest line of that left edge by less than the next line's first word.

    The next line's first word is measured with what cannot be parted from it: the rest of a fixed
    reference glued to it (:func:`_glued`), a closing quotation mark and an opening bracket after it ('Baru" (Patroli'; Unicode line breaking, rule LB15, keeps them together).
    A line opening with a list number ("18.") or bullet starts a new list item, not a line of the same one;
    such a first line is measured from its text, which is where the item's next lines start (an item
    whose first line held only "3. Jumlah" went unnoticed while its number's edge was compared).
    Lines are a paragraph's when their baselines are less than 1.6 em apart: measured from the bottoms, not
    from the tops, since a raised dagger ("perlu verifikasi") reaches above its line and drew the roadmap
    legend's items (one line each, 1.7 em apart) into one paragraph.
    """
    for page in pages:
        for line, following in zip(page.lines, page.lines[1:]):
            if (abs(_text_left(line) - following.x0) > 1 or abs(line.size - following.size) > 0.5
                    or following.bottom - line.bottom > PARAGRAPH_LEADING * line.size
                    or LIST_ITEM.match(following.words[0]["text"])):
                continue  # another block: a new paragraph, list item, heading or indent
            left = following.x0
            right = max(other.x1 for other in page.lines if abs(_text_left(other) - left) <= 1)
            word = following.words[0]
            unit = following.words[:_glued(following.words)]
            for before, after in zip(following.words[len(unit) - 1:], following.words[len(unit):]):
                if not (before["text"].endswith(QUOTES) and after["text"].startswith("(")):
                    break
                unit.append(after)
            width = unit[-1]["x1"] - word["x0"]
            if line.x1 + 0.5 * line.size + width < right - 1:
                yield Fault(page.number, "BARIS-PATAH",
                            message("BARIS-PATAH", "patah", baris=line.text[-50:], kata=word["text"]))


def check_ellipses(pages: list[Page], sources: str):
    """ELIPSIS: every "…" in the PDF stands in the sources with the same word before it."""
    known = _normal(sources)
    for page in pages:
        for match in re.finditer(r"(\S*)…", page.text):
            word = match.group(1)
            if f"{word}…".casefold() not in known:
                yield Fault(page.number, "ELIPSIS", message("ELIPSIS", "terpotong", kata=word))


def check_glyphs(pages: list[Page], missing: dict[str, set[str]]):
    """KOTAK-KOSONG: no character is printed as an empty box."""
    for font, chars in sorted(missing.items()):
        for char in sorted(chars):
            where = [str(page.number) for page in pages if char in page.text] or ["?"]
            yield Fault(int(where[0]) if where[0] != "?" else 0, "KOTAK-KOSONG",
                        message("KOTAK-KOSONG", "kotak", karakter=repr(char), kode=f"{ord(char[0]):04X}", fon=font,
                                halaman=", ".join(where)))


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def proofread(path: Path, sources: str | None = None, pages: list[Page] | None = None) -> list[Fault]:
    """Every typesetting fault of the PDF at ``path``, in page order.

    ``sources``: the Markdown and data text the PDF was made from (without it ELIPSIS is skipped); ``pages``:
    :func:`read_pages` of ``path``, if the caller has it (±50 s CPU for 214 pages). Raises ``OSError`` if unreadable.
    """
    pages = read_pages(path) if pages is None else pages
    starts = parts(path)
    faults = [*check_headers(pages, starts), *check_short_pages(pages, starts), *check_source_lines(pages),
              *check_table_breaks(pages), *check_empty_feet(pages, starts), *check_repeated_headers(pages), *check_word_spacing(pages),
              *check_early_breaks(pages), *check_glyphs(pages, missing_glyphs(path))]
    if sources is not None:
        faults += check_ellipses(pages, sources)
    return sorted(faults, key=lambda fault: (fault.page, fault.rule))
