"""What the website adds to each rendered page for readers: a short description (search results and
link previews in messaging apps) and data tables in the theme's scrolling box, which a keyboard can reach.

Both work on the page's HTML as MkDocs renders it (``on_page_content``), before the theme wraps it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

DESCRIPTION_LENGTH = 160  # characters; what search engines and link previews show
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# Start and end tags of tables; a start tag's attributes may hold ">" inside quotes.
_TABLE_TAG = re.compile(r"""<table\b((?:[^>"']|"[^"]*"|'[^']*')*)>|</table\s*>""", re.IGNORECASE)
_CLASS = re.compile(r"""\sclass\s*=""", re.IGNORECASE)
_TABINDEX = re.compile(r"""\stabindex\s*=""", re.IGNORECASE)
# The class of a data table: it takes Material's rules for unclassed tables (copied in bangli.css), so that
# the theme's script, which wraps every ``table:not([class])`` itself, leaves it alone
# (CATATAN-TEKNIS.md C58).
DATA_TABLE = "tabel-data"
# Material 9.8's wrapper, as its script builds it around an unclassed table.
_BOX_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
_BOX_CLOSE = "</div></div>"


def description(page_html: str, fallback: str) -> str:
    """The first paragraph of ``page_html`` as plain text, cut at a word to at most
    :data:`DESCRIPTION_LENGTH` characters with "…", HTML-escaped for an attribute; ``fallback`` (the
    site description) when the page has no paragraph. Paragraphs inside admonitions, tables and figures
    start with attributes or are nested, so the first bare ``<p>`` is the page's lead paragraph."""
    match = _FIRST_PARAGRAPH.search(page_html)
    text = plain_text(match.group(1)) if match else ""
    text = " ".join(text.split()) or " ".join(fallback.split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return html.escape(text, quote=True)


class _Text(HTMLParser):
    """The text runs of an HTML fragment, character references resolved; comments and the contents of
    ``script``, ``style`` and ``template`` left out."""

    HIDDEN = ("script", "style", "template")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in self.HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.runs.append(data)


def plain_text(fragment: str) -> str:
    """The text of the HTML ``fragment``, its text runs joined by a space: what BeautifulSoup's
    ``get_text(" ")`` gives, without importing BeautifulSoup (a twentieth of a site build) for it."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return " ".join(parser.runs)


def boxed_tables(page_html: str) -> str:
    """``page_html`` with every table without a class (a data table, at any depth) put in Material's box
    that scrolls sideways on small screens (``div.md-typeset__scrollwrap > div.md-typeset__table``),
    classed :data:`DATA_TABLE` and given ``tabindex="0"`` unless it has one: a keyboard user can scroll the
    box only when something inside takes focus (WCAG 2.1.1; axe rule ``scrollable-region-focusable``).

    Material's script builds the same box at load time by taking every ``table:not([class])`` out of the
    page and putting it back, which restyles and lays out every cell again on the reader's phone; built
    here, with the class, the script skips the table. Tables with a class (the theme's layout tables) are
    left alone, like the script does; so is the rest of the page, byte for byte."""
    if "<table" not in page_html:
        return page_html
    parts, done, boxed = [], 0, []  # boxed: per open table, whether it was put in a box
    for tag in _TABLE_TAG.finditer(page_html):
        parts.append(page_html[done:tag.start()])
        done = tag.end()
        if tag.group(0)[1] == "/":
            parts.append(tag.group(0) + (_BOX_CLOSE if boxed and boxed.pop() else ""))
            continue
        attributes = tag.group(1)
        boxed.append(not _CLASS.search(attributes))
        if not boxed[-1]:
            parts.append(tag.group(0))
            continue
        focus = "" if _TABINDEX.search(attributes) else ' tabindex="0"'
        parts.append(f'{_BOX_OPEN}<table class="{DATA_TABLE}"{focus}{attributes}>')
    return "".join(parts) + page_html[done:]
