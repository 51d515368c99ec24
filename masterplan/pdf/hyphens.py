"""Line breaking of the printed plan, decided at build time.

Measured on every paragraph of the plan (548 paragraphs, 65 pages), counting justified lines whose word
spacing is wider than the font size (the proofreader's SPASI-RENGGANG): WeasyPrint 70 with Indonesian
hyphenation stretched 18 lines (soft hyphens from pyphen's ``id_ID`` patterns, ``hyphens: manual``) or
more (``hyphens: auto``), because its line breaker often ends a line at the first hyphenation point it
meets; without hyphenation 9, 6 once punctuation after bold text is attached to it, and 0 once
paragraphs that print a web address are set ragged right. Hence:

- body text is justified without hyphenation (no word is ever broken);
- :func:`hyphenate` writes soft hyphens (pyphen ``id_ID``, the LibreOffice patterns WeasyPrint itself
  uses) only into table cells, which are ragged right and narrow: a long word there breaks with a
  hyphen instead of being cut anywhere ("penguata/n");
- :func:`attach_punctuation` and :func:`mark_url_blocks` remove the two other causes of stretched lines.
"""

from __future__ import annotations

import re

import pyphen
from bs4 import BeautifulSoup, NavigableString

LANGUAGE = "id_ID"
SOFT_HYPHEN = "\u00ad"
# Words of letters only, long enough to be worth breaking; numbers and programme codes (Rp1.250.000, BRD-07)
# never match, so an amount is never split.
WORD = re.compile(r"(?<![\w\-./@])[^\W\d_]{7,}(?![\w\-/@])")
# Text inside these is never hyphenated: links and web addresses, code, abbreviations, the "perlu
# verifikasi" badge.
SKIP = ("a", "code", "kbd", "abbr")
SKIP_CLASS = "perlu-verifikasi"


def _skipped(text: NavigableString) -> bool:
    return any(parent.name in SKIP or SKIP_CLASS in (parent.get("class") or []) for parent in text.parents)


def hyphenate(soup: BeautifulSoup) -> int:
    """Insert soft hyphens at pyphen's Indonesian hyphenation points into every word of seven letters
    or more in the table cells of ``soup``; returns how many words got at least one."""
    dictionary = pyphen.Pyphen(lang=LANGUAGE, left=2, right=3)
    changed = 0
    for text in (text for cell in soup.body.select("td, th") for text in cell.find_all(string=True)):
        if type(text) is not NavigableString:
            continue  # comments, CDATA and the like
        if not WORD.search(text) or _skipped(text):
            continue
        counted = [0]

        def split(match: re.Match) -> str:
            word = dictionary.inserted(match.group(0), SOFT_HYPHEN)
            counted[0] += word != match.group(0)
            return word

        text.replace_with(WORD.sub(split, str(text)))
        changed += counted[0]
    return changed


URL_CLASS = "memuat-url"
URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)


def mark_url_blocks(soup: BeautifulSoup) -> int:
    """Give every paragraph and list item that prints a web address (a link whose text is the address)
    the class ``memuat-url``, which the PDF stylesheet sets ragged right; returns how many were marked."""
    marked = 0
    for link in soup.body.find_all("a"):
        if not URL.match(link.get_text(strip=True)):
            continue
        block = link.find_parent(["p", "li", "dd", "td"])
        if block is not None and URL_CLASS not in (block.get("class") or []):
            block["class"] = [*(block.get("class") or []), URL_CLASS]
            marked += 1
    return marked


RUN_IN = ("strong", "b", "em", "i", "abbr")
ATTACHED = ":;,.)"


def attach_punctuation(soup: BeautifulSoup) -> int:
    """Move a punctuation mark that follows bold, italic or an abbreviation into it ("**Biaya
    terjangkau**: …" prints "**Biaya terjangkau:** …"); returns how many were moved.

    WeasyPrint 70 finds no line break between such an element and text that starts with punctuation,
    and then ends the line right after the colon, stretching it across the page (measured: the lines
    "• Biaya terjangkau:" and "• 4.1 Harmonisasi Tata Ruang Wilayah:" in BAB VII and BAB V).
    """
    moved = 0
    for element in soup.body.find_all(RUN_IN):
        following = element.next_sibling
        if type(following) is NavigableString and following[:1] in ATTACHED and following[:1]:
            element.append(following[0])
            following.replace_with(following[1:])
            moved += 1
    return moved
