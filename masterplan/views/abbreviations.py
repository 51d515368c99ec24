"""Abbreviations explained on hover, tap and keyboard focus, from one source: the "Singkatan" table of
the glossary page.

Editors maintain only that table (``docs/lampiran/daftar-istilah.md``); the build gives its rows to
Python-Markdown's ``abbr`` extension as its ``glossary`` option, so that every occurrence of the
abbreviation becomes ``<abbr title="…">`` on the website and in the PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

from masterplan.model import rules
from masterplan.model.documents import load, normalize_heading
from masterplan.model.result_cache import ResultCache

GLOSSARY = "lampiran/daftar-istilah.md"  # relative to docs/
SECTION = "Singkatan"


def section_names() -> frozenset[str]:
    """The headings (normalised) the abbreviation table may stand under: the glossary's required section
    ``Singkatan`` in rules.yml (``bagian_wajib``) with the other names it accepts ("Daftar Singkatan"), so
    that a glossary the editors' checks accept is one the build reads. Only ``Singkatan`` when rules.yml
    names no such section."""
    wanted = normalize_heading(SECTION)
    outline = rules.load().outlines.get(GLOSSARY)
    for section in outline.sections if outline else ():
        names = frozenset(normalize_heading(name) for name in (section.title, *section.aliases))
        if wanted in names:
            return names
    return frozenset({wanted})


def from_glossary(path: Path) -> dict[str, str]:
    """``{abbreviation: expansion}`` from the first table under the ``## Singkatan`` heading (or a name
    rules.yml accepts for it, :func:`section_names`) of the Markdown file ``path`` (first column:
    abbreviation, second: expansion), in table order.

    Rows with an empty cell are skipped. Returns ``{}`` when the file or the section is missing.
    """
    if not path.is_file():
        return {}
    tokens = load(path, path.parent).tokens
    names = section_names()
    inside = False
    row: list[str] = []
    found: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            inside = normalize_heading(tokens[index + 1].content) in names
        elif inside and token.type == "tbody_open":
            row = []
        elif inside and token.type == "inline" and tokens[index - 1].type == "td_open":
            row.append(token.content.strip())
        elif inside and token.type == "tr_close" and len(row) >= 2:
            if row[0] and row[1]:
                found[row[0]] = row[1]
            row = []
        elif inside and token.type == "table_close":
            break
    return found


def for_page(mdx_configs: dict, glossary: dict[str, str], markdown: str, memo: ResultCache | None = None) -> None:
    """Give the abbr extension (its ``glossary`` option in MkDocs' ``mdx_configs``, from which MkDocs
    makes one Markdown converter per page) the entries of ``glossary`` whose abbreviation occurs in
    ``markdown``, the page about to be rendered, or in the other extensions' options (text they add, such
    as a permalink title), in glossary order. The HTML is the same as with the whole glossary, whose
    definitions appended to every page once cost 15 % of the build: an abbreviation that is not in the
    Markdown is in no text of the page; but the extension matches one pattern of every abbreviation it
    has against every text of the page, and with all 88 that was a tenth of the rendering. ``memo`` (the
    build's) keeps which abbreviations a page's text holds between builds."""
    added = repr({name: options for name, options in mdx_configs.items() if name != "abbr"})

    def found() -> list[str]:
        return [term for term in glossary if term in markdown or term in added]

    terms = memo.get("singkatan", (markdown, added, *glossary), found) if memo is not None else found()
    mdx_configs["abbr"] = {**mdx_configs.get("abbr", {}), "glossary": {term: glossary[term] for term in terms}}


_ABBR = re.compile(r'<abbr title="([^"]*)">')
_HEADER_ROW = re.compile(r"<thead\b.*?</thead>", re.DOTALL)


def reachable(page_html: str) -> str:
    """``page_html`` with every ``<abbr title>`` focusable, so that a tap or a click shows its expansion
    (the stylesheet writes the title after a focused abbreviation; a title tooltip needs a mouse): the
    first occurrence of each abbreviation on the page is in the Tab order (``tabindex="0"``), later
    ones only take focus from a tap or click (``tabindex="-1"``), so that keyboard users meet each
    explanation once rather than at every occurrence. An abbreviation in a table's header row never
    takes a Tab stop: on a phone that row is hidden (each row becomes a card, table_cards.py), and the
    stop would be invisible."""
    seen: set[str] = set()

    def focusable(match: re.Match) -> str:
        first = match.group(1) not in seen
        seen.add(match.group(1))
        return f'<abbr title="{match.group(1)}" tabindex="{0 if first else -1}">'

    def header(match: re.Match) -> str:
        return _ABBR.sub(r'<abbr title="\1" tabindex="-1">', match.group(0))

    parts = []
    position = 0
    for row in _HEADER_ROW.finditer(page_html):
        parts += [_ABBR.sub(focusable, page_html[position:row.start()]), header(row)]
        position = row.end()
    return "".join(parts + [_ABBR.sub(focusable, page_html[position:])])
