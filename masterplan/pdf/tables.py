"""Tables of the printed plan that go on over a page: what the next page says above them.

WeasyPrint repeats a table's ``<thead>`` on every page but cannot repeat its caption, nor say that the
table is continued. Each table body gets the text "Tabel 2.1 (lanjutan)" in ``data-lanjutan``; the PDF
stylesheet (``overrides/pdf/styles.scss``, ``@top-center``) prints it right above the repeated header on
a page that starts inside that table, and only there.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

CONTINUED = "(lanjutan)"
# An amount with its unit ("Rp1.250.000.000", "Rp13,95 miliar", "258.721 jiwa" is not one): printed on
# one line, never split inside.
AMOUNT = re.compile(r"(?:Rp\s?)?\d[\d.,]*(?:\s(?:ribu|juta|miliar|triliun))?")
NO_BREAK_SPACE = "\u00a0"
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


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
    """Set ``data-lanjutan`` on the body of every table of the document; returns how many were marked.

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
        marked += 1
    return marked


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
