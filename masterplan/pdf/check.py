"""Reads the built PDF back and says which nav pages are missing from it.

mkdocs-with-pdf can stop laying out the document after an over-long article and still exit 0
(CATATAN-TEKNIS.md C1); comparing the PDF's bookmarks with the nav catches that.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError


def in_pdf(url: str, exclude_pages: list[str]) -> bool:
    """Whether mkdocs-with-pdf puts the page at site ``url`` (e.g. ``bab-1-pendahuluan/``) into the PDF:
    its ``exclude_pages`` option holds regexes matched at the start of the URL, ``^`` added if absent."""
    return not any(re.match(p if p.startswith("^") else f"^{p}", url) for p in exclude_pages)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def outline_titles(path: Path) -> list[str]:
    """All bookmark titles of the PDF at ``path``, depth-first in document order.

    Raises ``OSError`` if the file cannot be read and ``pypdf.errors.PdfReadError`` if it is no PDF.
    """
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)

    walk(PdfReader(path).outline)
    return found


def missing_titles(path: Path, expected: list[str]) -> list[str]:
    """Return one Indonesian message per problem: the PDF is absent or unreadable, or a title of
    ``expected`` (page titles in nav order) has no bookmark. An empty list means complete."""
    if not path.is_file():
        return [f"berkas {path.name} tidak ada"]
    try:
        titles = {_normal(t) for t in outline_titles(path)}
    except (OSError, PdfReadError) as error:
        return [f"berkas {path.name} tidak dapat dibaca ({error})"]
    missing = [title for title in expected if _normal(title) not in titles]
    if not missing:
        return []
    first = expected.index(missing[0])
    where = (f'tata letak berhenti sesudah "{expected[first - 1]}" (kemungkinan penyebabnya ada di bagian itu)'
             if first > 0 else "tata letak berhenti sebelum halaman pertama")
    return [where] + [f'"{title}" tidak ada di PDF' for title in missing]
