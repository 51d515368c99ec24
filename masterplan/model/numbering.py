"""Chapter and section numbers (BAB I, 1.1, 1.1.1; Lampiran A, A.1) computed once from the nav.

The same numbers are written into the headings of the website and of the PDF, so that the Daftar Isi,
the pages and cross-references agree. Convention: Indonesian report practice (BAB in capital Roman
numerals, sub-chapters in Arabic decimal numbers), CATATAN-TEKNIS.md, "Konvensi dokumen".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from masterplan.model.documents import Document, Heading

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    """Return ``number`` (1–3999) in capital Roman numerals; raises ``ValueError`` outside that range."""
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True)
class PageNumbers:
    """How one page is numbered.

    ``label``: text before the H1 ("BAB I", "5.3", "Lampiran A") or None for unnumbered pages;
    ``chapter_title``: True when the label opens a chapter (printed above the title);
    ``base``: prefix of H2 numbers ("1", "5.3", "A"); ``first``: number of the page's first H2;
    ``depth``: how many heading levels below the H1 are numbered (2: H2 and H3; 1: H2 only);
    ``chapter``: the chapter's number or letter for captions ("2" gives "Tabel 2.1"), and
    ``tables_before``/``figures_before``: captions on earlier pages of the same chapter, so that
    numbering continues across the pages of a chapter.
    """

    label: str | None
    chapter_title: bool = False
    base: str | None = None
    first: int = 1
    depth: int = 0
    chapter: str | None = None
    tables_before: int = 0
    figures_before: int = 0

    def numbers(self, headings: list[Heading]) -> dict[int, str]:
        """Map each numbered heading's line to its number, e.g. ``{12: "1.1", 20: "1.1.1"}``."""
        if not self.base or not self.depth:
            return {}
        found: dict[int, str] = {}
        h2 = self.first - 1
        h3 = 0
        for heading in headings:
            if heading.level == 2:
                h2, h3 = h2 + 1, 0
                found[heading.line] = f"{self.base}.{h2}"
            elif heading.level == 3 and self.depth >= 2 and h2 >= self.first:
                h3 += 1
                found[heading.line] = f"{self.base}.{h2}.{h3}"
        return found


# A pymdownx caption block's opening line, ``/// table-caption`` or ``/// figure-caption`` with optional
# ``| arguments``: the one definition, for counting here and for numbering in views/captions.py.
CAPTION_BLOCK = re.compile(r"^(?P<head>[ \t]*///[ \t]*(?P<kind>table|figure)-caption)[ \t]*(?:\|(?P<args>.*))?$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def caption_blocks(lines: list[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """``(index, match of CAPTION_BLOCK)`` for every caption block opened in ``lines`` (a page's Markdown
    split at newlines), skipping fenced code: the editors' guide shows the syntax without numbering it."""
    fence = None
    for index, line in enumerate(lines):
        opener = _FENCE.match(line)
        if opener and (fence is None or opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence)):
            fence = None if fence else opener.group(1)
            continue
        match = None if fence else CAPTION_BLOCK.match(line)
        if match:
            yield index, match


def _count_h2(document: Document) -> int:
    return sum(1 for heading in document.headings if heading.level == 2)


def count_captions(document: Document) -> tuple[int, int]:
    """Number of ``(table, figure)`` caption blocks (pymdownx.blocks.caption) in a page body."""
    kinds = [match.group("kind") for _, match in caption_blocks(document.body.split("\n"))]
    return kinds.count("table"), kinds.count("figure")


def plan(top_level: list[list[tuple[str, Document]]]) -> dict[str, PageNumbers]:
    """Number every page of the nav.

    ``top_level`` is the nav's top-level entries in order, each a list of ``(src_uri, Document)``: one
    element for a page, the pages in order for a section. A page or section whose first page has an
    integer ``bab`` in its front matter is a chapter; pages with ``lampiran`` (a letter) are appendices;
    everything else is unnumbered. Returns ``{src_uri: PageNumbers}`` for every page given.
    """
    result: dict[str, PageNumbers] = {}
    for entry in top_level:
        first_meta = entry[0][1].meta if entry else {}
        bab = first_meta.get("bab")
        if isinstance(bab, int) and not isinstance(bab, bool) and bab > 0:
            base = str(bab)
            uri, document = entry[0]
            result[uri] = PageNumbers(f"BAB {roman(bab)}", True, base, 1, 2, base)
            next_number = _count_h2(document) + 1
            tables, figures = count_captions(document)
            for uri, document in entry[1:]:
                own = f"{base}.{next_number}"
                result[uri] = PageNumbers(own, False, own, 1, 1, base, tables, figures)
                next_number += 1
                more_tables, more_figures = count_captions(document)
                tables, figures = tables + more_tables, figures + more_figures
            continue
        for uri, document in entry:
            letter = document.meta.get("lampiran")
            if isinstance(letter, str) and letter.strip():
                letter = letter.strip().upper()
                result[uri] = PageNumbers(f"Lampiran {letter}", True, letter, 1, 1, letter)
            else:
                result[uri] = PageNumbers(None)
    return result
