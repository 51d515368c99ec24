"""Spelling (warnings only): words that Hunspell's Indonesian dictionary (Debian ``hunspell-id``, read
through pyenchant and libenchant) does not know and that are not in the project word list
(``masterplan/checks/words-id.txt``: names and terms such as Kintamani, Penglipuran, SPBE).

Code, links, HTML, front matter and acronyms (words with more than one capital) are not checked. Each
distinct word is looked up once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model.problems import Problem

if TYPE_CHECKING:
    from masterplan.model.rules import Rules
    from . import Context, Page

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What is not prose: code spans, URLs, link targets, domain and file names (soft.lk, opd.yml), HTML
# tags, attribute lists, markers of admonitions and pymdownx blocks (``!!! note``, ``/// table-caption``),
# and italics, which EYD reserves for foreign and regional words and which titles of sources use.
_NOT_PROSE = re.compile(r"(`+).*?\1|\]\([^)]*\)|<[^>]*>|https?://\S+|\{[^{}]*\}"
                        r"|\b\w[\w-]*(?:\.\w[\w-]*)+"
                        r"|^\s*(?:!!!|\?\?\?\+?|///)\s*[\w-]*"
                        r"|(?<![*\w])\*(?!\*)[^*]+(?<!\*)\*(?![*\w])|(?<!\w)_[^_]+_(?!\w)")


@cache
def _dictionary(language: str):
    """The enchant dictionary for ``language``; raises ImportError or enchant's error when missing."""
    import enchant  # imported here: libenchant may be absent, which must give a notice, not a crash

    return enchant.Dict(language)


class Speller:
    """Decides whether a word is known, caching every verdict."""

    def __init__(self, dictionary, words: set[str]) -> None:
        self._dictionary = dictionary
        self._words = words
        self._known: dict[str, bool] = {}

    @classmethod
    def open(cls, rules: Rules) -> tuple[Speller | None, str | None]:
        """A speller from rules.yml (``ejaan``), or None and a notice in Bahasa Indonesia when the
        dictionary is not installed."""
        spec = rules.raw["ejaan"]
        try:
            dictionary = _dictionary(spec["kamus"])
        except Exception:  # ImportError without libenchant, enchant's DictNotFoundError without the dictionary
            return None, (f"Pemeriksaan ejaan dilewati: kamus Hunspell bahasa Indonesia ({spec['kamus']}) "
                          "tidak terpasang. Pasang paket Debian hunspell-id dan libenchant-2-2 "
                          "(scripts/test.sh dan scripts/build.sh memasangnya).")
        return cls(dictionary, word_list(rules.root / spec["daftar_kata"])), None

    def known(self, word: str) -> bool:
        """True when ``word`` is in the dictionary or the project word list (hyphenated words part by part)."""
        if word not in self._known:
            self._known[word] = self._lookup(word) or ("-" in word and all(
                self._lookup(part) for part in word.split("-")))
        return self._known[word]

    def _lookup(self, word: str) -> bool:
        return word.casefold() in self._words or self._dictionary.check(word) or \
            self._dictionary.check(word.lower())


@cache
def word_list(path: Path) -> frozenset[str]:
    """The project word list: one word per line, ``#`` comments; compared ignoring case."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def _checked(word: str) -> bool:
    """Acronyms and codes (SPBE, SP4N, e-KTP) are left alone: more than one capital letter."""
    return len(word) > 1 and sum(c.isupper() for c in word) <= 1


def check(page: Page, context: Context) -> Iterator[Problem]:
    """EJAAN: one warning per line listing the words the dictionary does not know."""
    speller = context.spelling
    if speller is None:
        return
    document = page.document
    html = {n + document.body_line for t in document.content_tokens if t.type == "html_block" and t.map
            for n in range(*t.map)}
    for number, line in enumerate(document.lines, 1):
        if number < document.body_line or number in document.code_lines or number in html:
            continue
        prose = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), line)
        unknown = {}
        for match in _WORD.finditer(prose):
            word = match.group(0).replace("’", "'")
            if _checked(word) and not speller.known(word):
                unknown.setdefault(word, match.start() + 1)
        if unknown:
            words = ", ".join(f'"{w}"' for w in unknown)
            yield context.problem(page, number, min(unknown.values()), "EJAAN",
                                  f"Kata yang tidak dikenal kamus: {words}. Periksa ejaannya; bila kata itu "
                                  "nama atau istilah yang benar, tambahkan ke masterplan/checks/words-id.txt.")
