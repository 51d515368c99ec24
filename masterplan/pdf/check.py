"""Says which nav pages are missing from the PDF, from the bookmark titles of the rendered document.

mkdocs-with-pdf can stop laying out the document after an over-long article and still exit 0
(CATATAN-TEKNIS.md C1); comparing the PDF's bookmarks with the nav catches that.
"""

from __future__ import annotations

import re


def in_pdf(url: str, exclude_pages: list[str]) -> bool:
    """Whether mkdocs-with-pdf puts the page at site ``url`` (e.g. ``bab-1-pendahuluan/``) into the PDF:
    its ``exclude_pages`` option holds regexes matched at the start of the URL, ``^`` added if absent."""
    return not any(re.match(p if p.startswith("^") else f"^{p}", url) for p in exclude_pages)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def missing_titles(titles: list[str], expected: list[str]) -> list[str]:
    """Return one Indonesian message per problem: a title of ``expected`` (page titles in nav order) is
    not among ``titles`` (the PDF's bookmark titles, in document order), and first where layout seems to
    have stopped: after the last nav page found before the first missing one or, when the first nav page
    is missing, after the PDF's last bookmark (the cover's title); "before the first page" only for a
    PDF without bookmarks. An empty list means complete."""
    found = {_normal(t) for t in titles}
    missing = [title for title in expected if _normal(title) not in found]
    if not missing:
        return []
    first = expected.index(missing[0])
    last_laid_out = expected[first - 1] if first > 0 else (titles[-1] if titles else None)
    where = (f'tata letak berhenti sesudah "{last_laid_out}" (kemungkinan penyebabnya ada di bagian itu '
             "atau sesudahnya)" if last_laid_out else "tata letak berhenti sebelum halaman pertama")
    return [where] + [f'"{title}" tidak ada di PDF' for title in missing]
