"""Line breaking of the printed plan, decided at build time: Indonesian hyphenation, and ragged right
where a web address is printed.

Justified text without hyphenation stretches lines ("berjarak   sekitar   40 km"). pyphen ships
Indonesian patterns (``id_ID``, from the LibreOffice dictionaries), the same library WeasyPrint uses for
``hyphens: auto``. WeasyPrint 70 with ``hyphens: auto`` however breaks a line too early before an inline
element that follows punctuation ("**Biaya terjangkau**: …" leaves "Biaya terjangkau:" alone on a
stretched line), so the hyphenation points are written into the text as soft hyphens (U+00AD) and the
stylesheet keeps ``hyphens: manual``: the line breaker then sees ordinary break opportunities.
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
# Text inside these is never hyphenated: headings and captions, links and URLs, code, abbreviations,
# the "perlu verifikasi" badge, the contents lists, the cover and the signature.
SKIP = ("h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "a", "code", "pre", "kbd", "abbr", "script", "style",
        "title", "svg")
SKIP_CLASSES = {"perlu-verifikasi", "blok-tanda-tangan", "daftar-keterangan", "sampul-status"}
SKIP_IDS = {"doc-toc", "doc-cover"}


def _skipped(text: NavigableString) -> bool:
    for parent in text.parents:
        if parent.name in SKIP or parent.get("id") in SKIP_IDS or SKIP_CLASSES & set(parent.get("class") or []):
            return True
    return False


def hyphenate(soup: BeautifulSoup) -> int:
    """Insert soft hyphens at pyphen's Indonesian hyphenation points into every word of seven letters
    or more in the body text of ``soup``; returns how many words got at least one."""
    dictionary = pyphen.Pyphen(lang=LANGUAGE, left=2, right=3)
    changed = 0
    for text in soup.body.find_all(string=True):
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
