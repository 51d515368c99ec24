"""Text hygiene: invisible characters, smart quotes, Windows line ends and placeholder text.

These mostly come from pasting Word documents into the GitHub web editor. Characters, quotes and
placeholder patterns are listed in rules.yml. Fenced and indented code is not checked (the editors'
help page shows wrong examples there on purpose).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from masterplan.model.documents import LINE_BREAK
from masterplan.model.problems import Problem
from masterplan.model.rules import message

# What a decoder writes for a byte it cannot read: a Windows-1252 file re-saved as UTF-8 loses its
# accented letters, dashes and curly quotes to it.
REPLACEMENT = "\ufffd"

if TYPE_CHECKING:
    from . import Context, Page


_CODE_SPAN = re.compile(r"(`+).+?\1")


@cache
def _placeholders(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _any_of(characters: tuple[str, ...]) -> re.Pattern:
    return re.compile("[" + "".join(map(re.escape, characters)) + "]")


def _first_and_count(line: str, characters: dict[str, str]) -> tuple[int, list[str], int]:
    """1-based column of the first listed character, their descriptions and how many there are."""
    if not _any_of(tuple(characters)).search(line):  # the usual line: one regex scan, not one step per character
        return 0, [], 0
    hits = [(i, c) for i, c in enumerate(line) if c in characters]
    names = list(dict.fromkeys(characters[c] for _, c in hits))
    return (hits[0][0] + 1 if hits else 0), names, len(hits)


INVISIBLE = "KARAKTER-TAK-TERLIHAT"
_WORD_END = re.compile(r"[^\W_](?:[\w'-]|[^\s\w])*$")
_WORD_START = re.compile(r"^(?:[\w'-]|[^\s\w])*[^\W_]")


def _invisible_fix(line: str, column: int, number: int) -> str:
    """How to get rid of the invisible character at 1-based ``column``: where it stands matters, because
    the editor cannot see it. Inside a word it must go; between words it must become a plain space."""
    char = line[column - 1]
    before, after = line[:column - 1], line[column:]
    if number == 1 and column == 1 and char == "\ufeff":
        return message(INVISIBLE, "bom", awal=line[1:].strip()[:40])
    left = _WORD_END.search(before).group(0) if _WORD_END.search(before) else ""
    right = _WORD_START.search(after).group(0) if _WORD_START.search(after) else ""
    left, right = ("".join(c for c in w if c.isprintable() and not c.isspace()) for w in (left, right))
    if char.isspace():
        where = message(INVISIBLE, "di_antara", kiri=left, kanan=right) if left and right else ""
        return message(INVISIBLE, "spasi", di_antara=where)
    if left and right:
        return message(INVISIBLE, "dalam_kata", kata=left + right)
    return message(INVISIBLE, "tepi_kata")


def _invisible_fixes(line: str, invisible: dict[str, str], number: int, shown: int = 3) -> str:
    """The fix for each invisible character of ``line`` (the first ``shown`` of them; the rest counted),
    each named by the words around it, since the editor cannot see where they are."""
    columns = [i + 1 for i, c in enumerate(line) if c in invisible]
    fixes = list(dict.fromkeys(_invisible_fix(line, column, number) for column in columns[:shown]))
    if len(columns) > shown:
        fixes.append(message(INVISIBLE, "masih_ada", jumlah=len(columns) - shown))
    return " ".join(fixes)


def _times(count: int) -> str:
    """How many times a character is on the line, when more than once (KARAKTER-TAK-TERLIHAT's ``kali``)."""
    return message(INVISIBLE, "kali", jumlah=count) if count > 1 else ""


def check(page: Page, context: Context) -> Iterator[Problem]:
    """KARAKTER-TAK-TERLIHAT, KUTIP-MIRING, HURUF-RUSAK, AKHIR-BARIS-CRLF and TEKS-SEMENTARA, at line and
    column."""
    document = page.document
    raw = context.rules.raw
    invisible: dict[str, str] = raw["karakter_tak_terlihat"]
    quotes: dict[str, str] = raw["kutip_miring"]
    placeholder = _placeholders(tuple(raw["teks_sementara"]))
    quoted = {q: q for q in quotes}
    if "\r" in document.text:
        crlf = len(LINE_BREAK.split(document.text[:document.text.index("\r") + 1])) - 1
        yield context.problem(page, crlf, 0, "AKHIR-BARIS-CRLF", message("AKHIR-BARIS-CRLF", "crlf"))
    for number, line in enumerate(document.lines, 1):
        if number in document.code_lines:
            continue
        column, names, count = _first_and_count(line, invisible)
        if count:
            yield context.problem(page, number, column, INVISIBLE, message(
                INVISIBLE, "ada", nama=", ".join(names), kali=_times(count),
                perbaikan=_invisible_fixes(line, invisible, number)))
        column, names, count = _first_and_count(line, quoted)
        if count:
            plain = " atau ".join(dict.fromkeys(quotes[q] for q in names))
            yield context.problem(page, number, column, "KUTIP-MIRING", message(
                "KUTIP-MIRING", "ada", tanda=" ".join(names), kali=_times(count), lurus=plain))
        if REPLACEMENT in line:
            yield context.problem(page, number, line.index(REPLACEMENT) + 1, "HURUF-RUSAK", message(
                "HURUF-RUSAK", "ada", tanda=REPLACEMENT, kali=_times(line.count(REPLACEMENT))))
        # Code spans quote a placeholder (as the help page does) rather than leave it behind.
        for match in placeholder.finditer(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)):
            yield context.problem(page, number, match.start() + 1, "TEKS-SEMENTARA",
                                  message("TEKS-SEMENTARA", "tertinggal", teks=match.group(0)))
