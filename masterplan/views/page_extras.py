"""What the website adds to each rendered page for readers: a short description (search results and
link previews in messaging apps) and tables that a keyboard can reach.

Both work on the page's HTML as MkDocs renders it (``on_page_content``), before the theme wraps it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

DESCRIPTION_LENGTH = 160  # characters; what search engines and link previews show
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TABLE = re.compile(r"<table>")


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


def focusable_tables(page_html: str) -> str:
    """Every plain ``<table>`` gets ``tabindex="0"``: the theme puts tables in a box that scrolls
    sideways on small screens, and a keyboard user can scroll it only when something inside takes focus
    (WCAG 2.1.1; axe rule ``scrollable-region-focusable``). The table keeps no class, so the theme still
    styles and wraps it."""
    return _TABLE.sub('<table tabindex="0">', page_html)
