"""Data tables that read on a phone: each body cell of a wide table carries its column's header as
``data-label``, so that on a narrow screen the stylesheet (``bangli.css``, "Tabel sebagai kartu") can
show every row as a card titled by the row's name (its first cell), each value next to its header.

Done once at build time in the HTML (no JavaScript). The table keeps no class, so the theme still styles
it on wide screens and in the PDF. Because a table shown as blocks loses its table semantics in some
browsers, the card tables also get explicit ARIA table roles (the pattern of A. Roselli, "A Responsive
Accessible Table", 2017).
"""

from __future__ import annotations

from bs4 import BeautifulSoup

# A table with at least this many columns may not fit a 328 px phone column in body-size text: even two
# do not when a cell holds a long word (the glossary); a one-column list fits and stays a table.
CARD_COLUMNS = 2
CARD_ATTRIBUTE = "data-kartu"
_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "th": "columnheader",
          "td": "cell"}


def _headers(table) -> list[str]:
    head = table.find("thead")
    row = head.find("tr") if head else None
    return [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])] if row else []


def label_tables(page_html: str) -> str:
    """``page_html`` with every plain table of :data:`CARD_COLUMNS` or more header columns marked
    ``data-kartu`` and each body cell labelled ``data-label="<its column header>"``. Tables without a
    header row, with spanning cells or with a class (layout tables of the theme) are left alone."""
    if "<table" not in page_html:
        return page_html
    soup = BeautifulSoup(page_html, "html.parser")
    changed = False
    for table in soup.find_all("table"):
        headers = _headers(table)
        if table.get("class") or len(headers) < CARD_COLUMNS or table.find(attrs={"colspan": True}):
            continue
        table[CARD_ATTRIBUTE] = ""
        for element in [table, *table.find_all(list(_ROLES))]:
            element["role"] = _ROLES[element.name]
        for body in table.find_all("tbody"):
            for row in body.find_all("tr"):
                for header, cell in zip(headers, row.find_all(["td", "th"])):
                    cell["data-label"] = header
        changed = True
    return str(soup) if changed else page_html
