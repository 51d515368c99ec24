"""Where a line of a page sits, named for a reader of the printed plan (chapter, section, list item or
table row) rather than by a quote of it or a file path: the Daftar Kebutuhan Data names each need's place
this way (masterplan.views.data_needs; ministry review item 19, CATATAN-TEKNIS.md C55)."""

from __future__ import annotations

import re

from masterplan.model import markers
from masterplan.model.numbering import roman

MARKUP = re.compile(r"\*\*|(?<!\w)\*|`|\[([^\]]*)\]\([^)]*\)")  # emphasis, code marks, link targets
_HEADING = re.compile(r"^#{2,4}\s+(?P<text>.+?)\s*(?:\{[^}]*\})?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<text>.+)$")
_LABEL_END = re.compile(r"\s[(–—]|[.:;]\s|[.:;]?$")
LABEL_WORDS = 6  # a list item or table row is named by its first words, up to its first bracket or stop


def place(meta: dict, title: str, lines: list[str], line: int) -> str:
    """Where line ``line`` (1-based) of a page body ``lines`` sits, for a reader of the printed plan:
    the part (``BAB III`` from front matter ``bab``, ``Lampiran F`` from ``lampiran``) and ``title``, the
    section heading above it, and for a list item or table row its first words
    (``Lampiran G Daftar Pustaka, butir "ANTARA Bali"``)."""
    part = f"BAB {roman(meta['bab'])} {title}" if isinstance(meta.get("bab"), int) else (
        f"Lampiran {meta['lampiran']} {title}" if meta.get("lampiran") else title)
    headings = [m.group("text") for text in lines[:line] if (m := _HEADING.match(text))]
    where = f"{part}, bagian {plain(headings[-1])}" if headings else part
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if text.lstrip().startswith("|"):
        kind, label = "baris", text.strip().strip("|").split("|")[0]
    elif (item := _ITEM.match(text)):
        kind, label = "butir", item.group("text")
    else:
        return where
    label = plain(markers.MARKER.sub("", label))
    label = label[:_LABEL_END.search(label).start()].strip()
    words = label.split()
    return f"{where}, {kind} \"{' '.join(words[:LABEL_WORDS])}{' …' if len(words) > LABEL_WORDS else ''}\"" \
        if words else where


def plain(text: str) -> str:
    """``text`` without Markdown emphasis, code marks and link targets, spaces collapsed."""
    return " ".join(MARKUP.sub(lambda m: m.group(1) or "", text).split())
