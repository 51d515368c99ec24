"""What the website adds to each rendered page for readers: a short description (search results and
link previews in messaging apps) and tables that a keyboard can reach.

Both work on the page's HTML as MkDocs renders it (``on_page_content``), before the theme wraps it.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

DESCRIPTION_LENGTH = 160  # characters; what search engines and link previews show
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TABLE = re.compile(r"<table>")


def description(page_html: str, fallback: str) -> str:
    """The first paragraph of ``page_html`` as plain text, cut at a word to at most
    :data:`DESCRIPTION_LENGTH` characters with "…", HTML-escaped for an attribute; ``fallback`` (the
    site description) when the page has no paragraph. Paragraphs inside admonitions, tables and figures
    start with attributes or are nested, so the first bare ``<p>`` is the page's lead paragraph."""
    match = _FIRST_PARAGRAPH.search(page_html)
    text = BeautifulSoup(match.group(1), "html.parser").get_text(" ") if match else ""
    text = " ".join(text.split()) or " ".join(fallback.split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return html.escape(text, quote=True)


def focusable_tables(page_html: str) -> str:
    """Every plain ``<table>`` gets ``tabindex="0"``: the theme puts tables in a box that scrolls
    sideways on small screens, and a keyboard user can scroll it only when something inside takes focus
    (WCAG 2.1.1; axe rule ``scrollable-region-focusable``). The table keeps no class, so the theme still
    styles and wraps it."""
    return _TABLE.sub('<table tabindex="0">', page_html)
