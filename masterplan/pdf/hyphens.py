"""Line breaking of the printed plan, decided at build time.

Measured on every paragraph of the plan (548 paragraphs, 65 pages), counting justified lines whose word
spacing is wider than the font size (the proofreader's SPASI-RENGGANG): WeasyPrint 70 with Indonesian
hyphenation stretched 18 lines (soft hyphens from pyphen's ``id_ID`` patterns, ``hyphens: manual``) or
more (``hyphens: auto``), because its line breaker often ends a line at the first hyphenation point it
meets; without hyphenation 9, 6 once punctuation after bold text is attached to it, and 0 once
paragraphs that print a web address are set ragged right. Hence:

- body text is set without hyphenation (no word is ever broken), ragged right since the ministry's
  review asked for one alignment (``overrides/pdf/styles.scss``);
- :func:`hyphenate` writes soft hyphens (pyphen ``id_ID``, the LibreOffice patterns WeasyPrint itself
  uses) only into the words of table cells that are longer than a line of their column: such a word
  breaks with a hyphen instead of being cut anywhere ("penguata/n"), and no other word breaks at all;
- :func:`attach_punctuation` and :func:`attach_spaces` remove two other causes of lines ended early,
  and :func:`unwrap_abbreviations` leaves abbreviations as plain text once the rest is done.
"""

from __future__ import annotations

import re

import pyphen
from bs4 import BeautifulSoup, NavigableString

from masterplan.pdf import tables as pdf_tables

LANGUAGE = "id_ID"
SOFT_HYPHEN = "\u00ad"
# Words of letters only, long enough to be worth breaking; numbers and programme codes (Rp1.250.000, BRD-07)
# never match, so an amount is never split.
WORD = re.compile(r"(?<![\w\-./@])[^\W\d_]{7,}(?![\w\-/@])")
# Text inside these is never hyphenated: links and web addresses, code, abbreviations, the "perlu
# verifikasi" badge.
SKIP = ("a", "code", "kbd", "abbr")
SKIP_CLASS = "perlu-verifikasi"
# The column widths are estimates (masterplan.pdf.tables.LINE_CHARACTERS): a word longer than this share of
# a line of its column gets its hyphenation points too, so that no word is ever wider than its cell.
FIT_MARGIN = 0.85


def _skipped(text: NavigableString) -> bool:
    return any(parent.name in SKIP or SKIP_CLASS in (parent.get("class") or []) for parent in text.parents)


def hyphenate(soup: BeautifulSoup) -> int:
    """Insert soft hyphens at pyphen's Indonesian hyphenation points into every word of a table cell of
    ``soup`` that is longer than a line of its column (:func:`masterplan.pdf.tables.cell_characters`);
    returns how many words got at least one.

    Only such words: WeasyPrint 70 ends a line at the first hyphenation point it meets, so a cell whose
    every word can break is set as a staircase of short lines ("Cegah aplikasi tum-/pang tindih"). A word
    that fits on a line breaks only at spaces; a longer one breaks at its hyphens, never anywhere else.
    """
    dictionary = pyphen.Pyphen(lang=LANGUAGE, left=2, right=3)
    changed = 0
    for table in soup.body.find_all("table"):
        columns = pdf_tables.column_characters(table)
        for cell in table.select("td, th"):
            if cell.find_parent("table") is not table:
                continue  # a nested table's cells are measured against their own columns
            fits = pdf_tables.cell_characters(cell, columns)
            for text in cell.find_all(string=True):
                if type(text) is not NavigableString or not WORD.search(text) or _skipped(text):
                    continue  # comments, CDATA and the like; links, code, badges
                long_words = [m.group(0) for m in WORD.finditer(text) if len(m.group(0)) > fits * FIT_MARGIN]
                if long_words:
                    text.replace_with(WORD.sub(lambda m: dictionary.inserted(m.group(0), SOFT_HYPHEN)
                                               if m.group(0) in long_words else m.group(0), str(text)))
                    changed += len(long_words)
    return changed


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


def attach_spaces(soup: BeautifulSoup) -> int:
    """Move the space before bold, italic or an abbreviation into it ("data. <em>Baseline,</em>" becomes
    "data.<em> Baseline,</em>"); returns how many were moved.

    WeasyPrint 70 does not break a line at a space that ends a text right before such an element when that
    text (from the start of the line) just fills the line: it falls back to the text's first break and the
    line holds one word (Lampiran F.10, item 3 printed "Jumlah" alone above "rumah produksi bersama …
    sumber data."). A space inside the element breaks as any other. CATATAN-TEKNIS.md C73.
    """
    moved = 0
    for element in soup.body.find_all(RUN_IN):
        before, first = element.previous_sibling, next(iter(element.contents), None)
        if (type(before) is NavigableString and before.endswith(" ") and before.strip()
                and type(first) is NavigableString and first[:1].strip()):
            before.replace_with(before[:-1])
            first.replace_with(" " + first)
            moved += 1
    return moved


ABBREVIATION = "abbr"


def unwrap_abbreviations(soup: BeautifulSoup) -> int:
    """Replace every ``<abbr>`` of ``soup`` by its text (after :func:`hyphenate` and
    :func:`attach_punctuation`, which skip and use them); returns how many were unwrapped.

    On paper an abbreviation's expansion (its ``title``, a tooltip on the site) is never shown, and
    styles.scss prints it as plain text; but each one is an inline box of its own for WeasyPrint 70
    (2,180 of the plan's 12,309 elements): laid out, drawn and tagged separately. At its edges WeasyPrint
    ends lines early (BAB VIII printed "mengatur" alone on a line before "OPD") and drops the space
    between two adjacent ones from the text layer ("SDM TIK" read back as "SDMTIK"). As plain text it
    reads back with its spaces and the build's peak memory is lower (638 -> 549 MiB); the characters of
    every page and the page count stay the same (CATATAN-TEKNIS.md, C66).
    """
    found = soup.body.find_all(ABBREVIATION)
    for abbreviation in found:
        abbreviation.unwrap()
    return len(found)
