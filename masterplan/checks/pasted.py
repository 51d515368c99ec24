"""Shapes that a paste from Word leaves behind and that Markdown does not read as the editor meant.

- DAFTAR-WORD: a list typed with Word's bullet characters ("•", "–", "·", "o" ...) or with "a." / "1)"
  markers at column 1: Markdown sees one run-on paragraph.
- DAFTAR-TAB: a list indented with a tab or four spaces: Markdown sees a grey code block.
- PARAGRAF-TAB: a paragraph indented with a tab or four spaces (Word's first-line indent): a grey code
  block too.
- TABEL-TAB: a table pasted as tab-separated text: Markdown sees one paragraph.

Each message shows the Markdown form of the editor's own first line, so the fix can be copied. Bullet
characters come from rules.yml (``tempel_word``). Fenced code is left alone (the guide shows wrong examples
there); admonition bodies are checked as the content they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.documents import LINE_BREAK
from masterplan.model.problems import Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

# An ordered-list marker Word writes in front of an item: "1.", "1)", "a.", "a)", "i." (up to "xii").
_NUMBER = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
# The ordered-list markers Python-Markdown reads as a list: only a number and a full stop ("1."); "1)",
# "a." or "ii." typed at the start of a line stay plain text and the items run into one paragraph.
_MARKDOWN_NUMBER = re.compile(r"^\d{1,3}\.$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().split("\t")]


def _table_row(line: str) -> bool:
    """True when ``line`` has at least two cells separated by tabs (ignoring leading indentation)."""
    return len([cell for cell in _cells(line) if cell]) >= 2 and "\t" in line.strip()


def _pipe_row(line: str) -> str:
    return "| " + " | ".join(cell or " " for cell in _cells(line)) + " |"


def _split_item(line: str, bullets: set[str]) -> tuple[str, str] | None:
    """``(marker, text)`` when ``line`` (without its indentation) starts like a Word list item: a bullet
    character or a number followed by a space or a tab; else None."""
    stripped = line.strip()
    match = re.match(r"^(\S+)[ \t]+(\S.*)$", stripped)
    if not match:
        return None
    marker, text = match.groups()
    if marker in bullets or _NUMBER.match(marker):
        return marker, text
    return None


def _list_item_with_tab(line: str, bullets: set[str]) -> bool:
    """True for "1.<tab>Teks" or "•<tab>Teks": Word's tab after the list marker, not a table."""
    item = _split_item(line, bullets)
    return item is not None and "\t" not in item[1]


def _markdown_item(marker: str, text: str, bullets: set[str]) -> str:
    if marker in bullets:
        return f"- {text.strip()}"
    number = marker[:-1]
    return f"{number}. {text.strip()}" if number.isdigit() else f"1. {text.strip()}"


def _word_number(line: str, bullets: set[str]) -> bool:
    """True for a lettered or "1)" item typed at column 1 ("a. Teks", "b)\tTeks", "1) Teks"), which
    Markdown does not read as a list."""
    item = None if line[:1] in (" ", "\t") else _split_item(line, bullets)
    return item is not None and item[0] not in bullets and not _MARKDOWN_NUMBER.match(item[0])


def runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive runs of line numbers."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def span(run: list[int]) -> str:
    """The line numbers of ``run`` as a message shows them: ``7`` or ``7–9``."""
    return f"{run[0]}" if len(run) == 1 else f"{run[0]}–{run[-1]}"


def _list_message(rule: str, marker: str, span: str, example: str, nested: str = "") -> str:
    """DAFTAR-WORD's or DAFTAR-TAB's message; ``example`` is the editor's own first item as Markdown, and
    DAFTAR-WORD says how to write its marker in the words that match it, and how to keep a sub-item a
    sub-item (``nested``: the words for the first indented item of the run, or "")."""
    if rule == "DAFTAR-TAB":
        return message("DAFTAR-TAB", "diawali_tab", baris=span, contoh=example)
    how = message("DAFTAR-WORD", "cara_tanda_hubung" if example.startswith("- ") else "cara_nomor")
    return message("DAFTAR-WORD", "tanda_word", tanda=marker, baris=span, cara=how, contoh=example,
                   bertingkat=nested)


def _nested(lines: list[str], run: list[int], offset: int, bullets: set[str]) -> str:
    """DAFTAR-WORD's words for the first sub-item of ``run`` (an item indented under an item that is not):
    written with four spaces before it, or following the example alone would make it a top-level item."""
    if lines[run[0]][:1] in (" ", "\t"):
        return ""
    index = next((i for i in run if lines[i][:1] in (" ", "\t")), None)
    if index is None:
        return ""
    marker, text = _split_item(lines[index], bullets)
    return message("DAFTAR-WORD", "bertingkat", baris=index + offset, contoh="    " + _markdown_item(marker, text, bullets))


def _lines_of(document, *types: str) -> set[int]:
    """0-based lines of ``document.content_body`` covered by block tokens of the given types."""
    return {n for t in document.content_tokens if t.type in types and t.map for n in range(t.map[0], t.map[1])}


def _tab_tables(lines: list[str], skipped: set[int], bullets: set[str]) -> list[list[int]]:
    """Runs of consecutive lines that are rows of a tab-separated table (one tab in one line is a typing
    slip, not a table; "1.<tab>Teks" is a list item)."""
    rows = [i for i, line in enumerate(lines) if i not in skipped and _table_row(line)
            and not _list_item_with_tab(line, bullets)]
    return [run for run in runs(rows) if len(run) > 1 or lines[run[0]].strip().count("\t") >= 2]


# Blocks of the site's Markdown extensions (footnotes, def_list) whose later paragraphs are indented: the
# CommonMark parser of the checks sees those as code, Python-Markdown as the footnote's or definition's text.
_CONTINUED = re.compile(r"^(?:\[\^[^\]]+\]:|:[ \t])")


def line_start(line: str, limit: int = 60) -> str:
    """The start of ``line`` for a message's example, cut after a whole word ("…" when cut)."""
    text = line.strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _continues(lines: list[str], index: int) -> bool:
    """True when the indented line ``index`` continues a footnote or a definition: the nearest line above
    it that is neither blank nor indented opens one."""
    above = next((line for line in reversed(lines[:index]) if line.strip() and line[:1] not in ("\t", " ")), "")
    return bool(_CONTINUED.match(above))


def check(page: Page, context: Context) -> Iterator[Problem]:
    """DAFTAR-WORD, DAFTAR-TAB, PARAGRAF-TAB and TABEL-TAB, each reported once per run of consecutive lines."""
    document = page.document
    bullets = set(context.rules.raw["tempel_word"]["butir"])
    lines = LINE_BREAK.split(document.content_body)
    offset = document.body_line
    indented = _lines_of(document, "code_block")
    skipped = _lines_of(document, "fence", "html_block", "table_open")
    tables = _tab_tables(lines, skipped, bullets)
    for run in tables:
        first = lines[run[0]]
        rows = {"judul": _pipe_row(first), "garis": f"|{'---|' * len(_cells(first))}"}
        example = (message("TABEL-TAB", "contoh", **rows, isi=_pipe_row(lines[run[1]])) if len(run) > 1
                   else message("TABEL-TAB", "contoh_satu_baris", **rows))
        yield context.problem(page, run[0] + offset, 1, "TABEL-TAB", message(
            "TABEL-TAB", "dipisah_tab", baris=span([i + offset for i in run]), contoh=example,
            awal=context.rules.source_opening))
    in_table = {i for run in tables for i in run}
    items: dict[str, list[int]] = {"DAFTAR-WORD": [], "DAFTAR-TAB": []}
    paragraphs = []
    for index, line in enumerate(lines):
        item = None if index in skipped or index in in_table else _split_item(line, bullets)
        if item and index in indented and line[:1] in ("\t", " "):
            items["DAFTAR-TAB"].append(index)
        elif item and (item[0] in bullets or _word_number(line, bullets)):
            items["DAFTAR-WORD"].append(index)
        elif index in indented and index not in in_table and line.strip():
            paragraphs.append(index)
    for run in (run for run in runs(paragraphs) if not _continues(lines, run[0])):
        yield context.problem(page, run[0] + offset, 1, "PARAGRAF-TAB", message(
            "PARAGRAF-TAB", "diawali_tab", baris=span([i + offset for i in run]), contoh=line_start(lines[run[0]])))
    for rule, found in items.items():
        for run in runs(found):
            marker, text = _split_item(lines[run[0]], bullets)
            yield context.problem(page, run[0] + offset, 1, rule, _list_message(
                rule, marker, span([i + offset for i in run]), _markdown_item(marker, text, bullets),
                _nested(lines, run, offset, bullets) if rule == "DAFTAR-WORD" else ""))
