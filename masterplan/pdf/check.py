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
    """Return Indonesian messages for the titles of ``expected`` (page titles in nav order) that are not
    among ``titles`` (the PDF's bookmark titles, in document order). The PDF is laid out in parts
    (:mod:`masterplan.pdf.groups`), so layout can stop in more than one place: each run of missing titles
    is preceded by where it stopped, after the nav page before the run or, when the first nav page is
    missing, after the PDF's first bookmark (the cover's title); "before the first page" only for a PDF
    without bookmarks. An empty list means complete."""
    found = {_normal(t) for t in titles}
    problems: list[str] = []
    for index, title in enumerate(expected):
        if _normal(title) in found:
            continue
        if index == 0 or _normal(expected[index - 1]) in found:  # a run of missing titles starts here
            last_laid_out = expected[index - 1] if index > 0 else (titles[0] if titles else None)
            problems.append(f'tata letak berhenti sesudah "{last_laid_out}" (kemungkinan penyebabnya ada di '
                            "bagian itu atau sesudahnya)" if last_laid_out else
                            "tata letak berhenti sebelum halaman pertama")
        problems.append(f'"{title}" tidak ada di PDF')
    return problems
