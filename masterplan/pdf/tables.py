"""Tables of the printed plan that go on over a page: what the next page says above them.

WeasyPrint repeats a table's ``<thead>`` on every page but cannot repeat its caption, nor say that the
table is continued. Each table body gets the text "Tabel 2.1 (lanjutan)" in ``data-lanjutan``; the PDF
stylesheet (``overrides/pdf/styles.scss``, ``@top-center``) prints it right above the repeated header on
a page that starts inside that table, and only there.
"""

from __future__ import annotations

import math
import re

from bs4 import BeautifulSoup, NavigableString, Tag

CONTINUED = "(lanjutan)"
# An amount with its unit ("Rp1.250.000.000", "Rp13,95 miliar", "258.721 jiwa" is not one): printed on
# one line, never split inside.
AMOUNT = re.compile(r"(?:Rp\s?)?\d[\d.,]*(?:\s(?:ribu|juta|miliar|triliun))?")
NO_BREAK_SPACE = "\u00a0"
# A table on A4 with our margins is about 435 pt wide; at 9 pt a character (bold capitals and digits
# included) takes up to about 5 pt, and cell padding about 2.5 characters.
LINE_CHARACTERS = 87
CELL_PADDING = 2.5
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Printed height of a table row (9-pt cell lines at 1.35 line height, 3-pt padding above and below and the
# rule; overrides/pdf/styles.scss) and the text area of an A4 page (247 mm), in points.
CELL_LINE = 9 * 1.35
ROW_EXTRA = 7
TEXT_AREA = 700
# A table of this many body rows or fewer is never split (class ``tabel-pendek``): split, it leaves a page
# with a header and a few rows ...
SHORT_TABLE_ROWS = 8
# ... but only while it is at most a quarter of a page high: moved whole to the next page, a table leaves
# empty the room it did not fit in, and the second review sent back pages 45 % empty above a table of seven
# rows (Tabel 1.1). A taller one starts where it is and splits with its first and last rows kept together
# (:func:`mark_row_keeps`).
SHORT_TABLE_SHARE = 0.25
SHORT_TABLE = "tabel-pendek"
# A table's first rows stay with its caption and header, and its last rows go on to a page together: three
# rows (WeasyPrint applies no orphans or widows to table rows, CATATAN-TEKNIS.md C46), or fewer rows that
# make at least this many cell lines with the header row (about a sixth of a page, the proofreader's
# MIN_HEIGHT_AFTER_BREAK): three tall rows kept together left 40 % of a page empty before the last rows of
# Tabel 3.8.
KEEP_ROWS = 3
KEEP_LINES = 12
KEEP_AFTER = "lekat-bawah"  # no page break after this row
KEEP_BEFORE = "lekat-atas"  # no page break before this row
# A closing total row ("Jumlah") is no row of the table's data: the last rows on a page hold three besides it.
TOTAL_ROW = re.compile(r"^(jumlah|total)\b", re.IGNORECASE)
# Rows are never split across pages (styles.scss), except a row taller than about a third of a page (9-pt
# cell lines: about 57 on the 247-mm text area): kept whole it left that much empty at the foot of the page
# before it (Tabel 3.6, the TOWS matrix of two rows, 39 %), and a row taller than a page would print from the
# top of a page without the repeated header (WeasyPrint 70, CATATAN-TEKNIS.md C56). Such a row is allowed to
# break inside (class ``baris-tinggi``); it then starts below the header like any other row.
TALL_ROW_LINES = 20
TALL_ROW = "baris-tinggi"


def continuation_label(table: Tag) -> str:
    """What a continuation page prints above ``table``: its caption number ("Tabel 2.1 (lanjutan)") or,
    for a table without a numbered caption, the title of the section it stands in ("A.1 Istilah
    (lanjutan)"); just "(lanjutan)" when there is neither."""
    figure = table.find_parent("figure")
    prefix = figure.select_one("figcaption .caption-prefix") if figure is not None else None
    if prefix is not None:
        name = prefix.get_text(" ", strip=True)
    else:
        heading = table.find_previous(HEADINGS)
        name = heading.get_text(" ", strip=True) if heading is not None else ""
    return f"{name} {CONTINUED}".strip()


def mark_continuations(soup: BeautifulSoup) -> int:
    """Set ``data-lanjutan`` on the body of every table of the document, and the class ``tabel-pendek`` on
    every table of :data:`SHORT_TABLE_ROWS` body rows or fewer that is estimated at most
    :data:`SHORT_TABLE_SHARE` of a page high (:func:`row_lines`); returns how many tables were marked.

    A table without ``<tbody>`` (hand-written HTML) gets one around its rows first, so that the header
    row stays the first box of every page (the stylesheet reads the value with ``string(…, start)``).
    """
    marked = 0
    for table in soup.find_all("table"):
        bodies = table.find_all("tbody", recursive=False)
        if not bodies:
            rows = [row for row in table.find_all("tr", recursive=False)]
            if not rows:
                continue
            body = soup.new_tag("tbody")
            rows[0].insert_before(body)
            for row in rows:
                body.append(row.extract())
            bodies = [body]
        label = continuation_label(table)
        for body in bodies:
            body["data-lanjutan"] = label
        rows = [row for body in bodies for row in body.find_all("tr", recursive=False)]
        columns = column_characters(table)
        height = sum(row_lines(row, columns) * CELL_LINE + ROW_EXTRA for row in rows)
        if len(rows) <= SHORT_TABLE_ROWS and height <= SHORT_TABLE_SHARE * TEXT_AREA:
            table["class"] = [*(table.get("class") or []), SHORT_TABLE]
        marked += 1
    return marked


def row_lines(row: Tag, columns: list[float]) -> int:
    """Estimated printed lines of ``row`` (its tallest cell, :func:`_cell_lines`) in a table whose columns
    hold ``columns`` characters (:func:`column_characters`)."""
    return max((_cell_lines(cell, columns) for cell in row.find_all(["td", "th"], recursive=False)), default=1)


def mark_row_keeps(soup: BeautifulSoup) -> int:
    """Keep the first and the last rows of every table together (see :data:`KEEP_ROWS`): the rows from the
    first until :data:`KEEP_ROWS` rows or :data:`KEEP_LINES` estimated lines get the class ``lekat-bawah``
    (no break after; the last of them none), the same from the end ``lekat-atas`` (no break before; the
    first of them none), where a closing total row (:data:`TOTAL_ROW`) does not count. The header row,
    printed above the rows on either page, counts towards the lines: a profile table whose header and first
    row already fill a sixth of a page may break after that row, instead of moving whole to the next page
    and leaving 39 % of a page empty (Tabel 7.4, three rows of ten lines). Returns how many tables were
    marked."""
    marked = 0
    for table in soup.find_all("table"):
        rows = [row for body in table.find_all("tbody", recursive=False) for row in body.find_all("tr", recursive=False)]
        if len(rows) < 2:
            continue
        columns = column_characters(table)
        head = table.find("thead", recursive=False)
        header = sum(row_lines(row, columns) for row in head.find_all("tr", recursive=False)) if head else 0
        for ordered, mark in ((rows, KEEP_AFTER), (rows[::-1], KEEP_BEFORE)):
            counted, lines = 0, header
            for row in ordered[:-1]:
                total = mark == KEEP_BEFORE and row is rows[-1] and TOTAL_ROW.match(row.get_text(" ", strip=True))
                counted += 0 if total else 1
                lines += row_lines(row, columns)
                if counted >= KEEP_ROWS or (lines >= KEEP_LINES and counted >= 1):
                    break
                row["class"] = [*(row.get("class") or []), mark]
        marked += 1
    return marked


def _cell_lines(cell: Tag, columns: list[float]) -> int:
    """Estimated printed lines of ``cell``: each paragraph or list item of it (or its whole text) over the
    characters a line of its column holds."""
    fits = max(cell_characters(cell, columns), 1.0)
    blocks = [block.get_text(" ", strip=True) for block in cell.find_all(["p", "li"])] or [cell.get_text(" ", strip=True)]
    return sum(max(1, math.ceil(len(text) / fits)) for text in blocks)


def mark_tall_rows(soup: BeautifulSoup) -> int:
    """Add the class ``baris-tinggi`` to every table row whose tallest cell is estimated at more than
    :data:`TALL_ROW_LINES` lines (column widths from the table's ``<colgroup>``, see
    :func:`column_characters`); returns how many rows were marked."""
    marked = 0
    for table in soup.find_all("table"):
        columns = column_characters(table)
        for row in table.find_all("tr"):
            if row.find_parent("table") is not table:
                continue
            cells = row.find_all(["td", "th"], recursive=False)
            if cells and max(_cell_lines(cell, columns) for cell in cells) > TALL_ROW_LINES:
                row["class"] = [*(row.get("class") or []), TALL_ROW]
                marked += 1
    return marked


GROUP_ROW = "baris-kelompok"


def mark_group_rows(soup: BeautifulSoup) -> int:
    """Turn every group heading row of a table (text in its first cell only, the others empty: "Dinas
    ..." above the programmes of that OPD) into one cell spanning the table, with the class
    ``baris-kelompok`` (kept with the next row by the stylesheet). Every row of a table with groups
    carries the continuation line naming the group of the row AFTER it ("Tabel 6.4 (lanjutan):
    Diskominfosan", in ``data-lanjutan``; the group's short name from a ``data-singkatan`` in the cell,
    else its text): a page that starts inside a group says whose rows they are, which a reviewer could not
    tell on pages 105 and 115 of a 14-page table. Why every row, and the next row's group: a page prints
    the string its previous page set last (``string(lanjutan, start)`` when the page opens inside a
    table), and WeasyPrint sets a table body's string again on each page; when a page opens with a new
    group's heading, the last row before it must already name that group. The short name keeps the line
    narrow enough for the running header beside it to stay on one line. Returns how many group rows."""
    marked = 0
    for body in soup.select("tbody"):
        rows, groups, group = body.find_all("tr", recursive=False), [], ""
        for row in rows:
            cells = row.find_all(["td", "th"], recursive=False)
            if (len(cells) >= 3 and cells[0].get_text(strip=True) and row.find_next_sibling("tr") is not None
                    and not any(cell.get_text(strip=True) or cell.find(True) for cell in cells[1:])):
                cells[0]["colspan"] = str(sum(int(cell.get("colspan") or 1) for cell in cells))
                for cell in cells[1:]:
                    cell.decompose()
                row["class"] = [*(row.get("class") or []), GROUP_ROW]
                short = cells[0].find(attrs={"data-singkatan": True})
                name = short["data-singkatan"] if short is not None else cells[0].get_text(" ", strip=True)
                # a wrapped line breaks after the colon, not inside the name
                group = f"{continuation_label(row.find_parent('table'))}: {name.replace(' ', NO_BREAK_SPACE)}"
                marked += 1
            groups.append(group)
        for row, label in zip(rows, [*groups[1:], groups[-1]] if groups else []):
            if label:
                row["data-lanjutan"] = label
    return marked


NUMBER = re.compile(r"^[-–+]?(?:Rp\s?)?[\d.,%]+(?:\s?(?:ribu|juta|miliar|triliun|%))?$|^[-–]?$")


def left_align_text_columns(soup: BeautifulSoup) -> int:
    """Set a right-aligned column (Markdown ``---:``) left-aligned when one of its body cells holds text
    rather than a number or an amount: words set flush right in a narrow column read badly (the review
    of Tabel 4.2, "ditetapkan setelah baseline tersedia"). Returns how many columns were changed."""
    changed = 0
    for table in soup.find_all("table"):
        rows = [row.find_all(["td", "th"], recursive=False) for row in table.find_all("tr")
                if row.find_parent("table") is table]
        columns = max((len(cells) for cells in rows), default=0)
        for index in range(columns):
            column = [cells[index] for cells in rows if len(cells) == columns]
            if not any("right" in (cell.get("style") or "") for cell in column):
                continue
            if all(NUMBER.match(cell.get_text(" ", strip=True)) for cell in column if cell.name == "td"):
                continue
            for cell in column:
                cell["style"] = re.sub(r"text-align:\s*right;?", "text-align: left;", cell.get("style") or "")
            changed += 1
    return changed


def keep_amounts_whole(soup: BeautifulSoup) -> int:
    """Join the number and unit of every amount in a table cell with a no-break space ("Rp13,95
    miliar"), so that the unit never goes to a line of its own; returns how many were joined. The column
    widths (``masterplan/pdf/arrange.py``, ``_column_widths``) make room for the longest amount of each column."""
    joined = 0
    for cell in soup.select("td, th"):
        for text in cell.find_all(string=True):
            if type(text) is not NavigableString or not AMOUNT.search(text):
                continue
            new = AMOUNT.sub(lambda m: m.group(0).replace(" ", NO_BREAK_SPACE), str(text))
            if new != str(text):
                joined += 1
                text.replace_with(new)
    return joined


def column_characters(table: Tag) -> list[float]:
    """How many characters fit on one line of each column of ``table`` (cell padding taken off), from
    the percentage widths of its ``<colgroup>``; a table without one is one full-width column."""
    group = table.find("colgroup", recursive=False)
    widths = [float(match.group(1)) for col in (group.find_all("col") if group else [])
              if (match := re.search(r"width:\s*([\d.]+)%", col.get("style", "")))]
    return [LINE_CHARACTERS * width / 100 - CELL_PADDING for width in widths] or [LINE_CHARACTERS - CELL_PADDING]


def cell_characters(cell: Tag, columns: list[float]) -> float:
    """How many characters fit on one line of ``cell``, whose table's columns hold ``columns``
    characters (:func:`column_characters`); a cell spanning columns gets their sum."""
    start = sum(int(other.get("colspan") or 1) for other in cell.find_previous_siblings(["td", "th"]))
    span = int(cell.get("colspan") or 1)
    return sum(columns[start:start + span]) or columns[-1]


FIGURE_PART = "bagian-gambar"


def mark_figure_continuations(soup: BeautifulSoup) -> int:
    """Set up every figure drawn as several charts (the roadmap: one chart per dimension, over several
    pages) like a continued table: its caption moves above the first chart, so that "Gambar 6.1" stands
    on the page where the figure starts, and each chart is wrapped in ``div.bagian-gambar`` carrying
    "Gambar 6.1 (lanjutan)" in ``data-lanjutan`` for the pages that follow (see :func:`mark_continuations`).
    Returns how many figures were set up."""
    marked = 0
    for figure in soup.select("figure.gambar"):
        charts = figure.find_all("svg")
        caption = figure.find("figcaption", recursive=False)
        if len(charts) < 2 or caption is None:
            continue
        prefix = caption.select_one(".caption-prefix")
        label = f"{prefix.get_text(' ', strip=True) if prefix else ''} {CONTINUED}".strip()
        figure.insert(0, caption.extract())
        for chart in charts:
            chart.wrap(soup.new_tag("div", attrs={"class": FIGURE_PART, "data-lanjutan": label}))
        marked += 1
    return marked
