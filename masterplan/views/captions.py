"""Table and figure captions laid out the Indonesian way, numbered per chapter ("Tabel 2.1").

Convention (domain reference §6): chapter number plus running number; table captions above the table,
figure captions below the figure; the "Sumber: …" line right after. Editors write a pymdownx
``/// table-caption`` block after the table; this module moves and renumbers what it produces.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from masterplan.model.numbering import PageNumbers

_KINDS = {"table": ("tabel", "Tabel"), "figure": ("gambar", "Gambar")}
SOURCE_PREFIX = re.compile(r"^\s*sumber\s*:", re.IGNORECASE)


def arrange(html: str, numbers: PageNumbers) -> str:
    """Return the page ``html`` with captions numbered ``<chapter>.<n>``, table captions moved above
    their table, figures classed ``tabel``/``gambar`` with ids ``tabel-2-1``, and source lines
    (paragraphs starting with "Sumber:") classed ``sumber``."""
    soup = BeautifulSoup(html, "html.parser")
    counters = {"table": numbers.tables_before, "figure": numbers.figures_before}
    for figure in soup.find_all("figure", id=re.compile(r"^__(table|figure)-caption_")):
        kind = "table" if figure["id"].startswith("__table") else "figure"
        css, word = _KINDS[kind]
        counters[kind] += 1
        number = f"{numbers.chapter}.{counters[kind]}" if numbers.chapter else str(counters[kind])
        figure["id"] = f"{css}-{number.replace('.', '-')}"
        figure["class"] = figure.get("class", []) + [css]
        caption = figure.find("figcaption", recursive=False)
        if caption is None:
            continue
        prefix = caption.find("span", class_="caption-prefix")
        if prefix is not None:
            prefix.string = f"{word} {number}"
        if kind == "table":
            figure.insert(0, caption.extract())
    for paragraph in soup.find_all("p"):
        if SOURCE_PREFIX.match(paragraph.get_text()):
            paragraph["class"] = paragraph.get("class", []) + ["sumber"]
    return str(soup)
