"""Tables: each is followed by a source line ("Sumber: ...", right after the table or after its
``/// table-caption`` block, see README), and every row has as many cells as the header."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.documents import LINE_BREAK
from masterplan.model.problems import Problem
from masterplan.model.rules import message, source_pattern

if TYPE_CHECKING:
    from . import Context, Page

_CODE_SPAN = re.compile(r"(`+).*?\1")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def cell_count(row: str) -> int:
    """Number of cells in a pipe-table row; ``\\|`` and pipes inside `code` do not separate cells."""
    text = _CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), row.strip())
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return len(_CELL_BORDER.split(text))


def _paragraph_after(tokens: list, index: int) -> tuple[str | None, int]:
    """The text of the block right after the block closing at ``index`` (None if it is not a paragraph)
    and the index of that block's closing token."""
    start = index + 1
    if start >= len(tokens) or tokens[start].type != "paragraph_open":
        return None, start
    return tokens[start + 1].content, start + 2


def _has_source(tokens: list, close: int, prefix: str) -> bool:
    text, end = _paragraph_after(tokens, close)
    if text is not None and text.startswith("///"):  # the table's caption block, possibly over paragraphs
        while text is not None and not text.rstrip().endswith("\n///") and text.strip() != "///":
            text, end = _paragraph_after(tokens, end)
        if text is None:
            return True  # the caption block is never closed: BLOK-TERBUKA says so, not a missing source
        text, end = _paragraph_after(tokens, end)
    # The site and PDF recognise (and print as "Sumber:") the same openings: source_pattern, any case.
    return text is not None and re.match(rf"[*_ ]*{source_pattern(prefix)}", text, re.IGNORECASE) is not None


def check(page: Page, context: Context) -> Iterator[Problem]:
    """TABEL-SUMBER and TABEL-KOLOM for every pipe table of the page (admonitions included)."""
    prefix = context.rules.source_opening
    tokens = page.document.content_tokens
    lines = LINE_BREAK.split(page.document.content_body)
    offset = page.document.body_line
    for index, token in enumerate(tokens):
        if token.type != "table_open" or not token.map:
            continue
        first, last = token.map
        header = cell_count(lines[first])
        for row in range(first + 2, min(last, len(lines))):
            cells = cell_count(lines[row])
            if cells != header:
                yield context.problem(page, row + offset, 1, "TABEL-KOLOM", message(
                    "TABEL-KOLOM", "jumlah_sel", sel=cells, baris_judul=first + offset, kolom=header))
        close = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        if not _has_source(tokens, close, prefix):
            yield context.problem(page, first + offset, 1, "TABEL-SUMBER",
                                  message("TABEL-SUMBER", "tanpa_sumber", awal=prefix))
