"""Lists that the GitHub web editor's preview (CommonMark) shows otherwise than the site and the PDF, which
are built with Python-Markdown.

- DAFTAR-BARIS-KOSONG: a list right under a line of text, without a blank line between them. Python-Markdown
  needs a blank line before a list and otherwise prints the items as one run-on paragraph ("Langkah
  berikutnya: - Menetapkan ... - Menyusun ..."). Nested lists inside an item are not affected.
- DAFTAR-BERTINGKAT: a sub-item, or a later paragraph (table, code, image) of an item, indented less than
  four spaces per level. CommonMark nests it under the item from the column of the item's text (two spaces
  after "- ", three after "1. "); Python-Markdown only from four spaces per level (its tab_length), so the
  sub-items print as siblings of their parent and a later paragraph ends the list. A tab counts as four
  columns in both, so Word's tab-indented sub-lists nest on both sides. In a block quote the columns
  are counted after its "> ", as both parsers do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from markdown_it.token import Token

from masterplan.model.documents import LINE_BREAK
from masterplan.model.problems import Problem
from masterplan.model.rules import message
from .pasted import line_start, runs, span

if TYPE_CHECKING:
    from . import Context, Page

_LISTS = ("bullet_list_open", "ordered_list_open")
STEP = 4  # Python-Markdown's tab_length: each level of a list is indented this much more
_QUOTE_MARK = re.compile(r"^ {0,3}> ?")  # what both parsers take off a line of a block quote


def _blank_line_problems(page: Page, context: Context) -> Iterator[Problem]:
    """DAFTAR-BARIS-KOSONG for every top-level list that starts on the line after a paragraph."""
    document = page.document
    tokens = document.content_tokens
    for index, token in enumerate(tokens):
        if token.type not in _LISTS or token.level != 0 or not token.map or index == 0:
            continue
        before = tokens[index - 1]
        if before.type == "paragraph_close" and tokens[index - 3].map and tokens[index - 3].map[1] == token.map[0]:
            line = token.map[0] + document.body_line
            yield context.problem(page, line, 1, "DAFTAR-BARIS-KOSONG",
                                  message("DAFTAR-BARIS-KOSONG", "tanpa_baris_kosong", baris=line))


def indent(line: str) -> int:
    """Columns of ``line``'s leading spaces and tabs, a tab reaching the next multiple of four (as both
    CommonMark and Python-Markdown count it)."""
    return len(line[:len(line) - len(line.lstrip(" \t"))].expandtabs(STEP))


def after_quotes(line: str, depth: int) -> tuple[str, str]:
    """``line`` split into the marks of the ``depth`` block quotes it is in ("> ", which both parsers take
    off before they read the quote's lists) and the rest, whose indentation is the list's."""
    rest = line
    for _ in range(depth):
        rest = _QUOTE_MARK.sub("", rest, count=1)
    return line[:len(line) - len(rest)], rest


class Shallow(NamedTuple):
    """A block that CommonMark puts inside a list ``item`` but that is indented less than the ``needed``
    columns (four per enclosing item, after the marks of its ``quotes`` block quotes) that Python-Markdown
    asks. ``key`` groups the sub-items of one sub-list (its list token's index); a later block of an item
    is a group of its own."""

    key: int
    block: Token
    item: Token
    needed: int
    quotes: int


def shallow_blocks(tokens: list[Token], lines: list[str]) -> Iterator[Shallow]:
    """Every :class:`Shallow` block of the block ``tokens`` of ``lines``: sub-items, and the blocks of an
    item after its first line (a later paragraph, table, image, code)."""
    around: list[int] = []  # indexes of the open block tokens around the current one
    seen: dict[int, int] = {}  # list item token index -> child blocks met so far
    for index, token in enumerate(tokens):
        if token.nesting < 0:
            around.pop()
            continue
        if token.map and token.type != "inline":
            yield from _shallow(index, tokens, lines, around, seen)
        if token.nesting > 0:
            around.append(index)


def _shallow(index: int, tokens: list[Token], lines: list[str], around: list[int], seen: dict[int, int]
             ) -> Iterator[Shallow]:
    """What :func:`shallow_blocks` says of the block token at ``index`` inside the blocks ``around`` it."""
    token = tokens[index]
    items = [i for i in around if tokens[i].type == "list_item_open"]
    parent = around[-1] if around else None
    quotes = sum(1 for i in around if tokens[i].type == "blockquote_open")
    needed = STEP * len(items)
    shallow = indent(after_quotes(lines[token.map[0]], quotes)[1]) < needed
    if token.type == "list_item_open":
        if items and shallow:
            yield Shallow(parent, token, tokens[items[-1]], needed, quotes)
    elif parent is not None and tokens[parent].type == "list_item_open":
        seen[parent] = seen.get(parent, 0) + 1
        # The item's first block starts on its marker's line; a sub-list is judged by its items above.
        if seen[parent] > 1 and token.type not in _LISTS and shallow:
            yield Shallow(index, token, tokens[parent], needed, quotes)


def _nesting_problems(page: Page, context: Context) -> Iterator[Problem]:
    """DAFTAR-BERTINGKAT once per sub-list (at its first shallow item, naming all of them) and once per
    later block of an item, at the line where the editor adds the spaces."""
    document = page.document
    lines = LINE_BREAK.split(document.content_body)
    written = LINE_BREAK.split(document.body)  # the same lines with the admonitions' own four spaces
    offset = document.body_line
    groups: dict[int, list[Shallow]] = {}
    for found in shallow_blocks(document.content_tokens, lines):
        groups.setdefault(found.key, []).append(found)
    for found in groups.values():
        first, needed = found[0].block.map[0], found[0].needed
        marks, rest = after_quotes(lines[first], found[0].quotes)
        if not marks:  # the editor counts the spaces in the file, an admonition's body's four among them
            needed += indent(written[first]) - indent(lines[first])
            rest = written[first]
        shown = ", ".join(span(run) for run in runs([f.block.map[0] + offset for f in found]))
        kind = "sub_butir" if found[0].block.type == "list_item_open" else "lanjutan"
        yield context.problem(page, first + offset, 1, "DAFTAR-BERTINGKAT", message(
            "DAFTAR-BERTINGKAT", kind, baris=shown, spasi=indent(rest), perlu=needed,
            induk=found[0].item.map[0] + offset, contoh=marks + " " * needed + line_start(rest)))


def check(page: Page, context: Context) -> Iterator[Problem]:
    """DAFTAR-BARIS-KOSONG and DAFTAR-BERTINGKAT."""
    yield from _blank_line_problems(page, context)
    yield from _nesting_problems(page, context)
