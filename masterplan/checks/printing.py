"""What the website shows right but the PDF prints wrong, without any error from WeasyPrint:

- ``SVG-FOREIGNOBJECT``: an SVG whose labels sit in ``<foreignObject>`` (draw.io and mermaid exports)
  loses them in the PDF (Kozea/WeasyPrint#2483);
- ``GAMBAR-STYLE``: an image sized with ``style="width: …"`` prints at full size (the PDF plugin reads
  the attribute wrongly, CATATAN-TEKNIS.md); ``width=`` works everywhere;
- ``KARAKTER-TANPA-FON``: a character that none of the document's fonts (``docs/assets/fonts``) has
  prints as an empty box;
- ``PDF-TOC-LEVEL``: mkdocs-with-pdf's ``toc_level`` outside 1–3 silently drops the Daftar Isi
  (:func:`check_config`, on ``mkdocs.yml``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from masterplan.model import site_config
from masterplan.model.site_config import CONFIG, PDF_PLUGIN
from masterplan.model.problems import EDITORS_GUIDE, Problem, help_reference
from masterplan.model.rules import message
from .images import images, local_file
from .safety import html_fragments, tags

if TYPE_CHECKING:
    from . import Context, Page

FONTS = "assets/fonts"  # inside docs/: the fonts the site and the PDF embed
SIZE_IN_STYLE = re.compile(r"(?:^|;)\s*(?:max-|min-)?(?:width|height)\s*:", re.IGNORECASE)
# An image with Markdown attributes: ![alt](src){ style="width: 50%" } (attr_list).
ATTR_LIST_STYLE = re.compile(r"!\[[^\]]*\]\([^)]*\)\{[^}]*\bstyle\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def covered(fonts_dir: Path) -> frozenset[int]:
    """Code points that at least one font file (``.woff2``, ``.woff``, ``.ttf``, ``.otf``) in
    ``fonts_dir`` has a glyph for; empty when the folder has none (then nothing is reported)."""
    from fontTools.ttLib import TTFont  # here: the build's kept check results seldom need the fonts

    points: set[int] = set()
    for path in sorted(fonts_dir.glob("*")):
        if path.suffix.lower() in (".woff2", ".woff", ".ttf", ".otf"):
            with TTFont(path, lazy=True) as font:
                points.update(font.getBestCmap() or {})
    return frozenset(points)


def _foreign_objects(svg: str) -> int:
    """How many ``<foreignObject>`` elements the SVG text has (0 when it is not XML)."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError:
        return len(re.findall(r"<foreignObject\b", svg, flags=re.IGNORECASE))
    return sum(1 for element in root.iter() if element.tag.rsplit("}", 1)[-1] == "foreignObject")


def _svg_labels(page: Page, context: Context) -> Iterator[Problem]:
    fix = message("SVG-FOREIGNOBJECT", "perbaikan")
    for src, _, line, html in images(page):
        if not urlsplit(src).path.lower().endswith(".svg"):
            continue
        target = local_file(src, html, page, context)
        if target is None or not target.is_file():
            continue  # GAMBAR-HILANG reports it
        count = _foreign_objects(target.read_text(encoding="utf-8", errors="replace"))
        if count:
            yield context.problem(page, line, 0, "SVG-FOREIGNOBJECT", message(
                "SVG-FOREIGNOBJECT", "berkas", gambar=src, jumlah=count, perbaikan=fix))
    for fragment, line in html_fragments(page):
        if "<svg" in fragment.lower() and _foreign_objects(fragment):
            yield context.problem(page, line, 0, "SVG-FOREIGNOBJECT",
                                  message("SVG-FOREIGNOBJECT", "naskah", perbaikan=fix))


def _styled_images(page: Page, context: Context) -> Iterator[Problem]:
    for fragment, line in html_fragments(page):
        for tag, attributes in tags(fragment):
            if tag == "img" and SIZE_IN_STYLE.search(attributes.get("style", "")):
                yield context.problem(page, line, 0, "GAMBAR-STYLE",
                                      message("GAMBAR-STYLE", "di_style", gaya=attributes["style"]))
    for number, text in enumerate(page.document.body.splitlines(), start=page.document.body_line):
        for match in ATTR_LIST_STYLE.finditer(text):
            if SIZE_IN_STYLE.search(match.group(1)):
                yield context.problem(page, number, match.start() + 1, "GAMBAR-STYLE",
                                      message("GAMBAR-STYLE", "di_style", gaya=match.group(1)))


def _uncovered_characters(page: Page, context: Context) -> Iterator[Problem]:
    points = covered(context.docs_dir / FONTS)
    if not points or page.name.startswith(EDITORS_GUIDE):  # not printed
        return
    # invisible characters are KARAKTER-TAK-TERLIHAT's
    uncovered = {char for char in set(page.document.body)
                 if ord(char) not in points and unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")}
    if not uncovered:  # the usual case, decided per distinct character rather than per character
        return
    for number, text in enumerate(page.document.body.splitlines(), start=page.document.body_line):
        for column, char in enumerate(text, start=1):
            if char not in uncovered:
                continue
            name = unicodedata.name(char, "tanpa nama")
            yield context.problem(page, number, column, "KARAKTER-TANPA-FON",
                                  message("KARAKTER-TANPA-FON", "karakter", karakter=char, kode=f"{ord(char):04X}",
                                          nama=name))


def check(page: Page, context: Context) -> Iterator[Problem]:
    """SVG-FOREIGNOBJECT, GAMBAR-STYLE and KARAKTER-TANPA-FON."""
    yield from _svg_labels(page, context)
    yield from _styled_images(page, context)
    yield from _uncovered_characters(page, context)


TOC_LEVELS = range(1, 4)  # what mkdocs-with-pdf 0.9.3 draws a Daftar Isi for


def check_config(root: Path) -> list[Problem]:
    """PDF-TOC-LEVEL: ``toc_level`` of the PDF plugin in ``root/mkdocs.yml`` is 1, 2 or 3 (or unset).

    Other values make mkdocs-with-pdf leave out the Daftar Isi without a word. Never raises.
    """
    source = site_config.source(root)
    config = source.data if isinstance(source.data, dict) else {}
    for index, plugin in enumerate(config.get("plugins") or []):
        if not isinstance(plugin, dict) or not isinstance(plugin.get(PDF_PLUGIN), dict):
            continue
        level = plugin[PDF_PLUGIN].get("toc_level")
        if level is None or (isinstance(level, int) and not isinstance(level, bool) and level in TOC_LEVELS):
            return []
        rule = "PDF-TOC-LEVEL"
        return [Problem(CONFIG, source.line_of("plugins", index, PDF_PLUGIN, "toc_level"), 0, rule,
                        message(rule, "di_luar", nilai=level) + " " + help_reference(rule))]
    return []
