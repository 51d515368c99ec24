"""PyYAML's English error ``problem`` texts, said in Bahasa Indonesia for editors (issue 15: no parser
English in a message). Keys are the start of PyYAML 6's texts (``yaml/scanner.py``, ``yaml/parser.py``);
anything unknown gets a general explanation, never the English."""

from __future__ import annotations

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
    ("expected ',' or ']'", "kurung siku [ dibuka tetapi tidak ditutup dengan ]"),
    ("expected ',' or '}'", "kurung kurawal { dibuka tetapi tidak ditutup dengan }"),
    ("found undefined alias", "nilai diawali tanda *; apit nilai dengan tanda kutip lurus"),
    ("found unknown escape character", 'ada garis miring terbalik \\ di dalam tanda kutip ganda; pakai tanda '
                                       "kutip tunggal ' sebagai gantinya"),
)
GENERAL = "penulisan baris ini tidak sesuai aturan YAML"


def explain(problem: str | None) -> str:
    """The Bahasa Indonesia explanation of PyYAML's ``problem`` text (:data:`GENERAL` when unknown)."""
    text = problem or ""
    return next((indonesian for english, indonesian in _EXPLANATIONS if text.startswith(english)), GENERAL)
