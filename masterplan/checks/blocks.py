"""pymdownx blocks (``/// table-caption`` ... ``///``): known names, closed, and a caption for every table.

- BLOK-TAKDIKENAL: a block whose name the build does not know (``/// tabel-caption``) is printed as text
  on the page and in the PDF. Known names are the caption types configured in mkdocs.yml
  (``pymdownx.blocks.caption``), read through :mod:`masterplan.site_config`.
- BLOK-TERBUKA: a block that is opened and never closed swallows the rest of the page.
- TABEL-JUDUL: every table has a ``/// table-caption`` block right after it (the captions rule: numbered
  "Tabel 2.1", listed in the PDF's Daftar Tabel). Tables that the build generates bring their own. A
  ``/// table-caption`` written above its table (Word's habit) or after something else is reported too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model import site_config
from masterplan.model.documents import LINE_BREAK
from masterplan.model.problems import Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

_OPEN = re.compile(r"^(?P<slashes>/{3,})[ \t]*(?P<name>[^\s|]+)?[ \t]*(?:\|.*)?$")
TABLE_CAPTION = "table-caption"


def blocks(page: Page) -> Iterator[tuple[int, int | None, str]]:
    """Every ``///`` block of the page outside code as ``(opening index, closing index or None, name)``;
    indexes are 0-based lines of ``document.content_body``. A line of slashes alone closes the innermost
    open block with as many slashes."""
    document = page.document
    lines = LINE_BREAK.split(document.content_body)
    code = {n - document.body_line for n in document.code_lines}
    stack: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        if index in code:
            continue
        match = _OPEN.match(line.strip())
        if not match:
            continue
        slashes, name = match.group("slashes"), match.group("name")
        if name:
            stack.append((index, slashes, name))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][1] == slashes:
                opened, _, opened_name = stack.pop(depth)
                yield opened, index, opened_name
                break
    for opened, _, name in stack:
        yield opened, None, name


def _caption_follows(tokens: list, close: int) -> bool:
    following = tokens[close + 1] if close + 1 < len(tokens) else None
    if following is None or following.type != "paragraph_open":
        return False
    # Any block counts: a misspelt one ("/// tabel-caption") is BLOK-TAKDIKENAL's to report.
    return bool(_OPEN.match(tokens[close + 2].content.split("\n", 1)[0].strip()))


def _nonblank(lines: list[str], indexes: range) -> int | None:
    return next((i for i in indexes if lines[i].strip()), None)


def _misplaced_captions(page: Page, context: Context, lines: list[str], tables: list[list[int]]
                        ) -> Iterator[tuple[Problem, int | None]]:
    """TABEL-JUDUL for every closed ``/// table-caption`` block whose preceding block is not a table,
    with the first line of the table right below it when the caption was written above its table (as
    Word places it), else None."""
    offset = page.document.body_line
    for opened, closed, name in blocks(page):
        if name != TABLE_CAPTION or closed is None:
            continue
        before = _nonblank(lines, range(opened - 1, -1, -1))
        if before is not None and any(first <= before < last for first, last in tables):
            continue
        after = _nonblank(lines, range(closed + 1, len(lines)))
        table = next((first for first, _ in tables if first == after), None)
        if table is not None:
            yield context.problem(page, opened + offset, 1, "TABEL-JUDUL",
                                  message("TABEL-JUDUL", "di_atas_tabel", baris=table + offset,
                                          awal=context.rules.source_opening)), table
        else:
            yield context.problem(page, opened + offset, 1, "TABEL-JUDUL",
                                  message("TABEL-JUDUL", "bukan_di_bawah_tabel")), None


def check(page: Page, context: Context) -> Iterator[Problem]:
    """BLOK-TAKDIKENAL, BLOK-TERBUKA and TABEL-JUDUL."""
    document = page.document
    offset = document.body_line
    known = site_config.read(context.docs_dir.parent).block_names
    lines = LINE_BREAK.split(document.content_body)
    for opened, closed, name in blocks(page):
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            guess = message("BLOK-TAKDIKENAL", "mungkin", nama=close[0]) if close else ""
            yield context.problem(page, opened + offset, 1, "BLOK-TAKDIKENAL", message(
                "BLOK-TAKDIKENAL", "tidak_dikenal", nama=name, mungkin=guess,
                tersedia=", ".join("/// " + k for k in known)))
        if closed is None:
            text_line = next((i for i in range(opened + 1, len(lines)) if lines[i].strip()), opened)
            yield context.problem(page, opened + offset, 1, "BLOK-TERBUKA",
                                  message("BLOK-TERBUKA", "tidak_ditutup", nama=name, baris=text_line + offset))
    tokens = document.content_tokens
    tables = [token.map for token in tokens if token.type == "table_open" and token.map]
    above: set[int] = set()  # first lines of tables whose caption is written above them
    for problem, table in _misplaced_captions(page, context, lines, tables):
        yield problem
        if table is not None:
            above.add(table)
    for index, token in enumerate(tokens):
        if token.type != "table_open" or not token.map or token.map[0] in above:
            continue
        close = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        if not _caption_follows(tokens, close):
            yield context.problem(page, token.map[0] + offset, 1, "TABEL-JUDUL",
                                  message("TABEL-JUDUL", "tanpa_keterangan",
                                          awal=context.rules.source_opening))
