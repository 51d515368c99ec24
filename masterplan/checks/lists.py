"""DAFTAR-BARIS-KOSONG: a list right under a line of text, without a blank line between them.

The GitHub web editor's preview (CommonMark) shows such a list as a list, but the site and the PDF are
built with Python-Markdown, which needs a blank line before a list and otherwise prints the items as one
run-on paragraph ("Langkah berikutnya: - Menetapkan ... - Menyusun ..."). Nested lists inside an item are
not affected.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.problems import Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

_LISTS = ("bullet_list_open", "ordered_list_open")


def check(page: Page, context: Context) -> Iterator[Problem]:
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
