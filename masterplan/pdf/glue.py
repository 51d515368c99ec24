"""Non-breaking spaces inside fixed references of the printed plan.

Indonesian typesetting keeps a reference together on one line: "BAB IV", "Lampiran F", "Nomor 9",
"Tahun 2013", "Pasal 5", "Tabel 3.6", "40 km". The ministry's typesetting review of the PDF found them
parted at line ends ("BAB | IV", "Nomor | 9 Tahun 2013", "Nomor 6 Tahun | 2021"). :func:`glue` replaces
the space inside each by U+00A0 in the combined document before WeasyPrint lays it out; the website
keeps ordinary spaces (it reflows on every screen).
"""

from __future__ import annotations

import re
from functools import cache

from bs4 import BeautifulSoup, NavigableString

from masterplan.model import site_config

NBSP = "\u00a0"

# (pattern, why). Each pattern has two groups, the word and what follows it; the whitespace between them
# becomes one non-breaking space. One word boundary before the word, so "Subbab" or "Ketabel" never match.
# {caption} is the caption words of mkdocs.yml ("Tabel", "Gambar": site_config.caption_words).
RULES: tuple[tuple[str, str], ...] = (
    (r"\b(BAB|Bab|Lampiran)\s+([IVXLC]+|[A-Z]|\d+)\b", "a part is named by its numeral or letter"),
    (r"\b(Nomor|No\.)\s+(\d+)", "the number of a regulation or decree belongs to the word"),
    (r"\b(Tahun)\s+(\d{4})\b", "the year of a regulation or a plan period"),
    (r"\b(Pasal|Ayat)\s+(\d+|\(\d+\))", "an article or its paragraph number"),
    (r"\b({caption})\s+((?:[A-Z]\.?)?\d+(?:\.\d+)*)", "a numbered table or figure"),
    (r"(?<![\w.,])(\d+(?:[.,]\d+)*)\s+(km²|km|m²|m|ha|cm|mm|kg|ton|MW|kW|kWh|Mbps|Gbps|MB|GB|TB|°C)(?!\w)",
     "a number and its unit of measure"),
)


def combined(words: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """One pass over every text node: the rules' alternatives joined, each match replaced on its own;
    ``words`` are the caption words (those of mkdocs.yml when None, read again when it changed)."""
    return _combined(site_config.caption_words() if words is None else words)


@cache
def _combined(words: tuple[str, ...]) -> re.Pattern[str]:
    caption = site_config.words_pattern(words)
    return re.compile("|".join(f"(?:{pattern.replace('{caption}', caption)})" for pattern, _ in RULES))


# Text inside these is left alone: code is printed as written, and headings feed the PDF's bookmarks
# and running headers, which must keep the titles' ordinary spaces (KEPALA-HALAMAN compares them).
SKIP = ("code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6")


def _join(match: re.Match) -> str:
    return re.sub(r"\s+", NBSP, match.group(0))


def glue_text(text: str) -> str:
    """``text`` with the whitespace inside every fixed reference of :data:`RULES` replaced by one U+00A0."""
    return combined().sub(_join, text)


def glue(soup: BeautifulSoup) -> int:
    """Apply :func:`glue_text` to every printed text node of ``soup``'s body (never to attributes, code,
    preformatted text or headings); returns how many text nodes changed."""
    changed = 0
    for text in soup.body.find_all(string=combined()):
        if type(text) is not NavigableString or any(parent.name in SKIP for parent in text.parents):
            continue  # comments and the like; code, headings
        glued = glue_text(str(text))
        if glued != text:
            text.replace_with(glued)
            changed += 1
    return changed
