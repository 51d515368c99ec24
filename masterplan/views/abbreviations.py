"""Abbreviations explained on hover, from one source: the "Singkatan" table of the glossary page.

Editors maintain only that table (``docs/lampiran/daftar-istilah.md``); the build gives its rows to
Python-Markdown's ``abbr`` extension as its ``glossary`` option, so that every occurrence of the
abbreviation becomes ``<abbr title="…">`` on the website and in the PDF.
"""

from __future__ import annotations

from pathlib import Path

from masterplan.model.documents import load, normalize_heading

GLOSSARY = "lampiran/daftar-istilah.md"  # relative to docs/
SECTION = "Singkatan"


def from_glossary(path: Path) -> dict[str, str]:
    """``{abbreviation: expansion}`` from the first table under the ``## Singkatan`` heading of the
    Markdown file ``path`` (first column: abbreviation, second: expansion), in table order.

    Rows with an empty cell are skipped. Returns ``{}`` when the file or the section is missing.
    """
    if not path.is_file():
        return {}
    tokens = load(path, path.parent).tokens
    inside = False
    row: list[str] = []
    found: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            inside = normalize_heading(tokens[index + 1].content) == normalize_heading(SECTION)
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

