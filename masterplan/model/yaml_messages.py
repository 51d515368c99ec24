"""PyYAML's English error ``problem`` texts, said in Bahasa Indonesia for editors (editors are
OPD staff who do not read the parser's English; no English in a message). Keys are the start of PyYAML 6's texts (``yaml/scanner.py``, ``yaml/parser.py``)
and of libyaml's (``src/scanner.c``, ``src/parser.c``: the project parses with ``CSafeLoader``); anything
unknown gets a general explanation, never the English."""

from __future__ import annotations

import re

_EXPLANATIONS = (
    ("mapping values are not allowed", 'ada titik dua kedua di baris ini; nilai yang memuat titik dua diapit '
                                       'tanda kutip lurus, mis. nama: "Bab: Judul"'),
    ("found character '\\t'", "ada tab; ganti tab dengan spasi"),
    ("found character that cannot start any token", "ada tab, atau nilai diawali tanda yang tidak boleh "
                                                    "(mis. @ atau `); ganti tab dengan spasi dan apit nilai "
                                                    "dengan tanda kutip lurus"),
    ("could not find expected ':'", "titik dua sesudah nama kolom tidak ada"),
    ("found unexpected end of stream", "tanda kutip dibuka tetapi tidak ditutup"),
    ("expected <block end>", "baris ini tidak sejajar dengan baris di atasnya (jumlah spasi di awal baris)"),
    ("found a tab character that violates indentation", "ada tab di awal baris; ganti tab dengan spasi"),
    ("did not find expected key", "baris ini tidak sejajar dengan kunci di atasnya (jumlah spasi di awal "
                                  "baris), atau tanda kutip di baris sebelumnya tidak ditutup"),
    ("expected ',' or ']'", "kurung siku [ dibuka tetapi tidak ditutup dengan ]"),
    ("expected ',' or '}'", "kurung kurawal { dibuka tetapi tidak ditutup dengan }"),
    ("did not find expected ',' or ']'", "kurung siku [ dibuka tetapi tidak ditutup dengan ]"),
    ("did not find expected ',' or '}'", "kurung kurawal { dibuka tetapi tidak ditutup dengan }"),
    ("found undefined alias", "nilai diawali tanda *; apit nilai dengan tanda kutip lurus"),
    ("found unknown escape character", 'ada garis miring terbalik \\ di dalam tanda kutip ganda; pakai tanda '
                                       "kutip tunggal ' sebagai gantinya"),
)
GENERAL = "penulisan baris ini tidak sesuai aturan YAML"


def explain(problem: str | None) -> str:
    """The Bahasa Indonesia explanation of PyYAML's ``problem`` text (:data:`GENERAL` when unknown)."""
    text = problem or ""
    return next((indonesian for english, indonesian in _EXPLANATIONS if text.startswith(english)), GENERAL)


OPEN_QUOTE = "tanda kutip dibuka di baris ini tetapi tidak ditutup; tutup nilainya dengan tanda kutip yang sama"
# A value (after "kunci: " or "- ") that starts with a quote.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^:#"'\s][^:#]*:\s+)?(["'])(.*)$""")


def _open_quote(lines: list[str], last: int) -> int | None:
    """The 0-based index of the first line up to ``last`` whose quoted value is never closed on it."""
    for index, line in enumerate(lines[:last + 1]):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        closes = rest.replace('\\\\', "").replace('\\"', "").count('"') if quote == '"' else \
            rest.replace("''", "").count("'")
        if closes == 0:
            return index
    return None


def locate(error: object, text: str) -> tuple[int, int, str]:
    """``(line, column, explanation)`` of a ``yaml.YAMLError`` raised while parsing ``text``: 1-based,
    column 0 when unknown. A quote or bracket opened on an earlier line is reported where it was opened,
    since that is the line the editor must change."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened is not None and context.startswith(("while scanning a quoted scalar", "while parsing a flow")):
        what = OPEN_QUOTE if "quoted" in context else explain(problem)
        return opened.line + 1, opened.column + 1, what
    if mark is None:
        return 1, 0, explain(problem)
    if "tab" not in problem:
        quote = _open_quote(text.splitlines(), mark.line - 1)
        if quote is not None:
            return quote + 1, 0, OPEN_QUOTE
    return mark.line + 1, mark.column + 1, explain(problem)
