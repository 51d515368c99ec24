"""JUDUL-NOMOR-BAB: the chapter label ("BAB IX") is written by the build, never typed into the H1.

The build numbers every chapter from the page's place in the navigation and its front-matter ``bab:``
(``masterplan.numbering``); a label typed by hand ("# BAB IX PENUTUP", often pasted from Word in capitals)
ends up doubled or contradicting the real number, and the capitals break the title's match in the
navigation and the PDF's table of contents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.problems import Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

_LABEL = re.compile(r"^(?P<label>(?:bab|lampiran)\s+(?:[ivxlc]+|\d{1,2}|[a-z])\b[.:\s-]*)(?P<rest>.*)$",
                    re.IGNORECASE)


def check(page: Page, context: Context) -> Iterator[Problem]:
    """JUDUL-NOMOR-BAB for a hand-typed "BAB ..." or "LAMPIRAN ..." at the start of the page's H1."""
    for heading in page.document.headings:
        if heading.level != 1:
            continue
        match = _LABEL.match(heading.text)
        if not match:
            continue
        title = page.document.meta.get("title")
        rest = match.group("rest").strip()
        suggestion = title if isinstance(title, str) and title.strip() else (rest.capitalize() or "Judul Bab")
        yield context.problem(page, heading.line, 1, "JUDUL-NOMOR-BAB", message(
            "JUDUL-NOMOR-BAB", "nomor_diketik", label=match.group("label").strip(), judul=suggestion))
