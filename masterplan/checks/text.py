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

if TYPE_CHECKING:
    from . import Context, Page


_CODE_SPAN = re.compile(r"(`+).+?\1")


@cache
def _placeholders(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _first_and_count(line: str, characters: dict[str, str]) -> tuple[int, list[str], int]:
    """1-based column of the first listed character, their descriptions and how many there are."""
    hits = [(i, c) for i, c in enumerate(line) if c in characters]
    names = list(dict.fromkeys(characters[c] for _, c in hits))
    return (hits[0][0] + 1 if hits else 0), names, len(hits)


def check(page: Page, context: Context) -> Iterator[Problem]:
    """KARAKTER-TAK-TERLIHAT, KUTIP-MIRING, AKHIR-BARIS-CRLF and TEKS-SEMENTARA, at line and column."""
    document = page.document
    raw = context.rules.raw
    invisible: dict[str, str] = raw["karakter_tak_terlihat"]
    quotes: dict[str, str] = raw["kutip_miring"]
    placeholder = _placeholders(tuple(raw["teks_sementara"]))
    if "\r" in document.text:
        crlf = len(LINE_BREAK.split(document.text[:document.text.index("\r") + 1])) - 1
        yield context.problem(page, crlf, 0, "AKHIR-BARIS-CRLF",
                              "Berkas ini memakai akhir baris Windows (CRLF), biasanya karena diunggah "
                              "dari komputer Windows. Buka berkas di editor web GitHub, salin seluruh "
                              "isinya, hapus, tempel kembali lalu simpan; atau minta pengelola "
                              "menyimpannya dengan akhir baris LF.")
    for number, line in enumerate(document.lines, 1):
        if number in document.code_lines:
            continue
        column, names, count = _first_and_count(line, invisible)
        if count:
            times = f" ({count} kali di baris ini)" if count > 1 else ""
            yield context.problem(page, number, column, "KARAKTER-TAK-TERLIHAT",
                                  f"Ada karakter tak terlihat: {', '.join(names)}{times}, biasanya terbawa "
                                  "saat menyalin dari Word atau situs web. Hapus karakter itu dan ketik "
                                  "ulang spasi biasa di tempatnya.")
        column, names, count = _first_and_count(line, {q: q for q in quotes})
        if count:
            plain = " atau ".join(dict.fromkeys(quotes[q] for q in names))
            times = f" ({count} kali di baris ini)" if count > 1 else ""
            yield context.problem(page, number, column, "KUTIP-MIRING",
                                  f"Ada tanda kutip miring {' '.join(names)}{times} (diubah otomatis oleh "
                                  f"Word). Ganti dengan tanda kutip lurus {plain}.")
        # Code spans quote a placeholder (as the help page does) rather than leave it behind.
        for match in placeholder.finditer(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)):
            yield context.problem(page, number, match.start() + 1, "TEKS-SEMENTARA",
                                  f'Teks sementara "{match.group(0)}" masih tertinggal. Ganti dengan isi '
                                  "yang sebenarnya; bila datanya belum ada, tulis apa yang belum diketahui "
                                  "dan beri penanda (perlu verifikasi).")
