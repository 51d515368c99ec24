"""Data tables that read on a phone: each body cell of a wide table carries its column's header as
``data-label``, so that on a narrow screen the stylesheet (``bangli.css``, "Tabel sebagai kartu") can
show every row as a card titled by the row's name (its first cell), each value next to its header.

Done once at build time in the HTML (no JavaScript), before the tables get their class and scrolling box
(``page_extras.boxed_tables``), which give them the theme's table style on wide screens and in the PDF. Because a table shown as blocks loses its table semantics in some
browsers, the card tables also get explicit ARIA table roles (the pattern of A. Roselli, "A Responsive
Accessible Table", 2017).

The tables are those Python-Markdown writes (``tables`` extension, or HTML tables in the Markdown): only
their tags are rewritten, with regular expressions, and the rest of the page is left byte for byte as it
was. A full HTML parse of every page (BeautifulSoup) cost a fifth of the site build.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

# A table with at least this many columns may not fit a 328 px phone column in body-size text: even two
# do not when a cell holds a long word (the glossary); a one-column list fits and stays a table.
CARD_COLUMNS = 2
CARD_ATTRIBUTE = "data-kartu"
_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "th": "columnheader",
          "td": "cell"}

_TABLE = re.compile(r"<table\b[^>]*>.*?</table\s*>", re.DOTALL | re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)(table|thead|tbody|tfoot|tr|th|td)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                        re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_ANY_TAG = re.compile(r"<[^>]*>")


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag's ``text`` (after its name), values unescaped, names lower-case."""
    return {match[1].lower(): html.unescape(next((v for v in match.groups()[1:] if v is not None), ""))
            for match in _ATTRIBUTE.finditer(text)}


def _start_tag(name: str, attributes: dict[str, str]) -> str:
    """A start tag with its attributes in alphabetical order, as BeautifulSoup wrote them before."""
    return "<" + name + "".join(f' {key}="{html.escape(value)}"' for key, value in sorted(attributes.items())) + ">"


def _text(fragment: str) -> str:
    """The text of an HTML ``fragment``, tags as spaces, white space collapsed."""
    return " ".join(html.unescape(_ANY_TAG.sub(" ", fragment)).split())


def _headers(table: str) -> list[str]:
    """The texts of the cells of the first row of the table's ``<thead>``; [] without one."""
    head = re.search(r"<thead\b.*?</thead\s*>", table, re.DOTALL | re.IGNORECASE)
    row = re.search(r"<tr\b.*?</tr\s*>", head.group(0), re.DOTALL | re.IGNORECASE) if head else None
    if not row:
        return []
    return [_text(cell[2]) for cell in re.finditer(r"<(th|td)\b[^>]*>(.*?)</\1\s*>", row.group(0),
                                                  re.DOTALL | re.IGNORECASE)]


def _card(table: str) -> str:
    """One table as a card table, or unchanged when it is not a plain table of enough header columns."""
    tags = list(_TABLE_TAG.finditer(table))
    if len([t for t in tags if t[2].lower() == "table"]) != 2:  # a nested table: left as it is
        return table
    start = _attributes(tags[0][3])
    headers = _headers(table)
    if start.get("class") or len(headers) < CARD_COLUMNS or \
            re.search(r"<[^>]*\scolspan\b", table, re.IGNORECASE):
        return table
    parts, done, in_body, column = [], 0, False, 0
    for tag in tags:
        closing, name = tag[1], tag[2].lower()
        if name == "tbody":
            in_body = not closing
        if closing or name not in _ROLES:
            continue
        label = None
        if name == "tr":
            column = 0
        elif name in ("td", "th"):
            if in_body and column < len(headers):
                label = headers[column]
            column += 1
        parts += [table[done:tag.start()], _card_tag(name, tag[3], label)]
        done = tag.end()
    return "".join(parts) + table[done:]


@lru_cache(maxsize=4096)
def _card_tag(name: str, attributes: str, label: str | None) -> str:
    """The start tag ``name`` (with the attribute text ``attributes``) of a card table: its ARIA role, the
    card mark on the table, ``label`` as a body cell's ``data-label``. Kept per tag: the cells of a table
    repeat a few tags thousands of times."""
    rewritten = {**_attributes(attributes), "role": _ROLES[name]}
    if name == "table":
        rewritten[CARD_ATTRIBUTE] = ""
    if label is not None:
        rewritten["data-label"] = label
    return _start_tag(name, rewritten)


def label_tables(page_html: str) -> str:
    """``page_html`` with every plain table of :data:`CARD_COLUMNS` or more header columns marked
    ``data-kartu`` and each body cell labelled ``data-label="<its column header>"``. Tables without a
    header row, with spanning cells or with a class (layout tables of the theme) are left alone, and so
    is a table that holds another table."""
    if "<table" not in page_html:
        return page_html
    return _TABLE.sub(lambda match: _card(match.group(0)), page_html)
