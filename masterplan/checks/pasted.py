"""Shapes that a paste from Word leaves behind and that Markdown does not read as the editor meant.

- DAFTAR-WORD: a list typed with Word's bullet characters ("•", "–", "·", "o" ...): Markdown sees one
  run-on paragraph.
- DAFTAR-TAB: a list indented with a tab or four spaces: Markdown sees a grey code block.
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

if TYPE_CHECKING:
    from . import Context, Page

# An ordered-list marker Word writes in front of an item: "1.", "1)", "a.", "a)", "i." (up to "xii").
_NUMBER = re.compile(r"^(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")


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
    return f"{number}. {text.strip()}" if number.isdigit() else f"- {text.strip()}"


def _groups(numbers: list[int]) -> list[list[int]]:
    """Consecutive runs of line numbers."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _span(run: list[int]) -> str:
    return f"baris {run[0]}" if len(run) == 1 else f"baris {run[0]}–{run[-1]}"


def check(page: Page, context: Context) -> Iterator[Problem]:
    """DAFTAR-WORD, DAFTAR-TAB and TABEL-TAB, each reported once per run of consecutive lines."""
    document = page.document
    bullets = set(context.rules.raw["tempel_word"]["butir"])
    lines = LINE_BREAK.split(document.content_body)
    offset = document.body_line
    fenced = {n for t in document.content_tokens if t.type == "fence" and t.map
              for n in range(t.map[0], t.map[1])}
    indented = {n for t in document.content_tokens if t.type == "code_block" and t.map
                for n in range(t.map[0], t.map[1])}
    html = {n for t in document.content_tokens if t.type == "html_block" and t.map
            for n in range(t.map[0], t.map[1])}
    tabled = {n for t in document.content_tokens if t.type == "table_open" and t.map
              for n in range(t.map[0], t.map[1])}
    skipped = fenced | html | tabled
    table_rows = [i for i, line in enumerate(lines) if i not in skipped and _table_row(line)
                  and not _list_item_with_tab(line, bullets)]
    for run in _groups(table_rows):
        if len(run) == 1 and lines[run[0]].strip().count("\t") < 2:
            continue  # one tab in one line is a typing slip, not a table
        first = lines[run[0]]
        width = len(_cells(first))
        example = (f"`{_pipe_row(first)}` lalu `|{'---|' * width}`"
                   + (f" lalu `{_pipe_row(lines[run[1]])}`" if len(run) > 1 else ""))
        yield context.problem(page, run[0] + offset, 1, "TABEL-TAB",
                              f"Tabel ini ditempel dari Word sebagai teks yang dipisah tab ({_span([i + offset for i in run])}); "
                              "di situs dan PDF ia tampil sebagai satu paragraf berantakan. Tulis ulang sebagai "
                              f"tabel Markdown dengan tanda | di antara sel, mis. {example}, lalu beri keterangan "
                              "/// table-caption dan baris \"Sumber: ...\" di bawahnya.")
    in_table = set(table_rows)
    word_items, tab_items = [], []
    for index, line in enumerate(lines):
        if index in skipped or index in in_table:
            continue
        item = _split_item(line, bullets)
        if item is None:
            continue
        if index in indented and line[:1] in ("\t", " "):
            tab_items.append(index)
        elif item[0] in bullets:
            word_items.append(index)
    for run in _groups(word_items):
        marker, text = _split_item(lines[run[0]], bullets)
        yield context.problem(page, run[0] + offset, 1, "DAFTAR-WORD",
                              f'Daftar ini memakai tanda butir "{marker}" dari Word ({_span([i + offset for i in run])}); '
                              "di situs dan PDF semua butir tergabung menjadi satu paragraf. Ganti tanda itu "
                              f'dengan tanda hubung dan satu spasi di awal setiap butir, mis. "{_markdown_item(marker, text, bullets)}", '
                              "dan beri satu baris kosong sebelum butir pertama.")
    for run in _groups(tab_items):
        marker, text = _split_item(lines[run[0]], bullets)
        yield context.problem(page, run[0] + offset, 1, "DAFTAR-TAB",
                              f"Daftar ini diawali tab atau spasi ({_span([i + offset for i in run])}); di situs dan PDF "
                              "ia tampil sebagai kotak kode abu-abu. Hapus tab/spasi di awal setiap butir sehingga "
                              f'butir dimulai dari kolom pertama, mis. "{_markdown_item(marker, text, bullets)}", '
                              "dan beri satu baris kosong sebelum butir pertama.")
