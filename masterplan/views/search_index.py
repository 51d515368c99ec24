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
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from masterplan.model.problems import EDITORS_GUIDE
from masterplan.model.word_cache import WordCache

# The Daftar Kebutuhan Data (Lampiran F), the offices' list for the next workshop: its items repeat the plan's
# words ("layanan", "desa"), which would bury the chapters a reader is looking for.
WORKSHEETS = "lampiran/kebutuhan-data"
FULL_INDEX = "search/search_index_id.js"  # loaded by the search worker on the first query
FULL_INDEX_VARIABLE = "searchIndexId"  # the global that file sets in the worker
MATERIAL_WORKER = "assets/javascripts/workers/search.*.min.js"  # Material's worker; its name has a hash
ROOTS_CACHE = "kata-dasar.json"  # the root words found, kept between builds (roots)
# The root words of the plan's vocabulary, shipped with the code (same form as the cache; written by
# masterplan.devtools.root_words): stemming every word was a tenth of the first build after a clone.
SHIPPED_ROOTS = Path(__file__).with_name(ROOTS_CACHE)

# Up to the first closing tag, as ``.*?`` would, written so that the engine does not try the closing tag
# after every character (a third of the time of marking the tables).
_TABLE = re.compile(r"<table\b[^<]*(?:<(?!/table>)[^<]*)*</table>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
# Tags between two pieces of a cell's text that a reader sees apart (list items, lines, paragraphs): a
# space, or "tahun 2026</li><li>Triwulan II" read "tahun 2026Triwulan II" in a result's snippet.
_BREAK = re.compile(r"</?(?:li|p|br|div|ul|ol|tr|td|th)\b[^>]*>", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_LETTER = re.compile(r"[^\W\d_]")
PLAIN_WORD = re.compile(r"[a-z]+")  # words with digits or other letters keep their form


def in_readers_search(src_uri: str) -> bool:
    """Whether the page built from ``src_uri`` (path under docs/, e.g. ``panduan/index.md``) belongs in
    the readers' search: every page except the editors' guide and the offices' data worksheets."""
    return not src_uri.startswith((EDITORS_GUIDE, WORKSHEETS))


_ROW_OR_CELL = re.compile(r"<tr\b[^>]*>|<(t[hd])\b[^>]*>([^<]*(?:<(?!/\1\s*>)[^<]*)*)</\1\s*>", re.IGNORECASE)


def _rows(table_html: str) -> list[tuple[bool, list[str]]]:
    """The text of each cell of one HTML table (markup removed, entities decoded, white space collapsed),
    row by row, and whether each row is a header row (its first cell a ``<th>``). Regular expressions
    over the tables Python-Markdown writes: an HTML parser cost a twentieth of the site build."""
    rows: list[tuple[bool, list[str]]] = []
    for match in _ROW_OR_CELL.finditer(table_html):
        if match[1] is None:
            rows.append((False, []))
        elif rows:
            if match[1].lower() == "th" and not rows[-1][1]:
                rows[-1] = (True, rows[-1][1])
            rows[-1][1].append(" ".join(html.unescape(_TAG.sub("", _BREAK.sub(" ", match[2]))).split()))
    return rows


def table_row_lines(table_html: str) -> list[str]:
    """One line of text per body row of ``table_html``: each non-empty cell as "Header: value", joined
    with "; ". A table without header row gives its cells joined with "; ". Returns [] for no rows."""
    rows = _rows(table_html)
    headers = next((cells for is_header, cells in rows if is_header), [])
    lines = []
    for is_header, cells in rows:
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


def words(texts: Iterable[str], separator: str) -> set[str]:
    """The lower-case words of ``texts`` (each an HTML text, tags removed) as Material's tokenizer splits
    them with the index's ``separator`` regex, stripped of punctuation at either end; only words with a
    letter. Tokens are gathered from all texts first and each distinct one is cleaned once: most words
    recur across the index's sections, and cleaning them section by section was most of this step."""
    split = re.compile(separator)
    tokens = set()
    for text in texts:
        tokens.update(split.split(html.unescape(_TAG.sub(" ", text)).lower()))
    found = set()
    for token in tokens:
        token = _EDGE_PUNCTUATION.sub("", token)
        if token and _LETTER.search(token):
            found.add(token)
    return found


# PySastrawi's wrong roots among the plan's words: it takes off "-kan" before "-an", and keeps what is left
# when its dictionary has it ("kerusakan" -> "rusa", deer), so "rusak" never found "kerusakan" (a reader
# looking for road damage). Found by listing every word whose root plus "k" is also a dictionary word.
ROOT_CORRECTIONS = {"kerusakan": "rusak", "gerakan": "gerak", "pergerakan": "gerak"}


def stem(word: str) -> str:
    """The root of ``word``: PySastrawi's, or :data:`ROOT_CORRECTIONS`'s where PySastrawi is wrong (the
    word itself when it has no affix PySastrawi knows)."""
    return ROOT_CORRECTIONS.get(word) or _stemmer().stem(word)


def stemmer_version() -> str:
    """The version under which root words are kept: PySastrawi's (another version may stem differently)."""
    return f"PySastrawi {version('PySastrawi')}"


def roots(vocabulary: set[str], cache_dir: Path | None = None) -> dict[str, str]:
    """The Indonesian root word (PySastrawi) of every word in ``vocabulary`` whose root differs from it,
    e.g. ``{"pelayanan": "layan", "perencanaan": "rencana"}``. Words with digits are kept as they are.

    With ``cache_dir`` (``.cache/`` beside mkdocs.yml) the roots found are kept there for the next build
    (:class:`masterplan.model.word_cache.WordCache`, renewed when PySastrawi's version changes): stemming
    every word again cost as much as a fifth of the site build; the words of :data:`SHIPPED_ROOTS` (same
    PySastrawi version only) are not stemmed again even while that folder is still empty."""
    cache = WordCache(cache_dir / ROOTS_CACHE, stemmer_version(), seed=SHIPPED_ROOTS) if cache_dir else None
    root_of = (lambda word: ROOT_CORRECTIONS.get(word) or cache.get(word, stem)) if cache else stem
    found = {}
    for word in sorted(vocabulary):
        if PLAIN_WORD.fullmatch(word):
            root = root_of(word)
            if root and root != word:
                found[word] = root
    if cache:
        cache.save()
    return found


def write_lazy_index(site_dir: Path, table_rows: dict[str, list[str]], cache_dir: Path | None = None) -> None:
    """Turn the ``search/search_index.json`` that Material's search plugin wrote into the stub that every
    page fetches (settings only) plus ``FULL_INDEX`` (settings, documents with ``table_rows`` from
    ``mark_tables``, root words, Material's worker file) for the search worker. The settings name the
    language ``id`` (loaded from ``assets/javascripts/lunr/min/lunr.id.min.js``). ``cache_dir``: see
    :func:`roots`.

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
    vocabulary = words((doc.get("title", "") + " " + doc.get("text", "") for doc in index["docs"]), config["separator"])
    full = {"config": config, "docs": index["docs"], "roots": roots(vocabulary, cache_dir), "worker": workers[0].name}
    script = f"self.{FULL_INDEX_VARIABLE}={json.dumps(full, ensure_ascii=False, separators=(',', ':'))};\n"
    (site_dir / FULL_INDEX).write_text(script, encoding="utf-8")
    path.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), encoding="utf-8")
