"""Reading a chapter's Markdown source: front matter and headings, with line numbers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from masterplan.model.problems import Problem
from masterplan.model.result_cache import ResultCache
from masterplan.model.sources import parse_yaml, read_text, shown_path

_FRONT_MATTER_FENCE = "---"
# CommonMark sees an indented admonition body as a code block, so headings inside admonitions and
# fenced code are not reported as sections: the same as what the reader sees.
# Tables are parsed (as Python-Markdown's `tables` extension does) and every link target is kept, even
# `javascript:`, which markdown-it would otherwise silently turn into text: the safety check must see it.
_PARSER = MarkdownIt("commonmark").enable("table")
_PARSER.validateLink = lambda url: True
LINE_BREAK = re.compile(r"\r\n?|\n")  # what markdown-it counts as a line break
_ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+\S")


# Blocks without the inline parse (links, emphasis; most of a parse's time): headings need blocks only.
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")


@lru_cache(maxsize=1024)
def _parsed(markdown: str) -> tuple[Token, ...]:
    return tuple(_PARSER.parse(markdown))


@lru_cache(maxsize=256)
def _blocks(markdown: str) -> tuple[Token, ...]:
    return tuple(_BLOCKS.parse(markdown))


_memo: ResultCache | None = None  # see remember_in


def remember_in(memo: ResultCache | None) -> None:
    """Keep the headings (:attr:`Document.headings`) and word counts (:func:`words_by_line`) of texts in the
    build's ``memo`` (masterplan.model.result_cache) from now on; None: compute them each time."""
    global _memo
    _memo = memo


def tokens_of(markdown: str) -> list[Token]:
    """markdown-it block tokens of ``markdown``, parsed once per text in a process (the checks, numbers
    and dashboard read the same page). Tokens are shared: read them, never change them."""
    return list(_parsed(markdown))


# A word is a run of letters/digits, keeping 258.721, 2025–2034 style joins and e-government together.
_WORD = re.compile(r"[^\W_]+(?:[-–'.,/][^\W_]+)*")
_BLOCK_FENCE = re.compile(r"^[ \t]*///.*$", re.MULTILINE)  # pymdownx.blocks fences (/// table-caption)
_READ = ("text", "code_inline")  # inline tokens a reader sees as words (not link targets, not HTML)


def words_by_line(markdown: str) -> dict[int, int]:
    """The words a reader sees in Markdown text, by the 0-based line where each text block starts:
    headings, paragraphs, table cells, list items and admonition bodies; not the Markdown syntax, link
    targets, raw HTML or block fences. The one definition of a word for the status dashboard and the
    stage change report (which sums it per section)."""
    if _memo is None:
        return _words_by_line(markdown)
    return _memo.get("kata-per-baris", (markdown,), lambda: _words_by_line(markdown),
                     decode=lambda kept: {int(line): count for line, count in kept.items()})


def _words_by_line(markdown: str) -> dict[int, int]:
    found: dict[int, int] = {}
    for token in tokens_of(unwrap_admonitions(_BLOCK_FENCE.sub("", markdown))):
        if token.type == "inline" and token.map:
            text = " ".join(child.content for child in token.children or () if child.type in _READ)
            found[token.map[0]] = found.get(token.map[0], 0) + len(_WORD.findall(text))
    return found


def count_words(markdown: str) -> int:
    """All the words a reader sees in Markdown text (see :func:`words_by_line`)."""
    return sum(words_by_line(markdown).values())


@dataclass(frozen=True)
class Heading:
    """One ATX or setext heading: level 1–6, its plain text, and its 1-based line in the file."""

    level: int
    text: str
    line: int


@dataclass
class Document:
    """A Markdown page split into front matter and body.

    ``meta`` is the parsed front matter (empty when absent or invalid); ``meta_error`` holds
    ``(line, problem)`` when the YAML could not be parsed, the line being 1-based in the whole file.
    ``body_line`` is the 1-based file line where the body starts; ``meta_lines`` maps each front-matter
    key to its 1-based file line. ``unreadable`` is the :class:`Problem` when the file could not be
    read (missing, not UTF-8): the document is then empty.
    """

    path: str
    text: str
    meta: dict = field(default_factory=dict)
    meta_error: tuple[int, str] | None = None
    body: str = ""
    body_line: int = 1
    meta_lines: dict = field(default_factory=dict)
    unreadable: Problem | None = None

    @cached_property
    def lines(self) -> list[str]:
        """The lines of the whole file, split where markdown-it splits them (LF, CRLF or CR)."""
        return LINE_BREAK.split(self.text)

    @cached_property
    def tokens(self) -> list:
        """markdown-it block tokens of the body as CommonMark sees it (admonition bodies are code)."""
        return tokens_of(self.body)

    @cached_property
    def content_body(self) -> str:
        """The body with admonition bodies dedented (same lines as the file), see :func:`unwrap_admonitions`."""
        return unwrap_admonitions(self.body)

    @cached_property
    def content_tokens(self) -> list:
        """Block tokens of the body with admonition bodies parsed as Markdown, for checks of what the
        reader sees (links, images, tables, HTML). Token lines match the file: ``map[0] + body_line``."""
        return self.tokens if self.content_body == self.body else tokens_of(self.content_body)

    def inline_tokens(self) -> Iterator[tuple[Token, int]]:
        """Every inline token of the content view (text, link_open, image, html_inline, ...) with its
        1-based file line, counted through the line breaks of its paragraph or table cell."""
        for block in self.content_tokens:
            if block.type != "inline" or not block.map:
                continue
            line = block.map[0] + self.body_line
            for child in block.children or ():
                yield child, line
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "html_inline":
                    line += child.content.count("\n")

    @cached_property
    def code_lines(self) -> frozenset[int]:
        """1-based file lines inside fenced or indented code blocks (not admonition bodies)."""
        lines = set()
        for token in self.content_tokens:
            if token.type in ("fence", "code_block") and token.map:
                lines.update(range(token.map[0] + self.body_line, token.map[1] + self.body_line))
        return frozenset(lines)

    @cached_property
    def word_lines(self) -> dict[int, int]:
        """Words of the text a reader sees (:func:`words_by_line`) by 1-based file line, headings left out
        (a hand-typed "1.1" is no word of the text): what the status dashboard counts and the change report
        sums per section."""
        headings = {heading.line for heading in self.headings}
        found = {line + self.body_line: count for line, count in words_by_line(self.body).items()}
        return {line: count for line, count in found.items() if line not in headings}

    @property
    def headings(self) -> list[Heading]:
        """All headings of the body, in order, with their line in the file (from the block tokens alone
        unless the full parse is already done). Kept under the body without its leading blank lines, which
        MkDocs strips after the front matter: the page's numbering finds what the checks computed."""
        text = self.body.lstrip("\n")
        blank = len(self.body) - len(text)  # parsing skips them: the same headings, lines shifted
        found = _memo.get("judul", (text,), lambda: self._heading_lines(blank)) if _memo else self._heading_lines(blank)
        return [Heading(level, title, line + blank + self.body_line) for level, title, line in found]

    def _heading_lines(self, blank: int) -> list[tuple[int, str, int]]:
        """``(level, text, 0-based line after the ``blank`` leading blank lines)`` of every heading."""
        tokens = self.__dict__.get("tokens") or _blocks(self.body)
        return [(int(token.tag[1]), tokens[i + 1].content.strip(), token.map[0] - blank)
                for i, token in enumerate(tokens) if token.type == "heading_open" and token.map]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``text`` into (front-matter YAML or None, body, 1-based line where the body starts).

    The front matter is the block between a first line ``---`` and the next line ``---``; a byte-order
    mark and CRLF line ends (text pasted from Word) are tolerated.
    """
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not starts_with_front_matter(text):
        return None, text.lstrip("\ufeff"), 1
    for index in range(1, len(lines)):
        if lines[index].strip() == _FRONT_MATTER_FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None, text.lstrip("\ufeff"), 1


def starts_with_front_matter(text: str) -> bool:
    """True when the first line (after a byte-order mark) is the front-matter fence ``---``."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return first.strip() == _FRONT_MATTER_FENCE


def parse(text: str, path: str = "") -> Document:
    """Parse Markdown ``text`` (the whole file) into a :class:`Document`. Never raises on bad YAML.

    A front matter that is opened but never closed gives ``meta_error`` on line 1.
    """
    raw_meta, body, body_line = split_front_matter(text)
    document = Document(path=path, text=text, body=body, body_line=body_line)
    if raw_meta is None:
        if starts_with_front_matter(text):
            document.meta_error = (1, "front matter dibuka dengan --- tetapi tidak ditutup")
        return document
    try:
        meta, node = parse_yaml(raw_meta)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        document.meta_error = (line, getattr(error, "problem", None) or str(error))
        return document
    if isinstance(meta, dict):
        document.meta = meta
        document.meta_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    elif meta is not None:
        document.meta_error = (2, "front matter harus berupa pasangan 'kunci: nilai'")
    return document


def unwrap_admonitions(body: str) -> str:
    """Return ``body`` with each admonition (``!!! note``, ``??? tip``) replaced by its dedented body,
    line for line (the opener becomes a blank line), so that its content parses as Markdown."""
    lines = body.split("\n")
    changed = True
    while changed:  # nested admonitions come out one level per pass
        changed = False
        opener_indent = None
        for index, line in enumerate(lines):
            if opener_indent is not None:
                indent = len(line) - len(line.lstrip(" "))
                if not line.strip() or indent >= opener_indent + 4:
                    lines[index] = line[4:] if line.strip() else line
                    continue
                opener_indent = None
            match = _ADMONITION.match(line)
            if match:
                opener_indent = len(match.group("indent").expandtabs(4))
                lines[index] = ""
                changed = True
    return "\n".join(lines)


def load(path: Path, root: Path | None = None) -> Document:
    """Read and parse the file at ``path``; ``root`` makes the stored path relative for messages.

    Never raises: a file that is missing or not UTF-8 gives an empty :class:`Document` whose
    ``unreadable`` holds the problem (rule ``BERKAS-TAK-TERBACA``, with line and column).
    """
    shown = shown_path(path, root)
    text = read_text(path, shown)
    if isinstance(text, Problem):
        return Document(path=shown, text="", unreadable=text)
    return parse(text, shown)


# Word numbering such as "1.", "1.1", "2.3.1" or "BAB II"; at most two digits per level, so that a
# heading starting with a year ("2025 …") keeps it.
_NUMBERING_PREFIX = re.compile(r"^\s*(?:bab\s+[ivxlc]+\.?|\d{1,2}(?:\.\d{1,2})*\.?)\s+", re.IGNORECASE)


def strip_numbering(title: str) -> str:
    """Remove a leading hand-typed number such as ``1.1`` or ``BAB II`` from a heading text."""
    return _NUMBERING_PREFIX.sub("", title)


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u2018": "'", "\u2019": "'", "\u201a": "'"})
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")


def normalize_heading(title: str) -> str:
    """The comparable form of a heading text, so that a heading pasted from Word still matches.

    Drops an attribute list (``{ #id }``), zero-width characters, emphasis marks, a hand-typed number
    (``1.1``, ``BAB II``) and trailing colons or full stops; turns non-breaking spaces and smart quotes
    into plain ones; collapses spaces and ignores case. Returns the normalized text (``str``).
    """
    text = _ATTRIBUTES.sub("", title).translate(_INVISIBLE).translate(_QUOTES)
    text = unicodedata.normalize("NFKC", text).replace("*", "").replace("`", "").strip("_ ")
    text = strip_numbering(" ".join(text.split()))
    return text.rstrip(" :.").casefold()
