"""Spelling (warnings only): words that Hunspell's Indonesian dictionary (Debian ``hunspell-id``, read
through pyenchant and libenchant) does not know and that are not in the project word list
(``kata-proyek.txt`` at the top of the repository, which editors extend through a pull request: names and
terms such as Kintamani, Penglipuran, ngayah, Tri Hita Karana). A word built from a known word with a
clitic or a suffix (adat -> adatnya, sama -> samakan, lengkap -> lengkapi) is known too: Debian's dictionary lacks most such forms.

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
from masterplan.model.rules import message
from masterplan.model.sources import read_text, stamp

if TYPE_CHECKING:
    from masterplan.model.rules import Rules
    from . import Context, Page

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What is not prose: code spans, URLs, link targets, domain and file names (soft.lk, opd.yml), HTML
# tags, attribute lists, view markers ([[tabel-program]]), markers of admonitions and pymdownx blocks (``!!! note``, ``/// table-caption``),
# and italics, which EYD reserves for foreign and regional words and which titles of sources use.
_NOT_PROSE = re.compile(r"(`+).*?\1|\]\([^)]*\)|<[^>]*>|https?://\S+|\{[^{}]*\}|\[\[[^\]]*\]\]"
                        r"|\b\w[\w-]*(?:\.\w[\w-]*)+"
                        r"|^\s*(?:!!!|\?\?\?\+?|///)\s*[\w-]*"
                        r"|(?<![*\w])\*(?!\*)[^*]+(?<!\*)\*(?![*\w])|(?<!\w)_[^_]+_(?!\w)")
# What each alternative of _NOT_PROSE needs in a line: most prose lines hold none, and then the
# substitution, which tries every alternative at every character, was a third of the spelling check.
_NOT_PROSE_MARKS = ("`", "](", "<", "://", "{", "[[", "!!!", "???", "///", "*", "_")
_NAME_DOT = re.compile(r"[\w-]\.\w")  # what a domain or file name (soft.lk, opd.yml) needs


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
    def open(cls, rules: Rules) -> tuple[Speller | None, str | None, str | None]:
        """A speller from rules.yml (``ejaan``), or None, a notice in Bahasa Indonesia and the file it is
        about (None: no file, e.g. the dictionary is not installed) when the dictionary is missing or the
        project word list cannot be read (every name and term in it would be a warning on every page,
        burying the one error that says why: :func:`project_words`)."""
        spec = rules.raw["ejaan"]
        try:
            dictionary = _dictionary(spec["kamus"])
        except Exception:  # ImportError without libenchant, enchant's DictNotFoundError without the dictionary
            return None, message("EJAAN", "kamus_tidak_ada", kamus=spec["kamus"]), None
        words, unreadable = project_words(rules)
        if unreadable:
            return None, message("EJAAN", "daftar_kata_tak_terbaca", daftar_kata=spec["daftar_kata"]), unreadable.path
        # One speller per dictionary and word list in a process: its verdicts stay valid between runs.
        if (spec["kamus"], words) not in _OPENED:
            _OPENED[spec["kamus"], words] = cls(dictionary, words)
        return _OPENED[spec["kamus"], words], None, None

    def known(self, word: str) -> bool:
        """True when ``word`` is in the dictionary or the project word list (hyphenated words part by part,
        a clitic written after a hyphen, as EYD asks after a foreign word or a name, left out:
        ``baseline-nya``)."""
        if word not in self._known:
            parts = word.split("-")
            if len(parts) > 1 and parts[-1].lower() in _CLITICS:
                parts = parts[:-1]
            self._known[word] = self._lookup(word) or ("-" in word and all(self._lookup(p) for p in parts))
        return self._known[word]

    def _lookup(self, word: str) -> bool:
        return self._plain(word) or any(self._plain(stem) for stem in stems(word))

    def _plain(self, word: str) -> bool:
        return word.casefold() in self._words or self._dictionary.check(word) or \
            self._dictionary.check(word.lower())


_OPENED: dict[tuple[str, frozenset[str]], Speller] = {}

# Indonesian clitics and the two suffixes that attach without changing the stem (TBBBI, Tata Bahasa Baku
# Bahasa Indonesia: -nya, -lah, -kah, -pun, -ku, -mu; -kan, -an). Stems shorter than three letters are
# not tried, so that short misspellings are not excused.
_CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
_SUFFIXES = ("kan", "an")
# The verb suffix -i (lengkapi, hadiri, tindaklanjuti) from stems of at least four letters, so that
# a stray final "i" on a short word is not excused.
_SUFFIX_I, _SUFFIX_I_STEM = "i", 4
# Characters with no width that Word and web pages leave inside words; removed before words are split,
# so "pub\u200blik" is checked as "publik" (KARAKTER-TAK-TERLIHAT reports the character itself).
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def stems(word: str) -> list[str]:
    """The stems ``word`` may be built from by one clitic and/or one suffix (``samakannya`` ->
    ``samakan``, ``sama``); empty when none applies."""
    bases = [word]
    clitic = next((c for c in _CLITICS if word.lower().endswith(c) and len(word) - len(c) >= 3), None)
    if clitic:
        bases.append(word[:-len(clitic)])
    found = bases[1:]
    for base in bases:
        suffix = next((x for x in _SUFFIXES if base.lower().endswith(x) and len(base) - len(x) >= 3), None)
        if suffix:
            found.append(base[:-len(suffix)])
        elif base.lower().endswith(_SUFFIX_I) and len(base) - len(_SUFFIX_I) >= _SUFFIX_I_STEM:
            found.append(base[:-len(_SUFFIX_I)])
    return found


def project_words(rules: Rules) -> tuple[frozenset[str], Problem | None]:
    """The project word list that rules.yml names (``ejaan.daftar_kata``, relative to :attr:`Rules.root`)
    and what is wrong with it (BERKAS-TAK-TERBACA at the first bad byte; the words are then empty and
    spelling waits until the list is readable again), or None. A missing list is an empty one. Never raises."""
    name = rules.raw["ejaan"]["daftar_kata"]
    return word_list(rules.root / name, name)


def word_list(path: Path, shown: str) -> tuple[frozenset[str], Problem | None]:
    """The word list at ``path`` (``shown`` in messages): one word or term per line (every word of a term
    is known), ``#`` comments; compared ignoring case. Read again only when the file changed (``mkdocs
    serve``: editors add words while it runs). Returns the words and the problem of an unreadable file."""
    return _word_list(path, shown, stamp(path))


@cache
def _word_list(path: Path, shown: str, version: tuple[int, int] | None) -> tuple[frozenset[str], Problem | None]:
    if version is None:  # no list: no project words, and nothing for the editor to fix
        return frozenset(), None
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return frozenset(), text
    return frozenset(word.casefold() for line in text.splitlines() if not line.lstrip().startswith("#")
                     for word in line.split()), None


@cache  # a word recurs hundreds of times in the plan: decided once per process
def _checked(word: str) -> bool:
    """Acronyms and codes (SPBE, SP4N, e-KTP) are left alone: more than one capital letter."""
    return len(word) > 1 and sum(c.isupper() for c in word) <= 1


def _unclosed_front_matter(document) -> int:
    """The first line after a front matter that is opened and never closed (its ``key: value`` lines up
    to the first blank line or heading; FRONT-MATTER-YAML reports it), else 1."""
    lines = document.lines
    if document.body_line > 1 or not lines or lines[0].lstrip("\ufeff").strip() != "---":
        return 1
    end = next((i for i, line in enumerate(lines[1:], 1) if not line.strip() or line.startswith("#")), len(lines))
    return end + 1


def _prose(line: str) -> str:
    """``line`` with what is not prose (:data:`_NOT_PROSE`) turned into spaces, so columns stay."""
    if any(mark in line for mark in _NOT_PROSE_MARKS) or _NAME_DOT.search(line):
        return _NOT_PROSE.sub(lambda match: " " * len(match.group(0)), line)
    return line


def check(page: Page, context: Context) -> Iterator[Problem]:
    """EJAAN: one warning per line listing the words the dictionary does not know."""
    speller = context.spelling
    if speller is None:
        return
    document = page.document
    html = {n + document.body_line for t in document.content_tokens if t.type == "html_block" and t.map
            for n in range(*t.map)}
    front = _unclosed_front_matter(document)
    for number, line in enumerate(document.lines, 1):
        if number < max(document.body_line, front) or number in document.code_lines or number in html:
            continue
        prose = _prose(line.translate(_ZERO_WIDTH))
        unknown = {}
        for match in _WORD.finditer(prose):
            word = match.group(0).replace("’", "'")
            if _checked(word) and not speller.known(word):
                unknown.setdefault(word, match.start() + 1)
        if unknown:
            words = ", ".join(f'"{w}"' for w in unknown)
            yield context.problem(page, number, min(unknown.values()), "EJAAN", message(
                "EJAAN", "tidak_dikenal", kata=words, daftar_kata=context.rules.raw["ejaan"]["daftar_kata"]))
