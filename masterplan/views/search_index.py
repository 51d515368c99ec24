"""Site search in Indonesian: what goes into Material's search index, and the index the reader loads.

Material's search (lunr) has no Indonesian stemmer and downloads its whole index on every page load. We
keep Material's search interface and worker, and change three things at build time:

* the editors' guide (``docs/panduan/``) is not in the readers' search;
* a table is indexed as one line per row with its column headers ("Program: …; Biaya: …"), so a
  result's snippet does not run the cells together;
* the index that Material fetches on every page becomes a stub holding only its settings; the full index
  goes to ``search/search_index_id.js`` with the root word (PySastrawi) of every word that has one. The
  search worker (``overrides/assets/javascripts/workers/search-id.js``) loads that file, and Material's
  worker, only when the reader first types a query.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

EDITORS_GUIDE = "panduan/"  # pages for editors only: not in the readers' search (nor in the PDF)
# Printed worksheets for the offices at the next workshop: every office's data gaps repeat the plan's
# words ("layanan", "desa"), which would bury the chapters a reader is looking for.
WORKSHEETS = "lampiran/kebutuhan-data"
FULL_INDEX = "search/search_index_id.js"  # loaded by the search worker on the first query
FULL_INDEX_VARIABLE = "searchIndexId"  # the global that file sets in the worker
MATERIAL_WORKER = "assets/javascripts/workers/search.*.min.js"  # Material's worker; its name has a hash

_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def in_readers_search(src_uri: str) -> bool:
    """Whether the page built from ``src_uri`` (path under docs/, e.g. ``panduan/index.md``) belongs in
    the readers' search: every page except the editors' guide and the offices' data worksheets."""
    return not src_uri.startswith((EDITORS_GUIDE, WORKSHEETS))


class _TableReader(HTMLParser):
    """Collects the text of each cell of one HTML table, row by row, and which rows are header rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[bool, list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self.rows.append((False, []))
        elif tag in ("td", "th") and self.rows:
            self._cell = []
            if tag == "th" and not self.rows[-1][1]:
                self.rows[-1] = (True, self.rows[-1][1])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1][1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_row_lines(table_html: str) -> list[str]:
    """One line of text per body row of ``table_html``: each non-empty cell as "Header: value", joined
    with "; ". A table without header row gives its cells joined with "; ". Returns [] for no rows."""
    reader = _TableReader()
    reader.feed(table_html)
    headers = next((cells for is_header, cells in reader.rows if is_header), [])
    lines = []
    for is_header, cells in reader.rows:
        if is_header:
            continue
        parts = [f"{headers[i]}: {cell}" if i < len(headers) and headers[i] else cell
                 for i, cell in enumerate(cells) if cell]
        if parts:
            lines.append("; ".join(parts))
    return lines


_HEADING = re.compile(r"<h([1-6])\b[^>]*\bid=\"([^\"]+)\"", re.IGNORECASE)


def mark_tables(page_html: str, page_url: str) -> tuple[str, dict[str, list[str]]]:
    """``page_html`` with every table marked ``data-search-exclude`` (Material's search plugin skips it,
    then removes the attribute, so the page is unchanged), and the row lines of those tables keyed by
    the search location of the section that holds them: ``page_url`` for text before the first heading
    after the page title, else ``page_url#heading-id``, as Material's index names its sections."""
    rows: dict[str, list[str]] = {}

    def mark(match: re.Match) -> str:
        table = match.group(0)
        lines = table_row_lines(table)
        if not lines:
            return table
        headings = _HEADING.findall(page_html, 0, match.start())
        # Material gives the page's first section (its h1) no anchor
        title_only = len(headings) == 1 and headings[0][0] == "1"
        location = f"{page_url}#{headings[-1][1]}" if headings and not title_only else page_url
        rows.setdefault(location, []).extend(lines)
        return re.sub(r"^<table\b", "<table data-search-exclude", table, count=1, flags=re.IGNORECASE)

    return _TABLE.sub(mark, page_html), rows


def add_table_rows(docs: list[dict], rows: dict[str, list[str]]) -> None:
    """Append to the ``text`` of each index entry in ``docs`` the row lines kept for its location, as a
    list (Material keeps ``<ul>``/``<li>`` in snippets)."""
    for doc in docs:
        lines = rows.get(doc["location"])
        if lines:
            items = "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in lines)
            doc["text"] = f"{doc.get('text', '')}<ul>{items}</ul>"


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # PySastrawi; loads its dictionary once

    return StemmerFactory().create_stemmer()


def words(text: str, separator: str) -> set[str]:
    """The lower-case words of ``text`` (HTML tags removed) as Material's tokenizer splits them with the
    index's ``separator`` regex, stripped of punctuation at either end; only words with a letter."""
    found = set()
    for token in re.split(separator, html.unescape(_TAG.sub(" ", text)).lower()):
        token = re.sub(r"^\W+|\W+$", "", token)
        if token and re.search(r"[^\W\d_]", token):
            found.add(token)
    return found


def roots(vocabulary: set[str]) -> dict[str, str]:
    """The Indonesian root word (PySastrawi) of every word in ``vocabulary`` whose root differs from it,
    e.g. ``{"pelayanan": "layan", "perencanaan": "rencana"}``. Words with digits are kept as they are."""
    stem = _stemmer().stem
    found = {}
    for word in sorted(vocabulary):
        if re.fullmatch(r"[a-z]+", word):
            root = stem(word)
            if root and root != word:
                found[word] = root
    return found


def write_lazy_index(site_dir: Path, table_rows: dict[str, list[str]]) -> None:
    """Turn the ``search/search_index.json`` that Material's search plugin wrote into the stub that every
    page fetches (settings only) plus ``FULL_INDEX`` (settings, documents with ``table_rows`` from
    ``mark_tables``, root words, Material's worker file) for the search worker. The settings name the
    language ``id`` (loaded from ``assets/javascripts/lunr/min/lunr.id.min.js``).

    Raises ``FileNotFoundError`` if the search index or Material's worker is missing, ``ValueError`` if
    Material's worker is not exactly one file.
    """
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    workers = sorted(site_dir.glob(MATERIAL_WORKER))
    if len(workers) != 1:
        raise ValueError(f"expected one Material search worker, found {[w.name for w in workers]}")
    config = dict(index["config"], lang=["id"])
    add_table_rows(index["docs"], table_rows)
    vocabulary: set[str] = set()
    for doc in index["docs"]:
        vocabulary |= words(doc.get("title", "") + " " + doc.get("text", ""), config["separator"])
    full = {"config": config, "docs": index["docs"], "roots": roots(vocabulary), "worker": workers[0].name}
    script = f"self.{FULL_INDEX_VARIABLE}={json.dumps(full, ensure_ascii=False, separators=(',', ':'))};\n"
    (site_dir / FULL_INDEX).write_text(script, encoding="utf-8")
    path.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), encoding="utf-8")
